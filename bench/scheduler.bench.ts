// Scheduler throughput: 5,000 pending pods onto 100 nodes. Prints pods bound per wall second for
// the scheduling phase (pods are created first; the clock then runs until all are bound).
// Run: node --import tsx bench/scheduler.bench.ts
import { Simulation } from '../src/engine/sim/simulation';
import { nodeManifest } from '../src/engine/sim/cluster';
import type { KubeObject } from '../src/engine/api/meta';

const NODES = 100;
const PODS = 5_000;

function run(label: string, owned: boolean): number {
  const nodes: KubeObject[] = [];
  for (let i = 0; i < NODES; i++) nodes.push(nodeManifest({ name: `node-${String(i).padStart(3, '0')}`, cpu: '32', memory: '128Gi', zone: `zone-${'abc'[i % 3]}` }));
  const sim = new Simulation({ seed: 1, nodes });
  let ownerRefs: KubeObject['metadata']['ownerReferences'];
  if (owned) {
    // A ReplicaSet the pods belong to, so PodTopologySpread's system default constraints apply.
    // Its replicas equal the pods created, so the ReplicaSet controller leaves them alone.
    const rs = sim.api.create({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web', namespace: 'default' },
      spec: { replicas: PODS, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } },
    });
    ownerRefs = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid!, controller: true, blockOwnerDeletion: true }];
  }
  for (let i = 0; i < PODS; i++) {
    sim.api.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `web-${i}`, namespace: 'default', labels: { app: 'web' }, ...(ownerRefs ? { ownerReferences: ownerRefs } : {}) },
      spec: { containers: [{ name: 'web', image: 'nginx:1.27', resources: { requests: { cpu: '100m', memory: '128Mi' } } }] },
    });
  }
  let bound = 0;
  const stop = sim.onChange((r) => {
    if (r.type === 'MODIFIED' && r.object.kind === 'Pod' && r.object.spec?.nodeName && r.object.status?.conditions?.some((c: { type: string; status: string }) => c.type === 'PodScheduled' && c.status === 'True') && r.object.status?.phase !== 'Running') bound++;
  });
  const t0 = performance.now();
  while (sim.list('Pod').filter((p) => !p.spec?.nodeName).length > 0 && sim.now < 60_000) sim.advance(sim.timings.schedulingLatencyMs);
  const secs = (performance.now() - t0) / 1000;
  stop();
  const unbound = sim.list('Pod').filter((p) => !p.spec?.nodeName).length;
  const rate = Math.round((PODS - unbound) / secs);
  console.log(`${label}: ${PODS - unbound}/${PODS} pods bound onto ${NODES} nodes in ${secs.toFixed(3)} s wall (${(sim.now / 1000).toFixed(3)} s simulated) = ${rate} pods/s`);
  void bound;
  return rate;
}

run('bare pods', false);
const rate = run('ReplicaSet pods (default topology spreading)', true);
console.log(`scheduler: ${rate} pods bound per wall second`);
