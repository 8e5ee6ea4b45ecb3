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

/** Ages as kubectl prints them. */
export { humanDuration } from '../../engine/sim/duration';

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
