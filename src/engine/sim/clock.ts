// The virtual clock: integer milliseconds of simulated time and a discrete-event queue ordered by
// (time, sequence). Events are plain data so the whole queue can be snapshotted and restored.

export interface ScheduledEvent {
  at: number;
  seq: number;
  /** Name of the component that handles the event. */
  target: string;
  /** What the event is about (a workqueue key, a timer name...). */
  key: string;
  /** Optional JSON-serialisable payload. */
  data?: unknown;
}

export interface EventQueueState {
  seq: number;
  events: ScheduledEvent[];
}

/** Binary min-heap on (at, seq). */
export class EventQueue {
  private heap: ScheduledEvent[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(at: number, target: string, key: string, data?: unknown): ScheduledEvent {
    if (!Number.isFinite(at)) throw new Error(`event time must be finite, got ${at}`);
    const ev: ScheduledEvent = { at: Math.round(at), seq: this.seq++, target, key };
    if (data !== undefined) ev.data = data;
    this.heap.push(ev);
    this.up(this.heap.length - 1);
    return ev;
  }

  peek(): ScheduledEvent | undefined {
    return this.heap[0];
  }

  pop(): ScheduledEvent | undefined {
    const h = this.heap;
    if (h.length === 0) return undefined;
    const top = h[0];
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      this.down(0);
    }
    return top;
  }

  save(): EventQueueState {
    return { seq: this.seq, events: this.heap.map((e) => ({ ...e })) };
  }

  load(state: EventQueueState): void {
    this.seq = state.seq;
    this.heap = state.events.map((e) => ({ ...e }));
  }

  private less(a: ScheduledEvent, b: ScheduledEvent): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i], h[p])) break;
      const t = h[i];
      h[i] = h[p];
      h[p] = t;
      i = p;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    const n = h.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && this.less(h[l], h[m])) m = l;
      if (r < n && this.less(h[r], h[m])) m = r;
      if (m === i) return;
      const t = h[i];
      h[i] = h[m];
      h[m] = t;
      i = m;
    }
  }
}

/** Default epoch of simulated time zero. Fixed so traces are byte-identical across runs. */
export const DEFAULT_EPOCH_MS = Date.UTC(2025, 0, 1, 0, 0, 0);

export class Clock {
  now = 0;
  constructor(readonly epochMs: number = DEFAULT_EPOCH_MS) {}

  /** RFC 3339 with second precision, as metav1.Time serialises. */
  timestamp(ms: number = this.now): string {
    // Second precision: every call within the same second gives the same string. Callers alternate
    // between now and a recent past second (a container's startedAt), so the last two are kept.
    const sec = Math.floor((this.epochMs + ms) / 1000);
    if (sec === this.lastSec) return this.lastStamp;
    if (sec === this.prevSec) return this.prevStamp;
    this.prevSec = this.lastSec;
    this.prevStamp = this.lastStamp;
    this.lastSec = sec;
    this.lastStamp = new Date(sec * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    return this.lastStamp;
  }
  private lastSec = Number.NaN;
  private lastStamp = '';
  private prevSec = Number.NaN;
  private prevStamp = '';

  /** RFC 3339 with microseconds, as metav1.MicroTime serialises (Event.eventTime, Lease.renewTime). */
  microTimestamp(ms: number = this.now): string {
    return new Date(this.epochMs + ms).toISOString().replace(/Z$/, '000Z');
  }

  /** Parse a metav1.Time back into simulated milliseconds. */
  parse(ts: string | undefined | null): number | undefined {
    if (!ts) return undefined;
    const v = Date.parse(ts);
    return Number.isNaN(v) ? undefined : v - this.epochMs;
  }
}
