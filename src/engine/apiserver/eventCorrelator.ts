// client-go's EventCorrelator (tools/record/events_cache.go), which every core/v1 event recorder
// runs before it writes: similar events are aggregated, identical ones counted, and a source may
// burst 25 events about one object, then one every 5 minutes. Counting happens before the spam
// filter, so a dropped event still raises the count the next written one carries.

import { CorrelatorCache, type CorrelatorCacheState, type EventKeyFields, type TokenBucket } from './correlatorCache';

/**
 * An event as one source's recorder made it, before correlation: the fields its keys are built
 * from. client-go's keys join source, involvedObject (kind, namespace, name, uid, apiVersion), type,
 * reason and message; a correlator serves one source, and a uid names one object, so here the
 * object is its uid (or its kind/namespace/name/apiVersion when it has none: see objectKey).
 */
export interface RecordedEvent extends EventKeyFields {
  message: string;
}

/** The involved object's part of the keys. */
export function objectKey(kind: string, namespace: string, name: string, uid: string, apiVersion: string): string {
  return uid || `${kind}\u0000${namespace}\u0000${name}\u0000${apiVersion}`;
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

/** More than this many events that differ only in message within the interval are aggregated. */
const AGGREGATE_MAX_EVENTS = 10;
const AGGREGATE_INTERVAL_MS = 600_000;
const SPAM_BURST = 25;
/** flowcontrol takes qps as a float32. */
const SPAM_QPS = Math.fround(1 / 300);

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

export type CorrelatorState = CorrelatorCacheState;

export class EventCorrelator {
  private cache = new CorrelatorCache();

  /**
   * EventCorrelate: aggregate, count, then filter. `newName` is the name a new Event gets.
   * Returns undefined when the spam filter drops the event.
   */
  correlate(e: RecordedEvent, now: number, newName: string): Correlation | undefined {
    // EventAggregate (EventAggregatorByReasonFunc: similar events differ only in message).
    // Records are updated in place: the lookup has made them the newest already.
    let rec = this.cache.aggregate(e);
    if (!rec || now - rec.lastTimestamp > AGGREGATE_INTERVAL_MS) this.cache.setAggregate(e, (rec = { localKeys: [], lastTimestamp: 0 }));
    if (!rec.localKeys.includes(e.message)) rec.localKeys.push(e.message);
    rec.lastTimestamp = now;
    let message = e.message;
    /** The log's key: the event's own message, or undefined for the aggregate key. */
    let logMessage: string | undefined = e.message;
    if (rec.localKeys.length >= AGGREGATE_MAX_EVENTS) {
      // PopAny takes an arbitrary member of a Go map; the oldest is taken here, deterministically.
      rec.localKeys.shift();
      message = `(combined from similar events): ${e.message}`;
      logMessage = undefined;
    }

    // eventObserve
    const last = this.cache.log(e, logMessage);
    let c: Correlation;
    if (last) {
      c = { name: last.name, message, count: last.count + 1, firstTimestamp: last.firstTimestamp, patch: true };
      last.count = c.count;
    } else {
      c = { name: newName, message, count: 1, firstTimestamp: now, patch: false };
      this.cache.addLog(e, logMessage, { count: 1, firstTimestamp: now, name: newName });
    }

    // EventSourceObjectSpamFilter (getSpamKey: source and object)
    let bucket = this.cache.spam(e.object);
    if (!bucket) this.cache.addSpam(e.object, (bucket = { tokens: SPAM_BURST, last: null }));
    return tryAccept(bucket, now) ? c : undefined;
  }

  /** UpdateState after a successful write: the written Event, keyed by its own (final) message. */
  updateState(e: RecordedEvent, written: { name: string; message: string; count: number; firstTimestamp: number }): void {
    // Under the event's own message eventObserve has recorded exactly this already.
    if (written.message === e.message) return;
    const log = this.cache.log(e, written.message);
    if (log) {
      log.count = written.count;
      log.firstTimestamp = written.firstTimestamp;
      log.name = written.name;
    } else {
      this.cache.addLog(e, written.message, { count: written.count, firstTimestamp: written.firstTimestamp, name: written.name });
    }
  }

  save(): CorrelatorState {
    return this.cache.save();
  }

  load(s: CorrelatorState): void {
    this.cache = new CorrelatorCache();
    this.cache.load(s);
  }
}
