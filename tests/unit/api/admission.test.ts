// Admission plugins: LimitRanger, NamespaceLifecycle.
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../src/engine/sim/simulation';
import { ApiError } from '../../../src/engine/apiserver/errors';
import type { KubeObject } from '../../../src/engine/api/meta';

const sim = () => new Simulation({ freezeObjects: true, seed: 5 });
const pod = (name: string, resources?: Record<string, unknown>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { containers: [{ name: 'app', image: 'x:1', ...(resources ? { resources } : {}) }] },
});

function reject(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected a rejection');
}

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
