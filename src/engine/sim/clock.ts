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

/**
 * Events in (at, seq) order. Most events share their millisecond with others (a few hundred
 * distinct times for a hundred thousand events in a large rollout), so events are kept in one
 * list per time, in sequence order, and only the distinct times are in a binary min-heap.
 */
export class EventQueue {
  /** at -> the events due then, in sequence order; `next` is the first not yet popped. */
  private buckets = new Map<number, { events: ScheduledEvent[]; next: number }>();
  private times: number[] = [];
  private count = 0;
  private seq = 0;

  get size(): number {
    return this.count;
  }

  push(at: number, target: string, key: string, data?: unknown): ScheduledEvent {
    if (!Number.isFinite(at)) throw new Error(`event time must be finite, got ${at}`);
    const ev: ScheduledEvent = { at: Math.round(at), seq: this.seq++, target, key };
    if (data !== undefined) ev.data = data;
    this.append(ev);
    return ev;
  }

  peek(): ScheduledEvent | undefined {
    if (this.count === 0) return undefined;
    const b = this.buckets.get(this.times[0])!;
    return b.events[b.next];
  }

  /** pop(), when the next event is due at or before t: the run loop's one lookup per event. */
  popDue(t: number): ScheduledEvent | undefined {
    return this.count > 0 && this.times[0] <= t ? this.pop() : undefined;
  }

  pop(): ScheduledEvent | undefined {
    if (this.count === 0) return undefined;
    const at = this.times[0];
    const b = this.buckets.get(at)!;
    const ev = b.events[b.next++];
    this.count--;
    if (b.next === b.events.length) {
      this.buckets.delete(at);
      this.popTime();
    }
    return ev;
  }

  save(): EventQueueState {
    const events: ScheduledEvent[] = [];
    for (const t of [...this.times].sort((a, b) => a - b)) {
      const b = this.buckets.get(t)!;
      for (let i = b.next; i < b.events.length; i++) events.push({ ...b.events[i] });
    }
    return { seq: this.seq, events };
  }

  load(state: EventQueueState): void {
    this.seq = state.seq;
    this.buckets.clear();
    this.times = [];
    this.count = 0;
    const events = state.events.map((e) => ({ ...e })).sort((a, b) => a.at - b.at || a.seq - b.seq);
    for (const e of events) this.append(e);
  }

  /** Add at the end of its time's list: pushes come in sequence order. */
  private append(ev: ScheduledEvent): void {
    let b = this.buckets.get(ev.at);
    if (!b) {
      this.buckets.set(ev.at, (b = { events: [], next: 0 }));
      this.pushTime(ev.at);
    }
    b.events.push(ev);
    this.count++;
  }

  private pushTime(t: number): void {
    const h = this.times;
    let i = h.length;
    h.push(t);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (h[p] <= t) break;
      h[i] = h[p];
      i = p;
    }
    h[i] = t;
  }

  private popTime(): void {
    const h = this.times;
    const last = h.pop()!;
    const n = h.length;
    if (n === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const m = r < n && h[r] < h[l] ? r : l;
      if (h[m] >= last) break;
      h[i] = h[m];
      i = m;
    }
    h[i] = last;
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
