// Selectors PodTopologySpread counts pods with: a constraint's labelSelector plus matchLabelKeys,
// or (for the system default constraints) helper.DefaultSelector — the selectors of the Services
// selecting the pod merged with its controlling ReplicaSet's or StatefulSet's selector.
import type { KubeObject } from '../../api/meta';
import { controllerRef } from '../../api/meta';
import type { Selector } from '../../api/labels';
import { compileSelector } from '../framework/corev1';
import type { Snapshot } from '../framework/interface';
import type { NodeInfo } from '../framework/nodeInfo';

export interface SpreadSelector {
  /** Identifies the selector for per-node count caching. */
  key: string;
  empty: boolean;
  matches(labels: Record<string, string>): boolean;
}

const NOTHING: SpreadSelector = { key: '<nothing>', empty: true, matches: () => false };

export function constraintSelector(labelSelector: unknown, matchLabelKeys: string[] | undefined, podLabels: Record<string, string>): SpreadSelector {
  const base = compileSelector(labelSelector as never);
  if (!base) return NOTHING;
  const extra: [string, string][] = [];
  for (const k of matchLabelKeys ?? []) if (k in podLabels) extra.push([k, podLabels[k]]);
  return {
    key: JSON.stringify([labelSelector, extra]),
    empty: base.empty() && extra.length === 0,
    matches: (l) => base.matches(l) && extra.every(([k, v]) => l[k] === v),
  };
}

/** helper.DefaultSelector. */
export function defaultSelector(pod: KubeObject, snap: Snapshot): SpreadSelector {
  const ns = pod.metadata.namespace ?? 'default';
  const podLabels = pod.metadata.labels ?? {};
  const set: Record<string, string> = {};
  for (const svc of snap.list('Service', ns)) {
    const sel = svc.spec?.selector as Record<string, string> | undefined;
    if (!sel || Object.keys(sel).length === 0) continue;
    if (Object.entries(sel).every(([k, v]) => podLabels[k] === v)) Object.assign(set, sel);
  }
  let owner: Selector | null = null;
  let ownerKey: unknown = null;
  const ref = controllerRef(pod);
  if (ref && ((ref.kind === 'ReplicaSet' && ref.apiVersion === 'apps/v1') || (ref.kind === 'StatefulSet' && ref.apiVersion === 'apps/v1'))) {
    const o = snap.list(ref.kind, ns).find((x) => x.metadata.name === ref.name);
    if (o?.spec?.selector) {
      owner = compileSelector(o.spec.selector);
      ownerKey = o.spec.selector;
    }
  }
  const setEntries = Object.entries(set);
  const empty = setEntries.length === 0 && (!owner || owner.empty());
  return {
    key: JSON.stringify([set, ownerKey]),
    empty,
    matches: (l) => setEntries.every(([k, v]) => l[k] === v) && (!owner || owner.matches(l)),
  };
}

const counts = new WeakMap<NodeInfo, Map<string, [number, number, string]>>();

/** countPodsMatchSelector: non-terminating pods of the namespace that match, memoised per node generation. */
export function countPodsMatchSelector(node: NodeInfo, sel: SpreadSelector, ns: string): number {
  if (sel.empty) return 0;
  let m = counts.get(node);
  if (!m) counts.set(node, (m = new Map()));
  // sel.key is one string per cycle, so its hash is computed once.
  const key = sel.key;
  const hit = m.get(key);
  if (hit && hit[0] === node.generation && hit[2] === ns) return hit[1];
  let n = 0;
  for (const p of node.pods) {
    if (p.pod.metadata.deletionTimestamp || p.namespace !== ns) continue;
    if (sel.matches(p.labels)) n++;
  }
  if (m.size > 64) m.clear();
  m.set(key, [node.generation, n, ns]);
  return n;
}
