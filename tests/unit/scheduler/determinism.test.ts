// Same seed, same placements; snapshots carry the scheduler's queue and explanations; the
// explanation table for `kubeplay run --explain`.
import { describe, expect, it } from 'vitest';
import type { Simulation } from '../../../src/engine/sim/simulation';
import type { TraceRecord } from '../../../src/engine/sim/simulation';
import { explainPodTable } from '../../../src/engine/scheduler/explain';
import { createPod, newSim, nodeOf } from './helpers';

function scenario(sim: Simulation): void {
  for (let i = 0; i < 9; i++) createPod(sim, `web-${i}`, { cpu: '1', labels: { app: 'web' } });
  createPod(sim, 'huge', { cpu: '3' });
}

function record(sim: Simulation, until: number): string[] {
  const out: string[] = [];
  const stop = sim.onChange((r: TraceRecord) => out.push(JSON.stringify(r)));
  sim.runUntil(until);
  stop();
  return out;
}

describe('determinism', () => {
  it('places pods identically for the same seed, and ties depend on the seed', () => {
    const placements = (seed: number) => {
      const sim = newSim({ seed });
      scenario(sim);
      sim.advance(100);
      return Array.from({ length: 9 }, (_, i) => nodeOf(sim, `web-${i}`));
    };
    expect(placements(3)).toEqual(placements(3));
    const seeds = [1, 2, 3, 4, 5, 6].map((s) => placements(s).join(','));
    expect(new Set(seeds).size).toBeGreaterThan(1);
  });

  it('replays the same trace after restoring a snapshot taken with pods pending', () => {
    const sim = newSim({ seed: 11 });
    scenario(sim);
    sim.runUntil(2_000);
    createPod(sim, 'late', { cpu: '2' });
    const snap = JSON.parse(JSON.stringify(sim.snapshot()));
    const first = record(sim, 400_000);
    sim.restore(snap);
    const second = record(sim, 400_000);
    expect(second).toEqual(first);
    expect(first.some((l) => l.includes('"FailedScheduling"'))).toBe(true);
  });
});

describe('explainPodTable', () => {
  it('shows each node’s filter verdict and the weighted scores of the feasible nodes', () => {
    const sim = newSim();
    createPod(sim, 'web', { cpu: '500m' });
    sim.advance(10);
    const node = nodeOf(sim, 'web')!;
    const text = explainPodTable(sim, 'default', 'web');
    const lines = text.split('\n');
    expect(lines[0]).toBe(`Pod default/web: attempt 1 at 0.005s scheduled to ${node}`);
    expect(lines[2]).toMatch(/^NODE +FILTER +TaintToleration \(x3\) +NodeResourcesFit \(x1\) +NodeResourcesBalancedAllocation \(x1\) +ImageLocality \(x1\) +TOTAL$/);
    expect(lines[3]).toMatch(/^control-plane +TaintToleration: node\(s\) had untolerated taint \{node-role.kubernetes.io\/control-plane: \}$/);
    // 500m of 4 CPU with the 200Mi default memory: LeastAllocated (87 + 97) / 2 = 92.
    const row = lines.find((l) => l.startsWith(node))!;
    expect(row).toMatch(/passed +0 -> 100 = 300 +92 -> 92 = 92 +\d+ -> \d+ = \d+ +0 -> 0 = 0 +\d+  <- selected$/);
  });

  it('explains an unschedulable pod and says when nothing was recorded', () => {
    const sim = newSim();
    createPod(sim, 'huge', { cpu: '5' });
    sim.advance(10);
    const text = explainPodTable(sim, 'default', 'huge');
    expect(text).toContain('attempt 1 at 0.005s unschedulable: 0/4 nodes are available:');
    expect(text).toMatch(/worker-2 +NodeResourcesFit: Insufficient cpu/);
    expect(explainPodTable(sim, 'default', 'nope')).toBe('no scheduling attempt recorded for pod default/nope\n');
  });
});
