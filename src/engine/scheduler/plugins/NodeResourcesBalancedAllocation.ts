// NodeResourcesBalancedAllocation (pkg/scheduler/framework/plugins/noderesources/balanced_allocation.go):
// prefers nodes whose cpu and memory usage stay balanced; PreScore skips pods that request nothing.
import type { PreScorePlugin, ScorePlugin, Status, Snapshot, ScoreList } from '../framework/interface';
import { status } from '../framework/interface';
import type { CycleState } from '../framework/cycleState';
import type { NodeInfo } from '../framework/nodeInfo';
import type { PodInfo } from '../framework/podInfo';
import { balancedAllocationScore, DEFAULT_RESOURCES, ResourceAllocationScorer, type ResourceSpec } from './resourceAllocation';

const PRE_SCORE_KEY = 'PreScoreNodeResourcesBalancedAllocation';

export class NodeResourcesBalancedAllocation implements PreScorePlugin, ScorePlugin {
  readonly name = 'NodeResourcesBalancedAllocation';
  private readonly scorer: ResourceAllocationScorer;

  constructor(resources: ResourceSpec[] = DEFAULT_RESOURCES) {
    this.scorer = new ResourceAllocationScorer(PRE_SCORE_KEY, resources, true, balancedAllocationScore);
  }

  preScore(state: CycleState, pod: PodInfo): Status | null {
    const reqs = this.scorer.requests(pod);
    if (reqs.every((r) => r === 0)) return status('Skip');
    this.scorer.keep(state, reqs);
    return null;
  }

  /** Score for every node, in one loop of this plugin's own (see ScorePlugin.scoreNodes). */
  scoreNodes(state: CycleState, pod: PodInfo, nodes: NodeInfo[], _snap: Snapshot, out: ScoreList): void {
    this.scorer.scoreNodes(state, pod, nodes, out);
  }

  score(state: CycleState, pod: PodInfo, node: NodeInfo): number {
    return this.scorer.score(state, pod, node);
  }
}
