import { describe, expect, test } from 'vitest';
import { applyBatch, emptyView, mergeBatches, EVENT_LIMIT } from '../../../src/ui/model/view';
import type { Batch, EventRow, ViewRow } from '../../../src/worker/protocol';

const pod = (name: string, extra: Partial<ViewRow> = {}): ViewRow => ({ key: `Pod/default/${name}`, kind: 'Pod', name, namespace: 'default', uid: name, order: 1, ...extra });
const ev = (key: string, t: number, count = 1): EventRow => ({ key, type: 'Normal', reason: 'Scheduled', object: 'pod/x', objectKind: 'Pod', objectName: 'x', namespace: 'default', message: 'm', count, t, source: 's' });
const batch = (b: Partial<Batch>): Batch => ({ t: 0, added: [], updated: [], removed: [], events: [], horizon: 0, playing: true, speed: 1, ...b });

describe('applying worker batches', () => {
  test('adds, updates and removes rows; reset replaces everything', () => {
    let v = applyBatch(emptyView(), batch({ t: 100, added: [pod('a'), pod('b')] }));
    expect([...v.rows.keys()]).toEqual(['Pod/default/a', 'Pod/default/b']);
    v = applyBatch(v, batch({ t: 200, updated: [pod('a', { phase: 'Running' })], removed: ['Pod/default/b'] }));
    expect(v.rows.get('Pod/default/a')?.phase).toBe('Running');
    expect(v.rows.has('Pod/default/b')).toBe(false);
    expect(v.t).toBe(200);
    v = applyBatch(v, batch({ reset: true, added: [pod('c')] }));
    expect([...v.rows.keys()]).toEqual(['Pod/default/c']);
  });

  test('a repeated event moves to the bottom and the stream is capped', () => {
    let v = applyBatch(emptyView(), batch({ events: [ev('e1', 1), ev('e2', 2)] }));
    v = applyBatch(v, batch({ events: [ev('e1', 3, 2)] }));
    expect(v.events.map((e) => `${e.key}:${e.count}`)).toEqual(['e2:1', 'e1:2']);
    const many = Array.from({ length: EVENT_LIMIT + 20 }, (_, i) => ev(`k${i}`, i));
    v = applyBatch(v, batch({ events: many }));
    expect(v.events.length).toBe(EVENT_LIMIT);
    expect(v.events[EVENT_LIMIT - 1].key).toBe(`k${EVENT_LIMIT + 19}`);
  });

  test('merging batches that arrive within one frame keeps the net effect', () => {
    const a = batch({ t: 1, added: [pod('x')], updated: [pod('y', { phase: 'Pending' })] });
    const b = batch({ t: 2, updated: [pod('x', { phase: 'Running' })], removed: ['Pod/default/y'], added: [pod('z')] });
    const m = mergeBatches(a, b);
    expect(m.t).toBe(2);
    expect(m.added.map((r) => `${r.name}:${r.phase ?? ''}`).sort()).toEqual(['x:Running', 'z:']);
    expect(m.updated).toEqual([]);
    expect(m.removed).toEqual(['Pod/default/y']);
    const gone = mergeBatches(batch({ added: [pod('q')] }), batch({ removed: ['Pod/default/q'] }));
    expect(gone.added).toEqual([]);
    expect(gone.removed).toEqual([]);
    const back = mergeBatches(batch({ removed: ['Pod/default/r'] }), batch({ added: [pod('r')] }));
    expect(back.removed).toEqual([]);
    expect(back.updated.map((r) => r.name)).toEqual(['r']);
  });
});
