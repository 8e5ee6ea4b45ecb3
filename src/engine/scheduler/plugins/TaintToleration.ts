// TaintToleration (pkg/scheduler/framework/plugins/tainttoleration): Filter rejects a node with a
// NoSchedule/NoExecute taint the pod does not tolerate (reporting the first one); Score counts the
// PreferNoSchedule taints not tolerated, normalised in reverse (fewer is better).
import type { ClusterEvent, EnqueueExtensions, FilterPlugin, PreScorePlugin, ScorePlugin, Status, ScoreList, Snapshot } from '../framework/interface';
import { defaultNormalizeScore, MAX_NODE_SCORE, status } from '../framework/interface';
import type { CycleState } from '../framework/cycleState';
import type { NodeInfo } from '../framework/nodeInfo';
import type { PodInfo } from '../framework/podInfo';
import { findMatchingUntoleratedTaint, taintToleratedBy, type Taint, type Toleration } from '../framework/corev1';

const PRE_SCORE_KEY = 'PreScoreTaintToleration';

export function untoleratedTaintReason(t: Taint): string {
  return `node(s) had untolerated taint {${t.key}: ${t.value ?? ''}}`;
}

const scheduleEffects = (t: Taint) => t.effect === 'NoSchedule' || t.effect === 'NoExecute';

export class TaintToleration implements FilterPlugin, PreScorePlugin, ScorePlugin, EnqueueExtensions {
  readonly name = 'TaintToleration';

  filter(_s: CycleState, pod: PodInfo, node: NodeInfo): Status | null {
    if (node.taints.length === 0) return null;
    const taint = findMatchingUntoleratedTaint(node.taints, pod.tolerations, scheduleEffects);
    return taint ? status('UnschedulableAndUnresolvable', untoleratedTaintReason(taint)) : null;
  }

  preScore(state: CycleState, pod: PodInfo): Status | null {
    // getAllTolerationPreferNoSchedule.
    const tols: Toleration[] = [];
    for (const t of pod.tolerations) if (!t.effect || t.effect === 'PreferNoSchedule') tols.push(t);
    state.write(PRE_SCORE_KEY, tols);
    this.last = { state, tols };
    return null;
  }

  /** This cycle's PreScore result, kept at hand: Score runs once per node. */
  private last: { state: CycleState; tols: Toleration[] } | undefined;

  /** Score for every node, in one loop of this plugin's own (see ScorePlugin.scoreNodes). */
  scoreNodes(state: CycleState, pod: PodInfo, nodes: NodeInfo[], _snap: Snapshot, out: ScoreList): void {
    for (let i = 0; i < nodes.length; i++) out[i] = this.score(state, pod, nodes[i]);
  }

  score(state: CycleState, _pod: PodInfo, node: NodeInfo): number {
    if (node.taints.length === 0) return 0;
    const tols = this.last?.state === state ? this.last.tols : (state.read<Toleration[]>(PRE_SCORE_KEY) ?? []);
    let n = 0;
    for (const taint of node.taints) if (taint.effect === 'PreferNoSchedule' && !taintToleratedBy(taint, tols)) n++;
    return n;
  }

  normalizeScore(_s: CycleState, _p: PodInfo, scores: ScoreList): void {
    defaultNormalizeScore(MAX_NODE_SCORE, true, scores);
  }

  /** isSchedulableAfterNodeChange: only a node that went from untolerated to tolerated helps. */
  isSchedulableAfter(pod: PodInfo, ev: ClusterEvent): boolean {
    if (ev.resource !== 'Node' || !ev.obj) return false;
    const untolerated = (n: typeof ev.obj) => !!findMatchingUntoleratedTaint((n?.spec?.taints ?? []) as Taint[], pod.tolerations, scheduleEffects);
    const was = ev.action === 'Add' || !ev.old ? true : untolerated(ev.old);
    return was && !untolerated(ev.obj);
  }
}
