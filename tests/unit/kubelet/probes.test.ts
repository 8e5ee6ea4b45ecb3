// Probes (pkg/kubelet/prober): workers are created when the pod is admitted (t=100) and tick
// every periodSeconds from then on: 10100, 20100, 30100... A tick does nothing while the
// container is not running or before initialDelaySeconds. A running, not-ready container gets
// one readiness probe at once (prober_manager UpdatePodStatus), here 100ms after it started.
// The container starts at 2854 and has pod IP 10.244.1.2 (see lifecycle.test.ts).
import { describe, expect, it } from 'vitest';
import { condition, cstatus, getPod, newSim, pod, times, watchPod, web } from './helpers';

describe('kubelet: probes', () => {
  it('liveness on a port the container does not declare: killed at the third failure, then restarted', () => {
    // Failures at 10100, 20100, 30100 (failureThreshold 3) -> kill at 30100, ~27s after start.
    // SIGTERM: exit 143 at once; the first restart is immediate (30350). The worker resumes on
    // the new container: 40100, 50100, 60100 -> kill; back-off 10s -> restart at 70250.
    const { sim, events } = newSim();
    sim.api.create(pod('web', { containers: [web({ livenessProbe: { httpGet: { path: '/healthz', port: 8080 } } })] }));
    sim.runUntil(75_000);
    expect(times(events, 'Unhealthy', 'web')).toEqual([10100, 20100, 30100, 40100, 50100, 60100]);
    expect(events.find((e) => e.reason === 'Unhealthy')).toMatchObject({
      type: 'Warning',
      fieldPath: 'spec.containers{web}',
      message: 'Liveness probe failed: Get "http://10.244.1.2:8080/healthz": dial tcp 10.244.1.2:8080: connect: connection refused',
    });
    expect(events.filter((e) => e.reason === 'Killing').map((e) => [e.t, e.type, e.message])).toEqual([
      [30100, 'Normal', 'Container web failed liveness probe, will be restarted'],
      [60100, 'Normal', 'Container web failed liveness probe, will be restarted'],
    ]);
    expect(times(events, 'Started', 'web')).toEqual([2854, 30350, 70250]);
    const cs = cstatus(sim, 'web');
    expect(cs.restartCount).toBe(2);
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 143, reason: 'Error' });
  });

  it('initialDelaySeconds counts whole seconds since the container started', () => {
    // initialDelaySeconds 15: the tick at 10100 is 7.2s after start (skipped); 20100, 30100, 40100 fail.
    const { sim, events } = newSim();
    sim.api.create(pod('web', { containers: [web({ livenessProbe: { tcpSocket: { port: 9999 }, initialDelaySeconds: 15 } })] }));
    sim.runUntil(45_000);
    expect(times(events, 'Unhealthy', 'web')).toEqual([20100, 30100, 40100]);
    expect(events.find((e) => e.reason === 'Unhealthy')!.message).toBe('Liveness probe failed: dial tcp 10.244.1.2:9999: connect: connection refused');
    expect(times(events, 'Killing', 'web')).toEqual([40100]);
  });

  it('readiness that never passes keeps the pod not Ready, with an Unhealthy event per probe', () => {
    const { sim, events } = newSim();
    sim.api.create(pod('web', { containers: [web({ readinessProbe: { httpGet: { path: '/ready', port: 80 } } })] }, { 'kubeplay.dev/readiness-fails-after': '0s' }));
    sim.runUntil(65_000);
    // Immediate probe at 2954, then 10100 ... 60100.
    expect(times(events, 'Unhealthy', 'web')).toEqual([2954, 10100, 20100, 30100, 40100, 50100, 60100]);
    expect(events.find((e) => e.reason === 'Unhealthy')!.message).toBe('Readiness probe failed: HTTP probe failed with statuscode: 503');
    const p = getPod(sim, 'web')!;
    expect(p.status.phase).toBe('Running');
    expect(condition(p, 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [web]' });
    expect(condition(p, 'ContainersReady').status).toBe('False');
    expect(cstatus(sim, 'web')).toMatchObject({ ready: false, started: true, restartCount: 0 });
    expect(times(events, 'Killing', 'web')).toEqual([]);
  });

  it('becomes Ready once the port answers (start-seconds)', () => {
    // start-seconds 15: refused at 2954 and 10100 (7.2s up), passes at 20100 (17.2s up).
    const { sim, events } = newSim();
    sim.api.create(pod('web', { containers: [web({ readinessProbe: { httpGet: { port: 80 } } })] }, { 'kubeplay.dev/start-seconds': '15' }));
    const log = watchPod(sim, 'web');
    sim.runUntil(25_000);
    expect(times(events, 'Unhealthy', 'web')).toEqual([2954, 10100]);
    expect(events.find((e) => e.reason === 'Unhealthy')!.message).toBe('Readiness probe failed: Get "http://10.244.1.2:80/": dial tcp 10.244.1.2:80: connect: connection refused');
    expect(log.find((l) => l.ready)!.t).toBe(20100);
    expect(condition(getPod(sim, 'web'), 'Ready')).toMatchObject({ status: 'True', lastTransitionTime: '2025-01-01T00:00:20Z' });
  });

  it('readiness-fails-after: Ready turns False after failureThreshold failures', () => {
    // period 5s: ticks at 5100, 10100, ...; up >= 30s from 35100 (32.2s): failures 35100, 40100 -> not ready.
    const { sim } = newSim();
    sim.api.create(pod('web', { containers: [web({ readinessProbe: { httpGet: { port: 80 }, periodSeconds: 5, failureThreshold: 2 } })] }, { 'kubeplay.dev/readiness-fails-after': '30s' }));
    const log = watchPod(sim, 'web');
    sim.runUntil(50_000);
    expect(log.filter((l) => l.state === 'running').map((l) => [l.t, l.ready])).toEqual([
      [2854, false],
      [2954, true],
      [40100, false],
    ]);
  });

  it('successThreshold needs consecutive successes before Ready', () => {
    const { sim } = newSim();
    sim.api.create(pod('web', { containers: [web({ readinessProbe: { tcpSocket: { port: 80 }, periodSeconds: 5, successThreshold: 3 } })] }));
    const log = watchPod(sim, 'web');
    sim.runUntil(20_000);
    // Successes at 2954 (1), 5100 (2), 10100 (3).
    expect(log.find((l) => l.ready)!.t).toBe(10100);
  });

  it('a startup probe holds liveness and readiness back until it succeeds', () => {
    // start-seconds 25: startup fails at 10100 and 20100, succeeds at 30100 (27.2s up);
    // the readiness worker's own tick at 30100 comes right after it and passes. Liveness (same
    // port) never ran before 30100.
    const { sim, events } = newSim();
    const probe = { tcpSocket: { port: 80 } };
    sim.api.create(
      pod('web', { containers: [web({ startupProbe: { ...probe, failureThreshold: 30 }, livenessProbe: probe, readinessProbe: probe })] }, { 'kubeplay.dev/start-seconds': '25' }),
    );
    const log = watchPod(sim, 'web');
    sim.runUntil(29_000);
    expect(cstatus(sim, 'web')).toMatchObject({ started: false, ready: false });
    sim.runUntil(45_000);
    expect(events.filter((e) => e.reason === 'Unhealthy').map((e) => [e.t, e.message])).toEqual([
      [10100, 'Startup probe failed: dial tcp 10.244.1.2:80: connect: connection refused'],
      [20100, 'Startup probe failed: dial tcp 10.244.1.2:80: connect: connection refused'],
    ]);
    expect(log.find((l) => l.ready)!.t).toBe(30100);
    expect(cstatus(sim, 'web')).toMatchObject({ started: true, ready: true });
  });

  it('a startup probe that keeps failing kills the container', () => {
    const { sim, events } = newSim();
    sim.api.create(pod('web', { containers: [web({ startupProbe: { httpGet: { path: '/started', port: 80 } } })] }, { 'kubeplay.dev/start-seconds': '1000' }));
    sim.runUntil(31_000);
    expect(events.filter((e) => e.reason === 'Killing').map((e) => [e.t, e.message])).toEqual([[30100, 'Container web failed startup probe, will be restarted']]);
  });

  it('exec and grpc probes answer through the model', () => {
    const { sim, events } = newSim();
    sim.api.create(
      pod('exec', { containers: [web({ livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, periodSeconds: 5, failureThreshold: 1 } })] }, { 'kubeplay.dev/liveness-fails-after': '8s' }),
    );
    sim.api.create(pod('grpc', { containers: [web({ ports: [{ containerPort: 9090 }], livenessProbe: { grpc: { port: 9090 }, periodSeconds: 5, failureThreshold: 1 } })] }, { 'kubeplay.dev/liveness-fails-after': '8s' }));
    sim.api.create(pod('grpc-closed', { containers: [web({ readinessProbe: { grpc: { port: 9090 } } })] }));
    sim.runUntil(16_000);
    // Pulls are serialized: the three containers start at 2854, 3154 and 3454 (the later pulls of
    // the same image only check the manifest). With period 5s the ticks are 5100, 10100, 15100;
    // at 15100 exec and grpc have been up more than 8s.
    expect(events.filter((e) => e.reason === 'Unhealthy').map((e) => [e.t, e.object, e.message])).toEqual([
      [3554, 'grpc-closed', 'Readiness probe failed: timeout: failed to connect service "10.244.1.4:9090" within 1s'],
      [10100, 'grpc-closed', 'Readiness probe failed: timeout: failed to connect service "10.244.1.4:9090" within 1s'],
      [15100, 'exec', "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory\n"],
      [15100, 'grpc', 'Liveness probe failed: service unhealthy (responded with "NOT_SERVING")'],
    ]);
  });

  it('named probe ports resolve against the container ports', () => {
    const { sim, events } = newSim();
    sim.api.create(pod('web', { containers: [web({ ports: [{ name: 'http', containerPort: 8080 }], readinessProbe: { httpGet: { path: '/', port: 'http' } } })] }));
    sim.runUntil(5000);
    expect(times(events, 'Unhealthy', 'web')).toEqual([]);
    expect(cstatus(sim, 'web').ready).toBe(true);
  });

  it('live actions: break readiness and crash', () => {
    const { sim, kubelet, events } = newSim();
    sim.api.create(pod('web', { containers: [web({ readinessProbe: { tcpSocket: { port: 80 }, failureThreshold: 1 } })] }));
    sim.runUntil(5000);
    expect(cstatus(sim, 'web').ready).toBe(true);
    kubelet.appAction('default', 'web', 'break-readiness');
    sim.runUntil(10_200);
    expect(cstatus(sim, 'web').ready).toBe(false);
    kubelet.appAction('default', 'web', 'heal');
    sim.runUntil(20_200);
    expect(cstatus(sim, 'web').ready).toBe(true);
    sim.scheduleAt(25_000, 'kubelet', 'app-action', { pod: 'web', action: 'crash' });
    sim.runUntil(26_000);
    expect(cstatus(sim, 'web').lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error', finishedAt: '2025-01-01T00:00:25Z' });
    expect(times(events, 'Started', 'web')).toEqual([2854, 25250]);
  });
});
