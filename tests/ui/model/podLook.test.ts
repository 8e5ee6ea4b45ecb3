import { describe, expect, test } from 'vitest';
import { isProbeFailing, LEGEND, podLook, PROBE_BADGE_MS, shortPodName } from '../../../src/ui/model/podLook';
import type { ViewRow } from '../../../src/worker/protocol';

const pod = (extra: Partial<ViewRow>): ViewRow => ({ key: 'Pod/default/p', kind: 'Pod', name: 'p', namespace: 'default', uid: 'u', order: 1, ...extra });

describe('pod appearance (colour-blind safe)', () => {
  test('every legend state has its own shape+glyph pair', () => {
    const pairs = LEGEND.map((l) => `${l.shape}/${l.icon}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  test('states follow phase, readiness and the kubectl STATUS', () => {
    expect(podLook(pod({ phase: 'Running', ready: true, status: 'Running' })).state).toBe('ready');
    expect(podLook(pod({ phase: 'Running', ready: false, status: 'Running' })).state).toBe('notready');
    expect(podLook(pod({ phase: 'Pending', status: 'Pending', node: '' })).state).toBe('pending');
    expect(podLook(pod({ phase: 'Pending', status: 'ContainerCreating', node: 'worker-1' })).state).toBe('creating');
    expect(podLook(pod({ phase: 'Running', status: 'CrashLoopBackOff', node: 'worker-1' })).state).toBe('backoff');
    expect(podLook(pod({ phase: 'Pending', status: 'ImagePullBackOff', node: 'worker-1' })).state).toBe('backoff');
    expect(podLook(pod({ phase: 'Failed', status: 'Error' })).state).toBe('failing');
    expect(podLook(pod({ phase: 'Succeeded', status: 'Completed' })).state).toBe('succeeded');
    expect(podLook(pod({ phase: 'Running', ready: true, status: 'Terminating', terminating: true })).state).toBe('terminating');
  });

  test('a probe badge lasts PROBE_BADGE_MS after the last Unhealthy event', () => {
    const p = pod({ phase: 'Running', probeFailedAt: 10_000 });
    expect(isProbeFailing(p, 10_000)).toBe(true);
    expect(isProbeFailing(p, 10_000 + PROBE_BADGE_MS)).toBe(true);
    expect(isProbeFailing(p, 10_001 + PROBE_BADGE_MS)).toBe(false);
    expect(isProbeFailing(pod({}), 5)).toBe(false);
    // A readiness failure that no longer keeps the pod unready shows no badge.
    expect(isProbeFailing(pod({ probeFailedAt: 1_000, probeKind: 'Readiness', ready: false }), 2_000)).toBe(true);
    expect(isProbeFailing(pod({ probeFailedAt: 1_000, probeKind: 'Readiness', ready: true }), 2_000)).toBe(false);
    expect(isProbeFailing(pod({ probeFailedAt: 1_000, probeKind: 'Liveness', ready: true }), 2_000)).toBe(true);
  });

  test('tiles show the random suffix of the pod name', () => {
    expect(shortPodName('web-7d4b9c6f5-x2x9q')).toBe('x2x9q');
    expect(shortPodName('solo')).toBe('solo');
  });
});
