// How a pod looks: a colour class AND a shape and icon, so no state relies on colour alone
// (colour-blind safe; legible on a projector in greyscale).
import type { ViewRow } from '../../worker/protocol';

export type PodState = 'ready' | 'notready' | 'pending' | 'creating' | 'failing' | 'backoff' | 'succeeded' | 'terminating' | 'unknown';

export interface PodLook {
  state: PodState;
  /** CSS shape class: circle, ring, dashed, square, diamond, struck. */
  shape: string;
  /** A one-character glyph drawn inside the tile. */
  icon: string;
  /** Human label for the tile's title and the legend. */
  label: string;
}

/** How long a probe-failure badge stays after the last Unhealthy event (simulated ms). */
export const PROBE_BADGE_MS = 15_000;

const BACKOFF = new Set(['CrashLoopBackOff', 'ImagePullBackOff', 'ErrImagePull', 'InvalidImageName', 'CreateContainerConfigError', 'CreateContainerError', 'RunContainerError']);
const FAILED = new Set(['Error', 'OOMKilled', 'Failed', 'Evicted', 'ContainerStatusUnknown', 'DeadlineExceeded']);

/** A probe of this pod failed within the last PROBE_BADGE_MS of simulated time (and still matters). */
export function isProbeFailing(p: ViewRow, now: number): boolean {
  if (p.probeFailedAt === undefined || p.terminating) return false;
  // A readiness failure matters while it keeps the pod unready; liveness/startup ones always do.
  if (p.probeKind === 'Readiness' && p.ready) return false;
  return now >= p.probeFailedAt && now - p.probeFailedAt <= PROBE_BADGE_MS;
}

export function podLook(p: ViewRow): PodLook {
  const status = p.status ?? p.phase ?? 'Pending';
  const mk = (state: PodState, shape: string, icon: string): PodLook => ({ state, shape, icon, label: status });
  if (p.terminating || status === 'Terminating') return mk('terminating', 'struck', '⊘');
  if (BACKOFF.has(status) || status.startsWith('Init:CrashLoopBackOff') || status.startsWith('Init:ImagePull') || status.startsWith('Init:ErrImagePull')) return mk('backoff', 'square', '↻');
  if (FAILED.has(status) || status.startsWith('ExitCode:') || status.startsWith('Signal:') || status.startsWith('Init:Error') || p.phase === 'Failed') return mk('failing', 'square', '✕');
  if (p.phase === 'Succeeded' || status === 'Completed') return mk('succeeded', 'diamond', '✓');
  if (p.phase === 'Unknown' || status === 'Unknown') return mk('unknown', 'dashed', '?');
  if (p.phase === 'Running') return p.ready ? mk('ready', 'circle', '✓') : mk('notready', 'ring', '◐');
  if (p.node) return mk('creating', 'dashed', '…');
  return mk('pending', 'dashed', '◷');
}

export const LEGEND: { state: PodState; shape: string; icon: string; label: string }[] = [
  { state: 'ready', shape: 'circle', icon: '✓', label: 'Running, ready' },
  { state: 'notready', shape: 'ring', icon: '◐', label: 'Running, not ready' },
  { state: 'pending', shape: 'dashed', icon: '◷', label: 'Pending (unscheduled)' },
  { state: 'creating', shape: 'dashed', icon: '…', label: 'Starting on a node' },
  { state: 'backoff', shape: 'square', icon: '↻', label: 'Back-off (crash / image pull)' },
  { state: 'failing', shape: 'square', icon: '✕', label: 'Failed / exited' },
  { state: 'succeeded', shape: 'diamond', icon: '✓', label: 'Completed' },
  { state: 'terminating', shape: 'struck', icon: '⊘', label: 'Terminating' },
];

/** The random suffix a tile shows ("web-7d4b9c6f5-x2x9q" -> "x2x9q"). */
export function shortPodName(name: string): string {
  const i = name.lastIndexOf('-');
  return i >= 0 && i < name.length - 1 ? name.slice(i + 1) : name;
}
