import { describe, expect, it } from 'vitest';
import { getScaledValueFromIntOrPercent } from '../../../src/engine/api/intstr';

describe('GetScaledValueFromIntOrPercent', () => {
  it('scales percentages, ceil for surge and floor for unavailable', () => {
    expect(getScaledValueFromIntOrPercent('39%', 10, true)).toBe(4);
    expect(getScaledValueFromIntOrPercent('39%', 10, false)).toBe(3);
    expect(getScaledValueFromIntOrPercent('25%', 3, true)).toBe(1);
    expect(getScaledValueFromIntOrPercent('25%', 3, false)).toBe(0);
    expect(getScaledValueFromIntOrPercent('0%', 0, true)).toBe(0);
  });
  it('returns ints unchanged and nil as 0', () => {
    expect(getScaledValueFromIntOrPercent(2, 10, true)).toBe(2);
    expect(getScaledValueFromIntOrPercent(undefined, 10, true)).toBe(0);
  });
  it('rejects strings that are not percentages with Go\'s message', () => {
    expect(() => getScaledValueFromIntOrPercent('2', 10, true)).toThrow('invalid value for IntOrString: invalid type: string is not a percentage');
    expect(() => getScaledValueFromIntOrPercent('x%', 10, true)).toThrow(
      'invalid value for IntOrString: invalid value "x%": strconv.Atoi: parsing "x": invalid syntax',
    );
  });
});
