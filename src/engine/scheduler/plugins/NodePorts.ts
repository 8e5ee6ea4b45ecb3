// NodePorts (pkg/scheduler/framework/plugins/nodeports): a hostPort can be used once per
// (IP, protocol, port) on a node; 0.0.0.0 conflicts with every IP.
import type { ClusterEvent, EnqueueExtensions, FilterPlugin, PreFilterPlugin, Status } from '../framework/interface';
import { status } from '../framework/interface';
import type { CycleState } from '../framework/cycleState';
import type { NodeInfo } from '../framework/nodeInfo';
import type { PodInfo } from '../framework/podInfo';

export const ERR_REASON_PORTS = "node(s) didn't have free ports for the requested pod ports";

export class NodePorts implements PreFilterPlugin, FilterPlugin, EnqueueExtensions {
  readonly name = 'NodePorts';

  preFilter(state: CycleState, pod: PodInfo): Status | null {
    if (pod.hostPorts.length === 0) state.skipFilter.add(this.name);
    return null;
  }

  filter(_s: CycleState, pod: PodInfo, node: NodeInfo): Status | null {
    if (node.usedPorts.size === 0) return null;
    for (const want of pod.hostPorts) {
      for (const used of node.usedPorts.keys()) {
        const [ip, proto, port] = used.split('/');
        if (proto !== want.protocol || Number(port) !== want.port) continue;
        if (ip === want.ip || ip === '0.0.0.0' || want.ip === '0.0.0.0') return status('Unschedulable', ERR_REASON_PORTS);
      }
    }
    return null;
  }

  isSchedulableAfter(pod: PodInfo, ev: ClusterEvent): boolean {
    if (ev.resource === 'Node') return ev.action === 'Add';
    if (ev.resource !== 'AssignedPod' || ev.action !== 'Delete' || !ev.obj) return false;
    for (const c of ev.obj.spec?.containers ?? []) {
      for (const p of c.ports ?? []) if (p.hostPort && pod.hostPorts.some((h) => h.port === p.hostPort)) return true;
    }
    return false;
  }
}
