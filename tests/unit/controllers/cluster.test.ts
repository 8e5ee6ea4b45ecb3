// Deployments on the default simulated cluster (real scheduler and kubelets), and determinism:
// the same scenario and seed give a byte-identical trace.
import { describe, expect, test } from 'vitest';
import { Simulation } from '../../../src/engine/sim/simulation';
import { FakeKubelet, deployment, newSim } from './fakeKubelet';

function cond(obj: any, type: string) {
  return obj?.status?.conditions?.find((c: { type: string }) => c.type === type);
}

describe('on the default cluster', () => {
  test('a Deployment becomes available and a rolling update completes', () => {
    const sim = new Simulation({ freezeObjects: true, seed: 11 });
    sim.api.create(deployment('web', 3));
    sim.advance(60_000);
    let d = sim.get('Deployment', 'default', 'web')!;
    expect(d.status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(cond(d, 'Progressing')?.reason).toBe('NewReplicaSetAvailable');
    for (const p of sim.list('Pod', 'default')) expect(p.spec.nodeName).toMatch(/^worker-[123]$/);

    sim.api.mutate('Deployment', 'default', 'web', (x) => void (x.spec.template.spec.containers[0].image = 'nginx:1.28'));
    sim.advance(120_000);
    d = sim.get('Deployment', 'default', 'web')!;
    expect(d.status).toMatchObject({ observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 3 });
    const pods = sim.list('Pod', 'default');
    expect(pods).toHaveLength(3);
    for (const p of pods) expect(p.spec.containers[0].image).toBe('nginx:1.28');
  });
});

describe('determinism', () => {
  const run = (seed: number) => {
    const sim = newSim(seed);
    const k = new FakeKubelet(sim, { readyAfterMs: 700, terminateAfterMs: 300 });
    const trace: string[] = [];
    sim.onChange((r) => trace.push(JSON.stringify(r)));
    sim.api.create(deployment('web', 5));
    k.advance(10_000);
    sim.api.mutate('Deployment', 'default', 'web', (x) => void (x.spec.template.spec.containers[0].image = 'nginx:1.28'));
    k.advance(30_000);
    sim.api.delete('Deployment', 'default', 'web');
    k.advance(5_000);
    return trace;
  };

  test('the same seed gives a byte-identical trace; another seed changes only random names', () => {
    const a = run(5);
    expect(run(5)).toEqual(a);
    const b = run(6);
    expect(b.length).toBe(a.length);
    expect(b).not.toEqual(a);
  });
});

describe('snapshots', () => {
  test('restoring a snapshot taken mid-rollout replays the same trace', () => {
    const sim = new Simulation({ freezeObjects: true, seed: 2 });
    sim.api.create(deployment('web', 4));
    sim.advance(30_000);
    sim.api.mutate('Deployment', 'default', 'web', (x) => void (x.spec.template.spec.containers[0].image = 'nginx:1.28'));
    sim.advance(3_000);
    const snap = sim.snapshot();
    const record = () => {
      const trace: string[] = [];
      const stop = sim.onChange((r) => trace.push(JSON.stringify(r)));
      sim.advance(60_000);
      stop();
      return trace;
    };
    const first = record();
    sim.restore(snap);
    expect(record()).toEqual(first);
    expect(first.some((l) => l.includes('"ScalingReplicaSet"'))).toBe(true);
  });
});
