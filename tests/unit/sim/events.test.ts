// The EventRecorder with client-go's EventCorrelator (tools/record/events_cache.go): identical
// events counted, similar ones (same source, object, type and reason) aggregated from the 10th on,
// and 25 writes per source and object, then one per 300 s.
import { describe, expect, it } from 'vitest';
import { ApiServer } from '../../../src/engine/apiserver/store';
import { EventRecorder } from '../../../src/engine/apiserver/events';
import { Clock } from '../../../src/engine/sim/clock';
import { RandomStreams } from '../../../src/engine/sim/random';
import type { KubeObject } from '../../../src/engine/api/meta';

function recorder() {
  const clock = new Clock();
  const api = new ApiServer(clock, new RandomStreams(1), { freeze: true });
  api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  const rs = api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web-5d8f7c9b6', namespace: 'default' } });
  const writes: string[] = [];
  api.watch((ev) => writes.push(`${ev.type} ${ev.object.metadata.name} count=${ev.object.count}`), ['Event']);
  const events = new EventRecorder(api, clock);
  const list = () => api.list('Event').map((e) => [e.message, e.count, e.firstTimestamp, e.lastTimestamp]);
  return { clock, api, rs, events, writes, list };
}

const RS = { component: 'replicaset-controller' };

describe('EventRecorder and the EventCorrelator', () => {
  it('counts identical events on one Event, keeping firstTimestamp', () => {
    const { clock, rs, events, writes, list } = recorder();
    for (let i = 0; i < 3; i++) {
      clock.now = i * 10_000;
      events.record(rs, 'Warning', 'FailedCreate', 'Error creating: quota', RS);
    }
    expect(list()).toEqual([['Error creating: quota', 3, '2025-01-01T00:00:00Z', '2025-01-01T00:00:20Z']]);
    expect(writes.map((w) => w.replace(/ \S+\.\S+ /, ' '))).toEqual(['ADDED count=1', 'MODIFIED count=2', 'MODIFIED count=3']);
  });

  it('aggregates the 10th similar event on: "(combined from similar events): <latest message>"', () => {
    const { clock, rs, events, list } = recorder();
    for (let i = 1; i <= 12; i++) {
      clock.now = i * 1000;
      events.record(rs, 'Normal', 'SuccessfulCreate', `Created pod: web-${i}`, RS);
    }
    const got = list();
    expect(got).toHaveLength(10);
    expect(got.slice(0, 9).map((e) => e[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `Created pod: web-${i}`));
    // The aggregate is created by the 10th and patched by the 11th and 12th.
    expect(got[9]).toEqual(['(combined from similar events): Created pod: web-12', 3, '2025-01-01T00:00:10Z', '2025-01-01T00:00:12Z']);
  });

  it('starts a fresh aggregation after 10 minutes without a similar event', () => {
    const { clock, rs, events, list } = recorder();
    for (let i = 1; i <= 9; i++) events.record(rs, 'Normal', 'SuccessfulCreate', `Created pod: web-${i}`, RS);
    clock.now = 600_001;
    events.record(rs, 'Normal', 'SuccessfulCreate', 'Created pod: web-10', RS);
    expect(list().map((e) => e[0])).toContain('Created pod: web-10');
    expect(list().some((e) => String(e[0]).startsWith('(combined'))).toBe(false);
  });

  it('lets a source write 25 events about an object, then one per 300 s; counts include the dropped ones', () => {
    const { clock, api, rs, events, writes } = recorder();
    for (let i = 1; i <= 30; i++) events.record(rs, 'Warning', 'FailedCreate', 'Error creating: quota', RS);
    expect(writes).toHaveLength(25);
    expect(api.list('Event').map((e) => e.count)).toEqual([25]);
    // Another source, or another object, has its own budget.
    events.record(rs, 'Normal', 'Sync', 'synced', { component: 'deployment-controller' });
    const other = api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'other', namespace: 'default' } }) as KubeObject;
    events.record(other, 'Warning', 'FailedCreate', 'Error creating: quota', RS);
    expect(writes).toHaveLength(27);
    // One token is back 300 s after the 25th was taken: not at 299.999 s, at 300 s.
    clock.now = 299_999;
    events.record(rs, 'Warning', 'FailedCreate', 'Error creating: quota', RS);
    expect(writes).toHaveLength(27);
    clock.now = 300_000;
    events.record(rs, 'Warning', 'FailedCreate', 'Error creating: quota', RS);
    expect(writes).toHaveLength(28);
    expect(api.get('Event', 'default', api.list('Event')[0].metadata.name)!.count).toBe(32);
  });

  it('keeps its correlation state through save and load', () => {
    const a = recorder();
    const b = recorder();
    for (let i = 1; i <= 20; i++) {
      a.clock.now = b.clock.now = i;
      a.events.record(a.rs, 'Normal', 'SuccessfulCreate', `Created pod: web-${i}`, RS);
      b.events.record(b.rs, 'Normal', 'SuccessfulCreate', `Created pod: web-${i}`, RS);
    }
    const c = recorder();
    c.api.load(b.api.save());
    c.events.load(JSON.parse(JSON.stringify(b.events.save())));
    for (let i = 21; i <= 30; i++) {
      a.clock.now = c.clock.now = i;
      a.events.record(a.rs, 'Normal', 'SuccessfulCreate', `Created pod: web-${i}`, RS);
      c.events.record(c.rs, 'Normal', 'SuccessfulCreate', `Created pod: web-${i}`, RS);
    }
    expect(c.list()).toEqual(a.list());
    expect(a.list()[9]).toEqual(['(combined from similar events): Created pod: web-25', 16, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z']);
  });

  it('forgets the least recently used of 4096 remembered events per source (groupcache/lru)', () => {
    const { clock, api, events } = recorder();
    const pod = (i: number): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `p-${i}`, namespace: 'default', uid: `uid-${i}` } });
    const a = pod(0);
    const backOff = () => events.record(a, 'Warning', 'BackOff', 'Back-off restarting failed container', { component: 'kubelet', host: 'worker-1' });
    const others = (from: number, n: number) => {
      for (let i = from; i < from + n; i++) events.record(pod(i), 'Normal', 'Pulled', 'Container image already present', { component: 'kubelet', host: 'worker-1' });
    };
    const counts = () => api.list('Event').filter((e) => e.reason === 'BackOff').map((e) => e.count);
    backOff();
    others(1, 4095); // 4096 remembered: a's is the oldest, still there
    backOff();
    expect(counts()).toEqual([2]);
    others(4096, 4095); // a's was made the newest by the last lookup, so 4095 more keep it
    backOff();
    expect(counts()).toEqual([3]);
    others(8191, 4096); // now it is pushed out: the next occurrence is a new Event
    clock.now = 1000;
    backOff();
    expect(counts()).toEqual([3, 1]);
    // Other sources have their own caches.
    events.record(a, 'Warning', 'BackOff', 'Back-off restarting failed container', { component: 'kubelet', host: 'worker-2' });
    expect(counts()).toEqual([3, 1, 1]);
  });
});
