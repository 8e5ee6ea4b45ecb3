// Node affinity, taints, ports and inter-pod affinity on the default cluster
// (control-plane + worker-1..3 in zone-a, zone-a, zone-b, zone-c).
import { describe, expect, it } from 'vitest';
import { addLabels, createPod, events, newSim, nodeOf, scheduler, TAINT_MSG } from './helpers';

const NOT_HELPFUL = (n: number) => `preemption: 0/4 nodes are available: ${n} Preemption is not helpful for scheduling.`;

describe('NodeAffinity', () => {
  it('supports Gt and Lt on integer labels', () => {
    const sim = newSim();
    addLabels(sim, 'worker-1', { cores: '8' });
    addLabels(sim, 'worker-2', { cores: '16' });
    addLabels(sim, 'worker-3', { cores: 'many' });
    const req = (op: string, v: string) => ({
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'cores', operator: op, values: [v] }] }] } } },
    });
    createPod(sim, 'gt', { spec: req('Gt', '10') });
    createPod(sim, 'lt', { spec: req('Lt', '10') });
    sim.advance(10);
    expect(nodeOf(sim, 'gt')).toBe('worker-2');
    expect(nodeOf(sim, 'lt')).toBe('worker-1');
  });

  it('ORs nodeSelectorTerms, ANDs expressions, and ANDs nodeSelector with them', () => {
    const sim = newSim();
    const terms = [
      { matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['zone-b'] }, { key: 'kubernetes.io/hostname', operator: 'NotIn', values: ['worker-2'] }] },
      { matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['zone-c'] }] },
    ];
    createPod(sim, 'web', { spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } } } });
    createPod(sim, 'none', { spec: { nodeSelector: { 'topology.kubernetes.io/zone': 'zone-b' }, affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [terms[1]] } } } } });
    sim.advance(10);
    expect(nodeOf(sim, 'web')).toBe('worker-3');
    expect(events(sim, 'FailedScheduling', 'none')[0].message).toBe(`0/4 nodes are available: ${TAINT_MSG}, 3 node(s) didn't match Pod's node affinity/selector. ${NOT_HELPFUL(4)}`);
  });

  it('narrows to the nodes named by matchFields metadata.name, as for DaemonSet pods', () => {
    const sim = newSim();
    const pinned = (node: string) => ({
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }] } } },
    });
    createPod(sim, 'ds-1', { cpu: '1', spec: pinned('worker-1') });
    createPod(sim, 'ds-big', { cpu: '5', spec: pinned('worker-2') });
    sim.advance(10);
    expect(nodeOf(sim, 'ds-1')).toBe('worker-1');
    expect(events(sim, 'FailedScheduling', 'ds-big')[0].message).toBe(
      `0/4 nodes are available: 1 Insufficient cpu, 3 node(s) didn't satisfy plugin(s) [NodeAffinity]. ${NOT_HELPFUL(4)}`,
    );
  });

  it('scores preferred terms by weight', () => {
    const sim = newSim();
    createPod(sim, 'web', {
      spec: {
        affinity: {
          nodeAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              { weight: 20, preference: { matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['zone-b'] }] } },
              { weight: 50, preference: { matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['zone-c'] }] } },
            ],
          },
        },
      },
    });
    sim.advance(10);
    expect(nodeOf(sim, 'web')).toBe('worker-3');
    const na = scheduler(sim).explain('default', 'web')!.scores.find((s) => s.plugin === 'NodeAffinity')!;
    expect(na.raw).toEqual([0, 20, 50]);
    expect(na.normalized).toEqual([0, 40, 100]);
    expect(na.weight).toBe(2);
  });
});

describe('TaintToleration', () => {
  it('lets a pod that tolerates the control-plane taint go there and reports untolerated taints', () => {
    const sim = newSim();
    sim.api.mutate('Node', undefined, 'worker-1', (d) => {
      d.spec = { ...d.spec, taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoExecute' }] };
    });
    createPod(sim, 'huge', { cpu: '5' });
    createPod(sim, 'cp', {
      spec: {
        tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }],
        nodeSelector: { 'node-role.kubernetes.io/control-plane': '' },
      },
    });
    sim.advance(10);
    expect(nodeOf(sim, 'cp')).toBe('control-plane');
    expect(events(sim, 'FailedScheduling', 'huge')[0].message).toBe(
      // 5 CPU is more than a whole worker has: unresolvable, so preemption is not tried there either.
      `0/4 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}, ${TAINT_MSG}, 2 Insufficient cpu. ${NOT_HELPFUL(4)}`,
    );
  });

  it('prefers nodes without untolerated PreferNoSchedule taints (weight 3, reversed)', () => {
    const sim = newSim();
    for (const w of ['worker-1', 'worker-2']) {
      sim.api.mutate('Node', undefined, w, (d) => {
        d.spec = { ...d.spec, taints: [{ key: 'spot', value: 'true', effect: 'PreferNoSchedule' }] };
      });
    }
    for (let i = 0; i < 3; i++) createPod(sim, `p${i}`);
    sim.advance(10);
    for (let i = 0; i < 3; i++) expect(nodeOf(sim, `p${i}`)).toBe('worker-3');
    const tt = scheduler(sim).explain('default', 'p0')!.scores.find((s) => s.plugin === 'TaintToleration')!;
    expect(tt).toEqual({ plugin: 'TaintToleration', weight: 3, raw: [1, 1, 0], normalized: [0, 0, 100] });
  });
});

describe('NodePorts', () => {
  it('allows one pod per hostPort per node', () => {
    const sim = newSim();
    for (let i = 0; i < 4; i++) createPod(sim, `hp${i}`, { labels: { app: 'hp' }, containerExtra: { ports: [{ containerPort: 80, hostPort: 8080 }] } });
    sim.advance(10);
    expect(new Set([0, 1, 2].map((i) => nodeOf(sim, `hp${i}`)))).toEqual(new Set(['worker-1', 'worker-2', 'worker-3']));
    expect(events(sim, 'FailedScheduling', 'hp3')[0].message).toBe(
      `0/4 nodes are available: ${TAINT_MSG}, 3 node(s) didn't have free ports for the requested pod ports. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.`,
    );
  });
});

describe('InterPodAffinity', () => {
  const antiHost = {
    affinity: {
      podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'db' } }, topologyKey: 'kubernetes.io/hostname' }] },
    },
  };

  it('required anti-affinity on hostname allows one pod per node', () => {
    const sim = newSim();
    for (let i = 0; i < 4; i++) createPod(sim, `db${i}`, { labels: { app: 'db' }, spec: antiHost });
    sim.advance(10);
    expect(new Set([0, 1, 2].map((i) => nodeOf(sim, `db${i}`))).size).toBe(3);
    expect(events(sim, 'FailedScheduling', 'db3')[0].message).toBe(
      `0/4 nodes are available: ${TAINT_MSG}, 3 node(s) didn't match pod anti-affinity rules. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.`,
    );
  });

  it("enforces existing pods' anti-affinity against the incoming pod", () => {
    const sim = newSim();
    createPod(sim, 'loner', {
      labels: { app: 'loner' },
      spec: { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'topology.kubernetes.io/zone' }] } } },
      cpu: '100m',
    });
    sim.advance(10);
    const lonerNode = nodeOf(sim, 'loner')!;
    for (let i = 0; i < 3; i++) createPod(sim, `web${i}`, { labels: { app: 'web' } });
    sim.advance(10);
    for (let i = 0; i < 3; i++) expect(nodeOf(sim, `web${i}`)).not.toBe(lonerNode);
    const explain = scheduler(sim).explain('default', 'web0')!;
    expect(explain.filter[lonerNode]).toEqual({ plugin: 'InterPodAffinity', code: 'Unschedulable', reasons: ["node(s) didn't satisfy existing pods anti-affinity rules"] });
  });

  it('required affinity follows the target into its zone; the first pod of a self-affine group may go anywhere', () => {
    const sim = newSim();
    const affine = {
      affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'cache' } }, topologyKey: 'topology.kubernetes.io/zone' }] } },
    };
    createPod(sim, 'orphan', { labels: { app: 'web' }, spec: affine });
    sim.advance(10);
    expect(events(sim, 'FailedScheduling', 'orphan')[0].message).toBe(
      `0/4 nodes are available: ${TAINT_MSG}, 3 node(s) didn't match pod affinity rules. ${NOT_HELPFUL(4)}`,
    );
    createPod(sim, 'cache', { labels: { app: 'cache' }, spec: { nodeSelector: { 'kubernetes.io/hostname': 'worker-3' } } });
    sim.advance(10);
    expect(nodeOf(sim, 'cache')).toBe('worker-3');
    expect(nodeOf(sim, 'orphan')).toBe('worker-3');
    createPod(sim, 'self', { labels: { app: 'cache' }, spec: affine });
    sim.advance(10);
    expect(nodeOf(sim, 'self')).toBe('worker-3');
  });

  it('a ReplicaSet with preferred anti-affinity on zone (weight 80) spreads its pods across zones', () => {
    const sim = newSim();
    sim.api.create({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: {
            affinity: {
              podAntiAffinity: {
                preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 80, podAffinityTerm: { labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'topology.kubernetes.io/zone' } }],
              },
            },
            containers: [{ name: 'web', image: 'nginx:1.27', resources: { requests: { cpu: '100m' } } }],
          },
        },
      },
    });
    sim.advance(1000);
    const pods = sim.list('Pod', 'default').filter((p) => p.metadata.labels?.app === 'web');
    expect(pods).toHaveLength(3);
    const zones = pods.map((p) => sim.get('Node', undefined, p.spec.nodeName)!.metadata.labels!['topology.kubernetes.io/zone']).sort();
    expect(zones).toEqual(['zone-a', 'zone-b', 'zone-c']);
    // The last pod saw the other two zones taken: -80 for its own term and -80 for the existing pod's
    // term against it, in each of those zones; then min-max normalised.
    const last = pods.map((p) => scheduler(sim).explain('default', p.metadata.name)!).sort((a, b) => a.at - b.at || a.attempt - b.attempt)[2];
    const ipa = last.scores.find((s) => s.plugin === 'InterPodAffinity')!;
    expect([...ipa.raw].sort((a, b) => a - b)).toEqual([-160, -160, 0]);
    expect([...ipa.normalized].sort((a, b) => a - b)).toEqual([0, 0, 100]);
  });
});
