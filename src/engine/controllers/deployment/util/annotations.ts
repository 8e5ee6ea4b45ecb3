// Deployment annotations on ReplicaSets (pkg/controller/deployment/util/deployment_util.go):
// revision and revision-history, desired-replicas / max-replicas for proportional scaling, and
// the Deployment annotations copied onto its new ReplicaSet.
import type { KubeObject } from '../../../api/meta';
import { specReplicas } from '../../controller_utils/replica_sets';
import { maxSurge } from './deployment_util';

export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
export const LAST_APPLIED_CONFIG_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';
export const DEPRECATED_ROLLBACK_TO = 'deprecated.deployment.rollback.to';
/** sync.go maxRevHistoryLengthInChars. */
export const MAX_REV_HISTORY_LENGTH_IN_CHARS = 2000;

const ANNOTATIONS_TO_SKIP = new Set([
  LAST_APPLIED_CONFIG_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  DEPRECATED_ROLLBACK_TO,
]);

/** Revision(rs): the revision annotation as an integer (0 when missing, NaN when malformed). */
export function revisionOf(obj: KubeObject): number {
  const v = obj.metadata.annotations?.[REVISION_ANNOTATION];
  if (v === undefined || v === '') return 0;
  return /^[+-]?[0-9]+$/.test(v) ? Number(v) : NaN;
}

export function maxRevision(rss: KubeObject[]): number {
  let max = 0;
  for (const rs of rss) {
    const v = revisionOf(rs);
    if (!Number.isNaN(v) && v > max) max = v;
  }
  return max;
}

/** getNonNegativeInt32FromAnnotationVerbose: strconv.ParseUint(v, 10, 32) then <= MaxInt32. */
export function getNonNegativeInt32FromAnnotation(annotations: Record<string, string> | undefined | null, key: string): { value: number; ok: boolean; error?: string } {
  const v = annotations?.[key];
  if (v === undefined) return { value: 0, ok: false };
  if (!/^[0-9]+$/.test(v)) return { value: 0, ok: false, error: `strconv.ParseUint: parsing ${JSON.stringify(v)}: invalid syntax` };
  const n = Number(v);
  if (n > 4294967295) return { value: 0, ok: false, error: `strconv.ParseUint: parsing ${JSON.stringify(v)}: value out of range` };
  if (n > 2147483647) return { value: 0, ok: false, error: `value ${n} is out of range (higher than 2147483647)` };
  return { value: n, ok: true };
}

export function getDesiredReplicasAnnotation(rs: KubeObject): number | undefined {
  const r = getNonNegativeInt32FromAnnotation(rs.metadata.annotations, DESIRED_REPLICAS_ANNOTATION);
  return r.ok ? r.value : undefined;
}

export function getMaxReplicasAnnotation(rs: KubeObject): number | undefined {
  const r = getNonNegativeInt32FromAnnotation(rs.metadata.annotations, MAX_REPLICAS_ANNOTATION);
  return r.ok ? r.value : undefined;
}

export function replicasAnnotationsNeedUpdate(annotations: Record<string, string> | undefined | null, desired: number, max: number): boolean {
  return annotations?.[DESIRED_REPLICAS_ANNOTATION] !== String(desired) || annotations?.[MAX_REPLICAS_ANNOTATION] !== String(max);
}

/** SetReplicasAnnotations on a mutable annotations map; true if anything changed. */
export function setReplicasAnnotations(annotations: Record<string, string>, desired: number, max: number): boolean {
  let updated = false;
  if (annotations[DESIRED_REPLICAS_ANNOTATION] !== String(desired)) {
    annotations[DESIRED_REPLICAS_ANNOTATION] = String(desired);
    updated = true;
  }
  if (annotations[MAX_REPLICAS_ANNOTATION] !== String(max)) {
    annotations[MAX_REPLICAS_ANNOTATION] = String(max);
    updated = true;
  }
  return updated;
}

/** IsSaturated: the new RS runs exactly the desired count, all available. */
export function isSaturated(d: KubeObject, rs: KubeObject | undefined | null): boolean {
  if (!rs) return false;
  const v = rs.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION];
  if (v === undefined || !/^[+-]?[0-9]+$/.test(v)) return false;
  const replicas = d.spec?.replicas ?? 1;
  return specReplicas(rs) === replicas && Number(v) === replicas && (rs.status?.availableReplicas ?? 0) === replicas;
}

function copyDeploymentAnnotationsToReplicaSet(d: KubeObject, annotations: Record<string, string>): boolean {
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (ANNOTATIONS_TO_SKIP.has(k) || annotations[k] === v) continue;
    annotations[k] = v;
    changed = true;
  }
  return changed;
}

/**
 * SetNewReplicaSetAnnotations on a mutable RS draft. The RS keeps the highest revision; when a
 * revision it already had is replaced (a rollback re-adopting it), the old one is appended to
 * revision-history, dropping the oldest entries to stay within the character limit.
 */
export function setNewReplicaSetAnnotations(d: KubeObject, rs: KubeObject, newRevision: string, exists: boolean, limitInChars = MAX_REV_HISTORY_LENGTH_IN_CHARS): boolean {
  const annotations: Record<string, string> = (rs.metadata.annotations ??= {});
  let changed = copyDeploymentAnnotationsToReplicaSet(d, annotations);
  const had = REVISION_ANNOTATION in annotations;
  const oldRevision = annotations[REVISION_ANNOTATION] ?? '';
  let oldInt = 0;
  if (oldRevision !== '') {
    if (!/^[+-]?[0-9]+$/.test(oldRevision)) return false;
    oldInt = Number(oldRevision);
  }
  if (!/^[+-]?[0-9]+$/.test(newRevision)) return false;
  const newInt = Number(newRevision);
  if (oldInt < newInt) {
    annotations[REVISION_ANNOTATION] = newRevision;
    changed = true;
  }
  if (had && oldInt < newInt) {
    const history = annotations[REVISION_HISTORY_ANNOTATION] ?? '';
    let old = history.split(',');
    if (old[0].length === 0) {
      annotations[REVISION_HISTORY_ANNOTATION] = oldRevision;
    } else {
      let total = history.length + oldRevision.length + 1;
      let start = 0;
      while (total > limitInChars && start < old.length) {
        total -= old[start].length + 1;
        start++;
      }
      if (total <= limitInChars) {
        old = [...old.slice(start), oldRevision];
        annotations[REVISION_HISTORY_ANNOTATION] = old.join(',');
      }
    }
  }
  if (!exists) {
    const replicas = d.spec?.replicas ?? 1;
    if (setReplicasAnnotations(annotations, replicas, replicas + maxSurge(d))) changed = true;
  }
  return changed;
}

/** SetDeploymentRevision on a mutable Deployment draft. */
export function setDeploymentRevision(d: KubeObject, revision: string): boolean {
  const annotations: Record<string, string> = (d.metadata.annotations ??= {});
  if (annotations[REVISION_ANNOTATION] === revision) return false;
  annotations[REVISION_ANNOTATION] = revision;
  return true;
}
