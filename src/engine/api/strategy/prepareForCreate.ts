// Registry strategies' PrepareForCreate (pkg/registry/<group>/<kind>/strategy.go): the server
// owns status on create, so whatever the request carried is replaced by the initial status.
import type { KubeObject } from '../meta';
import { computePodQOS } from '../qos';

/** Initial status per kind, as the Go zero value serializes (non-omitempty ints print as 0). */
const INITIAL_STATUS: Record<string, () => Record<string, unknown>> = {
  Deployment: () => ({}),
  ReplicaSet: () => ({ replicas: 0 }),
  StatefulSet: () => ({ availableReplicas: 0, replicas: 0 }),
  DaemonSet: () => ({ currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 }),
  Job: () => ({}),
  CronJob: () => ({}),
  HorizontalPodAutoscaler: () => ({ desiredReplicas: 0 }),
  PodDisruptionBudget: () => ({ currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 }),
  PersistentVolumeClaim: () => ({ phase: 'Pending' }),
  ResourceQuota: () => ({}),
  Service: () => ({ loadBalancer: {} }),
};

const JOB_NAME_LABELS = ['job-name', 'batch.kubernetes.io/job-name'];
const CONTROLLER_UID_LABELS = ['controller-uid', 'batch.kubernetes.io/controller-uid'];

/** pkg/registry/core/pod/strategy.go: phase Pending, the QoS class, and the SchedulingGated condition. */
function preparePod(pod: KubeObject, now: string): void {
  pod.status = { phase: 'Pending', qosClass: computePodQOS(pod) };
  if (Array.isArray(pod.spec?.schedulingGates) && pod.spec.schedulingGates.length > 0) {
    pod.status.conditions = [
      {
        type: 'PodScheduled',
        status: 'False',
        lastProbeTime: null,
        lastTransitionTime: now,
        reason: 'SchedulingGated',
        message: 'Scheduling is blocked due to non-empty scheduling gates',
      },
    ];
  }
}

/** pkg/registry/batch/job/strategy.go generateSelector: pods carry the job's name and uid. */
function prepareJob(job: KubeObject): void {
  const s = job.spec;
  if (s?.manualSelector !== true && s) {
    s.template = s.template ?? {};
    s.template.metadata = s.template.metadata ?? {};
    const labels = (s.template.metadata.labels = s.template.metadata.labels ?? {});
    for (const l of JOB_NAME_LABELS) if (!(l in labels)) labels[l] = job.metadata.name;
    for (const l of CONTROLLER_UID_LABELS) if (!(l in labels)) labels[l] = job.metadata.uid;
    s.selector = s.selector ?? {};
    s.selector.matchLabels = s.selector.matchLabels ?? {};
    if (!('batch.kubernetes.io/controller-uid' in s.selector.matchLabels)) {
      s.selector.matchLabels['batch.kubernetes.io/controller-uid'] = job.metadata.uid;
    }
    // Reading the object back re-runs SetDefaults_Job, which copies template labels to an unlabeled Job.
    if (Object.keys(job.metadata.labels ?? {}).length === 0) job.metadata.labels = { ...labels };
  }
}

/** pkg/registry/core/namespace/strategy.go: Active, with the "kubernetes" spec finalizer. */
function prepareNamespace(ns: KubeObject): void {
  ns.status = { phase: 'Active' };
  ns.spec = ns.spec ?? {};
  const f: string[] = Array.isArray(ns.spec.finalizers) ? ns.spec.finalizers : [];
  if (!f.includes('kubernetes')) ns.spec.finalizers = [...f, 'kubernetes'];
}

/**
 * Built-in kinds whose strategies track metadata.generation (they set it to 1 on create). The
 * others (Service, Node, Namespace, PVC, Lease, LimitRange, ResourceQuota...) never show one.
 */
const GENERATION_KINDS = new Set(['Pod', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'HorizontalPodAutoscaler', 'PodDisruptionBudget']);

export function prepareForCreate(obj: KubeObject, now: string): void {
  if (!GENERATION_KINDS.has(obj.kind)) delete obj.metadata.generation;
  switch (obj.kind) {
    case 'Pod':
      preparePod(obj, now);
      return;
    case 'Namespace':
      prepareNamespace(obj);
      return;
    case 'Job':
      prepareJob(obj);
      break;
  }
  const init = INITIAL_STATUS[obj.kind];
  if (init) obj.status = init();
}
