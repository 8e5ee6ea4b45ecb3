// Kubelet admission keeps running sums of the node's admitted pods' requests (kubelet/nodeUsage.ts)
// instead of re-adding every pod for each admission. These check the sums a user sees in the
// OutOf<resource> message stay exact as pods finish, are deleted, and across a snapshot restore.
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../src/engine/sim/simulation';
import { getPod, newSim, pod, web } from '../kubelet/helpers';

const cpu = (v: string) => web({ resources: { requests: { cpu: v } } });
const rejection = (cap: string, req: number, used: number) =>
  `Pod was rejected: Node didn't have enough resource: ${cap}, requested: ${req}, used: ${used}, capacity: 4000`;

describe('kubelet admission sums (worker-1: 4 CPUs)', () => {
  it('counts admitted pods, drops finished and deleted ones, and survives a restore', () => {
    const { sim } = newSim();
    sim.api.create(pod('job', { restartPolicy: 'Never', containers: [cpu('3')] }, { 'kubeplay.dev/run-seconds': '5' }));
    sim.runUntil(1000);
    sim.api.create(pod('b', { containers: [cpu('2')] }));
    sim.runUntil(2000);
    expect(getPod(sim, 'b')!.status).toMatchObject({ phase: 'Failed', reason: 'OutOfcpu', message: rejection('cpu', 2000, 3000) });

    // A Succeeded pod holds nothing.
    sim.runUntil(30_000);
    expect(getPod(sim, 'job')!.status.phase).toBe('Succeeded');
    sim.api.create(pod('c', { containers: [cpu('2')] }));
    sim.runUntil(31_000);
    expect(getPod(sim, 'c')!.status.phase).not.toBe('Failed');
    sim.api.create(pod('d', { containers: [cpu('2500m')] }));
    sim.runUntil(32_000);
    expect(getPod(sim, 'd')!.status.message).toBe(rejection('cpu', 2500, 2000));

    // Once c is gone, its requests are free again.
    sim.api.delete('Pod', 'default', 'c');
    sim.runUntil(70_000);
    expect(getPod(sim, 'c')).toBeUndefined();
    sim.api.create(pod('e', { containers: [cpu('3500m')] }));
    sim.runUntil(71_000);
    expect(getPod(sim, 'e')!.status.phase).not.toBe('Failed');

    // A restore rebuilds the sums from the store and the kubelet's state: into a fresh simulation,
    // and into this one after it moved on (g admitted, then undone by the restore).
    const snap = JSON.stringify(sim.snapshot());
    sim.api.create(pod('g', { containers: [cpu('500m')] }));
    sim.runUntil(72_000);
    expect(getPod(sim, 'g')!.status.phase).not.toBe('Failed');
    sim.restore(JSON.parse(snap));
    const fresh = new Simulation({ seed: 1, freezeObjects: true });
    fresh.restore(JSON.parse(snap));
    for (const s of [sim, fresh]) {
      expect(getPod(s, 'g')).toBeUndefined();
      s.api.create(pod('f', { containers: [cpu('1')] }));
      s.runUntil(72_000);
      expect(getPod(s, 'f')!.status.message).toBe(rejection('cpu', 1000, 3500));
    }
    expect(JSON.stringify(fresh.all())).toBe(JSON.stringify(sim.all()));
  });

  it('counts pods against the node pod capacity, and a finished pod frees its slot', () => {
    const { sim } = newSim();
    expect(sim.get('Node', undefined, 'worker-1')!.status.allocatable.pods).toBe('110');
    sim.api.create(pod('job', { restartPolicy: 'Never', containers: [web()] }, { 'kubeplay.dev/run-seconds': '5' }));
    for (let i = 1; i < 110; i++) sim.api.create(pod(`p${i}`, { containers: [web()] }));
    sim.runUntil(1000);
    expect(sim.api.podsOnNode('worker-1').filter((p) => p.status?.phase === 'Failed')).toEqual([]);
    sim.api.create(pod('extra', { containers: [web()] }));
    sim.runUntil(2000);
    expect(getPod(sim, 'extra')!.status).toMatchObject({
      phase: 'Failed',
      reason: 'OutOfpods',
      message: "Pod was rejected: Node didn't have enough resource: pods, requested: 1, used: 110, capacity: 110",
    });
    sim.runUntil(30_000);
    expect(getPod(sim, 'job')!.status.phase).toBe('Succeeded');
    sim.api.create(pod('late', { containers: [web()] }));
    sim.runUntil(31_000);
    expect(getPod(sim, 'late')!.status.phase).not.toBe('Failed');
  });
});
