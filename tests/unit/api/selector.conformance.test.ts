// Label selector vectors from apimachinery's selector_test.go (../shared/conformance/selector.json).
import { describe, expect, it } from 'vitest';
import { loadConformance } from '../conformance';
import {
  InternalSelector,
  Requirement,
  SelectorError,
  labelSelectorAsSelector,
  lexSelector,
  newRequirement,
  parseSelector,
  selectorFromSet,
  type Operator,
} from '../../../src/engine/api/labels';

const v = loadConformance('selector.json');

type Req = [string, string, string[]];
const build = (reqs: Req[]) => new InternalSelector(reqs.map(([k, op, vals]) => new Requirement(k, op as Operator, vals)));
const asTriples = (s: InternalSelector): Req[] => s.requirements.map((r) => [r.key, r.operator, r.values]);

describe('labels.Parse (TestSelectorParse)', () => {
  for (const c of v.parse) {
    it(`${JSON.stringify(c.input)} -> ${c.expected.valid ? JSON.stringify(c.expected.string) : 'error'}`, () => {
      if (c.expected.valid) expect(parseSelector(c.input).toString()).toBe(c.expected.string);
      else expect(() => parseSelector(c.input)).toThrow(SelectorError);
    });
  }
});

describe('Selector.Matches (TestSelectorMatches, TestEverything...)', () => {
  for (const c of v.matches) {
    it(`${JSON.stringify(c.input.selector)} on ${JSON.stringify(c.input.labels)} -> ${c.expected.matches}`, () => {
      expect(parseSelector(c.input.selector).matches(c.input.labels)).toBe(c.expected.matches);
    });
  }
  for (const c of v.selectorFromSetMatches) {
    it(`SelectorFromSet(${JSON.stringify(c.input.set)}) -> ${c.expected.matches}`, () => {
      expect(selectorFromSet(c.input.set).matches(c.input.labels)).toBe(c.expected.matches);
    });
  }
});

describe('Lexer', () => {
  for (const c of v.lexer) {
    it(`${JSON.stringify(c.input)} -> ${c.expected.token}`, () => {
      const toks = lexSelector(c.input).map((t) => t[0]);
      expect(toks[0] ?? 'EndOfStringToken').toBe(c.expected.token);
    });
  }
  for (const c of v.lexerSequence) {
    it(`sequence ${JSON.stringify(c.input)}`, () => {
      expect(lexSelector(c.input).map((t) => t[0])).toEqual(c.expected.tokens);
    });
  }
  for (const c of v.parseOperator) {
    it(`operator ${JSON.stringify(c.input)} valid=${c.expected.valid}`, () => {
      // parseOperator runs after a key: "x <op> <value>" parses exactly when the operator is binary.
      const value = c.input === 'in' || c.input === 'notin' ? '(1)' : '1';
      const run = () => parseSelector(`x ${c.input} ${value}`);
      if (c.expected.valid) expect(run).not.toThrow();
      else expect(run).toThrow(SelectorError);
    });
  }
});

describe('NewRequirement (TestRequirementConstructor)', () => {
  for (const c of v.newRequirement) {
    it(`${c.input.key.slice(0, 20)} ${c.input.operator} ${JSON.stringify(c.input.values).slice(0, 30)}`, () => {
      const run = () => newRequirement(c.input.key, c.input.operator, c.input.values);
      if (c.expected.valid) {
        expect(run).not.toThrow();
        return;
      }
      let err: SelectorError | undefined;
      try {
        run();
      } catch (e) {
        err = e as SelectorError;
      }
      expect(err).toBeInstanceOf(SelectorError);
      expect(err!.causes.map((x) => x.field)).toContain(c.expected.errorField);
    });
  }
});

describe('Selector.String (TestToString)', () => {
  for (const c of v.toString) {
    it(c.expected, () => {
      expect(build(c.input).toString()).toBe(c.expected);
    });
  }
});

describe('Requirement matching (TestRequirementSelectorMatching)', () => {
  for (const c of v.requirementMatching) {
    it(`${JSON.stringify(c.input.requirements)} on ${JSON.stringify(c.input.labels)}`, () => {
      const sel = Array.isArray(c.input.requirements) ? build(c.input.requirements) : build([['', '', []]]);
      expect(sel.matches(c.input.labels)).toBe(c.expected);
    });
  }
});

describe('set-based parser (TestSetSelectorParser)', () => {
  for (const c of v.setSelectorParser) {
    it(JSON.stringify(c.input), () => {
      if (!c.expected.valid) {
        expect(() => parseSelector(c.input)).toThrow(SelectorError);
        return;
      }
      const s = parseSelector(c.input) as InternalSelector;
      if (c.expected.requirementsSortedByKey) expect(asTriples(s)).toEqual(c.expected.requirementsSortedByKey);
    });
  }
});

describe('metav1.LabelSelectorAsSelector', () => {
  it('nil matches nothing, {} matches everything', () => {
    expect(labelSelectorAsSelector(undefined).matches({ a: 'b' })).toBe(false);
    expect(labelSelectorAsSelector(null).matches({})).toBe(false);
    expect(labelSelectorAsSelector({}).matches({ a: 'b' })).toBe(true);
    expect(labelSelectorAsSelector({ matchLabels: {}, matchExpressions: [] }).matches({})).toBe(true);
  });
  it('ANDs matchLabels and matchExpressions, sorted by key', () => {
    const s = labelSelectorAsSelector({
      matchLabels: { tier: 'web', app: 'shop' },
      matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod', 'dev'] }, { key: 'canary', operator: 'DoesNotExist' }],
    });
    expect(s.toString()).toBe('app=shop,!canary,env notin (dev,prod),tier=web');
    expect(s.matches({ app: 'shop', tier: 'web', env: 'qa' })).toBe(true);
    expect(s.matches({ app: 'shop', tier: 'web', env: 'prod' })).toBe(false);
    expect(s.matches({ app: 'shop', tier: 'web', canary: 'x' })).toBe(false);
  });
  it('rejects Gt/Lt, which are not LabelSelector operators', () => {
    expect(() => labelSelectorAsSelector({ matchExpressions: [{ key: 'x', operator: 'Gt', values: ['1'] }] })).toThrow(
      '"Gt" is not a valid label selector operator',
    );
  });
});

describe('error texts', () => {
  it('prints the requirement errors as apimachinery does', () => {
    expect(() => newRequirement('x', 'in', [])).toThrow("values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty");
    // '|' is not a special symbol, so "a||y" is one (invalid) value.
    expect(() => parseSelector('x=a||y=b')).toThrow(
      'unable to parse requirement: values[0][x]: Invalid value: "a||y": a valid label must be an empty string or consist of alphanumeric characters',
    );
    expect(() => parseSelector('x=a,,y')).toThrow("found ',', expected: identifier after ','");
    expect(() => parseSelector('x in (a b)')).toThrow("unable to parse requirement: found 'b', expected: ',' or ')'");
    expect(() => labelSelectorAsSelector({ matchExpressions: [{ key: 'x', operator: 'In', values: [] }] })).toThrow(
      "values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty",
    );
  });
});
