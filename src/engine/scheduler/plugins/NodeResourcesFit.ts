// NodeResourcesFit (pkg/scheduler/framework/plugins/noderesources/fit.go): Filter checks the pod
// count and every requested resource against allocatable minus what the node's pods request; a
// request larger than the whole node is unresolvable (preemption cannot help). Score is the
// LeastAllocated strategy over cpu and memory (weight 1 each).
import type { ClusterEvent, EnqueueExtensions, FilterPlugin, PreScorePlugin, ScorePlugin, Status, Snapshot, ScoreList } from '../framework/interface';
import { status } from '../framework/interface';
import type { CycleState } from '../framework/cycleState';
import type { NodeInfo } from '../framework/nodeInfo';
import type { PodInfo } from '../framework/podInfo';
import { allocatableOf, podRequests } from '../framework/resources';
import { DEFAULT_RESOURCES, leastAllocatedScore, ResourceAllocationScorer, type ResourceSpec } from './resourceAllocation';

const PRE_SCORE_KEY = 'PreScoreNodeResourcesFit';

export interface InsufficientResource {
  resourceName: string;
  reason: string;
  unresolvable: boolean;
}

/** fitsRequest. */
export function insufficientResources(pod: PodInfo, node: NodeInfo): InsufficientResource[] {
  const out: InsufficientResource[] = [];
  if (node.pods.length + 1 > node.allowedPodNumber) out.push({ resourceName: 'pods', reason: 'Too many pods', unresolvable: false });
  const r = pod.requests;
  const a = node.allocatable;
  const u = node.requested;
  if (r.milliCPU > 0 && r.milliCPU > a.milliCPU - u.milliCPU) {
    out.push({ resourceName: 'cpu', reason: 'Insufficient cpu', unresolvable: r.milliCPU > a.milliCPU });
  }
  if (r.memory > 0 && r.memory > a.memory - u.memory) {
    out.push({ resourceName: 'memory', reason: 'Insufficient memory', unresolvable: r.memory > a.memory });
  }
  if (r.ephemeralStorage > 0 && r.ephemeralStorage > a.ephemeralStorage - u.ephemeralStorage) {
    out.push({ resourceName: 'ephemeral-storage', reason: 'Insufficient ephemeral-storage', unresolvable: r.ephemeralStorage > a.ephemeralStorage });
  }
  for (const name in r.scalar) {
    const q = r.scalar[name];
    if (q === 0) continue;
    const alloc = a.scalar[name] ?? 0;
    if (q > alloc - (u.scalar[name] ?? 0)) out.push({ resourceName: name, reason: `Insufficient ${name}`, unresolvable: q > alloc });
  }
  return out;
}

function hasScalar(o: Record<string, number>): boolean {
  for (const _ in o) return true;
  return false;
}

export class NodeResourcesFit implements FilterPlugin, PreScorePlugin, ScorePlugin, EnqueueExtensions {
  readonly name = 'NodeResourcesFit';

  private readonly scorer: ResourceAllocationScorer;

  constructor(resources: ResourceSpec[] = DEFAULT_RESOURCES) {
    this.scorer = new ResourceAllocationScorer(PRE_SCORE_KEY, resources, false, leastAllocatedScore);
  }

  filter(_s: CycleState, pod: PodInfo, node: NodeInfo): Status | null {
    const r = pod.requests;
    const a = node.allocatable;
    const u = node.requested;
    // Fast path for the common case: room for one more pod of plain cpu/memory/storage requests.
    if (
      node.pods.length + 1 <= node.allowedPodNumber &&
      r.milliCPU <= a.milliCPU - u.milliCPU &&
      r.memory <= a.memory - u.memory &&
      r.ephemeralStorage <= a.ephemeralStorage - u.ephemeralStorage &&
      !hasScalar(r.scalar)
    ) {
      return null;
    }
    const ins = insufficientResources(pod, node);
    if (ins.length === 0) return null;
    const code = ins.some((i) => i.unresolvable) ? 'UnschedulableAndUnresolvable' : 'Unschedulable';
    return status(code, ...ins.map((i) => i.reason));
  }

  preScore(state: CycleState, pod: PodInfo): Status | null {
    this.scorer.keep(state, this.scorer.requests(pod));
    return null;
  }

  /** Score for every node, in one loop of this plugin's own (see ScorePlugin.scoreNodes). */
  scoreNodes(state: CycleState, pod: PodInfo, nodes: NodeInfo[], _snap: Snapshot, out: ScoreList): void {
    this.scorer.scoreNodes(state, pod, nodes, out);
  }

  score(state: CycleState, pod: PodInfo, node: NodeInfo): number {
    return this.scorer.score(state, pod, node);
  }

  isSchedulableAfter(pod: PodInfo, ev: ClusterEvent): boolean {
    if (ev.resource === 'AssignedPod') {
      if (ev.action !== 'Delete' && ev.action !== 'Update') return false;
      if (ev.action === 'Delete') return true;
      // A scale-down of a bound pod frees room; isSchedulableAfterPodScaleDown.
      const before = podRequests(ev.old?.spec);
      const after = podRequests(ev.obj?.spec);
      return after.milliCPU < before.milliCPU || after.memory < before.memory;
    }
    if (ev.resource !== 'Node' || !ev.obj) return false;
    const { res, pods } = allocatableOf(ev.obj);
    const fits = pods >= 1 && pod.requests.milliCPU <= res.milliCPU && pod.requests.memory <= res.memory && pod.requests.ephemeralStorage <= res.ephemeralStorage;
    if (!fits) return false;
    if (ev.action === 'Add') return true;
    const old = ev.old ? allocatableOf(ev.old) : undefined;
    return !old || pods > old.pods || res.milliCPU > old.res.milliCPU || res.memory > old.res.memory || res.ephemeralStorage > old.res.ephemeralStorage;
  }
}
