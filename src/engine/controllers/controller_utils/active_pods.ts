// Which pods a ReplicaSet deletes first on scale-down: ActivePods and ActivePodsWithRanks in
// pkg/controller/controller_utils.go. "Less" means deleted first. LogarithmicScaleDown (GA 1.31)
// and PodDeletionCost (beta, on by default) are on unless a caller turns them off.
import type { KubeObject } from '../../api/meta';
import { isPodReady, parseTime, podReadyCondition } from './pods';

export const POD_DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';

export interface RankFeatures {
  logarithmicScaleDown: boolean;
  podDeletionCost: boolean;
}

export const DEFAULT_RANK_FEATURES: RankFeatures = { logarithmicScaleDown: true, podDeletionCost: true };

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

function phaseOrdinal(pod: KubeObject): number {
  return PHASE_ORDINAL[pod.status?.phase ?? ''] ?? 0;
}

/** helper.GetDeletionCostFromPodAnnotations: an int32, 0 when missing or invalid. */
export function podDeletionCost(pod: KubeObject): number {
  const v = pod.metadata.annotations?.[POD_DELETION_COST_ANNOTATION];
  if (v === undefined || !/^[+-]?[0-9]+$/.test(v.trim()) || v.trim() !== v) return 0;
  const n = Number(v);
  return n >= -2147483648 && n <= 2147483647 ? n : 0;
}

function podReadyTime(pod: KubeObject): number | undefined {
  const c = podReadyCondition(pod);
  return c?.status === 'True' ? parseTime(c.lastTransitionTime) : undefined;
}

/** t1 after t2, with an unset (zero) time counting as the latest. */
function afterOrZero(t1: number | undefined, t2: number | undefined): boolean {
  if (t1 === undefined || t2 === undefined) return t1 === undefined;
  return t1 > t2;
}

/** floor(log2(now - t in ns)) of each, -1 when not in the past; returns r1 - r2. */
function logarithmicRankDiff(t1: number, t2: number, now: number): number {
  const rank = (t: number) => {
    const d = (now - t) * 1e6;
    return d > 0 ? Math.floor(Math.log2(d)) : -1;
  };
  return rank(t1) - rank(t2);
}

function maxContainerRestarts(pod: KubeObject): [number, number] {
  let regular = 0;
  for (const c of pod.status?.containerStatuses ?? []) regular = Math.max(regular, c.restartCount ?? 0);
  const sidecars = new Set<string>((pod.spec?.initContainers ?? []).filter((c: { restartPolicy?: string }) => c.restartPolicy === 'Always').map((c: { name: string }) => c.name));
  let sidecar = 0;
  for (const c of pod.status?.initContainerStatuses ?? []) if (sidecars.has(c.name)) sidecar = Math.max(sidecar, c.restartCount ?? 0);
  return [regular, sidecar];
}

/** true: a restarted more; false: b restarted more; undefined: same. */
function compareMaxContainerRestarts(a: KubeObject, b: KubeObject): boolean | undefined {
  const [ra, sa] = maxContainerRestarts(a);
  const [rb, sb] = maxContainerRestarts(b);
  if (ra !== rb) return ra > rb;
  if (sa !== sb) return sa > sb;
  return undefined;
}

function uid(p: KubeObject): string {
  return p.metadata.uid ?? '';
}

/** Compare two times by logarithmic buckets (or plainly), falling back to UID within a bucket. */
function timeLess(a: KubeObject, b: KubeObject, ta: number | undefined, tb: number | undefined, now: number | undefined, f: RankFeatures): boolean {
  if (!f.logarithmicScaleDown || now === undefined || ta === undefined || tb === undefined) return afterOrZero(ta, tb);
  const diff = logarithmicRankDiff(ta, tb, now);
  if (diff === 0) return uid(a) < uid(b);
  return diff < 0;
}

/** controller.ActivePods Less (no ranks, plain time comparison). */
export function activePodsLess(a: KubeObject, b: KubeObject): boolean {
  const na = a.spec?.nodeName ?? '';
  const nb = b.spec?.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na === '';
  if (phaseOrdinal(a) !== phaseOrdinal(b)) return phaseOrdinal(a) < phaseOrdinal(b);
  const ra = isPodReady(a);
  const rb = isPodReady(b);
  if (ra !== rb) return !ra;
  if (ra && rb) {
    const t1 = podReadyTime(a);
    const t2 = podReadyTime(b);
    if (t1 !== t2) return afterOrZero(t1, t2);
  }
  const restarts = compareMaxContainerRestarts(a, b);
  if (restarts !== undefined) return restarts;
  const c1 = parseTime(a.metadata.creationTimestamp);
  const c2 = parseTime(b.metadata.creationTimestamp);
  if (c1 !== c2) return afterOrZero(c1, c2);
  return false;
}

/** controller.ActivePodsWithRanks Less. `now` is epoch ms (undefined = zero time). */
export function activePodsWithRanksLess(
  a: KubeObject,
  rankA: number,
  b: KubeObject,
  rankB: number,
  now: number | undefined,
  f: RankFeatures = DEFAULT_RANK_FEATURES,
): boolean {
  const na = a.spec?.nodeName ?? '';
  const nb = b.spec?.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na === '';
  if (phaseOrdinal(a) !== phaseOrdinal(b)) return phaseOrdinal(a) < phaseOrdinal(b);
  const ra = isPodReady(a);
  const rb = isPodReady(b);
  if (ra !== rb) return !ra;
  if (f.podDeletionCost) {
    const ca = podDeletionCost(a);
    const cb = podDeletionCost(b);
    if (ca !== cb) return ca < cb;
  }
  if (rankA !== rankB) return rankA > rankB;
  if (ra && rb) {
    const t1 = podReadyTime(a);
    const t2 = podReadyTime(b);
    if (t1 !== t2) return timeLess(a, b, t1, t2, now, f);
  }
  const restarts = compareMaxContainerRestarts(a, b);
  if (restarts !== undefined) return restarts;
  const c1 = parseTime(a.metadata.creationTimestamp);
  const c2 = parseTime(b.metadata.creationTimestamp);
  if (c1 !== c2) return timeLess(a, b, c1, c2, now, f);
  return false;
}

/** Sort pods so the ones to delete first come first (stable, so ties keep list order). */
export function sortActivePodsWithRanks(pods: KubeObject[], ranks: number[], now: number | undefined, f: RankFeatures = DEFAULT_RANK_FEATURES): KubeObject[] {
  const idx = pods.map((_, i) => i);
  idx.sort((i, j) => (activePodsWithRanksLess(pods[i], ranks[i], pods[j], ranks[j], now, f) ? -1 : activePodsWithRanksLess(pods[j], ranks[j], pods[i], ranks[i], now, f) ? 1 : 0));
  return idx.map((i) => pods[i]);
}

export function sortActivePods(pods: KubeObject[]): KubeObject[] {
  return [...pods].sort((a, b) => (activePodsLess(a, b) ? -1 : activePodsLess(b, a) ? 1 : 0));
}
