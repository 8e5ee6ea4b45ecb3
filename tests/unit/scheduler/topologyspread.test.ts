// PodTopologySpread: DoNotSchedule filtering (maxSkew, minDomains, nodeAffinityPolicy, missing
// labels) and the system default spreading of a controller's pods.
import { describe, expect, it } from 'vitest';
import { createPod, events, newSim, nodeOf, scheduler, TAINT_MSG } from './helpers';

const zoneSpread = (extra: Record<string, unknown> = {}) => ({
  topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } }, ...extra }],
});

describe('PodTopologySpread filter', () => {
  it('keeps the zone skew within maxSkew', () => {
    const sim = newSim();
    // Two web pods already run in zone-a (bound directly, as if scheduled earlier).
    createPod(sim, 'old-1', { labels: { app: 'web' }, spec: { nodeName: 'worker-1' } });
    createPod(sim, 'old-2', { labels: { app: 'web' }, spec: { nodeName: 'worker-1' } });
    createPod(sim, 'new', { labels: { app: 'web' }, spec: zoneSpread() });
    sim.advance(10);
    expect(['worker-2', 'worker-3']).toContain(nodeOf(sim, 'new'));
    const a = scheduler(sim).explain('default', 'new')!;
    expect(a.filter['worker-1']).toEqual({ plugin: 'PodTopologySpread', code: 'Unschedulable', reasons: ["node(s) didn't match pod topology spread constraints"] });
  });

  it('counts only nodes matching the pod’s node selector (nodeAffinityPolicy Honor), unless told to Ignore', () => {
    const sim = newSim();
    createPod(sim, 'old-1', { labels: { app: 'web' }, spec: { nodeName: 'worker-1' } });
    createPod(sim, 'old-2', { labels: { app: 'web' }, spec: { nodeName: 'worker-1' } });
    const zoneA = { nodeSelector: { 'topology.kubernetes.io/zone': 'zone-a' } };
    createPod(sim, 'honor', { labels: { app: 'web' }, spec: { ...zoneSpread(), ...zoneA, tolerations: [{ operator: 'Exists' }] } });
    sim.advance(10);
    // Only zone-a counts, so its own minimum is 2: skew 2 + 1 - 2 = 1.
    expect(['worker-1', 'control-plane']).toContain(nodeOf(sim, 'honor'));
    createPod(sim, 'ignore', { labels: { app: 'web' }, spec: { ...zoneSpread({ nodeAffinityPolicy: 'Ignore' }), ...zoneA } });
    sim.advance(10);
    expect(events(sim, 'FailedScheduling', 'ignore')[0].message).toBe(
      `0/4 nodes are available: 1 node(s) didn't match pod topology spread constraints, ${TAINT_MSG}, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/4 nodes are available: 1 No preemption victims found for incoming pod, 3 Preemption is not helpful for scheduling.`,
    );
  });

  it('with matchLabelKeys counts only pods sharing those label values (e.g. one rollout revision)', () => {
    const sim = newSim();
    createPod(sim, 'old-1', { labels: { app: 'web', 'pod-template-hash': 'v1' }, spec: { nodeName: 'worker-1' } });
    createPod(sim, 'old-2', { labels: { app: 'web', 'pod-template-hash': 'v1' }, spec: { nodeName: 'worker-1' } });
    const labels = { app: 'web', 'pod-template-hash': 'v2' };
    createPod(sim, 'plain', { labels, spec: zoneSpread() });
    createPod(sim, 'keyed', { labels, spec: zoneSpread({ matchLabelKeys: ['pod-template-hash'] }) });
    sim.advance(10);
    expect(scheduler(sim).explain('default', 'plain')!.filter['worker-1']?.plugin).toBe('PodTopologySpread');
    expect(scheduler(sim).explain('default', 'keyed')!.filter['worker-1']).toBeUndefined();
  });

  it('treats the global minimum as 0 while there are fewer domains than minDomains', () => {
    const sim = newSim();
    for (let i = 0; i < 4; i++) {
      createPod(sim, `w${i}`, { labels: { app: 'web' }, spec: zoneSpread({ minDomains: 5 }) });
      sim.advance(10);
    }
    expect(new Set([0, 1, 2].map((i) => nodeOf(sim, `w${i}`))).size).toBe(3);
    expect(nodeOf(sim, 'w3')).toBeUndefined();
    expect(events(sim, 'FailedScheduling', 'w3')[0].message).toContain("3 node(s) didn't match pod topology spread constraints.");
  });

  it('counts the tainted control-plane as an empty hostname domain unless nodeTaintsPolicy is Honor', () => {
    const hostSpread = (policy: string) => ({
      topologySpreadConstraints: [
        { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } }, nodeTaintsPolicy: policy },
      ],
    });
    for (const [policy, fourth] of [
      ['Ignore', undefined],
      ['Honor', 'worker'],
    ] as const) {
      const sim = newSim();
      for (let i = 0; i < 4; i++) {
        createPod(sim, `w${i}`, { labels: { app: 'web' }, spec: hostSpread(policy) });
        sim.advance(10);
      }
      expect(new Set([0, 1, 2].map((i) => nodeOf(sim, `w${i}`))).size).toBe(3);
      if (fourth) expect(nodeOf(sim, 'w3')).toMatch(/^worker-/);
      else expect(events(sim, 'FailedScheduling', 'w3')[0].message).toContain("3 node(s) didn't match pod topology spread constraints.");
    }
  });

  it('rejects nodes without the topology label as unresolvable', () => {
    const sim = newSim();
    createPod(sim, 'racked', {
      labels: { app: 'web' },
      spec: { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'rack', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } } }] },
    });
    sim.advance(10);
    expect(events(sim, 'FailedScheduling', 'racked')[0].message).toBe(
      `0/4 nodes are available: ${TAINT_MSG}, 3 node(s) didn't match pod topology spread constraints (missing required label). preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.`,
    );
  });
});

describe('PodTopologySpread scoring', () => {
  it('applies the system default constraints to a ReplicaSet’s pods, not to bare pods', () => {
    const sim = newSim();
    sim.api.create({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27', resources: { requests: { cpu: '100m' } } }] } },
      },
    });
    createPod(sim, 'bare', { labels: { app: 'bare' }, cpu: '100m' });
    sim.advance(1000);
    const web = sim.list('Pod', 'default').filter((p) => p.metadata.labels?.app === 'web');
    expect(new Set(web.map((p) => p.spec.nodeName)).size).toBe(3);
    const attempts = web.map((p) => scheduler(sim).explain('default', p.metadata.name)!).sort((a, b) => a.at - b.at);
    const last = attempts[attempts.length - 1];
    const pts = last.scores.find((s) => s.plugin === 'PodTopologySpread')!;
    expect(pts.weight).toBe(2);
    // Two of the three workers already hold one web pod each (same zone count and host count).
    const sortedRaw = [...pts.raw].sort((a, b) => a - b);
    expect(sortedRaw[0]).toBeLessThan(sortedRaw[2]);
    expect(Math.max(...pts.normalized)).toBe(100);
    expect(scheduler(sim).explain('default', 'bare')!.scores.map((s) => s.plugin)).not.toContain('PodTopologySpread');
  });
});
