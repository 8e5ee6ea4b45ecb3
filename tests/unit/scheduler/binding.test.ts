// Binding, FailedScheduling and the queue's retry timing, on the default cluster
// (control-plane tainted NoSchedule; worker-1..3 in zones a, b, c; 4 CPU / 8Gi / 110 pods each).
import { describe, expect, it } from 'vitest';
import { nodeManifest } from '../../../src/engine/sim/cluster';
import { numFeasibleNodesToFind } from '../../../src/engine/scheduler/schedule_one';
import { createPod, events, newSim, nodeOf, pod, scheduledCondition, scheduler, TAINT_MSG } from './helpers';

describe('binding', () => {
  it('binds after the scheduling latency, sets PodScheduled=True and records Scheduled', () => {
    const sim = newSim();
    createPod(sim, 'web', { cpu: '500m' });
    sim.advance(4);
    expect(nodeOf(sim, 'web')).toBeUndefined();
    sim.advance(1);
    const node = nodeOf(sim, 'web');
    expect(node).toMatch(/^worker-[123]$/);
    expect(scheduledCondition(sim, 'web')).toEqual({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2025-01-01T00:00:00Z', observedGeneration: 1 });
    expect(pod(sim, 'web').metadata.generation).toBe(1);
    const [ev] = events(sim, 'Scheduled', 'web');
    expect(ev.message).toBe(`Successfully assigned default/web to ${node}`);
    expect(ev.type).toBe('Normal');
    expect(ev.source).toEqual({ component: 'default-scheduler' });
  });

  it('never places pods on the tainted control-plane node and leaves other schedulers alone', () => {
    const sim = newSim();
    for (let i = 0; i < 6; i++) createPod(sim, `p${i}`);
    createPod(sim, 'mine', { spec: { schedulerName: 'my-scheduler' } });
    sim.advance(100);
    for (let i = 0; i < 6; i++) expect(nodeOf(sim, `p${i}`)).not.toBe('control-plane');
    expect(nodeOf(sim, 'mine')).toBeUndefined();
    expect(events(sim, undefined, 'mine')).toEqual([]);
  });

  it('spreads identical pods evenly by LeastAllocated and BalancedAllocation', () => {
    const sim = newSim();
    for (let i = 0; i < 6; i++) createPod(sim, `p${i}`, { cpu: '1', memory: '1Gi' });
    sim.advance(100);
    const counts: Record<string, number> = {};
    for (let i = 0; i < 6; i++) counts[nodeOf(sim, `p${i}`)!] = (counts[nodeOf(sim, `p${i}`)!] ?? 0) + 1;
    expect(counts).toEqual({ 'worker-1': 2, 'worker-2': 2, 'worker-3': 2 });
  });
});

describe('FailedScheduling', () => {
  it("writes kube-scheduler's FitError message with the preemption summary", () => {
    const sim = newSim();
    createPod(sim, 'huge', { cpu: '5' });
    sim.advance(10);
    const msg = `0/4 nodes are available: ${TAINT_MSG}, 3 Insufficient cpu. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.`;
    expect(scheduledCondition(sim, 'huge')).toEqual({
      type: 'PodScheduled',
      status: 'False',
      reason: 'Unschedulable',
      message: msg,
      lastProbeTime: null,
      lastTransitionTime: '2025-01-01T00:00:00Z',
      observedGeneration: 1,
    });
    const [ev] = events(sim, 'FailedScheduling', 'huge');
    expect(ev.type).toBe('Warning');
    expect(ev.message).toBe(msg);
    expect(ev.source).toEqual({ component: 'default-scheduler' });
  });

  it('counts nodes that could fit after preemption separately from those that cannot', () => {
    const sim = newSim();
    for (const n of ['a', 'b', 'c']) createPod(sim, `fill-${n}`, { cpu: '3' });
    sim.advance(10);
    createPod(sim, 'big', { cpu: '2' });
    sim.advance(10);
    expect(events(sim, 'FailedScheduling', 'big')[0].message).toBe(
      `0/4 nodes are available: ${TAINT_MSG}, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.`,
    );
  });

  it('reports Too many pods and extended resources', () => {
    const sim = newSim();
    createPod(sim, 'gpu', { containerExtra: { resources: { requests: { 'nvidia.com/gpu': '1' }, limits: { 'nvidia.com/gpu': '1' } } } });
    sim.advance(10);
    expect(events(sim, 'FailedScheduling', 'gpu')[0].message).toBe(
      `0/4 nodes are available: ${TAINT_MSG}, 3 Insufficient nvidia.com/gpu. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.`,
    );
  });

  it('counts init containers as max(sum of containers, largest init container)', () => {
    const sim = newSim();
    // Containers 1 CPU, init container 3.5 CPU: the pod needs 3.5 CPU, which one empty worker has.
    createPod(sim, 'init', { cpu: '1', spec: { initContainers: [{ name: 'setup', image: 'busybox', resources: { requests: { cpu: '3500m' } } }] } });
    sim.advance(10);
    expect(nodeOf(sim, 'init')).toMatch(/^worker-/);
    // A second such pod no longer fits anywhere but two other workers: still fine; a 4.5 CPU init never fits.
    createPod(sim, 'init-big', { cpu: '1', spec: { initContainers: [{ name: 'setup', image: 'busybox', resources: { requests: { cpu: '4500m' } } }] } });
    sim.advance(10);
    expect(events(sim, 'FailedScheduling', 'init-big')[0].message).toContain('3 Insufficient cpu.');
  });

  it('counts a sidecar (restartable init container) alongside the app containers', () => {
    const sim = newSim();
    createPod(sim, 'sidecar', { cpu: '3', spec: { initContainers: [{ name: 'proxy', image: 'envoy', restartPolicy: 'Always', resources: { requests: { cpu: '1500m' } } }] } });
    sim.advance(10);
    // 3 + 1.5 = 4.5 CPU > 4 CPU per worker.
    expect(events(sim, 'FailedScheduling', 'sidecar')[0].message).toContain('3 Insufficient cpu.');
  });
});

describe('queue and retries', () => {
  it('retries an unschedulable pod when a bound pod is deleted, popping it from backoffQ when activeQ is empty', () => {
    const sim = newSim();
    for (const n of ['a', 'b', 'c']) createPod(sim, `fill-${n}`, { cpu: '3' });
    sim.advance(10);
    createPod(sim, 'waiting', { cpu: '2' }); // fails at t=15ms (attempt 1, back-off 1s)
    sim.advance(10);
    expect(scheduler(sim).pending().unschedulable).toEqual(['default/waiting']);
    sim.runUntil(500);
    sim.api.delete('Pod', 'default', 'fill-a', { gracePeriodSeconds: 0 });
    expect(sim.get('Pod', 'default', 'fill-a')).toBeUndefined();
    // The deletion moves it to backoffQ (its back-off runs to 1.015s), but with activeQ empty the
    // scheduler pops it from backoffQ at once (SchedulerPopFromBackoffQ).
    sim.runUntil(504);
    expect(nodeOf(sim, 'waiting')).toBeUndefined();
    sim.runUntil(505);
    expect(nodeOf(sim, 'waiting')).toMatch(/^worker-/);
    expect(events(sim, 'FailedScheduling', 'waiting')[0].count).toBe(1);
    expect(scheduler(sim).explain('default', 'waiting')?.attempt).toBe(2);
  });

  it('retries when a node is labelled to match a nodeSelector', () => {
    const sim = newSim();
    createPod(sim, 'picky', { spec: { nodeSelector: { disktype: 'ssd' } } });
    sim.advance(10);
    expect(events(sim, 'FailedScheduling', 'picky')[0].message).toBe(
      `0/4 nodes are available: ${TAINT_MSG}, 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.`,
    );
    sim.runUntil(3000);
    expect(nodeOf(sim, 'picky')).toBeUndefined();
    sim.api.mutate('Node', undefined, 'worker-2', (d) => {
      d.metadata.labels = { ...d.metadata.labels, disktype: 'ssd' };
    });
    sim.runUntil(3005);
    expect(nodeOf(sim, 'picky')).toBe('worker-2');
  });

  it('ignores node changes that cannot help (a label the selector does not use)', () => {
    const sim = newSim();
    createPod(sim, 'picky', { spec: { nodeSelector: { disktype: 'ssd' } } });
    sim.advance(10);
    sim.api.mutate('Node', undefined, 'worker-2', (d) => {
      d.metadata.labels = { ...d.metadata.labels, team: 'blue' };
    });
    sim.advance(100);
    expect(scheduler(sim).pending().unschedulable).toEqual(['default/picky']);
    expect(events(sim, 'FailedScheduling', 'picky')[0].count).toBe(1);
  });

  it('retries when a cordoned node is uncordoned', () => {
    const sim = newSim();
    for (const w of ['worker-1', 'worker-2', 'worker-3']) {
      sim.api.mutate('Node', undefined, w, (d) => {
        d.spec = { ...d.spec, unschedulable: true };
      });
    }
    createPod(sim, 'web');
    sim.advance(10);
    expect(events(sim, 'FailedScheduling', 'web')[0].message).toBe(
      `0/4 nodes are available: ${TAINT_MSG}, 3 node(s) were unschedulable. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.`,
    );
    sim.api.mutate('Node', undefined, 'worker-3', (d) => {
      d.spec = { ...d.spec, unschedulable: false };
    });
    sim.advance(5);
    expect(nodeOf(sim, 'web')).toBe('worker-3');
  });

  it('retries when a NoSchedule taint is removed from a node', () => {
    const sim = newSim();
    for (const w of ['worker-1', 'worker-2', 'worker-3']) {
      sim.api.mutate('Node', undefined, w, (d) => {
        d.spec = { ...d.spec, taints: [{ key: 'maintenance', effect: 'NoSchedule' }] };
      });
    }
    createPod(sim, 'web');
    sim.advance(10);
    expect(events(sim, 'FailedScheduling', 'web')[0].message).toBe(
      `0/4 nodes are available: ${TAINT_MSG}, 3 node(s) had untolerated taint {maintenance: }. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.`,
    );
    sim.api.mutate('Node', undefined, 'worker-1', (d) => {
      d.spec = { ...d.spec, taints: [] };
    });
    sim.advance(5);
    expect(nodeOf(sim, 'web')).toBe('worker-1');
  });

  it('keeps gated pods out of the queue until their scheduling gates are removed', () => {
    const sim = newSim();
    createPod(sim, 'gated', { spec: { schedulingGates: [{ name: 'example.com/wait' }] } });
    sim.advance(1000);
    expect(nodeOf(sim, 'gated')).toBeUndefined();
    expect(scheduler(sim).pending().gated).toEqual(['default/gated']);
    expect(events(sim, undefined, 'gated')).toEqual([]);
    sim.api.mutate('Pod', 'default', 'gated', (d) => {
      d.spec = { ...d.spec, schedulingGates: [] };
    });
    sim.advance(5);
    expect(nodeOf(sim, 'gated')).toMatch(/^worker-/);
  });

  it('backs off after a scheduler error (no nodes) and retries on the 1s flush ticks', () => {
    const sim = newSim({ nodes: [] });
    createPod(sim, 'web');
    sim.advance(10);
    expect(scheduledCondition(sim, 'web')).toMatchObject({ status: 'False', reason: 'SchedulerError', message: 'no nodes available to schedule pods' });
    // Attempt 1 at 5ms: back-off 1s, so the 2s flush moves it; attempt 2 at 2.005s: back-off 2s,
    // so the 5s flush. A node added meanwhile does not cut an error back-off short.
    sim.runUntil(2005);
    expect(events(sim, 'FailedScheduling', 'web')[0].count).toBe(2);
    sim.api.create(nodeManifest({ name: 'late-node', zone: 'zone-z' }));
    sim.runUntil(5004);
    expect(nodeOf(sim, 'web')).toBeUndefined();
    sim.runUntil(5005);
    expect(nodeOf(sim, 'web')).toBe('late-node');
  });

  it('does not retry on unrelated events, but flushes after 5 minutes in unschedulablePods', () => {
    const sim = newSim();
    createPod(sim, 'huge', { cpu: '5' });
    sim.advance(10);
    sim.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'default' }, data: {} });
    sim.runUntil(299_000);
    expect(events(sim, 'FailedScheduling', 'huge')[0].count).toBe(1);
    // Queued at 5ms; the leftover flush runs every 30s and moves pods waiting > 5min: at 300.005s + 30s tick.
    sim.runUntil(330_004);
    expect(events(sim, 'FailedScheduling', 'huge')[0].count).toBe(1);
    sim.runUntil(330_005);
    expect(events(sim, 'FailedScheduling', 'huge')[0].count).toBe(2);
  });

  it('schedules higher-priority pods first', () => {
    const sim = newSim();
    sim.api.create({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 1000 });
    for (const n of ['a', 'b', 'c']) createPod(sim, `fill-${n}`, { cpu: '3' });
    sim.advance(10);
    createPod(sim, 'low', { cpu: '1' });
    createPod(sim, 'high', { cpu: '1', spec: { priorityClassName: 'high' } });
    sim.advance(5);
    const bound = events(sim, 'Scheduled').map((e) => e.involvedObject.name);
    expect(bound.slice(3)).toEqual(['high', 'low']);
  });
});

describe('percentageOfNodesToScore', () => {
  it('stops after the adaptive number of feasible nodes and starts the next search where it stopped', () => {
    expect([50, 100, 250, 1000, 5000, 10000].map(numFeasibleNodesToFind)).toEqual([50, 100, 120, 420, 500, 500]);
    const nodes = Array.from({ length: 250 }, (_, i) => nodeManifest({ name: `n-${String(i).padStart(3, '0')}`, zone: `zone-${i % 3}` }));
    const sim = newSim({ nodes });
    createPod(sim, 'a');
    sim.advance(10);
    createPod(sim, 'b');
    sim.advance(10);
    const a = scheduler(sim).explain('default', 'a')!;
    const b = scheduler(sim).explain('default', 'b')!;
    // 250 nodes: 50 - 250/125 = 48% -> 120 nodes are enough.
    expect(a.nodes).toHaveLength(120);
    expect(a.nodes[0]).toBe('n-000');
    expect(a.feasible).toHaveLength(120);
    expect(b.nodes[0]).toBe('n-120');
    expect(b.nodes[b.nodes.length - 1]).toBe('n-239');
  });
});
