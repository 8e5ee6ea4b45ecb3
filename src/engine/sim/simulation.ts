// The Simulation facade: the one object the CLI, the worker and tests drive. It owns the
// virtual clock, the seeded random streams, the API server and the components, and runs the
// discrete-event loop. Nothing here reads the wall clock.
import { ApiServer, DEFAULT_NAMESPACES, type WatchEvent, type StoreState } from '../apiserver/store';
import { EventRecorder } from '../apiserver/events';
import { installAdmission } from '../apiserver/admission/index';
import { clone, type KubeObject } from '../api/meta';
import { Clock, DEFAULT_EPOCH_MS, EventQueue, type EventQueueState, type ScheduledEvent } from './clock';
import { RandomStreams } from './random';
import type { Component, ComponentContext } from './component';
import { DEFAULT_TIMINGS, type Timings } from './timings';
import { defaultCluster } from './cluster';
import { createComponents } from '../components';

export interface SimulationOptions {
  seed?: number;
  /** Node objects; the default cluster when omitted. */
  nodes?: KubeObject[];
  timings?: Partial<Timings>;
  epochMs?: number;
  /** Deep-freeze stored objects so accidental mutation throws (tests). */
  freezeObjects?: boolean;
}

export interface TraceRecord {
  t: number;
  type: WatchEvent['type'];
  object: KubeObject;
}

export interface Snapshot {
  version: 1;
  now: number;
  store: StoreState;
  queue: EventQueueState;
  randoms: Record<string, number[]>;
  events: unknown;
  components: Record<string, unknown>;
}

/** More events than this at one instant means a component loops on itself. */
const MAX_EVENTS_PER_INSTANT = 2_000_000;

export class Simulation {
  readonly seed: number;
  readonly clock: Clock;
  readonly api: ApiServer;
  readonly events: EventRecorder;
  readonly timings: Timings;
  private readonly queue = new EventQueue();
  private readonly randoms: RandomStreams;
  private readonly components = new Map<string, Component>();
  private started = false;

  constructor(opts: SimulationOptions = {}) {
    this.seed = opts.seed ?? 1;
    this.clock = new Clock(opts.epochMs ?? DEFAULT_EPOCH_MS);
    this.randoms = new RandomStreams(this.seed);
    this.timings = { ...DEFAULT_TIMINGS, ...(opts.timings ?? {}) };
    this.api = new ApiServer(this.clock, this.randoms, { freeze: opts.freezeObjects });
    installAdmission(this.api.admission);
    this.events = new EventRecorder(this.api, this.clock);
    for (const ns of DEFAULT_NAMESPACES) {
      this.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });
    }
    for (const n of opts.nodes ?? defaultCluster()) this.api.create(n);
    for (const c of createComponents()) this.components.set(c.name, c);
    this.start();
  }

  get now(): number {
    return this.clock.now;
  }

  // ---- driving time ------------------------------------------------------------------------

  /**
   * Process every event up to and including time t, then set the clock to t. Simulated time is
   * whole milliseconds: a fractional t is rounded down, so workqueue times always match exactly.
   */
  runUntil(t: number): void {
    if (!Number.isFinite(t)) throw new Error(`runUntil needs a finite time, got ${t}`);
    t = Math.floor(t);
    let sameInstant = 0;
    let lastAt = -1;
    for (;;) {
      const next = this.queue.popDue(t);
      if (!next) break;
      if (next.at === lastAt) {
        if (++sameInstant > MAX_EVENTS_PER_INSTANT) throw new Error(`simulation livelock at t=${next.at}ms (${next.target}: ${next.key})`);
      } else {
        sameInstant = 0;
        lastAt = next.at;
      }
      this.clock.now = Math.max(this.clock.now, next.at);
      this.dispatch(next);
    }
    if (t > this.clock.now) this.clock.now = t;
  }

  advance(ms: number): void {
    this.runUntil(this.clock.now + ms);
  }

  /** Process the next event only; returns false when nothing is queued. */
  step(): boolean {
    const next = this.queue.pop();
    if (!next) return false;
    this.clock.now = Math.max(this.clock.now, next.at);
    this.dispatch(next);
    return true;
  }

  /** Time of the next queued event, if any. */
  nextEventAt(): number | undefined {
    return this.queue.peek()?.at;
  }

  // ---- reading and writing objects ---------------------------------------------------------

  get(kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.api.get(kind, namespace, name);
  }

  list(kind: string, namespace?: string): KubeObject[] {
    return this.api.list(kind, namespace === undefined ? {} : { namespace });
  }

  /** Every object in the store, sorted as `kubectl get` would list them. */
  all(): KubeObject[] {
    return sortObjects(this.api.all());
  }

  /** Subscribe to every store change (the trace). */
  onChange(fn: (rec: TraceRecord) => void): () => void {
    return this.api.watch((ev) => fn({ t: this.clock.now, type: ev.type, object: ev.object }));
  }

  component<T extends Component>(name: string): T | undefined {
    return this.components.get(name) as T | undefined;
  }

  /** Schedule an event for a component at an absolute simulated time (scenario steps). */
  scheduleAt(at: number, target: string, key: string, data?: unknown): void {
    this.queue.push(Math.max(Math.round(at), this.clock.now), target, key, data);
  }

  // ---- snapshots ---------------------------------------------------------------------------

  snapshot(): Snapshot {
    const components: Record<string, unknown> = {};
    for (const [name, c] of this.components) components[name] = clone(c.saveState());
    return {
      version: 1,
      now: this.clock.now,
      store: this.api.save(),
      queue: this.queue.save(),
      randoms: this.randoms.save(),
      events: clone(this.events.save()),
      components,
    };
  }

  restore(s: Snapshot): void {
    this.clock.now = s.now;
    this.api.load(s.store);
    this.queue.load(s.queue);
    this.randoms.load(s.randoms);
    this.events.load(clone(s.events));
    for (const [name, c] of this.components) if (name in s.components) c.loadState(clone(s.components[name]));
  }

  // ---- internals ---------------------------------------------------------------------------

  private start(): void {
    if (this.started) return;
    this.started = true;
    for (const c of this.components.values()) c.start(this.contextFor(c.name));
  }

  private contextFor(name: string): ComponentContext {
    return {
      api: this.api,
      clock: this.clock,
      events: this.events,
      timings: this.timings,
      schedule: (delayMs, key, data) => {
        this.queue.push(this.clock.now + Math.max(0, delayMs), name, key, data);
      },
      random: (stream) => this.randoms.get(`${name}/${stream}`),
      component: <T extends Component>(n: string) => this.components.get(n) as T | undefined,
    };
  }

  private dispatch(ev: ScheduledEvent): void {
    const c = this.components.get(ev.target);
    if (!c) throw new Error(`event for unknown component ${ev.target}`);
    c.handle(ev);
  }
}

const KIND_ORDER = ['Namespace', 'Node', 'PriorityClass', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod', 'Service', 'Endpoints', 'EndpointSlice', 'ConfigMap', 'Secret', 'Lease', 'Event'];

export function sortObjects(objs: KubeObject[]): KubeObject[] {
  const rank = (k: string) => {
    const i = KIND_ORDER.indexOf(k);
    return i < 0 ? KIND_ORDER.length - 1 : i;
  };
  return [...objs].sort(
    (a, b) =>
      rank(a.kind) - rank(b.kind) ||
      a.kind.localeCompare(b.kind) ||
      (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') ||
      (a.kind === 'Event' ? (a.firstTimestamp ?? '').localeCompare(b.firstTimestamp ?? '') : 0) ||
      a.metadata.name.localeCompare(b.metadata.name),
  );
}
