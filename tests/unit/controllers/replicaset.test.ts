// The ReplicaSet controller on its own: adoption and release, scale-down choice, events,
// minReadySeconds, and create failures.
import { describe, expect, test } from 'vitest';
import type { KubeObject } from '../../../src/engine/api/meta';
import { FakeKubelet, newSim } from './fakeKubelet';

function replicaSet(name: string, replicas: number, extra: Record<string, any> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }], ...(extra.podSpec ?? {}) } },
      ...(extra.spec ?? {}),
    },
  };
}

function barePod(name: string, labels: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } };
}

const podsOf = (sim: ReturnType<typeof newSim>, rs: KubeObject) =>
  sim.list('Pod', 'default').filter((p) => p.metadata.ownerReferences?.some((r) => r.uid === rs.metadata.uid));

describe('ReplicaSet controller', () => {
  test('adopts a matching orphan pod and creates only the missing replicas', () => {
    const sim = newSim();
    const k = new FakeKubelet(sim);
    sim.api.create(barePod('stray', { app: 'web' }));
    const rs = sim.api.create(replicaSet('web', 3));
    k.advance(100);
    const stray = sim.get('Pod', 'default', 'stray')!;
    expect(stray.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(podsOf(sim, rs)).toHaveLength(3);
    expect(sim.list('Event', 'default').filter((e) => e.reason === 'SuccessfulCreate')).toHaveLength(2);
  });

  test('releases a pod whose labels stop matching and replaces it', () => {
    const sim = newSim();
    const k = new FakeKubelet(sim);
    const rs = sim.api.create(replicaSet('web', 2));
    k.advance(5000);
    const [victim] = podsOf(sim, rs);
    sim.api.mutate('Pod', 'default', victim.metadata.name, (p) => void (p.metadata.labels = { app: 'debug' }));
    k.advance(100);
    expect(sim.get('Pod', 'default', victim.metadata.name)!.metadata.ownerReferences).toBeUndefined();
    expect(podsOf(sim, rs)).toHaveLength(2);
    expect(podsOf(sim, rs).map((p) => p.metadata.name)).not.toContain(victim.metadata.name);
  });

  test('a deleted pod is replaced; scale-down deletes not-ready pods first with Deleted pod events', () => {
    const sim = newSim();
    const k = new FakeKubelet(sim, { readyAfterMs: 1000, terminateAfterMs: 500 });
    const rs = sim.api.create(replicaSet('web', 3));
    k.advance(5000);
    const first = podsOf(sim, rs)[0].metadata.name;
    sim.api.delete('Pod', 'default', first);
    k.advance(200);
    const pods = podsOf(sim, rs).filter((p) => !p.metadata.deletionTimestamp);
    expect(pods).toHaveLength(3);
    const replacement = pods.find((p) => !p.status?.conditions?.some((c: { type: string }) => c.type === 'Ready'))!;
    expect(replacement).toBeDefined();

    sim.api.mutate('ReplicaSet', 'default', 'web', (d) => void (d.spec.replicas = 2));
    k.advance(100);
    expect(sim.get('Pod', 'default', replacement.metadata.name)!.metadata.deletionTimestamp).toBeDefined();
    const deleted = sim.list('Event', 'default').filter((e) => e.reason === 'SuccessfulDelete');
    expect(deleted.map((e) => e.message)).toEqual([`Deleted pod: ${replacement.metadata.name}`]);
    expect(deleted[0].source).toEqual({ component: 'replicaset-controller' });
    expect(deleted[0].involvedObject).toMatchObject({ kind: 'ReplicaSet', name: 'web' });
    k.advance(2000);
    expect(sim.get('ReplicaSet', 'default', 'web')!.status).toMatchObject({ replicas: 2, readyReplicas: 2, terminatingReplicas: 0 });
  });

  test('terminating pods are counted in terminatingReplicas, not replicas', () => {
    const sim = newSim();
    const k = new FakeKubelet(sim, { readyAfterMs: 500, terminateAfterMs: 10_000 });
    sim.api.create(replicaSet('web', 2));
    k.advance(2000);
    sim.api.mutate('ReplicaSet', 'default', 'web', (d) => void (d.spec.replicas = 1));
    k.advance(100);
    expect(sim.get('ReplicaSet', 'default', 'web')!.status).toMatchObject({ replicas: 1, terminatingReplicas: 1 });
    k.advance(11_000);
    expect(sim.get('ReplicaSet', 'default', 'web')!.status).toMatchObject({ replicas: 1, terminatingReplicas: 0 });
  });

  test('minReadySeconds: ready pods count as available only after the delay', () => {
    const sim = newSim();
    const k = new FakeKubelet(sim, { readyAfterMs: 1000 });
    sim.api.create(replicaSet('web', 2, { spec: { minReadySeconds: 10 } }));
    k.advance(2000);
    const readyAt = sim.list('Pod', 'default')[0].status.conditions.find((c: { type: string }) => c.type === 'Ready').lastTransitionTime;
    const readyMs = Date.parse(readyAt) - sim.clock.epochMs;
    expect(sim.get('ReplicaSet', 'default', 'web')!.status).toMatchObject({ readyReplicas: 2 });
    k.runUntil(readyMs + 10_000);
    expect(sim.get('ReplicaSet', 'default', 'web')!.status.availableReplicas).toBeUndefined();
    k.runUntil(readyMs + 11_100);
    expect(sim.get('ReplicaSet', 'default', 'web')!.status.availableReplicas).toBe(2);
  });

  test('a create the API server rejects gives a FailedCreate event and a ReplicaFailure condition', () => {
    const sim = newSim();
    const k = new FakeKubelet(sim);
    sim.api.create(replicaSet('web', 5, { podSpec: { priorityClassName: 'missing' } }));
    k.advance(60_000);
    const failed = sim.list('Event', 'default').filter((e) => e.reason === 'FailedCreate');
    expect(failed).toHaveLength(1);
    expect(failed[0].type).toBe('Warning');
    expect(failed[0].message).toMatch(/^Error creating: pods "web-" is forbidden: no PriorityClass with name missing was found$/);
    expect(failed[0].count).toBeGreaterThan(5);
    const rs = sim.get('ReplicaSet', 'default', 'web')!;
    expect(rs.status.conditions).toEqual([
      { type: 'ReplicaFailure', status: 'True', lastTransitionTime: expect.any(String), reason: 'FailedCreate', message: failed[0].message.replace(/^Error creating: /, '') },
    ]);
    expect(sim.list('Pod', 'default')).toHaveLength(0);
  });
});
