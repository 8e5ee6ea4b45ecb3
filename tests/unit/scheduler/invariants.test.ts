// Whatever mix of pods arrives, what the scheduler binds must respect every filter: no node
// overcommitted (cpu, memory, pods), no untolerated NoSchedule taint, no hostPort clash, no
// required anti-affinity broken, every nodeSelector met.
import { describe, expect, it } from 'vitest';
import { Random } from '../../../src/engine/sim/random';
import { quantityValue } from '../../../src/engine/scheduler/framework/resources';
import { createPod, newSim } from './helpers';

describe('scheduling invariants under a random workload', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}`, () => {
      const sim = newSim({ seed });
      const rnd = new Random(seed, 'workload');
      for (let i = 0; i < 80; i++) {
        const kind = rnd.int(5);
        const spec: Record<string, unknown> = {};
        const labels: Record<string, string> = { app: ['web', 'db', 'cache'][rnd.int(3)] };
        if (kind === 1) spec.nodeSelector = { 'topology.kubernetes.io/zone': ['zone-a', 'zone-b', 'zone-c'][rnd.int(3)] };
        if (kind === 2) {
          spec.affinity = {
            podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: labels.app } }, topologyKey: 'kubernetes.io/hostname' }] },
          };
        }
        const containerExtra = kind === 3 ? { ports: [{ containerPort: 80, hostPort: 8000 + rnd.int(2) }] } : {};
        createPod(sim, `p${i}`, { cpu: `${50 + rnd.int(500)}m`, memory: `${64 + rnd.int(1024)}Mi`, labels, spec, containerExtra });
        sim.advance(rnd.int(50));
      }
      sim.advance(20_000);
      const pods = sim.list('Pod', 'default').filter((p) => p.spec.nodeName);
      expect(pods.length).toBeGreaterThan(20);
      for (const node of sim.list('Node')) {
        const on = pods.filter((p) => p.spec.nodeName === node.metadata.name);
        const sum = (r: string) => on.reduce((s, p) => s + quantityValue(r, p.spec.containers[0].resources.requests[r]), 0);
        expect(sum('cpu')).toBeLessThanOrEqual(quantityValue('cpu', node.status.allocatable.cpu));
        expect(sum('memory')).toBeLessThanOrEqual(quantityValue('memory', node.status.allocatable.memory));
        expect(on.length).toBeLessThanOrEqual(Number(node.status.allocatable.pods));
        if (node.spec?.taints?.length) expect(on).toEqual([]);
        const ports = on.flatMap((p) => (p.spec.containers[0].ports ?? []).map((x: { hostPort: number }) => x.hostPort));
        expect(new Set(ports).size).toBe(ports.length);
        for (const p of on) {
          if (p.spec.affinity) expect(on.filter((q) => q.metadata.labels?.app === p.metadata.labels?.app)).toHaveLength(1);
          for (const [k, v] of Object.entries(p.spec.nodeSelector ?? {})) expect(node.metadata.labels?.[k]).toBe(v);
        }
      }
      // Pods left pending say why, and none of them would fit where it could go.
      for (const p of sim.list('Pod', 'default').filter((x) => !x.spec.nodeName)) {
        const cond = p.status.conditions.find((c: { type: string }) => c.type === 'PodScheduled');
        expect(cond).toMatchObject({ status: 'False', reason: 'Unschedulable' });
        expect(cond.message).toMatch(/^0\/4 nodes are available: /);
      }
    });
  }
});
