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
  private correlators = new Map<string, Map<string, SourceRecorder>>();
  private nanoSeq = 0;
  // The last millisecond an Event was named in, as unix nanos split at bit 20 (a cache, not state):
  // the hex digits above the low 20 bits (and of that plus one, for a carry), and the low 20 bits.
  private baseMs = -1;
  private nanosHigh = '';
  private nanosHighCarried = '';
  private nanosLow = 0;

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
    const recorded: RecordedEvent = {
      object: objectKey(obj.kind, md.namespace ?? '', md.name, md.uid ?? '', obj.apiVersion),
      fieldPath: fieldPath ?? '',
      type,
      reason,
      message,
    };
    const s = this.sourceRecorder(source);
    const now = this.clock.now;
    const c = s.correlator.correlate(recorded, now, this.newName(md.name));
    if (!c) return;
    const lastTimestamp = this.clock.timestamp();
    if (c.patch && this.api.get('Event', namespace, c.name)) {
      // The strategic merge patch eventObserve builds: count, lastTimestamp and message.
      const patched = this.api.mutate('Event', namespace, c.name, (d) => {
        d.count = c.count;
        d.lastTimestamp = lastTimestamp;
        d.message = c.message;
      });
      s.correlator.updateState(recorded, { name: c.name, message: patched.message, count: patched.count, firstTimestamp: c.firstTimestamp });
      return;
    }
    // Built in its final shape: Events are the most numerous stored objects.
    this.api.create({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: c.name, namespace },
      involvedObject: involvedObject(obj, fieldPath),
      reason,
      message: c.message,
      source: s.source,
      firstTimestamp: c.firstTimestamp === now ? lastTimestamp : this.clock.timestamp(c.firstTimestamp),
      lastTimestamp,
      count: c.count,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    }, { owned: true });
    s.correlator.updateState(recorded, c);
  }

  private sourceRecorder(source: EventSource): SourceRecorder {
    let byHost = this.correlators.get(source.component);
    if (!byHost) this.correlators.set(source.component, (byHost = new Map()));
    const host = source.host ?? '';
    let s = byHost.get(host);
    if (!s) byHost.set(host, (s = new SourceRecorder(source.component, host)));
    return s;
  }

  /** "<object>.<hex unix nanos>", as makeEvent names it; unique within a millisecond here. */
  private newName(objectName: string): string {
    const ms = this.clock.epochMs + this.clock.now;
    const seq = this.nanoSeq++ % 1_000_000;
    // Under 2 ms past the epoch the nanos have no digits above the low 20 bits.
    if (ms < 2) return `${objectName}.${(BigInt(ms) * 1_000_000n + BigInt(seq)).toString(16)}`;
    if (ms !== this.baseMs) {
      const nanos = BigInt(ms) * 1_000_000n;
      this.baseMs = ms;
      this.nanosHigh = (nanos >> 20n).toString(16);
      this.nanosHighCarried = ((nanos >> 20n) + 1n).toString(16);
      this.nanosLow = Number(nanos & 0xfffffn);
    }
    // seq < 2^20, so the sum carries at most one into the high digits.
    const low = this.nanosLow + seq;
    const high = low < 0x100000 ? this.nanosHigh : this.nanosHighCarried;
    // join builds one flat string; a template literal would keep a tree of four strings alive per Event.
    return [objectName, '.', high, (low & 0xfffff).toString(16).padStart(5, '0')].join('');
  }

  save(): unknown {
    const correlators: [string, string, CorrelatorState][] = [];
    for (const [component, byHost] of this.correlators) for (const [host, s] of byHost) correlators.push([component, host, s.correlator.save()]);
    return { correlators, nanoSeq: this.nanoSeq };
  }

  load(s: unknown): void {
    const st = s as { correlators: [string, string, CorrelatorState][]; nanoSeq: number };
    this.correlators = new Map();
    for (const [component, host, cs] of st.correlators ?? []) {
      let byHost = this.correlators.get(component);
      if (!byHost) this.correlators.set(component, (byHost = new Map()));
      const s = new SourceRecorder(component, host);
      s.correlator.load(cs);
      byHost.set(host, s);
    }
    this.nanoSeq = st.nanoSeq;
  }
}

/** One source's broadcaster: its correlator, and the Event source every Event it writes carries. */
class SourceRecorder {
  readonly correlator = new EventCorrelator();
  /** Shared by its Events: stored objects are never mutated. */
  readonly source: EventSource;

  constructor(component: string, host: string) {
    this.source = host ? { component, host } : { component };
  }
}

/** ObjectReference (GetReference) to the involved object, with the container's fieldPath if any. */
function involvedObject(obj: KubeObject, fieldPath: string | undefined): Record<string, unknown> {
  const md = obj.metadata;
  const { kind, apiVersion } = obj;
  if (md.namespace) {
    return fieldPath
      ? { kind, namespace: md.namespace, name: md.name, uid: md.uid, apiVersion, resourceVersion: md.resourceVersion, fieldPath }
      : { kind, namespace: md.namespace, name: md.name, uid: md.uid, apiVersion, resourceVersion: md.resourceVersion };
  }
  return fieldPath
    ? { kind, name: md.name, uid: md.uid, apiVersion, resourceVersion: md.resourceVersion, fieldPath }
    : { kind, name: md.name, uid: md.uid, apiVersion, resourceVersion: md.resourceVersion };
}
