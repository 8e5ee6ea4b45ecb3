// The typed, versioned message protocol between the UI (main thread) and the engine worker.
// Both sides import this module; nothing else crosses the boundary. Messages are plain JSON
// (structured-cloneable): the worker sends flat view rows, never whole API objects, except
// when the UI asks for one object (inspector).

export const PROTOCOL_VERSION = 1;

/** One problem in the scenario text, positioned for an editor marker. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  message: string;
  severity: 'error' | 'warning' | 'info';
  endLine?: number;
  endColumn?: number;
}

/** A flat, render-ready summary of one API object (what the canvas needs and nothing more). */
export interface ViewRow {
  /** "Kind/namespace/name" — unique in the store. */
  key: string;
  kind: string;
  name: string;
  namespace: string;
  uid: string;
  /** Sequence of first appearance (resourceVersion at creation); stable layout order. */
  order: number;
  /** The controller owner (ownerReferences[controller=true]). */
  ownerUid?: string;
  ownerKind?: string;
  ownerName?: string;
  terminating?: boolean;
  // ---- Pod ------------------------------------------------------------------------------
  phase?: string;
  ready?: boolean;
  node?: string;
  restarts?: number;
  /** kubectl's STATUS column (Running, ContainerCreating, CrashLoopBackOff, Terminating...). */
  status?: string;
  /** Simulated ms of the last Unhealthy (probe failure) event for this pod. */
  probeFailedAt?: number;
  probeKind?: string;
  image?: string;
  cpuMilli?: number;
  memBytes?: number;
  /** pod-template-hash / controller-revision-hash label, to match pods to a revision. */
  hash?: string;
  // ---- controllers (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job) ------------------
  desired?: number;
  current?: number;
  readyReplicas?: number;
  updated?: number;
  available?: number;
  revision?: string;
  // ---- Node -------------------------------------------------------------------------------
  unschedulable?: boolean;
  cpuAllocMilli?: number;
  memAllocBytes?: number;
  podsAlloc?: number;
  zone?: string;
  role?: string;
  taints?: string[];
}

/** One core/v1 Event as `kubectl get events -w` shows it. */
export interface EventRow {
  key: string;
  type: string;
  reason: string;
  /** "pod/web-7d4b9c-x2x9q" */
  object: string;
  objectKind: string;
  objectName: string;
  namespace: string;
  message: string;
  count: number;
  /** Simulated ms of lastTimestamp. */
  t: number;
  source: string;
}

export interface Batch {
  /** Simulated time (ms) this batch reflects. */
  t: number;
  /** Replace the whole view (after load or seek) instead of patching it. */
  reset?: boolean;
  added: ViewRow[];
  updated: ViewRow[];
  removed: string[];
  events: EventRow[];
  /** Furthest simulated time reached (scrubber range). */
  horizon: number;
  playing: boolean;
  speed: number;
  /** Something the user must be told, e.g. why the simulation paused itself. */
  notice?: string;
}

export type NodeAction = 'stop' | 'start';
/** Live changes to a running pod's simulated process (the kubelet's app actions). */
export type AppAction = 'crash' | 'break-readiness' | 'break-liveness' | 'heal';

export type Command =
  | { type: 'load'; yaml: string; seed?: number; file?: string; time?: number; play?: boolean; speed?: number }
  | { type: 'apply'; id: number; yaml: string }
  | { type: 'kubectl'; id: number; line: string }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'speed'; speed: number }
  | { type: 'step' }
  | { type: 'seek'; t: number }
  | { type: 'node'; id: number; name: string; action: NodeAction }
  | { type: 'app'; id: number; namespace: string; name: string; action: AppAction }
  | { type: 'get'; id: number; kind: string; namespace: string; name: string }
  | { type: 'actions'; id: number }
  /** The UI rendered the last batch; the worker may send the next. */
  | { type: 'ack' };

/** A live change the user made; recorded so rewinds and shared links replay it. */
export type RecordedAction =
  | { at: number; kind: 'apply'; yaml: string }
  | { at: number; kind: 'kubectl'; line: string }
  | { at: number; kind: 'node'; name: string; action: NodeAction }
  | { at: number; kind: 'app'; namespace: string; name: string; action: AppAction };

export interface ObjectDetail {
  object: unknown;
  events: EventRow[];
  describe?: string;
  explain?: string;
}

export type Reply =
  | { type: 'hello'; version: number }
  | { type: 'loaded'; ok: boolean; diagnostics: Diagnostic[]; seed: number; scenarioName?: string; message?: string }
  | { type: 'batch'; batch: Batch }
  | { type: 'result'; id: number; ok: boolean; stdout: string; stderr: string; diagnostics?: Diagnostic[] }
  | { type: 'object'; id: number; detail: ObjectDetail | null }
  | { type: 'actions'; id: number; actions: RecordedAction[] }
  | { type: 'fatal'; message: string };

/** Envelope: every message carries the protocol version so a stale worker is detected. */
export interface Envelope<T> {
  v: number;
  msg: T;
}

export function wrap<T>(msg: T): Envelope<T> {
  return { v: PROTOCOL_VERSION, msg };
}

export function unwrap<T>(data: unknown): T | null {
  const e = data as Envelope<T> | null;
  if (!e || typeof e !== 'object' || e.v !== PROTOCOL_VERSION) return null;
  return e.msg;
}

export const MIN_SPEED = 0.5;
export const MAX_SPEED = 100;
export const SPEEDS = [0.5, 1, 2, 5, 10, 25, 50, 100];

export function clampSpeed(s: number): number {
  if (!Number.isFinite(s)) return 1;
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, s));
}
