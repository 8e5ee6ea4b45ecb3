import { describe, expect, it } from 'vitest';
import { Clock, EventQueue } from '../../../src/engine/sim/clock';
import { Random, RandomStreams, generateName, K8S_RAND_ALPHABET } from '../../../src/engine/sim/random';

describe('EventQueue', () => {
  it('pops by (time, sequence): equal times keep insertion order', () => {
    const q = new EventQueue();
    q.push(20, 'a', 'late');
    q.push(10, 'a', 'first');
    q.push(10, 'b', 'second');
    q.push(5, 'c', 'earliest');
    expect([q.pop()!.key, q.pop()!.key, q.pop()!.key, q.pop()!.key]).toEqual(['earliest', 'first', 'second', 'late']);
    expect(q.pop()).toBeUndefined();
  });

  it('keeps (time, sequence) order when events are added to a time being drained, or before it', () => {
    const q = new EventQueue();
    for (const k of ['a', 'b', 'c']) q.push(10, 'x', k);
    q.push(30, 'x', 'later');
    expect(q.pop()!.key).toBe('a');
    q.push(10, 'x', 'd'); // the same millisecond as the one being drained: after c
    q.push(5, 'x', 'earlier');
    expect(q.size).toBe(5);
    const saved = q.save();
    expect(saved.events.map((e) => e.key)).toEqual(['earlier', 'b', 'c', 'd', 'later']);
    const r = new EventQueue();
    r.load({ seq: saved.seq, events: [...saved.events].reverse() });
    for (const queue of [q, r]) expect(Array.from({ length: 5 }, () => queue.pop()!.key)).toEqual(['earlier', 'b', 'c', 'd', 'later']);
    expect(q.peek()).toBeUndefined();
    expect(r.push(0, 'y', 'next').seq).toBe(6);
  });

  it('save/load round-trips pending events and the sequence counter', () => {
    const q = new EventQueue();
    q.push(3, 'x', 'k1');
    q.push(1, 'x', 'k2', { n: 1 });
    const s = q.save();
    const r = new EventQueue();
    r.load(s);
    expect(r.pop()).toEqual({ at: 1, seq: 1, target: 'x', key: 'k2', data: { n: 1 } });
    expect(r.push(0, 'y', 'k3').seq).toBe(2);
  });
});

describe('Clock', () => {
  it('prints metav1.Time with second precision from the fixed epoch', () => {
    const c = new Clock();
    expect(c.timestamp(0)).toBe('2025-01-01T00:00:00Z');
    expect(c.timestamp(61_999)).toBe('2025-01-01T00:01:01Z');
    expect(c.microTimestamp(1_500)).toBe('2025-01-01T00:00:01.500000Z');
    expect(c.parse('2025-01-01T00:01:01Z')).toBe(61_000);
  });
});

describe('Random', () => {
  it('is a pure function of seed and stream name', () => {
    const a = new Random(7, 'names');
    const b = new Random(7, 'names');
    const seqA = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(seqA);
    const c = new Random(7, 'uids');
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(seqA);
    const d = new Random(8, 'names');
    expect(Array.from({ length: 5 }, () => d.nextUint32())).not.toEqual(seqA);
  });

  it('streams restore their exact state', () => {
    const s = new RandomStreams(3);
    s.get('a').next();
    const saved = s.save();
    const x = s.get('a').next();
    const t = new RandomStreams(3);
    t.load(saved);
    expect(t.get('a').next()).toBe(x);
  });

  it('generateName appends 5 characters of the apimachinery alphabet and truncates the base to 58', () => {
    const r = new Random(1, 'names');
    const n = generateName('web-5d9c7b8f4-', r);
    expect(n).toMatch(new RegExp(`^web-5d9c7b8f4-[${K8S_RAND_ALPHABET}]{5}$`));
    expect(generateName('x'.repeat(70), r)).toHaveLength(63);
  });
});
