// Builds apps/v1 objects from the conformance vectors' compact shapes, so the vectors drive the
// same functions the controllers use.
import type { KubeObject } from '../../../src/engine/api/meta';

export const NOW = Date.parse('2026-01-15T12:00:00Z');

/** "now", "now+1m", "now-1m", "now-5h", "now-1month", "zero", "unset (zero)" or RFC 3339. */
export function ts(v: string | null | undefined): string | undefined {
  if (v === null || v === undefined || v === 'zero' || v === 'unset (zero)') return undefined;
  if (v === 'now') return iso(NOW);
  if (v === 'now-1month') {
    const d = new Date(NOW);
    d.setUTCMonth(d.getUTCMonth() - 1);
    return iso(d.getTime());
  }
  const m = /^now([+-])(\d+)([smh])$/.exec(v);
  if (m) {
    const unit = { s: 1000, m: 60_000, h: 3_600_000 }[m[3] as 's' | 'm' | 'h'];
    return iso(NOW + (m[1] === '+' ? 1 : -1) * Number(m[2]) * unit);
  }
  return v;
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface VDeployment {
  replicas?: number | null;
  strategy?: string;
  maxSurge?: number | string | null;
  maxUnavailable?: number | string | null;
  statusReplicas?: number;
}

export function mkDeployment(v: VDeployment, extra: Record<string, any> = {}): KubeObject {
  const strategy: Record<string, any> = { type: v.strategy ?? 'RollingUpdate' };
  if (strategy.type === 'RollingUpdate') strategy.rollingUpdate = { maxSurge: v.maxSurge ?? null, maxUnavailable: v.maxUnavailable ?? null };
  const d: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'foo', namespace: 'default', uid: 'deployment-uid', generation: extra.generation ?? 0 },
    spec: { strategy, ...(v.replicas === null || v.replicas === undefined ? {} : { replicas: v.replicas }), ...(extra.spec ?? {}) },
    status: { ...(v.statusReplicas !== undefined ? { replicas: v.statusReplicas } : {}), ...(extra.status ?? {}) },
  };
  if (v.replicas === null) d.spec.replicas = 0;
  return d;
}

export interface VReplicaSet {
  name?: string;
  specReplicas?: number;
  statusReplicas?: number;
  availableReplicas?: number;
  terminatingReplicas?: number | null;
  observedGeneration?: number;
  annotations?: Record<string, string> | null;
  creationTimestamp?: string;
  revision?: string | null;
  deletionTimestamp?: string;
  status?: Record<string, any>;
}

export function mkRS(v: VReplicaSet, template?: unknown): KubeObject {
  const annotations = { ...(v.annotations ?? {}) };
  if (v.revision !== undefined && v.revision !== null) annotations['deployment.kubernetes.io/revision'] = v.revision;
  const status: Record<string, any> = { replicas: v.statusReplicas ?? 0, ...(v.status ?? {}) };
  if (v.availableReplicas !== undefined) status.availableReplicas = v.availableReplicas;
  if (v.terminatingReplicas !== undefined && v.terminatingReplicas !== null) status.terminatingReplicas = v.terminatingReplicas;
  if (v.observedGeneration !== undefined) status.observedGeneration = v.observedGeneration;
  const rs: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: v.name ?? 'rs', namespace: 'default', uid: `uid-${v.name ?? 'rs'}`, generation: 0 },
    spec: { replicas: v.specReplicas ?? 0, template: template ?? { metadata: { labels: { name: v.name ?? 'rs' } } } },
    status,
  };
  const created = ts(v.creationTimestamp);
  if (created) rs.metadata.creationTimestamp = created;
  if (v.deletionTimestamp) rs.metadata.deletionTimestamp = ts('now');
  if (Object.keys(annotations).length) rs.metadata.annotations = annotations;
  return rs;
}

/** A pod from the pod-ordering vectors. */
export function mkPod(v: any): KubeObject {
  const pod: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: v.name, namespace: 'default' },
    spec: { nodeName: v.nodeName || undefined, containers: [] },
    status: { phase: v.phase },
  };
  const created = ts(v.creationTimestamp);
  if (created) pod.metadata.creationTimestamp = created;
  if (v.annotations) pod.metadata.annotations = { ...v.annotations };
  const ready = v.readyCondition ?? (v.ready ? { status: 'True', lastTransitionTime: v.readySince } : undefined);
  if (ready) pod.status.conditions = [{ type: 'Ready', status: ready.status, lastTransitionTime: ts(ready.lastTransitionTime) ?? null }];
  if (v.containerRestartCounts?.length) pod.status.containerStatuses = v.containerRestartCounts.map((n: number, i: number) => ({ name: `c${i}`, restartCount: n }));
  return pod;
}

/** test.each rows: [case name, vector]. */
export function cases(list: any[], nameOf: (v: any, i: number) => string = (v) => v.source.case): [string, any][] {
  return list.map((v, i) => [nameOf(v, i), v]);
}
