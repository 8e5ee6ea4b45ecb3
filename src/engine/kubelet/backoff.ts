// client-go util/flowcontrol/backoff.go with the kubelet's settings (no jitter): per-key
// exponential back-off, doubling up to a maximum, forgotten once the key has been quiet for
// twice the maximum.
import type { BackoffEntry } from './types';

export class Backoff {
  constructor(
    private readonly entries: Record<string, BackoffEntry>,
    private readonly initialMs: number,
    private readonly maxMs: number,
  ) {}

  private expired(eventTime: number, e: BackoffEntry): boolean {
    return eventTime - e.lastUpdate > 2 * this.maxMs;
  }

  /** Current back-off window of key (0 when none). */
  get(key: string): number {
    return this.entries[key]?.backoffMs ?? 0;
  }

  /** IsInBackOffSince: true while now - eventTime is inside the window. */
  isInBackOffSince(key: string, eventTime: number, now: number): boolean {
    const e = this.entries[key];
    if (!e || this.expired(eventTime, e)) return false;
    return now - eventTime < e.backoffMs;
  }

  /** IsInBackOffSinceUpdate: true while now - lastUpdate is inside the window. */
  isInBackOffSinceUpdate(key: string, now: number): boolean {
    const e = this.entries[key];
    if (!e || this.expired(now, e)) return false;
    return now - e.lastUpdate < e.backoffMs;
  }

  /** Next: start at the initial window or double it; lastUpdate is now. */
  next(key: string, eventTime: number, now: number): void {
    const e = this.entries[key];
    if (!e || this.expired(eventTime, e)) {
      this.entries[key] = { backoffMs: this.initialMs, lastUpdate: now };
    } else {
      this.entries[key] = { backoffMs: Math.min(e.backoffMs * 2, this.maxMs), lastUpdate: now };
    }
  }

  /** When the window that started at `since` ends. */
  until(key: string, since: number): number {
    return since + this.get(key);
  }

  /** GC: drop entries quiet for more than twice the maximum. */
  gc(now: number): void {
    for (const [k, e] of Object.entries(this.entries)) if (this.expired(now, e)) delete this.entries[k];
  }
}
