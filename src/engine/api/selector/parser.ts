// The selector string lexer and parser (staging/src/k8s.io/apimachinery/pkg/labels/selector.go),
// token for token, so the same inputs are accepted and the same error texts come out.
import type { FieldError } from '../fieldErrors';
import { isQualifiedName } from '../validation/names';
import { SelectorError, goFieldErrorString, newRequirement, type Operator, type Requirement } from './requirement';

const BINARY_OPERATORS = ['in', 'notin', '=', '==', '!=', 'gt', 'lt'];

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

export class Parser {
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

