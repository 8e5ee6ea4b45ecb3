// The scheduling queue (pkg/scheduler/backend/queue/scheduling_queue.go): activeQ ordered by
// PrioritySort (priority, then time queued), backoffQ for pods waiting out their back-off
// (1s doubling to 10s per attempt), and unschedulablePods, which wait for a cluster event that
// one of the plugins that rejected them says may help, or for the 5-minute leftover flush.
// Plain JSON state; the heap is rebuilt from it on restore.

export const POD_INITIAL_BACKOFF_MS = 1_000;
export const POD_MAX_BACKOFF_MS = 10_000;
export const POD_MAX_IN_UNSCHEDULABLE_PODS_DURATION_MS = 5 * 60_000;
export const BACKOFF_FLUSH_PERIOD_MS = 1_000;
export const UNSCHEDULABLE_FLUSH_PERIOD_MS = 30_000;

export type QueueName = 'active' | 'backoff' | 'unschedulable' | 'gated';

export interface QueuedPodInfo {
  key: string;
  uid: string;
  priority: number;
  /** When it was last added to a queue (PrioritySort's tie-break; back-off counts from it). */
  timestamp: number;
  /** Insertion order, a deterministic last tie-break. */
  seq: number;
  attempts: number;
  initialAttemptTimestamp?: number;
  unschedulablePlugins: string[];
  queue: QueueName;
  /** In backoffQ after an error (podErrorBackoffQ): serves its whole back-off. */
  errorBackoff?: boolean;
}

export interface QueueState {
  pods: Record<string, QueuedPodInfo>;
  seq: number;
}

function less(a: QueuedPodInfo, b: QueuedPodInfo): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  if (a.timestamp !== b.timestamp) return a.timestamp < b.timestamp;
  return a.seq < b.seq;
}

export class SchedulingQueue {
  /** Every queued pod by key (a Map: looked up on every pod event). */
  private pods = new Map<string, QueuedPodInfo>();
  private seq = 0;
  /** activeQ as a heap; entries removed from `pods` stay until popped (lazy deletion). */
  private heap: QueuedPodInfo[] = [];
  private activeCount = 0;
  /** Members of the waiting queues (derived; rebuilt on load). */
  private waiting: Record<'backoff' | 'unschedulable' | 'gated', Set<string>> = { backoff: new Set(), unschedulable: new Set(), gated: new Set() };

  private setQueue(p: QueuedPodInfo, q: QueueName): void {
    if (p.queue !== 'active') this.waiting[p.queue].delete(p.key);
    if (q !== 'backoff') delete p.errorBackoff;
    p.queue = q;
    if (q === 'active') this.push(p);
    else this.waiting[q].add(p.key);
  }

  get(key: string): QueuedPodInfo | undefined {
    return this.pods.get(key);
  }

  size(queue?: QueueName): number {
    if (!queue) return this.pods.size;
    return queue === 'active' ? this.activeCount : this.waiting[queue].size;
  }

  hasActive(): boolean {
    return this.activeCount > 0;
  }

  /** Whether pop() would return a pod: activeQ, or (SchedulerPopFromBackoffQ) a backing-off pod. */
  hasWork(): boolean {
    if (this.activeCount > 0) return true;
    for (const k of this.waiting.backoff) if (!this.pods.get(k)!.errorBackoff) return true;
    return false;
  }

  keys(queue: QueueName): string[] {
    if (queue === 'active') return this.heap.filter((p) => this.pods.get(p.key) === p).sort((a, b) => (less(a, b) ? -1 : 1)).map((p) => p.key);
    return this.sorted(queue).map((p) => p.key);
  }

  /** Add a pod that was not queued (new pending pod). Gated pods wait outside activeQ. */
  add(key: string, uid: string, priority: number, now: number, gated: boolean): void {
    const cur = this.pods.get(key);
    if (cur && cur.uid === uid) return;
    if (cur) this.remove(key);
    const p: QueuedPodInfo = { key, uid, priority, timestamp: now, seq: this.seq++, attempts: 0, unschedulablePlugins: [], queue: gated ? 'gated' : 'active' };
    this.pods.set(key, p);
    if (gated) this.waiting.gated.add(key);
    else this.push(p);
  }

  remove(key: string): void {
    const p = this.pods.get(key);
    if (!p) return;
    this.pods.delete(key);
    if (p.queue !== 'active') this.waiting[p.queue].delete(key);
    else this.activeCount--;
  }

  /**
   * The highest-priority pod in activeQ, taken out of the queues until it is re-added. When
   * activeQ is empty, the backoffQ pod whose back-off ends first is taken instead
   * (SchedulerPopFromBackoffQ, beta and on since v1.33; not pods backing off after an error).
   */
  pop(now: number): QueuedPodInfo | undefined {
    const p = this.popHeap() ?? this.popBackoff();
    if (!p) return undefined;
    this.pods.delete(p.key);
    p.attempts++;
    if (p.initialAttemptTimestamp === undefined) p.initialAttemptTimestamp = now;
    return p;
  }

  private popBackoff(): QueuedPodInfo | undefined {
    let best: QueuedPodInfo | undefined;
    for (const k of this.waiting.backoff) {
      const p = this.pods.get(k)!;
      if (p.errorBackoff) continue;
      if (!best) {
        best = p;
        continue;
      }
      const eb = this.backoffExpiration(best);
      const ep = this.backoffExpiration(p);
      if (ep < eb || (ep === eb && less(p, best))) best = p;
    }
    if (best) this.waiting.backoff.delete(best.key);
    return best;
  }

  /** AddUnschedulableIfNotPresent: back to unschedulablePods (or backoffQ after an error). */
  addUnschedulable(p: QueuedPodInfo, plugins: string[], now: number, toBackoff: boolean): void {
    p.errorBackoff = toBackoff || undefined;
    p.unschedulablePlugins = plugins;
    p.timestamp = now;
    p.seq = this.seq++;
    p.queue = toBackoff ? 'backoff' : 'unschedulable';
    this.pods.set(p.key, p);
    this.waiting[p.queue].add(p.key);
  }

  /** The pod's spec changed or its gates were lifted: queue it again right away. */
  activate(key: string, now: number, priority?: number): boolean {
    const p = this.pods.get(key);
    if (!p || p.queue === 'active') return false;
    if (priority !== undefined) p.priority = priority;
    this.move(p, now);
    return true;
  }

  backoffDuration(p: QueuedPodInfo): number {
    let d = POD_INITIAL_BACKOFF_MS;
    for (let i = 1; i < p.attempts; i++) {
      if (d > POD_MAX_BACKOFF_MS - d) return POD_MAX_BACKOFF_MS;
      d += d;
    }
    return d;
  }

  backoffExpiration(p: QueuedPodInfo): number {
    return p.timestamp + this.backoffDuration(p);
  }

  /** Move a waiting pod to backoffQ if it is still backing off, else to activeQ. */
  private move(p: QueuedPodInfo, now: number): void {
    if (p.queue === 'gated' || p.attempts === 0 || this.backoffExpiration(p) <= now) this.setQueue(p, 'active');
    else this.setQueue(p, 'backoff');
  }

  /** MoveAllToActiveOrBackoffQueue for the unschedulable pods `matches` says the event may help. */
  moveForEvent(now: number, matches: (p: QueuedPodInfo) => boolean): number {
    let n = 0;
    for (const p of this.sorted('unschedulable')) {
      if (!matches(p)) continue;
      this.move(p, now);
      n++;
    }
    return n;
  }

  /** flushBackoffQCompleted. */
  flushBackoff(now: number): number {
    let n = 0;
    for (const p of this.sorted('backoff')) {
      if (this.backoffExpiration(p) > now) continue;
      this.setQueue(p, 'active');
      n++;
    }
    return n;
  }

  /** flushUnschedulablePodsLeftover: pods stuck longer than podMaxInUnschedulablePodsDuration. */
  flushUnschedulableLeftover(now: number): number {
    let n = 0;
    for (const p of this.sorted('unschedulable')) {
      if (now - p.timestamp < POD_MAX_IN_UNSCHEDULABLE_PODS_DURATION_MS) continue;
      this.move(p, now);
      n++;
    }
    return n;
  }

  private sorted(q: 'backoff' | 'unschedulable' | 'gated'): QueuedPodInfo[] {
    if (this.waiting[q].size === 0) return [];
    return [...this.waiting[q]].map((k) => this.pods.get(k)!).sort((a, b) => a.seq - b.seq);
  }

  /** Plain data; the caller copies it (the live entries are shared until then). */
  save(): QueueState {
    return { pods: Object.fromEntries(this.pods), seq: this.seq };
  }

  load(s: QueueState): void {
    this.pods = new Map(Object.entries(s.pods));
    this.seq = s.seq;
    this.rebuild();
  }

  private rebuild(): void {
    this.waiting = { backoff: new Set(), unschedulable: new Set(), gated: new Set() };
    for (const p of this.pods.values()) if (p.queue !== 'active') this.waiting[p.queue].add(p.key);
    this.heap = [...this.pods.values()].filter((p) => p.queue === 'active');
    this.activeCount = this.heap.length;
    for (let i = (this.heap.length >> 1) - 1; i >= 0; i--) this.down(i);
  }

  private push(p: QueuedPodInfo): void {
    const h = this.heap;
    this.activeCount++;
    h.push(p);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!less(h[i], h[parent])) break;
      const t = h[i];
      h[i] = h[parent];
      h[parent] = t;
      i = parent;
    }
  }

  private popHeap(): QueuedPodInfo | undefined {
    const h = this.heap;
    while (h.length > 0) {
      const top = h[0];
      const last = h.pop()!;
      if (h.length > 0) {
        h[0] = last;
        this.down(0);
      }
      if (this.pods.get(top.key) === top && top.queue === 'active') {
        this.activeCount--;
        return top;
      }
    }
    return undefined;
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && less(h[l], h[m])) m = l;
      if (r < h.length && less(h[r], h[m])) m = r;
      if (m === i) return;
      const t = h[i];
      h[i] = h[m];
      h[m] = t;
      i = m;
    }
  }
}
