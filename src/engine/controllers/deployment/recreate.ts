// Recreate (pkg/controller/deployment/recreate.go): scale every old ReplicaSet to 0, wait until
// none of their pods is still running (terminating pods count), then create or scale the new one.
import type { KubeObject } from '../../api/meta';
import { filterActiveReplicaSets } from '../controller_utils/replica_sets';
import { deploymentComplete, deploymentReplicas, getActualReplicaCountForReplicaSets } from './util/deployment_util';
import { scaleReplicaSetAndRecordEvent, type DeploymentControllerContext } from './context';
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision } from './sync';
import { syncRolloutStatus } from './progress';

/** oldPodsRunning: any old RS still reports pods, or any non-terminal pod belongs to one. */
export function oldPodsRunning(newRS: KubeObject | undefined, oldRSs: KubeObject[], podMap: Map<string, KubeObject[]>): boolean {
  if (getActualReplicaCountForReplicaSets(oldRSs) > 0) return true;
  for (const [uid, pods] of podMap) {
    if (newRS && newRS.metadata.uid === uid) continue;
    for (const pod of pods) {
      const phase = pod.status?.phase;
      if (phase === 'Failed' || phase === 'Succeeded') continue;
      return true;
    }
  }
  return false;
}

export function rolloutRecreate(dc: DeploymentControllerContext, d: KubeObject, rsList: KubeObject[], podMap: Map<string, KubeObject[]>): void {
  // Do not create the new RS yet, so nothing scales up before the old pods are gone.
  let got = getAllReplicaSetsAndSyncRevision(dc, d, rsList, false);
  if (!got) return;
  let { newRS, oldRSs } = got;
  let allRSs = [...oldRSs, newRS];

  let scaledDown = false;
  for (const rs of filterActiveReplicaSets(oldRSs)) {
    if (scaleReplicaSetAndRecordEvent(dc, rs, 0, d).scaled) scaledDown = true;
  }
  if (scaledDown) {
    syncRolloutStatus(dc, allRSs, newRS, d);
    return;
  }
  if (oldPodsRunning(newRS, oldRSs, podMap)) {
    syncRolloutStatus(dc, allRSs, newRS, d);
    return;
  }
  if (!newRS) {
    got = getAllReplicaSetsAndSyncRevision(dc, d, rsList, true);
    if (!got) return;
    ({ newRS, oldRSs } = got);
    allRSs = [...oldRSs, newRS];
  }
  if (newRS) scaleReplicaSetAndRecordEvent(dc, newRS, deploymentReplicas(d), d);
  if (deploymentComplete(d, d.status ?? {})) cleanupDeployment(dc, oldRSs, d);
  syncRolloutStatus(dc, allRSs, newRS, d);
}
