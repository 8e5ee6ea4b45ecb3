import { describe, expect, test } from 'vitest';
import { podStatus, toEventRow, toRow } from '../../../src/worker/rows';

const pod = (status: object, metadata: object = {}, spec: object = {}) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', uid: 'u', ...metadata }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }], ...spec }, status });

describe('view rows', () => {
  test('pod STATUS as kubectl printPod computes it', () => {
    expect(podStatus(pod({ phase: 'Pending' }))).toBe('Pending');
    expect(podStatus(pod({ phase: 'Pending', containerStatuses: [{ state: { waiting: { reason: 'ContainerCreating' } } }] }))).toBe('ContainerCreating');
    expect(podStatus(pod({ phase: 'Running', containerStatuses: [{ ready: false, state: { waiting: { reason: 'CrashLoopBackOff' } } }] }))).toBe('CrashLoopBackOff');
    expect(podStatus(pod({ phase: 'Running', containerStatuses: [{ ready: true, state: { running: {} } }] }))).toBe('Running');
    expect(podStatus(pod({ phase: 'Failed', containerStatuses: [{ state: { terminated: { exitCode: 137, reason: 'OOMKilled' } } }] }))).toBe('OOMKilled');
    expect(podStatus(pod({ phase: 'Failed', containerStatuses: [{ state: { terminated: { exitCode: 2 } } }] }))).toBe('ExitCode:2');
    expect(podStatus(pod({ phase: 'Succeeded', reason: undefined, containerStatuses: [{ state: { terminated: { exitCode: 0, reason: 'Completed' } } }] }))).toBe('Completed');
    expect(podStatus(pod({ phase: 'Pending', initContainerStatuses: [{ state: { waiting: { reason: 'PodInitializing' } } }] }, {}, { initContainers: [{ name: 'i' }] }))).toBe('Init:0/1');
    expect(podStatus(pod({ phase: 'Running' }, { deletionTimestamp: '2025-01-01T00:00:30Z' }))).toBe('Terminating');
  });

  test('a pod row carries what the canvas and the data-* attributes need', () => {
    const r = toRow(
      pod(
        { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [{ restartCount: 2, ready: true, state: { running: {} } }] },
        { labels: { 'pod-template-hash': 'abc' }, ownerReferences: [{ kind: 'ReplicaSet', name: 'web-abc', uid: 'rs', controller: true }] },
        { nodeName: 'worker-1' },
      ),
      7,
    )!;
    expect(r).toMatchObject({ key: 'Pod/default/p', order: 7, phase: 'Running', ready: true, node: 'worker-1', restarts: 2, status: 'Running', hash: 'abc', ownerUid: 'rs', ownerKind: 'ReplicaSet' });
  });

  test('kinds the canvas does not draw have no row', () => {
    expect(toRow({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }, 1)).toBeNull();
  });

  test('events as `kubectl get events` rows', () => {
    const e = toEventRow(
      { apiVersion: 'v1', kind: 'Event', metadata: { name: 'p.1', namespace: 'default' }, involvedObject: { kind: 'Pod', name: 'p', namespace: 'default' }, reason: 'Unhealthy', message: 'Readiness probe failed: x', type: 'Warning', count: 3, lastTimestamp: 'T', source: { component: 'kubelet' } },
      () => 4200,
    );
    expect(e).toEqual({ key: 'default/p.1', type: 'Warning', reason: 'Unhealthy', object: 'pod/p', objectKind: 'Pod', objectName: 'p', namespace: 'default', message: 'Readiness probe failed: x', count: 3, t: 4200, source: 'kubelet' });
  });
});
