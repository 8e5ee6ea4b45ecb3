// resource.Quantity (staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go): parsing,
// canonical String(), Value()/MilliValue(). Exact arithmetic: a quantity is held as a signed
// BigInt count of nano-units, which is exact because ParseQuantity rounds every value up (away
// from zero) to a multiple of 1n, and binary suffixes only multiply by integers.

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

const SPLIT_RE_STRING = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';

export class QuantityError extends Error {}

/** ErrFormatWrong, ErrNumeric, ErrSuffix from quantity.go. */
export const ERR_FORMAT_WRONG = `quantities must match the regular expression '${SPLIT_RE_STRING}'`;
export const ERR_NUMERIC = 'unable to parse numeric part of quantity';
export const ERR_SUFFIX = "unable to parse quantity's suffix";

const NANO = 1_000_000_000n;
const MAX_INT64 = 9223372036854775807n;
const MIN_INT64 = -9223372036854775808n;

const DEC_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BIN_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DEC_BY_EXP = new Map(Object.entries(DEC_SUFFIXES).map(([s, e]) => [e, s]));
const BIN_BY_EXP = new Map(Object.entries(BIN_SUFFIXES).map(([s, e]) => [e, s]));

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

function abs(v: bigint): bigint {
  return v < 0n ? -v : v;
}

/** Divide rounding away from zero (inf.RoundUp), as Quantity's scaling does. */
function divAwayFromZero(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n % d === 0n ? q : n < 0n ? q - 1n : q + 1n;
}

function toNumber(v: bigint): number {
  return Number(v);
}

export interface Quantity {
  readonly format: QuantityFormat;
  /** Canonical String(), e.g. "250m", "1Gi". */
  toString(): string;
  /** MilliValue(), rounded up. */
  milliValue(): number;
  /** Value(), rounded up. */
  value(): number;
  sign(): -1 | 0 | 1;
}

/** The exact amount, with the int64Amount view the Go parser keeps for fast-path values. */
export class QuantityValue implements Quantity {
  constructor(
    /** Exact value in units of 1e-9. */
    readonly nanos: bigint,
    readonly format: QuantityFormat,
    /** int64Amount{value, scale} when the parser took its int64 fast path (AsInt64 needs it). */
    private readonly i64?: { value: bigint; scale: number },
  ) {}

  sign(): -1 | 0 | 1 {
    return this.nanos < 0n ? -1 : this.nanos > 0n ? 1 : 0;
  }

  isZero(): boolean {
    return this.nanos === 0n;
  }

  /** ScaledValue(scale) as a BigInt: the value in units of 10^scale, rounded away from zero. */
  scaledValue(scale: number): bigint {
    const shift = scale + 9;
    if (shift >= 0) return divAwayFromZero(this.nanos, pow10(shift));
    return this.nanos * pow10(-shift);
  }

  /** MilliValue(), rounded up (away from zero). */
  milliValue(): number {
    return toNumber(this.scaledValue(-3));
  }

  /** Value(), rounded up (away from zero). */
  value(): number {
    return toNumber(this.scaledValue(0));
  }

  milliValueBig(): bigint {
    return this.scaledValue(-3);
  }

  valueBig(): bigint {
    return this.scaledValue(0);
  }

  /** AsInt64: only for quantities held as int64Amount with a non-negative scale that fits. */
  asInt64(): bigint | null {
    if (!this.i64 || this.i64.scale < 0) return null;
    const v = this.i64.value * pow10(this.i64.scale);
    return v > MAX_INT64 || v < MIN_INT64 ? null : v;
  }

  /** The exact decimal value as a string ("102435.84", "-0.001"). */
  toDecimalString(): string {
    const neg = this.nanos < 0n;
    const a = abs(this.nanos);
    const int = a / NANO;
    let frac = (a % NANO).toString().padStart(9, '0').replace(/0+$/, '');
    frac = frac ? `.${frac}` : '';
    return `${neg ? '-' : ''}${int}${frac}`;
  }

  /** RoundUp(scale): round away from zero to a multiple of 10^scale; reports whether it was exact. */
  roundUp(scale: number): { quantity: QuantityValue; exact: boolean } {
    const shift = scale + 9;
    if (shift <= 0) return { quantity: this, exact: true };
    const unit = pow10(shift);
    const rounded = divAwayFromZero(this.nanos, unit) * unit;
    return { quantity: new QuantityValue(rounded, this.format), exact: rounded === this.nanos };
  }

  cmp(other: QuantityValue): -1 | 0 | 1 {
    return this.nanos < other.nanos ? -1 : this.nanos > other.nanos ? 1 : 0;
  }

  add(other: QuantityValue): QuantityValue {
    return new QuantityValue(this.nanos + other.nanos, this.format);
  }

  sub(other: QuantityValue): QuantityValue {
    return new QuantityValue(this.nanos - other.nanos, this.format);
  }

  neg(): QuantityValue {
    return new QuantityValue(-this.nanos, this.format);
  }

  /** Quantity.String() / CanonicalizeBytes. */
  toString(): string {
    if (this.nanos === 0n) return '0';
    let format = this.format;
    if (format === 'BinarySI') {
      // Below 1024 or not an integer, binary suffixes would round: print as DecimalSI.
      if (abs(this.nanos) < 1024n * NANO || this.nanos % NANO !== 0n) format = 'DecimalSI';
    }
    if (format === 'BinarySI') {
      let amount = this.nanos / NANO;
      let exp = 0;
      while (amount % 1024n === 0n && BIN_BY_EXP.has(exp + 10)) {
        amount /= 1024n;
        exp += 10;
      }
      return `${amount}${BIN_BY_EXP.get(exp) ?? ''}`;
    }
    // Move all factors of 10 into the exponent, then lower it to a multiple of 3.
    let amount = this.nanos;
    let exp = -9;
    while (amount % 10n === 0n) {
      amount /= 10n;
      exp++;
    }
    while (exp % 3 !== 0) {
      amount *= 10n;
      exp--;
    }
    if (format === 'DecimalExponent') return exp === 0 ? `${amount}` : `${amount}e${exp}`;
    // DecimalSI has no suffix above E: keep the mantissa larger instead.
    while (exp > 18) {
      amount *= 1000n;
      exp -= 3;
    }
    return `${amount}${DEC_BY_EXP.get(exp) ?? ''}`;
  }

  toJSON(): string {
    return this.toString();
  }
}

interface Split {
  positive: boolean;
  value: string;
  num: string;
  denom: string;
  suffix: string;
}

// Module level, not a closure per parse: under tsx every named closure is renamed when created
// (esbuild keepNames), which costs more than the parse itself.
function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

/** parseQuantityString, character for character. */
function splitQuantity(str: string): Split {
  let positive = true;
  let pos = 0;
  const end = str.length;
  if (pos < end) {
    if (str[0] === '-') {
      positive = false;
      pos++;
    } else if (str[0] === '+') pos++;
  }
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value: '0', num: '0', denom: '', suffix: '' };
    if (str[i] === '0') pos++;
    else break;
  }
  let num = '';
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value: str.slice(0, end), num: str.slice(pos, end), denom: '', suffix: '' };
    if (!isDigit(str[i])) {
      num = str.slice(pos, i);
      pos = i;
      break;
    }
  }
  if (num.length === 0) num = '0';
  let denom = '';
  if (pos < end && str[pos] === '.') {
    pos++;
    for (let i = pos; ; i++) {
      if (i >= end) return { positive, value: str.slice(0, end), num, denom: str.slice(pos, end), suffix: '' };
      if (!isDigit(str[i])) {
        denom = str.slice(pos, i);
        pos = i;
        break;
      }
    }
  }
  const value = str.slice(0, pos);
  const suffixStart = pos;
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart, end) };
    if (!'eEinumkKMGTP'.includes(str[i])) {
      pos = i;
      break;
    }
  }
  if (pos < end && (str[pos] === '-' || str[pos] === '+')) pos++;
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart, end) };
    if (!isDigit(str[i])) break;
  }
  throw new QuantityError(ERR_FORMAT_WRONG);
}

/** quantitySuffixer.interpret. */
function interpretSuffix(s: string): { base: 10 | 2; exponent: number; format: QuantityFormat } {
  if (s in DEC_SUFFIXES) return { base: 10, exponent: DEC_SUFFIXES[s], format: 'DecimalSI' };
  if (s in BIN_SUFFIXES) return { base: 2, exponent: BIN_SUFFIXES[s], format: 'BinarySI' };
  if (s.length > 1 && (s[0] === 'e' || s[0] === 'E') && /^[+-]?[0-9]+$/.test(s.slice(1))) {
    const e = Number(s.slice(1));
    // Go keeps any int32 exponent; beyond this the number is absurd and BigInt work would explode.
    if (Math.abs(e) > 1000) throw new QuantityError(ERR_NUMERIC);
    return { base: 10, exponent: e, format: 'DecimalExponent' };
  }
  throw new QuantityError(ERR_SUFFIX);
}

const MAX_INT64_FACTORS = 18;

// Parsed quantities are immutable, and a simulation parses the same few strings ("100m", "64Mi")
// over and over (scheduler, kubelet), so results are memoized.
const CACHE_LIMIT = 4096;
const cache = new Map<string, QuantityValue>();

/** resource.ParseQuantity: throws QuantityError("quantities must match the regular expression ...") when invalid. */
export function parseQuantity(input: string | number): QuantityValue {
  const str = typeof input === 'number' ? String(input) : input;
  const hit = cache.get(str);
  if (hit) return hit;
  const q = parseUncached(str);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(str, q);
  return q;
}

function parseUncached(str: string): QuantityValue {
  if (typeof str !== 'string' || str.length === 0) throw new QuantityError(ERR_FORMAT_WRONG);
  if (str === '0') return new QuantityValue(0n, 'DecimalSI', { value: 0n, scale: 0 });
  const { positive, num, denom, suffix } = splitQuantity(str);
  const { base, exponent, format: fmt } = interpretSuffix(suffix);
  let format = fmt;

  // The int64 fast path only decides the int64Amount representation (AsInt64); the value is the same.
  let i64: { value: bigint; scale: number } | undefined;
  let precision = 0;
  let scale = 0;
  let mantissa = 1n;
  if (format === 'BinarySI') {
    if (exponent >= 0 && denom.length === 0) {
      mantissa = 1n << BigInt(exponent);
      precision = 15 - num.length - Math.trunc(Math.fround((Math.fround(exponent) * 3) / 10)) - 1;
    } else precision = -1;
  } else {
    scale = exponent;
    precision = MAX_INT64_FACTORS - (num.length + denom.length);
  }
  if (precision >= 0) {
    scale -= denom.length;
    if (scale >= -9) {
      const v = BigInt(num + denom);
      const r = v * mantissa;
      if (v <= MAX_INT64 && r <= MAX_INT64) i64 = { value: positive ? r : -r, scale };
    }
  }

  // Exact amount: (num.denom) * base^exponent, rounded up to a multiple of 1n.
  const digits = BigInt(num + denom);
  let nanos: bigint;
  let decScale = denom.length; // value = digits * 10^-decScale
  let unscaled = digits;
  if (base === 10) decScale -= exponent;
  else unscaled = digits << BigInt(exponent);
  const shift = 9 - decScale; // nanos = unscaled * 10^shift
  nanos = shift >= 0 ? unscaled * pow10(shift) : divAwayFromZero(unscaled, pow10(-shift));
  if (format === 'BinarySI' && nanos > MAX_INT64 * NANO) nanos = MAX_INT64 * NANO;
  if (format === 'BinarySI' && nanos > 0n && nanos < NANO) format = 'DecimalSI';
  if (!positive) nanos = -nanos;
  return new QuantityValue(nanos, format, i64);
}

/** A quantity from an exact decimal string and a format (resource.NewQuantity / MustParse + Format). */
export function quantityFromDecimal(value: string, format: QuantityFormat): QuantityValue {
  const q = parseQuantity(value);
  return new QuantityValue(q.nanos, format);
}

/** Quantity for a whole number of units (resource.NewQuantity) or milli-units (NewMilliQuantity). */
export function newQuantity(value: number | bigint, format: QuantityFormat = 'DecimalSI'): QuantityValue {
  return new QuantityValue(BigInt(value) * NANO, format);
}

export function newMilliQuantity(milli: number | bigint, format: QuantityFormat = 'DecimalSI'): QuantityValue {
  return new QuantityValue(BigInt(milli) * 1_000_000n, format);
}

/** Canonical form of a quantity string (what the API server stores). */
export function canonicalQuantity(s: string | number): string {
  return parseQuantity(s).toString();
}

// Defaulting canonicalizes every request's resource lists, again from the same few strings: the
// rounded form is memoized too (a miss that does not parse throws and is not stored).
const milliCache = new Map<string | number, string>();

/** SetDefaults_ResourceList's stored form: rounded up to milli precision, then canonical. */
export function canonicalMilliQuantity(input: string | number): string {
  let out = milliCache.get(input);
  if (out === undefined) {
    out = parseQuantity(input).roundUp(-3).quantity.toString();
    if (milliCache.size >= CACHE_LIMIT) milliCache.clear();
    milliCache.set(input, out);
  }
  return out;
}

/** Whether s parses; returns the error message otherwise. */
export function quantityError(s: unknown): string | undefined {
  if (typeof s !== 'string' && typeof s !== 'number') return ERR_FORMAT_WRONG;
  try {
    parseQuantity(s);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}
