// NodeName (pkg/scheduler/framework/plugins/nodename): a pod that names a node fits only there.
import type { ClusterEvent, EnqueueExtensions, FilterPlugin, Status } from '../framework/interface';
import { status } from '../framework/interface';
import type { NodeInfo } from '../framework/nodeInfo';
import type { PodInfo } from '../framework/podInfo';

export const ERR_REASON_NODE_NAME = "node(s) didn't match the requested node name";

export class NodeName implements FilterPlugin, EnqueueExtensions {
  readonly name = 'NodeName';

  filter(_s: unknown, pod: PodInfo, node: NodeInfo): Status | null {
    const want: string | undefined = pod.pod.spec?.nodeName;
    if (!want || want === node.name) return null;
    return status('UnschedulableAndUnresolvable', ERR_REASON_NODE_NAME);
  }

  isSchedulableAfter(pod: PodInfo, ev: ClusterEvent): boolean {
    return ev.resource === 'Node' && ev.action === 'Add' && ev.obj?.metadata.name === pod.pod.spec?.nodeName;
  }
}
