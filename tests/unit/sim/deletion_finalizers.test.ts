import { describe, expect, it } from 'vitest';
import { deletionFinalizers } from '../../../src/engine/apiserver/deletion';
import { ApiServer, watchEventKey, type WatchEvent } from '../../../src/engine/apiserver/store';
import { Clock } from '../../../src/engine/sim/clock';
import { RandomStreams } from '../../../src/engine/sim/random';

describe('deletionFinalizers', () => {
  it('returns the stored array when the policy changes nothing', () => {
    const f = ['example.com/hold'];
    expect(deletionFinalizers(f, undefined)).toBe(f);
    expect(deletionFinalizers(f, 'Background')).toBe(f);
    expect(deletionFinalizers(undefined, undefined)).toEqual([]);
  });

  it('swaps the garbage collector finalizers as the policy says, keeping the others in order', () => {
    expect(deletionFinalizers(['a', 'orphan', 'b'], 'Foreground')).toEqual(['a', 'b', 'foregroundDeletion']);
    expect(deletionFinalizers(['foregroundDeletion', 'a'], 'Orphan')).toEqual(['a', 'orphan']);
    expect(deletionFinalizers(['orphan', 'a', 'foregroundDeletion'], 'Background')).toEqual(['a']);
    expect(deletionFinalizers(['foregroundDeletion', 'a'], 'Foreground')).toEqual(['foregroundDeletion', 'a']);
    // No policy leaves both alone; duplicates collapse as in a set.
    expect(deletionFinalizers(['orphan', 'a', 'a'], undefined)).toEqual(['orphan', 'a']);
  });
});

describe('watch event keys', () => {
  it('are "namespace/name" (or "name"), one string per object across its events', () => {
    const api = new ApiServer(new Clock(), new RandomStreams(1));
    api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
    const evs: WatchEvent[] = [];
    api.watch((ev) => evs.push(ev));
    api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, data: {} });
    api.mutate('ConfigMap', 'default', 'a', (d) => void (d.data = { x: '1' }));
    api.delete('ConfigMap', 'default', 'a');
    api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other' } });
    expect(evs.map((e) => `${e.type} ${e.key}`)).toEqual(['ADDED default/a', 'MODIFIED default/a', 'DELETED default/a', 'ADDED other']);
    expect(evs[0].key).toBe(evs[1].key);
    expect(watchEventKey({ type: 'ADDED', object: evs[0].object })).toBe('default/a');
  });
});
