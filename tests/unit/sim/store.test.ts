import { describe, expect, it } from 'vitest';
import { ApiServer } from '../../../src/engine/apiserver/store';
import { Clock } from '../../../src/engine/sim/clock';
import { RandomStreams } from '../../../src/engine/sim/random';
import type { KubeObject } from '../../../src/engine/api/meta';
import { ApiError } from '../../../src/engine/apiserver/errors';

function server() {
  const clock = new Clock();
  const api = new ApiServer(clock, new RandomStreams(1), { freeze: true });
  api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  const changes: string[] = [];
  api.watch((ev) => changes.push(`${ev.type} ${ev.object.kind}/${ev.object.metadata.name} rv=${ev.object.metadata.resourceVersion}`));
  return { clock, api, changes };
}

const cm = (name: string, data: Record<string, string> = {}): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data });
const deploy = (name: string, replicas: number): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: 'default' },
  spec: { replicas },
});

describe('ApiServer', () => {
  it('lists objects in creation order, through deletions and re-creations', () => {
    const { api } = server();
    for (let i = 0; i < 200; i++) api.create(cm(`c${i}`));
    for (let i = 0; i < 200; i++) if (i % 4 !== 1) api.delete('ConfigMap', 'default', `c${i}`);
    api.create(cm('c0'));
    api.create(cm('z'));
    api.update({ ...api.get('ConfigMap', 'default', 'c1')!, data: { a: '1' } });
    const expected = [...Array.from({ length: 50 }, (_, j) => `c${4 * j + 1}`), 'c0', 'z'];
    expect(api.list('ConfigMap').map((o) => o.metadata.name)).toEqual(expected);
    expect(api.objectCount).toBe(1 + 52);
  });

  it('assigns uid, resourceVersion, creationTimestamp and the default namespace on create', () => {
    const { api, clock, changes } = server();
    clock.now = 12_345;
    const o = api.create(cm('settings'));
    expect(o.metadata.namespace).toBe('default');
    expect(o.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(o.metadata.resourceVersion).toBe('2');
    expect(o.metadata.creationTimestamp).toBe('2025-01-01T00:00:12Z');
    expect(changes).toEqual(['ADDED ConfigMap/settings rv=2']);
  });

  it('rejects duplicates and missing namespaces with the API server wording', () => {
    const { api } = server();
    api.create(cm('a'));
    expect(() => api.create(cm('a'))).toThrow('configmaps "a" already exists');
    expect(() => api.create({ ...cm('b'), metadata: { name: 'b', namespace: 'nope' } })).toThrow('namespaces "nope" not found');
    expect(() => api.get('ConfigMap', 'default', 'zzz')).not.toThrow();
    expect(() => api.mustGet('Deployment', 'default', 'zzz')).toThrow('deployments.apps "zzz" not found');
  });

  it('bumps generation only when spec changes, and never on a status write', () => {
    const { api } = server();
    const d = api.create(deploy('web', 1));
    expect(d.metadata.generation).toBe(1);
    const relabelled = api.mutate('Deployment', 'default', 'web', (x) => {
      x.metadata.labels = { a: 'b' };
    });
    expect(relabelled.metadata.generation).toBe(1);
    const scaled = api.mutate('Deployment', 'default', 'web', (x) => {
      x.spec.replicas = 3;
    });
    expect(scaled.metadata.generation).toBe(2);
    const st = api.mutate('Deployment', 'default', 'web', (x) => {
      x.status = { replicas: 3 };
      x.spec.replicas = 99; // ignored by the status subresource
    }, { status: true });
    expect(st.metadata.generation).toBe(2);
    expect(st.spec.replicas).toBe(3);
    expect(st.status).toEqual({ replicas: 3 });
  });

  it('ignores status on a main-resource update for kinds with a status subresource', () => {
    const { api } = server();
    api.create(deploy('web', 1));
    const u = api.mutate('Deployment', 'default', 'web', (x) => {
      x.status = { replicas: 5 };
    });
    expect(u.status).toBeUndefined();
  });

  it('does not bump resourceVersion for a no-op write', () => {
    const { api, changes } = server();
    api.create(cm('a', { k: 'v' }));
    api.mutate('ConfigMap', 'default', 'a', (x) => {
      x.data = { k: 'v' };
    });
    expect(changes).toHaveLength(1);
  });

  it('enforces optimistic concurrency with the Conflict message', () => {
    const { api } = server();
    const a = api.create(cm('a'));
    api.mutate('ConfigMap', 'default', 'a', (x) => {
      x.data = { k: '1' };
    });
    const stale = { ...a, data: { k: '2' } };
    try {
      api.update(stale);
      throw new Error('expected a conflict');
    } catch (e) {
      expect(e).toBeInstanceOf(ApiError);
      expect((e as ApiError).code).toBe(409);
      expect((e as ApiError).message).toBe(
        'Operation cannot be fulfilled on configmaps "a": the object has been modified; please apply your changes to the latest version and try again',
      );
    }
  });

  it('deletes a bound pod gracefully: deletionTimestamp = now + grace, removed on the final delete', () => {
    const { api, clock, changes } = server();
    api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { nodeName: 'n1', terminationGracePeriodSeconds: 30, containers: [] } });
    clock.now = 10_000;
    const t = api.delete('Pod', 'default', 'p')!;
    expect(t.metadata.deletionTimestamp).toBe('2025-01-01T00:00:40Z');
    expect(t.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(t.metadata.generation).toBe(2);
    expect(api.podsOnNode('n1')).toHaveLength(1);
    expect(api.delete('Pod', 'default', 'p', { gracePeriodSeconds: 0 })).toBeUndefined();
    expect(api.get('Pod', 'default', 'p')).toBeUndefined();
    expect(api.podsOnNode('n1')).toHaveLength(0);
    expect(changes.slice(-2).map((c) => c.split(' ')[0])).toEqual(['MODIFIED', 'DELETED']);
  });

  it('deletes an unbound pod at once', () => {
    const { api } = server();
    api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [] } });
    expect(api.delete('Pod', 'default', 'p')).toBeUndefined();
  });

  it('keeps an object with finalizers until the last one is removed', () => {
    const { api } = server();
    api.create({ ...cm('a'), metadata: { name: 'a', finalizers: ['example.com/hold'] } });
    const t = api.delete('ConfigMap', 'default', 'a')!;
    expect(t.metadata.deletionTimestamp).toBe('2025-01-01T00:00:00Z');
    expect(() =>
      api.mutate('ConfigMap', 'default', 'a', (x) => {
        x.metadata.finalizers = ['example.com/hold', 'other'];
      }),
    ).toThrow('no new finalizers can be added if the object is being deleted');
    api.mutate('ConfigMap', 'default', 'a', (x) => {
      x.metadata.finalizers = [];
    });
    expect(api.get('ConfigMap', 'default', 'a')).toBeUndefined();
  });

  it('adds the foregroundDeletion / orphan finalizers for those propagation policies', () => {
    const { api } = server();
    api.create(deploy('f', 1));
    api.create(deploy('o', 1));
    expect(api.delete('Deployment', 'default', 'f', { propagationPolicy: 'Foreground' })!.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(api.delete('Deployment', 'default', 'o', { propagationPolicy: 'Orphan' })!.metadata.finalizers).toEqual(['orphan']);
  });

  it('indexes dependents by owner uid', () => {
    const { api } = server();
    const owner = api.create(cm('owner'));
    api.create({ ...cm('dep'), metadata: { name: 'dep', ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: owner.metadata.uid! }] } });
    expect(api.dependents(owner.metadata.uid!).map((o) => o.metadata.name)).toEqual(['dep']);
    api.delete('ConfigMap', 'default', 'dep');
    expect(api.dependents(owner.metadata.uid!)).toEqual([]);
  });

  it('hands out frozen objects so components cannot mutate the store behind its back', () => {
    const { api } = server();
    const o = api.create(cm('a', { k: 'v' }));
    expect(() => {
      (o.data as Record<string, string>).k = 'changed';
    }).toThrow(TypeError);
  });
});

describe('ApiServer.objectCount', () => {
  it('counts stored objects through creates, updates, graceful deletes and removals', () => {
    const { api } = server();
    expect(api.objectCount).toBe(1); // the namespace
    api.create(cm('a'));
    api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { nodeName: 'n1', containers: [] } });
    api.mutate('ConfigMap', 'default', 'a', (x) => {
      x.data = { k: 'v' };
    });
    expect(api.objectCount).toBe(3);
    api.delete('Pod', 'default', 'p'); // graceful: still stored
    expect(api.objectCount).toBe(3);
    api.delete('Pod', 'default', 'p', { gracePeriodSeconds: 0 });
    api.delete('ConfigMap', 'default', 'a');
    expect(api.objectCount).toBe(1);
  });
});
