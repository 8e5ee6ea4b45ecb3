// kube-scheduler's default-scheduler profile as a simulated component
// (pkg/scheduler/schedule_one.go, eventhandlers.go): it watches Pods and Nodes, keeps NodeInfos
// in its cache, pops the next pod from the scheduling queue, runs the filter and score plugins,
// picks the best node (ties broken at random, seeded) and binds through the pods/binding
// subresource. On failure it writes PodScheduled=False/Unschedulable with the FitError message,
// records FailedScheduling, runs DefaultPreemption, and requeues with back-off.
import type { Component, ComponentContext } from '../sim/component';
import type { ScheduledEvent } from '../sim/clock';
import type { WatchEvent } from '../apiserver/store';
import type { EventSource } from '../apiserver/events';
import { deepEqual, type KubeObject } from '../api/meta';
import { SchedulerCache, isTerminal } from './framework/cache';
import { PodKeys, splitKey } from './framework/podKeys';
import { PodNominator } from './framework/nominator';
import { CycleState } from './framework/cycleState';
import type { ClusterEvent, Status } from './framework/interface';
import { hasEnqueueExtensions } from './framework/interface';
import type { NodeInfo } from './framework/nodeInfo';
import { newPodInfo, type PodInfo } from './framework/podInfo';
import type { Framework } from './framework/runtime';
import { defaultFramework } from './framework/profile';
import { fitErrorMessage, type Diagnosis } from './framework/fitError';
import { podPriority } from './framework/corev1';
import { SchedulingQueue, BACKOFF_FLUSH_PERIOD_MS, UNSCHEDULABLE_FLUSH_PERIOD_MS, type QueuedPodInfo, type QueueState } from './queue';
import { defaultPreemption } from './preemption';
import { expandAttempt, ScorePacker, storedAttemptJSON, type Attempt, type StoredAttempt } from './explanation';
import { findNodesThatPassFilters, selectHost, updatePodScheduledCondition, type FilterHost } from './schedule_one';

export const SCHEDULER_NAME = 'default-scheduler';
const EVENT_SOURCE: EventSource = { component: SCHEDULER_NAME };
const NONE: PodInfo[] = [];

interface SchedulerState {
  queue: QueueState;
  explanations: Record<string, StoredAttempt>;
  nextStartNodeIndex: number;
  cycleAt: number | null;
  backoffTickAt: number | null;
  unschedulableTickAt: number | null;
}

function responsibleFor(pod: KubeObject): boolean {
  return (pod.spec?.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME;
}

/** isPodUpdated: a change other than status, resourceVersion, generation and managedFields. */
function podUpdated(a: KubeObject, b: KubeObject): boolean {
  const strip = (p: KubeObject) => ({ ...p, status: undefined, metadata: { ...p.metadata, resourceVersion: undefined, generation: undefined, managedFields: undefined } });
  return !deepEqual(strip(a), strip(b));
}

/** An update of a bound pod that changed neither its spec, labels, deletion nor terminal phase (see onPod). */
function boundPodStatusUpdate(ev: WatchEvent): boolean {
  const old = ev.old;
  const pod = ev.object;
  if (ev.type === 'DELETED' || !old || old.spec !== pod.spec || old.metadata.labels !== pod.metadata.labels || !pod.spec?.nodeName) return false;
  return old.metadata.deletionTimestamp === pod.metadata.deletionTimestamp && isTerminal(old) === isTerminal(pod);
}

function nodeRelevant(n: KubeObject) {
  return { labels: n.metadata.labels, taints: n.spec?.taints, unschedulable: n.spec?.unschedulable, allocatable: n.status?.allocatable, images: n.status?.images };
}

export class Scheduler implements Component {
  readonly name = SCHEDULER_NAME;
  private ctx!: ComponentContext;
  cache!: SchedulerCache;
  fwk!: Framework;
  private queue = new SchedulingQueue();
  /** The last attempt per pod key (a Map: one is set every cycle). */
  private explanations = new Map<string, StoredAttempt>();
  private packer = new ScorePacker();
  private nextStartNodeIndex = 0;
  private cycleAt: number | null = null;
  private backoffTickAt: number | null = null;
  private unschedulableTickAt: number | null = null;
  private inFlight: string | null = null;
  /** What findNodesThatPassFilters needs; built once in start (a closure per cycle costs an allocation). */
  private filterHost!: FilterHost;
  /** The pod being bound this instant, so the cache reuses its PodInfo. */
  private binding: PodInfo | undefined;
  /** Derived from the store (rebuilt on restore). */
  private nominator = new PodNominator();
  /** Each pod's key, one string per pod (see podKeys.ts). */
  private keys = new PodKeys();

  start(ctx: ComponentContext): void {
    this.ctx = ctx;
    this.cache = new SchedulerCache(ctx.api);
    this.cache.resync();
    this.fwk = defaultFramework(this.cache);
    this.filterHost = { fwk: this.fwk, cache: this.cache, start: 0, nominatedFor: (n) => (this.nominator.size ? this.nominator.podsFor(n) : NONE) };
    ctx.api.watch((ev) => this.onPod(ev), ['Pod']);
    ctx.api.watch((ev) => this.onNode(ev), ['Node']);
    for (const p of ctx.api.list('Pod')) {
      if (p.status?.nominatedNodeName) this.nominator.track(this.keys.of(p), p);
      this.addPending(p);
    }
  }

  // ---- explanations ------------------------------------------------------------------------

  /** The last scheduling attempt for a pod, if any. */
  explain(namespace: string, name: string): Attempt | undefined {
    const s = this.explanations.get(`${namespace}/${name}`);
    return s && expandAttempt(s);
  }

  /** Pods waiting in each queue (for inspection). */
  pending(): { active: string[]; backoff: string[]; unschedulable: string[]; gated: string[] } {
    return { active: this.queue.keys('active'), backoff: this.queue.keys('backoff'), unschedulable: this.queue.keys('unschedulable'), gated: this.queue.keys('gated') };
  }

  // ---- informer handlers (only update the cache and queue, and schedule work) --------------

  private onPod(ev: WatchEvent): void {
    const pod = ev.object;
    if (boundPodStatusUpdate(ev)) {
      // Most pod updates are the kubelet's status writes of bound pods. The store shares unchanged
      // sub-objects, so the same spec and labels mean nothing the queue, the plugins' aggregates
      // or the queueing hints look at changed: the cache only takes the newer object (and a bound
      // pod is no longer nominated).
      if (this.nominator.size) this.nominator.forget(this.keys.of(pod));
      this.cache.updatePodStatus(pod);
      return;
    }
    const key = this.keys.of(pod);
    if (this.nominator.size || pod.status?.nominatedNodeName) this.nominator.track(key, ev.type === 'DELETED' ? undefined : pod);
    if (ev.type === 'DELETED') {
      const wasAssigned = this.cache.removePod(pod) !== undefined;
      const q = this.queue.get(key);
      if (q && q.uid === pod.metadata.uid) this.queue.remove(key);
      this.explanations.delete(key);
      this.waitingInfo.delete(key);
      this.keys.forget(pod);
      if (wasAssigned) this.clusterEvent({ resource: 'AssignedPod', action: 'Delete', obj: pod });
      return;
    }
    const old = ev.old;
    if (pod.spec?.nodeName) {
      const was = this.cache.nodeOf(pod) !== undefined;
      const is = this.cache.setPod(pod, this.binding?.key === key ? this.binding : undefined, key);
      if (this.queue.get(key)) this.queue.remove(key);
      this.waitingInfo.delete(key);
      if (!was && is) this.clusterEvent({ resource: 'AssignedPod', action: 'Add', obj: pod });
      else if (was && !is) this.clusterEvent({ resource: 'AssignedPod', action: 'Delete', obj: pod, old });
      else if (was && is && old && (!deepEqual(old.metadata.labels, pod.metadata.labels) || !deepEqual(old.spec, pod.spec))) {
        this.clusterEvent({ resource: 'AssignedPod', action: 'Update', obj: pod, old });
      }
      return;
    }
    if (key === this.inFlight) return;
    if (pod.metadata.deletionTimestamp || isTerminal(pod) || !responsibleFor(pod)) {
      this.queue.remove(key);
      return;
    }
    const q = this.queue.get(key);
    if (!q || q.uid !== pod.metadata.uid) {
      this.addPending(pod);
      return;
    }
    if (old && podUpdated(old, pod)) {
      const gated = (pod.spec?.schedulingGates ?? []).length > 0;
      if (!gated && this.queue.activate(key, this.ctx.clock.now, podPriority(pod))) this.kick();
    }
  }

  private addPending(pod: KubeObject): void {
    if (pod.spec?.nodeName || pod.metadata.deletionTimestamp || isTerminal(pod) || !responsibleFor(pod)) return;
    const gated = (pod.spec?.schedulingGates ?? []).length > 0;
    this.queue.add(this.keys.of(pod), pod.metadata.uid ?? '', podPriority(pod), this.ctx.clock.now, gated);
    if (!gated) this.ensureCycle();
  }

  private onNode(ev: WatchEvent): void {
    const node = ev.object;
    if (ev.type === 'DELETED') {
      this.cache.removeNode(node.metadata.name);
      return;
    }
    if (ev.type === 'MODIFIED' && ev.old && deepEqual(nodeRelevant(ev.old), nodeRelevant(node))) return;
    this.cache.setNode(node);
    this.clusterEvent({ resource: 'Node', action: ev.type === 'ADDED' ? 'Add' : 'Update', obj: node, old: ev.old });
  }

  /** MoveAllToActiveOrBackoffQueue, filtered by the rejecting plugins' queueing hints. */
  private clusterEvent(ev: ClusterEvent): void {
    if (this.queue.size('unschedulable') === 0) return;
    const moved = this.queue.moveForEvent(this.ctx.clock.now, (qp) => {
      if (qp.unschedulablePlugins.length === 0) return true;
      const [ns, name] = splitKey(qp.key);
      const pod = this.ctx.api.get('Pod', ns, name);
      if (!pod) return false;
      const pi = this.queuedPodInfo(qp.key, pod);
      return qp.unschedulablePlugins.some((pl) => {
        const p = this.fwk.plugin(pl);
        return !p || !hasEnqueueExtensions(p) || p.isSchedulableAfter(pi, ev);
      });
    });
    if (moved) this.kick();
  }

  /** PodInfo of a waiting pod, reused across cluster events until the pod changes. */
  private queuedPodInfo(key: string, pod: KubeObject): PodInfo {
    const hit = this.waitingInfo.get(key);
    if (hit && hit.pod === pod) return hit;
    const pi = newPodInfo(pod);
    if (this.waitingInfo.size > 10_000) this.waitingInfo.clear();
    this.waitingInfo.set(key, pi);
    return pi;
  }
  private waitingInfo = new Map<string, PodInfo>();

  private kick(): void {
    if (this.queue.hasWork()) this.ensureCycle();
    if (this.queue.size('backoff') > 0) this.ensureBackoffTick();
  }

  // ---- timers ------------------------------------------------------------------------------

  private ensureCycle(): void {
    if (this.cycleAt !== null) return;
    const delay = this.ctx.timings.schedulingLatencyMs;
    this.cycleAt = this.ctx.clock.now + delay;
    this.ctx.schedule(delay, 'cycle');
  }

  private ensureBackoffTick(): void {
    if (this.backoffTickAt !== null) return;
    const now = this.ctx.clock.now;
    const at = (Math.floor(now / BACKOFF_FLUSH_PERIOD_MS) + 1) * BACKOFF_FLUSH_PERIOD_MS;
    this.backoffTickAt = at;
    this.ctx.schedule(at - now, 'flushBackoffQ');
  }

  private ensureUnschedulableTick(): void {
    if (this.unschedulableTickAt !== null) return;
    const now = this.ctx.clock.now;
    const at = (Math.floor(now / UNSCHEDULABLE_FLUSH_PERIOD_MS) + 1) * UNSCHEDULABLE_FLUSH_PERIOD_MS;
    this.unschedulableTickAt = at;
    this.ctx.schedule(at - now, 'flushUnschedulablePodsLeftover');
  }

  handle(ev: ScheduledEvent): void {
    const now = this.ctx.clock.now;
    if (ev.key === 'cycle') {
      this.cycleAt = null;
      this.scheduleOne();
      if (this.queue.hasWork() && this.cycleAt === null) {
        this.cycleAt = now;
        this.ctx.schedule(0, 'cycle');
      }
    } else if (ev.key === 'flushBackoffQ') {
      this.backoffTickAt = null;
      if (this.queue.flushBackoff(now)) this.ensureCycle();
      if (this.queue.size('backoff') > 0) this.ensureBackoffTick();
    } else if (ev.key === 'flushUnschedulablePodsLeftover') {
      this.unschedulableTickAt = null;
      this.queue.flushUnschedulableLeftover(now);
      this.kick();
      if (this.queue.size('unschedulable') > 0) this.ensureUnschedulableTick();
    }
  }

  // ---- the scheduling cycle ----------------------------------------------------------------

  private scheduleOne(): void {
    const now = this.ctx.clock.now;
    const qp = this.queue.pop(now);
    if (!qp) return;
    const [ns, name] = splitKey(qp.key);
    const pod = this.ctx.api.get('Pod', ns, name);
    // skipPodSchedule: gone, replaced, already bound, or being deleted.
    if (!pod || pod.metadata.uid !== qp.uid || pod.spec?.nodeName || pod.metadata.deletionTimestamp || !responsibleFor(pod)) return;
    this.inFlight = qp.key;
    try {
      this.schedulingCycle(qp, pod);
    } finally {
      this.inFlight = null;
    }
  }

  private schedulingCycle(qp: QueuedPodInfo, pod: KubeObject): void {
    const now = this.ctx.clock.now;
    const pi = newPodInfo(pod, qp.key);
    const snap = this.cache;
    const allNodes = snap.nodes;
    const attempt: StoredAttempt = { at: now, attempt: qp.attempts, result: 'Unschedulable', nodes: [], filter: {}, feasible: [] };
    this.explanations.set(qp.key, attempt);

    if (allNodes.length === 0) {
      this.fail(qp, pod, attempt, 'no nodes available to schedule pods', [], true, undefined);
      return;
    }

    const state = new CycleState();
    // Most cycles reject no node: the rejections' map and set are the scheduler's, emptied here
    // (nothing keeps them past the cycle: fail() copies the plugins).
    if (this.nodeToStatus.size) this.nodeToStatus.clear();
    if (this.rejectors.size) this.rejectors.clear();
    const diagnosis: Diagnosis = { nodeToStatus: this.nodeToStatus };
    const rejectors = this.rejectors;
    let feasible: NodeInfo[] = [];
    const pre = this.fwk.runPreFilter(state, pi, snap);
    if (pre) {
      for (const n of allNodes) diagnosis.nodeToStatus.set(n.name, pre);
      diagnosis.preFilterMsg = pre.reasons.join(', ');
      rejectors.add(pre.plugin!);
      attempt.nodes = allNodes.map((n) => n.name);
      for (const n of allNodes) attempt.filter[n.name] = { plugin: pre.plugin!, code: pre.code, reasons: pre.reasons };
    } else {
      this.filterHost.start = this.nextStartNodeIndex;
      const found = findNodesThatPassFilters(this.filterHost, state, pi, pod, diagnosis, rejectors, attempt);
      feasible = found.feasible;
      if (allNodes.length) this.nextStartNodeIndex = (this.nextStartNodeIndex + found.processed) % allNodes.length;
    }

    if (feasible.length === 0) {
      const message0 = fitErrorMessage(allNodes.length, diagnosis);
      const post = defaultPreemption(this.preemptionHost(), state, pi, pod, diagnosis);
      if (post.status.code !== 'Success') diagnosis.postFilterMsg = post.status.reasons.join(', ');
      const message = post.status.code !== 'Success' ? fitErrorMessage(allNodes.length, diagnosis) : message0;
      attempt.preemption = { message: diagnosis.postFilterMsg, nominatedNode: post.nominatedNode || undefined, victims: post.victims };
      this.fail(qp, pod, attempt, message, [...rejectors], false, post.nominatedNode);
      return;
    }

    let selected = feasible[0];
    if (feasible.length > 1) {
      this.fwk.runPreScore(state, pi, feasible, snap);
      const result = this.fwk.runScore(state, pi, feasible, snap);
      attempt.packed = this.packer.pack(result);
      selected = selectHost(feasible, result.totals, this.ctx.random('tiebreak'));
    }
    try {
      this.binding = pi;
      this.ctx.api.bind(pi.namespace, pod.metadata.name, selected.name);
    } catch (e) {
      this.fail(qp, pod, attempt, e instanceof Error ? e.message : String(e), [], true, undefined);
      return;
    } finally {
      this.binding = undefined;
    }
    attempt.result = 'Scheduled';
    attempt.node = selected.name;
    this.ctx.events.record(pod, 'Normal', 'Scheduled', `Successfully assigned ${qp.key} to ${selected.name}`, EVENT_SOURCE);
  }

  private readonly nodeToStatus = new Map<string, Status>();
  private readonly rejectors = new Set<string>();

  private preemptionHost() {
    return {
      api: this.ctx.api,
      events: this.ctx.events,
      random: this.ctx.random('preemption'),
      snap: this.cache,
      fwk: this.fwk,
      nominatedPodsFor: (n: string) => this.nominator.podsFor(n),
      schedulerName: SCHEDULER_NAME,
      timestamp: () => this.ctx.clock.timestamp(),
    };
  }

  /** handleSchedulingFailure: condition, event, requeue. */
  private fail(qp: QueuedPodInfo, pod: KubeObject, attempt: StoredAttempt, message: string, plugins: string[], isError: boolean, nominatedNode: string | undefined): void {
    const now = this.ctx.clock.now;
    attempt.result = isError ? 'Error' : 'Unschedulable';
    attempt.message = message;
    const reason = isError ? 'SchedulerError' : 'Unschedulable';
    this.queue.addUnschedulable(qp, plugins, now, isError);
    updatePodScheduledCondition(this.ctx, pod, reason, message, nominatedNode);
    this.ctx.events.record(pod, 'Warning', 'FailedScheduling', message, EVENT_SOURCE);
    if (isError) this.ensureBackoffTick();
    else this.ensureUnschedulableTick();
  }

  // ---- snapshots ---------------------------------------------------------------------------

  saveState(): unknown {
    const s: SchedulerState = {
      queue: this.queue.save(),
      explanations: Object.fromEntries(Array.from(this.explanations, ([k, a]) => [k, storedAttemptJSON(a)])),
      nextStartNodeIndex: this.nextStartNodeIndex,
      cycleAt: this.cycleAt,
      backoffTickAt: this.backoffTickAt,
      unschedulableTickAt: this.unschedulableTickAt,
    };
    return s; // the Simulation deep-copies component state when it snapshots
  }

  loadState(state: unknown): void {
    const s = state as SchedulerState; // a private copy from the Simulation
    this.queue.load(s.queue);
    this.explanations = new Map(Object.entries(s.explanations));
    this.nextStartNodeIndex = s.nextStartNodeIndex;
    this.cycleAt = s.cycleAt;
    this.backoffTickAt = s.backoffTickAt;
    this.unschedulableTickAt = s.unschedulableTickAt;
    this.cache.resync();
    this.keys.clear();
    this.nominator.clear();
    for (const p of this.ctx.api.list('Pod')) if (p.status?.nominatedNodeName) this.nominator.track(this.keys.of(p), p);
  }
}

