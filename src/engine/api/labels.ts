// Label selectors: k8s.io/apimachinery/pkg/labels (string form, as `kubectl -l` takes, parsed by
// the lexer/parser in selector.go) and metav1.LabelSelector (matchLabels/matchExpressions, as
// objects carry; pkg/apis/meta/v1/helpers.go LabelSelectorAsSelector and FormatLabelSelector).
import { fieldErrorMessage, type FieldError } from './fieldErrors';
import { isQualifiedName, isValidLabelValue } from './validation/names';

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

/** selection.Operator values. */
export type Operator = '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';

const VALID_OPERATORS: string[] = ['in', 'notin', '=', '==', '!=', 'exists', '!', 'gt', 'lt'];
const BINARY_OPERATORS = ['in', 'notin', '=', '==', '!=', 'gt', 'lt'];

/** field.Error.Error(): "<path>: <body>"; Go prints the ": " even for an empty path. */
function goFieldErrorString(e: FieldError): string {
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
      if (vals.length === 0) errs.push({ type: 'FieldValueInvalid', field: valuePath, value: vals, detail: "for 'in', 'notin' operators, values set can't be empty" });
      break;
    case '=':
    case '==':
    case '!=':
      if (vals.length !== 1) errs.push({ type: 'FieldValueInvalid', field: valuePath, value: vals, detail: 'exact-match compatibility requires one single value' });
      break;
    case 'exists':
    case '!':
      if (vals.length !== 0) errs.push({ type: 'FieldValueInvalid', field: valuePath, value: vals, detail: 'values set must be empty for exists and does not exist' });
      break;
    case 'gt':
    case 'lt':
      if (vals.length !== 1) errs.push({ type: 'FieldValueInvalid', field: valuePath, value: vals, detail: "for 'Gt', 'Lt' operators, exactly one value is required" });
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

// ---- lexer (selector.go) --------------------------------------------------------------------

export type Token =
  | 'ErrorToken'
  | 'EndOfStringToken'
  | 'ClosedParToken'
  | 'CommaToken'
  | 'DoesNotExistToken'
  | 'DoubleEqualsToken'
  | 'EqualsToken'
  | 'GreaterThanToken'
  | 'IdentifierToken'
  | 'InToken'
  | 'LessThanToken'
  | 'NotEqualsToken'
  | 'NotInToken'
  | 'OpenParToken';

const STRING2TOKEN: Record<string, Token> = {
  ')': 'ClosedParToken',
  ',': 'CommaToken',
  '!': 'DoesNotExistToken',
  '==': 'DoubleEqualsToken',
  '=': 'EqualsToken',
  '>': 'GreaterThanToken',
  in: 'InToken',
  '<': 'LessThanToken',
  '!=': 'NotEqualsToken',
  notin: 'NotInToken',
  '(': 'OpenParToken',
};

function isWhitespace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
}

function isSpecialSymbol(ch: string): boolean {
  return ch === '=' || ch === '!' || ch === '(' || ch === ')' || ch === ',' || ch === '>' || ch === '<';
}

export class Lexer {
  private pos = 0;
  constructor(private readonly s: string) {}

  private read(): string {
    if (this.pos < this.s.length) return this.s[this.pos++];
    this.pos++;
    return '';
  }

  private unread(): void {
    this.pos--;
  }

  lex(): [Token, string] {
    let ch = this.read();
    while (isWhitespace(ch)) ch = this.read();
    if (ch === '') return ['EndOfStringToken', ''];
    this.unread();
    return isSpecialSymbol(ch) ? this.scanSpecialSymbol() : this.scanIDOrKeyword();
  }

  private scanIDOrKeyword(): [Token, string] {
    let buf = '';
    for (;;) {
      const ch = this.read();
      if (ch === '') break;
      if (isSpecialSymbol(ch) || isWhitespace(ch)) {
        this.unread();
        break;
      }
      buf += ch;
    }
    return [STRING2TOKEN[buf] ?? 'IdentifierToken', buf];
  }

  private scanSpecialSymbol(): [Token, string] {
    let last: [Token, string] | undefined;
    let buf = '';
    for (;;) {
      const ch = this.read();
      if (ch === '') break;
      if (isSpecialSymbol(ch)) {
        buf += ch;
        const t = STRING2TOKEN[buf];
        if (t) last = [t, buf];
        else if (last) {
          this.unread();
          break;
        }
      } else {
        this.unread();
        break;
      }
    }
    if (!last) return ['ErrorToken', `error expected: keyword found '${buf}'`];
    return last;
  }
}

// ---- parser ---------------------------------------------------------------------------------

type Ctx = 'KeyAndOperator' | 'Values';

class Parser {
  private items: [Token, string][] = [];
  private position = 0;
  constructor(private readonly lexer: Lexer) {}

  private lookahead(ctx: Ctx): [Token, string] {
    const [t, l] = this.items[this.position];
    return [ctx === 'Values' && (t === 'InToken' || t === 'NotInToken') ? 'IdentifierToken' : t, l];
  }

  private consume(ctx: Ctx): [Token, string] {
    this.position++;
    const [t, l] = this.items[this.position - 1];
    return [ctx === 'Values' && (t === 'InToken' || t === 'NotInToken') ? 'IdentifierToken' : t, l];
  }

  parse(): Requirement[] {
    for (;;) {
      const tl = this.lexer.lex();
      this.items.push(tl);
      if (tl[0] === 'EndOfStringToken') break;
    }
    const reqs: Requirement[] = [];
    for (;;) {
      const [tok, lit] = this.lookahead('Values');
      switch (tok) {
        case 'IdentifierToken':
        case 'DoesNotExistToken': {
          let r: Requirement;
          try {
            r = this.parseRequirement();
          } catch (e) {
            throw new SelectorError(`unable to parse requirement: ${(e as Error).message}`, (e as SelectorError).causes ?? []);
          }
          reqs.push(r);
          const [t, l] = this.consume('Values');
          if (t === 'EndOfStringToken') return reqs;
          if (t === 'CommaToken') {
            const [t2, l2] = this.lookahead('Values');
            if (t2 !== 'IdentifierToken' && t2 !== 'DoesNotExistToken') {
              throw new SelectorError(`found '${l2}', expected: identifier after ','`);
            }
            break;
          }
          throw new SelectorError(`found '${l}', expected: ',' or 'end of string'`);
        }
        case 'EndOfStringToken':
          return reqs;
        default:
          throw new SelectorError(`found '${lit}', expected: !, identifier, or 'end of string'`);
      }
    }
  }

  private parseRequirement(): Requirement {
    const [key, inferred] = this.parseKeyAndInferOperator();
    if (inferred === 'exists' || inferred === '!') return newRequirement(key, inferred, []);
    const op = this.parseOperator();
    const values = op === 'in' || op === 'notin' ? this.parseValues() : this.parseExactValue();
    return newRequirement(key, op, [...values].sort());
  }

  private parseKeyAndInferOperator(): [string, Operator | undefined] {
    let op: Operator | undefined;
    let [tok, lit] = this.consume('Values');
    if (tok === 'DoesNotExistToken') {
      op = '!';
      [tok, lit] = this.consume('Values');
    }
    if (tok !== 'IdentifierToken') throw new SelectorError(`found '${lit}', expected: identifier`);
    const keyErrs = isQualifiedName(lit);
    if (keyErrs.length) {
      const e: FieldError = { type: 'FieldValueInvalid', field: '', value: lit, detail: keyErrs.join('; ') };
      throw new SelectorError(goFieldErrorString(e), [e]);
    }
    const [t] = this.lookahead('Values');
    if ((t === 'EndOfStringToken' || t === 'CommaToken') && op !== '!') op = 'exists';
    return [lit, op];
  }

  private parseOperator(): Operator {
    const [tok, lit] = this.consume('KeyAndOperator');
    switch (tok) {
      case 'InToken':
        return 'in';
      case 'EqualsToken':
        return '=';
      case 'DoubleEqualsToken':
        return '==';
      case 'GreaterThanToken':
        return 'gt';
      case 'LessThanToken':
        return 'lt';
      case 'NotInToken':
        return 'notin';
      case 'NotEqualsToken':
        return '!=';
      default:
        throw new SelectorError(`found '${lit}', expected: ${BINARY_OPERATORS.join(', ')}`);
    }
  }

  private parseValues(): Set<string> {
    let [tok, lit] = this.consume('Values');
    if (tok !== 'OpenParToken') throw new SelectorError(`found '${lit}' expected: '('`);
    [tok, lit] = this.lookahead('Values');
    switch (tok) {
      case 'IdentifierToken':
      case 'CommaToken': {
        const s = this.parseIdentifiersList();
        if (this.consume('Values')[0] !== 'ClosedParToken') throw new SelectorError(`found '${lit}', expected: ')'`);
        return s;
      }
      case 'ClosedParToken':
        this.consume('Values');
        return new Set(['']);
      default:
        throw new SelectorError(`found '${lit}', expected: ',', ')' or identifier`);
    }
  }

  private parseIdentifiersList(): Set<string> {
    const s = new Set<string>();
    for (;;) {
      const [tok, lit] = this.consume('Values');
      if (tok === 'IdentifierToken') {
        s.add(lit);
        const [t2, l2] = this.lookahead('Values');
        if (t2 === 'CommaToken') continue;
        if (t2 === 'ClosedParToken') return s;
        throw new SelectorError(`found '${l2}', expected: ',' or ')'`);
      } else if (tok === 'CommaToken') {
        if (s.size === 0) s.add(''); // "(,"
        const [t2] = this.lookahead('Values');
        if (t2 === 'ClosedParToken') {
          s.add(''); // ",)"
          return s;
        }
        if (t2 === 'CommaToken') s.add(''); // ",,": the next turn takes the second comma
      } else {
        throw new SelectorError(`found '${lit}', expected: ',', or identifier`);
      }
    }
  }

  private parseExactValue(): Set<string> {
    const [t] = this.lookahead('Values');
    if (t === 'EndOfStringToken' || t === 'CommaToken') return new Set(['']);
    const [tok, lit] = this.consume('Values');
    if (tok === 'IdentifierToken') return new Set([lit]);
    throw new SelectorError(`found '${lit}', expected: identifier`);
  }
}

function byKey(a: Requirement, b: Requirement): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Tokenize a selector string (for tests and editor highlighting). */
export function lexSelector(s: string): [Token, string][] {
  const l = new Lexer(s);
  const out: [Token, string][] = [];
  for (;;) {
    const t = l.lex();
    if (t[0] === 'EndOfStringToken') return out;
    out.push(t);
    if (t[0] === 'ErrorToken') return out;
  }
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
