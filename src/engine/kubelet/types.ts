// The kubelet's private state, kept as plain JSON so the Simulation can snapshot it: what the
// container runtime knows about each pod on a node (sandbox, container instances, probe workers)
// and what each node agent knows (images, IP allocation, heartbeats).
import type { ProcessPlan, ContainerRole } from '../workload/process';

export type ProbeType = 'liveness' | 'readiness' | 'startup';
export type ProbeResult = 'success' | 'failure' | 'unknown';

/** One prober worker (pkg/kubelet/prober/worker.go). */
export interface ProbeWorker {
  lastResult: ProbeResult;
  resultRun: number;
  onHold: boolean;
  /** The result the results manager holds for the current container instance. */
  result: ProbeResult;
}

export interface TerminatedInfo {
  exitCode: number;
  reason: string;
  message?: string;
  startedAt: number;
  finishedAt: number;
  containerID: string;
}

export interface ContainerRuntime {
  name: string;
  role: ContainerRole;
  /** none: no instance yet or it was removed; pulling/creating: a start in progress. */
  phase: 'none' | 'pulling' | 'creating' | 'running' | 'exited';
  /** Waiting reason/message shown while there is no running instance. */
  waiting?: { reason: string; message?: string };
  /** Bumped at every start and every stop, so stale timers are ignored. */
  instance: number;
  /** Number of instances started so far. */
  starts: number;
  containerID?: string;
  image?: string;
  imageID?: string;
  startedAt?: number;
  terminated?: TerminatedInfo;
  lastTerminated?: TerminatedInfo;
  restartCount: number;
  plan?: ProcessPlan;
  ready: boolean;
  started: boolean;
  probes: Partial<Record<ProbeType, ProbeWorker>>;
  /** A SIGTERM/SIGKILL is under way. */
  stopping?: { reason: string };
  /** End of the CrashLoopBackOff wait that was last reported. */
  backoffUntil?: number;
  /**
   * The container spec the running instance was started from, as text (containerChanged compares
   * it): written for a snapshot (keepSpecHash); a live entry keeps the spec object itself.
   */
  specHash?: string;
  /** Killed because its spec changed: restart at once, whatever the policy and back-off. */
  forceRestart?: boolean;
  /** Live actions from the UI ("break readiness"...). */
  broken?: { liveness?: boolean; readiness?: boolean };
}

export interface PodRuntime {
  uid: string;
  namespace: string;
  name: string;
  node: string;
  /** Bumped when the node's kubelet stops or starts: every older timer is void. */
  epoch: number;
  admittedAt: number;
  sandboxReady: boolean;
  ip?: string;
  /** A container start (pull, create) is in progress: the kubelet starts containers one by one. */
  busy: boolean;
  containers: Record<string, ContainerRuntime>;
  terminatingAt?: number;
  /** Every container finished and none will restart (phase Succeeded/Failed). */
  terminal?: boolean;
  /** Rejected at admission (OutOfcpu...): the phase and message are final. */
  rejected?: { reason: string; message: string };
  /** Failed by the kubelet while running (activeDeadlineSeconds): phase Failed with this reason. */
  failed?: { reason: string; message: string };
}

export interface NodeAgent {
  name: string;
  running: boolean;
  epoch: number;
  /** Index in the node list, for the pod CIDR 10.244.<index>.0/24 and the InternalIP. */
  index: number;
  nextIp: number;
  /** Images on the node: full reference -> size in bytes. */
  images: Record<string, number>;
  /** The serialized image puller (serializeImagePulls=true) is busy until then. */
  pullFreeAt: number;
  /** Pulls queued or under way: full reference -> when they finish. A later pull of it is only a manifest check. */
  inflight: Record<string, number>;
  lastStatusReport: number;
  bootID: string;
}

export interface BackoffEntry {
  backoffMs: number;
  lastUpdate: number;
}

/**
 * The pods and the sync queue, read and written at every pod event under keys built on the fly,
 * are maps while running; a snapshot holds them as plain objects (SavedKubeletState), both in
 * insertion order.
 */
export interface KubeletState {
  nodes: Record<string, NodeAgent>;
  /** By "namespace/name". */
  pods: Map<string, PodRuntime>;
  crashBackoff: Record<string, BackoffEntry>;
  pullBackoff: Record<string, BackoffEntry>;
  /** The last failed pull per back-off key, shown in the ImagePullBackOff message (kubernetes#127918). */
  pullErrors: Record<string, string>;
  /** Pod sync keys -> time queued (the pod workers' queue). */
  queued: Map<string, number>;
}

export type SavedKubeletState = Omit<KubeletState, 'pods' | 'queued'> & {
  pods: Record<string, PodRuntime>;
  queued: Record<string, number>;
};

/** A timer the kubelet set for itself; `epoch` and `instance` make stale ones harmless. */
export interface TimerData {
  pod?: string;
  node?: string;
  epoch: number;
  container?: string;
  instance?: number;
  [k: string]: unknown;
}
