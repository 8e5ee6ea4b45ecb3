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

function weightedTerms(ns: string, list: { weight: number; podAffinityTerm: RawTerm }[] | undefined): WeightedAffinityTerm[] {
  return (list ?? []).map((w) => ({ ...newAffinityTerm(ns, w.podAffinityTerm), weight: w.weight }));
}

export function newPodInfo(pod: KubeObject): PodInfo {
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
    key: `${ns}/${pod.metadata.name}`,
    uid: pod.metadata.uid ?? '',
    namespace: ns,
    labels: pod.metadata.labels ?? {},
    priority: podPriority(pod),
    requests: podRequests(spec, false),
    nonZeroCPU: nonZero.milliCPU,
    nonZeroMemory: nonZero.memory,
    hostPorts,
    tolerations: spec.tolerations ?? [],
    requiredAffinity: ((pa.requiredDuringSchedulingIgnoredDuringExecution ?? []) as RawTerm[]).map((t) => newAffinityTerm(ns, t)),
    requiredAntiAffinity: ((paa.requiredDuringSchedulingIgnoredDuringExecution ?? []) as RawTerm[]).map((t) => newAffinityTerm(ns, t)),
    preferredAffinity: weightedTerms(ns, pa.preferredDuringSchedulingIgnoredDuringExecution),
    preferredAntiAffinity: weightedTerms(ns, paa.preferredDuringSchedulingIgnoredDuringExecution),
  };
}

export function hasAffinity(p: PodInfo): boolean {
  return p.requiredAffinity.length + p.requiredAntiAffinity.length + p.preferredAffinity.length + p.preferredAntiAffinity.length > 0;
}
