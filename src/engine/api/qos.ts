// Pod QoS class (pkg/apis/core/helper/qos/qos.go ComputePodQOS): Guaranteed when every container
// has cpu and memory limits equal to its requests, BestEffort when nothing is requested or
// limited, Burstable otherwise. Only cpu and memory count; zero quantities are ignored.
import { parseQuantity, type QuantityValue } from './quantity';
import type { KubeObject } from './meta';

export type QOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

function positive(v: unknown): QuantityValue | undefined {
  if (v === undefined || v === null) return undefined;
  try {
    const q = parseQuantity(v as string);
    return q.sign() > 0 ? q : undefined;
  } catch {
    return undefined;
  }
}

/** The pod's positive cpu and memory requests and limits, summed over its containers. */
interface Totals {
  reqCpu?: QuantityValue;
  reqMemory?: QuantityValue;
  limCpu?: QuantityValue;
  limMemory?: QuantityValue;
  /** Every container so far has positive cpu and memory limits. */
  allLimited: boolean;
}

function sum(a: QuantityValue | undefined, b: QuantityValue | undefined): QuantityValue | undefined {
  return a && b ? a.add(b) : (a ?? b);
}

// Only cpu and memory are read: every pod create computes this, so no maps or entry arrays.
function addContainers(t: Totals, containers: Iterable<any> | undefined): void {
  if (!containers) return;
  for (const c of containers) {
    const req = c.resources?.requests;
    const lim = c.resources?.limits;
    t.reqCpu = sum(t.reqCpu, positive(req?.cpu));
    t.reqMemory = sum(t.reqMemory, positive(req?.memory));
    const cpu = positive(lim?.cpu);
    const memory = positive(lim?.memory);
    t.limCpu = sum(t.limCpu, cpu);
    t.limMemory = sum(t.limMemory, memory);
    if (!cpu || !memory) t.allLimited = false;
  }
}

/** Requests equal limits: both unset, or both set and equal. */
function sameAmount(req: QuantityValue | undefined, lim: QuantityValue | undefined): boolean {
  return req === undefined ? lim === undefined : lim !== undefined && lim.cmp(req) === 0;
}

export function computePodQOS(pod: Pick<KubeObject, 'spec'>): QOSClass {
  const t: Totals = { allLimited: true };
  addContainers(t, pod.spec?.containers);
  addContainers(t, pod.spec?.initContainers);
  if (!t.reqCpu && !t.reqMemory && !t.limCpu && !t.limMemory) return 'BestEffort';
  return t.allLimited && sameAmount(t.reqCpu, t.limCpu) && sameAmount(t.reqMemory, t.limMemory) ? 'Guaranteed' : 'Burstable';
}
