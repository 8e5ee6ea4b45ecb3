// client-go's EventCorrelator (tools/record/events_cache.go), which every core/v1 event recorder
// runs before it writes: similar events are aggregated, identical ones counted, and a source may
// burst 25 events about one object, then one every 5 minutes. Counting happens before the spam
// filter, so a dropped event still raises the count the next written one carries.

/** An event as one source's recorder made it, before correlation (the fields the keys are built from). */
export interface RecordedEvent {
  kind: string;
  namespace: string;
  name: string;
  uid: string;
  apiVersion: string;
  fieldPath: string;
  type: string;
  reason: string;
  message: string;
}

/** What to write: a new Event, or a patch of count, lastTimestamp and message on an existing one. */
export interface Correlation {
  /** The Event's name: new, or the one the earlier occurrence was written under. */
  name: string;
  message: string;
  count: number;
  /** Milliseconds on the simulated clock. */
  firstTimestamp: number;
  /** count > 1: patch the Event `name`; otherwise create it. */
  patch: boolean;
}

const MAX_LRU_CACHE_ENTRIES = 4096;
/** More than this many events that differ only in message within the interval are aggregated. */
const AGGREGATE_MAX_EVENTS = 10;
const AGGREGATE_INTERVAL_MS = 600_000;
const SPAM_BURST = 25;
/** flowcontrol takes qps as a float32. */
const SPAM_QPS = Math.fround(1 / 300);

/** github.com/golang/groupcache/lru: Get and Add make an entry the newest; past the limit the oldest goes. */
class Lru<V> {
  private m = new Map<string, V>();

  get(key: string): V | undefined {
    const v = this.m.get(key);
    if (v !== undefined) {
      this.m.delete(key);
      this.m.set(key, v);
    }
    return v;
  }

  add(key: string, value: V): void {
    this.m.delete(key);
    this.m.set(key, value);
    if (this.m.size > MAX_LRU_CACHE_ENTRIES) this.m.delete(this.m.keys().next().value!);
  }

  save(): [string, V][] {
    return [...this.m];
  }

  load(entries: [string, V][]): void {
    this.m = new Map(entries);
  }
}

/** golang.org/x/time/rate.Limiter as flowcontrol's token bucket uses it; starts full. */
interface TokenBucket {
  tokens: number;
  /** Last time tokens were taken (ms); null before the first. */
  last: number | null;
}

/** rate.Limiter.AllowN(now, 1): refill for the time since the last success, then take one if there is one. */
function tryAccept(b: TokenBucket, now: number): boolean {
  let tokens = SPAM_BURST;
  if (b.last !== null) {
    const elapsed = Math.max(0, now - b.last);
    // tokensFromDuration: whole seconds and the remainder are scaled separately.
    tokens = Math.min(SPAM_BURST, b.tokens + Math.trunc(elapsed / 1000) * SPAM_QPS + ((elapsed % 1000) * 1e6 * SPAM_QPS) / 1e9);
  }
  tokens -= 1;
  if (tokens < 0) return false;
  b.tokens = tokens;
  b.last = now;
  return true;
}

interface AggregateRecord {
  /** The distinct messages seen (sets.String), in insertion order. */
  localKeys: string[];
  lastTimestamp: number;
}

interface EventLog {
  count: number;
  firstTimestamp: number;
  name: string;
}

export interface CorrelatorState {
  spam: [string, TokenBucket][];
  aggregate: [string, AggregateRecord][];
  log: [string, EventLog][];
}

// client-go's keys join source, involvedObject (kind, namespace, name, uid, apiVersion), type,
// reason and message. A correlator serves one source, and a uid names one object, so these keys
// drop what cannot differ: shorter strings to hash, the same grouping.
function objectKey(e: RecordedEvent): string {
  return e.uid || `${e.kind}\u0000${e.namespace}\u0000${e.name}\u0000${e.apiVersion}`;
}

/** getEventKey: identical events. */
function eventKey(e: RecordedEvent, message: string): string {
  return `${objectKey(e)}\u0000${e.fieldPath}\u0000${e.type}\u0000${e.reason}\u0000${message}`;
}

/** EventAggregatorByReasonFunc: similar events (everything but the message). */
function aggregateKey(e: RecordedEvent): string {
  return `${objectKey(e)}\u0000${e.type}\u0000${e.reason}`;
}

export class EventCorrelator {
  private spam = new Lru<TokenBucket>();
  private aggregate = new Lru<AggregateRecord>();
  private log = new Lru<EventLog>();

  /**
   * EventCorrelate: aggregate, count, then filter. `newName` is the name a new Event gets.
   * Returns undefined when the spam filter drops the event.
   */
  correlate(e: RecordedEvent, now: number, newName: string): Correlation | undefined {
    // EventAggregate. Records are updated in place: get() has made them the newest already.
    let message = e.message;
    let key = eventKey(e, message);
    const aggKey = aggregateKey(e);
    let rec = this.aggregate.get(aggKey);
    if (!rec || now - rec.lastTimestamp > AGGREGATE_INTERVAL_MS) this.aggregate.add(aggKey, (rec = { localKeys: [], lastTimestamp: 0 }));
    if (!rec.localKeys.includes(e.message)) rec.localKeys.push(e.message);
    rec.lastTimestamp = now;
    if (rec.localKeys.length >= AGGREGATE_MAX_EVENTS) {
      // PopAny takes an arbitrary member of a Go map; the oldest is taken here, deterministically.
      rec.localKeys.shift();
      message = `(combined from similar events): ${e.message}`;
      key = aggKey;
    }

    // eventObserve
    const last = this.log.get(key);
    let c: Correlation;
    if (last) {
      c = { name: last.name, message, count: last.count + 1, firstTimestamp: last.firstTimestamp, patch: true };
      last.count = c.count;
    } else {
      c = { name: newName, message, count: 1, firstTimestamp: now, patch: false };
      this.log.add(key, { count: 1, firstTimestamp: now, name: newName });
    }

    // EventSourceObjectSpamFilter (getSpamKey: source and object)
    const sk = objectKey(e);
    let bucket = this.spam.get(sk);
    if (!bucket) this.spam.add(sk, (bucket = { tokens: SPAM_BURST, last: null }));
    return tryAccept(bucket, now) ? c : undefined;
  }

  /** UpdateState after a successful write: the written Event, keyed by its own (final) message. */
  updateState(e: RecordedEvent, written: { name: string; message: string; count: number; firstTimestamp: number }): void {
    // Under the event's own message eventObserve has recorded exactly this already.
    if (written.message === e.message) return;
    const key = eventKey(e, written.message);
    const log = this.log.get(key);
    if (log) {
      log.count = written.count;
      log.firstTimestamp = written.firstTimestamp;
      log.name = written.name;
    } else {
      this.log.add(key, { count: written.count, firstTimestamp: written.firstTimestamp, name: written.name });
    }
  }

  save(): CorrelatorState {
    return { spam: this.spam.save(), aggregate: this.aggregate.save(), log: this.log.save() };
  }

  load(s: CorrelatorState): void {
    this.spam.load(s.spam);
    this.aggregate.load(s.aggregate);
    this.log.load(s.log);
  }
}
