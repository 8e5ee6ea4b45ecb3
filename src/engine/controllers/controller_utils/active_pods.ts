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

/** floor(log2(now - t in ns)), -1 when not in the past. */
function logarithmicRank(t: number, now: number): number {
  const d = (now - t) * 1e6;
  return d > 0 ? Math.floor(Math.log2(d)) : -1;
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
  return compareRestarts(maxContainerRestarts(a), maxContainerRestarts(b));
}

function compareRestarts([ra, sa]: [number, number], [rb, sb]: [number, number]): boolean | undefined {
  if (ra !== rb) return ra > rb;
  if (sa !== sb) return sa > sb;
  return undefined;
}

/**
 * What ActivePodsWithRanks compares, read once per pod: a sort of n pods then costs n reads
 * instead of n log n (parsing timestamps is most of a comparison).
 */
interface RankedPod {
  unassigned: boolean;
  phase: number;
  ready: boolean;
  cost: number;
  rank: number;
  readyTime: number | undefined;
  /** logarithmicRank of readyTime, when it and now are known. */
  readyBucket: number | undefined;
  restarts: [number, number];
  created: number | undefined;
  createdBucket: number | undefined;
  uid: string;
}

function rankedPod(pod: KubeObject, rank: number, now: number | undefined): RankedPod {
  const ready = isPodReady(pod);
  const readyTime = ready ? podReadyTime(pod) : undefined;
  const created = parseTime(pod.metadata.creationTimestamp);
  return {
    unassigned: (pod.spec?.nodeName ?? '') === '',
    phase: phaseOrdinal(pod),
    ready,
    cost: podDeletionCost(pod),
    rank,
    readyTime,
    readyBucket: now !== undefined && readyTime !== undefined ? logarithmicRank(readyTime, now) : undefined,
    restarts: maxContainerRestarts(pod),
    created,
    createdBucket: now !== undefined && created !== undefined ? logarithmicRank(created, now) : undefined,
    uid: pod.metadata.uid ?? '',
  };
}

/** Compare two times by logarithmic buckets (or plainly), falling back to UID within a bucket. */
function timeLess(a: RankedPod, b: RankedPod, ta: number | undefined, tb: number | undefined, ba: number | undefined, bb: number | undefined, f: RankFeatures): boolean {
  if (!f.logarithmicScaleDown || ba === undefined || bb === undefined) return afterOrZero(ta, tb);
  const diff = ba - bb;
  if (diff === 0) return a.uid < b.uid;
  return diff < 0;
}

function rankedLess(a: RankedPod, b: RankedPod, f: RankFeatures): boolean {
  if (a.unassigned !== b.unassigned) return a.unassigned;
  if (a.phase !== b.phase) return a.phase < b.phase;
  if (a.ready !== b.ready) return !a.ready;
  if (f.podDeletionCost && a.cost !== b.cost) return a.cost < b.cost;
  if (a.rank !== b.rank) return a.rank > b.rank;
  if (a.ready && b.ready && a.readyTime !== b.readyTime) return timeLess(a, b, a.readyTime, b.readyTime, a.readyBucket, b.readyBucket, f);
  const restarts = compareRestarts(a.restarts, b.restarts);
  if (restarts !== undefined) return restarts;
  if (a.created !== b.created) return timeLess(a, b, a.created, b.created, a.createdBucket, b.createdBucket, f);
  return false;
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
  return rankedLess(rankedPod(a, rankA, now), rankedPod(b, rankB, now), f);
}

/** Sort pods so the ones to delete first come first (stable, so ties keep list order). */
export function sortActivePodsWithRanks(pods: KubeObject[], ranks: number[], now: number | undefined, f: RankFeatures = DEFAULT_RANK_FEATURES): KubeObject[] {
  const keys = pods.map((p, i) => rankedPod(p, ranks[i], now));
  const idx = pods.map((_, i) => i);
  idx.sort((i, j) => (rankedLess(keys[i], keys[j], f) ? -1 : rankedLess(keys[j], keys[i], f) ? 1 : 0));
  return idx.map((i) => pods[i]);
}

export function sortActivePods(pods: KubeObject[]): KubeObject[] {
  return [...pods].sort((a, b) => (activePodsLess(a, b) ? -1 : activePodsLess(b, a) ? 1 : 0));
}
