// The ResourceQuota admission plugin (plugin/pkg/admission/resourcequota, pkg/quota/v1/evaluator/core):
// a create that would push a namespace past a quota's hard limits is refused, and when a quota
// limits cpu or memory every container must state that request or limit. Usage is counted from
// the objects in the store (what the quota controller would have written to status.used).
import { NO_ERRORS, type AdmissionContext } from '../admission';
import type { FieldError } from '../../api/fieldErrors';
import type { KubeObject } from '../../api/meta';
import { kindInfo } from '../../api/kinds';
import { parseQuantity, newQuantity, type QuantityValue } from '../../api/quantity';
import { forbidden } from './forbidden';

type Usage = Map<string, QuantityValue>;

const COMPUTE = ['cpu', 'memory', 'ephemeral-storage'];
const VALIDATION_SET = new Set(['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory']);
const LEGACY_COUNTS: Record<string, string> = {
  Pod: 'pods',
  Service: 'services',
  ConfigMap: 'configmaps',
  Secret: 'secrets',
  PersistentVolumeClaim: 'persistentvolumeclaims',
  ResourceQuota: 'resourcequotas',
};

function q(v: unknown): QuantityValue | undefined {
  try {
    return parseQuantity(v as string);
  } catch {
    return undefined;
  }
}

function add(u: Usage, k: string, v: QuantityValue): void {
  u.set(k, u.has(k) ? u.get(k)!.add(v) : v);
}

/** Pod requests/limits: the containers' sum, or the largest init container when that is more. */
function podResource(pod: KubeObject, field: 'requests' | 'limits', r: string): QuantityValue | undefined {
  let total: QuantityValue | undefined;
  for (const c of pod.spec?.containers ?? []) {
    const v = q(c?.resources?.[field]?.[r]);
    if (v) total = total ? total.add(v) : v;
  }
  for (const c of pod.spec?.initContainers ?? []) {
    const v = q(c?.resources?.[field]?.[r]);
    if (v && (!total || v.cmp(total) > 0)) total = v;
  }
  return total;
}

/** QuotaV1Pod: terminal pods, and pods past their deletion grace, no longer count. */
function podCounts(pod: KubeObject, now: number): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  const dt = pod.metadata.deletionTimestamp;
  if (dt && now > Date.parse(dt) + (pod.metadata.deletionGracePeriodSeconds ?? 0) * 1000) return false;
  return true;
}

function usageOf(obj: KubeObject): Usage {
  const u: Usage = new Map();
  const one = newQuantity(1);
  const info = kindInfo(obj.kind);
  if (info) add(u, `count/${info.plural}${info.apiVersion.includes('/') ? `.${info.apiVersion.split('/')[0]}` : ''}`, one);
  if (LEGACY_COUNTS[obj.kind]) add(u, LEGACY_COUNTS[obj.kind], one);
  if (obj.kind === 'Pod') {
    for (const r of COMPUTE) {
      const req = podResource(obj, 'requests', r);
      const lim = podResource(obj, 'limits', r);
      if (req) {
        add(u, `requests.${r}`, req);
        add(u, r, req);
      }
      if (lim) add(u, `limits.${r}`, lim);
    }
  }
  if (obj.kind === 'Service') {
    const ports = (obj.spec?.ports ?? []).length;
    if (obj.spec?.type === 'NodePort' || obj.spec?.type === 'LoadBalancer') add(u, 'services.nodeports', newQuantity(ports));
    if (obj.spec?.type === 'LoadBalancer') add(u, 'services.loadbalancers', one);
  }
  if (obj.kind === 'PersistentVolumeClaim') {
    const s = q(obj.spec?.resources?.requests?.storage);
    if (s) add(u, 'requests.storage', s);
  }
  return u;
}

function prettyPrint(u: Usage, keys: string[]): string {
  return [...keys].sort().map((k) => `${k}=${(u.get(k) ?? newQuantity(0)).toString()}`).join(',');
}

/** enforcePodContainerConstraints: quota on cpu/memory needs each container to state it. */
function missingConstraints(pod: KubeObject, required: string[]): string | undefined {
  const req = required.filter((r) => VALIDATION_SET.has(r));
  const missing = new Map<string, Set<string>>();
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
    for (const r of req) {
      const [field, name] = r.startsWith('limits.') ? ['limits', r.slice(7)] : ['requests', r.replace(/^requests\./, '')];
      if (c?.resources?.[field]?.[name] === undefined) {
        if (!missing.has(r)) missing.set(r, new Set());
        missing.get(r)!.add(c?.name);
      }
    }
  }
  if (!missing.size) return undefined;
  const parts = [...missing.keys()].sort().map((r) => `${r} for: ${[...missing.get(r)!].sort().join(',')}`);
  return `must specify ${parts.join('; ')}`;
}

export function resourceQuotaValidate(obj: KubeObject, _old: KubeObject | undefined, ctx: AdmissionContext): readonly FieldError[] {
  if (ctx.op !== 'CREATE' || !obj.metadata.namespace) return NO_ERRORS;
  // Every create passes here (Events most of all), and most namespaces have no quota.
  const all = ctx.list('ResourceQuota', obj.metadata.namespace);
  if (!all.length) return NO_ERRORS;
  const quotas = all
    // Scoped quotas (scopes, scopeSelector) are not modelled; they never block.
    .filter((rq) => !rq.spec?.scopes?.length && !rq.spec?.scopeSelector)
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  if (!quotas.length) return NO_ERRORS;
  const delta = usageOf(obj);
  const now = Date.parse(ctx.now);
  for (const rq of quotas) {
    const hard = new Map<string, QuantityValue>();
    for (const [k, v] of Object.entries((rq.spec?.hard ?? {}) as Record<string, string>)) {
      const x = q(v);
      if (x) hard.set(k, x);
    }
    const constrained = [...hard.keys()].filter((k) => delta.has(k));
    if (obj.kind === 'Pod') {
      const miss = missingConstraints(obj, [...hard.keys()]);
      if (miss) throw forbidden(obj, ctx.op, `failed quota: ${rq.metadata.name}: ${miss}`);
    }
    if (!constrained.length) continue;
    // Current usage of the constrained resources across the namespace.
    const used: Usage = new Map();
    for (const k of constrained) used.set(k, newQuantity(0));
    // Every resource an object of this kind consumes is counted from objects of the same kind.
    for (const o of ctx.list(obj.kind, obj.metadata.namespace)) {
      if (o.kind === 'Pod' && !podCounts(o, now)) continue;
      for (const [k, v] of usageOf(o)) if (used.has(k)) add(used, k, v);
    }
    const exceeded = constrained.filter((k) => used.get(k)!.add(delta.get(k)!).cmp(hard.get(k)!) > 0);
    if (exceeded.length) {
      throw forbidden(
        obj,
        ctx.op,
        `exceeded quota: ${rq.metadata.name}, requested: ${prettyPrint(delta, exceeded)}, used: ${prettyPrint(used, exceeded)}, limited: ${prettyPrint(hard, exceeded)}`,
      );
    }
  }
  return NO_ERRORS;
}
