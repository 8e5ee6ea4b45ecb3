// API objects -> flat view rows for the canvas. Pure functions over plain objects.
// The pod STATUS follows kubectl's printPod (k8s.io/kubernetes/pkg/printers/internalversion/printers.go).
import type { EventRow, ViewRow } from './protocol';
import { parseQuantity } from '../engine/api/quantity';

interface Obj {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    creationTimestamp?: string;
    deletionTimestamp?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    ownerReferences?: { kind: string; name: string; uid: string; controller?: boolean }[];
  };
  spec?: any;
  status?: any;
  [k: string]: any;
}

/** Kinds drawn on the canvas; everything else is only reachable through kubectl. */
export const DRAWN_KINDS = new Set(['Pod', 'Node', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob']);

export function rowKey(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? ''}/${name}`;
}

function quantity(v: unknown, milli: boolean): number {
  if (v === undefined || v === null || v === '') return 0;
  try {
    const q = parseQuantity(v as string);
    return milli ? q.milliValue() : q.value();
  } catch {
    return 0;
  }
}

/** The pod STATUS column, as kubectl printPod computes it. */
export function podStatus(pod: Obj): string {
  const st = pod.status ?? {};
  let reason: string = st.reason || st.phase || 'Pending';
  const inits: any[] = st.initContainerStatuses ?? [];
  const nInit = (pod.spec?.initContainers ?? []).length;
  let initializing = false;
  for (let i = 0; i < inits.length; i++) {
    const c = inits[i];
    const term = c.state?.terminated;
    const wait = c.state?.waiting;
    if (term && term.exitCode === 0) continue;
    if (term) {
      reason = term.reason ? `Init:${term.reason}` : term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode}`;
    } else if (wait && wait.reason && wait.reason !== 'PodInitializing') {
      reason = `Init:${wait.reason}`;
    } else {
      reason = `Init:${i}/${nInit}`;
    }
    initializing = true;
    break;
  }
  if (!initializing) {
    let hasRunning = false;
    const cs: any[] = st.containerStatuses ?? [];
    for (let i = cs.length - 1; i >= 0; i--) {
      const c = cs[i];
      const wait = c.state?.waiting;
      const term = c.state?.terminated;
      if (wait?.reason) reason = wait.reason;
      else if (term?.reason) reason = term.reason;
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`;
      else if (c.ready && c.state?.running) hasRunning = true;
    }
    if (reason === 'Completed' && hasRunning) {
      const ready = (st.conditions ?? []).some((c: any) => c.type === 'Ready' && c.status === 'True');
      reason = ready ? 'Running' : 'NotReady';
    }
  }
  if (pod.metadata.deletionTimestamp && st.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp) reason = 'Terminating';
  return reason;
}

function podRow(o: Obj, row: ViewRow): void {
  const st = o.status ?? {};
  row.phase = st.phase ?? 'Pending';
  row.ready = (st.conditions ?? []).some((c: any) => c.type === 'Ready' && c.status === 'True');
  row.node = o.spec?.nodeName ?? '';
  row.restarts = (st.containerStatuses ?? []).reduce((n: number, c: any) => n + (c.restartCount ?? 0), 0);
  row.status = podStatus(o);
  const containers: any[] = o.spec?.containers ?? [];
  row.image = containers.map((c) => c.image).join(', ');
  let cpu = 0;
  let mem = 0;
  for (const c of containers) {
    cpu += quantity(c.resources?.requests?.cpu, true);
    mem += quantity(c.resources?.requests?.memory, false);
  }
  row.cpuMilli = cpu;
  row.memBytes = mem;
  const hash = o.metadata.labels?.['pod-template-hash'] ?? o.metadata.labels?.['controller-revision-hash'];
  if (hash) row.hash = hash;
}

function workloadRow(o: Obj, row: ViewRow): void {
  const st = o.status ?? {};
  const spec = o.spec ?? {};
  switch (o.kind) {
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
      row.desired = spec.replicas ?? 1;
      row.current = st.replicas ?? 0;
      row.readyReplicas = st.readyReplicas ?? 0;
      row.updated = st.updatedReplicas ?? 0;
      row.available = st.availableReplicas ?? 0;
      break;
    case 'DaemonSet':
      row.desired = st.desiredNumberScheduled ?? 0;
      row.current = st.currentNumberScheduled ?? 0;
      row.readyReplicas = st.numberReady ?? 0;
      row.updated = st.updatedNumberScheduled ?? 0;
      row.available = st.numberAvailable ?? 0;
      break;
    case 'Job':
      row.desired = spec.completions ?? 1;
      row.current = st.active ?? 0;
      row.readyReplicas = st.succeeded ?? 0;
      row.available = st.failed ?? 0;
      break;
  }
  const rev = o.metadata.annotations?.['deployment.kubernetes.io/revision'];
  if (rev) row.revision = rev;
  const hash = o.metadata.labels?.['pod-template-hash'];
  if (hash) row.hash = hash;
  const containers: any[] = spec.template?.spec?.containers ?? [];
  if (containers.length) row.image = containers.map((c) => c.image).join(', ');
}

function nodeRow(o: Obj, row: ViewRow): void {
  const st = o.status ?? {};
  const ready = (st.conditions ?? []).find((c: any) => c.type === 'Ready');
  // A node with no Ready condition yet counts as not ready, as `kubectl get nodes` shows it.
  row.ready = ready?.status === 'True';
  row.unschedulable = !!o.spec?.unschedulable;
  const alloc = st.allocatable ?? st.capacity ?? {};
  row.cpuAllocMilli = quantity(alloc.cpu, true);
  row.memAllocBytes = quantity(alloc.memory, false);
  row.podsAlloc = quantity(alloc.pods, false);
  const labels = o.metadata.labels ?? {};
  row.zone = labels['topology.kubernetes.io/zone'] ?? '';
  row.role = 'node-role.kubernetes.io/control-plane' in labels ? 'control-plane' : '';
  row.taints = (o.spec?.taints ?? []).map((t: any) => `${t.key}${t.value ? '=' + t.value : ''}:${t.effect}`);
}

/** The view row of an object, or null when the canvas does not draw its kind. */
export function toRow(o: Obj, order: number): ViewRow | null {
  if (!DRAWN_KINDS.has(o.kind)) return null;
  const md = o.metadata;
  const row: ViewRow = {
    key: rowKey(o.kind, md.namespace, md.name),
    kind: o.kind,
    name: md.name,
    namespace: md.namespace ?? '',
    uid: md.uid ?? '',
    order,
  };
  const owner = md.ownerReferences?.find((r) => r.controller);
  if (owner) {
    row.ownerUid = owner.uid;
    row.ownerKind = owner.kind;
    row.ownerName = owner.name;
  }
  if (md.deletionTimestamp) row.terminating = true;
  if (o.kind === 'Pod') podRow(o, row);
  else if (o.kind === 'Node') nodeRow(o, row);
  else workloadRow(o, row);
  return row;
}

/** Shallow equality of rows (all values are primitives or short string arrays). */
export function sameRow(a: ViewRow, b: ViewRow): boolean {
  const ka = Object.keys(a) as (keyof ViewRow)[];
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    const x = a[k];
    const y = b[k];
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length || x.some((v, i) => v !== y[i])) return false;
    } else if (x !== y) return false;
  }
  return true;
}

/** An Event as a `kubectl get events` row; `parse` turns metav1.Time into simulated ms. */
export function toEventRow(ev: Obj, parse: (ts: string | undefined) => number | undefined): EventRow {
  const io = ev.involvedObject ?? {};
  const kind: string = io.kind ?? '';
  const ts = ev.lastTimestamp ?? ev.eventTime ?? ev.firstTimestamp ?? ev.metadata.creationTimestamp;
  return {
    key: `${ev.metadata.namespace ?? ''}/${ev.metadata.name}`,
    type: ev.type ?? 'Normal',
    reason: ev.reason ?? '',
    object: `${kind.toLowerCase()}/${io.name ?? ''}`,
    objectKind: kind,
    objectName: io.name ?? '',
    namespace: io.namespace ?? ev.metadata.namespace ?? '',
    message: ev.message ?? '',
    count: ev.count ?? 1,
    t: parse(ts) ?? 0,
    source: ev.source?.component ?? ev.reportingComponent ?? '',
  };
}
