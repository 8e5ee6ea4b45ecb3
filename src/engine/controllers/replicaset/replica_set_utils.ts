// ReplicaSet status (pkg/controller/replicaset/replica_set_utils.go): calculateStatus and the
// ReplicaFailure condition helpers. Zero counts are left out as the API omits them (omitempty),
// except `replicas`, which the ReplicaSetStatus type always serialises.
import type { KubeObject } from '../../api/meta';
import { cachedSetSelector, matchesLabels } from '../controller_utils/selectors';
import { isPodAvailable, isPodReady } from '../controller_utils/pods';

export interface ReplicaSetCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export interface ReplicaSetStatus {
  replicas: number;
  fullyLabeledReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  terminatingReplicas?: number;
  observedGeneration?: number;
  conditions?: ReplicaSetCondition[];
}

export const REPLICA_FAILURE = 'ReplicaFailure';

/** SetCondition: no-op when status and reason are unchanged; otherwise replace (appended last). */
export function setCondition(conds: ReplicaSetCondition[] | undefined, c: ReplicaSetCondition): ReplicaSetCondition[] {
  const cur = conds?.find((x) => x.type === c.type);
  if (cur && cur.status === c.status && cur.reason === c.reason) return conds ?? [];
  return [...(conds ?? []).filter((x) => x.type !== c.type), c];
}

export function removeCondition(conds: ReplicaSetCondition[] | undefined, type: string): ReplicaSetCondition[] {
  return (conds ?? []).filter((x) => x.type !== type);
}

export interface StatusInput {
  rs: KubeObject;
  activePods: KubeObject[];
  terminatingPods: KubeObject[];
  manageReplicasError?: Error;
  /** Epoch ms, for minReadySeconds. */
  now: number;
  /** metav1.Now() as the API would store it. */
  timestamp: string;
}

export function calculateStatus({ rs, activePods, terminatingPods, manageReplicasError, now, timestamp }: StatusInput): ReplicaSetStatus {
  const templateLabels = cachedSetSelector(rs.spec?.template?.metadata?.labels ?? {});
  const minReadySeconds = rs.spec?.minReadySeconds ?? 0;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const pod of activePods) {
    if (matchesLabels(templateLabels, pod.metadata.labels)) fullyLabeled++;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReadySeconds, now)) available++;
    }
  }
  const counts = { replicas: activePods.length, fullyLabeled, ready, available, terminating: terminatingPods.length };
  return statusFromCounts(rs, counts, manageReplicasError, timestamp);
}

export interface StatusCounts {
  /** Active pods the ReplicaSet controls. */
  replicas: number;
  fullyLabeled: number;
  ready: number;
  available: number;
  terminating: number;
}

/** The second half of calculateStatus, for a caller that already counted the pods. */
export function statusFromCounts(rs: KubeObject, counts: StatusCounts, manageReplicasError: Error | undefined, timestamp: string): ReplicaSetStatus {
  const { replicas, fullyLabeled, ready, available, terminating } = counts;
  let conditions = rs.status?.conditions as ReplicaSetCondition[] | undefined;
  const failure = conditions?.find((c) => c.type === REPLICA_FAILURE);
  if (manageReplicasError && !failure) {
    const diff = replicas - (rs.spec?.replicas ?? 1);
    const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : '';
    conditions = setCondition(conditions, { type: REPLICA_FAILURE, status: 'True', lastTransitionTime: timestamp, reason, message: manageReplicasError.message });
  } else if (!manageReplicasError && failure) {
    conditions = removeCondition(conditions, REPLICA_FAILURE);
  }
  const status: ReplicaSetStatus = { replicas };
  if (fullyLabeled) status.fullyLabeledReplicas = fullyLabeled;
  if (ready) status.readyReplicas = ready;
  if (available) status.availableReplicas = available;
  status.terminatingReplicas = terminating;
  const gen = rs.status?.observedGeneration;
  if (gen) status.observedGeneration = gen;
  if (conditions?.length) status.conditions = conditions;
  return status;
}
