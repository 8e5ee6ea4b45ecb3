// The status manager's view of a pod (pkg/kubelet/kubelet_pods.go generateAPIPodStatus, getPhase,
// convertToAPIContainerStatuses; pkg/kubelet/status/generate.go for the conditions).
import { deepEqual, type KubeObject } from '../api/meta';
import type { Clock } from '../sim/clock';
import { computePodQOS } from '../api/qos';
import type { ContainerRuntime, PodRuntime, TerminatedInfo } from './types';
import { conditionList, conditionOf, kubeletCondition, otherConditions } from './conditions';
import { ContainerStatusInputs, statusCacheOf, type PodStatusCache } from './statusCache';

function terminatedState(t: TerminatedInfo, clock: Clock) {
  const s: Record<string, unknown> = {
    containerID: t.containerID,
    exitCode: t.exitCode,
    finishedAt: clock.timestamp(t.finishedAt),
    reason: t.reason,
    startedAt: clock.timestamp(t.startedAt),
  };
  if (t.message) s.message = t.message;
  return s;
}

function containerStatus(c: ContainerRuntime, spec: any, defaultWaiting: string, clock: Clock) {
  let state: Record<string, unknown>;
  if (c.phase === 'running') state = { running: { startedAt: clock.timestamp(c.startedAt!) } };
  else if (c.waiting) state = { waiting: c.waiting.message !== undefined ? { message: c.waiting.message, reason: c.waiting.reason } : { reason: c.waiting.reason } };
  else if (c.terminated) state = { terminated: terminatedState(c.terminated, clock) };
  else state = { waiting: { reason: defaultWaiting } };
  // A container waiting to restart shows its latest exit as lastState (convertToAPIContainerStatuses).
  const last = c.phase !== 'running' && c.waiting && c.terminated ? c.terminated : c.lastTerminated;
  const s: Record<string, unknown> = {
    image: c.image ?? spec.image,
    imageID: c.imageID ?? '',
    lastState: last ? { terminated: terminatedState(last, clock) } : {},
    name: c.name,
    // A completed init container reports ready (its exit code 0 is its success).
    ready: c.role === 'init' ? c.phase === 'exited' && c.terminated?.exitCode === 0 : c.ready,
    restartCount: c.restartCount,
    started: c.phase === 'running' && c.started,
    state,
  };
  if (c.containerID && (c.phase === 'running' || c.terminated)) s.containerID = c.containerID;
  if (c.role === 'sidecar' || c.role === 'init') s.started = c.phase === 'running' && c.started;
  return s;
}

/** getPhase (kubelet_pods.go): Pending / Running / Succeeded / Failed from the pod spec and its container statuses. */
export function getPhase(spec: any, init: any[], regular: any[], podIsTerminal: boolean): string {
  const restartPolicy = spec?.restartPolicy ?? 'Always';
  let pendingInit = 0;
  let failedInit = 0;
  for (const s of init) {
    const sidecar = (spec?.initContainers ?? []).find((c: any) => c.name === s.name)?.restartPolicy === 'Always';
    if (sidecar) {
      if (!s.started) pendingInit++;
      continue;
    }
    if (s.state.running) pendingInit++;
    else if (s.state.terminated) {
      if (s.state.terminated.exitCode !== 0) failedInit++;
    } else if (s.state.waiting) {
      if (s.lastState?.terminated && s.lastState.terminated.exitCode !== 0) failedInit++;
      else pendingInit++;
    } else pendingInit++;
  }
  let unknown = 0;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const s of regular) {
    if (s.state.running) running++;
    else if (s.state.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.state.waiting) {
      if (s.lastState?.terminated) stopped++;
      else waiting++;
    } else unknown++;
  }
  if (failedInit > 0 && restartPolicy === 'Never') return 'Failed';
  if (pendingInit > 0 || failedInit > 0) return 'Pending';
  if (waiting > 0) return 'Pending';
  if (running > 0 && unknown === 0) return 'Running';
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (podIsTerminal) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (restartPolicy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (restartPolicy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}

// Unchanged lists are kept as the stored ones: most status writes change one field, and the store
// then compares them by identity and keeps no new copy.

/** Whether prev is exactly [{ ip }]. */
function sameIPs(prev: any, ip: string): boolean {
  if (!Array.isArray(prev) || prev.length !== 1 || prev[0]?.ip !== ip) return false;
  for (const k in prev[0]) if (k !== 'ip') return false;
  return true;
}

/** The store now holds `status`, as generatePodStatus built it for p. */
export function statusWritten(p: PodRuntime, status: object): void {
  statusCacheOf(p).written = status;
}

/**
 * prev (a list built here) if it equals next, so the stored list is kept; else next. The cached
 * inputs of next's entries (from `first` on) then point at prev's, so they compare by identity.
 */
function shareStatuses(prev: any, next: Record<string, unknown>[], cached: ContainerStatusInputs[], first: number): Record<string, unknown>[] {
  if (!Array.isArray(prev) || prev.length !== next.length) return next;
  for (let i = 0; i < next.length; i++) if (prev[i] !== next[i] && !deepEqual(prev[i], next[i])) return next;
  for (let i = 0; i < next.length; i++) cached[first + i].status = prev[i];
  return prev;
}

/** containerStatus, or the one built last for c when nothing it reads has changed since. */
function cachedStatus(cache: PodStatusCache, i: number, c: ContainerRuntime, spec: any, defaultWaiting: string, clock: Clock): Record<string, unknown> {
  let last = cache.containers[i];
  if (last === undefined) cache.containers[i] = last = new ContainerStatusInputs();
  else if (last.matches(c, spec, defaultWaiting)) return last.status!;
  const status = containerStatus(c, spec, defaultWaiting, clock);
  last.record(c, spec, defaultWaiting, status);
  return status;
}

/** Whether some condition of this type in list is not True. */
function someNotTrue(list: any[] | undefined, type: string): boolean {
  if (list) for (const c of list) if (c.type === type && c.status !== 'True') return true;
  return false;
}

const NONE: any[] = [];

/**
 * generateAPIPodStatus: the whole status the kubelet writes for the pod now. When nothing changed
 * it is pod.status itself, so the caller can skip the write, as the status manager skips a status
 * equal to the one it last sent (isPodStatusByKubeletEqual). Plain loops: it runs at every sync.
 */
export function generatePodStatus(pod: KubeObject, p: PodRuntime, hostIP: string, clock: Clock, podStartTime: number): any {
  const old = pod.status ?? {};
  const cache = statusCacheOf(p);
  const own = old === cache.written;
  const initSpecs: any[] = pod.spec?.initContainers ?? NONE;
  const specs: any[] = pod.spec?.containers ?? NONE;

  // Init containers: all done, the ones not initialized, and the sidecars (restartable init
  // containers) that count for readiness too, listed first (status/generate.go). The names are
  // kept as the space-separated lists the condition messages show.
  let initDone = true;
  let notInit: string | undefined;
  let unready: string | undefined;
  for (const s of initSpecs) {
    const c = p.containers[s.name];
    if (s.restartPolicy === 'Always') {
      const up = c?.phase === 'running' && c.started;
      if (!up) notInit = notInit === undefined ? s.name : `${notInit} ${s.name}`;
      if (!up) initDone = false;
      if (!c?.ready) unready = unready === undefined ? s.name : `${unready} ${s.name}`;
    } else {
      if (!(c?.terminated?.exitCode === 0)) notInit = notInit === undefined ? s.name : `${notInit} ${s.name}`;
      if (!(c?.terminated?.exitCode === 0 && c.phase === 'exited')) initDone = false;
    }
  }
  const waiting = initDone ? 'ContainerCreating' : 'PodInitializing';
  // Everything read below is as it was when the stored status was generated: that status again.
  if (own && old === cache.generated && !p.rejected && cache.sameInputs(pod, p, hostIP, podStartTime) && cache.sameContainers(p, initSpecs, specs, waiting)) {
    return old;
  }
  for (const s of specs) if (!p.containers[s.name]?.ready) unready = unready === undefined ? s.name : `${unready} ${s.name}`;

  const initStatuses: any[] = initSpecs.length ? new Array(initSpecs.length) : NONE;
  for (let i = 0; i < initSpecs.length; i++) initStatuses[i] = cachedStatus(cache, i, p.containers[initSpecs[i].name], initSpecs[i], 'PodInitializing', clock);
  const statuses: any[] = new Array(specs.length);
  const first = initSpecs.length;
  for (let i = 0; i < specs.length; i++) statuses[i] = cachedStatus(cache, first + i, p.containers[specs[i].name], specs[i], waiting, clock);

  let phase = getPhase(pod.spec, initStatuses, statuses, !!p.terminal || p.terminatingAt !== undefined);
  if (p.rejected || p.failed) phase = 'Failed';
  if (!p.terminal && p.terminatingAt === undefined && (old.phase === 'Succeeded' || old.phase === 'Failed')) phase = old.phase;
  const terminal = phase === 'Succeeded' || phase === 'Failed';

  let missingGate: string | undefined;
  let falseGate: string | undefined;
  for (const g of pod.spec?.readinessGates ?? NONE) {
    const t: string = g.conditionType;
    if (missingGate === undefined && !conditionOf(old.conditions, t)) missingGate = t;
    if (falseGate === undefined && someNotTrue(old.conditions, t)) falseGate = t;
  }

  const now = clock.timestamp();
  const gen = pod.metadata.generation;
  const prev: any[] | undefined = old.conditions;
  const initialized = notInit === undefined || initDone;
  const sandbox = kubeletCondition(prev, own, 0, 'PodReadyToStartContainers', p.sandboxReady && !terminal, undefined, undefined, now, gen);
  const init = kubeletCondition(prev, own, 1, 'Initialized', initialized, 'ContainersNotInitialized', initialized ? undefined : `containers with incomplete status: [${notInit}]`, now, gen);
  let ready: any;
  let containersReady: any;
  if (terminal) {
    ready = kubeletCondition(prev, own, 2, 'Ready', false, 'PodCompleted', undefined, now, gen);
    containersReady = kubeletCondition(prev, own, 3, 'ContainersReady', false, 'PodCompleted', undefined, now, gen);
  } else {
    // Messages are only kept on False conditions: built only then.
    const unreadyMsg = unready === undefined ? undefined : `containers with unready status: [${unready}]`;
    if (unready !== undefined) ready = kubeletCondition(prev, own, 2, 'Ready', false, 'ContainersNotReady', unreadyMsg, now, gen);
    else if (missingGate) ready = kubeletCondition(prev, own, 2, 'Ready', false, 'ReadinessGatesNotReady', `corresponding condition of pod readiness gate "${missingGate}" does not exist.`, now, gen);
    else if (falseGate) ready = kubeletCondition(prev, own, 2, 'Ready', false, 'ReadinessGatesNotReady', `the status of pod readiness gate "${falseGate}" is not "True", but False`, now, gen);
    else ready = kubeletCondition(prev, own, 2, 'Ready', true, undefined, undefined, now, gen);
    containersReady = kubeletCondition(prev, own, 3, 'ContainersReady', unready === undefined, 'ContainersNotReady', unreadyMsg, now, gen);
  }
  const conditions = conditionList(prev, own, [sandbox, init, ready, containersReady]);
  const hostIPs = sameIPs(old.hostIPs, hostIP) ? old.hostIPs : [{ ip: hostIP }];
  const podIPs = p.ip ? (sameIPs(old.podIPs, p.ip) ? old.podIPs : [{ ip: p.ip }]) : undefined;
  const startTime = old.startTime ?? clock.timestamp(podStartTime);
  const initContainerStatuses = own ? shareStatuses(old.initContainerStatuses, initStatuses, cache.containers, 0) : initStatuses;
  const containerStatuses = own ? shareStatuses(old.containerStatuses, statuses, cache.containers, first) : statuses;
  const qosClass = old.qosClass || computePodQOS(pod);
  // Every field as stored (most syncs change nothing): the stored status itself, not a copy.
  if (
    !p.rejected &&
    conditions === old.conditions &&
    phase === old.phase &&
    (gen === undefined || gen === old.observedGeneration) &&
    hostIP === old.hostIP &&
    hostIPs === old.hostIPs &&
    (!p.ip || (p.ip === old.podIP && podIPs === old.podIPs)) &&
    startTime === old.startTime &&
    (!initSpecs.length || initContainerStatuses === old.initContainerStatuses) &&
    containerStatuses === old.containerStatuses &&
    (!p.failed || (p.failed.reason === old.reason && p.failed.message === old.message)) &&
    qosClass === old.qosClass
  ) {
    cache.record(old, pod, p, hostIP, podStartTime);
    return old;
  }

  // Object.assign, not a spread: a spread copy that then gains keys gets a hidden class of its own
  // in V8, one per pod, and every reader of pod statuses goes megamorphic.
  const status: any = Object.assign({}, old);
  status.conditions = conditions;
  status.phase = phase;
  if (gen !== undefined) status.observedGeneration = gen;
  status.hostIP = hostIP;
  status.hostIPs = hostIPs;
  if (p.ip) {
    status.podIP = p.ip;
    status.podIPs = podIPs;
  }
  status.startTime = startTime;
  if (initSpecs.length) status.initContainerStatuses = initContainerStatuses;
  status.containerStatuses = containerStatuses;
  if (p.failed) {
    status.reason = p.failed.reason;
    status.message = p.failed.message;
  }
  if (p.rejected) {
    status.reason = p.rejected.reason;
    status.message = p.rejected.message;
    delete status.containerStatuses;
    delete status.initContainerStatuses;
    status.conditions = otherConditions(old.conditions);
  }
  if (!status.qosClass) status.qosClass = qosClass;
  cache.record(status, pod, p, hostIP, podStartTime);
  return status;
}
