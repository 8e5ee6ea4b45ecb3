// printPod (k8s.io/kubernetes/pkg/printers/internalversion/printers.go): the READY, STATUS and
// RESTARTS columns exactly as kubectl computes them from the pod's status.
import type { KubeObject } from '../../api/meta';
import type { Simulation } from '../../sim/simulation';
import { since } from './duration';

export const POD_COLUMNS = ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'];
export const POD_WIDE_COLUMNS = ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'];

const isRestartableInit = (c: any) => c?.restartPolicy === 'Always';

export interface PodSummary {
  ready: string;
  status: string;
  restarts: string;
}

export function podSummary(sim: Simulation, pod: KubeObject): PodSummary {
  const spec = pod.spec ?? {};
  const st = pod.status ?? {};
  let restarts = 0;
  let restartableInitRestarts = 0;
  let totalContainers = (spec.containers ?? []).length;
  let readyContainers = 0;
  let lastRestart: number | undefined;
  let lastRestartableInitRestart: number | undefined;
  const later = (cur: number | undefined, ts: string | undefined) => {
    const t = sim.clock.parse(ts);
    return t !== undefined && (cur === undefined || t > cur) ? t : cur;
  };

  let reason: string = st.reason || st.phase || '';
  for (const c of st.conditions ?? []) if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';

  const inits = new Map<string, any>();
  for (const c of spec.initContainers ?? []) {
    inits.set(c.name, c);
    if (isRestartableInit(c)) totalContainers++;
  }
  let initializing = false;
  const initStatuses: any[] = st.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    restarts += c.restartCount ?? 0;
    const lastTerm = c.lastState?.terminated;
    if (lastTerm) lastRestart = later(lastRestart, lastTerm.finishedAt);
    if (isRestartableInit(inits.get(c.name))) {
      restartableInitRestarts += c.restartCount ?? 0;
      if (lastTerm) lastRestartableInitRestart = later(lastRestartableInitRestart, lastTerm.finishedAt);
    }
    const term = c.state?.terminated;
    const waiting = c.state?.waiting;
    if (term && term.exitCode === 0) continue;
    if (isRestartableInit(inits.get(c.name)) && c.started) {
      if (c.ready) readyContainers++;
      continue;
    }
    if (term) {
      if (!term.reason) reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode}`;
      else reason = `Init:${term.reason}`;
    } else if (waiting && waiting.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${(spec.initContainers ?? []).length}`;
    }
    initializing = true;
    break;
  }

  const initializedTrue = (st.conditions ?? []).some((c: any) => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initializedTrue) {
    restarts = restartableInitRestarts;
    lastRestart = lastRestartableInitRestart;
    let hasRunning = false;
    const cs: any[] = st.containerStatuses ?? [];
    for (let i = cs.length - 1; i >= 0; i--) {
      const c = cs[i];
      restarts += c.restartCount ?? 0;
      if (c.lastState?.terminated) lastRestart = later(lastRestart, c.lastState.terminated.finishedAt);
      const w = c.state?.waiting;
      const t = c.state?.terminated;
      if (w && w.reason) reason = w.reason;
      else if (t && t.reason) reason = t.reason;
      else if (t && !t.reason) reason = t.signal ? `Signal:${t.signal}` : `ExitCode:${t.exitCode}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const readyCond = (st.conditions ?? []).some((c: any) => c.type === 'Ready' && c.status === 'True');
      reason = readyCond ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata.deletionTimestamp && st.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && st.phase !== 'Succeeded' && st.phase !== 'Failed') reason = 'Terminating';

  let restartsStr = String(restarts);
  if (restarts !== 0 && lastRestart !== undefined) restartsStr = `${restarts} (${since(sim, sim.clock.timestamp(lastRestart))} ago)`;
  return { ready: `${readyContainers}/${totalContainers}`, status: reason, restarts: restartsStr };
}

export function podRow(sim: Simulation, pod: KubeObject, wide: boolean): string[] {
  const s = podSummary(sim, pod);
  const row = [pod.metadata.name, s.ready, s.status, s.restarts, since(sim, pod.metadata.creationTimestamp)];
  if (wide) {
    const st = pod.status ?? {};
    const ip = st.podIPs?.[0]?.ip || st.podIP || '<none>';
    const gates: any[] = pod.spec?.readinessGates ?? [];
    let rg = '<none>';
    if (gates.length) {
      const t = gates.filter((g) => (st.conditions ?? []).find((c: any) => c.type === g.conditionType)?.status === 'True').length;
      rg = `${t}/${gates.length}`;
    }
    row.push(ip, pod.spec?.nodeName || '<none>', st.nominatedNodeName || '<none>', rg);
  }
  return row;
}
