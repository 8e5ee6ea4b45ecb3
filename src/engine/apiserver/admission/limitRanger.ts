// The LimitRanger admission plugin (plugin/pkg/admission/limitranger/admission.go): on pod
// create, containers get the LimitRange's default limits and default requests for resources
// they leave out (recorded in the kubernetes.io/limit-ranger annotation), then every container
// and the pod as a whole are checked against min, max and maxLimitRequestRatio.
import { NO_ERRORS, type AdmissionContext } from '../admission';
import type { FieldError } from '../../api/fieldErrors';
import type { KubeObject } from '../../api/meta';
import { parseQuantity, type QuantityValue } from '../../api/quantity';
import { forbidden } from './forbidden';

export const LIMIT_RANGER_ANNOTATION = 'kubernetes.io/limit-ranger';
const MAX_MILLI_VALUE = 9223372036854775n; // math.MaxInt64 / 1000

type ResourceList = Record<string, string>;

function containerItems(ctx: AdmissionContext, ns: string | undefined): any[] {
  const items: any[] = [];
  for (const lr of ctx.list('LimitRange', ns)) for (const it of lr.spec?.limits ?? []) items.push(it);
  return items;
}

function merge(c: any, defaults: { limits: ResourceList; requests: ResourceList }, prefix: string, notes: string[]): void {
  c.resources = c.resources ?? {};
  const limits: ResourceList = (c.resources.limits = c.resources.limits ?? {});
  const requests: ResourceList = (c.resources.requests = c.resources.requests ?? {});
  const setLimits: string[] = [];
  const setRequests: string[] = [];
  for (const [k, v] of Object.entries(defaults.limits)) {
    if (!(k in limits)) {
      limits[k] = v;
      setLimits.push(k);
    }
  }
  for (const [k, v] of Object.entries(defaults.requests)) {
    if (!(k in requests)) {
      requests[k] = v;
      setRequests.push(k);
    }
  }
  if (setRequests.length) notes.push(`${setRequests.sort().join(', ')} request for ${prefix} ${c.name}`);
  if (setLimits.length) notes.push(`${setLimits.sort().join(', ')} limit for ${prefix} ${c.name}`);
  if (!Object.keys(limits).length) delete c.resources.limits;
  if (!Object.keys(requests).length) delete c.resources.requests;
}

/** defaultContainerResourceRequirements: the union of every Container item's default / defaultRequest. */
function containerDefaults(items: any[]): { limits: ResourceList; requests: ResourceList } {
  const out = { limits: {} as ResourceList, requests: {} as ResourceList };
  for (const it of items) {
    if (it?.type !== 'Container') continue;
    Object.assign(out.requests, it.defaultRequest ?? {});
    Object.assign(out.limits, it.default ?? {});
  }
  return out;
}

export function limitRangerMutate(pod: KubeObject, _old: KubeObject | undefined, ctx: AdmissionContext): void {
  if (pod.kind !== 'Pod' || ctx.op !== 'CREATE') return;
  const items = containerItems(ctx, pod.metadata.namespace);
  if (!items.length) return;
  const defaults = containerDefaults(items);
  if (!Object.keys(defaults.limits).length && !Object.keys(defaults.requests).length) return;
  const notes: string[] = [];
  for (const c of pod.spec?.containers ?? []) merge(c, defaults, 'container', notes);
  for (const c of pod.spec?.initContainers ?? []) merge(c, defaults, 'init container', notes);
  if (notes.length) {
    pod.metadata.annotations = { ...(pod.metadata.annotations ?? {}), [LIMIT_RANGER_ANNOTATION]: `LimitRanger plugin set: ${notes.join('; ')}` };
  }
}

function q(v: string | undefined): QuantityValue | undefined {
  if (v === undefined) return undefined;
  try {
    return parseQuantity(v);
  } catch {
    return undefined;
  }
}

/** requestLimitEnforcedValues: milli precision unless a value would overflow it. */
function observed(req: QuantityValue | undefined, lim: QuantityValue | undefined, enf: QuantityValue): [bigint, bigint, bigint] {
  const r = req?.valueBig() ?? 0n;
  const l = lim?.valueBig() ?? 0n;
  const e = enf.valueBig();
  if (r <= MAX_MILLI_VALUE && l <= MAX_MILLI_VALUE && e <= MAX_MILLI_VALUE) {
    return [req?.milliValueBig() ?? 0n, lim?.milliValueBig() ?? 0n, enf.milliValueBig()];
  }
  return [r, l, e];
}

function check(limitType: string, item: any, requests: ResourceList, limits: ResourceList, errs: string[]): void {
  for (const [k, v] of Object.entries((item.min ?? {}) as ResourceList)) {
    const enf = q(v)!;
    const req = q(requests[k]);
    const lim = q(limits[k]);
    const [r, l, e] = observed(req, lim, enf);
    if (!req) errs.push(`minimum ${k} usage per ${limitType} is ${enf}.  No request is specified`);
    else if (r < e) errs.push(`minimum ${k} usage per ${limitType} is ${enf}, but request is ${req}`);
    else if (lim && l < e) errs.push(`minimum ${k} usage per ${limitType} is ${enf}, but limit is ${lim}`);
  }
  for (const [k, v] of Object.entries((item.max ?? {}) as ResourceList)) {
    const enf = q(v)!;
    const req = q(requests[k]);
    const lim = q(limits[k]);
    const [r, l, e] = observed(req, lim, enf);
    if (!lim) errs.push(`maximum ${k} usage per ${limitType} is ${enf}.  No limit is specified`);
    else if (l > e) errs.push(`maximum ${k} usage per ${limitType} is ${enf}, but limit is ${lim}`);
    else if (req && r > e) errs.push(`maximum ${k} usage per ${limitType} is ${enf}, but request is ${req}`);
  }
  for (const [k, v] of Object.entries((item.maxLimitRequestRatio ?? {}) as ResourceList)) {
    const enf = q(v)!;
    const req = q(requests[k]);
    const lim = q(limits[k]);
    const [r, l] = observed(req, lim, enf);
    if (!req || r === 0n) errs.push(`${k} max limit to request ratio per ${limitType} is ${enf}, but no request is specified or request is 0`);
    else if (!lim || l === 0n) errs.push(`${k} max limit to request ratio per ${limitType} is ${enf}, but no limit is specified or limit is 0`);
    else {
      const ratio = Number(l) / Number(r);
      const big = enf.valueBig() > MAX_MILLI_VALUE;
      if ((big ? ratio : ratio * 1000) > Number(big ? enf.valueBig() : enf.milliValueBig())) {
        errs.push(`${k} max limit to request ratio per ${limitType} is ${enf}, but provided ratio is ${ratio.toFixed(6)}`);
      }
    }
  }
}

function sum(lists: ResourceList[]): ResourceList {
  const acc = new Map<string, QuantityValue>();
  for (const l of lists) for (const [k, v] of Object.entries(l)) {
    const x = q(v);
    if (x) acc.set(k, acc.has(k) ? acc.get(k)!.add(x) : x);
  }
  return Object.fromEntries([...acc].map(([k, v]) => [k, v.toString()]));
}

/** Pod-level totals: the containers' sum, or the largest init container when that is more. */
function podTotals(pod: KubeObject, field: 'requests' | 'limits'): ResourceList {
  const total = sum((pod.spec?.containers ?? []).map((c: any) => c.resources?.[field] ?? {}));
  for (const c of pod.spec?.initContainers ?? []) {
    for (const [k, v] of Object.entries((c.resources?.[field] ?? {}) as ResourceList)) {
      const x = q(v);
      const cur = q(total[k]);
      if (x && (!cur || x.cmp(cur) > 0)) total[k] = x.toString();
    }
  }
  return total;
}

export function limitRangerValidate(pod: KubeObject, _old: KubeObject | undefined, ctx: AdmissionContext): readonly FieldError[] {
  if (pod.kind !== 'Pod' || ctx.op !== 'CREATE') return NO_ERRORS;
  const items = containerItems(ctx, pod.metadata.namespace);
  // Most namespaces have no LimitRange.
  if (!items.length) return NO_ERRORS;
  const errs: string[] = [];
  for (const it of items) {
    if (it?.type === 'Container') {
      for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
        check('Container', it, c.resources?.requests ?? {}, c.resources?.limits ?? {}, errs);
      }
    } else if (it?.type === 'Pod') {
      check('Pod', it, podTotals(pod, 'requests'), podTotals(pod, 'limits'), errs);
    }
  }
  if (errs.length) throw forbidden(pod, ctx.op, errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`);
  return NO_ERRORS;
}
