// NodeResourcesBalancedAllocation (pkg/scheduler/framework/plugins/noderesources/balanced_allocation.go):
// prefers nodes whose cpu and memory usage stay balanced; PreScore skips pods that request nothing.
import type { PreScorePlugin, ScorePlugin, Status, Snapshot, ScoreList } from '../framework/interface';
import { status } from '../framework/interface';
import { PreScoreMemo, type CycleState } from '../framework/cycleState';
import type { NodeInfo } from '../framework/nodeInfo';
import type { PodInfo } from '../framework/podInfo';
import { balancedAllocationScore, DEFAULT_RESOURCES, podInfoRequestList, type RequestList, type ResourceSpec } from './resourceAllocation';

const PRE_SCORE_KEY = 'PreScoreNodeResourcesBalancedAllocation';

export class NodeResourcesBalancedAllocation implements PreScorePlugin, ScorePlugin {
  readonly name = 'NodeResourcesBalancedAllocation';

  constructor(private readonly resources: ResourceSpec[] = DEFAULT_RESOURCES) {}

  preScore(state: CycleState, pod: PodInfo): Status | null {
    const reqs = podInfoRequestList(pod, this.resources, true);
    if (reqs.every((r) => r === 0)) return status('Skip');
    this.preScored.write(state, reqs);
    return null;
  }

  private readonly preScored = new PreScoreMemo<RequestList>(PRE_SCORE_KEY);

  private podReqs(state: CycleState, pod: PodInfo): RequestList {
    return this.preScored.read(state) ?? podInfoRequestList(pod, this.resources, true);
  }

  /** Score for every node, in one loop of this plugin's own (see ScorePlugin.scoreNodes). */
  scoreNodes(state: CycleState, pod: PodInfo, nodes: NodeInfo[], _snap: Snapshot, out: ScoreList): void {
    const reqs = this.podReqs(state, pod);
    for (let i = 0; i < nodes.length; i++) out[i] = balancedAllocationScore(nodes[i], reqs, this.resources);
  }

  score(state: CycleState, pod: PodInfo, node: NodeInfo): number {
    return balancedAllocationScore(node, this.podReqs(state, pod), this.resources);
  }
}
