// The status manager's cache (pkg/kubelet/status/status_manager.go podStatuses): per pod, the
// status this kubelet stored last, and what the last generated status was built from. The kubelet
// generates a pod's status at every sync and after every container change, but most of those
// calls find nothing changed: when every input is the one the stored status was generated from,
// generating it again would give that same status, so it is not rebuilt (and each container
// status is rebuilt only when its own container changed).
//
// Inputs are compared by value, and nested objects by identity: the kubelet replaces a
// container's waiting/terminated records and the pod's failed record, never changes them in place,
// and stored objects (the pod's spec, its status) are immutable. A derived cache only, held weakly
// by the pod's runtime entry: after a restore the entries are new and everything is built once.
import type { KubeObject } from '../api/meta';
import type { ContainerRuntime, PodRuntime, TerminatedInfo } from './types';

/**
 * The container phase as a status shows it: a start under way (pulling, creating) shows as no
 * instance yet, so a sync that begins a start finds the container status unchanged.
 */
function shownPhase(phase: ContainerRuntime['phase']): ContainerRuntime['phase'] {
  return phase === 'pulling' || phase === 'creating' ? 'none' : phase;
}

/** What one container status was built from (every field containerStatus reads), and the result. */
export class ContainerStatusInputs {
  c: ContainerRuntime | undefined = undefined;
  spec: unknown = undefined;
  defaultWaiting = '';
  phase: ContainerRuntime['phase'] = 'none';
  waiting: ContainerRuntime['waiting'] = undefined;
  terminated: TerminatedInfo | undefined = undefined;
  lastTerminated: TerminatedInfo | undefined = undefined;
  startedAt: number | undefined = undefined;
  containerID: string | undefined = undefined;
  image: string | undefined = undefined;
  imageID: string | undefined = undefined;
  restartCount = 0;
  ready = false;
  started = false;
  status: Record<string, unknown> | undefined = undefined;

  /** Whether c (with this spec and default waiting reason) is as it was when status was built. */
  matches(c: ContainerRuntime, spec: unknown, defaultWaiting: string): boolean {
    return (
      this.c === c &&
      this.spec === spec &&
      this.defaultWaiting === defaultWaiting &&
      this.phase === shownPhase(c.phase) &&
      this.waiting === c.waiting &&
      this.terminated === c.terminated &&
      this.lastTerminated === c.lastTerminated &&
      this.startedAt === c.startedAt &&
      this.containerID === c.containerID &&
      this.image === c.image &&
      this.imageID === c.imageID &&
      this.restartCount === c.restartCount &&
      this.ready === c.ready &&
      this.started === c.started
    );
  }

  /** status was just built from c as it is now. */
  record(c: ContainerRuntime, spec: unknown, defaultWaiting: string, status: Record<string, unknown>): void {
    this.c = c;
    this.spec = spec;
    this.defaultWaiting = defaultWaiting;
    this.phase = shownPhase(c.phase);
    this.waiting = c.waiting;
    this.terminated = c.terminated;
    this.lastTerminated = c.lastTerminated;
    this.startedAt = c.startedAt;
    this.containerID = c.containerID;
    this.image = c.image;
    this.imageID = c.imageID;
    this.restartCount = c.restartCount;
    this.ready = c.ready;
    this.started = c.started;
    this.status = status;
  }
}

/** One pod's entry: the last status written and the pod-level inputs of the last one generated. */
export class PodStatusCache {
  /** The status this kubelet stored last: its lists were built by generatePodStatus. */
  written: object | undefined = undefined;
  /** The status generatePodStatus returned last, from the inputs below and `containers`. */
  generated: object | undefined = undefined;
  spec: unknown = undefined;
  generation: number | undefined = undefined;
  hostIP = '';
  startTime = 0;
  sandboxReady = false;
  ip: string | undefined = undefined;
  terminal: boolean | undefined = undefined;
  terminatingAt: number | undefined = undefined;
  failed: PodRuntime['failed'] = undefined;
  /** By position: the init containers, then the regular ones, in spec order. */
  readonly containers: ContainerStatusInputs[] = [];

  /** The pod-level inputs of generatePodStatus are the recorded ones. */
  sameInputs(pod: KubeObject, p: PodRuntime, hostIP: string, startTime: number): boolean {
    return (
      this.spec === pod.spec &&
      this.generation === pod.metadata.generation &&
      this.hostIP === hostIP &&
      this.startTime === startTime &&
      this.sandboxReady === p.sandboxReady &&
      this.ip === p.ip &&
      this.terminal === p.terminal &&
      this.terminatingAt === p.terminatingAt &&
      this.failed === p.failed
    );
  }

  /** Each container (init containers waiting as PodInitializing, the others as `waiting`) is as recorded. */
  sameContainers(p: PodRuntime, initSpecs: any[], specs: any[], waiting: string): boolean {
    const n = initSpecs.length;
    if (this.containers.length !== n + specs.length) return false;
    for (let i = 0; i < n; i++) if (!this.containers[i].matches(p.containers[initSpecs[i].name], initSpecs[i], 'PodInitializing')) return false;
    for (let i = 0; i < specs.length; i++) if (!this.containers[n + i].matches(p.containers[specs[i].name], specs[i], waiting)) return false;
    return true;
  }

  /** generatePodStatus returned `status` for these inputs. */
  record(status: object, pod: KubeObject, p: PodRuntime, hostIP: string, startTime: number): void {
    this.generated = status;
    this.spec = pod.spec;
    this.generation = pod.metadata.generation;
    this.hostIP = hostIP;
    this.startTime = startTime;
    this.sandboxReady = p.sandboxReady;
    this.ip = p.ip;
    this.terminal = p.terminal;
    this.terminatingAt = p.terminatingAt;
    this.failed = p.failed;
  }
}

const caches = new WeakMap<PodRuntime, PodStatusCache>();

/** The cache entry of pod runtime p (created empty on first use). */
export function statusCacheOf(p: PodRuntime): PodStatusCache {
  let c = caches.get(p);
  if (c === undefined) {
    c = new PodStatusCache();
    caches.set(p, c);
  }
  return c;
}
