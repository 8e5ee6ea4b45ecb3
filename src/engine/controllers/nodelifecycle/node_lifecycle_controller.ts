// The node lifecycle controller (pkg/controller/nodelifecycle/node_lifecycle_controller.go):
// every node-monitor-period (5s) it checks each node's heartbeats — the Lease renewTime and the
// Ready condition's lastHeartbeatTime, stamped with the controller's own clock when they change —
// and once none arrived within node-monitor-grace-period (50s; 60s startup grace for a node that
// never posted) it sets the node's conditions to Unknown ("Kubelet stopped posting node
// status."), marks its pods not Ready, and taints it: unreachable/not-ready NoSchedule right
// away, NoExecute through the per-zone rate limiter (0.1 nodes/s). Ready again removes both.
import { Controller } from '../../sim/component';
import type { KubeObject } from '../../api/meta';
import type { WatchEvent } from '../../apiserver/store';
import {
  desiredNoExecuteKey,
  desiredNoScheduleKeys,
  managedNoSchedule,
  readyStatus,
  swapTaints,
  TAINT_NOT_READY,
  TAINT_UNREACHABLE,
  type Taint,
} from './taints';

export const NODE_LIFECYCLE_CONTROLLER = 'node-lifecycle-controller';
/** --node-startup-grace-period. */
export const NODE_STARTUP_GRACE_MS = 60_000;
/** --node-eviction-rate 0.1 nodes per second, per zone. */
export const NODE_EVICTION_INTERVAL_MS = 10_000;

const MONITORED = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];

interface NodeHealth {
  probeTimestamp: number;
  heartbeat?: string;
  leaseRenew?: string;
  ready?: string;
}

interface State {
  health: Record<string, NodeHealth>;
  /** zone -> earliest time the NoExecute limiter lets the next node through. */
  zoneNext: Record<string, number>;
}

function zoneOf(node: KubeObject): string {
  const l = node.metadata.labels ?? {};
  const region = l['topology.kubernetes.io/region'] ?? '';
  const zone = l['topology.kubernetes.io/zone'] ?? '';
  return `${region}:\u0000:${zone}`;
}

export class NodeLifecycleController extends Controller {
  readonly name = NODE_LIFECYCLE_CONTROLLER;
  private st: State = { health: {}, zoneNext: {} };

  protected run(): void {
    this.ctx.api.watch((ev) => this.onNode(ev), ['Node']);
    for (const n of this.ctx.api.list('Node')) this.onNode({ type: 'ADDED', object: n });
    this.enqueue('monitor', this.ctx.timings.nodeMonitorPeriodMs);
  }

  private onNode(ev: WatchEvent): void {
    const name = ev.object.metadata.name;
    if (ev.type === 'DELETED') {
      this.enqueue(`forget:${name}`);
      return;
    }
    if (ev.type === 'ADDED') this.enqueue(`register:${name}`);
    this.enqueue(`noschedule:${name}`);
  }

  protected sync(key: string): void {
    const [kind, name] = key.includes(':') ? [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)] : [key, ''];
    if (kind === 'monitor') {
      this.monitorNodeHealth();
      this.enqueue('monitor', this.ctx.timings.nodeMonitorPeriodMs);
    } else if (kind === 'register') {
      const node = this.ctx.api.get('Node', undefined, name);
      if (node) this.nodeEvent(node, 'Normal', 'RegisteredNode', `Node ${name} event: Registered Node ${name} in Controller`);
    } else if (kind === 'forget') {
      delete this.st.health[name];
    } else if (kind === 'noschedule') {
      this.doNoScheduleTaintingPass(name);
    } else if (kind === 'noexecute') {
      this.doNoExecuteTaintingPass(name);
    }
  }

  private now(): number {
    return this.ctx.clock.now;
  }

  private nodeEvent(node: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string): void {
    const ref: KubeObject = { apiVersion: 'v1', kind: 'Node', metadata: { name: node.metadata.name, uid: node.metadata.name } };
    this.ctx.events.record(ref, type, reason, message, { component: 'node-controller' });
  }

  private monitorNodeHealth(): void {
    const nodes = [...this.ctx.api.list('Node')].sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
    for (const node of nodes) this.tryUpdateNodeHealth(node);
    const all = this.ctx.api.list('Node');
    const anyReady = all.some((n) => readyStatus(n) === 'True');
    for (const node of [...all].sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))) {
      // Every zone fully disrupted looks like the control plane lost its network: no evictions.
      if (!anyReady && all.length > 0) this.removeNoExecute(node.metadata.name);
      else this.doNoExecuteTaintingPass(node.metadata.name);
    }
  }

  private tryUpdateNodeHealth(node: KubeObject): void {
    const name = node.metadata.name;
    const now = this.now();
    const h = (this.st.health[name] ??= { probeTimestamp: now });
    const readyCond = (node.status?.conditions ?? []).find((c: any) => c.type === 'Ready');
    const lease = this.ctx.api.get('Lease', 'kube-node-lease', name);
    const heartbeat = readyCond?.lastHeartbeatTime;
    const renew = lease?.spec?.renewTime;
    if (heartbeat !== h.heartbeat || renew !== h.leaseRenew) {
      if ((heartbeat !== undefined && heartbeat !== h.heartbeat) || (renew !== undefined && renew !== h.leaseRenew)) h.probeTimestamp = now;
      h.heartbeat = heartbeat;
      h.leaseRenew = renew;
    }
    const observed = readyCond?.status;
    const grace = readyCond ? this.ctx.timings.nodeMonitorGracePeriodMs : NODE_STARTUP_GRACE_MS;
    let current = observed;
    if (now > h.probeTimestamp + grace) {
      const ts = this.ctx.clock.timestamp();
      const updated = this.ctx.api.mutate('Node', undefined, name, (d) => {
        const conds: any[] = (d.status = d.status ?? {}).conditions ?? [];
        let changed = false;
        for (const type of MONITORED) {
          const c = conds.find((x) => x.type === type);
          if (!c) {
            conds.push({
              type,
              status: 'Unknown',
              reason: 'NodeStatusNeverUpdated',
              message: 'Kubelet never posted node status.',
              lastHeartbeatTime: d.metadata.creationTimestamp,
              lastTransitionTime: ts,
            });
            changed = true;
          } else if (c.status !== 'Unknown') {
            c.status = 'Unknown';
            c.reason = 'NodeStatusUnknown';
            c.message = 'Kubelet stopped posting node status.';
            c.lastTransitionTime = ts;
            changed = true;
          }
        }
        d.status.conditions = conds;
        return changed ? undefined : false;
      }, { status: true });
      current = readyStatus(updated);
    }
    if ((h.ready ?? observed) === 'True' && current !== 'True') {
      this.nodeEvent(node, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`);
      this.markPodsNotReady(name);
    }
    h.ready = current;
  }

  /** MarkPodsNotReady (pkg/controller/util/node/controller_utils.go): pods on the node lose Ready. */
  private markPodsNotReady(nodeName: string): void {
    const ts = this.ctx.clock.timestamp();
    const pods = [...this.ctx.api.podsOnNode(nodeName)].sort((a, b) => `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`));
    for (const pod of pods) {
      const ready = (pod.status?.conditions ?? []).find((c: any) => c.type === 'Ready');
      if (!ready || ready.status === 'False') continue;
      this.ctx.api.mutate('Pod', pod.metadata.namespace, pod.metadata.name, (d) => {
        const c = d.status.conditions.find((x: any) => x.type === 'Ready');
        c.status = 'False';
        c.lastTransitionTime = ts;
      }, { status: true });
      this.ctx.events.record(pod, 'Warning', 'NodeNotReady', 'Node is not ready', { component: 'node-controller' });
    }
  }

  private doNoScheduleTaintingPass(name: string): void {
    const node = this.ctx.api.get('Node', undefined, name);
    if (!node) return;
    const want = desiredNoScheduleKeys(node);
    const have = managedNoSchedule(node);
    const add: Taint[] = want.filter((k) => !have.some((t) => t.key === k)).map((key) => ({ key, effect: 'NoSchedule' }));
    const remove = have.filter((t) => !want.includes(t.key));
    if (!add.length && !remove.length) return;
    const ts = this.ctx.clock.timestamp();
    this.ctx.api.mutate('Node', undefined, name, (d) => (swapTaints(d, add, remove, ts) ? undefined : false));
  }

  private doNoExecuteTaintingPass(name: string): void {
    const node = this.ctx.api.get('Node', undefined, name);
    if (!node) return;
    const want = desiredNoExecuteKey(node);
    if (!want) {
      this.removeNoExecute(name);
      return;
    }
    const taints: Taint[] = node.spec?.taints ?? [];
    if (taints.some((t) => t.key === want && t.effect === 'NoExecute')) return;
    const zone = zoneOf(node);
    const next = this.st.zoneNext[zone] ?? 0;
    if (this.now() < next) {
      this.enqueue(`noexecute:${name}`, next - this.now());
      return;
    }
    this.st.zoneNext[zone] = this.now() + NODE_EVICTION_INTERVAL_MS;
    const other = want === TAINT_UNREACHABLE ? TAINT_NOT_READY : TAINT_UNREACHABLE;
    const ts = this.ctx.clock.timestamp();
    this.ctx.api.mutate('Node', undefined, name, (d) =>
      swapTaints(d, [{ key: want, effect: 'NoExecute' }], [{ key: other, effect: 'NoExecute' }], ts) ? undefined : false,
    );
  }

  private removeNoExecute(name: string): void {
    const node = this.ctx.api.get('Node', undefined, name);
    if (!node || !(node.spec?.taints ?? []).some((t: Taint) => t.effect === 'NoExecute' && (t.key === TAINT_UNREACHABLE || t.key === TAINT_NOT_READY))) return;
    const ts = this.ctx.clock.timestamp();
    this.ctx.api.mutate('Node', undefined, name, (d) =>
      swapTaints(d, [], [{ key: TAINT_UNREACHABLE, effect: 'NoExecute' }, { key: TAINT_NOT_READY, effect: 'NoExecute' }], ts) ? undefined : false,
    );
  }

  protected override saveExtra(): unknown {
    return this.st;
  }

  protected override loadExtra(s: unknown): void {
    this.st = s as State;
  }
}
