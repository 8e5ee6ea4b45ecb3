// RealPodControl (pkg/controller/controller_utils.go): pods a controller creates from its
// template, and the events it records for creates and deletes.
import type { ComponentContext } from '../../sim/component';
import { ApiError } from '../../apiserver/errors';
import { clone, type KubeObject } from '../../api/meta';
import type { OwnerReference } from 'kubernetes-types/meta/v1';

const POD_NAME_PREFIX = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*-?$/;

/** getPodsPrefix: "<controller>-" unless that is not a valid name prefix. */
export function podsPrefix(controllerName: string): string {
  const prefix = `${controllerName}-`;
  return POD_NAME_PREFIX.test(prefix) && prefix.length <= 253 ? prefix : controllerName;
}

/** GetPodFromTemplate: labels, annotations and finalizers from the template, the spec copied. */
export function getPodFromTemplate(template: KubeObject['spec'], parent: KubeObject, ref: OwnerReference | undefined): KubeObject {
  const md = template?.metadata ?? {};
  const spec = template?.spec ?? {};
  const pod: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: '', generateName: podsPrefix(parent.metadata.name), namespace: parent.metadata.namespace },
    spec: clone(spec),
  };
  if (md.labels && Object.keys(md.labels).length) pod.metadata.labels = { ...md.labels };
  if (md.annotations && Object.keys(md.annotations).length) pod.metadata.annotations = { ...md.annotations };
  if (md.finalizers?.length) pod.metadata.finalizers = [...md.finalizers];
  if (ref) pod.metadata.ownerReferences = [{ ...ref }];
  return pod;
}

export interface PodControlSource {
  component: string;
}

/** CreatePods: one create with generateName; events SuccessfulCreate / FailedCreate. */
export function createPod(ctx: ComponentContext, source: PodControlSource, template: KubeObject['spec'], parent: KubeObject, ref: OwnerReference): Error | undefined {
  // Every part of the pod is a fresh copy, so the API server keeps it instead of copying it again.
  const pod = getPodFromTemplate(template, parent, ref);
  if (!pod.metadata.labels || Object.keys(pod.metadata.labels).length === 0) return new Error('unable to create pods, no labels');
  try {
    const created = ctx.api.create(pod, { owned: true });
    ctx.events.record(parent, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`, source);
    return undefined;
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    ctx.events.record(parent, 'Warning', 'FailedCreate', `Error creating: ${err.message}`, source);
    return err;
  }
}

/** DeletePod: events SuccessfulDelete / FailedDelete; NotFound is returned but not reported. */
export function deletePod(ctx: ComponentContext, source: PodControlSource, namespace: string | undefined, name: string, parent: KubeObject): Error | undefined {
  try {
    ctx.api.delete('Pod', namespace, name);
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    if (e instanceof ApiError && e.reason === 'NotFound') return err;
    ctx.events.record(parent, 'Warning', 'FailedDelete', `Error deleting: ${err.message}`, source);
    return new Error(`unable to delete pods: ${err.message}`);
  }
  ctx.events.record(parent, 'Normal', 'SuccessfulDelete', `Deleted pod: ${name}`, source);
  return undefined;
}
