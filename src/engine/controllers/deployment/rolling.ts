// RollingUpdate (pkg/controller/deployment/rolling.go): one step per sync. Grow the new
// ReplicaSet within maxSurge; otherwise shrink old ones within maxUnavailable, unhealthy
// replicas first. The planning functions are pure (driven by the conformance vectors); the
// controller applies their results with scaleReplicaSetAndRecordEvent.
import type { KubeObject } from '../../api/meta';
import { filterActiveReplicaSets, sortByCreationTimestamp, specReplicas } from '../controller_utils/replica_sets';
import {
  deploymentComplete,
  deploymentReplicas,
  getAvailableReplicaCountForReplicaSets,
  getReplicaCountForReplicaSets,
  maxUnavailable,
  newRSNewReplicas,
} from './util/deployment_util';
import { scaleReplicaSetAndRecordEvent, withReplicas, type DeploymentControllerContext } from './context';
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision } from './sync';
import { syncRolloutStatus } from './progress';

export interface ScaleStep {
  rs: KubeObject;
  newReplicas: number;
}

/** reconcileNewReplicaSet: the new RS's next size, or undefined when it stays as it is. */
export function planReconcileNewReplicaSet(d: KubeObject, allRSs: (KubeObject | undefined)[], newRS: KubeObject): number | undefined {
  const replicas = deploymentReplicas(d);
  const cur = specReplicas(newRS);
  if (cur === replicas) return undefined;
  if (cur > replicas) return replicas;
  const next = newRSNewReplicas(d, allRSs, newRS);
  return next === cur ? undefined : next;
}

/** cleanupUnhealthyReplicas: scale old RSs (oldest first) down by their unavailable replicas. */
export function planCleanupUnhealthyReplicas(oldRSs: KubeObject[], maxCleanupCount: number): { steps: ScaleStep[]; oldRSs: KubeObject[]; cleaned: number } {
  const sorted = sortByCreationTimestamp(oldRSs);
  const steps: ScaleStep[] = [];
  let total = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (total >= maxCleanupCount) break;
    const rs = sorted[i];
    const spec = specReplicas(rs);
    const available = rs.status?.availableReplicas ?? 0;
    if (spec === 0 || spec === available) continue;
    const count = Math.min(maxCleanupCount - total, spec - available);
    const next = spec - count;
    steps.push({ rs, newReplicas: next });
    sorted[i] = withReplicas(rs, next);
    total += count;
  }
  return { steps, oldRSs: sorted, cleaned: total };
}

/** scaleDownOldReplicaSetsForRollingUpdate: remove available old replicas above minAvailable. */
export function planScaleDownOldReplicaSetsForRollingUpdate(allRSs: (KubeObject | undefined)[], oldRSs: KubeObject[], d: KubeObject): { steps: ScaleStep[]; scaledDown: number } {
  const minAvail = deploymentReplicas(d) - maxUnavailable(d);
  const available = getAvailableReplicaCountForReplicaSets(allRSs);
  if (available <= minAvail) return { steps: [], scaledDown: 0 };
  const budget = available - minAvail;
  const steps: ScaleStep[] = [];
  let total = 0;
  for (const rs of sortByCreationTimestamp(oldRSs)) {
    if (total >= budget) break;
    const spec = specReplicas(rs);
    if (spec === 0) continue;
    const count = Math.min(spec, budget - total);
    steps.push({ rs, newReplicas: spec - count });
    total += count;
  }
  return { steps, scaledDown: total };
}

/** reconcileOldReplicaSets: every scale-down this step would issue, in order. */
export function planReconcileOldReplicaSets(allRSs: (KubeObject | undefined)[], oldRSs: KubeObject[], newRS: KubeObject, d: KubeObject): ScaleStep[] {
  if (getReplicaCountForReplicaSets(oldRSs) === 0) return [];
  const allPods = getReplicaCountForReplicaSets(allRSs);
  const minAvail = deploymentReplicas(d) - maxUnavailable(d);
  const newRSUnavailable = specReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = allPods - minAvail - newRSUnavailable;
  if (maxScaledDown <= 0) return [];
  const cleanup = planCleanupUnhealthyReplicas(oldRSs, maxScaledDown);
  const down = planScaleDownOldReplicaSetsForRollingUpdate([...cleanup.oldRSs, newRS], cleanup.oldRSs, d);
  return [...cleanup.steps, ...down.steps];
}

/** rolloutRolling */
export function rolloutRolling(dc: DeploymentControllerContext, d: KubeObject, rsList: KubeObject[]): void {
  const got = getAllReplicaSetsAndSyncRevision(dc, d, rsList, true);
  if (!got) return;
  const { newRS, oldRSs } = got;
  const allRSs = [...oldRSs, newRS];
  if (!newRS) return;

  const next = planReconcileNewReplicaSet(d, allRSs, newRS);
  if (next !== undefined && scaleReplicaSetAndRecordEvent(dc, newRS, next, d).scaled) {
    syncRolloutStatus(dc, allRSs, newRS, d);
    return;
  }

  let scaledDown = false;
  for (const step of planReconcileOldReplicaSets(allRSs, filterActiveReplicaSets(oldRSs), newRS, d)) {
    if (scaleReplicaSetAndRecordEvent(dc, step.rs, step.newReplicas, d).scaled) scaledDown = true;
  }
  if (scaledDown) {
    syncRolloutStatus(dc, allRSs, newRS, d);
    return;
  }

  if (deploymentComplete(d, d.status ?? {})) cleanupDeployment(dc, oldRSs, d);
  syncRolloutStatus(dc, allRSs, newRS, d);
}
