// The main thread's side of the worker protocol: sends commands, applies at most one merged
// batch per animation frame, then acknowledges it so the worker sends the next.
import { mergeBatches } from './model/view';
import { unwrap, wrap, type Batch, type Command, type ObjectDetail, type RecordedAction, type Reply } from '../worker/protocol';

/** What the client needs from a Worker (a fake in tests). */
export interface WorkerLike {
  postMessage(data: unknown): void;
  onmessage: ((e: MessageEvent) => void) | null;
  terminate?(): void;
}

export interface ClientHandlers {
  batch(b: Batch): void;
  loaded(r: Extract<Reply, { type: 'loaded' }>): void;
  fatal(message: string): void;
}

type Pending = (r: Reply) => void;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type RequestCommand = DistributiveOmit<Extract<Command, { id: number }>, 'id'>;

export class EngineClient {
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private queued: Batch | null = null;
  private frameRequested = false;
  private lastApplied = -Infinity;
  /**
   * Minimum wall ms between applied batches. The UI sets it from the size of the view: with a
   * thousand pods, redrawing 10 times a second instead of 60 keeps frames short, and the worker
   * keeps merging changes meanwhile (it waits for our ack).
   */
  minIntervalMs = 0;

  constructor(
    private readonly worker: WorkerLike,
    private readonly handlers: ClientHandlers,
    private readonly raf: (cb: () => void) => void = (cb) => requestAnimationFrame(() => cb()),
    private readonly now: () => number = () => performance.now(),
  ) {
    worker.onmessage = (e) => this.receive(e.data);
  }

  send(cmd: Command): void {
    this.worker.postMessage(wrap(cmd));
  }

  request(cmd: RequestCommand): Promise<Reply> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.send({ ...cmd, id } as Command);
    });
  }

  async kubectl(line: string): Promise<{ ok: boolean; stdout: string; stderr: string }> {
    const r = await this.request({ type: 'kubectl', line });
    return r.type === 'result' ? r : { ok: false, stdout: '', stderr: 'no reply' };
  }

  async apply(yaml: string): Promise<Extract<Reply, { type: 'result' }>> {
    const r = await this.request({ type: 'apply', yaml });
    return r.type === 'result' ? r : { type: 'result', id: 0, ok: false, stdout: '', stderr: 'no reply' };
  }

  async get(kind: string, namespace: string, name: string): Promise<ObjectDetail | null> {
    const r = await this.request({ type: 'get', kind, namespace, name });
    return r.type === 'object' ? r.detail : null;
  }

  async actions(): Promise<RecordedAction[]> {
    const r = await this.request({ type: 'actions' });
    return r.type === 'actions' ? r.actions : [];
  }

  private receive(data: unknown): void {
    const msg = unwrap<Reply>(data);
    if (!msg) {
      this.handlers.fatal('The simulation worker speaks another protocol version: reload the page.');
      return;
    }
    switch (msg.type) {
      case 'batch':
        this.queued = this.queued ? mergeBatches(this.queued, msg.batch) : msg.batch;
        if (!this.frameRequested) {
          this.frameRequested = true;
          const wait = this.lastApplied + this.minIntervalMs - this.now();
          if (wait > 0 && !msg.batch.reset) setTimeout(() => this.raf(() => this.frame()), wait);
          else this.raf(() => this.frame());
        }
        return;
      case 'loaded':
        this.handlers.loaded(msg);
        return;
      case 'fatal':
        this.handlers.fatal(msg.message);
        return;
      case 'hello':
        return;
      default: {
        const p = this.pending.get(msg.id);
        if (p) {
          this.pending.delete(msg.id);
          p(msg);
        }
      }
    }
  }

  private frame(): void {
    this.frameRequested = false;
    const b = this.queued;
    this.queued = null;
    this.lastApplied = this.now();
    if (b) this.handlers.batch(b);
    this.send({ type: 'ack' });
  }
}
