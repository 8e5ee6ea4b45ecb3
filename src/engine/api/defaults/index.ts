// Scheme defaulting (SetDefaults_* in pkg/apis/<group>/<version>/defaults.go), which the real
// API server applies while decoding every request body, on create and on update alike.
import type { AdmissionChain } from '../../apiserver/admission';
import type { KubeObject } from '../meta';
import { defaultDaemonSet, defaultDeployment, defaultReplicaSet, defaultStatefulSet } from './apps';
import { defaultHorizontalPodAutoscaler, defaultPriorityClass } from './autoscaling';
import { defaultCronJob, defaultJob } from './batch';
import {
  defaultLimitRange,
  defaultNamespace,
  defaultNode,
  defaultPersistentVolumeClaim,
  defaultPod,
  defaultResourceQuota,
  defaultEndpoints,
  defaultSecret,
  defaultService,
} from './core';
import { DecodeError, decodeFailure } from './decode';
import { checkTypes } from './typeCheck';

const DEFAULTERS: Record<string, (obj: KubeObject) => void> = {
  Pod: defaultPod,
  Service: defaultService,
  Secret: defaultSecret,
  Endpoints: defaultEndpoints,
  Namespace: defaultNamespace,
  Node: defaultNode,
  PersistentVolumeClaim: defaultPersistentVolumeClaim,
  LimitRange: defaultLimitRange,
  ResourceQuota: defaultResourceQuota,
  Deployment: defaultDeployment,
  ReplicaSet: defaultReplicaSet,
  StatefulSet: defaultStatefulSet,
  DaemonSet: defaultDaemonSet,
  Job: defaultJob,
  CronJob: defaultCronJob,
  HorizontalPodAutoscaler: defaultHorizontalPodAutoscaler,
  PriorityClass: defaultPriorityClass,
};

/** Apply the scheme defaults for obj's kind in place; throws the API server's 400 on undecodable values. */
export function applyDefaults(obj: KubeObject): void {
  const fn = DEFAULTERS[obj.kind];
  try {
    checkTypes(obj);
    fn?.(obj);
  } catch (e) {
    if (e instanceof DecodeError) throw decodeFailure(obj, e);
    throw e;
  }
}

export function installDefaulting(chain: AdmissionChain): void {
  chain.addMutating('SchemeDefaults', (obj) => applyDefaults(obj));
}
