// resource.Quantity vectors from apimachinery's quantity_test.go (../shared/conformance/quantity.json).
import { describe, expect, it } from 'vitest';
import { loadConformance } from '../conformance';
import { QuantityError, parseQuantity, quantityFromDecimal } from '../../../src/engine/api/quantity';

const v = loadConformance('quantity.json');

const negate = (s: string) => (s.startsWith('-') ? s.slice(1) : s === '0' ? '0' : `-${s}`);

describe('ParseQuantity (TestQuantityParse)', () => {
  for (const c of v.parse) {
    const e = c.expected;
    it(`${JSON.stringify(c.input)} -> ${e.valid ? e.canonical : 'error'}`, () => {
      if (!e.valid) {
        expect(() => parseQuantity(c.input)).toThrow(QuantityError);
        return;
      }
      const q = parseQuantity(c.input);
      expect(q.toDecimalString()).toBe(e.value);
      expect(q.format).toBe(e.format);
      expect(q.toString()).toBe(e.canonical);
      // JSON numbers above 2^53 arrive rounded to float64, so compare in that domain.
      if (e.milliValue !== null) expect(Number(q.milliValueBig())).toBe(e.milliValue);
      if (e.valueCeil !== null) expect(Number(q.valueBig())).toBe(e.valueCeil);
      expect(q.milliValue()).toBe(Number(q.milliValueBig()));
      // Also asserted upstream: '-' negates with the same format, '+' changes nothing.
      const n = parseQuantity(`-${c.input}`);
      expect(n.toDecimalString()).toBe(negate(e.value));
      expect(n.format).toBe(e.format);
      const p = parseQuantity(`+${c.input}`);
      expect(p.toDecimalString()).toBe(e.value);
      expect(p.format).toBe(e.format);
    });
  }
});

describe('Quantity.String (TestQuantityString)', () => {
  for (const c of v.string) {
    it(`${c.input.value} ${c.input.format} -> ${c.expected.canonical}`, () => {
      const q = quantityFromDecimal(c.input.value, c.input.format);
      expect(q.toString()).toBe(c.expected.canonical);
      expect(q.neg().toString()).toBe(c.expected.canonicalOfNegated);
      if (c.alternateSpelling !== null) expect(parseQuantity(c.alternateSpelling).toString()).toBe(c.expected.canonical);
    });
  }
});

describe('parse then emit (TestQuantityParseEmit)', () => {
  for (const c of v.parseEmit) {
    it(`${c.input} -> ${c.expected.canonical}`, () => {
      expect(parseQuantity(c.input).toString()).toBe(c.expected.canonical);
      expect(parseQuantity(`-${c.input}`).toString()).toBe(c.expected.canonicalOfNegatedInput);
    });
  }
});

describe('large values (TestParseQuantity)', () => {
  for (const c of v.parseLarge) {
    it(`${c.input} -> ${c.expected.canonical}`, () => {
      const q = parseQuantity(c.input);
      expect(q.toDecimalString()).toBe(c.expected.value);
      expect(q.toString()).toBe(c.expected.canonical);
      // asInt64 is the value itself when set (the JSON number has lost precision above 2^53).
      expect(q.asInt64()).toBe(c.expected.asInt64 === null ? null : BigInt(c.expected.value));
    });
  }
});

describe('RoundUp (TestQuantityRoundUp)', () => {
  for (const c of v.roundUp) {
    it(`${c.input.quantity} @ ${c.input.scale}`, () => {
      const { quantity, exact } = parseQuantity(c.input.quantity).roundUp(c.input.scale);
      expect(quantity.toDecimalString()).toBe(c.expected.value);
      expect(exact).toBe(c.expected.exact);
    });
  }
});

describe('API-server storage form', () => {
  it.each([
    ['0.25', '250m'],
    ['1024Mi', '1Gi'],
    ['1.5Gi', '1536Mi'],
    ['0.5', '500m'],
    ['1000m', '1'],
    ['128974848', '128974848'],
    ['129e6', '129e6'],
    ['123Mi', '123Mi'],
  ])('%s is stored as %s', (input, stored) => {
    expect(parseQuantity(input).toString()).toBe(stored);
  });
  it('accepts YAML numbers', () => {
    expect(parseQuantity(0.5).toString()).toBe('500m');
    expect(parseQuantity(2).toString()).toBe('2');
  });
  it('reports the apimachinery error text', () => {
    expect(() => parseQuantity('1.1.M')).toThrow("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
    expect(() => parseQuantity('0.1mi')).toThrow("unable to parse quantity's suffix");
  });
});
