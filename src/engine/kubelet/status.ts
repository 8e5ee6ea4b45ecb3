// The status manager's view of a pod (pkg/kubelet/kubelet_pods.go generateAPIPodStatus, getPhase,
// convertToAPIContainerStatuses; pkg/kubelet/status/generate.go for the conditions).
import type { KubeObject } from '../api/meta';
import type { Clock } from '../sim/clock';
import { computePodQOS } from '../api/qos';
import type { ContainerRuntime, PodRuntime, TerminatedInfo } from './types';

const KUBELET_CONDITIONS = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady'];

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

/** getPhase (kubelet_pods.go): Pending / Running / Succeeded / Failed from the container statuses. */
export function getPhase(pod: KubeObject, init: any[], regular: any[], podIsTerminal: boolean): string {
  const restartPolicy = pod.spec?.restartPolicy ?? 'Always';
  let pendingInit = 0;
  let failedInit = 0;
  for (const s of init) {
    const sidecar = (pod.spec?.initContainers ?? []).find((c: any) => c.name === s.name)?.restartPolicy === 'Always';
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

function condition(type: string, status: boolean, reason?: string, message?: string) {
  const c: Record<string, unknown> = { lastProbeTime: null, status: status ? 'True' : 'False', type };
  if (!status && reason) c.reason = reason;
  if (!status && message) c.message = message;
  return c;
}

// Unchanged lists are kept as the stored ones: most status writes change one field, and the store
// then compares them by identity and keeps no new copy.

/** Whether prev is exactly [{ ip }]. */
function sameIPs(prev: any, ip: string): boolean {
  return Array.isArray(prev) && prev.length === 1 && prev[0]?.ip === ip && Object.keys(prev[0]).length === 1;
}

/**
 * Conditions this module built. Their keys always come in condition()'s order, so one of them
 * with the same field values as a new one is the same JSON text. (A cache: after a restore the
 * stored conditions are copies, found in no set, and are simply rebuilt.)
 */
const built = new WeakSet<object>();

/** Whether prev equals [...a, ...b]: a's conditions built alike, b's the very same objects. */
function sameEntries(prev: any, a: Record<string, any>[], b: Record<string, unknown>[]): boolean {
  if (!Array.isArray(prev) || prev.length !== a.length + b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = prev[i];
    const y = a[i];
    if (!x || !built.has(x)) return false;
    if (x.type !== y.type || x.status !== y.status || x.reason !== y.reason || x.message !== y.message) return false;
    if (x.lastTransitionTime !== y.lastTransitionTime || x.observedGeneration !== y.observedGeneration) return false;
  }
  for (let i = 0; i < b.length; i++) if (prev[a.length + i] !== b[i]) return false;
  return true;
}

/** generateAPIPodStatus: the whole status the kubelet writes for the pod now. */
export function generatePodStatus(pod: KubeObject, p: PodRuntime, hostIP: string, clock: Clock, podStartTime: number): any {
  const old = pod.status ?? {};
  const initSpecs: any[] = pod.spec?.initContainers ?? [];
  const specs: any[] = pod.spec?.containers ?? [];
  const initDone = initSpecs.every((s) => {
    const c = p.containers[s.name];
    if (s.restartPolicy === 'Always') return c?.phase === 'running' && c.started;
    return c?.terminated?.exitCode === 0 && c.phase === 'exited';
  });
  const initStatuses = initSpecs.map((s) => containerStatus(p.containers[s.name], s, 'PodInitializing', clock));
  const statuses = specs.map((s) => containerStatus(p.containers[s.name], s, initDone ? 'ContainerCreating' : 'PodInitializing', clock));

  let phase = getPhase(pod, initStatuses, statuses, !!p.terminal || p.terminatingAt !== undefined);
  if (p.rejected || p.failed) phase = 'Failed';
  if (!p.terminal && p.terminatingAt === undefined && (old.phase === 'Succeeded' || old.phase === 'Failed')) phase = old.phase;
  const terminal = phase === 'Succeeded' || phase === 'Failed';

  // Sidecars (restartable init containers) count for readiness too, listed first (status/generate.go).
  const sidecars = initSpecs.filter((s) => s.restartPolicy === 'Always');
  const unready: string[] = [];
  for (const s of sidecars) if (!p.containers[s.name]?.ready) unready.push(s.name);
  for (const s of specs) if (!p.containers[s.name]?.ready) unready.push(s.name);
  const notInit = initSpecs.filter((s) => {
    const c = p.containers[s.name];
    return s.restartPolicy === 'Always' ? !(c?.phase === 'running' && c.started) : !(c?.terminated?.exitCode === 0);
  }).map((s) => s.name);
  const containersReady = unready.length === 0;
  const gates: string[] = (pod.spec?.readinessGates ?? []).map((g: any) => g.conditionType);
  const missingGate = gates.find((g) => !(old.conditions ?? []).some((c: any) => c.type === g));
  const falseGate = gates.find((g) => (old.conditions ?? []).some((c: any) => c.type === g && c.status !== 'True'));

  const conds: Record<string, any>[] = [];
  conds.push(condition('PodReadyToStartContainers', p.sandboxReady && !terminal));
  conds.push(condition('Initialized', notInit.length === 0 || initDone, 'ContainersNotInitialized', `containers with incomplete status: [${notInit.join(' ')}]`));
  if (terminal) {
    conds.push(condition('Ready', false, 'PodCompleted'));
    conds.push(condition('ContainersReady', false, 'PodCompleted'));
  } else {
    const unreadyMsg = `containers with unready status: [${unready.join(' ')}]`;
    if (!containersReady) conds.push(condition('Ready', false, 'ContainersNotReady', unreadyMsg));
    else if (missingGate) conds.push(condition('Ready', false, 'ReadinessGatesNotReady', `corresponding condition of pod readiness gate "${missingGate}" does not exist.`));
    else if (falseGate) conds.push(condition('Ready', false, 'ReadinessGatesNotReady', `the status of pod readiness gate "${falseGate}" is not "True", but False`));
    else conds.push(condition('Ready', true));
    conds.push(condition('ContainersReady', containersReady, 'ContainersNotReady', unreadyMsg));
  }
  const now = clock.timestamp();
  const gen = pod.metadata.generation;
  for (const c of conds) {
    const prev = (old.conditions ?? []).find((x: any) => x.type === c.type);
    c.lastTransitionTime = prev && prev.status === c.status ? prev.lastTransitionTime : now;
    if (gen !== undefined) c.observedGeneration = gen;
  }
  const others = (old.conditions ?? []).filter((c: any) => !KUBELET_CONDITIONS.includes(c.type));
  const status: any = { ...old };
  if (sameEntries(old.conditions, conds, others)) status.conditions = old.conditions;
  else {
    for (const c of conds) built.add(c);
    status.conditions = conds.concat(others);
  }
  status.phase = phase;
  if (gen !== undefined) status.observedGeneration = gen;
  status.hostIP = hostIP;
  status.hostIPs = sameIPs(old.hostIPs, hostIP) ? old.hostIPs : [{ ip: hostIP }];
  if (p.ip) {
    status.podIP = p.ip;
    status.podIPs = sameIPs(old.podIPs, p.ip) ? old.podIPs : [{ ip: p.ip }];
  }
  status.startTime = old.startTime ?? clock.timestamp(podStartTime);
  if (initSpecs.length) status.initContainerStatuses = initStatuses;
  status.containerStatuses = statuses;
  if (p.failed) {
    status.reason = p.failed.reason;
    status.message = p.failed.message;
  }
  if (p.rejected) {
    status.reason = p.rejected.reason;
    status.message = p.rejected.message;
    delete status.containerStatuses;
    delete status.initContainerStatuses;
    status.conditions = others;
  }
  if (!status.qosClass) status.qosClass = computePodQOS(pod);
  return status;
}
