// The scheduler cache's incremental structures give what a walk over the pods and nodes gives:
// per-node selector match counts (framework/matchCounts.ts) and numbered topology domains
// (framework/topologyDomains.ts), through pods added, removed, relabelled and terminating, and
// nodes added and relabelled.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/engine/api/meta';
import { NodeInfo } from '../../../src/engine/scheduler/framework/nodeInfo';
import { newPodInfo, type PodInfo } from '../../../src/engine/scheduler/framework/podInfo';
import { constraintSelector, countPodsMatchSelector, type SpreadSelector } from '../../../src/engine/scheduler/plugins/spreadSelector';
import { newSim, scheduler } from './helpers';

const ZONE = 'topology.kubernetes.io/zone';

function pod(i: number, ns: string, labels: Record<string, string>, terminating: boolean): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `p${i}`, namespace: ns, uid: `u${i}`, labels, ...(terminating ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}) },
    spec: { nodeName: 'n', containers: [{ name: 'c', image: 'x' }] },
  };
}

function walk(pods: readonly PodInfo[], sel: SpreadSelector, ns: string): number {
  return pods.filter((p) => !p.pod.metadata.deletionTimestamp && p.namespace === ns && sel.matches(p.labels)).length;
}

describe('per-node selector match counts', () => {
  it('follow pods added and removed, for more selectors than are kept at once', () => {
    const node = new NodeInfo('n');
    node.setNode({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' } });
    const selectors = ['a', 'b', 'c', 'd', 'e', 'f'].map((app) => constraintSelector({ matchLabels: { app } }, undefined, {}));
    selectors.push(constraintSelector({ matchLabels: { app: 'a' } }, ['rev'], { rev: '2' }));
    let seed = 12345;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let step = 0; step < 600; step++) {
      const i = next(40);
      const key = `${i % 2 ? 'default' : 'other'}/p${i}`;
      if (node.hasPod(key) && next(3) === 0) node.removePod(key);
      else {
        // addPod replaces a pod already there (a relabel or a deletion in progress).
        const labels = { app: 'abcdef'[next(6)], rev: String(next(3)) };
        node.addPod(newPodInfo(pod(i, i % 2 ? 'default' : 'other', labels, next(5) === 0)));
      }
      const sel = selectors[next(selectors.length)];
      const ns = next(2) ? 'default' : 'other';
      expect(countPodsMatchSelector(node, sel, ns)).toBe(walk(node.pods, sel, ns));
      // A clone (preemption's dry run) counts its own pods.
      if (step % 50 === 0) {
        const c = node.clone();
        if (c.pods.length) c.removePod(c.pods[0].key);
        expect(countPodsMatchSelector(c, sel, ns)).toBe(walk(c.pods, sel, ns));
        expect(countPodsMatchSelector(node, sel, ns)).toBe(walk(node.pods, sel, ns));
      }
    }
  });
});

describe('numbered topology domains', () => {
  it('follow nodes added and relabelled', () => {
    const sim = newSim();
    const cache = scheduler(sim).cache;
    const check = () => {
      const d = cache.topologyDomains(ZONE);
      for (const n of cache.nodes) expect(d.values[d.of(n)]).toBe(n.labels[ZONE]);
      expect(new Set(d.values).size).toBe(d.size);
    };
    check();
    const w1 = sim.api.get('Node', undefined, 'worker-1')!;
    sim.api.update({ ...w1, metadata: { ...w1.metadata, labels: { ...w1.metadata.labels, [ZONE]: 'zone-z' } } });
    check();
    expect(cache.topologyDomains(ZONE).values).toContain('zone-z');
    sim.api.create({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'aaa-first', labels: { [ZONE]: 'zone-q' } }, status: { allocatable: { cpu: '1', memory: '1Gi', pods: '10' } } });
    check();
    expect(cache.nodes[0].name).toBe('aaa-first');
  });
});
