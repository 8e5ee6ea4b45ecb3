// labels.Requirement, NewRequirement and internalSelector (staging/src/k8s.io/apimachinery/pkg/labels/selector.go).
import { fieldErrorMessage, type FieldError } from '../fieldErrors';
import { isQualifiedName, isValidLabelValue } from '../validation/names';
import { goSlice, invalidGo } from '../validation/goValue';

export type Labels = Record<string, string>;

export interface Selector {
  matches(labels: Labels): boolean;
  empty(): boolean;
  /** Canonical string form (requirements sorted by key), e.g. "x in (abc,def),y notin (jkl),z". */
  toString(): string;
}

/** selection.Operator values. */
export type Operator = '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';

const VALID_OPERATORS: string[] = ['in', 'notin', '=', '==', '!=', 'exists', '!', 'gt', 'lt'];

/** field.Error.Error(): "<path>: <body>"; Go prints the ": " even for an empty path. */
export function goFieldErrorString(e: FieldError): string {
  return e.field ? fieldErrorMessage(e) : `: ${fieldErrorMessage(e)}`;
}

/** utilerrors.NewAggregate(...).Error(). */
function aggregate(errs: FieldError[]): string {
  const msgs = errs.map(goFieldErrorString);
  return msgs.length === 1 ? msgs[0] : `[${msgs.join(', ')}]`;
}

export class SelectorError extends Error {
  constructor(
    message: string,
    readonly causes: FieldError[] = [],
  ) {
    super(message);
  }
}

const GO_INT64 = /^[+-]?[0-9]+$/;
function parseInt64(s: string): bigint | undefined {
  if (!GO_INT64.test(s)) return undefined;
  const v = BigInt(s);
  if (v > 9223372036854775807n || v < -9223372036854775808n) return undefined;
  return v;
}

function joinPath(path: string, child: string): string {
  return path ? `${path}.${child}` : child;
}

/** labels.Requirement: one key, one operator, a sorted value set. */
export class Requirement {
  constructor(
    readonly key: string,
    readonly operator: Operator,
    readonly values: string[],
  ) {}

  matches(ls: Labels): boolean {
    const has = Object.prototype.hasOwnProperty.call(ls, this.key);
    switch (this.operator) {
      case 'in':
      case '=':
      case '==':
        return has && this.values.includes(ls[this.key]);
      case 'notin':
      case '!=':
        return !has || !this.values.includes(ls[this.key]);
      case 'exists':
        return has;
      case '!':
        return !has;
      case 'gt':
      case 'lt': {
        if (!has) return false;
        const lv = parseInt64(ls[this.key]);
        if (lv === undefined || this.values.length !== 1) return false;
        const rv = parseInt64(this.values[0]);
        if (rv === undefined) return false;
        return this.operator === 'gt' ? lv > rv : lv < rv;
      }
      default:
        return false;
    }
  }

  toString(): string {
    let s = this.operator === '!' ? '!' : '';
    s += this.key;
    switch (this.operator) {
      case '=':
        s += '=';
        break;
      case '==':
        s += '==';
        break;
      case '!=':
        s += '!=';
        break;
      case 'in':
        s += ' in ';
        break;
      case 'notin':
        s += ' notin ';
        break;
      case 'gt':
        s += '>';
        break;
      case 'lt':
        s += '<';
        break;
      case 'exists':
      case '!':
        return s;
    }
    if (this.operator === 'in' || this.operator === 'notin') s += '(';
    s += this.values.length === 1 ? this.values[0] : [...this.values].sort().join(',');
    if (this.operator === 'in' || this.operator === 'notin') s += ')';
    return s;
  }
}

/**
 * labels.NewRequirement: validates the key, the value count for the operator and every value.
 * Throws a SelectorError whose causes carry the field paths (key, values, values[0][key], operator).
 */
export function newRequirement(key: string, op: string, vals: string[], path = ''): Requirement {
  const errs: FieldError[] = [];
  const keyErrs = isQualifiedName(key);
  if (keyErrs.length) errs.push({ type: 'FieldValueInvalid', field: joinPath(path, 'key'), value: key, detail: keyErrs.join('; ') });
  const valuePath = joinPath(path, 'values');
  switch (op) {
    case 'in':
    case 'notin':
      if (vals.length === 0) errs.push(invalidGo(valuePath, vals, goSlice(vals), "for 'in', 'notin' operators, values set can't be empty"));
      break;
    case '=':
    case '==':
    case '!=':
      if (vals.length !== 1) errs.push(invalidGo(valuePath, vals, goSlice(vals), 'exact-match compatibility requires one single value'));
      break;
    case 'exists':
    case '!':
      if (vals.length !== 0) errs.push(invalidGo(valuePath, vals, goSlice(vals), 'values set must be empty for exists and does not exist'));
      break;
    case 'gt':
    case 'lt':
      if (vals.length !== 1) errs.push(invalidGo(valuePath, vals, goSlice(vals), "for 'Gt', 'Lt' operators, exactly one value is required"));
      vals.forEach((v, i) => {
        if (parseInt64(v) === undefined) {
          errs.push({ type: 'FieldValueInvalid', field: `${valuePath}[${i}]`, value: v, detail: "for 'Gt', 'Lt' operators, the value must be an integer" });
        }
      });
      break;
    default:
      errs.push({
        type: 'FieldValueNotSupported',
        field: joinPath(path, 'operator'),
        value: op,
        detail: `supported values: ${VALID_OPERATORS.map((v) => JSON.stringify(v)).join(', ')}`,
      });
  }
  vals.forEach((v, i) => {
    const m = isValidLabelValue(v);
    if (m.length) errs.push({ type: 'FieldValueInvalid', field: `${valuePath}[${i}][${key}]`, value: v, detail: m.join('; ') });
  });
  if (errs.length) throw new SelectorError(aggregate(errs), errs);
  return new Requirement(key, op as Operator, [...new Set(vals)].sort());
}

/** labels.internalSelector: requirements ANDed. String() keeps the given order (Parse sorts first). */
export class InternalSelector implements Selector {
  constructor(readonly requirements: Requirement[]) {}
  matches(labels: Labels): boolean {
    for (const r of this.requirements) if (!r.matches(labels)) return false;
    return true;
  }
  empty(): boolean {
    return this.requirements.length === 0;
  }
  toString(): string {
    return this.requirements.map((r) => r.toString()).join(',');
  }
}

/** labels.Nothing(). */
export const NOTHING: Selector = {
  matches: () => false,
  empty: () => false,
  toString: () => '',
};

export function everything(): Selector {
  return new InternalSelector([]);
}

export function byKey(a: Requirement, b: Requirement): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

