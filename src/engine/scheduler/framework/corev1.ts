// Scheduling helpers shared by the plugins, following k8s.io/component-helpers/scheduling/corev1
// (helpers.go: tolerations and taints; nodeaffinity/nodeaffinity.go: NodeSelector matching with
// In, NotIn, Exists, DoesNotExist, Gt, Lt and matchFields on metadata.name).
import type { KubeObject } from '../../api/meta';
import { labelSelectorAsSelector, type LabelSelector, type Selector } from '../../api/labels';

export interface Taint {
  key: string;
  value?: string;
  effect: string;
}

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

/** v1.Toleration.ToleratesTaint. */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? '') {
    case '':
    case 'Equal':
      return (t.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      // Lt/Gt are behind an alpha gate (TaintTolerationComparisonOperators): off here.
      return false;
  }
}

export function taintToleratedBy(taint: Taint, tolerations: Toleration[]): boolean {
  for (const t of tolerations) if (toleratesTaint(t, taint)) return true;
  return false;
}

/** v1helper.FindMatchingUntoleratedTaint: the first taint (passing `filter`) no toleration covers. */
export function findMatchingUntoleratedTaint(taints: Taint[], tolerations: Toleration[], filter: (t: Taint) => boolean): Taint | undefined {
  for (const taint of taints) {
    if (!filter(taint)) continue;
    if (!taintToleratedBy(taint, tolerations)) return taint;
  }
  return undefined;
}

export interface NodeSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

export interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}

/** Go's strconv.ParseInt(s, 10, 64) acceptance: optional sign, decimal digits only. */
function parseInt64(s: string): number | undefined {
  if (!/^[+-]?\d+$/.test(s)) return undefined;
  return Number(s);
}

function requirementMatches(r: NodeSelectorRequirement, value: string | undefined): boolean {
  const has = value !== undefined;
  switch (r.operator) {
    case 'In':
      return has && (r.values ?? []).includes(value!);
    case 'NotIn':
      return !has || !(r.values ?? []).includes(value!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      if (!has || (r.values ?? []).length !== 1) return false;
      const lv = parseInt64(value!);
      const rv = parseInt64(r.values![0]);
      if (lv === undefined || rv === undefined) return false;
      return r.operator === 'Gt' ? lv > rv : lv < rv;
    }
    default:
      return false;
  }
}

/** One NodeSelectorTerm: its expressions and fields are ANDed; an empty term matches nothing. */
export function nodeSelectorTermMatches(term: NodeSelectorTerm, node: KubeObject): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels = node.metadata.labels ?? {};
  for (const r of exprs) if (!requirementMatches(r, labels[r.key])) return false;
  for (const r of fields) {
    // Only metadata.name is a supported field; anything else makes the term invalid (no match).
    if (r.key !== 'metadata.name') return false;
    if (r.operator !== 'In' && r.operator !== 'NotIn') return false;
    if (!requirementMatches(r, node.metadata.name)) return false;
  }
  return true;
}

/** NodeSelector: terms are ORed. */
export function nodeSelectorMatches(terms: NodeSelectorTerm[], node: KubeObject): boolean {
  for (const t of terms) if (nodeSelectorTermMatches(t, node)) return true;
  return false;
}

const selectorCache = new Map<string, Selector | null>();

/** metav1.LabelSelectorAsSelector, memoised; an invalid selector gives null (matches nothing). */
export function compileSelector(sel: LabelSelector | null | undefined): Selector | null {
  if (sel === null || sel === undefined) return null;
  const key = JSON.stringify(sel);
  let s = selectorCache.get(key);
  if (s === undefined) {
    try {
      s = labelSelectorAsSelector(sel);
    } catch {
      s = null;
    }
    if (selectorCache.size > 10_000) selectorCache.clear();
    selectorCache.set(key, s);
  }
  return s;
}

/** corev1helpers.PodPriority: spec.priority, 0 when unset. */
export function podPriority(pod: KubeObject): number {
  return typeof pod.spec?.priority === 'number' ? pod.spec.priority : 0;
}
