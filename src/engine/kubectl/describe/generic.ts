// describeService and a generic describer for the other kinds (Name, Namespace, Labels,
// Annotations, then the object's spec/status as YAML-ish lines, then Events).
import type { KubeObject } from '../../api/meta';
import type { Simulation } from '../../sim/simulation';
import { describeEvents, eventsFor, LEVEL_0, PrefixWriter, printAnnotationsMultiline, printLabelsMultiline } from './writer';

export function describeService(sim: Simulation, svc: KubeObject): string {
  const w = new PrefixWriter();
  const spec = svc.spec ?? {};
  w.write(LEVEL_0, `Name:\t${svc.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${svc.metadata.namespace}\n`);
  printLabelsMultiline(w, 'Labels', svc.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', svc.metadata.annotations);
  const sel = Object.entries(spec.selector ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}=${v}`).join(',');
  w.write(LEVEL_0, `Selector:\t${sel || '<none>'}\n`);
  w.write(LEVEL_0, `Type:\t${spec.type ?? 'ClusterIP'}\n`);
  w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy ?? 'SingleStack'}\n`);
  w.write(LEVEL_0, `IP Families:\t${(spec.ipFamilies ?? ['IPv4']).join(',')}\n`);
  w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`);
  w.write(LEVEL_0, `IPs:\t${(spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : [])).join(',') || '<none>'}\n`);
  const ep = sim.api.get('Endpoints', svc.metadata.namespace, svc.metadata.name);
  for (const p of spec.ports ?? []) {
    const name = p.name || '<unset>';
    w.write(LEVEL_0, `Port:\t${name}\t${p.port}/${p.protocol ?? 'TCP'}\n`);
    w.write(LEVEL_0, `TargetPort:\t${p.targetPort ?? p.port}/${p.protocol ?? 'TCP'}\n`);
    if (p.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${p.nodePort}/${p.protocol ?? 'TCP'}\n`);
    const addrs: string[] = [];
    for (const ss of ep?.subsets ?? []) {
      const port = (ss.ports ?? []).find((x: any) => (x.name ?? '') === (p.name ?? '')) ?? ss.ports?.[0];
      for (const a of ss.addresses ?? []) addrs.push(port ? `${a.ip}:${port.port}` : a.ip);
    }
    w.write(LEVEL_0, `Endpoints:\t${addrs.join(',') || '<none>'}\n`);
  }
  w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? 'None'}\n`);
  w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy ?? 'Cluster'}\n`);
  describeEvents(sim, eventsFor(sim, svc), w);
  return w.toString();
}

/** describeConfigMap: each key under a "----" rule. */
export function describeConfigMap(sim: Simulation, cm: KubeObject): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${cm.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${cm.metadata.namespace}\n`);
  printLabelsMultiline(w, 'Labels', cm.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', cm.metadata.annotations);
  w.write(LEVEL_0, '\nData\n====\n');
  for (const k of Object.keys(cm.data ?? {}).sort()) w.write(LEVEL_0, `${k}:\n----\n${cm.data[k]}\n\n`);
  w.write(LEVEL_0, '\nBinaryData\n====\n');
  for (const k of Object.keys(cm.binaryData ?? {}).sort()) w.write(LEVEL_0, `${k}: ${Math.floor((String(cm.binaryData[k]).length * 3) / 4)} bytes\n`);
  w.write(LEVEL_0, '\n');
  describeEvents(sim, eventsFor(sim, cm), w);
  return w.toString();
}

/** describeNamespace (quota and limit ranges are not simulated beyond their objects). */
export function describeNamespace(sim: Simulation, ns: KubeObject): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${ns.metadata.name}\n`);
  printLabelsMultiline(w, 'Labels', ns.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', ns.metadata.annotations);
  w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`);
  const quotas = sim.api.list('ResourceQuota', { namespace: ns.metadata.name });
  const limits = sim.api.list('LimitRange', { namespace: ns.metadata.name });
  w.write(LEVEL_0, quotas.length ? `\nResource Quotas\n  Name:\t${quotas.map((q) => q.metadata.name).join(', ')}\n` : '\nNo resource quota.\n');
  w.write(LEVEL_0, limits.length ? `\nResource Limits\n  Name:\t${limits.map((q) => q.metadata.name).join(', ')}\n` : '\nNo LimitRange resource.\n');
  return w.toString();
}

export function describeGeneric(sim: Simulation, o: KubeObject): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${o.metadata.name}\n`);
  if (o.metadata.namespace) w.write(LEVEL_0, `Namespace:\t${o.metadata.namespace}\n`);
  printLabelsMultiline(w, 'Labels', o.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', o.metadata.annotations);
  w.flush();
  for (const [k, v] of Object.entries(o)) {
    if (['apiVersion', 'kind', 'metadata'].includes(k) || v === undefined || v === null) continue;
    writeField(w, 0, k, v);
  }
  w.flush();
  describeEvents(sim, eventsFor(sim, o), w);
  return w.toString();
}

/** "creationTimestamp" -> "Creation Timestamp", as the unstructured describer titles fields. */
function title(k: string): string {
  const words = k.replace(/([a-z0-9])([A-Z])/g, '$1 $2');
  return words[0].toUpperCase() + words.slice(1);
}

function writeField(w: PrefixWriter, level: number, k: string, v: unknown): void {
  const pad = '  '.repeat(level);
  if (v === null || v === undefined) return;
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x !== 'object' || x === null)) {
      w.write(LEVEL_0, `${pad}${title(k)}:\n`);
      for (const x of v) w.write(LEVEL_0, `${pad}  ${String(x)}\n`);
      return;
    }
    w.write(LEVEL_0, `${pad}${title(k)}:\n`);
    for (const x of v) for (const [ik, iv] of Object.entries(x as object)) writeField(w, level + 1, ik, iv);
    return;
  }
  if (typeof v === 'object') {
    w.write(LEVEL_0, `${pad}${title(k)}:\n`);
    for (const [ik, iv] of Object.entries(v as object)) writeField(w, level + 1, ik, iv);
    return;
  }
  w.write(LEVEL_0, `${pad}${title(k)}:\t${String(v)}\n`);
}
