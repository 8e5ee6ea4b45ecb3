// Pure helpers of pkg/controller/deployment/util/deployment_util.go over plain apps/v1 objects:
// fenceposts, replica arithmetic, new/old ReplicaSet lookup, completeness and progress checks.
// The controller and the conformance tests drive the same functions.
import type { KubeObject } from '../../../api/meta';
import { getScaledValueFromIntOrPercent, type IntOrString } from '../../../api/intstr';
import { filterActiveReplicaSets, sortByCreationTimestamp, specReplicas } from '../../controller_utils/replica_sets';
import { parseTime } from '../../controller_utils/pods';
import { POD_TEMPLATE_HASH_LABEL, getMaxReplicasAnnotation } from './annotations';

export const MAX_INT32 = 2147483647;

// ---- spec accessors (defaults as SetDefaults_Deployment would have set them) ----------------

export function deploymentReplicas(d: KubeObject): number {
  return d.spec?.replicas ?? 1;
}

export function isRollingUpdate(d: KubeObject): boolean {
  return (d.spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

function rollingParams(d: KubeObject): { maxSurge: IntOrString | null; maxUnavailable: IntOrString | null } {
  const ru = d.spec?.strategy?.rollingUpdate ?? {};
  return { maxSurge: ru.maxSurge === undefined ? '25%' : ru.maxSurge, maxUnavailable: ru.maxUnavailable === undefined ? '25%' : ru.maxUnavailable };
}

// ---- fenceposts ----------------------------------------------------------------------------

/**
 * ResolveFenceposts: surge rounds up, unavailable rounds down; nil counts as 0; if both are 0,
 * unavailable becomes 1 so a rollout can always make progress. Throws on a bad percentage.
 */
export function resolveFenceposts(maxSurge: IntOrString | null | undefined, maxUnavailable: IntOrString | null | undefined, desired: number): { surge: number; unavailable: number } {
  const surge = getScaledValueFromIntOrPercent(maxSurge ?? 0, desired, true);
  let unavailable = getScaledValueFromIntOrPercent(maxUnavailable ?? 0, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

function fenceposts(d: KubeObject): { surge: number; unavailable: number } {
  const { maxSurge, maxUnavailable } = rollingParams(d);
  try {
    return resolveFenceposts(maxSurge, maxUnavailable, deploymentReplicas(d));
  } catch {
    return { surge: 0, unavailable: 0 }; // validation rejects these; upstream ignores the error too
  }
}

export function maxSurge(d: KubeObject): number {
  return isRollingUpdate(d) ? fenceposts(d).surge : 0;
}

/** MaxUnavailable: 0 for Recreate or 0 replicas, and never more than spec.replicas. */
export function maxUnavailable(d: KubeObject): number {
  const replicas = deploymentReplicas(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  return Math.min(fenceposts(d).unavailable, replicas);
}

export function minAvailable(d: KubeObject): number {
  return isRollingUpdate(d) ? deploymentReplicas(d) - maxUnavailable(d) : 0;
}

// ---- replica counts ------------------------------------------------------------------------

type MaybeRS = KubeObject | undefined | null;

export function getReplicaCountForReplicaSets(rss: MaybeRS[]): number {
  return rss.reduce((n, rs) => n + (rs ? specReplicas(rs) : 0), 0);
}

export function getActualReplicaCountForReplicaSets(rss: MaybeRS[]): number {
  return rss.reduce((n, rs) => n + (rs?.status?.replicas ?? 0), 0);
}

export function getReadyReplicaCountForReplicaSets(rss: MaybeRS[]): number {
  return rss.reduce((n, rs) => n + (rs?.status?.readyReplicas ?? 0), 0);
}

export function getAvailableReplicaCountForReplicaSets(rss: MaybeRS[]): number {
  return rss.reduce((n, rs) => n + (rs?.status?.availableReplicas ?? 0), 0);
}

/**
 * Σ status.terminatingReplicas. An RS its controller never synced (observedGeneration 0) counts
 * 0; a synced RS that does not report the field makes the total unknown (null).
 */
export function getTerminatingReplicaCountForReplicaSets(rss: MaybeRS[]): number | null {
  let total = 0;
  for (const rs of rss) {
    if (!rs) continue;
    const t = rs.status?.terminatingReplicas;
    if (t === undefined || t === null) {
      if (!rs.status?.observedGeneration) continue;
      return null;
    }
    total += t;
  }
  return total;
}

// ---- new ReplicaSet size -------------------------------------------------------------------

/** NewRSNewReplicas: how far the new RS may grow this step (surge-limited for RollingUpdate). */
export function newRSNewReplicas(d: KubeObject, allRSs: MaybeRS[], newRS: KubeObject): number {
  const replicas = deploymentReplicas(d);
  if (isRollingUpdate(d)) {
    const surge = getScaledValueFromIntOrPercent(rollingParams(d).maxSurge ?? 0, replicas, true);
    const current = getReplicaCountForReplicaSets(allRSs);
    const maxTotal = replicas + surge;
    if (current >= maxTotal) return specReplicas(newRS);
    const up = Math.min(maxTotal - current, replicas - specReplicas(newRS));
    return specReplicas(newRS) + up;
  }
  return replicas;
}

// ---- proportional scaling ------------------------------------------------------------------

/** math.Round: half away from zero. */
export function goRound(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/** getReplicaSetFraction: this RS's share of a resize, from the max-replicas it was sized for. */
export function getReplicaSetFraction(rs: KubeObject, d: KubeObject): number {
  const replicas = deploymentReplicas(d);
  if (replicas === 0) return -specReplicas(rs);
  const maxNow = replicas + maxSurge(d);
  let before = getMaxReplicasAnnotation(rs);
  if (before === undefined || before === 0) {
    before = d.status?.replicas ?? 0;
    if (!before) return 0;
  }
  return goRound((specReplicas(rs) * maxNow) / before!) - specReplicas(rs);
}

export function getReplicaSetProportion(rs: MaybeRS, d: KubeObject, toAdd: number, added: number): number {
  if (!rs || specReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = getReplicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

// ---- finding the new and old ReplicaSets ---------------------------------------------------

/** Semantic.DeepEqual: nil and empty maps/slices are equal. */
function normalize(v: unknown): unknown {
  if (Array.isArray(v)) return v.length ? v.map(normalize) : undefined;
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const n = normalize(x);
      if (n !== undefined && n !== null) out[k] = n;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return v;
}

/** Comparable form of a template, cached per object: objects from the store are never mutated. */
const comparable = new WeakMap<object, string>();

function templateKey(t: any): string {
  if (t && typeof t === 'object') {
    const hit = comparable.get(t);
    if (hit !== undefined) return hit;
  }
  let v = t;
  if (t?.metadata?.labels && POD_TEMPLATE_HASH_LABEL in t.metadata.labels) {
    const labels = { ...t.metadata.labels };
    delete labels[POD_TEMPLATE_HASH_LABEL];
    v = { ...t, metadata: { ...t.metadata, labels } };
  }
  const key = JSON.stringify(canonical(normalize(v)) ?? null);
  if (t && typeof t === 'object') comparable.set(t, key);
  return key;
}

/** EqualIgnoreHash: templates equal once the pod-template-hash label is dropped from both. */
export function equalIgnoreHash(t1: unknown, t2: unknown): boolean {
  return templateKey(t1) === templateKey(t2);
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return Object.fromEntries(Object.keys(o).sort().map((k) => [k, canonical(o[k])]));
  }
  return v;
}

/** FindNewReplicaSet: the oldest RS whose template equals the Deployment's (ignoring the hash). */
export function findNewReplicaSet(d: KubeObject, rsList: KubeObject[]): KubeObject | undefined {
  return sortByCreationTimestamp(rsList).find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
}

/** FindOldReplicaSets: [old RSs with replicas, all old RSs], oldest first. */
export function findOldReplicaSets(d: KubeObject, rsList: KubeObject[]): { withReplicas: KubeObject[]; all: KubeObject[] } {
  const newRS = findNewReplicaSet(d, rsList);
  const all = sortByCreationTimestamp(rsList).filter((rs) => !newRS || rs.metadata.uid !== newRS.metadata.uid);
  return { withReplicas: all.filter((rs) => specReplicas(rs) !== 0), all };
}

/** FindActiveOrLatest: the only active RS, or the newest when none is active; else undefined. */
export function findActiveOrLatest(newRS: MaybeRS, oldRSs: KubeObject[]): KubeObject | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const newestFirst = sortByCreationTimestamp(oldRSs).reverse();
  const active = filterActiveReplicaSets([...(newRS ? [newRS] : []), ...newestFirst]);
  if (active.length === 0) return newRS ?? newestFirst[0];
  if (active.length === 1) return active[0];
  return undefined;
}

/** generateReplicaSetName: "<deployment>-<hash>", the name cut so the result fits 253 chars. */
export function generateReplicaSetName(name: string, hash: string): string {
  const max = 253 - 1 - hash.length;
  if (max > 0 && name.length > max) name = name.slice(0, max);
  return `${name}-${hash}`;
}

// ---- rollout state -------------------------------------------------------------------------

export interface DeploymentStatusCounts {
  replicas?: number;
  updatedReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  observedGeneration?: number;
  conditions?: any[];
}

export function deploymentComplete(d: KubeObject, s: DeploymentStatusCounts): boolean {
  const r = deploymentReplicas(d);
  return (s.updatedReplicas ?? 0) === r && (s.replicas ?? 0) === r && (s.availableReplicas ?? 0) === r && (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
}

/** Progress: more updated, fewer old, more ready or more available replicas than recorded. */
export function deploymentProgressing(d: KubeObject, s: DeploymentStatusCounts): boolean {
  const old = (d.status ?? {}) as DeploymentStatusCounts;
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (
    (s.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (s.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (s.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

export function hasProgressDeadline(d: KubeObject): boolean {
  const p = d.spec?.progressDeadlineSeconds;
  return p !== undefined && p !== null && p !== MAX_INT32;
}

export function hasRevisionHistoryLimit(d: KubeObject): boolean {
  const l = d.spec?.revisionHistoryLimit;
  return l !== undefined && l !== null && l !== MAX_INT32;
}

/** DeploymentTimedOut: lastUpdateTime + deadline strictly before now (epoch ms). */
export function deploymentTimedOut(d: KubeObject, s: DeploymentStatusCounts, nowMs: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const c = s.conditions?.find((x) => x.type === 'Progressing');
  if (!c) return false;
  if (c.reason === NEW_RS_AVAILABLE_REASON) return false;
  if (c.reason === TIMED_OUT_REASON) return true;
  const from = parseTime(c.lastUpdateTime) ?? -62135596800000; // Go's zero time
  return from + d.spec.progressDeadlineSeconds * 1000 < nowMs;
}

// ---- conditions (reasons from deployment_util.go) ------------------------------------------

export const NEW_RS_AVAILABLE_REASON = 'NewReplicaSetAvailable';
export const TIMED_OUT_REASON = 'ProgressDeadlineExceeded';
export const REPLICA_SET_UPDATED_REASON = 'ReplicaSetUpdated';
export const NEW_REPLICA_SET_REASON = 'NewReplicaSetCreated';
export const FOUND_NEW_RS_REASON = 'FoundNewReplicaSet';
export const FAILED_RS_CREATE_REASON = 'ReplicaSetCreateError';
export const PAUSED_DEPLOY_REASON = 'DeploymentPaused';
export const RESUMED_DEPLOY_REASON = 'DeploymentResumed';
export const MINIMUM_REPLICAS_AVAILABLE = 'MinimumReplicasAvailable';
export const MINIMUM_REPLICAS_UNAVAILABLE = 'MinimumReplicasUnavailable';

export interface DeploymentCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  lastUpdateTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export function newDeploymentCondition(type: string, status: DeploymentCondition['status'], reason: string, message: string, now: string): DeploymentCondition {
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message };
}

export function getDeploymentCondition(s: { conditions?: DeploymentCondition[] } | undefined, type: string): DeploymentCondition | undefined {
  return s?.conditions?.find((c) => c.type === type);
}

/** SetDeploymentCondition: no-op on same status+reason; keeps lastTransitionTime on same status. */
export function setDeploymentCondition(s: { conditions?: DeploymentCondition[] }, c: DeploymentCondition): void {
  const cur = getDeploymentCondition(s, c.type);
  if (cur && cur.status === c.status && cur.reason === c.reason) return;
  const next = { ...c };
  if (cur && cur.status === c.status) next.lastTransitionTime = cur.lastTransitionTime;
  s.conditions = [...(s.conditions ?? []).filter((x) => x.type !== c.type), next];
}

export function removeDeploymentCondition(s: { conditions?: DeploymentCondition[] }, type: string): void {
  s.conditions = (s.conditions ?? []).filter((x) => x.type !== type);
}
