// kubectl's translateTimestampSince (ages in tables and describe), against the simulated clock.
import type { Simulation } from '../../sim/simulation';
import { humanDuration } from '../../sim/duration';

export { humanDuration };

/** translateTimestampSince: "<unknown>" for a missing timestamp. */
export function since(sim: Simulation, ts: string | undefined | null): string {
  const t = sim.clock.parse(ts ?? undefined);
  if (t === undefined) return '<unknown>';
  return humanDuration(sim.now - t);
}
