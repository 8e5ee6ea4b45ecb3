// core/v1 Events as client-go's record.EventRecorder writes them: named
// "<object>.<hex unix nanos>", passed through each source's EventCorrelator (eventCorrelator.ts),
// which aggregates similar events, counts identical ones and drops a source's spam.
import type { Clock } from '../sim/clock';
import type { KubeObject } from '../api/meta';
import type { ApiServer } from './store';
import { EventCorrelator, objectKey, type CorrelatorState, type RecordedEvent } from './eventCorrelator';

export type EventType = 'Normal' | 'Warning';

export interface EventSource {
  component: string;
  host?: string;
}

export class EventRecorder {
  /** component -> host -> correlator: each source (every kubelet, every controller) has its own broadcaster. */
  private correlators = new Map<string, Map<string, EventCorrelator>>();
  private nanoSeq = 0;
  /** BigInt(ms) * 1e6 for the last millisecond an Event was named in (a cache, not state). */
  private baseMs = -1;
  private baseNanos = 0n;

  constructor(
    private readonly api: ApiServer,
    private readonly clock: Clock,
  ) {}

  /**
   * Record an event about `obj`. `fieldPath` names a container, e.g. "spec.containers{web}".
   * Like recordToSink in client-go's tools/record/event.go: correlate, then create or patch.
   */
  record(obj: KubeObject, type: EventType, reason: string, message: string, source: EventSource, fieldPath?: string): void {
    const md = obj.metadata;
    const namespace = md.namespace || 'default';
    const host = source.host ?? '';
    const recorded: RecordedEvent = {
      object: objectKey(obj.kind, md.namespace ?? '', md.name, md.uid ?? '', obj.apiVersion),
      fieldPath: fieldPath ?? '',
      type,
      reason,
      message,
    };
    let byHost = this.correlators.get(source.component);
    if (!byHost) this.correlators.set(source.component, (byHost = new Map()));
    let correlator = byHost.get(host);
    if (!correlator) byHost.set(host, (correlator = new EventCorrelator()));
    const now = this.clock.now;
    const c = correlator.correlate(recorded, now, this.newName(md.name));
    if (!c) return;
    const lastTimestamp = this.clock.timestamp();
    if (c.patch && this.api.get('Event', namespace, c.name)) {
      // The strategic merge patch eventObserve builds: count, lastTimestamp and message.
      const patched = this.api.mutate('Event', namespace, c.name, (d) => {
        d.count = c.count;
        d.lastTimestamp = lastTimestamp;
        d.message = c.message;
      });
      correlator.updateState(recorded, { name: c.name, message: patched.message, count: patched.count, firstTimestamp: c.firstTimestamp });
      return;
    }
    // Built in its final shape (no delete): Events are the most numerous stored objects.
    const involvedObject: Record<string, unknown> = md.namespace
      ? { kind: obj.kind, namespace: md.namespace, name: md.name, uid: md.uid, apiVersion: obj.apiVersion, resourceVersion: md.resourceVersion }
      : { kind: obj.kind, name: md.name, uid: md.uid, apiVersion: obj.apiVersion, resourceVersion: md.resourceVersion };
    if (fieldPath) involvedObject.fieldPath = fieldPath;
    this.api.create({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: c.name, namespace },
      involvedObject,
      reason,
      message: c.message,
      source: source.host ? { component: source.component, host: source.host } : { component: source.component },
      firstTimestamp: this.clock.timestamp(c.firstTimestamp),
      lastTimestamp,
      count: c.count,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: host,
    }, { owned: true });
    correlator.updateState(recorded, c);
  }

  /** "<object>.<hex unix nanos>", as makeEvent names it; unique within a millisecond here. */
  private newName(objectName: string): string {
    const ms = this.clock.epochMs + this.clock.now;
    if (ms !== this.baseMs) {
      this.baseMs = ms;
      this.baseNanos = BigInt(ms) * 1_000_000n;
    }
    return `${objectName}.${(this.baseNanos + BigInt(this.nanoSeq++ % 1_000_000)).toString(16)}`;
  }

  save(): unknown {
    const correlators: [string, string, CorrelatorState][] = [];
    for (const [component, byHost] of this.correlators) for (const [host, c] of byHost) correlators.push([component, host, c.save()]);
    return { correlators, nanoSeq: this.nanoSeq };
  }

  load(s: unknown): void {
    const st = s as { correlators: [string, string, CorrelatorState][]; nanoSeq: number };
    this.correlators = new Map();
    for (const [component, host, cs] of st.correlators ?? []) {
      let byHost = this.correlators.get(component);
      if (!byHost) this.correlators.set(component, (byHost = new Map()));
      const c = new EventCorrelator();
      c.load(cs);
      byHost.set(host, c);
    }
    this.nanoSeq = st.nanoSeq;
  }
}
