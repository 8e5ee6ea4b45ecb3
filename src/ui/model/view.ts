// The UI's copy of the cluster: view rows and events, patched by worker batches.
// Pure TypeScript (no React), so it is tested directly.
import type { Batch, EventRow, ViewRow } from '../../worker/protocol';

/** How many events the stream keeps. */
export const EVENT_LIMIT = 500;

export interface ClusterView {
  rows: Map<string, ViewRow>;
  events: EventRow[];
  t: number;
  horizon: number;
  playing: boolean;
  speed: number;
  /** Bumped on every applied batch (cheap change detection). */
  version: number;
}

export function emptyView(): ClusterView {
  return { rows: new Map(), events: [], t: 0, horizon: 0, playing: false, speed: 1, version: 0 };
}

export function applyBatch(view: ClusterView, b: Batch): ClusterView {
  const rows = b.reset ? new Map<string, ViewRow>() : new Map(view.rows);
  for (const r of b.added) rows.set(r.key, r);
  for (const r of b.updated) rows.set(r.key, r);
  for (const k of b.removed) rows.delete(k);
  let events = b.reset ? [] : view.events;
  if (b.events.length) {
    const incoming = new Set(b.events.map((e) => e.key));
    // A repeated event (count bump) moves to the bottom, as `kubectl get events -w` prints it again.
    events = events.filter((e) => !incoming.has(e.key)).concat(b.events);
    if (events.length > EVENT_LIMIT) events = events.slice(events.length - EVENT_LIMIT);
  }
  return { rows, events, t: b.t, horizon: b.horizon, playing: b.playing, speed: b.speed, version: view.version + 1 };
}

/** Merge consecutive batches that arrived before a frame could render them. */
export function mergeBatches(a: Batch, b: Batch): Batch {
  if (b.reset) return b;
  const added = new Map(a.added.map((r) => [r.key, r]));
  const updated = new Map(a.updated.map((r) => [r.key, r]));
  const removed = new Set(a.removed);
  for (const r of b.added) {
    if (removed.delete(r.key)) updated.set(r.key, r);
    else added.set(r.key, r);
  }
  for (const r of b.updated) {
    if (added.has(r.key)) added.set(r.key, r);
    else updated.set(r.key, r);
  }
  for (const k of b.removed) {
    if (added.delete(k)) continue;
    updated.delete(k);
    removed.add(k);
  }
  const events = new Map(a.events.map((e) => [e.key, e]));
  for (const e of b.events) {
    events.delete(e.key);
    events.set(e.key, e);
  }
  return { ...b, reset: a.reset, added: [...added.values()], updated: [...updated.values()], removed: [...removed], events: [...events.values()] };
}

export function rowsOfKind(view: ClusterView, kind: string): ViewRow[] {
  const out: ViewRow[] = [];
  for (const r of view.rows.values()) if (r.kind === kind) out.push(r);
  return out.sort((a, b) => a.order - b.order);
}
