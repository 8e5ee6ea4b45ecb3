// Strategy validation (pkg/apis/*/validation via pkg/registry/*/strategy.go Validate and
// ValidateUpdate), per kind. Any error rejects the request with 422 Invalid and the API server's
// wording, field paths included, so the editor can point at the offending YAML line.
import { NO_ERRORS, type AdmissionChain } from '../../apiserver/admission';
import type { FieldError } from '../fieldErrors';
import { deepEqual, type KubeObject } from '../meta';
import {
  validateDaemonSet,
  validateDeployment,
  validateReplicaSet,
  validateSelectorImmutable,
  validateStatefulSet,
  validateStatefulSetUpdate,
} from './apps';
import { validateCronJob, validateJob, validateJobUpdate } from './batch';
import {
  validateConfigMap,
  validateImmutableConfig,
  validateNamespace,
  validateNode,
  validatePersistentVolumeClaim,
  validatePriorityClass,
  validatePriorityClassUpdate,
  validateService,
  validateServiceUpdate,
  validateSimpleNamed,
} from './core';
import { validateHorizontalPodAutoscaler, validatePodDisruptionBudget } from './other';
import { validatePodCreate, validatePodUpdate } from './pod';

type Validate = (obj: KubeObject) => FieldError[];
type ValidateUpdate = (obj: KubeObject, old: KubeObject) => FieldError[];

const ON_CREATE: Record<string, Validate> = {
  Pod: validatePodCreate,
  Deployment: validateDeployment,
  ReplicaSet: validateReplicaSet,
  StatefulSet: validateStatefulSet,
  DaemonSet: validateDaemonSet,
  Job: validateJob,
  CronJob: validateCronJob,
  Service: validateService,
  Namespace: validateNamespace,
  Node: validateNode,
  ConfigMap: validateConfigMap,
  Secret: validateSimpleNamed,
  ServiceAccount: validateSimpleNamed,
  PersistentVolumeClaim: validatePersistentVolumeClaim,
  PriorityClass: validatePriorityClass,
  HorizontalPodAutoscaler: validateHorizontalPodAutoscaler,
  PodDisruptionBudget: validatePodDisruptionBudget,
};

const ON_UPDATE: Record<string, ValidateUpdate> = {
  Pod: validatePodUpdate,
  Deployment: (o, old) => [...validateDeployment(o), ...validateSelectorImmutable(o, old)],
  ReplicaSet: (o, old) => [...validateReplicaSet(o), ...validateSelectorImmutable(o, old)],
  StatefulSet: (o, old) => [...validateStatefulSet(o), ...validateStatefulSetUpdate(o, old)],
  DaemonSet: (o, old) => [...validateDaemonSet(o), ...validateSelectorImmutable(o, old)],
  Job: (o, old) => [...validateJob(o), ...validateJobUpdate(o, old)],
  Service: (o, old) => [...validateService(o), ...validateServiceUpdate(o, old)],
  ConfigMap: (o, old) => [...validateConfigMap(o), ...validateImmutableConfig(o, old)],
  Secret: (o, old) => [...validateSimpleNamed(o), ...validateImmutableConfig(o, old)],
  PriorityClass: (o, old) => [...validatePriorityClass(o), ...validatePriorityClassUpdate(o, old)],
};

/** A write that leaves everything but status (and bookkeeping metadata) alone: a status update. */
function onlyStatusChanged(obj: KubeObject, old: KubeObject): boolean {
  const { status: _a, metadata: ma, ...restA } = obj;
  const { status: _b, metadata: mb, ...restB } = old;
  return (
    deepEqual(restA, restB) &&
    deepEqual(ma.labels, mb.labels) &&
    deepEqual(ma.annotations, mb.annotations) &&
    deepEqual(ma.ownerReferences, mb.ownerReferences)
  );
}

export function validateObject(obj: KubeObject, old: KubeObject | undefined): readonly FieldError[] {
  // Kinds without strategy validation (Event above all) pass with the shared empty result.
  if (!old) return ON_CREATE[obj.kind]?.(obj) ?? NO_ERRORS;
  // Status writes were validated as a whole on create; re-checking the spec on every kubelet
  // heartbeat would only cost time.
  if (onlyStatusChanged(obj, old)) return NO_ERRORS;
  const upd = ON_UPDATE[obj.kind];
  if (upd) return upd(obj, old);
  return ON_CREATE[obj.kind]?.(obj) ?? NO_ERRORS;
}

export function installValidation(chain: AdmissionChain): void {
  chain.addValidating('Validation', (obj, old) => validateObject(obj, old));
}
