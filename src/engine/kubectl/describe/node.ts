// describeNode and describeNodeResource (k8s.io/kubectl/pkg/describe/describe.go).
import type { KubeObject } from '../../api/meta';
import { parseQuantity, QuantityValue, type QuantityFormat } from '../../api/quantity';
import type { Simulation } from '../../sim/simulation';
import { nodeRoles } from '../printers/tables';
import { since } from '../printers/duration';
import { describeEvents, eventsFor, LEVEL_0, LEVEL_1, PrefixWriter, printAnnotationsMultiline, printLabelsMultiline, rfc1123z } from './writer';

/** Sum of quantities keeping the first one's format, as resource.Quantity.Add does. */
class Sum {
  nanos = 0n;
  format: QuantityFormat | undefined;
  add(v: unknown): void {
    if (v === undefined || v === null) return;
    try {
      const q = parseQuantity(v as string);
      this.nanos += q.nanos;
      this.format ??= q.format;
    } catch {
      // unparsable values were rejected by validation; ignore here
    }
  }
  toString(): string {
    return new QuantityValue(this.nanos, this.format ?? 'DecimalSI').toString();
  }
}

/** resourcehelper.PodRequestsAndLimits: containers summed, each init container as a max. */
function podRequestsAndLimits(pod: KubeObject): { req: Record<string, Sum>; lim: Record<string, Sum> } {
  const req: Record<string, Sum> = {};
  const lim: Record<string, Sum> = {};
  for (const c of pod.spec?.containers ?? []) {
    for (const [k, v] of Object.entries(c.resources?.requests ?? {})) (req[k] ??= new Sum()).add(v);
    for (const [k, v] of Object.entries(c.resources?.limits ?? {})) (lim[k] ??= new Sum()).add(v);
  }
  for (const c of pod.spec?.initContainers ?? []) {
    for (const [src, dst] of [[c.resources?.requests ?? {}, req], [c.resources?.limits ?? {}, lim]] as const) {
      for (const [k, v] of Object.entries(src)) {
        const one = new Sum();
        one.add(v);
        if (!dst[k] || one.nanos > dst[k].nanos) dst[k] = one;
      }
    }
  }
  return { req, lim };
}

function fraction(s: Sum | undefined, alloc: unknown, milli: boolean): number {
  if (!s || alloc === undefined) return 0;
  try {
    const a = parseQuantity(alloc as string);
    const av = milli ? Number(a.milliValue()) : Number(a.value());
    if (!av) return 0;
    const v = milli ? Number(new QuantityValue(s.nanos, 'DecimalSI').milliValue()) : Number(new QuantityValue(s.nanos, 'DecimalSI').value());
    return Math.trunc((v / av) * 100);
  } catch {
    return 0;
  }
}

const show = (s: Sum | undefined) => (s ? s.toString() : '0');

export function describeNode(sim: Simulation, node: KubeObject): string {
  const w = new PrefixWriter();
  const spec = node.spec ?? {};
  const st = node.status ?? {};
  w.write(LEVEL_0, `Name:\t${node.metadata.name}\n`);
  w.write(LEVEL_0, `Roles:\t${nodeRoles(node)}\n`);
  printLabelsMultiline(w, 'Labels', node.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', node.metadata.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(sim, node.metadata.creationTimestamp)}\n`);
  const taints: any[] = spec.taints ?? [];
  w.write(LEVEL_0, 'Taints:\t');
  if (!taints.length) w.write(LEVEL_0, '<none>\n');
  taints.forEach((t, i) => {
    if (i) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}\n`);
  });
  w.write(LEVEL_0, `Unschedulable:\t${!!spec.unschedulable}\n`);
  const lease = sim.api.get('Lease', 'kube-node-lease', node.metadata.name);
  if (lease) {
    w.write(LEVEL_0, 'Lease:\n');
    w.write(LEVEL_1, `HolderIdentity:\t${lease.spec?.holderIdentity ?? '<unset>'}\n`);
    w.write(LEVEL_1, `AcquireTime:\t${lease.spec?.acquireTime ? rfc1123z(sim, lease.spec.acquireTime) : '<unset>'}\n`);
    w.write(LEVEL_1, `RenewTime:\t${lease.spec?.renewTime ? rfc1123z(sim, lease.spec.renewTime) : '<unset>'}\n`);
  }
  if (st.conditions?.length) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of st.conditions) {
      w.write(LEVEL_1, `${c.type} \t${c.status} \t${rfc1123z(sim, c.lastHeartbeatTime)} \t${rfc1123z(sim, c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
    }
  }
  w.write(LEVEL_0, 'Addresses:\n');
  for (const a of st.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
  // SortableResourceNames: plain string order.
  const sortRes = (ks: string[]) => [...ks].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [title, list] of [['Capacity', st.capacity], ['Allocatable', st.allocatable]] as const) {
    if (!list || !Object.keys(list).length) continue;
    w.write(LEVEL_0, `${title}:\n`);
    for (const k of sortRes(Object.keys(list))) w.write(LEVEL_0, `  ${k}:\t${list[k]}\n`);
  }
  const info = st.nodeInfo ?? {};
  w.write(LEVEL_0, 'System Info:\n');
  for (const [label, key] of [
    ['Machine ID', 'machineID'], ['System UUID', 'systemUUID'], ['Boot ID', 'bootID'], ['Kernel Version', 'kernelVersion'],
    ['OS Image', 'osImage'], ['Operating System', 'operatingSystem'], ['Architecture', 'architecture'],
    ['Container Runtime Version', 'containerRuntimeVersion'], ['Kubelet Version', 'kubeletVersion'],
  ]) {
    w.write(LEVEL_0, `  ${label}:\t${info[key] ?? ''}\n`);
  }
  if (spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${spec.podCIDR}\n`);
  if (spec.podCIDRs?.length) w.write(LEVEL_0, `PodCIDRs:\t${spec.podCIDRs.join(',')}\n`);
  if (spec.providerID) w.write(LEVEL_0, `ProviderID:\t${spec.providerID}\n`);

  const pods = sim.api.podsOnNode(node.metadata.name).filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
  pods.sort((a, b) => ((a.metadata.namespace ?? '') + '/' + a.metadata.name < (b.metadata.namespace ?? '') + '/' + b.metadata.name ? -1 : 1));
  const alloc = Object.keys(st.allocatable ?? {}).length ? st.allocatable : (st.capacity ?? {});
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const totReq: Record<string, Sum> = {};
  const totLim: Record<string, Sum> = {};
  for (const p of pods) {
    const { req, lim } = podRequestsAndLimits(p);
    for (const [k, s] of Object.entries(req)) (totReq[k] ??= new Sum()).add(s.toString());
    for (const [k, s] of Object.entries(lim)) (totLim[k] ??= new Sum()).add(s.toString());
    w.write(
      LEVEL_1,
      `${p.metadata.namespace}\t${p.metadata.name}\t\t${show(req.cpu)} (${fraction(req.cpu, alloc.cpu, true)}%)\t${show(lim.cpu)} (${fraction(lim.cpu, alloc.cpu, true)}%)\t${show(req.memory)} (${fraction(req.memory, alloc.memory, false)}%)\t${show(lim.memory)} (${fraction(lim.memory, alloc.memory, false)}%)\t${since(sim, p.metadata.creationTimestamp)}\n`,
    );
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  for (const [r, milli] of [['cpu', true], ['memory', false], ['ephemeral-storage', false]] as const) {
    w.write(LEVEL_1, `${r}\t${show(totReq[r])} (${fraction(totReq[r], alloc[r], milli)}%)\t${show(totLim[r])} (${fraction(totLim[r], alloc[r], milli)}%)\n`);
  }
  describeEvents(sim, eventsFor(sim, node), w);
  return w.toString();
}
