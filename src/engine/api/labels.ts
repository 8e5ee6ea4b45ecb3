// Label selectors: k8s.io/apimachinery/pkg/labels (string form, as `kubectl -l` takes, parsed by
// the lexer/parser in selector.go) and metav1.LabelSelector (matchLabels/matchExpressions, as
// objects carry; pkg/apis/meta/v1/helpers.go LabelSelectorAsSelector and FormatLabelSelector).
import {
  InternalSelector,
  NOTHING,
  Requirement,
  SelectorError,
  byKey,
  everything,
  newRequirement,
  type Labels,
  type Operator,
  type Selector,
} from './selector/requirement';
import { Lexer, Parser } from './selector/parser';

export { InternalSelector, NOTHING, Requirement, SelectorError, everything, newRequirement };
export type { Labels, Operator, Selector };
export { Lexer, lexSelector, type Token } from './selector/parser';

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | string;
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

/** labels.Parse: throws a SelectorError with the apimachinery message on invalid input. */
export function parseSelector(s: string): Selector {
  const reqs = new Parser(new Lexer(s)).parse();
  reqs.sort(byKey);
  return new InternalSelector(reqs);
}

/** labels.SelectorFromSet / SelectorFromValidatedSet: key=value for each pair, sorted by key. */
export function selectorFromSet(set: Labels | null | undefined): Selector {
  if (!set) return everything();
  const reqs = Object.keys(set).map((k) => newRequirement(k, '=', [set[k]]));
  reqs.sort(byKey);
  return new InternalSelector(reqs);
}

const EXPR_OPERATORS: Record<string, Operator> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' };

/** metav1.LabelSelectorAsSelector: nil matches nothing, {} matches everything. Throws on invalid. */
export function labelSelectorAsSelector(sel: LabelSelector | null | undefined): Selector {
  if (sel === null || sel === undefined) return NOTHING;
  const ml = sel.matchLabels ?? {};
  const me = sel.matchExpressions ?? [];
  if (Object.keys(ml).length === 0 && me.length === 0) return everything();
  const reqs: Requirement[] = [];
  for (const k of Object.keys(ml)) reqs.push(newRequirement(k, '=', [ml[k]]));
  for (const expr of me) {
    const op = EXPR_OPERATORS[expr.operator];
    if (!op) throw new SelectorError(`${JSON.stringify(expr.operator)} is not a valid label selector operator`);
    reqs.push(newRequirement(expr.key, op, [...(expr.values ?? [])]));
  }
  reqs.sort(byKey);
  return new InternalSelector(reqs);
}

/** Convenience predicate for store listing. */
export function selectorMatches(sel: LabelSelector | null | undefined, labels: Labels | undefined): boolean {
  return labelSelectorAsSelector(sel).matches(labels ?? {});
}

/** metav1.FormatLabelSelector, as kubectl describe prints "Selector: app=web". */
export function formatLabelSelector(sel: LabelSelector | null | undefined): string {
  let s: Selector;
  try {
    s = labelSelectorAsSelector(sel);
  } catch {
    return '<error>';
  }
  const str = s.toString();
  return str.length === 0 ? '<none>' : str;
}
