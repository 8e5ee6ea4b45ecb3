// ImageLocality (pkg/scheduler/framework/plugins/imagelocality): prefers nodes that already have
// the pod's images (node.status.images), weighted by image size and by how widely the image is
// spread, clamped between 23MB and 1000MB per container.
import type { PreScorePlugin, ScorePlugin, Status, Snapshot, ScoreList } from '../framework/interface';
import { MAX_NODE_SCORE } from '../framework/interface';
import { PreScoreMemo, type CycleState } from '../framework/cycleState';
import { normalizedImageName, type NodeInfo } from '../framework/nodeInfo';
import type { PodInfo } from '../framework/podInfo';

const MB = 1024 * 1024;
const MIN_THRESHOLD = 23 * MB;
const MAX_CONTAINER_THRESHOLD = 1000 * MB;

interface PreScoreState {
  /** The pod's images that at least one node has (normalised names). */
  images: string[];
  numContainers: number;
  imageNodes: Map<string, number>;
  totalNodes: number;
}

export class ImageLocality implements PreScorePlugin, ScorePlugin {
  readonly name = 'ImageLocality';

  constructor(private readonly spread: () => { imageNodes: Map<string, number>; totalNodes: number }) {}

  preScore(state: CycleState, pod: PodInfo): Status | null {
    const spec = pod.pod.spec ?? {};
    const { imageNodes, totalNodes } = this.spread();
    const images: string[] = [];
    const numContainers = knownImages(spec.initContainers, imageNodes, images) + knownImages(spec.containers, imageNodes, images);
    const value: PreScoreState = { images, numContainers, imageNodes, totalNodes };
    this.preScored.write(state, value);
    return null;
  }

  private readonly preScored = new PreScoreMemo<PreScoreState>('PreScoreImageLocality');

  private preScoreState(state: CycleState): PreScoreState {
    return this.preScored.read(state)!;
  }

  /** Score for every node, in one loop of this plugin's own (see ScorePlugin.scoreNodes). */
  scoreNodes(state: CycleState, _pod: PodInfo, nodes: NodeInfo[], _snap: Snapshot, out: ScoreList): void {
    const s = this.preScoreState(state);
    for (let i = 0; i < nodes.length; i++) out[i] = nodeScore(s, nodes[i]);
  }

  score(state: CycleState, _pod: PodInfo, node: NodeInfo): number {
    return nodeScore(this.preScoreState(state), node);
  }
}

/** The sizes of the pod's images the node has, scaled by their spread, clamped and mapped to 0..100. */
function nodeScore(s: PreScoreState, node: NodeInfo): number {
  let sum = 0;
  if (node.images.size > 0) {
    for (let i = 0; i < s.images.length; i++) {
      const size = node.images.get(s.images[i]);
      if (size === undefined) continue;
      sum += Math.trunc((size * (s.imageNodes.get(s.images[i]) ?? 0)) / s.totalNodes);
    }
  }
  const maxThreshold = MAX_CONTAINER_THRESHOLD * s.numContainers;
  if (sum < MIN_THRESHOLD) sum = MIN_THRESHOLD;
  else if (sum > maxThreshold) sum = maxThreshold;
  if (maxThreshold === MIN_THRESHOLD) return 0;
  return Math.trunc((MAX_NODE_SCORE * (sum - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD));
}

/**
 * Appends the containers' images (normalised) that at least one node has — an image no node has
 * adds nothing on any node, so Score need not look it up node by node — and returns how many
 * containers there are.
 */
function knownImages(containers: { image?: string }[] | undefined, imageNodes: Map<string, number>, out: string[]): number {
  if (!containers) return 0;
  for (const c of containers) {
    if (!c.image) continue;
    const name = normalizedImageName(c.image);
    if (imageNodes.has(name)) out.push(name);
  }
  return containers.length;
}
