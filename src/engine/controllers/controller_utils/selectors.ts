// Parsed selectors and their match results, memoised on the (immutable) objects the store hands
// out: a controller re-evaluates the same selector against the same pod labels on every sync,
// as upstream keeps the parsed selector per controller while the object is unchanged.
import { labelSelectorAsSelector, selectorFromSet, type LabelSelector, type Labels, type Selector } from '../../api/labels';

const parsed = new WeakMap<object, Selector | Error>();
const fromSet = new WeakMap<object, Selector>();
const results = new WeakMap<Selector, { byLabels: WeakMap<object, boolean>; noLabels?: boolean }>();

/** labelSelectorAsSelector, parsed once per selector object; throws the same errors. */
export function cachedLabelSelector(sel: LabelSelector | null | undefined): Selector {
  if (sel === null || sel === undefined || typeof sel !== 'object') return labelSelectorAsSelector(sel);
  let s = parsed.get(sel);
  if (s === undefined) {
    try {
      s = labelSelectorAsSelector(sel);
    } catch (e) {
      s = e instanceof Error ? e : new Error(String(e));
    }
    parsed.set(sel, s);
  }
  if (s instanceof Error) throw s;
  return s;
}

/** selectorFromSet, built once per label set object. */
export function cachedSetSelector(set: Labels | null | undefined): Selector {
  if (!set) return selectorFromSet(set);
  let s = fromSet.get(set);
  if (!s) fromSet.set(set, (s = selectorFromSet(set)));
  return s;
}

/** selector.matches(labels ?? {}), remembered per labels object. */
export function matchesLabels(selector: Selector, labels: Labels | undefined): boolean {
  let r = results.get(selector);
  if (!r) results.set(selector, (r = { byLabels: new WeakMap() }));
  if (!labels) return (r.noLabels ??= selector.matches({}));
  let m = r.byLabels.get(labels);
  if (m === undefined) r.byLabels.set(labels, (m = selector.matches(labels)));
  return m;
}
