// The kubeplay.dev/ annotation vocabulary (DESIGN.md "Behaviour of the simulated application", a
// public contract). A key may carry a ".<container-name>" suffix that limits it to one container;
// the suffixed key wins over the plain one. Real Kubernetes ignores these annotations.
import { parseQuantity } from '../api/quantity';
import { parseDuration } from '../sim/duration';

export const ANNOTATION_PREFIX = 'kubeplay.dev/';

export const WORKLOAD_KEYS = [
  'start-seconds',
  'crash-after',
  'exit-code',
  'liveness-fails-after',
  'readiness-fails-after',
  'run-seconds',
  'fail-probability',
  'memory-growth',
  'shutdown-seconds',
] as const;

export type WorkloadKey = (typeof WORKLOAD_KEYS)[number];

/** The behaviour the annotations declare for one container; every time is milliseconds. */
export interface WorkloadSpec {
  startMs?: number;
  crashAfterMs?: number;
  exitCode?: number;
  livenessFailsAfterMs?: number;
  readinessFailsAfterMs?: number;
  runMs?: number;
  failProbability?: number;
  /** Bytes per second. */
  memoryGrowth?: number;
  shutdownMs?: number;
}

export function annotationFor(annotations: Record<string, string> | undefined, key: WorkloadKey, container: string): string | undefined {
  if (!annotations) return undefined;
  return annotations[`${ANNOTATION_PREFIX}${key}.${container}`] ?? annotations[`${ANNOTATION_PREFIX}${key}`];
}

/** "20Mi/s", "1Gi/m", "5Mi" (per second) into bytes per second. */
export function parseRate(s: string): number | undefined {
  const m = /^\s*([^/\s]+)\s*(?:\/\s*(ms|s|m|h|sec|min))?\s*$/.exec(s);
  if (!m) return undefined;
  let bytes: number;
  try {
    bytes = parseQuantity(m[1]).value();
  } catch {
    return undefined;
  }
  const per = { ms: 0.001, s: 1, sec: 1, m: 60, min: 60, h: 3600 }[m[2] ?? 's'] ?? 1;
  return bytes > 0 ? bytes / per : undefined;
}

function num(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const v = Number(s.trim());
  return s.trim() !== '' && Number.isFinite(v) ? v : undefined;
}

/** Seconds (a bare number) or a Go duration. */
function seconds(s: string | undefined): number | undefined {
  return s === undefined ? undefined : parseDuration(s);
}

export function workloadSpec(annotations: Record<string, string> | undefined, container: string): WorkloadSpec {
  const a = (k: WorkloadKey) => annotationFor(annotations, k, container);
  const spec: WorkloadSpec = {};
  const set = <K extends keyof WorkloadSpec>(k: K, v: WorkloadSpec[K] | undefined) => {
    if (v !== undefined) spec[k] = v;
  };
  set('startMs', seconds(a('start-seconds')));
  set('crashAfterMs', seconds(a('crash-after')));
  const code = num(a('exit-code'));
  set('exitCode', code === undefined ? undefined : Math.trunc(code) & 0xff);
  set('livenessFailsAfterMs', seconds(a('liveness-fails-after')));
  set('readinessFailsAfterMs', seconds(a('readiness-fails-after')));
  set('runMs', seconds(a('run-seconds')));
  const p = num(a('fail-probability'));
  set('failProbability', p === undefined ? undefined : Math.min(1, Math.max(0, p)));
  const g = a('memory-growth');
  set('memoryGrowth', g === undefined ? undefined : parseRate(g));
  set('shutdownMs', seconds(a('shutdown-seconds')));
  return spec;
}
