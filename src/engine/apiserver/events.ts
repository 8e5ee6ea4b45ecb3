// core/v1 Events as client-go's record.EventRecorder writes them: named
// "<object>.<hex unix nanos>", de-duplicated by the EventCorrelator (same source, object,
// type, reason and message bump count and lastTimestamp instead of creating a new Event).
import type { Clock } from '../sim/clock';
import type { KubeObject } from '../api/meta';
import type { ApiServer } from './store';

export type EventType = 'Normal' | 'Warning';

export interface EventSource {
  component: string;
  host?: string;
}

export class EventRecorder {
  /** correlation key -> "namespace/name" of the Event that carries it. */
  private seen = new Map<string, string>();
  private nanoSeq = 0;
  /** BigInt(ms) * 1e6 for the last millisecond an Event was named in (a cache, not state). */
  private baseMs = -1;
  private baseNanos = 0n;

  constructor(
    private readonly api: ApiServer,
    private readonly clock: Clock,
  ) {}

  /** Record an event about `obj`. `fieldPath` names a container, e.g. "spec.containers{web}". */
  record(obj: KubeObject, type: EventType, reason: string, message: string, source: EventSource, fieldPath?: string): void {
    const namespace = obj.metadata.namespace || 'default';
    // Built in its final shape (no delete): Events are the most numerous stored objects.
    const md = obj.metadata;
    const involvedObject: Record<string, unknown> = md.namespace
      ? { kind: obj.kind, namespace: md.namespace, name: md.name, uid: md.uid, apiVersion: obj.apiVersion, resourceVersion: md.resourceVersion }
      : { kind: obj.kind, name: md.name, uid: md.uid, apiVersion: obj.apiVersion, resourceVersion: md.resourceVersion };
    if (fieldPath) involvedObject.fieldPath = fieldPath;
    const key = `${source.component}\u0000${source.host ?? ''}\u0000${obj.kind}\u0000${namespace}\u0000${obj.metadata.name}\u0000${obj.metadata.uid ?? ''}\u0000${fieldPath ?? ''}\u0000${type ?? ''}\u0000${reason ?? ''}\u0000${message ?? ''}`;
    const now = this.clock.timestamp();
    const existing = this.seen.get(key);
    if (existing) {
      const [ns, name] = [existing.slice(0, existing.indexOf('/')), existing.slice(existing.indexOf('/') + 1)];
      const ev = this.api.get('Event', ns, name);
      if (ev) {
        this.api.mutate('Event', ns, name, (d) => {
          d.count = (d.count ?? 1) + 1;
          d.lastTimestamp = now;
        });
        return;
      }
    }
    const ms = this.clock.epochMs + this.clock.now;
    if (ms !== this.baseMs) {
      this.baseMs = ms;
      this.baseNanos = BigInt(ms) * 1_000_000n;
    }
    const nanos = this.baseNanos + BigInt(this.nanoSeq++ % 1_000_000);
    const name = `${obj.metadata.name}.${nanos.toString(16)}`;
    this.api.create({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject,
      reason,
      message,
      source: source.host ? { component: source.component, host: source.host } : { component: source.component },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    }, { owned: true });
    this.seen.set(key, `${namespace}/${name}`);
  }

  save(): unknown {
    return { seen: Object.fromEntries(this.seen), nanoSeq: this.nanoSeq };
  }

  load(s: unknown): void {
    const st = s as { seen: Record<string, string>; nanoSeq: number };
    this.seen = new Map(Object.entries(st.seen ?? {}));
    this.nanoSeq = st.nanoSeq;
  }
}
