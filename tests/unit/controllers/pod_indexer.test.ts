// The controllers' pod informer index (controller UID index + orphans per namespace) and the
// cached scale-down sort: they must give exactly what listing the namespace and sorting with
// the plain Less function gives, since syncs and traces depend on the order.
import { describe, expect, test } from 'vitest';
import type { KubeObject } from '../../../src/engine/api/meta';
import { Simulation } from '../../../src/engine/sim/simulation';
import { PodControllerIndex, sharedPodControllerIndex } from '../../../src/engine/controllers/controller_utils/pod_indexer';
import { activePodsWithRanksLess, sortActivePodsWithRanks } from '../../../src/engine/controllers/controller_utils/active_pods';
import { FakeKubelet, newSim } from './fakeKubelet';

function pod(name: string, labels: Record<string, string> | undefined, extra: { owner?: string; ns?: string; ready?: boolean; phase?: string; deleting?: boolean } = {}): KubeObject {
  const p: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: extra.ns ?? 'default', uid: `uid-${name}` }, spec: {} };
  if (labels) p.metadata.labels = labels;
  if (extra.owner) p.metadata.ownerReferences = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: extra.owner, controller: true }];
  if (extra.deleting) p.metadata.deletionTimestamp = '2025-01-01T00:00:00Z';
  p.status = { phase: extra.phase ?? 'Running', conditions: [{ type: 'Ready', status: extra.ready ? 'True' : 'False' }] };
  return p;
}

const names = (pods: KubeObject[]) => pods.map((p) => p.metadata.name);
const owner = (uid: string, ns = 'default'): KubeObject => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'rs', namespace: ns, uid } });

describe('PodControllerIndex', () => {
  test('lists a controller’s pods in creation order, an adopted orphan at its creation place', () => {
    const idx = new PodControllerIndex();
    idx.reset([pod('a', { app: 'x' }, { owner: 'u1' }), pod('b', { app: 'x' }), pod('c', { app: 'x' }, { owner: 'u1' })]);
    expect(names(idx.controlledBy('default', 'u1'))).toEqual(['a', 'c']);
    expect(names(idx.orphans('default'))).toEqual(['b']);
    // b is adopted after c was created: still listed between a and c, as the API server lists them.
    idx.observe({ type: 'MODIFIED', object: pod('b', { app: 'x' }, { owner: 'u1' }), old: pod('b', { app: 'x' }) });
    expect(names(idx.controlledBy('default', 'u1'))).toEqual(['a', 'b', 'c']);
    expect(idx.orphans('default')).toEqual([]);
    // A status change keeps the place; a delete and re-create goes last.
    idx.observe({ type: 'MODIFIED', object: pod('a', { app: 'x' }, { owner: 'u1', ready: true }) });
    idx.observe({ type: 'DELETED', object: pod('b', { app: 'x' }, { owner: 'u1' }) });
    idx.observe({ type: 'ADDED', object: pod('b', { app: 'x' }, { owner: 'u1' }) });
    expect(names(idx.controlledBy('default', 'u1'))).toEqual(['a', 'c', 'b']);
  });

  test('filterPodsByOwner merges the orphans the filter keeps, in list order, per namespace', () => {
    const idx = new PodControllerIndex();
    idx.reset([
      pod('o1', { app: 'x' }),
      pod('a', { app: 'x' }, { owner: 'u1' }),
      pod('o2', { app: 'y' }),
      pod('o3', { app: 'x' }),
      pod('b', { app: 'x' }, { owner: 'u1' }),
      pod('other-ns', { app: 'x' }, { owner: 'u1', ns: 'prod' }),
      pod('o4', { app: 'x' }, { ns: 'prod' }),
    ]);
    const keepX = (p: KubeObject) => p.metadata.labels?.app === 'x';
    expect(names(idx.filterPodsByOwner(owner('u1'), keepX))).toEqual(['o1', 'a', 'o3', 'b']);
    expect(names(idx.filterPodsByOwner(owner('u1', 'prod'), keepX))).toEqual(['other-ns', 'o4']);
  });

  test('label groups count pods as a status sync does', () => {
    const idx = new PodControllerIndex();
    idx.reset([
      pod('a', { app: 'x', v: '1' }, { owner: 'u1', ready: true }),
      pod('b', { v: '1', app: 'x' }, { owner: 'u1' }),
      pod('c', { app: 'x' }, { owner: 'u1', ready: true, deleting: true }),
      pod('d', { app: 'x' }, { owner: 'u1', phase: 'Succeeded' }),
      pod('e', undefined, { owner: 'u1', ready: true }),
    ]);
    const groups = idx.controlledGroups('default', 'u1');
    expect(groups).toEqual([
      { labels: { app: 'x', v: '1' }, total: 2, active: 2, ready: 1, terminating: 0 },
      { labels: { app: 'x' }, total: 2, active: 0, ready: 0, terminating: 1 },
      { labels: undefined, total: 1, active: 1, ready: 1, terminating: 0 },
    ]);
    idx.observe({ type: 'DELETED', object: pod('c', { app: 'x' }, { owner: 'u1' }) });
    idx.observe({ type: 'DELETED', object: pod('d', { app: 'x' }, { owner: 'u1' }) });
    idx.observe({ type: 'MODIFIED', object: pod('b', { v: '1', app: 'x' }, { owner: 'u1', ready: true }) });
    expect(idx.controlledGroups('default', 'u1')).toEqual([
      { labels: { app: 'x', v: '1' }, total: 2, active: 2, ready: 2, terminating: 0 },
      { labels: undefined, total: 1, active: 1, ready: 1, terminating: 0 },
    ]);
    expect(idx.controlledGroups('prod', 'u1')).toEqual([]);
  });

  test('the shared index follows the API server, and a restore relists it', () => {
    const sim = new Simulation({ freezeObjects: true, seed: 3 });
    const idx = sharedPodControllerIndex(sim.api);
    expect(sharedPodControllerIndex(sim.api)).toBe(idx);
    const bare = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    sim.api.create(bare('p1'));
    const snap = sim.snapshot();
    sim.api.create(bare('p2'));
    expect(names(idx.orphans('default'))).toEqual(['p1', 'p2']);
    sim.restore(snap);
    expect(names(idx.orphans('default'))).toEqual(['p1']);
  });
});

describe('ReplicaSet sync through the index', () => {
  test('after a restore the controller still sees its pods: no extra creates, status intact', () => {
    const sim = newSim();
    const k = new FakeKubelet(sim);
    const rs = sim.api.create({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web', namespace: 'default' },
      spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web', tier: 'fe' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
    });
    k.advance(5000);
    const snap = sim.snapshot();
    // Everything the controller watches after the snapshot is undone by the restore.
    sim.api.mutate('ReplicaSet', 'default', 'web', (d) => void (d.spec.replicas = 0));
    k.advance(5000);
    expect(sim.list('Pod', 'default')).toHaveLength(0);
    sim.restore(snap);
    sim.api.mutate('ReplicaSet', 'default', 'web', (d) => void (d.spec.replicas = 4));
    k.advance(5000);
    const owned = sim.list('Pod', 'default').filter((p) => p.metadata.ownerReferences?.[0]?.uid === rs.metadata.uid);
    expect(owned).toHaveLength(4);
    expect(sim.list('Event', 'default').filter((e) => e.reason === 'SuccessfulCreate')).toHaveLength(4);
    expect(sim.get('ReplicaSet', 'default', 'web')!.status).toMatchObject({ replicas: 4, fullyLabeledReplicas: 4, readyReplicas: 4, availableReplicas: 4 });
  });

  test('an adopted orphan without the template’s labels is not fully labeled', () => {
    const sim = newSim();
    const k = new FakeKubelet(sim);
    sim.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stray', namespace: 'default', labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    sim.api.create({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web', namespace: 'default' },
      spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web', tier: 'fe' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
    });
    k.advance(5000);
    expect(sim.get('ReplicaSet', 'default', 'web')!.status).toMatchObject({ replicas: 3, fullyLabeledReplicas: 2, readyReplicas: 3, availableReplicas: 3, terminatingReplicas: 0 });
  });
});

describe('sortActivePodsWithRanks', () => {
  // A small LCG keeps the pods the same on every run.
  function lcg(seed: number) {
    let s = seed >>> 0;
    return (n: number) => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return s % n;
    };
  }

  test('gives the stable order of the plain Less function, ties and log buckets included', () => {
    const now = Date.parse('2025-01-01T01:00:00Z');
    for (let seed = 1; seed <= 20; seed++) {
      const r = lcg(seed);
      const pods: KubeObject[] = [];
      const ranks: number[] = [];
      for (let i = 0; i < 120; i++) {
        const ready = r(5) > 0;
        const t = (s: number) => new Date(now - s * 1000).toISOString().replace('.000', '');
        const p: KubeObject = {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: `p${i}`, namespace: 'default', uid: `u${r(40)}`, creationTimestamp: r(10) === 0 ? undefined : t(r(4000)) },
          spec: { nodeName: r(12) === 0 ? undefined : `n${r(3)}` },
          status: {
            phase: ['Pending', 'Running', 'Running', 'Unknown'][r(4)],
            conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: r(8) === 0 ? undefined : t(r(3000)) }],
            containerStatuses: [{ name: 'c', restartCount: r(6) === 0 ? r(3) : 0 }],
          },
        };
        if (r(7) === 0) p.metadata.annotations = { 'controller.kubernetes.io/pod-deletion-cost': String(r(3) - 1) };
        pods.push(Object.freeze(p));
        ranks.push(r(4));
      }
      for (const f of [undefined, { logarithmicScaleDown: false, podDeletionCost: true }, { logarithmicScaleDown: true, podDeletionCost: false }]) {
        const idx = pods.map((_, i) => i);
        idx.sort((i, j) => (activePodsWithRanksLess(pods[i], ranks[i], pods[j], ranks[j], now, f) ? -1 : activePodsWithRanksLess(pods[j], ranks[j], pods[i], ranks[i], now, f) ? 1 : 0));
        expect(names(sortActivePodsWithRanks(pods, ranks, now, f))).toEqual(idx.map((i) => pods[i].metadata.name));
      }
    }
  });
});
