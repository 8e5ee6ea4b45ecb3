// The table columns kubectl prints per kind (pkg/printers/internalversion/printers.go:
// printDeployment, printReplicaSet, printNode, printEvent, printService...).
import type { KubeObject } from '../../api/meta';
import type { Simulation } from '../../sim/simulation';
import { formatLabelSelector } from '../../api/labels';
import { since } from './duration';
import { POD_COLUMNS, POD_WIDE_COLUMNS, podRow } from './pods';

export interface TableDef {
  columns: string[];
  wide?: string[];
  /** When -o wide reorders columns (events), the full wide header. */
  wideColumns?: string[];
  row(sim: Simulation, o: KubeObject, wide: boolean): string[];
}

const age = (sim: Simulation, o: KubeObject) => since(sim, o.metadata.creationTimestamp);
const n = (v: unknown) => String(typeof v === 'number' ? v : 0);

function selectorString(sel: any): string {
  try {
    return formatLabelSelector(sel) || '<none>';
  } catch {
    return Object.entries(sel?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(',') || '<none>';
  }
}

/** CONTAINERS, IMAGES, SELECTOR (layoutContainerCells). */
function containerCells(o: KubeObject, template: any, sel: any): string[] {
  void o;
  const cs: any[] = template?.spec?.containers ?? [];
  return [cs.map((c) => c.name).join(','), cs.map((c) => c.image).join(','), selectorString(sel)];
}

/** findNodeRoles: node-role.kubernetes.io/<role> labels and kubernetes.io/role. */
export function nodeRoles(node: KubeObject): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) roles.add(k.slice('node-role.kubernetes.io/'.length));
    else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return [...roles].sort().join(',') || '<none>';
}

export function nodeStatus(node: KubeObject): string {
  const ready = (node.status?.conditions ?? []).find((c: any) => c.type === 'Ready');
  const status = ready ? [ready.status === 'True' ? 'Ready' : 'NotReady'] : ['Unknown'];
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

function servicePorts(svc: KubeObject): string {
  const ports: any[] = svc.spec?.ports ?? [];
  if (!ports.length) return '<none>';
  return ports.map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`)).join(',');
}

function externalIP(svc: KubeObject): string {
  const type = svc.spec?.type ?? 'ClusterIP';
  const ext: string[] = svc.spec?.externalIPs ?? [];
  if (type === 'LoadBalancer') {
    const ing: string[] = (svc.status?.loadBalancer?.ingress ?? []).map((i: any) => i.ip || i.hostname);
    const all = [...ing, ...ext];
    return all.length ? all.join(',') : '<pending>';
  }
  if (type === 'ExternalName') return svc.spec?.externalName ?? '<none>';
  return ext.length ? ext.join(',') : '<none>';
}

function endpointsCell(ep: KubeObject): string {
  const list: string[] = [];
  for (const ss of ep.subsets ?? []) {
    for (const a of ss.addresses ?? []) for (const p of ss.ports ?? [{}]) list.push(p.port ? `${a.ip}:${p.port}` : a.ip);
  }
  if (!list.length) return '<none>';
  const shown = list.slice(0, 3).join(',');
  return list.length > 3 ? `${shown} + ${list.length - 3} more...` : shown;
}

function eventObject(ev: KubeObject): string {
  const io = ev.involvedObject ?? {};
  return io.name ? `${String(io.kind ?? '').toLowerCase()}/${io.name}` : String(io.kind ?? '').toLowerCase();
}

export function eventLastSeen(sim: Simulation, ev: KubeObject): string {
  const first = ev.firstTimestamp ? since(sim, ev.firstTimestamp) : since(sim, ev.eventTime);
  if (ev.series) return since(sim, ev.series.lastObservedTime);
  return ev.lastTimestamp ? since(sim, ev.lastTimestamp) : first;
}

function jobStatus(job: KubeObject): string {
  const conds: any[] = job.status?.conditions ?? [];
  const has = (t: string) => conds.some((c) => c.type === t && c.status === 'True');
  if (has('Complete')) return 'Complete';
  if (has('Failed')) return 'Failed';
  if (job.metadata.deletionTimestamp) return 'Terminating';
  if (has('SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  if (has('FailureTarget')) return 'FailureTarget';
  if (job.spec?.suspend) return 'Suspended';
  return 'Running';
}

function jobDuration(sim: Simulation, job: KubeObject): string {
  const start = sim.clock.parse(job.status?.startTime);
  if (start === undefined) return '';
  const end = sim.clock.parse(job.status?.completionTime) ?? sim.now;
  return since(sim, sim.clock.timestamp(sim.now - (end - start)));
}

export const TABLES: Record<string, TableDef> = {
  Pod: { columns: POD_COLUMNS, wide: POD_WIDE_COLUMNS, row: (sim, o, wide) => podRow(sim, o, wide) },
  Deployment: {
    columns: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (sim, o, wide) => {
      const r = [o.metadata.name, `${n(o.status?.readyReplicas)}/${n(o.spec?.replicas)}`, n(o.status?.updatedReplicas), n(o.status?.availableReplicas), age(sim, o)];
      return wide ? [...r, ...containerCells(o, o.spec?.template, o.spec?.selector)] : r;
    },
  },
  ReplicaSet: {
    columns: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (sim, o, wide) => {
      const r = [o.metadata.name, n(o.spec?.replicas), n(o.status?.replicas), n(o.status?.readyReplicas), age(sim, o)];
      return wide ? [...r, ...containerCells(o, o.spec?.template, o.spec?.selector)] : r;
    },
  },
  StatefulSet: {
    columns: ['NAME', 'READY', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES'],
    row: (sim, o, wide) => {
      const r = [o.metadata.name, `${n(o.status?.readyReplicas)}/${n(o.spec?.replicas)}`, age(sim, o)];
      return wide ? [...r, ...containerCells(o, o.spec?.template, o.spec?.selector).slice(0, 2)] : r;
    },
  },
  DaemonSet: {
    columns: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (sim, o, wide) => {
      const s = o.status ?? {};
      const ns = Object.entries(o.spec?.template?.spec?.nodeSelector ?? {}).map(([k, v]) => `${k}=${v}`).join(',') || '<none>';
      const r = [o.metadata.name, n(s.desiredNumberScheduled), n(s.currentNumberScheduled), n(s.numberReady), n(s.updatedNumberScheduled), n(s.numberAvailable), ns, age(sim, o)];
      return wide ? [...r, ...containerCells(o, o.spec?.template, o.spec?.selector)] : r;
    },
  },
  Job: {
    columns: ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (sim, o, wide) => {
      const par = o.spec?.parallelism ?? 0;
      const completions =
        o.spec?.completions != null ? `${n(o.status?.succeeded)}/${o.spec.completions}` : par > 1 ? `${n(o.status?.succeeded)}/1 of ${par}` : `${n(o.status?.succeeded)}/1`;
      const r = [o.metadata.name, jobStatus(o), completions, jobDuration(sim, o), age(sim, o)];
      return wide ? [...r, ...containerCells(o, o.spec?.template, o.spec?.selector)] : r;
    },
  },
  CronJob: {
    columns: ['NAME', 'SCHEDULE', 'TIMEZONE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', 'AGE'],
    row: (sim, o) => [
      o.metadata.name,
      o.spec?.schedule ?? '',
      o.spec?.timeZone ?? '<none>',
      String(!!o.spec?.suspend),
      String((o.status?.active ?? []).length),
      o.status?.lastScheduleTime ? since(sim, o.status.lastScheduleTime) : '<none>',
      age(sim, o),
    ],
  },
  Node: {
    columns: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
    wide: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
    row: (sim, o, wide) => {
      const info = o.status?.nodeInfo ?? {};
      const r = [o.metadata.name, nodeStatus(o), nodeRoles(o), age(sim, o), info.kubeletVersion ?? ''];
      if (!wide) return r;
      const addr = (t: string) => (o.status?.addresses ?? []).find((a: any) => a.type === t)?.address ?? '<none>';
      return [...r, addr('InternalIP'), addr('ExternalIP'), info.osImage || '<unknown>', info.kernelVersion || '<unknown>', info.containerRuntimeVersion || '<unknown>'];
    },
  },
  Event: {
    columns: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
    wideColumns: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'SUBOBJECT', 'SOURCE', 'MESSAGE', 'FIRST SEEN', 'COUNT', 'NAME'],
    row: (sim, o, wide) => {
      const base = [eventLastSeen(sim, o), o.type ?? '', o.reason ?? '', eventObject(o)];
      const msg = String(o.message ?? '').trim();
      if (!wide) return [...base, msg];
      const src = [o.source?.component, o.source?.host].filter(Boolean).join(', ');
      const first = o.firstTimestamp ? since(sim, o.firstTimestamp) : since(sim, o.eventTime);
      return [...base, o.involvedObject?.fieldPath ?? '', src, msg, first, String(o.count ?? 1), o.metadata.name];
    },
  },
  Service: {
    columns: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
    wide: ['SELECTOR'],
    row: (sim, o, wide) => {
      const r = [o.metadata.name, o.spec?.type ?? 'ClusterIP', o.spec?.clusterIP || '<none>', externalIP(o), servicePorts(o), age(sim, o)];
      if (!wide) return r;
      return [...r, Object.entries(o.spec?.selector ?? {}).map(([k, v]) => `${k}=${v}`).join(',') || '<none>'];
    },
  },
  Endpoints: { columns: ['NAME', 'ENDPOINTS', 'AGE'], row: (sim, o) => [o.metadata.name, endpointsCell(o), age(sim, o)] },
  ConfigMap: { columns: ['NAME', 'DATA', 'AGE'], row: (sim, o) => [o.metadata.name, String(Object.keys(o.data ?? {}).length + Object.keys(o.binaryData ?? {}).length), age(sim, o)] },
  Secret: { columns: ['NAME', 'TYPE', 'DATA', 'AGE'], row: (sim, o) => [o.metadata.name, o.type ?? 'Opaque', String(Object.keys(o.data ?? {}).length), age(sim, o)] },
  Namespace: { columns: ['NAME', 'STATUS', 'AGE'], row: (sim, o) => [o.metadata.name, o.status?.phase ?? '', age(sim, o)] },
  ServiceAccount: { columns: ['NAME', 'SECRETS', 'AGE'], row: (sim, o) => [o.metadata.name, String((o.secrets ?? []).length), age(sim, o)] },
  PriorityClass: {
    columns: ['NAME', 'VALUE', 'GLOBAL-DEFAULT', 'AGE', 'PREEMPTIONPOLICY'],
    row: (sim, o) => [o.metadata.name, String(o.value ?? 0), String(!!o.globalDefault), age(sim, o), o.preemptionPolicy ?? 'PreemptLowerPriority'],
  },
  Lease: { columns: ['NAME', 'HOLDER', 'AGE'], row: (sim, o) => [o.metadata.name, o.spec?.holderIdentity ?? '', age(sim, o)] },
  HorizontalPodAutoscaler: {
    columns: ['NAME', 'REFERENCE', 'TARGETS', 'MINPODS', 'MAXPODS', 'REPLICAS', 'AGE'],
    row: (sim, o) => {
      const ref = o.spec?.scaleTargetRef ?? {};
      const metrics: any[] = o.spec?.metrics ?? [];
      const current: any[] = o.status?.currentMetrics ?? [];
      const targets = metrics.length
        ? metrics
            .map((m, i) => {
              if (m.type === 'Resource') {
                const cur = current[i]?.resource?.current?.averageUtilization;
                const tgt = m.resource?.target?.averageUtilization;
                return `${m.resource?.name}: ${cur !== undefined ? `${cur}%` : '<unknown>'}/${tgt}%`;
              }
              return '<unknown>/<unknown>';
            })
            .join(', ')
        : '<none>';
      return [o.metadata.name, `${ref.kind}/${ref.name}`, targets, String(o.spec?.minReplicas ?? 1), String(o.spec?.maxReplicas ?? 0), n(o.status?.currentReplicas), age(sim, o)];
    },
  },
  PodDisruptionBudget: {
    columns: ['NAME', 'MIN AVAILABLE', 'MAX UNAVAILABLE', 'ALLOWED DISRUPTIONS', 'AGE'],
    row: (sim, o) => [o.metadata.name, o.spec?.minAvailable !== undefined ? String(o.spec.minAvailable) : 'N/A', o.spec?.maxUnavailable !== undefined ? String(o.spec.maxUnavailable) : 'N/A', n(o.status?.disruptionsAllowed), age(sim, o)],
  },
  PersistentVolumeClaim: {
    columns: ['NAME', 'STATUS', 'VOLUME', 'CAPACITY', 'ACCESS MODES', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'AGE'],
    row: (sim, o) => [o.metadata.name, o.status?.phase ?? 'Pending', o.spec?.volumeName ?? '', o.status?.capacity?.storage ?? '', '', o.spec?.storageClassName ?? '<unset>', '<unset>', age(sim, o)],
  },
};

export const DEFAULT_TABLE: TableDef = { columns: ['NAME', 'AGE'], row: (sim, o) => [o.metadata.name, age(sim, o)] };

export function tableFor(kind: string): TableDef {
  return TABLES[kind] ?? DEFAULT_TABLE;
}
