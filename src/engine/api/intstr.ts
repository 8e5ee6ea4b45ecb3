// intstr.IntOrString and GetScaledValueFromIntOrPercent (staging/src/k8s.io/apimachinery/pkg/util/intstr/intstr.go).
export type IntOrString = number | string;

/**
 * Percent strings "25%" scale against total, rounding up (ceil) or down (floor) in float64 as Go
 * does; ints are returned as they are; a string without '%' or with a non-integer percent throws
 * Go's error text. A nil value counts as 0, which is what every caller upstream does first
 * (intstrutil.ValueOrDefault(x, FromInt32(0))).
 */
export function getScaledValueFromIntOrPercent(v: IntOrString | null | undefined, total: number, roundUp: boolean): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === 'number') return Math.trunc(v);
  if (!v.endsWith('%')) throw new Error('invalid value for IntOrString: invalid type: string is not a percentage');
  const s = v.slice(0, -1);
  if (!/^[+-]?[0-9]+$/.test(s)) {
    throw new Error(`invalid value for IntOrString: invalid value ${JSON.stringify(v)}: strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  }
  const p = Number(s);
  return roundUp ? Math.ceil((p * total) / 100) : Math.floor((p * total) / 100);
}

/** Whether v is an int or a "<int>%" string (what validation accepts for maxSurge/maxUnavailable). */
export function isPercent(v: IntOrString): boolean {
  return typeof v === 'string' && /^[0-9]+%$/.test(v);
}

/** intstr.IntOrString.IntValue(): the int, or the string parsed as an int (0 when it is not one). */
export function intValue(v: IntOrString): number {
  if (typeof v === 'number') return v;
  const n = Number.parseInt(v, 10);
  return /^[+-]?[0-9]+$/.test(v) && Number.isFinite(n) ? n : 0;
}
