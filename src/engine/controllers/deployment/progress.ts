// pkg/controller/deployment/progress.go: the Progressing condition (progress, completion,
// progressDeadlineSeconds timeout), ReplicaFailure copied up from ReplicaSets, and the requeue
// that notices a deadline passing when nothing else changes.
import type { KubeObject } from '../../api/meta';
import {
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  getDeploymentCondition,
  hasProgressDeadline,
  newDeploymentCondition,
  removeDeploymentCondition,
  setDeploymentCondition,
  NEW_RS_AVAILABLE_REASON,
  REPLICA_SET_UPDATED_REASON,
  TIMED_OUT_REASON,
  type DeploymentCondition,
} from './util/deployment_util';
import { calculateStatus } from './sync';
import { deepEqual } from '../../api/meta';
import { nowMs, nowTimestamp, updateDeploymentStatus, type DeploymentControllerContext } from './context';
import { parseTime } from '../controller_utils/pods';

export function syncRolloutStatus(dc: DeploymentControllerContext, allRSs: (KubeObject | undefined)[], newRS: KubeObject | undefined, d: KubeObject): void {
  const now = nowTimestamp(dc);
  const status = calculateStatus(allRSs, newRS, d, now);
  if (!hasProgressDeadline(d)) removeDeploymentCondition(status, 'Progressing');

  const current = getDeploymentCondition(d.status, 'Progressing');
  const isCompleteDeployment = status.replicas === status.updatedReplicas && current?.reason === NEW_RS_AVAILABLE_REASON;
  if (hasProgressDeadline(d) && !isCompleteDeployment) {
    const subject = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
    if (deploymentComplete(d, status)) {
      setDeploymentCondition(status, newDeploymentCondition('Progressing', 'True', NEW_RS_AVAILABLE_REASON, `${subject} has successfully progressed.`, now));
    } else if (deploymentProgressing(d, status)) {
      // Progress refreshes lastUpdateTime even with the same reason, so this bypasses the
      // same-reason no-op of setDeploymentCondition.
      const cond = newDeploymentCondition('Progressing', 'True', REPLICA_SET_UPDATED_REASON, `${subject} is progressing.`, now);
      if (current) {
        if (current.status === 'True') cond.lastTransitionTime = current.lastTransitionTime;
        removeDeploymentCondition(status, 'Progressing');
      }
      setDeploymentCondition(status, cond);
    } else if (deploymentTimedOut(d, status, nowMs(dc))) {
      setDeploymentCondition(status, newDeploymentCondition('Progressing', 'False', TIMED_OUT_REASON, `${subject} has timed out progressing.`, now));
    }
  }

  const failure = getReplicaFailures(allRSs, newRS);
  if (failure) setDeploymentCondition(status, failure);
  else removeDeploymentCondition(status, 'ReplicaFailure');

  if (deepEqual(d.status ?? {}, status)) {
    requeueStuckDeployment(dc, d, status);
    return;
  }
  d.status = status;
  updateDeploymentStatus(dc, d);
}

/** The new RS's ReplicaFailure condition, else the first old one's, as a Deployment condition. */
function getReplicaFailures(allRSs: (KubeObject | undefined)[], newRS: KubeObject | undefined): DeploymentCondition | undefined {
  const fromRS = (rs: KubeObject | undefined) => {
    const c = (rs?.status?.conditions ?? []).find((x: { type: string }) => x.type === 'ReplicaFailure');
    return c && { type: 'ReplicaFailure', status: c.status, lastUpdateTime: c.lastTransitionTime, lastTransitionTime: c.lastTransitionTime, reason: c.reason, message: c.message };
  };
  const own = fromRS(newRS);
  if (own) return own;
  for (const rs of allRSs) {
    const c = fromRS(rs);
    if (c) return c;
  }
  return undefined;
}

/**
 * requeueStuckDeployment: without visible progress, check again when the deadline would pass
 * (lastUpdateTime + progressDeadlineSeconds, plus a second against clock skew).
 */
export function requeueStuckDeployment(dc: DeploymentControllerContext, d: KubeObject, status: Record<string, any>): number {
  const current = getDeploymentCondition(d.status, 'Progressing');
  if (!hasProgressDeadline(d) || !current) return -1;
  if (deploymentComplete(d, status) || current.reason === TIMED_OUT_REASON) return -1;
  const last = parseTime(current.lastUpdateTime) ?? 0;
  const after = last + d.spec.progressDeadlineSeconds * 1000 - nowMs(dc);
  if (after < 1000) {
    // Upstream requeues rate-limited; waking just past the deadline gives the same outcome
    // without spinning at one instant.
    dc.enqueueAfter(d, Math.max(after + 1, dc.ctx.timings.controllerLatencyMs));
    return 0;
  }
  dc.enqueueAfter(d, after + 1000);
  return after;
}
