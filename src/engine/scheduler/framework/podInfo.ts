// PodInfo (pkg/scheduler/framework/types.go): a pod with what the plugins need precomputed once
// — resource requests, host ports, and its pod (anti-)affinity terms compiled into selectors.
import type { KubeObject } from '../../api/meta';
import type { Selector } from '../../api/labels';
import { compileSelector, podPriority, type Toleration } from './corev1';
import { podRequests, type Resource } from './resources';

/** framework.AffinityTerm. */
export interface AffinityTerm {
  namespaces: Set<string>;
  /** null matches no namespace; an empty selector matches all. */
  namespaceSelector: Selector | null;
  selector: Selector | null;
  topologyKey: string;
}

export interface WeightedAffinityTerm extends AffinityTerm {
  weight: number;
}

export interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

export interface PodInfo {
  pod: KubeObject;
  /** "namespace/name" */
  key: string;
  uid: string;
  namespace: string;
  labels: Record<string, string>;
  priority: number;
  requests: Resource;
  nonZeroCPU: number;
  nonZeroMemory: number;
  hostPorts: HostPort[];
  tolerations: Toleration[];
  requiredAffinity: AffinityTerm[];
  requiredAntiAffinity: AffinityTerm[];
  preferredAffinity: WeightedAffinityTerm[];
  preferredAntiAffinity: WeightedAffinityTerm[];
}

/** AffinityTerm.Matches. */
export function affinityTermMatches(t: AffinityTerm, pod: PodInfo, nsLabels: Record<string, string> | undefined): boolean {
  if (t.namespaces.has(pod.namespace) || (t.namespaceSelector !== null && t.namespaceSelector.matches(nsLabels ?? {}))) {
    return t.selector !== null && t.selector.matches(pod.labels);
  }
  return false;
}

interface RawTerm {
  labelSelector?: unknown;
  namespaces?: string[];
  namespaceSelector?: unknown;
  topologyKey: string;
}

function newAffinityTerm(ns: string, t: RawTerm): AffinityTerm {
  const namespaces = new Set<string>(t.namespaces ?? []);
  if (namespaces.size === 0 && (t.namespaceSelector === undefined || t.namespaceSelector === null)) namespaces.add(ns);
  return {
    namespaces,
    namespaceSelector: compileSelector(t.namespaceSelector as never),
    selector: compileSelector(t.labelSelector as never),
    topologyKey: t.topologyKey,
  };
}

// Most pods have no host ports and no pod (anti-)affinity: their PodInfos share these empty lists
// (a PodInfo is kept for every assigned pod; nothing mutates its lists).
const NO_HOST_PORTS: HostPort[] = [];
const NO_TERMS: AffinityTerm[] = [];
const NO_WEIGHTED_TERMS: WeightedAffinityTerm[] = [];
const NO_TOLERATIONS: Toleration[] = [];

function terms(ns: string, list: RawTerm[] | undefined): AffinityTerm[] {
  return list && list.length ? list.map((t) => newAffinityTerm(ns, t)) : NO_TERMS;
}

function weightedTerms(ns: string, list: { weight: number; podAffinityTerm: RawTerm }[] | undefined): WeightedAffinityTerm[] {
  return list && list.length ? list.map((w) => ({ ...newAffinityTerm(ns, w.podAffinityTerm), weight: w.weight })) : NO_WEIGHTED_TERMS;
}

/** `key` is the pod's "namespace/name" when the caller has it already. */
export function newPodInfo(pod: KubeObject, key?: string): PodInfo {
  const spec = pod.spec ?? {};
  const ns = pod.metadata.namespace ?? 'default';
  const nonZero = podRequests(spec, true);
  const hostPorts: HostPort[] = [];
  for (const c of spec.containers ?? []) {
    for (const p of c.ports ?? []) {
      if (p.hostPort && p.hostPort > 0) hostPorts.push({ ip: p.hostIP || '0.0.0.0', protocol: p.protocol || 'TCP', port: p.hostPort });
    }
  }
  const aff = spec.affinity ?? {};
  const pa = aff.podAffinity ?? {};
  const paa = aff.podAntiAffinity ?? {};
  return {
    pod,
    key: key ?? `${ns}/${pod.metadata.name}`,
    uid: pod.metadata.uid ?? '',
    namespace: ns,
    labels: pod.metadata.labels ?? {},
    priority: podPriority(pod),
    requests: podRequests(spec, false),
    nonZeroCPU: nonZero.milliCPU,
    nonZeroMemory: nonZero.memory,
    hostPorts: hostPorts.length ? hostPorts : NO_HOST_PORTS,
    tolerations: spec.tolerations ?? NO_TOLERATIONS,
    requiredAffinity: terms(ns, pa.requiredDuringSchedulingIgnoredDuringExecution),
    requiredAntiAffinity: terms(ns, paa.requiredDuringSchedulingIgnoredDuringExecution),
    preferredAffinity: weightedTerms(ns, pa.preferredDuringSchedulingIgnoredDuringExecution),
    preferredAntiAffinity: weightedTerms(ns, paa.preferredDuringSchedulingIgnoredDuringExecution),
  };
}

export function hasAffinity(p: PodInfo): boolean {
  return p.requiredAffinity.length + p.requiredAntiAffinity.length + p.preferredAffinity.length + p.preferredAntiAffinity.length > 0;
}
