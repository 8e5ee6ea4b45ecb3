// Toleration matching (k8s.io/api/core/v1/toleration.go ToleratesTaint) and
// GetMatchingTolerations / getMinTolerationTime as the taint eviction controller uses them.
import type { Taint } from '../nodelifecycle/taints';

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number | null;
}

export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  const op = t.operator || 'Equal';
  if (op === 'Exists') return true;
  if (op === 'Equal') return (t.value ?? '') === (taint.value ?? '');
  return false;
}

/** All taints tolerated? And which tolerations did the tolerating. */
export function getMatchingTolerations(taints: Taint[], tolerations: Toleration[]): { ok: boolean; used: Toleration[] } {
  const used: Toleration[] = [];
  for (const taint of taints) {
    const match = tolerations.find((t) => toleratesTaint(t, taint));
    if (!match) return { ok: false, used: [] };
    used.push(match);
  }
  return { ok: true, used };
}

/** Milliseconds the pod may stay: 0 = evict now, -1 = forever (no tolerationSeconds anywhere). */
export function minTolerationTime(used: Toleration[]): number {
  if (!used.length) return 0;
  let min = Infinity;
  for (const t of used) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return 0;
    min = Math.min(min, t.tolerationSeconds);
  }
  return min === Infinity ? -1 : min * 1000;
}
