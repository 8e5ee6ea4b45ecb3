// The EventCorrelator's three caches (client-go's events_cache.go keeps each in a
// groupcache/lru of 4096 entries: spam records, aggregate records, event logs). Entries are kept
// per involved object, so a lookup hashes the object's uid and compares a few short fields rather
// than hashing a long key with the message in it; each cache's eviction order is the LRU's exactly.
// A kubelet remembers every pod it ran, so there are ~100k entries in a large cluster: each entry
// is one object (its record and its places in the LRU and in the object's chain), not several.

export const MAX_LRU_CACHE_ENTRIES = 4096;

/** golang.org/x/time/rate.Limiter as flowcontrol's token bucket uses it. */
export interface TokenBucket {
  tokens: number;
  /** Last time tokens were taken (ms); null before the first. */
  last: number | null;
}

export interface AggregateRecord {
  /**
   * The distinct messages seen (sets.String), in insertion order. Nearly always there is one: it is
   * kept as is, and an array is made for a second (see insertLocalKey in eventCorrelator.ts).
   */
  localKeys: string | string[];
  lastTimestamp: number;
}

export interface EventLog {
  count: number;
  firstTimestamp: number;
  name: string;
}

interface Entry {
  /** Recency list neighbours (newer, older). */
  prev: Entry | null;
  next: Entry | null;
  owner: ObjectRecord;
  /** The next entry of the same cache for the same object. */
  sibling: Entry | null;
}

interface SpamEntry extends Entry, TokenBucket {}

interface AggregateEntry extends Entry, AggregateRecord {
  sibling: AggregateEntry | null;
  type: string;
  reason: string;
}

/**
 * A log under an event key (fieldPath, type, reason, message) or under an aggregate key
 * (type and reason: fieldPath '' and message undefined).
 */
interface LogEntry extends Entry, EventLog {
  sibling: LogEntry | null;
  fieldPath: string;
  type: string;
  reason: string;
  message: string | undefined;
}

/** One involved object's entries in the three caches. */
export interface ObjectRecord {
  key: string;
  spam: SpamEntry | null;
  /** Chains linked by `sibling`, newest first (keys are unique, so the order does not matter). */
  aggregates: AggregateEntry | null;
  logs: LogEntry | null;
}

/** One LRU's recency list: Get and Add make an entry the newest; past the limit the oldest goes. */
class RecencyList<E extends Entry> {
  private newest: E | null = null;
  private oldest: E | null = null;
  private size = 0;

  constructor(private readonly evict: (e: E) => void) {}

  touch(e: E): void {
    if (this.newest === e) return;
    this.unlink(e);
    this.pushNewest(e);
  }

  insert(e: E): void {
    this.pushNewest(e);
    if (++this.size > MAX_LRU_CACHE_ENTRIES) {
      const o = this.oldest!;
      this.unlink(o);
      this.size--;
      this.evict(o);
    }
  }

  /** Oldest first. */
  entries(): E[] {
    const out: E[] = [];
    for (let e = this.oldest; e; e = e.prev as E | null) out.push(e);
    return out;
  }

  private pushNewest(e: E): void {
    e.next = this.newest;
    e.prev = null;
    if (this.newest) this.newest.prev = e;
    this.newest = e;
    if (!this.oldest) this.oldest = e;
  }

  private unlink(e: E): void {
    if (e.prev) e.prev.next = e.next;
    else this.newest = e.next as E | null;
    if (e.next) e.next.prev = e.prev;
    else this.oldest = e.prev as E | null;
    e.prev = e.next = null;
  }
}

/** Remove `e` from the chain starting at `head`; returns the new head. */
function unchain<E extends Entry>(head: E | null, e: E): E | null {
  if (head === e) return e.sibling as E | null;
  for (let p = head; p; p = p.sibling as E | null) {
    if (p.sibling === e) {
      p.sibling = e.sibling;
      break;
    }
  }
  return head;
}

export interface CorrelatorCacheState {
  spam: [string, TokenBucket][];
  aggregate: [string, string, string, { localKeys: string[]; lastTimestamp: number }][];
  log: [string, boolean, string, string, string, string, EventLog][];
}

export class CorrelatorCache {
  private objects = new Map<string, ObjectRecord>();
  private spamList = new RecencyList<SpamEntry>((e) => {
    e.owner.spam = null;
    this.release(e.owner);
  });
  private aggregateList = new RecencyList<AggregateEntry>((e) => {
    e.owner.aggregates = unchain(e.owner.aggregates, e);
    this.release(e.owner);
  });
  private logList = new RecencyList<LogEntry>((e) => {
    e.owner.logs = unchain(e.owner.logs, e);
    this.release(e.owner);
  });

  /**
   * The involved object's record, created empty if it has none: the caller then adds an entry to it.
   * An eviction releases only a record it leaves empty, never one an entry was just added to.
   */
  object(key: string): ObjectRecord {
    let o = this.objects.get(key);
    if (!o) this.objects.set(key, (o = { key, spam: null, aggregates: null, logs: null }));
    return o;
  }

  spam(o: ObjectRecord): TokenBucket | undefined {
    const e = o.spam;
    if (!e) return undefined;
    this.spamList.touch(e);
    return e;
  }

  addSpam(o: ObjectRecord, tokens: number, last: number | null): TokenBucket {
    const e: SpamEntry = { prev: null, next: null, owner: o, sibling: null, tokens, last };
    o.spam = e;
    this.spamList.insert(e);
    return e;
  }

  /** The record under the aggregate key (type, reason), made the newest; change it in place. */
  aggregate(o: ObjectRecord, type: string, reason: string): AggregateRecord | undefined {
    for (let e = o.aggregates; e; e = e.sibling) {
      if (e.reason === reason && e.type === type) {
        this.aggregateList.touch(e);
        return e;
      }
    }
    return undefined;
  }

  /** Add a record under a key aggregate() did not find. */
  addAggregate(o: ObjectRecord, type: string, reason: string, localKeys: string | string[], lastTimestamp: number): AggregateRecord {
    const e: AggregateEntry = { prev: null, next: null, owner: o, sibling: o.aggregates, type, reason, localKeys, lastTimestamp };
    o.aggregates = e;
    this.aggregateList.insert(e);
    return e;
  }

  /** The log under an event key, or under the aggregate key (fieldPath '', message undefined), made the newest. */
  log(o: ObjectRecord, fieldPath: string, type: string, reason: string, message: string | undefined): EventLog | undefined {
    for (let e = o.logs; e; e = e.sibling) {
      if (e.reason === reason && e.message === message && e.type === type && e.fieldPath === fieldPath) {
        this.logList.touch(e);
        return e;
      }
    }
    return undefined;
  }

  /** Add a log under a key log() did not find. */
  addLog(o: ObjectRecord, fieldPath: string, type: string, reason: string, message: string | undefined, log: EventLog): void {
    const e: LogEntry = {
      prev: null,
      next: null,
      owner: o,
      sibling: o.logs,
      fieldPath,
      type,
      reason,
      message,
      count: log.count,
      firstTimestamp: log.firstTimestamp,
      name: log.name,
    };
    o.logs = e;
    this.logList.insert(e);
  }

  save(): CorrelatorCacheState {
    return {
      spam: this.spamList.entries().map((e) => [e.owner.key, { tokens: e.tokens, last: e.last }]),
      aggregate: this.aggregateList
        .entries()
        .map((e) => [e.owner.key, e.type, e.reason, { localKeys: typeof e.localKeys === 'string' ? [e.localKeys] : [...e.localKeys], lastTimestamp: e.lastTimestamp }]),
      log: this.logList
        .entries()
        .map((e) => [e.owner.key, e.message === undefined, e.fieldPath, e.type, e.reason, e.message ?? '', { count: e.count, firstTimestamp: e.firstTimestamp, name: e.name }]),
    };
  }

  load(s: CorrelatorCacheState): void {
    // Oldest first, each key once: adding them in order rebuilds each LRU.
    for (const [object, bucket] of s.spam) this.addSpam(this.object(object), bucket.tokens, bucket.last);
    for (const [object, type, reason, rec] of s.aggregate) {
      this.addAggregate(this.object(object), type, reason, rec.localKeys.length === 1 ? rec.localKeys[0] : [...rec.localKeys], rec.lastTimestamp);
    }
    for (const [object, aggregate, fieldPath, type, reason, message, log] of s.log) {
      this.addLog(this.object(object), aggregate ? '' : fieldPath, type, reason, aggregate ? undefined : message, log);
    }
  }

  private release(o: ObjectRecord): void {
    if (!o.spam && !o.aggregates && !o.logs) this.objects.delete(o.key);
  }
}
