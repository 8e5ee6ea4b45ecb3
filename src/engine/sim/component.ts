// What every simulated component (controller, scheduler, kubelet, node lifecycle...) is: it
// starts by subscribing to the API server, and reacts to its own scheduled events. Its private
// state must be plain JSON so the Simulation can snapshot and restore it.
import type { ApiServer } from '../apiserver/store';
import { nsName, type KubeObject } from '../api/meta';
import type { EventRecorder } from '../apiserver/events';
import type { Clock, ScheduledEvent } from './clock';
import type { Random } from './random';
import type { Timings } from './timings';

export interface ComponentContext {
  readonly api: ApiServer;
  readonly clock: Clock;
  readonly events: EventRecorder;
  readonly timings: Timings;
  /** Schedule an event for this component `delayMs` from now. */
  schedule(delayMs: number, key: string, data?: unknown): void;
  /** A named, seeded random stream. */
  random(stream: string): Random;
  /** Look up another component by name (only for read-only explanations, never to drive it). */
  component<T extends Component>(name: string): T | undefined;
}

export interface Component {
  readonly name: string;
  /** Called once, after the store holds the initial objects. */
  start(ctx: ComponentContext): void;
  /** One of this component's scheduled events fired. */
  handle(ev: ScheduledEvent): void;
  saveState(): unknown;
  loadState(state: unknown): void;
}

/**
 * A client-go style workqueue on the virtual clock: keys are de-duplicated, an earlier add wins,
 * and `sync(key)` runs when the key's time comes. Snapshots save the queue as a plain object.
 */
export abstract class Controller implements Component {
  abstract readonly name: string;
  protected ctx!: ComponentContext;
  /** key -> the time it is queued for. */
  protected queued = new Map<string, number>();

  start(ctx: ComponentContext): void {
    this.ctx = ctx;
    this.run();
  }

  /** Register watches and do the initial list; called from start(). */
  protected abstract run(): void;

  /** Reconcile one key (usually "namespace/name"). */
  protected abstract sync(key: string): void;

  /** Queue key after the informer/workqueue latency (or an explicit delay, as AddAfter). */
  enqueue(key: string, delayMs = this.ctx.timings.controllerLatencyMs): void {
    const at = this.ctx.clock.now + Math.max(0, Math.round(delayMs));
    const cur = this.queued.get(key);
    if (cur !== undefined && cur <= at) return;
    this.queued.set(key, at);
    this.ctx.schedule(at - this.ctx.clock.now, key);
  }

  /**
   * cache.MetaNamespaceKeyFunc: "namespace/name" (or "name"). The last key is reused while the
   * object's namespace and name stay the same strings, as they do for the owner of a burst of pod
   * events: the workqueue then hashes one string rather than a new one per event.
   */
  protected metaNamespaceKey(obj: KubeObject): string {
    const md = obj.metadata;
    if (md.name !== this.lastKeyName || md.namespace !== this.lastKeyNamespace) {
      this.lastKeyName = md.name;
      this.lastKeyNamespace = md.namespace;
      this.lastKey = nsName(obj);
    }
    return this.lastKey;
  }
  private lastKeyName: string | undefined;
  private lastKeyNamespace: string | undefined;
  private lastKey = '';

  handle(ev: ScheduledEvent): void {
    if (this.queued.get(ev.key) !== ev.at) return; // superseded by an earlier add
    this.queued.delete(ev.key);
    this.sync(ev.key);
  }

  saveState(): unknown {
    return { queued: Object.fromEntries(this.queued), extra: this.saveExtra() };
  }

  loadState(state: unknown): void {
    const s = state as { queued: Record<string, number>; extra: unknown };
    this.queued = new Map(Object.entries(s.queued));
    this.loadExtra(s.extra);
  }

  /** Controllers with more private state (expectations, back-off) override these. */
  protected saveExtra(): unknown {
    return null;
  }

  protected loadExtra(_state: unknown): void {}
}
