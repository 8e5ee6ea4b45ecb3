// NodeUnschedulable (pkg/scheduler/framework/plugins/nodeunschedulable): a cordoned node
// (spec.unschedulable) only takes pods that tolerate node.kubernetes.io/unschedulable:NoSchedule.
import type { ClusterEvent, FilterPlugin, EnqueueExtensions, Status } from '../framework/interface';
import { status } from '../framework/interface';
import type { NodeInfo } from '../framework/nodeInfo';
import type { PodInfo } from '../framework/podInfo';
import { taintToleratedBy } from '../framework/corev1';

export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable';
const UNSCHEDULABLE_TAINT = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

export class NodeUnschedulable implements FilterPlugin, EnqueueExtensions {
  readonly name = 'NodeUnschedulable';

  filter(_s: unknown, pod: PodInfo, node: NodeInfo): Status | null {
    if (!node.unschedulable) return null;
    if (taintToleratedBy(UNSCHEDULABLE_TAINT, pod.tolerations)) return null;
    return status('UnschedulableAndUnresolvable', ERR_REASON_UNSCHEDULABLE);
  }

  isSchedulableAfter(_pod: PodInfo, ev: ClusterEvent): boolean {
    if (ev.resource !== 'Node' || ev.action === 'Delete') return false;
    return !ev.obj?.spec?.unschedulable && (ev.action === 'Add' || !!ev.old?.spec?.unschedulable);
  }
}
