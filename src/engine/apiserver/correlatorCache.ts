// The EventCorrelator's three caches (client-go's events_cache.go keeps each in a
// groupcache/lru of 4096 entries: spam records, aggregate records, event logs). Entries are kept
// per involved object, so a lookup hashes the object's uid and compares a few short fields rather
// than hashing a long key with the message in it; each cache's eviction order is the LRU's exactly.

export const MAX_LRU_CACHE_ENTRIES = 4096;

/** golang.org/x/time/rate.Limiter as flowcontrol's token bucket uses it. */
export interface TokenBucket {
  tokens: number;
  /** Last time tokens were taken (ms); null before the first. */
  last: number | null;
}

export interface AggregateRecord {
  /** The distinct messages seen (sets.String), in insertion order. */
  localKeys: string[];
  lastTimestamp: number;
}

export interface EventLog {
  count: number;
  firstTimestamp: number;
  name: string;
}

/** What an event's keys are built from, less the source (one correlator serves one source). */
export interface EventKeyFields {
  /** The involved object: its uid, or kind/namespace/name/apiVersion when it has none. */
  object: string;
  fieldPath: string;
  type: string;
  reason: string;
}

interface Entry {
  prev: Entry | null;
  next: Entry | null;
  owner: ObjectRecord;
}

interface SpamEntry extends Entry {
  bucket: TokenBucket;
}

interface AggregateEntry extends Entry {
  type: string;
  reason: string;
  rec: AggregateRecord;
}

/** A log under an event key (fieldPath, type, reason, message) or an aggregate key (type, reason). */
interface LogEntry extends Entry {
  aggregate: boolean;
  fieldPath: string;
  type: string;
  reason: string;
  message: string;
  log: EventLog;
}

interface ObjectRecord {
  key: string;
  spam: SpamEntry | null;
  aggregates: AggregateEntry[];
  logs: LogEntry[];
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

export interface CorrelatorCacheState {
  spam: [string, TokenBucket][];
  aggregate: [string, string, string, AggregateRecord][];
  log: [string, boolean, string, string, string, string, EventLog][];
}

export class CorrelatorCache {
  private objects = new Map<string, ObjectRecord>();
  private spamList = new RecencyList<SpamEntry>((e) => {
    e.owner.spam = null;
    this.release(e.owner);
  });
  private aggregateList = new RecencyList<AggregateEntry>((e) => {
    e.owner.aggregates.splice(e.owner.aggregates.indexOf(e), 1);
    this.release(e.owner);
  });
  private logList = new RecencyList<LogEntry>((e) => {
    e.owner.logs.splice(e.owner.logs.indexOf(e), 1);
    this.release(e.owner);
  });

  spam(object: string): TokenBucket | undefined {
    const e = this.objects.get(object)?.spam;
    if (!e) return undefined;
    this.spamList.touch(e);
    return e.bucket;
  }

  addSpam(object: string, bucket: TokenBucket): void {
    const owner = this.record(object);
    const e: SpamEntry = { prev: null, next: null, owner, bucket };
    owner.spam = e;
    this.spamList.insert(e);
  }

  aggregate(k: EventKeyFields): AggregateRecord | undefined {
    const e = this.findAggregate(k);
    if (!e) return undefined;
    this.aggregateList.touch(e);
    return e.rec;
  }

  /** Add, or replace (the entry is already the newest after aggregate()). */
  setAggregate(k: EventKeyFields, rec: AggregateRecord): void {
    const found = this.findAggregate(k);
    if (found) {
      found.rec = rec;
      this.aggregateList.touch(found);
      return;
    }
    const owner = this.record(k.object);
    const e: AggregateEntry = { prev: null, next: null, owner, type: k.type, reason: k.reason, rec };
    owner.aggregates.push(e);
    this.aggregateList.insert(e);
  }

  /** The log under an event key (message given) or under the aggregate key (message undefined). */
  log(k: EventKeyFields, message: string | undefined): EventLog | undefined {
    const e = this.findLog(k, message);
    if (!e) return undefined;
    this.logList.touch(e);
    return e.log;
  }

  addLog(k: EventKeyFields, message: string | undefined, log: EventLog): void {
    const owner = this.record(k.object);
    const e: LogEntry = {
      prev: null,
      next: null,
      owner,
      aggregate: message === undefined,
      fieldPath: message === undefined ? '' : k.fieldPath,
      type: k.type,
      reason: k.reason,
      message: message ?? '',
      log,
    };
    owner.logs.push(e);
    this.logList.insert(e);
  }

  save(): CorrelatorCacheState {
    return {
      spam: this.spamList.entries().map((e) => [e.owner.key, { ...e.bucket }]),
      aggregate: this.aggregateList.entries().map((e) => [e.owner.key, e.type, e.reason, { localKeys: [...e.rec.localKeys], lastTimestamp: e.rec.lastTimestamp }]),
      log: this.logList.entries().map((e) => [e.owner.key, e.aggregate, e.fieldPath, e.type, e.reason, e.message, { ...e.log }]),
    };
  }

  load(s: CorrelatorCacheState): void {
    for (const [object, bucket] of s.spam) this.addSpam(object, { ...bucket });
    for (const [object, type, reason, rec] of s.aggregate) {
      this.setAggregate({ object, fieldPath: '', type, reason }, { localKeys: [...rec.localKeys], lastTimestamp: rec.lastTimestamp });
    }
    for (const [object, aggregate, fieldPath, type, reason, message, log] of s.log) {
      this.addLog({ object, fieldPath, type, reason }, aggregate ? undefined : message, { ...log });
    }
  }

  private findAggregate(k: EventKeyFields): AggregateEntry | undefined {
    const o = this.objects.get(k.object);
    if (!o) return undefined;
    for (const e of o.aggregates) if (e.reason === k.reason && e.type === k.type) return e;
    return undefined;
  }

  private findLog(k: EventKeyFields, message: string | undefined): LogEntry | undefined {
    const o = this.objects.get(k.object);
    if (!o) return undefined;
    if (message === undefined) {
      for (const e of o.logs) if (e.aggregate && e.reason === k.reason && e.type === k.type) return e;
    } else {
      for (const e of o.logs) {
        if (!e.aggregate && e.reason === k.reason && e.message === message && e.type === k.type && e.fieldPath === k.fieldPath) return e;
      }
    }
    return undefined;
  }

  private record(object: string): ObjectRecord {
    let o = this.objects.get(object);
    if (!o) this.objects.set(object, (o = { key: object, spam: null, aggregates: [], logs: [] }));
    return o;
  }

  private release(o: ObjectRecord): void {
    if (!o.spam && !o.aggregates.length && !o.logs.length) this.objects.delete(o.key);
  }
}
