// Shared fixtures for the kubelet and node tests: a frozen-object simulation, pods bound straight
// to a node (spec.nodeName, as if the scheduler had bound them), and an event log.
import { Simulation } from '../../../src/engine/sim/simulation';
import type { KubeObject } from '../../../src/engine/api/meta';
import type { Kubelet } from '../../../src/engine/kubelet/kubelet';

export interface LoggedEvent {
  t: number;
  reason: string;
  message: string;
  object: string;
  fieldPath?: string;
  source: string;
  type: string;
}

export function newSim(seed = 1) {
  const sim = new Simulation({ seed, freezeObjects: true });
  const events: LoggedEvent[] = [];
  sim.onChange((r) => {
    const o = r.object;
    if (o.kind !== 'Event') return;
    if (r.type === 'DELETED') return;
    // Every occurrence (a new Event or a count bump) is logged once, at the time it happened.
    events.push({
      t: r.t,
      reason: o.reason,
      message: o.message,
      object: o.involvedObject.name,
      fieldPath: o.involvedObject.fieldPath,
      source: o.source?.component,
      type: o.type,
    });
  });
  const kubelet = sim.component<Kubelet>('kubelet')!;
  return { sim, events, kubelet };
}

export function pod(name: string, spec: Record<string, any>, annotations: Record<string, string> = {}, node = 'worker-1'): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', annotations },
    spec: { nodeName: node, ...spec },
  };
}

export function web(extra: Record<string, any> = {}): Record<string, any> {
  return { name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }], ...extra };
}

export function getPod(sim: Simulation, name: string): KubeObject | undefined {
  return sim.get('Pod', 'default', name);
}

export function cstatus(sim: Simulation, name: string, container = 'web', init = false): any {
  const p = getPod(sim, name)!;
  return (p.status?.[init ? 'initContainerStatuses' : 'containerStatuses'] ?? []).find((c: any) => c.name === container);
}

export function condition(obj: KubeObject | undefined, type: string): any {
  return (obj?.status?.conditions ?? []).find((c: any) => c.type === type);
}

/** Times at which an event with this reason (and message prefix) happened for the object. */
export function times(events: LoggedEvent[], reason: string, object?: string, messagePrefix = ''): number[] {
  return events.filter((e) => e.reason === reason && (!object || e.object === object) && e.message.startsWith(messagePrefix)).map((e) => e.t);
}

/** Record, for every store change of a pod, [t, phase, waiting reason or state]. */
export function watchPod(sim: Simulation, name: string, container = 'web') {
  const log: { t: number; phase?: string; state: string; restarts: number; ready: boolean }[] = [];
  sim.onChange((r) => {
    if (r.object.kind !== 'Pod' || r.object.metadata.name !== name || r.type === 'DELETED') return;
    const cs = (r.object.status?.containerStatuses ?? []).find((c: any) => c.name === container);
    if (!cs) return;
    const st = cs.state.running ? 'running' : cs.state.terminated ? `terminated:${cs.state.terminated.reason}` : `waiting:${cs.state.waiting?.reason}`;
    const last = log[log.length - 1];
    const entry = { t: r.t, phase: r.object.status?.phase, state: st, restarts: cs.restartCount, ready: cs.ready };
    if (!last || last.state !== st || last.restarts !== cs.restartCount || last.ready !== cs.ready || last.phase !== entry.phase) log.push(entry);
  });
  return log;
}
