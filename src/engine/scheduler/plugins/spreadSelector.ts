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
  /** Identifies the selector for the per-node counts (equal keys select the same pods). */
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
    key: intern(JSON.stringify([labelSelector, extra])),
    empty: base.empty() && extra.length === 0,
    matches: (l) => {
      if (!base.matches(l)) return false;
      for (let i = 0; i < extra.length; i++) if (l[extra[i][0]] !== extra[i][1]) return false;
      return true;
    },
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
  const keys = Object.keys(set);
  let owner: OwnerSelector | undefined;
  const ref = controllerRef(pod);
  if (ref && ((ref.kind === 'ReplicaSet' && ref.apiVersion === 'apps/v1') || (ref.kind === 'StatefulSet' && ref.apiVersion === 'apps/v1'))) {
    const o = snap.getObject(ref.kind, ns, ref.name);
    if (o?.spec?.selector) {
      // Store objects are immutable, so the compiled selector can be kept with the object.
      owner = ownerSelectors.get(o);
      if (!owner) {
        owner = { selector: compileSelector(o.spec.selector), json: JSON.stringify(o.spec.selector) };
        ownerSelectors.set(o, owner);
      }
      // The owner's pods mostly have no Service: that selector is built once per owner version.
      if (keys.length === 0) return (owner.alone ??= newDefaultSelector(keys, set, owner));
    }
  }
  return newDefaultSelector(keys, set, owner);
}

function newDefaultSelector(keys: string[], set: Record<string, string>, owner: OwnerSelector | undefined): SpreadSelector {
  if (keys.length === 0 && (!owner || !owner.selector || owner.selector.empty())) return NO_DEFAULT;
  return new DefaultSelector(intern(`[${keys.length ? JSON.stringify(set) : '{}'},${owner ? owner.json : 'null'}]`), keys, set, owner?.selector ?? null);
}

const NO_DEFAULT: SpreadSelector = { key: '[{},null]', empty: true, matches: () => false };

/** The Services' label pairs, all required, and the owner's selector (a class: one is built per scheduling cycle). */
class DefaultSelector implements SpreadSelector {
  readonly empty = false;
  private readonly values: string[];

  constructor(
    readonly key: string,
    private readonly keys: string[],
    set: Record<string, string>,
    private readonly owner: Selector | null,
  ) {
    this.values = keys.map((k) => set[k]);
  }

  // Runs for every pod of a node counted for the first time, and for each pod added or removed: kept free of allocations.
  matches(l: Record<string, string>): boolean {
    for (let i = 0; i < this.keys.length; i++) if (l[this.keys[i]] !== this.values[i]) return false;
    return !this.owner || this.owner.matches(l);
  }
}

interface OwnerSelector {
  selector: Selector | null;
  json: string;
  /** The default selector of the owner's pods that no Service selects. */
  alone?: SpreadSelector;
}

const ownerSelectors = new WeakMap<KubeObject, OwnerSelector>();

const interned = new Map<string, string>();

/** One string instance per distinct selector key, so per-node caches compare by identity. */
function intern(key: string): string {
  let k = interned.get(key);
  if (k === undefined) {
    if (interned.size > 10_000) interned.clear();
    interned.set(key, key);
    k = key;
  }
  return k;
}

/** countPodsMatchSelector: non-terminating pods of the namespace that match (kept per node: see framework/matchCounts.ts). */
export function countPodsMatchSelector(node: NodeInfo, sel: SpreadSelector, ns: string): number {
  if (sel.empty) return 0;
  return node.matchCounts.count(node.pods, sel, ns);
}
