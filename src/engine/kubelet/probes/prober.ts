// Running one probe against the simulated process (pkg/kubelet/prober/prober.go and the probe
// clients in pkg/probe/{http,tcp,grpc,exec}), with their result wording. A port the container
// does not declare behaves like a closed port: the connection is refused.
import type { ContainerRuntime, ProbeType } from '../types';

export interface ProbeOutcome {
  ok: boolean;
  /** The probe output, as the Unhealthy event prints it after "<Type> probe failed: ". */
  output: string;
}

/** Resolve a probe port (number or named port) against the container's declared ports. */
export function resolvePort(spec: any, port: number | string | undefined): { port: number | string; declared: boolean } {
  const ports: any[] = spec.ports ?? [];
  if (typeof port === 'string' && !/^\d+$/.test(port)) {
    const p = ports.find((x) => x.name === port);
    return p ? { port: p.containerPort, declared: true } : { port, declared: false };
  }
  const n = Number(port);
  return { port: n, declared: ports.some((x) => Number(x.containerPort) === n) };
}

function failsNow(type: ProbeType, c: ContainerRuntime, now: number): boolean {
  const plan = c.plan;
  const up = now - (c.startedAt ?? now);
  if (type === 'liveness' && (c.broken?.liveness || (plan?.livenessFailsAfterMs !== undefined && up >= plan.livenessFailsAfterMs))) return true;
  if (type === 'readiness' && (c.broken?.readiness || (plan?.readinessFailsAfterMs !== undefined && up >= plan.readinessFailsAfterMs))) return true;
  return false;
}

export function runProbe(type: ProbeType, probe: any, spec: any, c: ContainerRuntime, podIP: string, now: number): ProbeOutcome {
  const listening = now - (c.startedAt ?? now) >= (c.plan?.readyAfterMs ?? 0);
  const failing = failsNow(type, c, now);
  if (probe.httpGet) {
    const h = probe.httpGet;
    const { port, declared } = resolvePort(spec, h.port);
    const host = h.host || podIP;
    const scheme = String(h.scheme ?? 'HTTP').toLowerCase();
    let path: string = h.path ?? '';
    if (path && !path.startsWith('/')) path = `/${path}`;
    const url = `${scheme}://${host}:${port}${path || '/'}`;
    if (!declared || !listening) return { ok: false, output: `Get "${url}": dial tcp ${host}:${port}: connect: connection refused` };
    if (failing) return { ok: false, output: `HTTP probe failed with statuscode: ${type === 'readiness' ? 503 : 500}` };
    return { ok: true, output: '' };
  }
  if (probe.tcpSocket) {
    const { port, declared } = resolvePort(spec, probe.tcpSocket.port);
    const host = probe.tcpSocket.host || podIP;
    if (!declared || !listening || failing) return { ok: false, output: `dial tcp ${host}:${port}: connect: connection refused` };
    return { ok: true, output: '' };
  }
  if (probe.grpc) {
    const port = Number(probe.grpc.port);
    const declared = (spec.ports ?? []).some((x: any) => Number(x.containerPort) === port);
    const timeout = probe.timeoutSeconds ?? 1;
    if (!declared || !listening) return { ok: false, output: `timeout: failed to connect service "${podIP}:${port}" within ${timeout}s` };
    if (failing) return { ok: false, output: 'service unhealthy (responded with "NOT_SERVING")' };
    return { ok: true, output: '' };
  }
  if (probe.exec) {
    if (listening && !failing) return { ok: true, output: '' };
    const words: string[] = (probe.exec.command ?? []).map(String);
    const cat = words.join(' ').match(/\bcat\s+(\S+)/);
    return { ok: false, output: cat ? `cat: can't open '${cat[1]}': No such file or directory\n` : '' };
  }
  return { ok: true, output: '' };
}
