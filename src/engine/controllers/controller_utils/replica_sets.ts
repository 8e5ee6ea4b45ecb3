// ReplicaSet list helpers from pkg/controller/controller_utils.go: FilterActiveReplicaSets and
// the sort orders ReplicaSetsByCreationTimestamp, ReplicaSetsBySizeOlder, ReplicaSetsBySizeNewer.
import type { KubeObject } from '../../api/meta';
import { parseTime } from './pods';

export function specReplicas(rs: KubeObject): number {
  return rs.spec?.replicas ?? 1;
}

export function filterActiveReplicaSets(rss: (KubeObject | undefined | null)[]): KubeObject[] {
  return rss.filter((rs): rs is KubeObject => !!rs && specReplicas(rs) > 0);
}

/** Oldest first; unset (zero) time sorts first, ties by name. */
export function byCreationTimestamp(a: KubeObject, b: KubeObject): number {
  const ta = parseTime(a.metadata.creationTimestamp) ?? -Infinity;
  const tb = parseTime(b.metadata.creationTimestamp) ?? -Infinity;
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

export function sortByCreationTimestamp(rss: KubeObject[]): KubeObject[] {
  return [...rss].sort(byCreationTimestamp);
}

/** Larger first; equal sizes oldest first (used when scaling down). */
export function sortBySizeOlder(rss: KubeObject[]): KubeObject[] {
  return [...rss].sort((a, b) => specReplicas(b) - specReplicas(a) || byCreationTimestamp(a, b));
}

/** Larger first; equal sizes newest first (used when scaling up). */
export function sortBySizeNewer(rss: KubeObject[]): KubeObject[] {
  return [...rss].sort((a, b) => specReplicas(b) - specReplicas(a) || byCreationTimestamp(b, a));
}
