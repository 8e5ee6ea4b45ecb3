// Go's time.Duration as Kubernetes users write and read it: time.ParseDuration ("90s", "5m",
// "1h30m", "1.5s", "300ms": scenario steps, the CLI's --until, kubeplay.dev/ annotations) and
// Duration.String() ("10s", "1m20s", "2.1s", "512ms": the kubelet's messages). Milliseconds.
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

/** Lenient parse for annotations: a bare number counts as seconds; undefined when invalid or negative. */
export function parseDuration(input: string | number | undefined): number | undefined {
  if (input === undefined || input === null) return undefined;
  if (typeof input === 'number') return Number.isFinite(input) && input >= 0 ? Math.round(input * 1000) : undefined;
  const s = input.trim();
  if (s === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(s)) return Math.round(parseFloat(s) * 1000);
  try {
    const ms = parseGoDuration(s);
    return ms >= 0 ? ms : undefined;
  } catch {
    return undefined;
  }
}

/** Duration.String() of a whole number of milliseconds. */
export function formatDuration(ms: number): string {
  ms = Math.round(ms);
  if (ms === 0) return '0s';
  const neg = ms < 0;
  if (neg) ms = -ms;
  let out: string;
  if (ms < 1000) {
    out = `${ms}ms`;
  } else {
    const h = Math.floor(ms / 3_600_000);
    const m = Math.floor((ms % 3_600_000) / 60_000);
    const secMs = ms % 60_000;
    const whole = Math.floor(secMs / 1000);
    const frac = secMs % 1000;
    const sec = frac ? `${whole}.${String(frac).padStart(3, '0').replace(/0+$/, '')}` : `${whole}`;
    out = h ? `${h}h${m}m${sec}s` : m ? `${m}m${sec}s` : `${sec}s`;
  }
  return neg ? `-${out}` : out;
}

/** duration.HumanDuration (k8s.io/apimachinery/pkg/util/duration): the AGE kubectl prints. */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(seconds / 3600);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    return dy === 0 ? `${Math.trunc(hours / 24 / 365)}y` : `${Math.trunc(hours / 24 / 365)}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}
