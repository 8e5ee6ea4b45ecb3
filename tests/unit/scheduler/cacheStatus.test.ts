// The cache follows bound pods' status-only updates (the kubelet's): the PodInfo keeps its
// aggregates and takes the newer object, which preemption reads (status.startTime, conditions).
import { describe, expect, it } from 'vitest';
import { createPod, newSim, pod, scheduler } from './helpers';

describe('scheduler cache and status updates', () => {
  it('holds the latest object of every bound pod', () => {
    const sim = newSim();
    for (let i = 0; i < 4; i++) createPod(sim, `web-${i}`, { cpu: '100m' });
    sim.advance(60_000);
    const cache = scheduler(sim).cache;
    for (let i = 0; i < 4; i++) {
      const p = pod(sim, `web-${i}`);
      expect(p.status?.phase).toBe('Running');
      const info = cache.get(p.spec!.nodeName)!;
      const pi = info.pods.find((x) => x.key === `default/web-${i}`)!;
      expect(pi.pod).toBe(p);
      expect(pi.labels).toBe(p.metadata.labels);
    }
  });
});
