// The kinds the simulated API server serves: group/version, scope, REST names and kubectl short
// names, as `kubectl api-resources` prints them.

export interface KindInfo {
  kind: string;
  apiVersion: string;
  namespaced: boolean;
  plural: string;
  singular: string;
  shortNames: string[];
  /** Has a status subresource: a plain update ignores status changes, updateStatus ignores the rest. */
  hasStatus: boolean;
}

const K = (
  kind: string,
  apiVersion: string,
  namespaced: boolean,
  plural: string,
  shortNames: string[] = [],
  hasStatus = true,
): KindInfo => ({ kind, apiVersion, namespaced, plural, singular: kind.toLowerCase(), shortNames, hasStatus });

export const KINDS: KindInfo[] = [
  K('Namespace', 'v1', false, 'namespaces', ['ns']),
  K('Node', 'v1', false, 'nodes', ['no']),
  K('Pod', 'v1', true, 'pods', ['po']),
  K('Service', 'v1', true, 'services', ['svc']),
  K('Endpoints', 'v1', true, 'endpoints', ['ep'], false),
  K('ConfigMap', 'v1', true, 'configmaps', ['cm'], false),
  K('Secret', 'v1', true, 'secrets', [], false),
  K('ServiceAccount', 'v1', true, 'serviceaccounts', ['sa'], false),
  K('Event', 'v1', true, 'events', ['ev'], false),
  K('PersistentVolumeClaim', 'v1', true, 'persistentvolumeclaims', ['pvc']),
  K('ResourceQuota', 'v1', true, 'resourcequotas', ['quota']),
  K('LimitRange', 'v1', true, 'limitranges', ['limits'], false),
  K('Deployment', 'apps/v1', true, 'deployments', ['deploy']),
  K('ReplicaSet', 'apps/v1', true, 'replicasets', ['rs']),
  K('StatefulSet', 'apps/v1', true, 'statefulsets', ['sts']),
  K('DaemonSet', 'apps/v1', true, 'daemonsets', ['ds']),
  K('ControllerRevision', 'apps/v1', true, 'controllerrevisions', [], false),
  K('Job', 'batch/v1', true, 'jobs'),
  K('CronJob', 'batch/v1', true, 'cronjobs', ['cj']),
  K('HorizontalPodAutoscaler', 'autoscaling/v2', true, 'horizontalpodautoscalers', ['hpa']),
  K('PodDisruptionBudget', 'policy/v1', true, 'poddisruptionbudgets', ['pdb']),
  K('PriorityClass', 'scheduling.k8s.io/v1', false, 'priorityclasses', ['pc'], false),
  K('Lease', 'coordination.k8s.io/v1', true, 'leases', [], false),
  K('EndpointSlice', 'discovery.k8s.io/v1', true, 'endpointslices', [], false),
];

const byKind = new Map(KINDS.map((k) => [k.kind, k]));
const byName = new Map<string, KindInfo>();
for (const k of KINDS) {
  for (const n of [k.kind.toLowerCase(), k.plural, k.singular, ...k.shortNames]) byName.set(n, k);
}

export function kindInfo(kind: string): KindInfo | undefined {
  return byKind.get(kind);
}

/** Resolve what a user types after `kubectl get` (pods, po, pod, deployment.apps, Deployment). */
export function resolveResource(name: string): KindInfo | undefined {
  const lower = name.toLowerCase();
  const base = lower.includes('.') ? lower.slice(0, lower.indexOf('.')) : lower;
  return byName.get(lower) ?? byName.get(base);
}

export function isNamespaced(kind: string): boolean {
  return byKind.get(kind)?.namespaced ?? true;
}
