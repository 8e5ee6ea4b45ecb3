// The engine session the worker runs: one Simulation driven on wall-clock ticks at a speed,
// snapshots every few simulated seconds for rewinding, a timeline of scripted steps and live
// user actions (replayed after a rewind), and row diffs batched for the UI.
// Pure TypeScript with injected time, so it runs (and is tested) in Node too.
import type { Simulation, Snapshot } from '../engine/sim/simulation';
import type { KubeObject } from '../engine/api/meta';
import { appAction, applyText, explainPodTable, loadScenario, nodeAction, POD_ACTION_DONE, runKubectl, withoutScenarioDocs, type ScenarioStep } from './engine';
import { rowKey, sameRow, toEventRow, toRow } from './rows';
import { clampSpeed, type AppAction, type Batch, type Diagnostic, type EventRow, type NodeAction, type ObjectDetail, type RecordedAction, type ViewRow } from './protocol';

/** Step never runs further than this (simulated ms) looking for a visible change. */
const STEP_LIMIT_MS = 300_000;
/** Simulated ms between rewind snapshots. */
export const SNAPSHOT_INTERVAL_MS = 10_000;
/** At most this many snapshots are kept; older ones are thinned (every other dropped). */
const MAX_SNAPSHOTS = 240;
/** ... and at most this many stored objects across all snapshots (memory: a big cluster thins sooner). */
const MAX_SNAPSHOT_OBJECTS = 250_000;
/** Past this many objects a browser tab slows to a crawl and then runs out of memory: pause instead. */
export const MAX_LIVE_OBJECTS = 20_000;
/** Events kept for the stream and the inspector. */
const MAX_EVENTS = 2000;

interface TimelineEntry {
  action: RecordedAction;
  /** A user's live change (true) or a scenario step of a loader that does not run steps itself. */
  recorded: boolean;
}

interface SavedPoint {
  t: number;
  snap: Snapshot;
  applied: number;
  probe: Record<string, [number, string]>;
}

export interface ActionResult {
  ok: boolean;
  stdout: string;
  stderr: string;
  diagnostics?: Diagnostic[];
}

export class Session {
  sim!: Simulation;
  seed = 1;
  playing = false;
  speed = 1;
  horizon = 0;
  scenarioName?: string;
  private timeline: TimelineEntry[] = [];
  private applied = 0;
  private snapshots: SavedPoint[] = [];
  private nextSnapshotAt = 0;
  private sent = new Map<string, ViewRow>();
  private order = new Map<string, number>();
  private orderSeq = 0;
  private dirty = new Set<string>();
  private reset = true;
  private newEvents = new Map<string, EventRow>();
  private eventLog: EventRow[] = [];
  /** pod key -> [simulated ms of the last Unhealthy event, probe kind]. */
  private probe: Record<string, [number, string]> = {};
  private unsubscribe?: () => void;

  load(yaml: string, opts: { seed?: number; file?: string } = {}): { ok: boolean; diagnostics: Diagnostic[] } {
    this.unsubscribe?.();
    const loaded = loadScenario(yaml, { file: opts.file ?? 'scenario.yaml', seed: opts.seed });
    this.sim = loaded.sim;
    this.seed = loaded.sim.seed;
    this.scenarioName = loaded.scenario?.name;
    this.timeline = [];
    this.applied = 0;
    // A loader with a 'scenario' component runs steps as simulation events; otherwise we do.
    if (!this.sim.component('scenario')) {
      for (const s of loaded.scenario?.steps ?? []) {
        const a = stepAction(s);
        if (a) this.timeline.push({ action: a, recorded: false });
      }
      this.timeline.sort((a, b) => a.action.at - b.action.at);
    }
    this.snapshots = [];
    this.nextSnapshotAt = 0;
    this.horizon = 0;
    this.sent.clear();
    this.order.clear();
    this.orderSeq = 0;
    this.eventLog = [];
    this.newEvents.clear();
    this.probe = {};
    this.reset = true;
    this.unsubscribe = this.sim.onChange((rec) => this.observe(rec.object, rec.type === 'DELETED'));
    for (const o of this.sim.all()) this.observe(o, false);
    this.takeSnapshotIfDue();
    const ok = !loaded.diagnostics.some((d) => d.severity === 'error');
    return { ok, diagnostics: loaded.diagnostics };
  }

  get now(): number {
    return this.sim.now;
  }

  /** Recorded live actions (for a shared link's scenario steps). */
  recordedActions(): RecordedAction[] {
    return this.timeline.slice(0, this.applied).filter((e) => e.recorded).map((e) => e.action);
  }

  setSpeed(s: number): void {
    this.speed = clampSpeed(s);
  }

  /**
   * Advance by wall-clock `wallMs` at the current speed, spending at most `budgetMs` of wall
   * time (measured with `wallNow`); a slow frame lets simulated time lag instead of stalling.
   */
  tick(wallMs: number, wallNow: () => number = () => 0, budgetMs = 12): void {
    if (!this.playing) return;
    // Simulated time is integer ms (controllers compare event times exactly): carry the fraction.
    const exact = Math.max(0, wallMs) * this.speed + this.carry;
    const whole = Math.floor(exact);
    this.carry = exact - whole;
    this.runTo(this.sim.now + whole, wallNow, budgetMs);
    if (this.sim.api.objectCount > MAX_LIVE_OBJECTS) {
      this.playing = false;
      this.notice =
        `Paused at ${(this.sim.now / 1000).toFixed(1)}s: the cluster holds more than ${MAX_LIVE_OBJECTS.toLocaleString('en-US')} objects, ` +
        `kubeplay's limit in the browser. Lower a replicas count and Apply, or rewind.`;
    }
  }

  /** A message for the user that rides on the next batch (e.g. why the simulation paused). */
  private notice: string | undefined;

  private carry = 0;

  /**
   * Jump to the next moment something visible happens: run instant by instant until a drawn
   * object changes or an Event is recorded (controllers' silent syncs do not count), at most
   * STEP_LIMIT_MS of simulated time.
   */
  step(): void {
    const limit = this.sim.now + STEP_LIMIT_MS;
    const visible = () => this.newEvents.size > 0 || [...this.dirty].some((k) => this.changedRow(k));
    while (this.sim.now < limit) {
      const next = this.sim.nextEventAt();
      const action = this.timeline[this.applied]?.action.at;
      const candidates = [next, action].filter((x): x is number => x !== undefined);
      if (!candidates.length) return;
      this.runTo(Math.min(limit, Math.max(this.sim.now, Math.min(...candidates))), () => 0, Infinity);
      if (visible()) return;
    }
  }

  /** Would flush() send this key (its row differs from the last one sent)? */
  private changedRow(key: string): boolean {
    const [kind, ns, name] = splitKey(key);
    const o = this.sim.get(kind, ns || undefined, name);
    const row = o ? this.rowOf(o) : null;
    const prev = this.sent.get(key);
    return row ? !prev || !sameRow(prev, row) : !!prev;
  }

  /** Rewind or fast-forward to simulated time t (restore the nearest snapshot, then replay). */
  seek(t: number): void {
    t = Math.max(0, Math.round(t));
    if (t < this.sim.now) {
      let best: SavedPoint | undefined;
      for (const s of this.snapshots) if (s.t <= t && (!best || s.t >= best.t)) best = s;
      if (!best) return;
      this.sim.restore(best.snap);
      this.applied = best.applied;
      this.probe = { ...best.probe };
      this.nextSnapshotAt = best.t + SNAPSHOT_INTERVAL_MS;
      this.reset = true;
      this.newEvents.clear();
      this.eventLog = [];
      this.sent.clear();
    }
    this.runTo(t, () => 0, Infinity);
    if (this.reset) this.eventLog = this.collectEvents();
  }

  apply(yaml: string): ActionResult {
    // The Scenario document is not a Kubernetes object: it is blanked (positions stay the same).
    const blanked = withoutScenarioDocs(yaml);
    const compact = blanked.replace(/^[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').replace(/^\s+/, '');
    return this.act({ at: this.sim.now, kind: 'apply', yaml: blanked }, { at: this.sim.now, kind: 'apply', yaml: compact });
  }

  kubectl(line: string): ActionResult {
    const trimmed = line.trim().replace(/^kubectl\s+/, '');
    // Read-only verbs are not recorded: they change nothing a replay needs.
    if (/^(get|describe|explain|logs|top|version|api-resources|rollout\s+(status|history)|events|cluster-info)\b/.test(trimmed)) {
      const r = runKubectl(this.sim, trimmed);
      return { ok: r.exitCode === 0, stdout: r.stdout, stderr: r.stderr };
    }
    return this.act({ at: this.sim.now, kind: 'kubectl', line: trimmed });
  }

  node(name: string, action: NodeAction): ActionResult {
    return this.act({ at: this.sim.now, kind: 'node', name, action });
  }

  app(namespace: string, name: string, action: AppAction): ActionResult {
    return this.act({ at: this.sim.now, kind: 'app', namespace, name, action });
  }

  /** The whole object and its events, for the inspector. */
  detail(kind: string, namespace: string, name: string): ObjectDetail | null {
    const o = this.sim.get(kind, namespace || undefined, name);
    if (!o) return null;
    const events = this.eventLog.filter((e) => e.objectKind === kind && e.objectName === name && (e.namespace === namespace || !namespace));
    let describe: string | undefined;
    try {
      const r = runKubectl(this.sim, ['describe', kind.toLowerCase(), name, ...(namespace ? ['-n', namespace] : [])]);
      if (r.exitCode === 0 && r.stdout) describe = r.stdout;
    } catch {
      describe = undefined;
    }
    let explain: string | undefined;
    if (kind === 'Pod' && !o.spec?.nodeName) {
      try {
        explain = explainPodTable(this.sim, namespace, name);
      } catch {
        explain = undefined;
      }
    }
    return { object: o, events, describe, explain };
  }

  /** Changes since the last call, or null when nothing changed. */
  flush(): Batch | null {
    const added: ViewRow[] = [];
    const updated: ViewRow[] = [];
    const removed: string[] = [];
    const reset = this.reset;
    if (reset) {
      this.sent.clear();
      for (const o of this.sim.all()) this.dirty.add(rowKey(o.kind, o.metadata.namespace, o.metadata.name));
    }
    const controls = `${this.playing}|${this.speed}|${this.horizon}`;
    const notice = this.notice;
    if (!reset && !notice && this.dirty.size === 0 && this.newEvents.size === 0 && !this.timeMoved && controls === this.sentControls) return null;
    this.notice = undefined;
    this.sentControls = controls;
    for (const key of this.dirty) {
      const [kind, ns, name] = splitKey(key);
      const o = this.sim.get(kind, ns || undefined, name);
      const row = o ? this.rowOf(o) : null;
      const prev = this.sent.get(key);
      if (!row) {
        if (prev) {
          removed.push(key);
          this.sent.delete(key);
        }
        continue;
      }
      if (!prev) added.push(row);
      else if (!sameRow(prev, row)) updated.push(row);
      else continue;
      this.sent.set(key, row);
    }
    this.dirty.clear();
    added.sort((a, b) => a.order - b.order);
    const events = reset ? this.eventLog.slice(-500) : [...this.newEvents.values()];
    this.newEvents.clear();
    this.reset = false;
    this.timeMoved = false;
    return { t: this.sim.now, reset: reset || undefined, added, updated, removed, events, horizon: this.horizon, playing: this.playing, speed: this.speed, notice };
  }

  private timeMoved = true;
  /** play state, speed and horizon as last sent, so a pause alone still produces a batch. */
  private sentControls = '';

  private act(action: RecordedAction, record: RecordedAction = action): ActionResult {
    // A change after a rewind forks the timeline: the recorded future is discarded.
    this.timeline = this.timeline.filter((e, i) => i < this.applied || !e.recorded);
    this.snapshots = this.snapshots.filter((s) => s.t <= this.sim.now);
    this.horizon = this.sim.now;
    this.nextSnapshotAt = Math.max(...this.snapshots.map((s) => s.t), -Infinity) + SNAPSHOT_INTERVAL_MS;
    const res = this.perform(action);
    // A change that failed entirely changed nothing: it is not part of the timeline.
    if (res.ok || (action.kind === 'apply' && res.stdout)) {
      this.timeline.splice(this.applied, 0, { action: record, recorded: true });
      this.applied++;
    }
    return res;
  }

  private perform(a: RecordedAction): ActionResult {
    try {
      if (a.kind === 'apply') {
        const r = applyText(this.sim, a.yaml);
        const errs = r.diagnostics.filter((d) => d.severity === 'error');
        return { ok: errs.length === 0 && r.messages.length > 0, stdout: r.messages.map((m) => m + '\n').join(''), stderr: errs.map((d) => `${d.line}:${d.column}: ${d.message}\n`).join(''), diagnostics: r.diagnostics };
      }
      if (a.kind === 'kubectl') {
        const r = runKubectl(this.sim, a.line);
        return { ok: r.exitCode === 0, stdout: r.stdout, stderr: r.stderr };
      }
      if (a.kind === 'app') {
        const err = appAction(this.sim, a.namespace, a.name, a.action);
        return err ? { ok: false, stdout: '', stderr: err + '\n' } : { ok: true, stdout: `pod/${a.name} ${POD_ACTION_DONE[a.action]}\n`, stderr: '' };
      }
      const err = nodeAction(this.sim, a.name, a.action);
      return err ? { ok: false, stdout: '', stderr: err + '\n' } : { ok: true, stdout: `node/${a.name} ${a.action === 'stop' ? 'stopped' : 'started'}\n`, stderr: '' };
    } catch (e) {
      return { ok: false, stdout: '', stderr: `error: ${(e as Error).message}\n` };
    }
  }

  private runTo(target: number, wallNow: () => number, budgetMs: number): void {
    target = Math.round(target);
    const start = wallNow();
    const sim = this.sim;
    for (;;) {
      const pending = this.timeline[this.applied];
      const stopAt = Math.min(target, this.nextSnapshotAt, pending ? pending.action.at : Infinity);
      let next = sim.nextEventAt();
      while (next !== undefined && next <= stopAt) {
        sim.step();
        if (wallNow() - start > budgetMs) {
          this.advanced();
          return;
        }
        next = sim.nextEventAt();
      }
      sim.runUntil(stopAt);
      if (pending && pending.action.at <= sim.now) {
        this.perform(pending.action);
        this.applied++;
      }
      this.takeSnapshotIfDue();
      if (sim.now >= target && !(this.timeline[this.applied] && this.timeline[this.applied].action.at <= target)) break;
    }
    this.advanced();
  }

  private advanced(): void {
    this.timeMoved = true;
    if (this.sim.now > this.horizon) this.horizon = this.sim.now;
  }

  private takeSnapshotIfDue(): void {
    if (this.sim.now < this.nextSnapshotAt) return;
    if (!this.snapshots.some((s) => s.t === this.sim.now)) {
      this.snapshots.push({ t: this.sim.now, snap: this.sim.snapshot(), applied: this.applied, probe: { ...this.probe } });
      const objects = () => this.snapshots.reduce((n, s) => n + s.snap.store.objects.length, 0);
      // Thinning keeps the first snapshot and the latest one, so a rewind always has a start point.
      while (this.snapshots.length > 2 && (this.snapshots.length > MAX_SNAPSHOTS || objects() > MAX_SNAPSHOT_OBJECTS)) {
        const last = this.snapshots.length - 1;
        this.snapshots = this.snapshots.filter((_, i) => i === 0 || i === last || i % 2 === 1);
      }
    }
    this.nextSnapshotAt = this.sim.now + SNAPSHOT_INTERVAL_MS - (this.sim.now % SNAPSHOT_INTERVAL_MS);
  }

  private observe(o: KubeObject, deleted: boolean): void {
    const key = rowKey(o.kind, o.metadata.namespace, o.metadata.name);
    if (o.kind === 'Event') {
      if (deleted) return;
      const row = toEventRow(o, (ts) => this.sim.clock.parse(ts));
      this.newEvents.set(row.key, row);
      const i = this.eventLog.findIndex((e) => e.key === row.key);
      if (i >= 0) this.eventLog.splice(i, 1);
      this.eventLog.push(row);
      if (this.eventLog.length > MAX_EVENTS) this.eventLog.splice(0, this.eventLog.length - MAX_EVENTS);
      if (row.reason === 'Unhealthy' && row.objectKind === 'Pod') {
        const pk = rowKey('Pod', row.namespace, row.objectName);
        const kind = /^(\w+) probe/.exec(row.message)?.[1] ?? 'Probe';
        this.probe[pk] = [row.t, kind];
        this.dirty.add(pk);
      }
      return;
    }
    if (!this.order.has(key) && !deleted) this.order.set(key, ++this.orderSeq);
    if (deleted) this.order.delete(key);
    this.dirty.add(key);
  }

  private rowOf(o: KubeObject): ViewRow | null {
    const key = rowKey(o.kind, o.metadata.namespace, o.metadata.name);
    let order = this.order.get(key);
    if (order === undefined) {
      order = ++this.orderSeq;
      this.order.set(key, order);
    }
    const row = toRow(o, order);
    if (row && o.kind === 'Pod') {
      const p = this.probe[key];
      if (p) {
        row.probeFailedAt = p[0];
        row.probeKind = p[1];
      }
    }
    return row;
  }

  private collectEvents(): EventRow[] {
    const rows = this.sim.list('Event').map((e) => toEventRow(e, (ts) => this.sim.clock.parse(ts)));
    rows.sort((a, b) => a.t - b.t);
    return rows.slice(-MAX_EVENTS);
  }
}

function splitKey(key: string): [string, string, string] {
  const a = key.indexOf('/');
  const b = key.indexOf('/', a + 1);
  return [key.slice(0, a), key.slice(a + 1, b), key.slice(b + 1)];
}

function stepAction(s: ScenarioStep): RecordedAction | null {
  if (s.kubectl) return { at: s.at, kind: 'kubectl', line: s.kubectl.replace(/^kubectl\s+/, '') };
  if (s.apply) return { at: s.at, kind: 'apply', yaml: s.apply };
  if (s.node) return { at: s.at, kind: 'node', name: s.node.name, action: s.node.action };
  if (s.pod) return { at: s.at, kind: 'app', namespace: s.pod.namespace, name: s.pod.name, action: s.pod.action };
  return null;
}
