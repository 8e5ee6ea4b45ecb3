// CrashLoopBackOff (kuberuntime_manager.go doBackOff + client-go flowcontrol.Backoff, no jitter):
// key pod+container, 10s doubling to 300s. The first restart after the first exit is immediate
// (no back-off entry yet; Next creates it at 10s). Later exits wait backoff from the exit
// (finishedAt), then Next doubles it. An entry untouched for more than 2×300s is forgotten.
//
// With kubeplay.dev/crash-after: 20s the container starts at 2854 (see lifecycle.test.ts) and
// every instance lives 20s. A restart takes kubelet latency (100ms, the sync after the exit is
// noticed) + 150ms create, unless it waits for the back-off, in which case it starts 150ms after
// the wait ends. Waits: 0, 10, 20, 40, 80, 160, 300, 300 seconds.
import { describe, expect, it } from 'vitest';
import { cstatus, getPod, newSim, pod, times, watchPod, web } from './helpers';

describe('kubelet: restarts and CrashLoopBackOff', () => {
  it('restarts with the 10s..300s back-off and reports it like the kubelet', () => {
    const { sim, events } = newSim();
    sim.api.create(pod('web', { containers: [web()] }, { 'kubeplay.dev/crash-after': '20s' }));
    const expected: number[] = [2854];
    const waits = [0, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000];
    for (const w of waits) {
      const exit = expected[expected.length - 1] + 20_000;
      expected.push(w === 0 ? exit + 250 : exit + w + 150);
    }
    const log = watchPod(sim, 'web');
    sim.runUntil(expected[expected.length - 1] + 1000);
    expect(log.filter((l) => l.state === 'running').map((l) => l.t)).toEqual(expected);
    // The kubelet's events about the pod: Pulling, Pulled, Created, Started, then Pulled, Created,
    // Started per restart and a BackOff per wait. The EventCorrelator's spam filter lets 25 through
    // (the 25th is the Pulled at 433704), then one per 300 s of refill: the Created at 433854
    // (433.254 s since the first token was taken, so 1.44 tokens back) and the Pulleds at 753854 and
    // 1074004 (320 s apart, 1.07 tokens). Starts 6..8 are not shown as events, as in a real cluster.
    expect(times(events, 'Started', 'web')).toEqual(expected.slice(0, 6));
    // BackOff is recorded once per wait, when the exit is noticed (100ms after it).
    expect(times(events, 'BackOff', 'web')).toEqual(expected.slice(2, 7).map((t, i) => t - 150 - waits[i + 1] + 100));
    expect(times(events, 'Created', 'web')).toEqual([...expected.slice(0, 6), 433854]);
    // The Pulled ("already present") occurrences are one Event whose count keeps every occurrence,
    // dropped ones included: the 8th restart's patch carries count 8.
    const pulled = sim.list('Event').filter((e) => e.reason === 'Pulled' && e.message.startsWith('Container image'));
    expect(pulled.map((e) => [e.count, e.firstTimestamp, e.lastTimestamp])).toEqual([[8, '2025-01-01T00:00:22Z', '2025-01-01T00:17:54Z']]);
    expect(cstatus(sim, 'web').restartCount).toBe(8);
  });

  it('shows CrashLoopBackOff while waiting, with lastState and phase Running', () => {
    const { sim } = newSim();
    sim.api.create(pod('web', { containers: [web()] }, { 'kubeplay.dev/crash-after': '20s', 'kubeplay.dev/exit-code': '3' }));
    const log = watchPod(sim, 'web');
    sim.runUntil(50_000);
    // exit 1 at 22854, immediate restart (23104); exit 2 at 43104, waiting from 43204 until 53104.
    const p = getPod(sim, 'web')!;
    expect(p.status.phase).toBe('Running');
    const cs = cstatus(sim, 'web');
    expect(cs.state.waiting.reason).toBe('CrashLoopBackOff');
    expect(cs.state.waiting.message).toBe(`back-off 10s restarting failed container=web pod=web_default(${p.metadata.uid})`);
    expect(cs.lastState.terminated).toMatchObject({
      exitCode: 3,
      reason: 'Error',
      startedAt: '2025-01-01T00:00:23Z',
      finishedAt: '2025-01-01T00:00:43Z',
    });
    expect(cs.restartCount).toBe(1);
    expect(cs.ready).toBe(false);
    expect(log.map((l) => [l.t, l.state, l.restarts])).toEqual([
      [100, 'waiting:ContainerCreating', 0],
      [2854, 'running', 0],
      [22854, 'terminated:Error', 0],
      [23104, 'running', 1],
      [43104, 'terminated:Error', 1],
      [43204, 'waiting:CrashLoopBackOff', 1],
    ]);
    sim.runUntil(80_000);
    // 20s later the message says 20s.
    expect(cstatus(sim, 'web').state.waiting?.message ?? '').toContain('back-off 20s');
  });

  it('forgets the back-off when a container ran longer than 10 minutes', () => {
    const { sim, events } = newSim();
    sim.api.create(pod('web', { containers: [web()] }, { 'kubeplay.dev/crash-after': '11m' }));
    sim.runUntil(40 * 60_000);
    // Every exit (after 660s) finds the entry older than 2×300s: restart at once each time.
    expect(times(events, 'BackOff', 'web')).toEqual([]);
    const started = times(events, 'Started', 'web');
    expect(started).toEqual([2854, 2854 + 660_250, 2854 + 2 * 660_250, 2854 + 3 * 660_250]);
  });

  it('restartPolicy OnFailure restarts failures only; Never leaves the pod Failed', () => {
    const { sim } = newSim();
    sim.api.create(pod('ok', { restartPolicy: 'OnFailure', containers: [web()] }, { 'kubeplay.dev/run-seconds': '10' }));
    sim.api.create(pod('bad', { restartPolicy: 'OnFailure', containers: [web()] }, { 'kubeplay.dev/crash-after': '10s' }));
    sim.api.create(pod('never', { restartPolicy: 'Never', containers: [web()] }, { 'kubeplay.dev/crash-after': '10s', 'kubeplay.dev/exit-code': '2' }));
    sim.runUntil(60_000);
    expect(getPod(sim, 'ok')!.status.phase).toBe('Succeeded');
    expect(cstatus(sim, 'ok').state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(getPod(sim, 'bad')!.status.phase).toBe('Running');
    expect(cstatus(sim, 'bad').restartCount).toBeGreaterThan(0);
    const never = getPod(sim, 'never')!;
    expect(never.status.phase).toBe('Failed');
    expect(cstatus(sim, 'never').state.terminated).toMatchObject({ exitCode: 2, reason: 'Error' });
    expect(cstatus(sim, 'never').restartCount).toBe(0);
    expect(never.status.conditions.find((c: any) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'PodCompleted' });
  });

  it('a restartPolicy Always container that exits 0 is restarted (Completed, then back-off)', () => {
    const { sim, events } = newSim();
    sim.api.create(pod('sleeper', { containers: [{ name: 'web', image: 'busybox:1.36', command: ['sleep', '5'] }] }));
    sim.runUntil(30_000);
    expect(getPod(sim, 'sleeper')!.status.phase).toBe('Running');
    expect(cstatus(sim, 'sleeper').lastState.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(times(events, 'BackOff', 'sleeper').length).toBeGreaterThan(0);
  });

  it('OOMKills a container whose memory grows past limits.memory (exit 137)', () => {
    const { sim } = newSim();
    // 100Mi limit, 20Mi/s: OOM after 5s of running (started at 2854 → 7854).
    sim.api.create(pod('hog', { containers: [web({ resources: { limits: { memory: '100Mi' } } })] }, { 'kubeplay.dev/memory-growth': '20Mi/s' }));
    const log = watchPod(sim, 'hog');
    sim.runUntil(7900);
    expect(cstatus(sim, 'hog').state.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    expect(log.find((l) => l.state === 'terminated:OOMKilled')!.t).toBe(7854);
  });

  it('fail-probability draws from the seeded stream: same seed, same outcomes', () => {
    const outcome = (seed: number) => {
      const { sim } = newSim(seed);
      for (let i = 0; i < 8; i++) {
        sim.api.create(pod(`job-${i}`, { restartPolicy: 'Never', containers: [web()] }, { 'kubeplay.dev/run-seconds': '3', 'kubeplay.dev/fail-probability': '0.5' }));
      }
      sim.runUntil(30_000);
      return Array.from({ length: 8 }, (_, i) => getPod(sim, `job-${i}`)!.status.phase).join(',');
    };
    const a = outcome(7);
    expect(outcome(7)).toBe(a);
    expect(a.split(',').every((p) => p === 'Succeeded' || p === 'Failed')).toBe(true);
    expect(a).toContain('Failed');
    expect(a).toContain('Succeeded');
  });
});
