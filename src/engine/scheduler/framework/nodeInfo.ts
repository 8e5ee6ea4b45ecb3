// NodeInfo (pkg/scheduler/framework/types.go): node-level aggregates kept up to date as pods come
// and go — requested resources (exact and non-zero), pods, pods with affinity, used host ports
// and image states — so a filter or score looks at one node in O(1) instead of listing pods.
import type { KubeObject } from '../../api/meta';
import type { Taint } from './corev1';
import type { PodInfo } from './podInfo';
import { hasAffinity } from './podInfo';
import { MatchCounts } from './matchCounts';
import { allocatableOf, emptyResource, type Resource } from './resources';

export class NodeInfo {
  node: KubeObject | undefined;
  readonly name: string;
  /** Position in the snapshot's node list (Snapshot.nodes), -1 when not listed. */
  position = -1;
  labels: Record<string, string> = {};
  taints: Taint[] = [];
  unschedulable = false;
  allocatable: Resource = emptyResource();
  allowedPodNumber = 0;
  /** node.status.images: normalised name -> size in bytes. */
  images = new Map<string, number>();

  pods: PodInfo[] = [];
  private index = new Map<string, number>();
  podsWithAffinity = 0;
  podsWithRequiredAntiAffinity = 0;
  requested: Resource = emptyResource();
  nonZeroCPU = 0;
  nonZeroMemory = 0;
  /** "ip/protocol/port" -> number of pods using it. */
  usedPorts = new Map<string, number>();
  /** Pods here matching the selectors PodTopologySpread asked about (see matchCounts.ts). */
  readonly matchCounts = new MatchCounts();

  constructor(name: string) {
    this.name = name;
  }

  setNode(node: KubeObject): void {
    this.node = node;
    this.labels = node.metadata.labels ?? {};
    this.taints = (node.spec?.taints ?? []) as Taint[];
    this.unschedulable = !!node.spec?.unschedulable;
    const a = allocatableOf(node);
    this.allocatable = a.res;
    this.allowedPodNumber = a.pods;
    this.images = new Map();
    for (const img of (node.status?.images ?? []) as { names?: string[]; sizeBytes?: number }[]) {
      for (const n of img.names ?? []) this.images.set(normalizedImageName(n), img.sizeBytes ?? 0);
    }
  }

  hasPod(key: string): boolean {
    return this.index.has(key);
  }

  getPod(key: string): PodInfo | undefined {
    const i = this.index.get(key);
    return i === undefined ? undefined : this.pods[i];
  }

  /**
   * A new version of a pod whose PodInfo inputs did not change (status updates), replaced in
   * place: the cache owns its PodInfos, and what a cycle computed from them stays valid.
   */
  replacePodObject(p: PodInfo, pod: KubeObject): void {
    const wasTerminating = !!p.pod.metadata.deletionTimestamp;
    p.pod = pod;
    p.labels = pod.metadata.labels ?? {};
    if (wasTerminating !== !!pod.metadata.deletionTimestamp) this.matchCounts.clear();
  }

  addPod(p: PodInfo): void {
    if (this.index.has(p.key)) this.removePod(p.key);
    this.index.set(p.key, this.pods.length);
    this.pods.push(p);
    this.update(p, 1);
  }

  removePod(key: string): PodInfo | undefined {
    const i = this.index.get(key);
    if (i === undefined) return undefined;
    const p = this.pods[i];
    const last = this.pods.pop()!;
    if (last !== p) {
      this.pods[i] = last;
      this.index.set(last.key, i);
    }
    this.index.delete(key);
    this.update(p, -1);
    return p;
  }

  private update(p: PodInfo, sign: 1 | -1): void {
    const r = this.requested;
    r.milliCPU += sign * p.requests.milliCPU;
    r.memory += sign * p.requests.memory;
    r.ephemeralStorage += sign * p.requests.ephemeralStorage;
    for (const k in p.requests.scalar) r.scalar[k] = (r.scalar[k] ?? 0) + sign * p.requests.scalar[k];
    this.nonZeroCPU += sign * p.nonZeroCPU;
    this.nonZeroMemory += sign * p.nonZeroMemory;
    if (hasAffinity(p)) this.podsWithAffinity += sign;
    if (p.requiredAntiAffinity.length) this.podsWithRequiredAntiAffinity += sign;
    for (const hp of p.hostPorts) {
      const k = `${hp.ip}/${hp.protocol}/${hp.port}`;
      const n = (this.usedPorts.get(k) ?? 0) + sign;
      if (n <= 0) this.usedPorts.delete(k);
      else this.usedPorts.set(k, n);
    }
    this.matchCounts.update(p, sign);
  }

  /** A copy the preemption dry run can change freely. */
  clone(): NodeInfo {
    const c = new NodeInfo(this.name);
    c.position = this.position;
    c.node = this.node;
    c.labels = this.labels;
    c.taints = this.taints;
    c.unschedulable = this.unschedulable;
    c.allocatable = this.allocatable;
    c.allowedPodNumber = this.allowedPodNumber;
    c.images = this.images;
    for (const p of this.pods) c.addPod(p);
    return c;
  }
}

/** imagelocality.normalizedImageName: an image without a tag means ":latest". */
export function normalizedImageName(name: string): string {
  if (name.lastIndexOf(':') <= name.lastIndexOf('/')) return `${name}:latest`;
  return name;
}
