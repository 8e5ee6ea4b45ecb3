// What the deployment controller's step functions share: the component context, the event
// source, and writes shaped like the Go controller's client calls.
import type { ComponentContext } from '../../sim/component';
import { clone, deepEqual, type KubeObject } from '../../api/meta';
import { specReplicas } from '../controller_utils/replica_sets';
import { deploymentReplicas, maxSurge } from './util/deployment_util';
import { replicasAnnotationsNeedUpdate, setReplicasAnnotations } from './util/annotations';

export const SOURCE = { component: 'deployment-controller' };

export interface DeploymentControllerContext {
  readonly ctx: ComponentContext;
  /** dc.enqueueAfter */
  enqueueAfter(d: KubeObject, delayMs: number): void;
  /** The sync failed (it returns an error upstream): requeue it rate-limited. */
  failed(err: Error): void;
}

/** Epoch ms of the simulated now (metav1.Now()). */
export function nowMs(dc: DeploymentControllerContext): number {
  return dc.ctx.clock.epochMs + dc.ctx.clock.now;
}

export function nowTimestamp(dc: DeploymentControllerContext): string {
  return dc.ctx.clock.timestamp();
}

/**
 * Deployments(ns).UpdateStatus(d): the apps/v1 status strategy keeps spec and labels but takes
 * annotations from the request too, which is how the controller writes the revision annotation.
 * Our store splits that into a metadata write and a /status write.
 */
export function updateDeploymentStatus(dc: DeploymentControllerContext, d: KubeObject): KubeObject | undefined {
  const api = dc.ctx.api;
  let cur = api.get('Deployment', d.metadata.namespace, d.metadata.name);
  if (!cur || cur.metadata.uid !== d.metadata.uid) return undefined;
  if (!deepEqual(cur.metadata.annotations ?? {}, d.metadata.annotations ?? {})) {
    cur = api.mutate('Deployment', d.metadata.namespace, d.metadata.name, (draft) => {
      if (d.metadata.annotations && Object.keys(d.metadata.annotations).length) draft.metadata.annotations = clone(d.metadata.annotations);
      else delete draft.metadata.annotations;
    });
  }
  if (!deepEqual(cur.status ?? {}, d.status ?? {})) {
    cur = api.mutate('Deployment', d.metadata.namespace, d.metadata.name, (draft) => void (draft.status = clone(d.status)), { status: true });
  }
  return cur;
}

/**
 * scaleReplicaSet (sync.go): one update when the size or the desired/max-replicas annotations
 * differ; the ScalingReplicaSet event only when the size changed.
 */
export function scaleReplicaSet(dc: DeploymentControllerContext, rs: KubeObject, newScale: number, d: KubeObject): { scaled: boolean; rs: KubeObject } {
  const oldScale = specReplicas(rs);
  const sizeNeedsUpdate = oldScale !== newScale;
  const desired = deploymentReplicas(d);
  const max = desired + maxSurge(d);
  const annotationsNeedUpdate = replicasAnnotationsNeedUpdate(rs.metadata.annotations, desired, max);
  if (!sizeNeedsUpdate && !annotationsNeedUpdate) return { scaled: false, rs };
  const api = dc.ctx.api;
  if (!api.get('ReplicaSet', rs.metadata.namespace, rs.metadata.name)) return { scaled: false, rs };
  const updated = api.mutate('ReplicaSet', rs.metadata.namespace, rs.metadata.name, (draft) => {
    draft.spec = { ...(draft.spec ?? {}), replicas: newScale };
    setReplicasAnnotations((draft.metadata.annotations ??= {}), desired, max);
  });
  if (sizeNeedsUpdate) {
    const op = oldScale < newScale ? 'up' : 'down';
    dc.ctx.events.record(d, 'Normal', 'ScalingReplicaSet', `Scaled ${op} replica set ${updated.metadata.name} from ${oldScale} to ${newScale}`, SOURCE);
  }
  return { scaled: sizeNeedsUpdate, rs: updated };
}

/** scaleReplicaSetAndRecordEvent: nothing to do when the size already matches. */
export function scaleReplicaSetAndRecordEvent(dc: DeploymentControllerContext, rs: KubeObject, newScale: number, d: KubeObject): { scaled: boolean; rs: KubeObject } {
  if (specReplicas(rs) === newScale) return { scaled: false, rs };
  return scaleReplicaSet(dc, rs, newScale, d);
}

/** A copy of rs with another spec.replicas, for planning several steps in one sync. */
export function withReplicas(rs: KubeObject, n: number): KubeObject {
  return { ...rs, spec: { ...(rs.spec ?? {}), replicas: n } };
}
