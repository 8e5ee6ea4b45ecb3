// What the kubelet's parts (pod workers, image manager, prober, status manager...) share: the
// component context, the private state, timers and event recording. Implemented by kubelet.ts.
import type { ComponentContext } from '../sim/component';
import type { KubeObject } from '../api/meta';
import type { EventType } from '../apiserver/events';
import type { ContainerRuntime, KubeletState, PodRuntime, TimerData } from './types';
import type { NodeUsageCache } from './nodeUsage';

export interface KubeletHost {
  readonly ctx: ComponentContext;
  readonly state: KubeletState;
  /** Running sums of the admitted pods' requests per node; without it admission sums them afresh. */
  readonly usage?: NodeUsageCache;
  now(): number;
  /** Queue a pod sync (the pod worker) after `delayMs` (default: the kubelet's latency). */
  enqueueSync(podKey: string, delayMs?: number): void;
  /** A timer for this kubelet: `kind` names the handler. */
  timer(delayMs: number, kind: string, data: TimerData): void;
  /** Record an event about a pod (and one of its containers), from "kubelet" on the pod's node. */
  podEvent(pod: KubeObject | PodRuntime, type: EventType, reason: string, message: string, c?: ContainerRuntime): void;
  /** Write the pod's status as generateAPIPodStatus computes it now. */
  writeStatus(podKey: string): void;
}

export function podKeyOf(p: { namespace?: string; name: string } | KubeObject): string {
  const o = p as any;
  return o.metadata ? `${o.metadata.namespace ?? 'default'}/${o.metadata.name}` : `${o.namespace}/${o.name}`;
}

// Each pod runtime entry's "namespace/name" key, one string per pod: timers, sync requests and
// status writes look the pod up by it at every event, and a map finds the very string it holds
// at once (its hash kept, no characters compared). A derived cache (weakly held), never part of
// the kubelet's state.
const runtimeKeys = new WeakMap<PodRuntime, string>();

/** The key of p in the kubelet's pods and sync queue. */
export function runtimeKey(p: PodRuntime): string {
  let key = runtimeKeys.get(p);
  if (key === undefined) {
    key = `${p.namespace}/${p.name}`;
    runtimeKeys.set(p, key);
  }
  return key;
}

/** p is held in the kubelet's pods under key: runtimeKey(p) gives that same string. */
export function keepRuntimeKey(p: PodRuntime, key: string): void {
  runtimeKeys.set(p, key);
}

/** The spec of the pod's (init or regular) container of this name. */
export function containerSpec(pod: KubeObject, name: string): any {
  const inits: any[] | undefined = pod.spec?.initContainers;
  if (inits) for (const s of inits) if (s.name === name) return s;
  const cs: any[] | undefined = pod.spec?.containers;
  if (cs) for (const s of cs) if (s.name === name) return s;
  return undefined;
}

/** format.Pod: "name_namespace(uid)", as the kubelet prints pods in messages. */
export function formatPod(p: PodRuntime): string {
  return `${p.name}_${p.namespace}(${p.uid})`;
}
