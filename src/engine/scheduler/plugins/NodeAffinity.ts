// NodeAffinity (pkg/scheduler/framework/plugins/nodeaffinity): Filter on nodeSelector (ANDed) and
// requiredDuringScheduling node affinity (terms ORed); PreFilter narrows to the nodes named by
// matchFields metadata.name (DaemonSet pods); Score sums the weights of matching preferred terms,
// normalised against the best node.
import type { ClusterEvent, EnqueueExtensions, FilterPlugin, PreFilterPlugin, PreScorePlugin, ScorePlugin, Status, ScoreList, Snapshot } from '../framework/interface';
import { defaultNormalizeScore, MAX_NODE_SCORE, status } from '../framework/interface';
import type { CycleState } from '../framework/cycleState';
import type { NodeInfo } from '../framework/nodeInfo';
import type { PodInfo } from '../framework/podInfo';
import type { KubeObject } from '../../api/meta';
import { nodeSelectorMatches, nodeSelectorTermMatches, type NodeSelectorTerm } from '../framework/corev1';

export const ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";
export const ERR_REASON_CONFLICT = "pod affinity terms conflict";

function requiredTerms(pod: KubeObject): NodeSelectorTerm[] | undefined {
  return pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
}

/** nodeaffinity.GetRequiredNodeAffinity(pod).Match(node). */
export function podMatchesNodeAffinity(pod: KubeObject, node: KubeObject): boolean {
  const sel = pod.spec?.nodeSelector as Record<string, string> | undefined;
  if (sel) {
    const labels = node.metadata.labels ?? {};
    for (const k in sel) if (labels[k] !== sel[k]) return false;
  }
  const terms = requiredTerms(pod);
  if (terms !== undefined && terms !== null) return nodeSelectorMatches(terms, node);
  return true;
}

interface Preferred {
  weight: number;
  preference: NodeSelectorTerm;
}

export class NodeAffinity implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin, EnqueueExtensions {
  readonly name = 'NodeAffinity';

  preFilter(state: CycleState, pod: PodInfo): Status | null {
    const terms = requiredTerms(pod.pod);
    if (!pod.pod.spec?.nodeSelector && !terms) {
      state.skipFilter.add(this.name);
      return null;
    }
    if (!terms) return null;
    let names: Set<string> | undefined;
    for (const t of terms) {
      let termNames: Set<string> | undefined;
      for (const r of t.matchFields ?? []) {
        if (r.key === 'metadata.name' && r.operator === 'In') {
          const s = new Set(r.values ?? []);
          termNames = termNames ? new Set([...termNames].filter((x) => s.has(x))) : s;
        }
      }
      if (!termNames) return null; // an unrestricted term: every node is eligible
      names = new Set([...(names ?? []), ...termNames]);
    }
    if (names && names.size === 0) return status('UnschedulableAndUnresolvable', ERR_REASON_CONFLICT);
    if (names) state.preFilterNodeNames.set(this.name, names);
    return null;
  }

  filter(_s: CycleState, pod: PodInfo, node: NodeInfo): Status | null {
    return podMatchesNodeAffinity(pod.pod, node.node!) ? null : status('UnschedulableAndUnresolvable', ERR_REASON_POD);
  }

  preScore(state: CycleState, pod: PodInfo): Status | null {
    const pref = pod.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution as Preferred[] | undefined;
    if (!pref || pref.length === 0) return status('Skip');
    state.write('PreScoreNodeAffinity', pref);
    return null;
  }

  /** Score for every node, in one loop of this plugin's own (see ScorePlugin.scoreNodes). */
  scoreNodes(state: CycleState, pod: PodInfo, nodes: NodeInfo[], _snap: Snapshot, out: ScoreList): void {
    for (let i = 0; i < nodes.length; i++) out[i] = this.score(state, pod, nodes[i]);
  }

  score(state: CycleState, _pod: PodInfo, node: NodeInfo): number {
    const pref = state.read<Preferred[]>('PreScoreNodeAffinity') ?? [];
    let count = 0;
    for (const p of pref) if (p.weight !== 0 && nodeSelectorTermMatches(p.preference, node.node!)) count += p.weight;
    return count;
  }

  normalizeScore(_s: CycleState, _p: PodInfo, scores: ScoreList): void {
    defaultNormalizeScore(MAX_NODE_SCORE, false, scores);
  }

  isSchedulableAfter(pod: PodInfo, ev: ClusterEvent): boolean {
    if (ev.resource !== 'Node' || !ev.obj) return false;
    const now = podMatchesNodeAffinity(pod.pod, ev.obj);
    if (ev.action === 'Add') return now;
    return now && !(ev.old && podMatchesNodeAffinity(pod.pod, ev.old));
  }
}
