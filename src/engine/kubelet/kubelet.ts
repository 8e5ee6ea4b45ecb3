// The kubelets of the simulated cluster: one agent per Node, run by a single component. Each
// agent watches the pods bound to its node (spec.nodeName) and drives them through the
// simulated container runtime, writes pod status, renews its Lease and posts node status — all
// through the API server (pkg/kubelet/kubelet.go). A node can be stopped and started: a stopped
// kubelet writes nothing and acts on nothing, as when the machine or its network is down.
import type { Component, ComponentContext } from '../sim/component';
import type { ScheduledEvent } from '../sim/clock';
import { clone, deepEqual, type KubeObject } from '../api/meta';
import type { WatchEvent } from '../apiserver/store';
import { watchEventKey } from '../apiserver/watch';
import type { EventType } from '../apiserver/events';
import { containerSpec, keepRuntimeKey, type KubeletHost } from './host';
import type { ContainerRuntime, KubeletState, NodeAgent, PodRuntime, ProbeType, SavedKubeletState, TimerData } from './types';
import { podRequests, syncPod } from './podWorkers';
import { NodeUsageCache } from './nodeUsage';
import { keepSpecHash, onExited, onPulled, onStarted } from './containers';
import { doProbe, probeOf, probeSettings, startProbeTickers } from './probes/worker';
import { finishIfStopped } from './termination';
import { generatePodStatus, statusWritten } from './status';
import { allocatePodIP, internalIP, newAgent, recordStartup, renewLease, syncNodeStatus, nodeEvent } from './nodeStatus';
import { SIGTERM_EXIT_CODE } from '../workload/process';
import { workloadSpec } from '../workload/annotations';

export const KUBELET_COMPONENT = 'kubelet';

export type NodeAction = 'stop' | 'start';
export type AppAction = 'crash' | 'break-readiness' | 'break-liveness' | 'heal';

/** Whether a and b differ in nothing but status, resourceVersion and generation. */
function statusOnly(a: KubeObject, b: KubeObject): boolean {
  return sameExcept(a, b, 'status', 'metadata') && sameExcept(a.metadata, b.metadata, 'resourceVersion', 'generation');
}

/** deepEqual of a and b with fields x and y left out (absent and undefined fields are the same). */
function sameExcept(a: Record<string, unknown>, b: Record<string, unknown>, x: string, y: string): boolean {
  // The store shares unchanged fields between versions: most are the same object, not compared.
  for (const k in a) {
    if (k === x || k === y) continue;
    const v = a[k];
    if (v !== b[k] && !deepEqual(v, b[k])) return false;
  }
  for (const k in b) if (k !== x && k !== y && a[k] === undefined && b[k] !== undefined) return false;
  return true;
}

// Event fieldPaths by container name ("spec.containers{web}", as GetPartialReference names a
// container): the same few names recur in every pod, so each path is built once. A bounded cache.
const containerPaths = new Map<string, string>();
const initContainerPaths = new Map<string, string>();

function fieldPathOf(c: ContainerRuntime): string {
  const regular = c.role === 'regular';
  const paths = regular ? containerPaths : initContainerPaths;
  let path = paths.get(c.name);
  if (path === undefined) {
    if (paths.size >= 1024) paths.clear();
    path = `spec.${regular ? 'containers' : 'initContainers'}{${c.name}}`;
    paths.set(c.name, path);
  }
  return path;
}

function emptyState(): KubeletState {
  return { nodes: {}, pods: new Map(), crashBackoff: {}, pullBackoff: {}, pullErrors: {}, queued: new Map() };
}

export class Kubelet implements Component, KubeletHost {
  readonly name = KUBELET_COMPONENT;
  ctx!: ComponentContext;
  state: KubeletState = emptyState();
  usage!: NodeUsageCache;
  /**
   * Each node's InternalIP, read at every pod status write: derived from the Node object, dropped
   * at any change of it (the Node watch) and after a restore.
   */
  private hostIPs = new Map<string, string>();

  start(ctx: ComponentContext): void {
    this.ctx = ctx;
    this.usage = new NodeUsageCache(ctx.api, () => this.state, podRequests);
    ctx.api.watch((ev) => this.onPodEvent(ev), ['Pod']);
    ctx.api.watch((ev) => this.onNodeEvent(ev), ['Node']);
    for (const n of ctx.api.list('Node')) ctx.schedule(0, 'register', { node: n.metadata.name, epoch: 0 });
  }

  private readonly agentOf = (node: string): NodeAgent | undefined => this.state.nodes[node];

  // ---- KubeletHost ---------------------------------------------------------------------------

  now(): number {
    return this.ctx.clock.now;
  }

  enqueueSync(podKey: string, delayMs = this.ctx.timings.kubeletLatencyMs): void {
    const at = this.now() + Math.max(0, Math.round(delayMs));
    const cur = this.state.queued.get(podKey);
    if (cur !== undefined && cur <= at) return;
    this.state.queued.set(podKey, at);
    // The pod key rides as the event's data: the same string the queue map holds, so the lookups
    // at dispatch hash nothing new.
    this.ctx.schedule(at - this.now(), 'sync', podKey);
  }

  timer(delayMs: number, kind: string, data: TimerData): void {
    this.ctx.schedule(Math.max(0, Math.round(delayMs)), kind, data);
  }

  podEvent(obj: KubeObject | PodRuntime, type: EventType, reason: string, message: string, c?: ContainerRuntime): void {
    const o = obj as any;
    const ns = o.metadata ? o.metadata.namespace : o.namespace;
    const name = o.metadata ? o.metadata.name : o.name;
    const pod = this.ctx.api.get('Pod', ns, name) ?? (o.metadata ? o : undefined);
    if (!pod) return;
    this.ctx.events.record(pod, type, reason, message, { component: 'kubelet', host: pod.spec?.nodeName }, c ? fieldPathOf(c) : undefined);
  }

  writeStatus(podKey: string): void {
    const p = this.state.pods.get(podKey);
    if (!p) return;
    const pod = this.ctx.api.get('Pod', p.namespace, p.name);
    const agent = this.state.nodes[p.node];
    if (!pod || pod.metadata.uid !== p.uid || !agent || !agent.running) return;
    const next = generatePodStatus(pod, p, this.hostIP(agent), this.ctx.clock, p.admittedAt);
    // Nothing changed: generatePodStatus gave the stored status back, and nothing is written.
    if (next === pod.status) return;
    const stored = this.ctx.api.updateStatus({ ...pod, status: next }, { owned: true });
    // The store keeps the object unless it found it equal to the stored one (then it keeps that).
    if (stored.status === next) statusWritten(p, next);
  }

  private hostIP(agent: NodeAgent): string {
    let ip = this.hostIPs.get(agent.name);
    if (ip === undefined) {
      ip = internalIP(agent, this.ctx.api.get('Node', undefined, agent.name));
      this.hostIPs.set(agent.name, ip);
    }
    return ip;
  }

  // ---- watches ------------------------------------------------------------------------------

  private onPodEvent(ev: WatchEvent): void {
    const pod = ev.object;
    const node = pod.spec?.nodeName ?? ev.old?.spec?.nodeName;
    // A pod bound to no node is no kubelet's (and counts on no node).
    if (!node) return;
    // The kubelet's pod config ignores status-only updates (its own writes among them).
    const sync = !!this.state.nodes[node] && !(ev.type === 'MODIFIED' && ev.old && statusOnly(ev.old, pod));
    if (!sync && !this.usage.changedBy(ev)) return;
    // The store's own key string: the pods map and the sync queue hash it once per pod.
    const key = watchEventKey(ev);
    this.usage.observe(ev, key);
    if (sync) this.enqueueSync(key);
  }

  private onNodeEvent(ev: WatchEvent): void {
    const name = ev.object.metadata.name;
    this.hostIPs.delete(name);
    if (ev.type === 'ADDED' && !this.state.nodes[name]) this.ctx.schedule(this.ctx.timings.kubeletLatencyMs, 'register', { node: name, epoch: 0 });
    if (ev.type === 'DELETED') delete this.state.nodes[name];
    if (ev.type === 'MODIFIED' && !!ev.old?.spec?.unschedulable !== !!ev.object.spec?.unschedulable) {
      this.ctx.schedule(0, 'schedulable', { node: name, epoch: this.state.nodes[name]?.epoch ?? 0 });
    }
  }

  // ---- events -------------------------------------------------------------------------------

  handle(ev: ScheduledEvent): void {
    if (ev.key === 'sync') {
      const key = ev.data as string;
      if (this.state.queued.get(key) !== ev.at) return;
      this.state.queued.delete(key);
      syncPod(this, key, this.agentOf);
      return;
    }
    const d = (ev.data ?? {}) as TimerData;
    switch (ev.key) {
      case 'register':
        return this.register(d.node!);
      case 'node-action': {
        const a = ev.data as { name: string; action: NodeAction };
        return this.setNodeRunning(a.name, a.action !== 'stop');
      }
      case 'app-action': {
        const a = ev.data as { namespace?: string; pod: string; container?: string; action: AppAction };
        this.appAction(a.namespace ?? 'default', a.pod, a.action, a.container);
        return;
      }
      case 'lease':
      case 'node-status':
      case 'schedulable':
        return this.nodeTick(ev.key, d);
    }
    const p = d.pod ? this.state.pods.get(d.pod) : undefined;
    if (!p || p.epoch !== d.epoch) return;
    const agent = this.state.nodes[p.node];
    if (!agent?.running) return;
    const pod = this.ctx.api.get('Pod', p.namespace, p.name);
    if (!pod || pod.metadata.uid !== p.uid) return;
    if (ev.key === 'sandbox') {
      p.sandboxReady = true;
      p.ip = pod.spec?.hostNetwork ? internalIP(agent, this.ctx.api.get('Node', undefined, p.node)) : allocatePodIP(this, agent);
      this.writeStatus(d.pod!);
      this.enqueueSync(d.pod!, 0);
      return;
    }
    const c = d.container ? p.containers[d.container] : undefined;
    if (!c) return;
    if (ev.key === 'probe') {
      if (d.instance !== undefined && d.instance !== c.instance) return;
      const type = d.type as ProbeType;
      doProbe(this, pod, p, c, type);
      // Probe workers stop with the pod (a finished or terminating pod is probed no more).
      if (!d.manual && this.state.pods.get(d.pod!) === p && !p.terminal && p.terminatingAt === undefined) {
        const probe = probeOf(containerSpec(pod, c.name), type);
        if (probe) this.timer(probeSettings(probe).periodSeconds * 1000, 'probe', { pod: d.pod, epoch: d.epoch, container: c.name, type });
      }
      return;
    }
    if (d.instance !== c.instance) return;
    switch (ev.key) {
      case 'pulled':
        onPulled(this, pod, p, c, agent, d.requestedAt as number, d.startedAt as number);
        return;
      case 'started':
        onStarted(this, pod, p, c, d.image as string, d.imageID as string);
        return;
      case 'exit': {
        const exit = c.plan?.exit;
        if (!exit || c.phase !== 'running') return;
        onExited(this, p, c, exit.exitCode, exit.reason);
        if (p.terminatingAt !== undefined) finishIfStopped(this, pod, p);
        return;
      }
      case 'stopped': {
        const code = d.exitCode as number;
        onExited(this, p, c, code, code === 0 ? 'Completed' : 'Error');
        if (p.terminatingAt !== undefined) finishIfStopped(this, pod, p);
        return;
      }
    }
  }

  private register(name: string): void {
    if (!this.ctx.api.get('Node', undefined, name)) return;
    let agent = this.state.nodes[name];
    if (!agent) {
      agent = newAgent(this, name);
      this.state.nodes[name] = agent;
    }
    recordStartup(this, name);
    syncNodeStatus(this, agent, true);
    renewLease(this, agent);
    this.startNodeTickers(agent);
    for (const pod of this.ctx.api.podsOnNode(name)) this.enqueueSync(`${pod.metadata.namespace}/${pod.metadata.name}`);
  }

  private startNodeTickers(agent: NodeAgent): void {
    const every = this.ctx.timings.nodeStatusUpdateFrequencyMs;
    this.timer(every, 'lease', { node: agent.name, epoch: agent.epoch });
    this.timer(every, 'node-status', { node: agent.name, epoch: agent.epoch });
  }

  private nodeTick(kind: string, d: TimerData): void {
    const agent = this.state.nodes[d.node!];
    if (!agent || !agent.running || agent.epoch !== d.epoch) return;
    const every = this.ctx.timings.nodeStatusUpdateFrequencyMs;
    if (kind === 'lease') {
      renewLease(this, agent);
      this.timer(every, 'lease', d);
    } else if (kind === 'node-status') {
      syncNodeStatus(this, agent);
      this.timer(every, 'node-status', d);
    } else {
      const node = this.ctx.api.get('Node', undefined, agent.name);
      const ev = node?.spec?.unschedulable ? 'NodeNotSchedulable' : 'NodeSchedulable';
      nodeEvent(this, agent.name, 'Normal', ev, `Node ${agent.name} status is now: ${ev}`);
    }
  }

  // ---- node and application actions (scenario steps, UI) -------------------------------------

  isNodeRunning(name: string): boolean {
    return this.state.nodes[name]?.running ?? false;
  }

  /** Stop or start a node's kubelet (scenario step `node: {name, action: stop|start}`). */
  setNodeRunning(name: string, running: boolean): void {
    const agent = this.state.nodes[name];
    if (!agent || agent.running === running) return;
    agent.running = running;
    agent.epoch++;
    const mine = [...this.state.pods].filter(([, p]) => p.node === name);
    for (const [, p] of mine) p.epoch = agent.epoch;
    if (!running) return;
    // Pulls that were under way died with the kubelet.
    agent.inflight = {};
    agent.pullFreeAt = this.now();
    recordStartup(this, name);
    syncNodeStatus(this, agent, true);
    renewLease(this, agent);
    this.startNodeTickers(agent);
    for (const [key, p] of mine) this.resume(key, p);
    for (const pod of this.ctx.api.podsOnNode(name)) this.enqueueSync(`${pod.metadata.namespace}/${pod.metadata.name}`);
  }

  /** After a restart: containers kept running; the kubelet picks up its timers and probes again. */
  private resume(key: string, p: PodRuntime): void {
    const pod = this.ctx.api.get('Pod', p.namespace, p.name);
    if (!pod || pod.metadata.uid !== p.uid) return;
    p.busy = false;
    if (!p.sandboxReady) this.timer(0, 'sandbox', { pod: key, epoch: p.epoch });
    for (const c of Object.values(p.containers)) {
      if (c.phase === 'pulling' || c.phase === 'creating') {
        c.instance++;
        c.phase = c.terminated ? 'exited' : 'none';
      } else if (c.phase === 'running' && c.stopping) {
        onExited(this, p, c, SIGTERM_EXIT_CODE, 'Error');
      } else if (c.phase === 'running' && c.plan?.exit) {
        const at = (c.startedAt ?? 0) + c.plan.exit.afterMs;
        this.timer(at - this.now(), 'exit', { pod: key, epoch: p.epoch, container: c.name, instance: c.instance });
      }
    }
    startProbeTickers(this, pod, p);
    this.enqueueSync(key, 0);
  }

  /** Live actions on a running pod's process: crash it, or make its health endpoints fail. */
  appAction(namespace: string, podName: string, action: AppAction, container?: string): boolean {
    const key = `${namespace}/${podName}`;
    const p = this.state.pods.get(key);
    const pod = this.ctx.api.get('Pod', namespace, podName);
    if (!p || !pod || !this.state.nodes[p.node]?.running) return false;
    const targets = Object.values(p.containers).filter((c) => (container ? c.name === container : c.role === 'regular'));
    if (!targets.length) return false;
    for (const c of targets) {
      if (action === 'crash') {
        if (c.phase !== 'running' || c.stopping) continue;
        const code = workloadSpec(pod.metadata.annotations, c.name).exitCode ?? 1;
        onExited(this, p, c, code, code === 0 ? 'Completed' : 'Error');
      } else if (action === 'heal') {
        c.broken = undefined;
      } else {
        c.broken = { ...(c.broken ?? {}), [action === 'break-readiness' ? 'readiness' : 'liveness']: true };
      }
    }
    return true;
  }

  // ---- snapshots ----------------------------------------------------------------------------

  saveState(): unknown {
    for (const p of this.state.pods.values()) for (const name in p.containers) keepSpecHash(p.containers[name]);
    const saved: SavedKubeletState = { ...this.state, pods: Object.fromEntries(this.state.pods), queued: Object.fromEntries(this.state.queued) };
    return clone(saved);
  }

  loadState(state: unknown): void {
    const s = clone(state as SavedKubeletState);
    this.state = { ...s, pods: new Map(Object.entries(s.pods ?? {})), queued: new Map(Object.entries(s.queued ?? {})) };
    for (const [key, p] of this.state.pods) keepRuntimeKey(p, key);
    this.usage?.invalidate();
    this.hostIPs.clear();
  }
}
