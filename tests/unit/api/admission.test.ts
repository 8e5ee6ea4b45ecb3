// Admission plugins: LimitRanger, NamespaceLifecycle.
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../src/engine/sim/simulation';
import type { KubeObject } from '../../../src/engine/api/meta';
import { reject } from './reject';

const sim = () => new Simulation({ freezeObjects: true, seed: 5 });
const pod = (name: string, resources?: Record<string, unknown>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { containers: [{ name: 'app', image: 'x:1', ...(resources ? { resources } : {}) }] },
});

describe('LimitRanger', () => {
  const limits = (s: Simulation) =>
    s.api.create({
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: { name: 'limits' },
      spec: { limits: [{ type: 'Container', default: { cpu: '500m', memory: '256Mi' }, defaultRequest: { cpu: '100m' }, max: { cpu: '1', memory: '1Gi' }, min: { cpu: '50m' } }] },
    });

  it('fills in default limits and requests, and records what it set', () => {
    const s = sim();
    limits(s);
    const p = s.api.create(pod('p'));
    expect(p.spec.containers[0].resources).toEqual({ limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '100m', memory: '256Mi' } });
    expect(p.metadata.annotations).toEqual({ 'kubernetes.io/limit-ranger': 'LimitRanger plugin set: cpu, memory request for container app; cpu, memory limit for container app' });
    expect(p.status.qosClass).toBe('Burstable');
  });

  it('keeps what the pod gives and rejects what breaks min or max', () => {
    const s = sim();
    limits(s);
    const p = s.api.create(pod('given', { limits: { cpu: '200m', memory: '128Mi' } }));
    // Requests were copied from the limits at decode time, before LimitRanger ran.
    expect(p.spec.containers[0].resources).toEqual({ limits: { cpu: '200m', memory: '128Mi' }, requests: { cpu: '200m', memory: '128Mi' } });
    expect(p.metadata.annotations).toBeUndefined();
    const e = reject(() => s.api.create(pod('big', { requests: { cpu: '10m' }, limits: { cpu: '2' } })));
    expect(e.code).toBe(403);
    expect(e.message).toBe(
      'pods "big" is forbidden: [minimum cpu usage per Container is 50m, but request is 10m, maximum cpu usage per Container is 1, but limit is 2]',
    );
  });
});

describe('NamespaceLifecycle', () => {
  it('refuses new objects in a terminating namespace', () => {
    const s = sim();
    s.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'old', finalizers: ['example.com/hold'] } });
    s.api.delete('Namespace', undefined, 'old');
    const e = reject(() => s.api.create({ ...pod('p'), metadata: { name: 'p', namespace: 'old' } }));
    expect(e.message).toBe('pods "p" is forbidden: unable to create new content in namespace old because it is being terminated');
  });
});

describe('ResourceQuota', () => {
  const quota = (s: Simulation, hard: Record<string, string>) =>
    s.api.create({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'compute' }, spec: { hard } });

  it('refuses a pod that would pass the hard limit, with the quota message', () => {
    const s = sim();
    quota(s, { pods: '2', 'requests.cpu': '1' });
    s.api.create(pod('a', { requests: { cpu: '400m' } }));
    s.api.create(pod('b', { requests: { cpu: '400m' } }));
    const e = reject(() => s.api.create({ ...pod('c', { requests: { cpu: '400m' } }), metadata: { generateName: 'web-7c5d-' } as KubeObject['metadata'] }));
    expect(e.code).toBe(403);
    expect(e.message).toBe(
      'pods "web-7c5d-" is forbidden: exceeded quota: compute, requested: pods=1,requests.cpu=400m, used: pods=2,requests.cpu=800m, limited: pods=2,requests.cpu=1',
    );
  });

  it('requires containers to state what the quota limits', () => {
    const s = sim();
    quota(s, { 'limits.memory': '1Gi', 'requests.cpu': '2' });
    const e = reject(() => s.api.create(pod('p')));
    expect(e.message).toBe('pods "p" is forbidden: failed quota: compute: must specify limits.memory for: app; requests.cpu for: app');
  });

  it('counts objects by kind', () => {
    const s = sim();
    quota(s, { 'count/configmaps': '1' });
    s.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'one' } });
    const e = reject(() => s.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'two' } }));
    expect(e.message).toBe(
      'configmaps "two" is forbidden: exceeded quota: compute, requested: count/configmaps=1, used: count/configmaps=1, limited: count/configmaps=1',
    );
  });
});
