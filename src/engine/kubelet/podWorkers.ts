// The pod worker's sync (pkg/kubelet/kubelet.go SyncPod and kuberuntime_manager.go
// computePodActions): admit the pod, create its sandbox, run init containers one at a time, then
// start the regular containers in order (one start, with its image pull, at a time), and restart
// exited containers under the restart policy with the CrashLoopBackOff back-off.
import type { KubeObject } from '../api/meta';
import { parseQuantity } from '../api/quantity';
import { keepRuntimeKey, type KubeletHost } from './host';
import type { ContainerRuntime, NodeAgent, PodRuntime } from './types';
import type { PodRequests } from './nodeUsage';
import { SANDBOX_MS } from './constants';
import { containerChanged, inCrashBackoff, killContainer, shouldRestart, startContainer } from './containers';
import { startProbeTickers } from './probes/worker';
import { startTermination } from './termination';

// Every field of a runtime entry is set here, in one order (the optional ones undefined), so all
// entries share one object shape whatever happens to them later: the status and sync code that
// reads them at every event then stays monomorphic. Snapshots (JSON) leave the undefined ones out.
function newContainer(name: string, role: ContainerRuntime['role']): ContainerRuntime {
  return {
    name,
    role,
    phase: 'none',
    waiting: undefined,
    instance: 0,
    starts: 0,
    containerID: undefined,
    image: undefined,
    imageID: undefined,
    startedAt: undefined,
    terminated: undefined,
    lastTerminated: undefined,
    restartCount: 0,
    plan: undefined,
    ready: false,
    started: false,
    probes: {},
    stopping: undefined,
    backoffUntil: undefined,
    specHash: undefined,
    forceRestart: undefined,
    broken: undefined,
  };
}

export function newPodRuntime(pod: KubeObject, node: string, now: number): PodRuntime {
  const containers: Record<string, ContainerRuntime> = {};
  for (const c of pod.spec?.initContainers ?? []) containers[c.name] = newContainer(c.name, c.restartPolicy === 'Always' ? 'sidecar' : 'init');
  for (const c of pod.spec?.containers ?? []) containers[c.name] = newContainer(c.name, 'regular');
  return {
    uid: pod.metadata.uid!,
    namespace: pod.metadata.namespace ?? 'default',
    name: pod.metadata.name,
    node,
    epoch: 0,
    admittedAt: now,
    sandboxReady: false,
    ip: undefined,
    busy: false,
    containers,
    terminatingAt: undefined,
    terminal: undefined,
    rejected: undefined,
    failed: undefined,
  };
}

// Parsed request quantities, by their string: parsing is pure, and admission sums the requests
// of every pod on the node for each pod it admits, so the same few strings recur constantly.
const parsedMilli = new Map<string, number>();
const parsedValue = new Map<string, number>();
const PARSED_CACHE_LIMIT = 4096;

function quantity(v: unknown, milli: boolean): number {
  if (v === undefined || v === null) return 0;
  const cache = milli ? parsedMilli : parsedValue;
  const key = typeof v === 'string' ? v : undefined;
  if (key !== undefined) {
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
  }
  let n: number;
  try {
    const q = parseQuantity(v as string);
    n = milli ? q.milliValue() : q.value();
  } catch {
    n = 0;
  }
  if (key !== undefined) {
    if (cache.size >= PARSED_CACHE_LIMIT) cache.clear();
    cache.set(key, n);
  }
  return n;
}


// A pod's effective requests, keyed by its (immutable, shared between stored versions)
// spec.containers array: status writes and binding keep that array, so each pod is summed once.
// A derived cache only, so snapshots and restores need nothing from it.
const requestsBySpec = new WeakMap<object, PodRequests>();

/** Effective requests: max(largest init container, sum of regular containers and sidecars). */
export function podRequests(pod: KubeObject): PodRequests {
  const key = pod.spec?.containers;
  if (key && typeof key === 'object') {
    const hit = requestsBySpec.get(key);
    if (hit) return hit;
    const r = computePodRequests(pod);
    requestsBySpec.set(key, r);
    return r;
  }
  return computePodRequests(pod);
}

function computePodRequests(pod: KubeObject): PodRequests {
  let cpu = 0;
  let memory = 0;
  let initCpu = 0;
  let initMem = 0;
  for (const c of pod.spec?.containers ?? []) {
    cpu += quantity(c.resources?.requests?.cpu, true);
    memory += quantity(c.resources?.requests?.memory, false);
  }
  for (const c of pod.spec?.initContainers ?? []) {
    const rc = quantity(c.resources?.requests?.cpu, true);
    const rm = quantity(c.resources?.requests?.memory, false);
    if (c.restartPolicy === 'Always') {
      cpu += rc;
      memory += rm;
    } else {
      initCpu = Math.max(initCpu, rc);
      initMem = Math.max(initMem, rm);
    }
  }
  return { cpu: Math.max(cpu, initCpu), memory: Math.max(memory, initMem) };
}

/**
 * Kubelet admission (pkg/kubelet/lifecycle/predicate.go): a pod bound to a node without room for
 * it (a manual spec.nodeName) is rejected: phase Failed, reason OutOf<resource>.
 */
export function admit(k: KubeletHost, pod: KubeObject, node: KubeObject): { reason: string; message: string } | undefined {
  const alloc = node.status?.allocatable ?? {};
  const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
  let others = 0;
  let usedCpu = 0;
  let usedMemory = 0;
  const u = k.usage?.usage(node.metadata.name);
  if (k.usage) {
    if (u) {
      // The pod itself is in the kubelet's table already; admission counts the others.
      const self = u.members.get(key);
      others = u.members.size - (self ? 1 : 0);
      usedCpu = u.cpu - (self ? self.cpu : 0);
      usedMemory = u.memory - (self ? self.memory : 0);
    }
  } else {
    const uid = pod.metadata.uid;
    const admitted = k.state.pods;
    for (const [other, o] of k.ctx.api.podEntriesOnNode(node.metadata.name)) {
      if (!admitted.has(other) || o.metadata.uid === uid) continue;
      const phase = o.status?.phase;
      if (phase === 'Succeeded' || phase === 'Failed') continue;
      others++;
      const r = podRequests(o);
      usedCpu += r.cpu;
      usedMemory += r.memory;
    }
  }
  const want = podRequests(pod);
  const maxPods = quantity(alloc.pods ?? '110', false);
  if (others + 1 > maxPods) {
    return { reason: 'OutOfpods', message: `Pod was rejected: Node didn't have enough resource: pods, requested: 1, used: ${others}, capacity: ${maxPods}` };
  }
  for (const [r, milli, used] of [['cpu', true, usedCpu], ['memory', false, usedMemory]] as const) {
    const have = quantity(alloc[r], milli);
    const req = want[r];
    if (req > 0 && have > 0 && used + req > have) {
      return { reason: `OutOf${r}`, message: `Pod was rejected: Node didn't have enough resource: ${r}, requested: ${req}, used: ${used}, capacity: ${have}` };
    }
  }
  return undefined;
}

/** Sync one pod: the pod worker's single entry point. */
export function syncPod(k: KubeletHost, key: string, agentFor: (node: string) => NodeAgent | undefined): void {
  let p: PodRuntime | undefined = k.state.pods.get(key);
  // A known pod's names are the runtime entry's own strings (no slices of the key to hash).
  const slash = key.indexOf('/');
  const ns = p ? p.namespace : key.slice(0, slash);
  const name = p ? p.name : key.slice(slash + 1);
  const pod = k.ctx.api.get('Pod', ns, name);
  if (p && (!pod || pod.metadata.uid !== p.uid || pod.spec?.nodeName !== p.node)) {
    // The pod object is gone (or replaced): its containers go with it.
    k.state.pods.delete(key);
    k.usage?.refresh(key, pod);
    p = undefined;
  }
  if (!pod || !pod.spec?.nodeName) return;
  const agent = agentFor(pod.spec.nodeName);
  if (!agent || !agent.running) return;
  if (!p) {
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return;
    if (pod.metadata.deletionTimestamp) {
      // Deleted before it ever ran here: nothing to stop.
      k.ctx.api.delete('Pod', ns, name, { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid } });
      return;
    }
    p = newPodRuntime(pod, agent.name, k.now());
    p.epoch = agent.epoch;
    k.state.pods.set(key, p);
    keepRuntimeKey(p, key);
    k.usage?.refresh(key, pod);
    const node = k.ctx.api.get('Node', undefined, agent.name);
    const rejected = node ? admit(k, pod, node) : undefined;
    if (rejected) {
      p.rejected = rejected;
      p.terminal = true;
      k.podEvent(pod, 'Warning', rejected.reason, rejected.message);
      k.writeStatus(key);
      return;
    }
    startProbeTickers(k, pod, p);
    const deadline = activeDeadline(k, pod);
    if (deadline !== undefined) k.enqueueSync(key, deadline - k.now());
    k.timer(SANDBOX_MS, 'sandbox', { pod: key, epoch: p.epoch });
    k.writeStatus(key);
    return;
  }
  if (pod.metadata.deletionTimestamp) {
    startTermination(k, pod, p);
    return;
  }
  if (p.terminal || p.terminatingAt !== undefined) return;
  const deadline = activeDeadline(k, pod);
  if (deadline !== undefined && k.now() >= deadline) {
    // pkg/kubelet/active_deadline.go: the pod fails and its containers are killed.
    p.failed = { reason: 'DeadlineExceeded', message: 'Pod was active on the node longer than the specified deadline' };
    p.terminal = true;
    k.podEvent(pod, 'Normal', 'DeadlineExceeded', p.failed.message);
    killRemaining(k, pod, p);
    k.writeStatus(key);
    return;
  }
  // The pod worker's queue keeps one wake-up per pod: every sync re-arms the deadline.
  if (deadline !== undefined) k.enqueueSync(key, deadline - k.now());
  advance(k, pod, p, agent);
  k.writeStatus(key);
}

function advance(k: KubeletHost, pod: KubeObject, p: PodRuntime, agent: NodeAgent): void {
  if (!p.sandboxReady || p.busy) return;
  const restartPolicy: string = pod.spec?.restartPolicy ?? 'Always';
  for (const spec of pod.spec?.initContainers ?? []) {
    const c = p.containers[spec.name];
    if (c.role === 'sidecar') {
      if (c.phase === 'running') {
        if (c.started) continue;
        return;
      }
      if (c.phase === 'exited' && inCrashBackoff(k, pod, p, c)) return;
      startContainer(k, pod, p, c, agent);
      return;
    }
    if (c.phase === 'exited' && c.terminated?.exitCode === 0) continue;
    if (c.phase === 'running' || c.phase === 'pulling' || c.phase === 'creating') return;
    if (c.phase === 'exited') {
      if (!shouldRestart(restartPolicy, c)) {
        p.terminal = true;
        killRemaining(k, pod, p);
        return;
      }
      if (inCrashBackoff(k, pod, p, c)) return;
    }
    startContainer(k, pod, p, c, agent);
    return;
  }
  let waitingForRestart = false;
  for (const spec of pod.spec?.containers ?? []) {
    const c = p.containers[spec.name];
    if (c.phase === 'running' && !c.stopping && containerChanged(c, spec)) {
      // computePodActions: a changed container definition (a new image) restarts the container.
      c.forceRestart = true;
      killContainer(k, pod, p, c, `Container ${c.name} definition changed, will be restarted`, pod.spec?.terminationGracePeriodSeconds ?? 30, 'changed');
      continue;
    }
    if (c.phase === 'running' || c.phase === 'pulling' || c.phase === 'creating') continue;
    if (c.phase === 'exited' && c.forceRestart) {
      startContainer(k, pod, p, c, agent);
      if (p.busy) return;
      continue;
    }
    if (c.phase === 'exited') {
      if (!shouldRestart(restartPolicy, c)) continue;
      if (inCrashBackoff(k, pod, p, c)) {
        waitingForRestart = true;
        continue;
      }
    }
    startContainer(k, pod, p, c, agent);
    if (p.busy) return;
    if (c.waiting) waitingForRestart = true;
  }
  if (!waitingForRestart && allExitedForGood(pod.spec?.containers ?? [], p, restartPolicy)) {
    p.terminal = true;
    killRemaining(k, pod, p);
  }
}

/** Whether there are regular containers and every one exited without a restart to come. */
function allExitedForGood(specs: any[], p: PodRuntime, restartPolicy: string): boolean {
  if (specs.length === 0) return false;
  for (const s of specs) {
    const c = p.containers[s.name];
    if (c.phase !== 'exited' || shouldRestart(restartPolicy, c)) return false;
  }
  return true;
}

/** When spec.activeDeadlineSeconds runs out, counted from status.startTime. */
function activeDeadline(k: KubeletHost, pod: KubeObject): number | undefined {
  const ads = pod.spec?.activeDeadlineSeconds;
  if (typeof ads !== 'number') return undefined;
  const start = k.ctx.clock.parse(pod.status?.startTime) ?? k.now();
  return start + ads * 1000;
}

/** A finished pod's sidecars are stopped too. */
function killRemaining(k: KubeletHost, pod: KubeObject, p: PodRuntime): void {
  const grace = pod.spec?.terminationGracePeriodSeconds ?? 30;
  for (const c of Object.values(p.containers)) if (c.phase === 'running') killContainer(k, pod, p, c, '', grace, 'completed');
}
