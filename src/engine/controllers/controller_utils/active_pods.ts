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

// Indexed, not destructured: this runs inside sort comparators, and destructuring walks an iterator.
function compareRestarts(a: [number, number], b: [number, number]): boolean | undefined {
  if (a[0] !== b[0]) return a[0] > b[0];
  if (a[1] !== b[1]) return a[1] > b[1];
  return undefined;
}

/** What ActivePodsWithRanks compares about a pod, read once per stored pod object. */
interface PodRankFacts {
  unassigned: boolean;
  /** spec.nodeName ('' while unassigned), for the rank by related pods on the same node. */
  node: string;
  phase: number;
  ready: boolean;
  cost: number;
  readyTime: number | undefined;
  restarts: [number, number];
  created: number | undefined;
  uid: string;
}

/** Stored objects never change, so their facts can be kept for as long as the object lives. */
const rankFacts = new WeakMap<KubeObject, PodRankFacts>();

function podRankFacts(pod: KubeObject, stored: boolean): PodRankFacts {
  let f = stored ? rankFacts.get(pod) : undefined;
  if (!f) {
    const ready = isPodReady(pod);
    const node = pod.spec?.nodeName ?? '';
    f = {
      unassigned: node === '',
      node,
      phase: phaseOrdinal(pod),
      ready,
      cost: podDeletionCost(pod),
      readyTime: ready ? podReadyTime(pod) : undefined,
      restarts: maxContainerRestarts(pod),
      created: parseTime(pod.metadata.creationTimestamp),
      uid: pod.metadata.uid ?? '',
    };
    if (stored) rankFacts.set(pod, f);
  }
  return f;
}

/**
 * The pods of one sort, by index: their facts, ranks, and the logarithmicRank of their ready and
 * creation times at `now` (NaN when the time or now is unknown). Arrays rather than an object per
 * pod: a scale-down sorts thousands of pods.
 */
interface RankedPods {
  facts: PodRankFacts[];
  ranks: ArrayLike<number>;
  readyBucket: Float64Array;
  createdBucket: Float64Array;
}

function rankedPods(facts: PodRankFacts[], ranks: ArrayLike<number>, now: number | undefined): RankedPods {
  const readyBucket = new Float64Array(facts.length).fill(NaN);
  const createdBucket = new Float64Array(facts.length).fill(NaN);
  if (now !== undefined) {
    for (let i = 0; i < facts.length; i++) {
      const { readyTime, created } = facts[i];
      if (readyTime !== undefined) readyBucket[i] = logarithmicRank(readyTime, now);
      if (created !== undefined) createdBucket[i] = logarithmicRank(created, now);
    }
  }
  return { facts, ranks, readyBucket, createdBucket };
}

/** Compare two times by logarithmic buckets (or plainly), falling back to UID within a bucket. */
function timeLess(uidA: string, uidB: string, ta: number | undefined, tb: number | undefined, ba: number, bb: number, f: RankFeatures): boolean {
  if (!f.logarithmicScaleDown || Number.isNaN(ba) || Number.isNaN(bb)) return afterOrZero(ta, tb);
  const diff = ba - bb;
  if (diff === 0) return uidA < uidB;
  return diff < 0;
}

/**
 * For pods i and j: -1 when less(i, j). Otherwise, with `both`, 1 when less(j, i) and else 0.
 * Each criterion is symmetric in i and j, so both Less calls stop at the same one and it is
 * evaluated once.
 */
function rankedCompare(k: RankedPods, i: number, j: number, f: RankFeatures, both: boolean): number {
  const fa = k.facts[i];
  const fb = k.facts[j];
  if (fa.unassigned !== fb.unassigned) return fa.unassigned ? -1 : 1;
  if (fa.phase !== fb.phase) return fa.phase < fb.phase ? -1 : 1;
  if (fa.ready !== fb.ready) return !fa.ready ? -1 : 1;
  if (f.podDeletionCost && fa.cost !== fb.cost) return fa.cost < fb.cost ? -1 : 1;
  if (k.ranks[i] !== k.ranks[j]) return k.ranks[i] > k.ranks[j] ? -1 : 1;
  return rankedCompareTimes(k, i, j, f, both);
}

/** rankedCompare past the criteria a prefix key covers (node, phase, ready, cost, rank). */
function rankedCompareTimes(k: RankedPods, i: number, j: number, f: RankFeatures, both: boolean): number {
  const fa = k.facts[i];
  const fb = k.facts[j];
  if (fa.ready && fb.ready && fa.readyTime !== fb.readyTime) {
    const ba = k.readyBucket[i];
    const bb = k.readyBucket[j];
    if (timeLess(fa.uid, fb.uid, fa.readyTime, fb.readyTime, ba, bb, f)) return -1;
    return both && timeLess(fb.uid, fa.uid, fb.readyTime, fa.readyTime, bb, ba, f) ? 1 : 0;
  }
  const restarts = compareRestarts(fa.restarts, fb.restarts);
  if (restarts !== undefined) return restarts ? -1 : 1;
  if (fa.created !== fb.created) {
    const ba = k.createdBucket[i];
    const bb = k.createdBucket[j];
    if (timeLess(fa.uid, fb.uid, fa.created, fb.created, ba, bb, f)) return -1;
    return both && timeLess(fb.uid, fa.uid, fb.created, fa.created, bb, ba, f) ? 1 : 0;
  }
  return 0;
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
  return rankedCompare(rankedPods([podRankFacts(a, false), podRankFacts(b, false)], [rankA, rankB], now), 0, 1, f, false) < 0;
}

const RANK_LIMIT = 2 ** 16;

/**
 * The first five criteria (unassigned first, lower phase, not ready, lower deletion cost,
 * higher rank) as one exact integer per pod, so most comparisons are a single subtraction:
 * 12 * 2^32 * 2^16 < 2^53. Undefined when a rank does not fit.
 */
function prefixKeys(k: RankedPods, f: RankFeatures): Float64Array | undefined {
  const out = new Float64Array(k.facts.length);
  for (let i = 0; i < k.facts.length; i++) {
    const facts = k.facts[i];
    const rank = k.ranks[i];
    if (!Number.isInteger(rank) || rank < 0 || rank >= RANK_LIMIT) return undefined;
    const head = ((facts.unassigned ? 0 : 1) * 3 + facts.phase) * 2 + (facts.ready ? 1 : 0);
    const cost = f.podDeletionCost ? facts.cost + 2 ** 31 : 0;
    out[i] = (head * 2 ** 32 + cost) * RANK_LIMIT + (RANK_LIMIT - 1 - rank);
  }
  return out;
}

/** Sort the pods of `k` (stable, so ties keep list order). */
function sortRanked(pods: KubeObject[], k: RankedPods, f: RankFeatures): KubeObject[] {
  const idx = pods.map((_, i) => i);
  const prefix = prefixKeys(k, f);
  // Same as (less(i, j) ? -1 : less(j, i) ? 1 : 0), in one pass over the criteria.
  if (!prefix) idx.sort((i, j) => rankedCompare(k, i, j, f, true));
  else idx.sort((i, j) => (prefix[i] !== prefix[j] ? (prefix[i] < prefix[j] ? -1 : 1) : rankedCompareTimes(k, i, j, f, true)));
  return idx.map((i) => pods[i]);
}

/**
 * Sort pods so the ones to delete first come first (stable, so ties keep list order). The pods
 * must be objects from the store (never mutated), as what is compared is cached per object.
 */
export function sortActivePodsWithRanks(pods: KubeObject[], ranks: number[], now: number | undefined, f: RankFeatures = DEFAULT_RANK_FEATURES): KubeObject[] {
  return sortRanked(pods, rankedPods(pods.map((p) => podRankFacts(p, true)), ranks, now), f);
}

/**
 * sortActivePodsWithRanks with each pod ranked by its node's count in `podsOnNode`
 * (getPodsRankedByRelatedPodsOnSameNode; 0 for a node not in the map).
 */
export function sortActivePodsRankedByNode(pods: KubeObject[], podsOnNode: Map<string, number>, now: number | undefined, f: RankFeatures = DEFAULT_RANK_FEATURES): KubeObject[] {
  const facts = pods.map((p) => podRankFacts(p, true));
  // A plain array, like sortActivePodsWithRanks' ranks: the comparisons then see one kind of array.
  const ranks = facts.map((fact) => podsOnNode.get(fact.node) ?? 0);
  return sortRanked(pods, rankedPods(facts, ranks, now), f);
}

export function sortActivePods(pods: KubeObject[]): KubeObject[] {
  return [...pods].sort((a, b) => (activePodsLess(a, b) ? -1 : activePodsLess(b, a) ? 1 : 0));
}
