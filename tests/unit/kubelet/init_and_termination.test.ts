// Init containers run one at a time before the regular containers (PodInitializing meanwhile);
// a failing init container restarts under the pod's restartPolicy with the same back-off
// (Init:CrashLoopBackOff in kubectl), or fails the pod with restartPolicy Never.
// Termination: after deletionTimestamp the kubelet kills every container with
// deletionGracePeriodSeconds — preStop first (its time comes out of the grace period, and at
// least 2s are left for SIGTERM), SIGTERM, SIGKILL when the grace runs out — then writes the final
// status and deletes the pod with grace 0. A pod deleted at 10000 is seen at 10100.
import { describe, expect, it } from 'vitest';
import { condition, cstatus, getPod, newSim, pod, times, web } from './helpers';
import type { Simulation } from '../../../src/engine/sim/simulation';

const sh = (name: string) => ({ name, image: 'busybox:1.36', command: ['sh', '-c', 'echo done'] });

function goneAt(sim: Simulation, name: string): () => number | undefined {
  let at: number | undefined;
  sim.onChange((r) => {
    if (r.type === 'DELETED' && r.object.kind === 'Pod' && r.object.metadata.name === name) at = r.t;
  });
  return () => at;
}

describe('kubelet: init containers', () => {
  it('runs init containers in order, then the app', () => {
    const { sim, events } = newSim();
    sim.api.create(pod('init', { initContainers: [sh('init-a'), sh('init-b')], containers: [web()] }));
    sim.runUntil(1_500);
    let p = getPod(sim, 'init')!;
    expect(p.status.phase).toBe('Pending');
    expect(cstatus(sim, 'init', 'web').state).toEqual({ waiting: { reason: 'PodInitializing' } });
    expect(cstatus(sim, 'init', 'init-b', true).state).toEqual({ waiting: { reason: 'PodInitializing' } });
    expect(condition(p, 'Initialized')).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [init-a init-b]' });
    sim.runUntil(10_000);
    const started = events.filter((e) => e.object === 'init' && e.reason === 'Started').map((e) => [e.t, e.fieldPath]);
    expect(started.map((s) => s[1])).toEqual(['spec.initContainers{init-a}', 'spec.initContainers{init-b}', 'spec.containers{web}']);
    // Each init container runs 1s; the next starts after the exit is seen (100ms) and created (150ms).
    expect((started[1][0] as number) - (started[0][0] as number)).toBe(1_000 + 100 + 150);
    p = getPod(sim, 'init')!;
    expect(p.status.phase).toBe('Running');
    expect(condition(p, 'Initialized').status).toBe('True');
    expect(cstatus(sim, 'init', 'init-a', true)).toMatchObject({ ready: true, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } });
  });

  it('a failing init container backs off (Init:CrashLoopBackOff) and the pod stays Pending', () => {
    const { sim, events } = newSim();
    sim.api.create(pod('init', { initContainers: [sh('init-a')], containers: [web()] }, { 'kubeplay.dev/exit-code.init-a': '1', 'kubeplay.dev/run-seconds.init-a': '2' }));
    sim.runUntil(30_000);
    const p = getPod(sim, 'init')!;
    expect(p.status.phase).toBe('Pending');
    const s = cstatus(sim, 'init', 'init-a', true);
    expect(s.restartCount).toBeGreaterThanOrEqual(1);
    expect(times(events, 'BackOff', 'init')).not.toEqual([]);
    expect(events.find((e) => e.reason === 'BackOff')!.message).toMatch(/^Back-off restarting failed container init-a in pod init_default\(/);
    expect(times(events, 'Started', 'init').length).toBeGreaterThanOrEqual(2);
    expect(events.some((e) => e.object === 'init' && e.fieldPath === 'spec.containers{web}')).toBe(false);
  });

  it('a failing init container with restartPolicy Never fails the pod', () => {
    const { sim } = newSim();
    sim.api.create(pod('init', { restartPolicy: 'Never', initContainers: [sh('init-a')], containers: [web()] }, { 'kubeplay.dev/exit-code.init-a': '2', 'kubeplay.dev/run-seconds.init-a': '2' }));
    sim.runUntil(20_000);
    expect(getPod(sim, 'init')!.status.phase).toBe('Failed');
    expect(cstatus(sim, 'init', 'init-a', true).state.terminated).toMatchObject({ exitCode: 2, reason: 'Error' });
  });
});

describe('kubelet: termination', () => {
  it('SIGTERM: a process that exits at once is gone 100ms after the delete', () => {
    const { sim, events } = newSim();
    sim.api.create(pod('web', { containers: [web()] }));
    const gone = goneAt(sim, 'web');
    sim.runUntil(10_000);
    sim.api.delete('Pod', 'default', 'web');
    expect(getPod(sim, 'web')!.metadata.deletionTimestamp).toBe('2025-01-01T00:00:40Z');
    sim.runUntil(20_000);
    expect(events.filter((e) => e.reason === 'Killing').map((e) => [e.t, e.message])).toEqual([[10_100, 'Stopping container web']]);
    expect(gone()).toBe(10_100);
  });

  it('a slow shutdown keeps the pod Terminating until the process exits', () => {
    const { sim } = newSim();
    sim.api.create(pod('web', { containers: [web()] }, { 'kubeplay.dev/shutdown-seconds': '5' }));
    const gone = goneAt(sim, 'web');
    sim.runUntil(10_000);
    sim.api.delete('Pod', 'default', 'web');
    sim.runUntil(15_000);
    expect(getPod(sim, 'web')!.status.phase).toBe('Running');
    sim.runUntil(20_000);
    expect(gone()).toBe(15_100);
  });

  it('SIGKILL (exit 137) when the process outlives terminationGracePeriodSeconds', () => {
    const { sim } = newSim();
    sim.api.create(pod('web', { terminationGracePeriodSeconds: 30, containers: [web()] }, { 'kubeplay.dev/shutdown-seconds': '60' }));
    let final: any;
    sim.onChange((r) => {
      if (r.object.kind === 'Pod' && r.type === 'MODIFIED' && r.object.status?.containerStatuses?.[0]?.state?.terminated) final = r.object;
    });
    const gone = goneAt(sim, 'web');
    sim.runUntil(10_000);
    sim.api.delete('Pod', 'default', 'web');
    sim.runUntil(60_000);
    expect(gone()).toBe(40_100);
    expect(final.status.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    expect(final.status.phase).toBe('Failed');
  });

  it('preStop runs first and its time comes out of the grace period', () => {
    const { sim } = newSim();
    sim.api.create(pod('a', { containers: [web({ lifecycle: { preStop: { sleep: { seconds: 5 } } } })] }, { 'kubeplay.dev/shutdown-seconds': '2' }));
    sim.api.create(pod('b', { terminationGracePeriodSeconds: 30, containers: [web({ lifecycle: { preStop: { exec: { command: ['sh', '-c', 'sleep 40'] } } } })] }, { 'kubeplay.dev/shutdown-seconds': '10' }));
    const goneA = goneAt(sim, 'a');
    const goneB = goneAt(sim, 'b');
    sim.runUntil(10_000);
    sim.api.delete('Pod', 'default', 'a');
    sim.api.delete('Pod', 'default', 'b');
    sim.runUntil(60_000);
    // a: 5s hook + 2s shutdown. b: the hook is cut at 30s, then the 2s minimum, then SIGKILL.
    expect(goneA()).toBe(10_100 + 5_000 + 2_000);
    expect(goneB()).toBe(10_100 + 30_000 + 2_000);
  });

  it('a delete with a shorter grace period', () => {
    const { sim } = newSim();
    sim.api.create(pod('web', { containers: [web()] }, { 'kubeplay.dev/shutdown-seconds': '60' }));
    const gone = goneAt(sim, 'web');
    sim.runUntil(10_000);
    sim.api.delete('Pod', 'default', 'web', { gracePeriodSeconds: 5 });
    sim.runUntil(30_000);
    expect(gone()).toBe(15_100);
  });

  it('a batch pod (restartPolicy Never) Succeeds and keeps its final status', () => {
    const { sim } = newSim();
    sim.api.create(pod('job', { restartPolicy: 'Never', containers: [web()] }, { 'kubeplay.dev/run-seconds': '5' }));
    sim.runUntil(20_000);
    const p = getPod(sim, 'job')!;
    expect(p.status.phase).toBe('Succeeded');
    expect(p.status.conditions.map((c: any) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=False',
      'Initialized=True',
      'Ready=False',
      'ContainersReady=False',
    ]);
    expect(cstatus(sim, 'job').state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed', startedAt: '2025-01-01T00:00:02Z', finishedAt: '2025-01-01T00:00:07Z' });
  });
});
