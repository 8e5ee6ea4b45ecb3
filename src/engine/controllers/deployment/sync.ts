// pkg/controller/deployment/sync.go: finding or creating the new ReplicaSet (with revisions and
// hash collisions), proportional scaling, revision-history cleanup and the Deployment status.
import { ApiError } from '../../apiserver/errors';
import { clone, controllerRef, newControllerRef, type KubeObject } from '../../api/meta';
import { computeHash } from '../controller_utils/hash';
import { filterActiveReplicaSets, sortByCreationTimestamp, sortBySizeNewer, sortBySizeOlder, specReplicas } from '../controller_utils/replica_sets';
import {
  deploymentReplicas,
  equalIgnoreHash,
  findActiveOrLatest,
  findNewReplicaSet,
  findOldReplicaSets,
  generateReplicaSetName,
  getActualReplicaCountForReplicaSets,
  getAvailableReplicaCountForReplicaSets,
  getDeploymentCondition,
  getReadyReplicaCountForReplicaSets,
  getReplicaCountForReplicaSets,
  getReplicaSetProportion,
  getTerminatingReplicaCountForReplicaSets,
  hasProgressDeadline,
  hasRevisionHistoryLimit,
  isRollingUpdate,
  maxSurge,
  maxUnavailable,
  newDeploymentCondition,
  newRSNewReplicas,
  setDeploymentCondition,
  FAILED_RS_CREATE_REASON,
  FOUND_NEW_RS_REASON,
  MINIMUM_REPLICAS_AVAILABLE,
  MINIMUM_REPLICAS_UNAVAILABLE,
  NEW_REPLICA_SET_REASON,
} from './util/deployment_util';
import {
  getDesiredReplicasAnnotation,
  isSaturated,
  maxRevision,
  replicasAnnotationsNeedUpdate,
  revisionOf,
  setDeploymentRevision,
  setNewReplicaSetAnnotations,
  POD_TEMPLATE_HASH_LABEL,
} from './util/annotations';
import { nowTimestamp, scaleReplicaSet, scaleReplicaSetAndRecordEvent, updateDeploymentStatus, SOURCE, type DeploymentControllerContext } from './context';

export interface ReplicaSets {
  newRS: KubeObject | undefined;
  oldRSs: KubeObject[];
}

/** getAllReplicaSetsAndSyncRevision; undefined when an error ends the sync (it is requeued). */
export function getAllReplicaSetsAndSyncRevision(dc: DeploymentControllerContext, d: KubeObject, rsList: KubeObject[], createIfNotExisted: boolean): ReplicaSets | undefined {
  const { all: oldRSs } = findOldReplicaSets(d, rsList);
  const newRS = getNewReplicaSet(dc, d, rsList, oldRSs, createIfNotExisted);
  if (newRS === null) return undefined;
  return { newRS, oldRSs };
}

/**
 * getNewReplicaSet: sync the existing new RS's annotations and revision, or create it named
 * "<deployment>-<hash>". Mutates the working copy `d` (annotations, status) like upstream.
 * Returns null on an error.
 */
export function getNewReplicaSet(dc: DeploymentControllerContext, d: KubeObject, rsList: KubeObject[], oldRSs: KubeObject[], createIfNotExisted: boolean): KubeObject | undefined | null {
  const api = dc.ctx.api;
  const existing = findNewReplicaSet(d, rsList);
  const newRevision = String(maxRevision(oldRSs) + 1);
  const now = nowTimestamp(dc);

  if (existing) {
    // Only the copy's annotations change: the spec (and its pod template) stays shared.
    const rsCopy: KubeObject = { ...existing, metadata: clone(existing.metadata) };
    const annotationsUpdated = setNewReplicaSetAnnotations(d, rsCopy, newRevision, true);
    const minReady = d.spec?.minReadySeconds ?? 0;
    if (annotationsUpdated || (rsCopy.spec?.minReadySeconds ?? 0) !== minReady) {
      return api.mutate('ReplicaSet', existing.metadata.namespace, existing.metadata.name, (draft) => {
        draft.metadata.annotations = rsCopy.metadata.annotations;
        if (minReady) draft.spec.minReadySeconds = minReady;
        else delete draft.spec.minReadySeconds;
      });
    }
    let needsUpdate = setDeploymentRevision(d, rsCopy.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? '');
    if (hasProgressDeadline(d) && !getDeploymentCondition(d.status, 'Progressing')) {
      d.status ??= {};
      setDeploymentCondition(d.status, newDeploymentCondition('Progressing', 'True', FOUND_NEW_RS_REASON, `Found new replica set "${rsCopy.metadata.name}"`, now));
      needsUpdate = true;
    }
    if (needsUpdate) updateDeploymentStatus(dc, d);
    return existing;
  }

  if (!createIfNotExisted) return undefined;

  const template = clone(d.spec?.template ?? {});
  const hash = computeHash(template, d.status?.collisionCount);
  template.metadata ??= {};
  template.metadata.labels = { ...(template.metadata.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
  const selector = clone(d.spec?.selector ?? {});
  selector.matchLabels = { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
  const name = generateReplicaSetName(d.metadata.name, hash);
  const newRS: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: d.metadata.namespace, labels: { ...template.metadata.labels }, ownerReferences: [newControllerRef(d)] },
    spec: { replicas: 0, selector, template },
  };
  if (d.spec?.minReadySeconds) newRS.spec.minReadySeconds = d.spec.minReadySeconds;
  const newReplicas = newRSNewReplicas(d, [...oldRSs, newRS], newRS);
  newRS.spec.replicas = newReplicas;
  setNewReplicaSetAnnotations(d, newRS, newRevision, false);

  let created: KubeObject;
  let alreadyExisted = false;
  try {
    created = api.create(newRS);
  } catch (e) {
    if (e instanceof ApiError && e.reason === 'AlreadyExists') {
      const rs = api.get('ReplicaSet', d.metadata.namespace, name);
      if (rs && controllerRef(rs)?.uid === d.metadata.uid && equalIgnoreHash(d.spec?.template, rs.spec?.template)) {
        created = rs;
        alreadyExisted = true;
      } else {
        // A different template hashed to the same name: bump collisionCount so the next sync
        // computes another hash.
        d.status ??= {};
        d.status.collisionCount = (d.status.collisionCount ?? 0) + 1;
        updateDeploymentStatus(dc, d);
        dc.failed(e);
        return null;
      }
    } else {
      const msg = `Failed to create new replica set "${name}": ${e instanceof Error ? e.message : String(e)}`;
      if (hasProgressDeadline(d)) {
        d.status ??= {};
        setDeploymentCondition(d.status, newDeploymentCondition('Progressing', 'False', FAILED_RS_CREATE_REASON, msg, now));
        updateDeploymentStatus(dc, d);
      }
      dc.ctx.events.record(d, 'Warning', FAILED_RS_CREATE_REASON, msg, SOURCE);
      dc.failed(e instanceof Error ? e : new Error(String(e)));
      return null;
    }
  }
  if (!alreadyExisted && newReplicas > 0) {
    dc.ctx.events.record(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata.name} from 0 to ${newReplicas}`, SOURCE);
  }
  let needsUpdate = setDeploymentRevision(d, newRevision);
  if (!alreadyExisted && hasProgressDeadline(d)) {
    d.status ??= {};
    setDeploymentCondition(d.status, newDeploymentCondition('Progressing', 'True', NEW_REPLICA_SET_REASON, `Created new replica set "${created.metadata.name}"`, now));
    needsUpdate = true;
  }
  if (needsUpdate) updateDeploymentStatus(dc, d);
  return created;
}

// ---- proportional scaling ------------------------------------------------------------------

export interface ScaleOp {
  rs: KubeObject;
  newReplicas: number;
  /** scaleReplicaSet (also refreshes the annotations) rather than scaleReplicaSetAndRecordEvent. */
  always: boolean;
}

/** scale(): what a scaling event (or a paused Deployment) does to each ReplicaSet. Pure. */
export function planScale(d: KubeObject, newRS: KubeObject | undefined, oldRSs: KubeObject[]): ScaleOp[] {
  const replicas = deploymentReplicas(d);
  const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
  if (activeOrLatest) {
    if (specReplicas(activeOrLatest) === replicas) return [];
    return [{ rs: activeOrLatest, newReplicas: replicas, always: false }];
  }
  if (isSaturated(d, newRS)) return filterActiveReplicaSets(oldRSs).map((rs) => ({ rs, newReplicas: 0, always: false }));
  if (!isRollingUpdate(d)) return [];

  let all = filterActiveReplicaSets([...oldRSs, newRS]);
  const allowed = replicas > 0 ? replicas + maxSurge(d) : 0;
  const toAdd = allowed - getReplicaCountForReplicaSets(all);
  if (toAdd > 0) all = sortBySizeNewer(all);
  else if (toAdd < 0) all = sortBySizeOlder(all);

  let added = 0;
  const sizes = all.map((rs) => {
    if (toAdd === 0) return specReplicas(rs);
    const p = getReplicaSetProportion(rs, d, toAdd, added);
    added += p;
    return specReplicas(rs) + p;
  });
  if (toAdd !== 0 && sizes.length) sizes[0] = Math.max(0, sizes[0] + toAdd - added);
  return all.map((rs, i) => ({ rs, newReplicas: sizes[i], always: true }));
}

/** Whether a ScaleOp would issue an update call (size or desired/max annotations differ). */
export function scaleOpNeedsUpdate(op: ScaleOp, d: KubeObject): boolean {
  if (specReplicas(op.rs) !== op.newReplicas) return true;
  if (!op.always) return false;
  const r = deploymentReplicas(d);
  return replicasAnnotationsNeedUpdate(op.rs.metadata.annotations, r, r + maxSurge(d));
}

export function scale(dc: DeploymentControllerContext, d: KubeObject, newRS: KubeObject | undefined, oldRSs: KubeObject[]): void {
  for (const op of planScale(d, newRS, oldRSs)) {
    if (op.always) scaleReplicaSet(dc, op.rs, op.newReplicas, d);
    else scaleReplicaSetAndRecordEvent(dc, op.rs, op.newReplicas, d);
  }
}

/** isScalingEvent: an active RS was sized for another spec.replicas (desired-replicas annotation). */
export function isScalingEvent(dc: DeploymentControllerContext, d: KubeObject, rsList: KubeObject[]): boolean | undefined {
  const got = getAllReplicaSetsAndSyncRevision(dc, d, rsList, false);
  if (!got) return undefined;
  const replicas = deploymentReplicas(d);
  return filterActiveReplicaSets([...got.oldRSs, got.newRS]).some((rs) => {
    const desired = getDesiredReplicasAnnotation(rs);
    return desired !== undefined && desired !== replicas;
  });
}

/** sync(): scaling events and paused Deployments. */
export function sync(dc: DeploymentControllerContext, d: KubeObject, rsList: KubeObject[]): void {
  const got = getAllReplicaSetsAndSyncRevision(dc, d, rsList, false);
  if (!got) return;
  scale(dc, d, got.newRS, got.oldRSs);
  if (d.spec?.paused) cleanupDeployment(dc, got.oldRSs, d);
  syncDeploymentStatus(dc, [...got.oldRSs, got.newRS], got.newRS, d);
}

// ---- revision history cleanup --------------------------------------------------------------

/**
 * cleanupDeployment: the old RSs to delete beyond revisionHistoryLimit, lowest revision first.
 * Only the `diff` lowest are considered; a busy one among them is skipped, not replaced.
 */
export function planCleanupDeployment(oldRSs: KubeObject[], d: KubeObject): KubeObject[] {
  if (!hasRevisionHistoryLimit(d)) return [];
  const alive = oldRSs.filter((rs) => rs && !rs.metadata.deletionTimestamp);
  const diff = alive.length - d.spec.revisionHistoryLimit;
  if (diff <= 0) return [];
  const rev = (rs: KubeObject) => (Number.isNaN(revisionOf(rs)) ? 0 : revisionOf(rs));
  const byCreation = sortByCreationTimestamp(alive);
  const sorted = [...byCreation].sort((a, b) => rev(a) - rev(b));
  const out: KubeObject[] = [];
  for (let i = 0; i < diff; i++) {
    const rs = sorted[i];
    if ((rs.status?.replicas ?? 0) !== 0 || specReplicas(rs) !== 0) continue;
    if ((rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0) || rs.metadata.deletionTimestamp) continue;
    // DeploymentReplicaSetTerminatingReplicas (beta, on): keep an RS whose pods are still terminating.
    if (getTerminatingReplicaCountForReplicaSets([rs]) !== 0) continue;
    out.push(rs);
  }
  return out;
}

export function cleanupDeployment(dc: DeploymentControllerContext, oldRSs: KubeObject[], d: KubeObject): void {
  for (const rs of planCleanupDeployment(oldRSs, d)) {
    try {
      dc.ctx.api.delete('ReplicaSet', rs.metadata.namespace, rs.metadata.name);
    } catch (e) {
      if (!(e instanceof ApiError && e.reason === 'NotFound')) throw e;
    }
  }
}

// ---- status --------------------------------------------------------------------------------

/** calculateStatus: counts from the ReplicaSets plus the Available condition. */
export function calculateStatus(allRSs: (KubeObject | undefined)[], newRS: KubeObject | undefined, d: KubeObject, now: string): Record<string, any> {
  const available = getAvailableReplicaCountForReplicaSets(allRSs);
  const total = getReplicaCountForReplicaSets(allRSs);
  const status: Record<string, any> = {};
  const put = (k: string, v: number) => {
    if (v) status[k] = v;
  };
  put('observedGeneration', d.metadata.generation ?? 0);
  put('replicas', getActualReplicaCountForReplicaSets(allRSs));
  put('updatedReplicas', getActualReplicaCountForReplicaSets([newRS]));
  put('readyReplicas', getReadyReplicaCountForReplicaSets(allRSs));
  put('availableReplicas', available);
  put('unavailableReplicas', Math.max(0, total - available));
  const terminating = getTerminatingReplicaCountForReplicaSets(allRSs);
  if (terminating !== null) status.terminatingReplicas = terminating;
  status.conditions = clone(d.status?.conditions ?? []);
  if (available >= deploymentReplicas(d) - maxUnavailable(d)) {
    setDeploymentCondition(status, newDeploymentCondition('Available', 'True', MINIMUM_REPLICAS_AVAILABLE, 'Deployment has minimum availability.', now));
  } else {
    setDeploymentCondition(status, newDeploymentCondition('Available', 'False', MINIMUM_REPLICAS_UNAVAILABLE, 'Deployment does not have minimum availability.', now));
  }
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  return status;
}

export function syncDeploymentStatus(dc: DeploymentControllerContext, allRSs: (KubeObject | undefined)[], newRS: KubeObject | undefined, d: KubeObject): void {
  d.status = calculateStatus(allRSs, newRS, d, nowTimestamp(dc));
  updateDeploymentStatus(dc, d);
}
