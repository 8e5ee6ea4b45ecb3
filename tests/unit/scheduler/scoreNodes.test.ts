// ScorePlugin.scoreNodes, the loop a plugin may run itself, must give exactly what Score gives
// node by node (the framework uses it when present).
import { describe, expect, it } from 'vitest';
import { CycleState } from '../../../src/engine/scheduler/framework/cycleState';
import { newPodInfo } from '../../../src/engine/scheduler/framework/podInfo';
import { createPod, newSim, podManifest, scheduler } from './helpers';

describe('ScorePlugin.scoreNodes', () => {
  it('equals Score for every node, for every score plugin of the default profile', () => {
    const sim = newSim();
    for (let i = 0; i < 12; i++) createPod(sim, `web-${i}`, { cpu: `${100 + 50 * i}m`, memory: '64Mi', labels: { app: i % 3 ? 'web' : 'db' } });
    sim.advance(5_000);
    const s = scheduler(sim);
    const fwk = s.fwk;
    const snap = s.cache;
    const pod = podManifest('probe', {
      cpu: '250m',
      labels: { app: 'web' },
      spec: {
        tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }],
        topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { app: 'web' } } }],
        affinity: {
          podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'db' } } } }] },
        },
      },
    });
    pod.metadata.uid = 'probe-uid';
    const pi = newPodInfo(pod);
    const nodes = snap.nodes;
    const state = new CycleState();
    fwk.runPreScore(state, pi, nodes, snap);
    let compared = 0;
    for (const p of fwk.scores) {
      if (state.skipScore.has(p.name) || !p.scoreNodes) continue;
      const batch = new Float64Array(nodes.length);
      p.scoreNodes(state, pi, nodes, snap, batch);
      expect(Array.from(batch), p.name).toEqual(nodes.map((n) => p.score(state, pi, n, snap)));
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(5);
  });
});
