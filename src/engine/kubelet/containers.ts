// Container lifecycle in the simulated runtime (pkg/kubelet/kuberuntime/kuberuntime_container.go):
// startContainer (image, create, start), the process exiting on its own, killContainer (preStop
// hook, SIGTERM, SIGKILL after the grace period) and the restart back-off (doBackOff in
// kuberuntime_manager.go: key pod+container, 10s doubling to 300s, reset after 10 minutes).
import type { KubeObject } from '../api/meta';
import { containerSpec, formatPod, runtimeKey, type KubeletHost } from './host';
import type { ContainerRuntime, NodeAgent, PodRuntime, TerminatedInfo } from './types';
import { Backoff } from './backoff';
import { CRASH_BACKOFF_INITIAL_MS, CRASH_BACKOFF_MAX_MS, CREATE_MS, MIN_GRACE_SECONDS, RESYNC_AFTER_ERROR_MS } from './constants';
import { ensureImage, finishPull, type EnsureResult } from './images';
import { planProcess, SIGKILL_EXIT_CODE, SIGTERM_EXIT_CODE } from '../workload/process';
import { formatDuration, parseDuration } from '../sim/duration';
import { initProbeWorkers, triggerReadiness } from './probes/worker';

export function crashBackoff(k: KubeletHost): Backoff {
  return new Backoff(k.state.crashBackoff, CRASH_BACKOFF_INITIAL_MS, CRASH_BACKOFF_MAX_MS);
}

/** getStableKey: pod name, namespace, uid, container name and spec hash. */
export function backoffKey(p: PodRuntime, c: ContainerRuntime): string {
  return `${p.name}_${p.namespace}_${p.uid}_${c.name}`;
}

function timerData(p: PodRuntime, c: ContainerRuntime, extra: Record<string, unknown> = {}) {
  return { pod: runtimeKey(p), epoch: p.epoch, container: c.name, instance: c.instance, ...extra };
}

// The container's definition as text, by spec object: stored pods are immutable and keep their
// container specs across status writes, so each spec is serialized once, not at every start and
// every pod sync. A derived cache only (weakly held), never part of the kubelet's state.
const specHashes = new WeakMap<object, string>();

/** HashContainer (pkg/kubelet/container/helpers.go): what containerChanged compares. */
export function containerHash(spec: object): string {
  let h = specHashes.get(spec);
  if (h === undefined) {
    h = JSON.stringify(spec);
    specHashes.set(spec, h);
  }
  return h;
}

// The spec object each container instance was started from. The same (immutable) object is the
// same definition, so a sync compares no text while the pod is unchanged; the hash is only made
// when the spec object differs, or for a snapshot (specHash, which a restored entry compares).
const startedFrom = new WeakMap<ContainerRuntime, object>();

/** containerChanged (kuberuntime_manager.go): the running instance's definition is not spec's. */
export function containerChanged(c: ContainerRuntime, spec: object): boolean {
  const from = startedFrom.get(c);
  if (from !== undefined) return from !== spec && containerHash(from) !== containerHash(spec);
  return c.specHash !== undefined && c.specHash !== containerHash(spec);
}

/** Fill in c.specHash (the state a snapshot keeps) from the spec its instance was started from. */
export function keepSpecHash(c: ContainerRuntime): void {
  const from = startedFrom.get(c);
  if (from !== undefined) c.specHash = containerHash(from);
}

/** Character codes of 0-9a-f, and newContainerID's reused buffer. */
const HEX_CODES = [48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102];
const idCodes: number[] = new Array(64).fill(48);

function newContainerID(k: KubeletHost): string {
  const r = k.ctx.random('containers');
  // 64 draws, one per digit, made into one string (not a new string per appended digit).
  for (let i = 0; i < 64; i++) idCodes[i] = HEX_CODES[r.int(16)];
  return `containerd://${String.fromCharCode.apply(null, idCodes)}`;
}

function imageError(k: KubeletHost, pod: KubeObject, p: PodRuntime, c: ContainerRuntime, res: Extract<EnsureResult, { kind: 'error' }>): void {
  k.podEvent(pod, 'Warning', 'Failed', `Error: ${res.reason}`, c);
  c.phase = c.terminated ? 'exited' : 'none';
  c.waiting = { reason: res.reason, message: res.message };
  p.busy = false;
}

/** Begin starting container c: the pod worker is busy until it runs (or the start fails). */
export function startContainer(k: KubeletHost, pod: KubeObject, p: PodRuntime, c: ContainerRuntime, agent: NodeAgent): void {
  const spec = containerSpec(pod, c.name);
  p.busy = true;
  c.instance++;
  c.phase = 'pulling';
  const res = ensureImage(k, pod, p, c, spec, agent);
  if (res.kind === 'error') {
    imageError(k, pod, p, c, res);
    if (res.reason === 'ImagePullBackOff') {
      const e = k.state.pullBackoff[`${p.uid}_${spec.image}`];
      if (e) k.enqueueSync(runtimeKey(p), e.lastUpdate + e.backoffMs - k.now());
    }
    return;
  }
  if (res.kind === 'present') create(k, p, c, res.image, res.imageID);
}

function create(k: KubeletHost, p: PodRuntime, c: ContainerRuntime, image: string, id: string): void {
  c.phase = 'creating';
  k.timer(CREATE_MS, 'started', timerData(p, c, { image, imageID: id }));
}

export function onPulled(k: KubeletHost, pod: KubeObject, p: PodRuntime, c: ContainerRuntime, agent: NodeAgent, requestedAt: number, startedAt: number): void {
  const spec = containerSpec(pod, c.name);
  const res = finishPull(k, pod, p, c, spec, agent, requestedAt, startedAt);
  if (res.kind === 'error') {
    imageError(k, pod, p, c, res);
    const key = runtimeKey(p);
    k.writeStatus(key);
    k.enqueueSync(key, RESYNC_AFTER_ERROR_MS);
    return;
  }
  if (res.kind === 'present') create(k, p, c, res.image, res.imageID);
}

/** CreateContainer + StartContainer returned: the process runs. */
export function onStarted(k: KubeletHost, pod: KubeObject, p: PodRuntime, c: ContainerRuntime, image: string, id: string): void {
  const spec = containerSpec(pod, c.name);
  if (c.starts > 0) {
    c.restartCount++;
    if (c.terminated) c.lastTerminated = c.terminated;
  }
  c.starts++;
  c.terminated = undefined;
  c.waiting = undefined;
  c.containerID = newContainerID(k);
  c.image = image;
  c.imageID = id;
  k.podEvent(pod, 'Normal', 'Created', 'Container created', c);
  k.podEvent(pod, 'Normal', 'Started', 'Container started', c);
  c.phase = 'running';
  c.startedAt = k.now();
  c.plan = planProcess(pod, spec, c.role, k.ctx.random('workload'));
  c.ready = !spec.readinessProbe && c.role !== 'init';
  c.started = !spec.startupProbe;
  c.backoffUntil = undefined;
  startedFrom.set(c, spec);
  c.specHash = undefined;
  c.forceRestart = undefined;
  initProbeWorkers(c, spec);
  if (c.plan.exit) k.timer(c.plan.exit.afterMs, 'exit', timerData(p, c));
  p.busy = false;
  // UpdatePodStatus triggers a readiness probe at once for a running, not-ready container.
  if (c.started) triggerReadiness(k, p, c, spec);
  const key = runtimeKey(p);
  k.writeStatus(key);
  k.enqueueSync(key, 0);
}

/** The process ended: on its own (exit), or after a signal (stopped). */
export function onExited(k: KubeletHost, p: PodRuntime, c: ContainerRuntime, exitCode: number, reason: string): void {
  const term: TerminatedInfo = {
    exitCode,
    reason,
    startedAt: c.startedAt ?? k.now(),
    finishedAt: k.now(),
    containerID: c.containerID ?? '',
  };
  c.terminated = term;
  c.phase = 'exited';
  c.instance++;
  c.ready = false;
  c.started = false;
  c.stopping = undefined;
  c.plan = undefined;
  const key = runtimeKey(p);
  k.writeStatus(key);
  k.enqueueSync(key);
}

/** How long a preStop hook runs: a sleep action, or "sleep N" in an exec command; others are quick. */
function preStopMs(spec: any): number {
  const h = spec.lifecycle?.preStop;
  if (!h) return 0;
  if (h.sleep?.seconds !== undefined) return Number(h.sleep.seconds) * 1000;
  const words: string[] = (h.exec?.command ?? []).map(String);
  const m = /\bsleep\s+(\d+(?:\.\d+)?)/.exec(words.join(' '));
  if (m) return parseDuration(`${m[1]}s`) ?? 0;
  return h.exec || h.httpGet ? 100 : 0;
}

/**
 * killContainer: record Killing, run the preStop hook inside the grace period, then SIGTERM; the
 * process exits after its shutdown time, or SIGKILL ends it when the remaining grace runs out.
 */
export function killContainer(k: KubeletHost, pod: KubeObject, p: PodRuntime, c: ContainerRuntime, message: string, graceSeconds: number, why: string): void {
  if (c.phase !== 'running' || c.stopping) return;
  const spec = containerSpec(pod, c.name);
  k.podEvent(pod, 'Normal', 'Killing', message || `Stopping container ${c.name}`, c);
  let grace = graceSeconds;
  let hook = 0;
  if (spec.lifecycle?.preStop && grace > 0) {
    hook = Math.min(preStopMs(spec), grace * 1000);
    grace -= Math.floor(hook / 1000);
  }
  if (grace < MIN_GRACE_SECONDS) grace = MIN_GRACE_SECONDS;
  const shutdown = c.plan?.shutdownMs ?? 0;
  const graceful = shutdown <= grace * 1000;
  const after = hook + (graceful ? shutdown : grace * 1000);
  c.stopping = { reason: why };
  c.instance++; // the process's own exit timer no longer applies
  k.timer(after, 'stopped', timerData(p, c, { exitCode: graceful ? SIGTERM_EXIT_CODE : SIGKILL_EXIT_CODE }));
}

/** The CrashLoopBackOff check before a restart: true (and the waiting state set) while backing off. */
export function inCrashBackoff(k: KubeletHost, pod: KubeObject, p: PodRuntime, c: ContainerRuntime): boolean {
  const b = crashBackoff(k);
  const key = backoffKey(p, c);
  const finished = c.terminated?.finishedAt ?? k.now();
  if (b.isInBackOffSince(key, finished, k.now())) {
    const until = finished + b.get(key);
    if (c.backoffUntil !== until) {
      c.backoffUntil = until;
      k.podEvent(pod, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${formatPod(p)}`, c);
    }
    c.waiting = {
      reason: 'CrashLoopBackOff',
      message: `back-off ${formatDuration(b.get(key))} restarting failed container=${c.name} pod=${formatPod(p)}`,
    };
    k.enqueueSync(runtimeKey(p), until - k.now());
    return true;
  }
  b.next(key, finished, k.now());
  return false;
}

/** Whether the restart policy restarts a container that exited with this code. */
export function shouldRestart(restartPolicy: string, c: ContainerRuntime): boolean {
  if (c.role === 'sidecar') return true;
  if (restartPolicy === 'Always') return c.role !== 'init' || (c.terminated?.exitCode ?? 0) !== 0;
  if (restartPolicy === 'OnFailure') return (c.terminated?.exitCode ?? 0) !== 0;
  return false;
}
