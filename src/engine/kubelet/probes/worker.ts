// Prober workers (pkg/kubelet/prober/worker.go, prober_manager.go): one per container and probe
// type, created when the pod is added and ticking every periodSeconds from then on. A tick does
// nothing while the container is not running, before initialDelaySeconds (whole seconds since
// the container started), or — for liveness and readiness — until the startup probe succeeded.
// Results change only after failureThreshold / successThreshold consecutive results; a liveness
// or startup failure puts the worker on hold until the container is replaced.
import type { KubeObject } from '../../api/meta';
import { containerSpec, runtimeKey, type KubeletHost } from '../host';
import type { ContainerRuntime, PodRuntime, ProbeResult, ProbeType, ProbeWorker } from '../types';
import { runProbe } from './prober';
import { killContainer } from '../containers';

export const PROBE_TYPES: ProbeType[] = ['startup', 'liveness', 'readiness'];

const INITIAL: Record<ProbeType, ProbeResult> = { liveness: 'success', readiness: 'failure', startup: 'unknown' };
const TITLE: Record<ProbeType, string> = { liveness: 'Liveness', readiness: 'Readiness', startup: 'Startup' };

/** The container spec field of each probe type (constant keys: probeOf runs at every start). */
const PROBE_FIELD: Record<ProbeType, string> = { liveness: 'livenessProbe', readiness: 'readinessProbe', startup: 'startupProbe' };

export function probeOf(spec: any, type: ProbeType): any {
  return spec?.[PROBE_FIELD[type]];
}

/** Defaults of v1.Probe (SetDefaults_Probe). */
export function probeSettings(probe: any) {
  return {
    initialDelaySeconds: probe.initialDelaySeconds ?? 0,
    periodSeconds: probe.periodSeconds || 10,
    timeoutSeconds: probe.timeoutSeconds || 1,
    successThreshold: probe.successThreshold || 1,
    failureThreshold: probe.failureThreshold || 3,
  };
}

/** A new container instance: results go back to their initial values and holds are lifted. */
export function initProbeWorkers(c: ContainerRuntime, spec: any): void {
  for (const type of PROBE_TYPES) {
    if (!probeOf(spec, type)) continue;
    const w: ProbeWorker = c.probes[type] ?? { lastResult: 'unknown', resultRun: 0, onHold: false, result: INITIAL[type] };
    w.onHold = false;
    w.result = INITIAL[type];
    c.probes[type] = w;
  }
}

const NONE: any[] = [];

/** Start the tickers of every probe of the pod (AddPod), anchored now. */
export function startProbeTickers(k: KubeletHost, pod: KubeObject, p: PodRuntime): void {
  for (const spec of pod.spec?.initContainers ?? NONE) startTickers(k, p, spec);
  for (const spec of pod.spec?.containers ?? NONE) startTickers(k, p, spec);
}

/** The tickers of one container's probes. */
function startTickers(k: KubeletHost, p: PodRuntime, spec: any): void {
  for (const type of PROBE_TYPES) {
    const probe = probeOf(spec, type);
    if (!probe) continue;
    k.timer(probeSettings(probe).periodSeconds * 1000, 'probe', { pod: runtimeKey(p), epoch: p.epoch, container: spec.name, type });
  }
}

/** prober_manager UpdatePodStatus: a running container that is not ready gets a readiness probe now. */
export function triggerReadiness(k: KubeletHost, p: PodRuntime, c: ContainerRuntime, spec: any): void {
  if (!probeOf(spec, 'readiness') || c.ready) return;
  k.timer(k.ctx.timings.kubeletLatencyMs, 'probe', {
    pod: runtimeKey(p),
    epoch: p.epoch,
    container: c.name,
    instance: c.instance,
    type: 'readiness',
    manual: true,
  });
}

/** One tick of a worker (doProbe). */
export function doProbe(k: KubeletHost, pod: KubeObject, p: PodRuntime, c: ContainerRuntime, type: ProbeType): void {
  const spec = containerSpec(pod, c.name);
  const probe = probeOf(spec, type);
  const w = c.probes[type];
  if (!probe || !w) return;
  if (c.phase !== 'running' || c.stopping || !p.ip) return;
  if (w.onHold) return;
  const s = probeSettings(probe);
  if (Math.floor((k.now() - (c.startedAt ?? 0)) / 1000) < s.initialDelaySeconds) return;
  if (type !== 'startup' && !c.started) return;
  if (type === 'startup' && c.started) return;
  const out = runProbe(type, probe, spec, c, p.ip, k.now());
  const result: ProbeResult = out.ok ? 'success' : 'failure';
  if (!out.ok) k.podEvent(pod, 'Warning', 'Unhealthy', `${TITLE[type]} probe failed: ${out.output}`, c);
  if (w.lastResult === result) w.resultRun++;
  else {
    w.lastResult = result;
    w.resultRun = 1;
  }
  if ((result === 'failure' && w.resultRun < s.failureThreshold) || (result === 'success' && w.resultRun < s.successThreshold)) return;
  const changed = w.result !== result;
  w.result = result;
  if ((type === 'liveness' || type === 'startup') && result === 'failure') {
    w.onHold = true;
    w.resultRun = 0;
  }
  if (!changed) return;
  applyResult(k, pod, p, c, spec, probe, type, result);
}

function applyResult(k: KubeletHost, pod: KubeObject, p: PodRuntime, c: ContainerRuntime, spec: any, probe: any, type: ProbeType, result: ProbeResult): void {
  const key = runtimeKey(p);
  if (type === 'readiness') {
    c.ready = result === 'success';
    k.writeStatus(key);
    return;
  }
  if (type === 'startup' && result === 'success') {
    c.started = true;
    k.writeStatus(key);
    triggerReadiness(k, p, c, spec);
    return;
  }
  if (result === 'failure') {
    // computePodActions: a failed liveness or startup probe kills the container, which the
    // restart policy then restarts.
    const grace = probe.terminationGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
    killContainer(k, pod, p, c, `Container ${c.name} failed ${type} probe, will be restarted`, grace, type);
  }
}
