// The garbage collector's three propagation policies on a Deployment -> ReplicaSet -> Pod tree.
import { describe, expect, test } from 'vitest';
import { FakeKubelet, deployment, newSim } from './fakeKubelet';

function tree(terminateAfterMs = 3000) {
  const sim = newSim();
  const k = new FakeKubelet(sim, { readyAfterMs: 500, terminateAfterMs });
  sim.api.create(deployment('web', 2));
  k.advance(3000);
  const rs = sim.list('ReplicaSet', 'default')[0];
  return { sim, k, rs };
}

describe('garbage collector', () => {
  test('background: the ReplicaSet and then its pods are deleted after the Deployment is gone', () => {
    const { sim, k, rs } = tree();
    sim.api.delete('Deployment', 'default', 'web', { propagationPolicy: 'Background' });
    expect(sim.get('Deployment', 'default', 'web')).toBeUndefined();
    k.advance(50);
    expect(sim.get('ReplicaSet', 'default', rs.metadata.name)).toBeUndefined();
    const pods = sim.list('Pod', 'default');
    expect(pods).toHaveLength(2);
    for (const p of pods) expect(p.metadata.deletionTimestamp).toBeDefined();
    k.advance(5000);
    expect(sim.list('Pod', 'default')).toHaveLength(0);
  });

  test('foreground: the owner stays with foregroundDeletion until its dependents are gone', () => {
    const { sim, k, rs } = tree(3000);
    sim.api.delete('Deployment', 'default', 'web', { propagationPolicy: 'Foreground' });
    k.advance(1000);
    const d = sim.get('Deployment', 'default', 'web')!;
    expect(d.metadata.deletionTimestamp).toBeDefined();
    expect(d.metadata.finalizers).toEqual(['foregroundDeletion']);
    const r = sim.get('ReplicaSet', 'default', rs.metadata.name)!;
    expect(r.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(sim.list('Pod', 'default').every((p) => p.metadata.deletionTimestamp)).toBe(true);
    k.advance(5000);
    expect(sim.list('Pod', 'default')).toHaveLength(0);
    expect(sim.get('ReplicaSet', 'default', rs.metadata.name)).toBeUndefined();
    expect(sim.get('Deployment', 'default', 'web')).toBeUndefined();
  });

  test('orphan: dependents lose the ownerReference and stay', () => {
    const { sim, k, rs } = tree();
    sim.api.delete('Deployment', 'default', 'web', { propagationPolicy: 'Orphan' });
    k.advance(100);
    expect(sim.get('Deployment', 'default', 'web')).toBeUndefined();
    const r = sim.get('ReplicaSet', 'default', rs.metadata.name)!;
    expect(r.metadata.ownerReferences).toBeUndefined();
    expect(r.spec.replicas).toBe(2);
    const pods = sim.list('Pod', 'default');
    expect(pods).toHaveLength(2);
    for (const p of pods) {
      expect(p.metadata.deletionTimestamp).toBeUndefined();
      expect(p.metadata.ownerReferences?.[0]?.uid).toBe(rs.metadata.uid);
    }
  });

  test('an object created with an owner that does not exist is collected', () => {
    const sim = newSim();
    const k = new FakeKubelet(sim);
    sim.api.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'dangling', namespace: 'default', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'gone', uid: 'no-such-uid' }] },
      data: {},
    });
    k.advance(100);
    expect(sim.get('ConfigMap', 'default', 'dangling')).toBeUndefined();
  });
});

test('an owner reference to a kind the server does not serve never gets an object collected', () => {
  const sim = newSim();
  const k = new FakeKubelet(sim);
  sim.api.create({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'crd-owned', namespace: 'default', ownerReferences: [{ apiVersion: 'example.com/v1', kind: 'Widget', name: 'w', uid: 'w-uid' }] },
    data: {},
  });
  k.advance(100);
  expect(sim.get('ConfigMap', 'default', 'crd-owned')).toBeDefined();
});
