// Pod resource requests as the scheduler counts them: component-helpers/resource PodRequests
// (containers summed, init containers as a running max, restartable "sidecar" init containers
// added to both, plus pod overhead; pod-level resources win for cpu/memory when set), and the
// non-zero variant that scoring uses (pkg/scheduler/util/pod_resources.go: 100m CPU / 200Mi
// for a container that omits a request).
import { parseQuantity } from '../../api/quantity';
import type { KubeObject } from '../../api/meta';

export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

/** framework.Resource: CPU in millicores, everything else in units (bytes for memory). */
export interface Resource {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  /** Extended and hugepages resources, by name. */
  scalar: Record<string, number>;
}

export function emptyResource(): Resource {
  return { milliCPU: 0, memory: 0, ephemeralStorage: 0, scalar: {} };
}

const cache = new Map<string, number>();

/** MilliValue for cpu, Value for the rest (both rounded up), memoised by quantity string. */
export function quantityValue(resource: string, q: string | number | undefined | null): number {
  if (q === undefined || q === null || q === '') return 0;
  const milli = resource === 'cpu';
  const key = (milli ? 'm' : 'v') + String(q);
  let v = cache.get(key);
  if (v === undefined) {
    try {
      const parsed = parseQuantity(q);
      v = milli ? parsed.milliValue() : parsed.value();
    } catch {
      v = 0;
    }
    if (cache.size > 10_000) cache.clear();
    cache.set(key, v);
  }
  return v;
}

/** The resources the scheduler tracks on nodes (pods is AllowedPodNumber, kept apart). */
export function isScalarResourceName(name: string): boolean {
  return name !== 'cpu' && name !== 'memory' && name !== 'ephemeral-storage' && name !== 'pods';
}

function addQuantity(r: Resource, name: string, q: string, sign = 1): void {
  const v = quantityValue(name, q) * sign;
  if (name === 'cpu') r.milliCPU += v;
  else if (name === 'memory') r.memory += v;
  else if (name === 'ephemeral-storage') r.ephemeralStorage += v;
  else if (name !== 'pods') r.scalar[name] = (r.scalar[name] ?? 0) + v;
}

function addList(r: Resource, list: Record<string, string> | undefined, sign = 1): void {
  if (!list) return;
  for (const name in list) addQuantity(r, name, list[name], sign);
}

function addResource(a: Resource, b: Resource): void {
  a.milliCPU += b.milliCPU;
  a.memory += b.memory;
  a.ephemeralStorage += b.ephemeralStorage;
  for (const k in b.scalar) a.scalar[k] = (a.scalar[k] ?? 0) + b.scalar[k];
}

function maxResource(a: Resource, b: Resource): void {
  a.milliCPU = Math.max(a.milliCPU, b.milliCPU);
  a.memory = Math.max(a.memory, b.memory);
  a.ephemeralStorage = Math.max(a.ephemeralStorage, b.ephemeralStorage);
  for (const k in b.scalar) a.scalar[k] = Math.max(a.scalar[k] ?? 0, b.scalar[k]);
}

function copyResource(r: Resource): Resource {
  return { milliCPU: r.milliCPU, memory: r.memory, ephemeralStorage: r.ephemeralStorage, scalar: { ...r.scalar } };
}

interface ContainerLike {
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  restartPolicy?: string;
}

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** Requests of one container; a limit without a request counts as the request (API defaulting). */
function containerRequests(c: ContainerLike, nonZero: boolean): Resource {
  const r = emptyResource();
  addContainerRequests(r, c, nonZero);
  return r;
}

/** The same, added to `r` (app containers are summed without a Resource each). */
function addContainerRequests(r: Resource, c: ContainerLike, nonZero: boolean): void {
  const req = c.resources?.requests;
  const lim = c.resources?.limits;
  // The requests merged over the limits ({...limits, ...requests}, in that order), without building the merge.
  if (lim) for (const name in lim) addQuantity(r, name, req && hasOwn(req, name) ? req[name] : lim[name]);
  if (req) for (const name in req) if (!lim || !hasOwn(lim, name)) addQuantity(r, name, req[name]);
  if (nonZero) {
    if (merged(req, lim, 'cpu') === undefined) r.milliCPU += DEFAULT_MILLI_CPU_REQUEST;
    if (merged(req, lim, 'memory') === undefined) r.memory += DEFAULT_MEMORY_REQUEST;
  }
}

function merged(req: Record<string, string> | undefined, lim: Record<string, string> | undefined, name: string): string | undefined {
  if (req && hasOwn(req, name)) return req[name];
  return lim && hasOwn(lim, name) ? lim[name] : undefined;
}

/**
 * resourcehelper.PodRequests. With nonZero, containers that omit cpu/memory count the scheduler's
 * defaults (NonMissingContainerRequests), which only scoring uses.
 */
export function podRequests(spec: KubeObject['spec'] | undefined, nonZero = false): Resource {
  const reqs = emptyResource();
  if (!spec) return reqs;
  for (const c of (spec.containers ?? []) as ContainerLike[]) addContainerRequests(reqs, c, nonZero);
  const inits = (spec.initContainers ?? []) as ContainerLike[];
  // Without init containers their running max is zero, which changes nothing (requests are never negative).
  if (inits.length > 0) addInitContainerRequests(reqs, inits, nonZero);

  // Pod-level resources (PodLevelResources) replace the container sum for cpu and memory.
  const podLevel = spec.resources?.requests as Record<string, string> | undefined;
  if (podLevel) {
    if (podLevel.cpu !== undefined) reqs.milliCPU = quantityValue('cpu', podLevel.cpu);
    if (podLevel.memory !== undefined) reqs.memory = quantityValue('memory', podLevel.memory);
  }
  addList(reqs, spec.overhead);
  return reqs;
}

/** Init containers run one at a time: their largest request counts, sidecars' on top of the app's. */
function addInitContainerRequests(reqs: Resource, inits: ContainerLike[], nonZero: boolean): void {
  const restartable = emptyResource();
  const initMax = emptyResource();
  for (const c of inits) {
    const cr = containerRequests(c, nonZero);
    let eff: Resource;
    if (c.restartPolicy === 'Always') {
      // A sidecar keeps running beside the app containers and the init containers after it.
      addResource(reqs, cr);
      addResource(restartable, cr);
      eff = copyResource(restartable);
    } else {
      eff = copyResource(cr);
      addResource(eff, restartable);
    }
    maxResource(initMax, eff);
  }
  maxResource(reqs, initMax);
}

/** node.status.allocatable as a Resource, plus the pod count. */
export function allocatableOf(node: KubeObject): { res: Resource; pods: number } {
  const res = emptyResource();
  const alloc = (node.status?.allocatable ?? {}) as Record<string, string>;
  addList(res, alloc);
  return { res, pods: quantityValue('pods', alloc.pods) };
}
