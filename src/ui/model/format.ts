// Time formatting for the clock, the event stream and ages.

/** Simulated ms -> "1m23s" / "45.2s" / "2h03m" (the clock display). */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 100)) / 10;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = s.toFixed(1).padStart(4, '0');
  if (h > 0) return `${h}h${String(m).padStart(2, '0')}m${ss}s`;
  if (m > 0) return `${m}m${ss}s`;
  return `${s.toFixed(1)}s`;
}

/** kubectl's duration.HumanDuration (k8s.io/apimachinery/pkg/util/duration) for ages. */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.floor(hours / 24) % 365;
    return dy === 0 ? `${Math.floor(hours / 24 / 365)}y` : `${Math.floor(hours / 24 / 365)}y${dy}d`;
  }
  return `${Math.floor(hours / 24 / 365)}y`;
}

/** "30s" / "2m" / "1m23.456s" for scenario steps (Go duration syntax, exact to the ms). */
export function goDuration(ms: number): string {
  ms = Math.max(0, Math.round(ms));
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const rest = ms % 60_000;
  let out = '';
  if (h) out += `${h}h`;
  if (m) out += `${m}m`;
  if (rest || !out) out += `${rest % 1000 ? (rest / 1000).toString() : rest / 1000}s`;
  return out;
}
