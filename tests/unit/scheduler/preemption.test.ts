// Priority and DefaultPreemption: victims, nomination, events, PDBs and preemptionPolicy Never.
import { describe, expect, it } from 'vitest';
import type { Simulation } from '../../../src/engine/sim/simulation';
import { createPod, events, newSim, nodeOf, pod, scheduledCondition, scheduler, TAINT_MSG } from './helpers';

function priorityClasses(sim: Simulation): void {
  sim.api.create({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 1000 });
  sim.api.create({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high-never' }, value: 1000, preemptionPolicy: 'Never' });
}

/** Each worker gets one 3-CPU pod; `prio` gives them a priority class. */
function fillWorkers(sim: Simulation, spec: Record<string, unknown> = {}): void {
  for (const w of ['worker-1', 'worker-2', 'worker-3']) {
    createPod(sim, `low-${w}`, { cpu: '3', labels: { app: 'low', node: w }, spec: { nodeSelector: { 'kubernetes.io/hostname': w }, terminationGracePeriodSeconds: 5, ...spec } });
  }
  sim.advance(2000);
}

describe('DefaultPreemption', () => {
  it('evicts one lower-priority pod, nominates its node, and schedules there once it is gone', () => {
    const sim = newSim();
    priorityClasses(sim);
    fillWorkers(sim);
    const high = createPod(sim, 'high', { cpu: '2', spec: { priorityClassName: 'high' } });
    expect(high.spec.priority).toBe(1000);
    sim.advance(5);
    const nominated = pod(sim, 'high').status?.nominatedNodeName;
    expect(nominated).toMatch(/^worker-[123]$/);
    // The failed attempt itself reports only the filter verdicts: preemption found a node.
    expect(scheduledCondition(sim, 'high')).toMatchObject({ status: 'False', reason: 'Unschedulable', message: `0/4 nodes are available: ${TAINT_MSG}, 3 Insufficient cpu.` });
    const victim = pod(sim, `low-${nominated}`);
    expect(victim.metadata.deletionTimestamp).toBeDefined();
    expect(victim.status.conditions.find((c: { type: string }) => c.type === 'DisruptionTarget')).toMatchObject({
      type: 'DisruptionTarget',
      status: 'True',
      reason: 'PreemptionByScheduler',
      message: 'default-scheduler: preempting to accommodate a higher priority pod',
    });
    const [ev] = events(sim, 'Preempted', `low-${nominated}`);
    expect(ev.message).toBe(`Preempted by pod ${high.metadata.uid} on node ${nominated}`);
    expect(ev.type).toBe('Normal');
    expect(ev.source).toEqual({ component: 'default-scheduler' });
    // Only one victim.
    const others = ['worker-1', 'worker-2', 'worker-3'].filter((w) => w !== nominated);
    for (const w of others) expect(pod(sim, `low-${w}`).metadata.deletionTimestamp).toBeUndefined();
    // The victim's kubelet stops it within its 5s grace period; then the preemptor binds there.
    sim.advance(10_000);
    expect(sim.get('Pod', 'default', `low-${nominated}`)).toBeUndefined();
    expect(nodeOf(sim, 'high')).toBe(nominated);
    expect(pod(sim, 'high').status?.nominatedNodeName).toBeUndefined();
  });

  it('prefers the node whose victims do not violate a PodDisruptionBudget', () => {
    const sim = newSim();
    priorityClasses(sim);
    fillWorkers(sim);
    for (const w of ['worker-1', 'worker-2']) {
      sim.api.create({
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: { name: `pdb-${w}`, namespace: 'default' },
        spec: { minAvailable: 1, selector: { matchLabels: { node: w } } },
        status: { disruptionsAllowed: 0, currentHealthy: 1, desiredHealthy: 1, expectedPods: 1 },
      });
    }
    createPod(sim, 'high', { cpu: '2', spec: { priorityClassName: 'high' } });
    sim.advance(5);
    expect(pod(sim, 'high').status?.nominatedNodeName).toBe('worker-3');
  });

  it('prefers the node with lower-priority victims, then fewer victims', () => {
    const sim = newSim();
    priorityClasses(sim);
    sim.api.create({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'mid' }, value: 500 });
    const on = (w: string) => ({ nodeSelector: { 'kubernetes.io/hostname': w } });
    createPod(sim, 'mid-1', { cpu: '3', spec: { ...on('worker-1'), priorityClassName: 'mid' } });
    for (const x of ['a', 'b', 'c']) createPod(sim, `small-2${x}`, { cpu: '1', spec: on('worker-2') });
    createPod(sim, 'low-3', { cpu: '3', spec: on('worker-3') });
    sim.advance(2000);
    createPod(sim, 'high', { cpu: '3', spec: { priorityClassName: 'high' } });
    sim.advance(5);
    // worker-1's victim has priority 500; worker-2 needs two priority-0 victims; worker-3 one.
    expect(pod(sim, 'high').status?.nominatedNodeName).toBe('worker-3');
    expect(scheduler(sim).explain('default', 'high')!.preemption).toEqual({ nominatedNode: 'worker-3', victims: ['default/low-3'] });
  });

  it('does not preempt for pods with preemptionPolicy Never', () => {
    const sim = newSim();
    priorityClasses(sim);
    fillWorkers(sim);
    createPod(sim, 'polite', { cpu: '2', spec: { priorityClassName: 'high-never' } });
    sim.advance(5);
    expect(pod(sim, 'polite').spec.preemptionPolicy).toBe('Never');
    expect(events(sim, 'FailedScheduling', 'polite')[0].message).toBe(
      `0/4 nodes are available: ${TAINT_MSG}, 3 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.`,
    );
    expect(events(sim, 'Preempted')).toEqual([]);
  });

  it('never preempts pods of equal or higher priority', () => {
    const sim = newSim();
    priorityClasses(sim);
    fillWorkers(sim, { priorityClassName: 'high' });
    createPod(sim, 'peer', { cpu: '2', spec: { priorityClassName: 'high' } });
    sim.advance(5);
    expect(events(sim, 'FailedScheduling', 'peer')[0].message).toBe(
      `0/4 nodes are available: ${TAINT_MSG}, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.`,
    );
  });
});

describe('Priority admission', () => {
  it('resolves priorityClassName, the globalDefault class and the system classes', () => {
    const sim = newSim();
    sim.api.create({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'default-prio' }, value: 42, globalDefault: true });
    expect(createPod(sim, 'plain').spec).toMatchObject({ priority: 42, priorityClassName: 'default-prio', preemptionPolicy: 'PreemptLowerPriority' });
    expect(createPod(sim, 'sys', { namespace: 'kube-system', spec: { priorityClassName: 'system-node-critical' } }).spec.priority).toBe(2000001000);
    expect(createPod(sim, 'cluster', { namespace: 'kube-system', spec: { priorityClassName: 'system-cluster-critical' } }).spec.priority).toBe(2000000000);
    expect(() => createPod(sim, 'typo', { spec: { priorityClassName: 'hihg' } })).toThrow('no PriorityClass with name hihg was found');
  });
});
