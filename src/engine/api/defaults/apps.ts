// Scheme defaulting for apps/v1 (pkg/apis/apps/v1/defaults.go). Deployment .spec.selector is
// required in apps/v1 and is never defaulted from the template labels.
import type { KubeObject } from '../meta';
import { defaultPodTemplate } from './core';

export function defaultDeployment(d: KubeObject): void {
  d.spec = d.spec ?? {};
  const s = d.spec;
  if (s.replicas === undefined || s.replicas === null) s.replicas = 1;
  s.strategy = s.strategy ?? {};
  if (!s.strategy.type) s.strategy.type = 'RollingUpdate';
  if (s.strategy.type === 'RollingUpdate') {
    s.strategy.rollingUpdate = s.strategy.rollingUpdate ?? {};
    if (s.strategy.rollingUpdate.maxUnavailable === undefined || s.strategy.rollingUpdate.maxUnavailable === null) {
      s.strategy.rollingUpdate.maxUnavailable = '25%';
    }
    if (s.strategy.rollingUpdate.maxSurge === undefined || s.strategy.rollingUpdate.maxSurge === null) {
      s.strategy.rollingUpdate.maxSurge = '25%';
    }
  }
  if (s.revisionHistoryLimit === undefined || s.revisionHistoryLimit === null) s.revisionHistoryLimit = 10;
  if (s.progressDeadlineSeconds === undefined || s.progressDeadlineSeconds === null) s.progressDeadlineSeconds = 600;
  defaultPodTemplate(s.template, 'spec.template');
}

export function defaultReplicaSet(rs: KubeObject): void {
  rs.spec = rs.spec ?? {};
  if (rs.spec.replicas === undefined || rs.spec.replicas === null) rs.spec.replicas = 1;
  defaultPodTemplate(rs.spec.template, 'spec.template');
}

export function defaultStatefulSet(ss: KubeObject): void {
  ss.spec = ss.spec ?? {};
  const s = ss.spec;
  if (!s.podManagementPolicy) s.podManagementPolicy = 'OrderedReady';
  s.updateStrategy = s.updateStrategy ?? {};
  if (!s.updateStrategy.type) {
    s.updateStrategy.type = 'RollingUpdate';
    s.updateStrategy.rollingUpdate = s.updateStrategy.rollingUpdate ?? {};
  }
  const ru = s.updateStrategy.rollingUpdate;
  if (s.updateStrategy.type === 'RollingUpdate' && ru && typeof ru === 'object') {
    if (ru.partition === undefined || ru.partition === null) ru.partition = 0;
    // MaxUnavailableStatefulSet (beta, on by default).
    if (ru.maxUnavailable === undefined || ru.maxUnavailable === null) ru.maxUnavailable = 1;
  }
  s.persistentVolumeClaimRetentionPolicy = s.persistentVolumeClaimRetentionPolicy ?? {};
  if (!s.persistentVolumeClaimRetentionPolicy.whenDeleted) s.persistentVolumeClaimRetentionPolicy.whenDeleted = 'Retain';
  if (!s.persistentVolumeClaimRetentionPolicy.whenScaled) s.persistentVolumeClaimRetentionPolicy.whenScaled = 'Retain';
  if (s.replicas === undefined || s.replicas === null) s.replicas = 1;
  if (s.revisionHistoryLimit === undefined || s.revisionHistoryLimit === null) s.revisionHistoryLimit = 10;
  defaultPodTemplate(s.template, 'spec.template');
  for (const pvc of Array.isArray(s.volumeClaimTemplates) ? s.volumeClaimTemplates : []) {
    if (pvc?.spec && !pvc.spec.volumeMode) pvc.spec.volumeMode = 'Filesystem';
  }
}

export function defaultDaemonSet(ds: KubeObject): void {
  ds.spec = ds.spec ?? {};
  const s = ds.spec;
  s.updateStrategy = s.updateStrategy ?? {};
  if (!s.updateStrategy.type) s.updateStrategy.type = 'RollingUpdate';
  if (s.updateStrategy.type === 'RollingUpdate') {
    s.updateStrategy.rollingUpdate = s.updateStrategy.rollingUpdate ?? {};
    const ru = s.updateStrategy.rollingUpdate;
    if (ru.maxUnavailable === undefined || ru.maxUnavailable === null) ru.maxUnavailable = 1;
    if (ru.maxSurge === undefined || ru.maxSurge === null) ru.maxSurge = 0;
  }
  if (s.revisionHistoryLimit === undefined || s.revisionHistoryLimit === null) s.revisionHistoryLimit = 10;
  defaultPodTemplate(s.template, 'spec.template');
}
