// Engine benchmark (issue 2): 100 nodes, a 5,000-replica Deployment created, then rolled to a new
// image until the rollout completes. Prints wall seconds, simulated seconds, store changes per
// wall second and peak memory. Target on a 2-core machine: the whole run under 3 s wall.
// Run: `npm run bench` (a production build, bench/build.mjs), or node --import tsx bench/engine.bench.ts
import { Simulation } from '../src/engine/sim/simulation';
import { nodeManifest } from '../src/engine/sim/cluster';
import type { KubeObject } from '../src/engine/api/meta';

const NODES = 100;
const REPLICAS = Number(process.env.REPLICAS ?? 5000);

function complete(sim: Simulation): boolean {
  const d = sim.get('Deployment', 'default', 'web');
  const s = d?.status;
  if (!d || !s) return false;
  return (
    (s.observedGeneration ?? 0) >= d.metadata.generation! &&
    s.updatedReplicas === REPLICAS &&
    s.replicas === REPLICAS &&
    s.availableReplicas === REPLICAS
  );
}

function runToCompletion(sim: Simulation, limitMs: number): void {
  const stop = sim.now + limitMs;
  while (!complete(sim)) {
    if (sim.now >= stop) throw new Error(`rollout not complete after ${limitMs / 1000}s simulated`);
    sim.advance(1_000);
  }
}

const zones = ['zone-a', 'zone-b', 'zone-c'];
const nodes = Array.from({ length: NODES }, (_, i) => nodeManifest({ name: `node-${String(i + 1).padStart(3, '0')}`, zone: zones[i % 3], cpu: '64', memory: '256Gi', pods: '110' }));

const deployment: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    replicas: REPLICAS,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'web', image: 'nginx:1.27', resources: { requests: { cpu: '10m', memory: '16Mi' } } }] },
    },
  },
};

let peakHeap = 0;
const sample = () => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
};

const wall0 = performance.now();
const cpu0 = process.cpuUsage();
const sim = new Simulation({ seed: 1, nodes });
let changes = 0;
sim.onChange(() => {
  changes++;
  if ((changes & 0x3fff) === 0) sample();
});
sim.api.create(deployment);
runToCompletion(sim, 3_600_000);
const createdAt = sim.now;
const wallCreate = performance.now() - wall0;
sim.api.mutate('Deployment', 'default', 'web', (d) => {
  d.spec.template.spec.containers[0].image = 'nginx:1.28';
});
runToCompletion(sim, 3_600_000);
sample();
const wall = (performance.now() - wall0) / 1000;
// performance.now() counts from the process's start.
const processWall = performance.now() / 1000;
const cpuUsed = process.cpuUsage(cpu0);
const cpu = (cpuUsed.user + cpuUsed.system) / 1e6;

const pods = sim.list('Pod', 'default').length;
const rss = process.resourceUsage().maxRSS / 1024;
console.log('engine benchmark: 100 nodes, 5,000-replica Deployment, create then roll to a new image');
console.log(`  create complete at    ${(createdAt / 1000).toFixed(0)} s simulated, ${(wallCreate / 1000).toFixed(2)} s wall`);
console.log(`  rollout complete at   ${(sim.now / 1000).toFixed(0)} s simulated`);
console.log(`  wall time             ${wall.toFixed(2)} s   (target < 3 s)`);
console.log(`  process wall          ${processWall.toFixed(2)} s   (with Node's startup and module loading)`);
console.log(`  CPU time              ${cpu.toFixed(2)} s   (main thread and V8's helper threads)`);
console.log(`  store changes         ${changes}  (${Math.round(changes / wall).toLocaleString('en-US')} per wall second)`);
console.log(`  pods at the end       ${pods}`);
console.log(`  peak heap             ${(peakHeap / 1048576).toFixed(0)} MiB, peak RSS ${rss.toFixed(0)} MiB`);
