// A pod's start on its node, step by step, with the simulated runtime's latencies:
//   t=0      pod bound to worker-1 (spec.nodeName)
//   +100ms   the kubelet's pod worker sees it: Pending, ContainerCreating, startTime, hostIP
//   +500ms   sandbox ready (t=600): pod IP from worker-1's 10.244.1.0/24, from .2 on
//   t=600    Pulling; nginx:1.27 is 72,171,770 bytes: 300ms + 72171770/40000 B/ms = 2104ms
//   t=2704   Pulled "... in 2.104s (2.104s including waiting) ..."
//   +150ms   Created and Started (t=2854): Running; no readiness probe, so Ready at once.
import { describe, expect, it } from 'vitest';
import { condition, cstatus, getPod, newSim, pod, times, web } from './helpers';

describe('kubelet: pod start', () => {
  it('follows the kubelet timeline with the kubelet event wording', () => {
    const { sim, events } = newSim();
    sim.api.create(pod('web', { containers: [web()] }));
    sim.runUntil(150);
    let p = getPod(sim, 'web')!;
    expect(p.status.phase).toBe('Pending');
    expect(p.status.hostIP).toBe('172.18.0.3');
    expect(p.status.hostIPs).toEqual([{ ip: '172.18.0.3' }]);
    expect(p.status.podIP).toBeUndefined();
    expect(p.status.startTime).toBe('2025-01-01T00:00:00Z');
    expect(cstatus(sim, 'web').state).toEqual({ waiting: { reason: 'ContainerCreating' } });
    expect(p.status.conditions.map((c: any) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=False',
      'Initialized=True',
      'Ready=False',
      'ContainersReady=False',
    ]);
    expect(condition(p, 'Ready')).toMatchObject({ reason: 'ContainersNotReady', message: 'containers with unready status: [web]' });

    sim.runUntil(700);
    p = getPod(sim, 'web')!;
    expect(p.status.podIP).toBe('10.244.1.2');
    expect(p.status.podIPs).toEqual([{ ip: '10.244.1.2' }]);
    expect(condition(p, 'PodReadyToStartContainers').status).toBe('True');

    sim.runUntil(3000);
    expect(events.filter((e) => e.object === 'web').map((e) => [e.t, e.type, e.reason, e.fieldPath, e.message])).toEqual([
      [600, 'Normal', 'Pulling', 'spec.containers{web}', 'Pulling image "nginx:1.27"'],
      [2704, 'Normal', 'Pulled', 'spec.containers{web}', 'Successfully pulled image "nginx:1.27" in 2.104s (2.104s including waiting). Image size: 72171770 bytes.'],
      [2854, 'Normal', 'Created', 'spec.containers{web}', 'Container created'],
      [2854, 'Normal', 'Started', 'spec.containers{web}', 'Container started'],
    ]);
    expect(events.find((e) => e.object === 'web')!.source).toBe('kubelet');
    p = getPod(sim, 'web')!;
    expect(p.status.phase).toBe('Running');
    const cs = cstatus(sim, 'web');
    expect(cs).toMatchObject({
      name: 'web',
      image: 'docker.io/library/nginx:1.27',
      ready: true,
      started: true,
      restartCount: 0,
      lastState: {},
      state: { running: { startedAt: '2025-01-01T00:00:02Z' } },
    });
    expect(cs.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(cs.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(p.status.conditions.map((c: any) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
    ]);
    expect(p.status.qosClass).toBe('BestEffort');
  });

  it('reuses a cached image, and allocates the next pod IP', () => {
    const { sim, events } = newSim();
    sim.api.create(pod('a', { containers: [web()] }));
    sim.runUntil(5000);
    sim.api.create(pod('b', { containers: [web()] }));
    sim.runUntil(10_000);
    // b: seen at 5100, sandbox at 5600, image present (IfNotPresent): Pulled at once, started at 5750.
    expect(events.filter((e) => e.object === 'b').map((e) => [e.t, e.reason, e.message])).toEqual([
      [5600, 'Pulled', 'Container image "nginx:1.27" already present on machine and can be accessed by the pod'],
      [5750, 'Created', 'Container created'],
      [5750, 'Started', 'Container started'],
    ]);
    expect(getPod(sim, 'b')!.status.podIP).toBe('10.244.1.3');
  });

  it('serializes image pulls on a node (serializeImagePulls) and reports the wait', () => {
    const { sim, events } = newSim();
    sim.api.create(pod('a', { containers: [web()] }));
    sim.api.create(pod('b', { containers: [{ name: 'web', image: 'redis:8.0' }] }));
    sim.runUntil(10_000);
    const pulledA = events.find((e) => e.object === 'a' && e.reason === 'Pulled')!;
    const pulledB = events.find((e) => e.object === 'b' && e.reason === 'Pulled')!;
    expect(pulledA.t).toBe(2704);
    // b asked at 600 too but waited for a's pull to finish at 2704.
    const m = /in ([\d.]+)s \(([\d.]+)s including waiting\)/.exec(pulledB.message)!;
    expect(Math.round(Number(m[2]) * 1000) - Math.round(Number(m[1]) * 1000)).toBe(2104);
    expect(pulledB.t).toBe(600 + Math.round(Number(m[2]) * 1000));
  });

  it('pulls again with imagePullPolicy Always even when the image is cached', () => {
    const { sim, events } = newSim();
    sim.api.create(pod('a', { containers: [web()] }));
    sim.runUntil(5000);
    sim.api.create(pod('b', { containers: [web({ imagePullPolicy: 'Always' })] }));
    sim.runUntil(10_000);
    // Layers are cached: only the 300ms registry round trip.
    expect(events.filter((e) => e.object === 'b' && e.reason.startsWith('Pull')).map((e) => [e.t, e.message])).toEqual([
      [5600, 'Pulling image "nginx:1.27"'],
      [5900, 'Successfully pulled image "nginx:1.27" in 300ms (300ms including waiting). Image size: 72171770 bytes.'],
    ]);
  });

  it('rejects a pod that does not fit the node at kubelet admission', () => {
    const { sim, events } = newSim();
    sim.api.create(pod('big', { containers: [web({ resources: { requests: { cpu: '5' } } })] }));
    sim.runUntil(1000);
    const p = getPod(sim, 'big')!;
    expect(p.status.phase).toBe('Failed');
    expect(p.status.reason).toBe('OutOfcpu');
    expect(p.status.message).toBe("Pod was rejected: Node didn't have enough resource: cpu, requested: 5000, used: 0, capacity: 4000");
    expect(times(events, 'OutOfcpu', 'big')).toEqual([100]);
  });

  it('runs multiple containers, started one after the other', () => {
    const { sim, events } = newSim();
    sim.api.create(pod('two', { containers: [web(), { name: 'sidecar', image: 'busybox:1.36', command: ['sleep', 'infinity'] }] }));
    sim.runUntil(10_000);
    const started = events.filter((e) => e.object === 'two' && e.reason === 'Started').map((e) => [e.t, e.fieldPath]);
    // web: started at 2854; then busybox (2,155,376 bytes → 300 + 54 = 354ms) pulled by 3208, started 3358.
    expect(started).toEqual([
      [2854, 'spec.containers{web}'],
      [3358, 'spec.containers{sidecar}'],
    ]);
    expect(getPod(sim, 'two')!.status.containerStatuses.map((c: any) => [c.name, c.ready])).toEqual([
      ['web', true],
      ['sidecar', true],
    ]);
  });
});
