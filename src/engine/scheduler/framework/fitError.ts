// FitError.Error() (pkg/scheduler/framework/types.go): "0/N nodes are available: " then a
// histogram "<count> <reason>" of every node's reasons, sorted as strings and joined by ", ",
// then ".", then " " + the PostFilter (preemption) message if any.
import type { Status } from './interface';

export const NO_NODE_AVAILABLE_MSG = (n: number) => `0/${n} nodes are available`;

export interface Diagnosis {
  /** Status of each node that was rejected, by node name. */
  nodeToStatus: Map<string, Status>;
  /** Status of nodes absent from nodeToStatus (e.g. ruled out by a PreFilter's node list). */
  absentNodesStatus?: Status;
  preFilterMsg?: string;
  postFilterMsg?: string;
}

export function fitErrorMessage(numAllNodes: number, d: Diagnosis): string {
  let msg = `${NO_NODE_AVAILABLE_MSG(numAllNodes)}:`;
  if (d.preFilterMsg) {
    msg += ` ${d.preFilterMsg}.`;
  } else {
    const reasons = new Map<string, number>();
    for (const s of d.nodeToStatus.values()) for (const r of s.reasons) reasons.set(r, (reasons.get(r) ?? 0) + 1);
    const absent = numAllNodes - d.nodeToStatus.size;
    if (absent > 0 && d.absentNodesStatus) for (const r of d.absentNodesStatus.reasons) reasons.set(r, (reasons.get(r) ?? 0) + absent);
    const hist = [...reasons].map(([r, n]) => `${n} ${r}`).sort(goStringLess);
    if (hist.length) msg += ` ${hist.join(', ')}.`;
  }
  if (d.postFilterMsg) msg += ` ${d.postFilterMsg}`;
  return msg;
}

/** sort.Strings order: bytewise (UTF-16 code units agree for the ASCII messages here). */
function goStringLess(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
