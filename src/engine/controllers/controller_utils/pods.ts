// Pod predicates shared by the workload controllers: pkg/api/v1/pod/util.go (IsPodReady,
// IsPodAvailable) and pkg/controller/controller_utils.go (IsPodActive, FilterActivePods,
// IsPodTerminating). Times are absolute epoch milliseconds so the functions stay pure.
import type { KubeObject } from '../../api/meta';

/** Parsed timestamps: pods created or ready in the same second share one string. */
const parsedTimes = new Map<string, number | undefined>();

/** A metav1.Time string as epoch ms; undefined for unset (Go's zero time). */
export function parseTime(ts: string | null | undefined): number | undefined {
  if (!ts) return undefined;
  if (parsedTimes.has(ts)) return parsedTimes.get(ts);
  const v = Date.parse(ts);
  const t = Number.isNaN(v) ? undefined : v;
  if (parsedTimes.size >= 4096) parsedTimes.clear();
  parsedTimes.set(ts, t);
  return t;
}

type PodCondition = { type: string; status?: string; lastTransitionTime?: string | null };

/** GetPodReadyCondition: read for every pod event, so a plain loop over the few conditions. */
export function podReadyCondition(pod: KubeObject): PodCondition | undefined {
  const conds: PodCondition[] | undefined = pod.status?.conditions;
  if (conds) for (let i = 0; i < conds.length; i++) if (conds[i].type === 'Ready') return conds[i];
  return undefined;
}

export function isPodReady(pod: KubeObject): boolean {
  return podReadyCondition(pod)?.status === 'True';
}

/** Ready for at least minReadySeconds (strictly: lastTransitionTime + minReady is before now). */
export function isPodAvailable(pod: KubeObject, minReadySeconds: number, nowMs: number): boolean {
  const c = podReadyCondition(pod);
  if (c?.status !== 'True') return false;
  if (!minReadySeconds) return true;
  const t = parseTime(c.lastTransitionTime);
  return t !== undefined && t + minReadySeconds * 1000 < nowMs;
}

export function isPodTerminal(pod: KubeObject): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

/** Not finished and not being deleted. */
export function isPodActive(pod: KubeObject): boolean {
  return !isPodTerminal(pod) && !pod.metadata.deletionTimestamp;
}

export function isPodTerminating(pod: KubeObject): boolean {
  return !isPodTerminal(pod) && !!pod.metadata.deletionTimestamp;
}

export function filterActivePods(pods: KubeObject[]): KubeObject[] {
  return pods.filter(isPodActive);
}

export function filterTerminatingPods(pods: KubeObject[]): KubeObject[] {
  return pods.filter(isPodTerminating);
}
