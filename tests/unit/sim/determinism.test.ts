// The engine's promise behind shared links, rewinding and replays: the same input and seed give
// a byte-identical trace, and restoring a snapshot continues exactly as the original run did.
import { describe, expect, it } from 'vitest';
import { Simulation, type TraceRecord } from '../../../src/engine/sim/simulation';
import type { KubeObject } from '../../../src/engine/api/meta';

const web: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
  spec: {
    replicas: 4,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }], readinessProbe: { httpGet: { path: '/', port: 80 } } }] },
    },
  },
};

function run(seed: number, until: number, onSim?: (sim: Simulation, trace: string[]) => void): { sim: Simulation; trace: string[] } {
  const sim = new Simulation({ seed, freezeObjects: true });
  const trace: string[] = [];
  sim.onChange((r: TraceRecord) => trace.push(JSON.stringify(r)));
  sim.api.create(web);
  onSim?.(sim, trace);
  sim.runUntil(until);
  return { sim, trace };
}

function rollTo(sim: Simulation, image: string) {
  sim.api.mutate('Deployment', 'default', 'web', (d) => {
    d.spec.template.spec.containers[0].image = image;
  });
}

describe('determinism', () => {
  it('the same seed gives a byte-identical trace; another seed gives other names', () => {
    const a = run(42, 120_000);
    const b = run(42, 120_000);
    expect(a.trace.length).toBeGreaterThan(20);
    expect(b.trace.join('\n')).toBe(a.trace.join('\n'));
    const c = run(43, 120_000);
    const podNames = (s: Simulation) => s.list('Pod', 'default').map((p) => p.metadata.name).sort();
    expect(podNames(a.sim)).toHaveLength(4);
    expect(podNames(c.sim)).toHaveLength(4);
    expect(podNames(c.sim)).not.toEqual(podNames(a.sim));
  });

  it('restoring a snapshot replays the rest of a rollout exactly', () => {
    const original = run(7, 0);
    original.sim.runUntil(30_000);
    rollTo(original.sim, 'nginx:1.28');
    original.sim.runUntil(40_000);
    const snap = original.sim.snapshot();
    const mark = original.trace.length;
    original.sim.runUntil(180_000);
    const tail = original.trace.slice(mark);
    expect(tail.length).toBeGreaterThan(10);

    const replay = new Simulation({ seed: 7, freezeObjects: true });
    replay.restore(JSON.parse(JSON.stringify(snap)));
    const replayTrace: string[] = [];
    replay.onChange((r) => replayTrace.push(JSON.stringify(r)));
    replay.runUntil(180_000);
    expect(replayTrace.join('\n')).toBe(tail.join('\n'));
  });
});

describe('simulated time', () => {
  it('is whole milliseconds: fractional targets round down and controllers still run', () => {
    const sim = new Simulation({ seed: 1, freezeObjects: true });
    sim.api.create(web);
    sim.runUntil(2.7);
    expect(sim.now).toBe(2);
    for (let t = 2.5; t < 30_000; t += 16.7) sim.runUntil(t); // a browser's frame-sized steps
    sim.runUntil(30_000.9);
    expect(sim.now).toBe(30_000);
    expect(sim.list('ReplicaSet', 'default')).toHaveLength(1);
    expect(sim.list('Pod', 'default').filter((p) => p.status?.phase === 'Running')).toHaveLength(4);
  });
});
