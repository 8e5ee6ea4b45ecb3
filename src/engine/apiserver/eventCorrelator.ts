// client-go's EventCorrelator (tools/record/events_cache.go), which every core/v1 event recorder
// runs before it writes: similar events are aggregated, identical ones counted, and a source may
// burst 25 events about one object, then one every 5 minutes. Counting happens before the spam
// filter, so a dropped event still raises the count the next written one carries.

import { CorrelatorCache, type AggregateRecord, type CorrelatorCacheState, type TokenBucket } from './correlatorCache';

/**
 * An event as one source's recorder made it, before correlation: the fields its keys are built
 * from. client-go's keys join source, involvedObject (kind, namespace, name, uid, apiVersion), type,
 * reason and message; a correlator serves one source, and a uid names one object, so here the
 * object is its uid (or its kind/namespace/name/apiVersion when it has none: see objectKey).
 */
export interface RecordedEvent {
  /** The involved object: its uid, or kind/namespace/name/apiVersion when it has none. */
  object: string;
  fieldPath: string;
  type: string;
  reason: string;
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

/** sets.String.Insert on the record's messages (one message is kept without an array). */
function insertLocalKey(rec: AggregateRecord, message: string): void {
  const keys = rec.localKeys;
  if (typeof keys === 'string') {
    if (keys !== message) rec.localKeys = [keys, message];
  } else if (!keys.includes(message)) {
    keys.push(message);
  }
}

export type CorrelatorState = CorrelatorCacheState;

export class EventCorrelator {
  private cache = new CorrelatorCache();

  /**
   * EventCorrelate: aggregate, count, then filter. `newName` is the name a new Event gets.
   * Returns undefined when the spam filter drops the event.
   */
  correlate(e: RecordedEvent, now: number, newName: string): Correlation | undefined {
    // The object's entries in all three caches, looked up once.
    const o = this.cache.object(e.object);

    // EventAggregate (EventAggregatorByReasonFunc: similar events differ only in message).
    // The record is updated in place: the lookup has made it the newest already.
    let rec = this.cache.aggregate(o, e.type, e.reason);
    if (!rec) rec = this.cache.addAggregate(o, e.type, e.reason, e.message, now);
    else if (now - rec.lastTimestamp > AGGREGATE_INTERVAL_MS) rec.localKeys = e.message;
    else insertLocalKey(rec, e.message);
    rec.lastTimestamp = now;
    let message = e.message;
    /** The log's key: the event's own (fieldPath, message), or the aggregate key ('', undefined). */
    let logFieldPath = e.fieldPath;
    let logMessage: string | undefined = e.message;
    if (typeof rec.localKeys !== 'string' && rec.localKeys.length >= AGGREGATE_MAX_EVENTS) {
      // PopAny takes an arbitrary member of a Go map; the oldest is taken here, deterministically.
      rec.localKeys.shift();
      message = `(combined from similar events): ${e.message}`;
      logFieldPath = '';
      logMessage = undefined;
    }

    // eventObserve
    const last = this.cache.log(o, logFieldPath, e.type, e.reason, logMessage);
    let c: Correlation;
    if (last) {
      c = { name: last.name, message, count: last.count + 1, firstTimestamp: last.firstTimestamp, patch: true };
      last.count = c.count;
    } else {
      c = { name: newName, message, count: 1, firstTimestamp: now, patch: false };
      this.cache.addLog(o, logFieldPath, e.type, e.reason, logMessage, c);
    }

    // EventSourceObjectSpamFilter (getSpamKey: source and object)
    const bucket = this.cache.spam(o) ?? this.cache.addSpam(o, SPAM_BURST, null);
    return tryAccept(bucket, now) ? c : undefined;
  }

  /** UpdateState after a successful write: the written Event, keyed by its own (final) message. */
  updateState(e: RecordedEvent, written: { name: string; message: string; count: number; firstTimestamp: number }): void {
    // Under the event's own message eventObserve has recorded exactly this already.
    if (written.message === e.message) return;
    // Looked up again: writing the Event may have recorded others from this source meanwhile.
    const o = this.cache.object(e.object);
    const log = this.cache.log(o, e.fieldPath, e.type, e.reason, written.message);
    if (log) {
      log.count = written.count;
      log.firstTimestamp = written.firstTimestamp;
      log.name = written.name;
    } else {
      this.cache.addLog(o, e.fieldPath, e.type, e.reason, written.message, written);
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
