// Rollback support. In apps/v1 `kubectl rollout undo` is client-side (kubectl's
// polymorphichelpers/rollback.go): it copies the pod template of the ReplicaSet with the target
// revision into the Deployment; the controller then finds that ReplicaSet as the new one and
// bumps its revision (keeping the old number in revision-history). These helpers give kubectl
// what it needs, computed the way deploymentutil does.
import type { ApiServer } from '../../apiserver/store';
import { clone, controllerRef, type KubeObject } from '../../api/meta';
import { labelSelectorAsSelector } from '../../api/labels';
import { POD_TEMPLATE_HASH_LABEL, revisionOf } from './util/annotations';

/** The ReplicaSets a Deployment controls (controllerRef uid), in no particular order. */
export function replicaSetsOf(api: ApiServer, d: KubeObject): KubeObject[] {
  let matches: (l: Record<string, string>) => boolean = () => false;
  try {
    const sel = labelSelectorAsSelector(d.spec?.selector);
    matches = (l) => sel.matches(l);
  } catch {
    // an invalid selector selects nothing
  }
  return api.list('ReplicaSet', { namespace: d.metadata.namespace }).filter((rs) => controllerRef(rs)?.uid === d.metadata.uid && matches(rs.metadata.labels ?? {}));
}

/** A Deployment's ReplicaSets by revision, lowest first (`kubectl rollout history` order). */
export function replicaSetsByRevision(api: ApiServer, d: KubeObject): { revision: number; rs: KubeObject }[] {
  return replicaSetsOf(api, d)
    .map((rs) => ({ revision: Number.isNaN(revisionOf(rs)) ? 0 : revisionOf(rs), rs }))
    .sort((a, b) => a.revision - b.revision || a.rs.metadata.name.localeCompare(b.rs.metadata.name));
}

/**
 * The ReplicaSet `rollout undo --to-revision=N` targets; N=0 means the previous revision
 * (deploymentutil.LastRevision: the second-highest). Undefined when there is none.
 */
export function replicaSetForRollback(api: ApiServer, d: KubeObject, toRevision = 0): KubeObject | undefined {
  const list = replicaSetsByRevision(api, d);
  if (toRevision > 0) return list.find((x) => x.revision === toRevision)?.rs;
  if (list.length < 2) return undefined;
  return list[list.length - 2].rs;
}

/** The pod template to write into the Deployment for a rollback: the RS's, minus the hash label. */
export function rollbackTemplate(rs: KubeObject): KubeObject['spec'] {
  const t = clone(rs.spec?.template ?? {});
  if (t.metadata?.labels) {
    delete t.metadata.labels[POD_TEMPLATE_HASH_LABEL];
    if (Object.keys(t.metadata.labels).length === 0) delete t.metadata.labels;
  }
  return t;
}
