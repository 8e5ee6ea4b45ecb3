// time.ParseDuration (Go): "90s", "5m", "1h30m", "1.5s", "300ms"; the format scenarios and the
// CLI's --until use. Returns milliseconds (rounded), or throws with Go's message.
const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

export function parseGoDuration(input: string): number {
  const bad = () => new Error(`time: invalid duration ${JSON.stringify(input)}`);
  let s = input;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (!s) throw bad();
  let total = 0;
  const re = /^(\d*)(?:\.(\d*))?([^\d.]*)/;
  while (s) {
    const m = re.exec(s);
    if (!m || (m[1] === '' && (m[2] ?? '') === '')) throw bad();
    if (!m[3]) throw new Error(`time: missing unit in duration ${JSON.stringify(input)}`);
    const unit = UNITS[m[3]];
    if (unit === undefined) throw new Error(`time: unknown unit ${JSON.stringify(m[3])} in duration ${JSON.stringify(input)}`);
    total += Number(`${m[1] || '0'}.${m[2] || '0'}`) * unit;
    s = s.slice(m[0].length);
  }
  return sign * Math.round(total);
}

/** A step's `at`: a Go duration string, or a plain number of seconds. */
export function parseAt(v: unknown): number {
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return Math.round(v * 1000);
  if (typeof v === 'string') return parseGoDuration(v.trim());
  throw new Error(`time: invalid duration ${JSON.stringify(v)}`);
}
