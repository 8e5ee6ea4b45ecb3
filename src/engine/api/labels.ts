// Label selectors: k8s.io/apimachinery/pkg/labels (string form, as `kubectl -l` takes) and
// metav1.LabelSelector (matchLabels/matchExpressions, as objects carry).
// OWNER: api-machinery helper — replace the bodies with the real implementation.

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | string;
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

export type Labels = Record<string, string>;

export interface Selector {
  matches(labels: Labels): boolean;
  empty(): boolean;
  /** Canonical string form (requirements sorted by key), e.g. "x in (abc,def),y notin (jkl),z". */
  toString(): string;
}

/** labels.Parse: throws an Error with the apimachinery message on invalid input. */
export function parseSelector(_s: string): Selector {
  throw new Error('not implemented');
}

/** metav1.LabelSelectorAsSelector: nil matches nothing, {} matches everything. Throws on invalid. */
export function labelSelectorAsSelector(_sel: LabelSelector | null | undefined): Selector {
  throw new Error('not implemented');
}

/** Convenience predicate for store listing. */
export function selectorMatches(sel: LabelSelector | null | undefined, labels: Labels | undefined): boolean {
  return labelSelectorAsSelector(sel).matches(labels ?? {});
}

/** metav1.FormatLabelSelector, as kubectl describe prints "Selector: app=web". */
export function formatLabelSelector(_sel: LabelSelector | null | undefined): string {
  throw new Error('not implemented');
}
