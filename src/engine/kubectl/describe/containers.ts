// describeContainers and DescribePodTemplate (k8s.io/kubectl/pkg/describe/describe.go).
import type { Simulation } from '../../sim/simulation';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, PrefixWriter, printAnnotationsMultiline, printLabelsMultiline, printTolerations, rfc1123z } from './writer';

export function describeProbe(p: any): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s #success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const h = p.httpGet;
    const scheme = String(h.scheme ?? 'HTTP').toLowerCase();
    const port = h.port !== undefined ? String(h.port) : '';
    const host = port ? `${h.host ?? ''}:${port}` : (h.host ?? '');
    return `http-get ${scheme}://${host}${h.path ?? ''} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${p.tcpSocket.port} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeState(sim: Simulation, w: PrefixWriter, name: string, state: any): void {
  if (state?.running) {
    w.write(LEVEL_2, `${name}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(sim, state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode ?? 0}\n`);
    if (t.signal > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(sim, t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${rfc1123z(sim, t.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
  }
}

export function describeContainers(sim: Simulation, label: string, containers: any[], statuses: any[] | undefined, w: PrefixWriter, space: string): void {
  w.write(LEVEL_0, `${space}${label}:\n`);
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  for (const c of containers ?? []) {
    const st = statuses ? byName.get(c.name) : undefined;
    w.write(LEVEL_1, `${space ? ' ' : ''}${c.name}:\n`);
    if (st) w.write(LEVEL_2, `Container ID:\t${st.containerID ?? ''}\n`);
    w.write(LEVEL_2, `Image:\t${c.image ?? ''}\n`);
    if (st) w.write(LEVEL_2, `Image ID:\t${st.imageID ?? ''}\n`);
    const ports: any[] = c.ports ?? [];
    const portStr = ports.map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ');
    w.write(LEVEL_2, portStr.includes(',') ? `Ports:\t${portStr}\n` : `Port:\t${portStr || '<none>'}\n`);
    const hostStr = ports.map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`).join(', ');
    w.write(LEVEL_2, hostStr.includes(',') ? `Host Ports:\t${hostStr}\n` : `Host Port:\t${hostStr || '<none>'}\n`);
    if (c.restartPolicy) w.write(LEVEL_2, `Restart Policy:\t${c.restartPolicy}\n`);
    if (c.command?.length) {
      w.write(LEVEL_2, 'Command:\n');
      for (const x of c.command) for (const l of String(x).split('\n')) w.write(LEVEL_3, `${l}\n`);
    }
    if (c.args?.length) {
      w.write(LEVEL_2, 'Args:\n');
      for (const x of c.args) for (const l of String(x).split('\n')) w.write(LEVEL_3, `${l}\n`);
    }
    if (st) {
      describeState(sim, w, 'State', st.state);
      if (st.lastState?.terminated) describeState(sim, w, 'Last State', st.lastState);
      w.write(LEVEL_2, `Ready:\t${st.ready ? 'True' : 'False'}\n`);
      w.write(LEVEL_2, `Restart Count:\t${st.restartCount ?? 0}\n`);
    }
    for (const [k, title] of [['limits', 'Limits'], ['requests', 'Requests']] as const) {
      const r = c.resources?.[k];
      if (r && Object.keys(r).length) {
        w.write(LEVEL_2, `${title}:\n`);
        for (const name of Object.keys(r).sort()) w.write(LEVEL_3, `${name}:\t${r[name]}\n`);
      }
    }
    if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
    if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
    const env: any[] = c.env ?? [];
    if (!env.length) w.write(LEVEL_2, 'Environment:\t<none>\n');
    else {
      w.write(LEVEL_2, 'Environment:\n');
      for (const e of env) {
        if (e.valueFrom) {
          const ref = e.valueFrom.configMapKeyRef ?? e.valueFrom.secretKeyRef;
          const what = e.valueFrom.configMapKeyRef ? 'config map' : e.valueFrom.secretKeyRef ? 'secret' : '';
          w.write(LEVEL_3, ref ? `${e.name}:\t<set to the key '${ref.key}' of ${what} '${ref.name}'>\tOptional: ${!!ref.optional}\n` : `${e.name}:\t<set from a field>\n`);
          continue;
        }
        String(e.value ?? '').split('\n').forEach((l, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${l}\n` : `\t${l}\n`));
      }
    }
    const mounts: any[] = c.volumeMounts ?? [];
    if (!mounts.length) w.write(LEVEL_2, 'Mounts:\t<none>\n');
    else {
      w.write(LEVEL_2, 'Mounts:\n');
      for (const m of [...mounts].sort((a, b) => (a.mountPath < b.mountPath ? -1 : 1))) w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${m.readOnly ? 'ro' : 'rw'})\n`);
    }
  }
}

export function describeVolumes(volumes: any[] | undefined, w: PrefixWriter, space: string): void {
  if (!volumes?.length) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(LEVEL_1, `${space ? ' ' : ''}${v.name}:\n`);
    if (v.emptyDir) {
      w.write(LEVEL_2, 'Type:\tEmptyDir (a temporary directory that shares a pod\'s lifetime)\n');
      w.write(LEVEL_2, `Medium:\t${v.emptyDir.medium ?? ''}\n`);
      w.write(LEVEL_2, `SizeLimit:\t${v.emptyDir.sizeLimit ?? '<unset>'}\n`);
    } else if (v.configMap) {
      w.write(LEVEL_2, 'Type:\tConfigMap (a volume populated by a ConfigMap)\n');
      w.write(LEVEL_2, `Name:\t${v.configMap.name}\n`);
      w.write(LEVEL_2, `Optional:\t${!!v.configMap.optional}\n`);
    } else if (v.secret) {
      w.write(LEVEL_2, 'Type:\tSecret (a volume populated by a Secret)\n');
      w.write(LEVEL_2, `SecretName:\t${v.secret.secretName}\n`);
      w.write(LEVEL_2, `Optional:\t${!!v.secret.optional}\n`);
    } else if (v.persistentVolumeClaim) {
      w.write(LEVEL_2, 'Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n');
      w.write(LEVEL_2, `ClaimName:\t${v.persistentVolumeClaim.claimName}\n`);
      w.write(LEVEL_2, `ReadOnly:\t${!!v.persistentVolumeClaim.readOnly}\n`);
    } else if (v.projected) {
      w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
      for (const src of v.projected.sources ?? []) {
        if (src.serviceAccountToken) w.write(LEVEL_2, `TokenExpirationSeconds:\t${src.serviceAccountToken.expirationSeconds ?? 3600}\n`);
        if (src.configMap) {
          w.write(LEVEL_2, `ConfigMapName:\t${src.configMap.name}\n`);
          w.write(LEVEL_2, `Optional:\t${!!src.configMap.optional}\n`);
        }
        if (src.downwardAPI) w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
      }
    } else if (v.hostPath) {
      w.write(LEVEL_2, 'Type:\tHostPath (bare host directory volume)\n');
      w.write(LEVEL_2, `Path:\t${v.hostPath.path}\n`);
      w.write(LEVEL_2, `HostPathType:\t${v.hostPath.type ?? ''}\n`);
    } else {
      w.write(LEVEL_2, `<unknown>\n`);
    }
  }
}

export function describePodTemplate(sim: Simulation, template: any, w: PrefixWriter): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  if (!template) {
    w.write(LEVEL_1, '<unset>');
    return;
  }
  printLabelsMultiline(w, '  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length) printAnnotationsMultiline(w, '  Annotations', template.metadata.annotations);
  const spec = template.spec ?? {};
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if (spec.initContainers?.length) describeContainers(sim, 'Init Containers', spec.initContainers, undefined, w, '  ');
  describeContainers(sim, 'Containers', spec.containers ?? [], undefined, w, '  ');
  describeVolumes(spec.volumes, w, '  ');
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabelsMultiline(w, '  Node-Selectors', spec.nodeSelector);
  printTolerations(w, '  Tolerations', spec.tolerations);
}
