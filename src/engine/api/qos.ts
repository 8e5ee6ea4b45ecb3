// Pod QoS class (pkg/apis/core/helper/qos/qos.go ComputePodQOS): Guaranteed when every container
// has cpu and memory limits equal to its requests, BestEffort when nothing is requested or
// limited, Burstable otherwise. Only cpu and memory count; zero quantities are ignored.
import { parseQuantity, type QuantityValue } from './quantity';
import type { KubeObject } from './meta';

export type QOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

const QOS_RESOURCES = new Set(['cpu', 'memory']);

function positive(v: unknown): QuantityValue | undefined {
  try {
    const q = parseQuantity(v as string);
    return q.sign() > 0 ? q : undefined;
  } catch {
    return undefined;
  }
}

export function computePodQOS(pod: Pick<KubeObject, 'spec'>): QOSClass {
  const requests = new Map<string, QuantityValue>();
  const limits = new Map<string, QuantityValue>();
  let isGuaranteed = true;
  const all = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  for (const c of all) {
    for (const [name, v] of Object.entries((c.resources?.requests ?? {}) as Record<string, unknown>)) {
      if (!QOS_RESOURCES.has(name)) continue;
      const q = positive(v);
      if (q) requests.set(name, requests.has(name) ? requests.get(name)!.add(q) : q);
    }
    const found = new Set<string>();
    for (const [name, v] of Object.entries((c.resources?.limits ?? {}) as Record<string, unknown>)) {
      if (!QOS_RESOURCES.has(name)) continue;
      const q = positive(v);
      if (q) {
        found.add(name);
        limits.set(name, limits.has(name) ? limits.get(name)!.add(q) : q);
      }
    }
    if (!found.has('cpu') || !found.has('memory')) isGuaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (isGuaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || lim.cmp(req) !== 0) {
        isGuaranteed = false;
        break;
      }
    }
  }
  return isGuaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
