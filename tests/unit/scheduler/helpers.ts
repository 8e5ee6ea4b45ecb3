// Shared builders for the scheduler tests: bare pods through the API server, the scheduler
// component, and the events it recorded.
import { Simulation, type SimulationOptions } from '../../../src/engine/sim/simulation';
import type { KubeObject } from '../../../src/engine/api/meta';
import type { Scheduler } from '../../../src/engine/scheduler/scheduler';

export function newSim(opts: SimulationOptions = {}): Simulation {
  return new Simulation({ seed: 7, freezeObjects: true, ...opts });
}

export interface PodOpts {
  cpu?: string;
  memory?: string;
  labels?: Record<string, string>;
  spec?: Record<string, unknown>;
  namespace?: string;
  image?: string;
  containerExtra?: Record<string, unknown>;
}

export function podManifest(name: string, o: PodOpts = {}): KubeObject {
  const requests: Record<string, string> = {};
  if (o.cpu) requests.cpu = o.cpu;
  if (o.memory) requests.memory = o.memory;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: o.namespace ?? 'default', labels: o.labels ?? { app: name } },
    spec: {
      containers: [{ name: 'app', image: o.image ?? 'nginx:1.27', resources: { requests }, ...(o.containerExtra ?? {}) }],
      ...(o.spec ?? {}),
    },
  };
}

export function createPod(sim: Simulation, name: string, o: PodOpts = {}): KubeObject {
  return sim.api.create(podManifest(name, o));
}

export function pod(sim: Simulation, name: string, ns = 'default'): KubeObject {
  const p = sim.get('Pod', ns, name);
  if (!p) throw new Error(`pod ${ns}/${name} not found`);
  return p;
}

export function nodeOf(sim: Simulation, name: string): string | undefined {
  return sim.get('Pod', 'default', name)?.spec?.nodeName;
}

export function scheduledCondition(sim: Simulation, name: string): Record<string, unknown> | undefined {
  return pod(sim, name).status?.conditions?.find((c: { type: string }) => c.type === 'PodScheduled');
}

export function events(sim: Simulation, reason?: string, object?: string): KubeObject[] {
  return sim
    .list('Event')
    .filter((e) => (!reason || e.reason === reason) && (!object || e.involvedObject.name === object))
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
}

export function scheduler(sim: Simulation): Scheduler {
  return sim.component<Scheduler>('default-scheduler')!;
}

export function addLabels(sim: Simulation, node: string, labels: Record<string, string>): void {
  sim.api.mutate('Node', undefined, node, (d) => {
    d.metadata.labels = { ...(d.metadata.labels ?? {}), ...labels };
  });
}

export const TAINT_MSG = '1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }';
