// The scheduler cache (pkg/scheduler/backend/cache): NodeInfos built from the Node and assigned-Pod
// informers and updated incrementally from watch events. Pods in a terminal phase are left out,
// as kube-scheduler's pod informer filters them (status.phase!=Succeeded,status.phase!=Failed).
// Being derived from the store, it is rebuilt from a list after a snapshot restore.
import type { ApiServer } from '../../apiserver/store';
import type { KubeObject } from '../../api/meta';
import type { Snapshot } from './interface';
import { NodeInfo } from './nodeInfo';
import { TopologyDomains } from './topologyDomains';
import { newPodInfo, type PodInfo } from './podInfo';

export function podKey(pod: KubeObject): string {
  return `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
}

/** A pod's id in the cache: its UID (the key of a pod without one, as in some tests' fixtures). */
function assignedID(pod: KubeObject): string {
  return pod.metadata.uid || podKey(pod);
}

export function isTerminal(pod: KubeObject): boolean {
  const ph = pod.status?.phase;
  return ph === 'Succeeded' || ph === 'Failed';
}

/**
 * Whether a PodInfo's fields built from `a` are still right for `b` (same pod, spec and labels).
 * The deletion state is not one of them, but the node's counts are (see setPod).
 */
function samePodInfoInputs(a: KubeObject, b: KubeObject): boolean {
  if (a.metadata.uid !== b.metadata.uid) return false;
  if (a.metadata.labels !== b.metadata.labels && JSON.stringify(a.metadata.labels ?? {}) !== JSON.stringify(b.metadata.labels ?? {})) return false;
  const sa = a.spec ?? {};
  const sb = b.spec ?? {};
  if (sa === sb) return true;
  if (a.metadata.generation !== undefined && a.metadata.generation === b.metadata.generation && sa.containers === sb.containers) return true;
  const { nodeName: _a, ...ra } = sa;
  const { nodeName: _b, ...rb } = sb;
  return JSON.stringify(ra) === JSON.stringify(rb);
}

function sameLabels(a: Record<string, string>, b: Record<string, string>): boolean {
  if (a === b) return true;
  let n = 0;
  for (const k in a) {
    if (a[k] !== b[k]) return false;
    n++;
  }
  for (const _ in b) n--;
  return n === 0;
}

export class SchedulerCache implements Snapshot {
  private infos = new Map<string, NodeInfo>();
  private sorted: NodeInfo[] | null = null;
  /**
   * Assigned pods by UID -> their PodInfo in their node's NodeInfo (the node is pod.spec.nodeName):
   * a status update finds the PodInfo to change in one lookup, by a string the store shares
   * between a pod's versions (hashed once, unlike a "namespace/name" built per event).
   */
  private assigned = new Map<string, PodInfo>();
  /** image name -> number of nodes that have it (ImageLocality's spread). */
  readonly imageNodes = new Map<string, number>();

  constructor(private readonly api: ApiServer) {}

  /** Rebuild from the store (start, and after a snapshot restore). */
  resync(): void {
    this.infos.clear();
    this.assigned.clear();
    this.imageNodes.clear();
    this.sorted = null;
    this.invalidate();
    for (const n of this.api.list('Node')) this.setNode(n);
    for (const p of this.api.list('Pod')) this.setPod(p);
  }

  get nodes(): NodeInfo[] {
    if (!this.sorted) {
      this.sorted = [...this.infos.values()].filter((n) => n.node).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      this.names = this.sorted.map((n) => n.name);
      for (const n of this.infos.values()) n.position = -1;
      for (let i = 0; i < this.sorted.length; i++) this.sorted[i].position = i;
      this.domains.clear();
    }
    return this.sorted;
  }

  /** The nodes' domains for a topology key, numbered (kept until nodes are added, removed or relabelled). */
  topologyDomains(key: string): TopologyDomains {
    const nodes = this.nodes;
    let d = this.domains.get(key);
    if (!d) {
      d = new TopologyDomains(key, nodes);
      this.domains.set(key, d);
    }
    return d;
  }
  private domains = new Map<string, TopologyDomains>();

  /** The names of `nodes`, one shared array until the node set changes (never mutate it). */
  get nodeNames(): string[] {
    void this.nodes;
    return this.names;
  }
  private names: string[] = [];

  get(name: string): NodeInfo | undefined {
    const n = this.infos.get(name);
    return n && n.node ? n : undefined;
  }

  havePodsWithAffinity(): NodeInfo[] {
    if (!this.withAffinity) this.withAffinity = this.nodes.filter((n) => n.podsWithAffinity > 0);
    return this.withAffinity;
  }

  havePodsWithRequiredAntiAffinity(): NodeInfo[] {
    if (!this.withAntiAffinity) this.withAntiAffinity = this.nodes.filter((n) => n.podsWithRequiredAntiAffinity > 0);
    return this.withAntiAffinity;
  }

  // Derived lists, dropped whenever a pod or node changes.
  private withAffinity: NodeInfo[] | null = null;
  private withAntiAffinity: NodeInfo[] | null = null;
  private invalidate(): void {
    this.withAffinity = null;
    this.withAntiAffinity = null;
  }

  namespaceLabels(ns: string): Record<string, string> | undefined {
    return this.api.get('Namespace', undefined, ns)?.metadata.labels;
  }

  list(kind: string, namespace?: string): KubeObject[] {
    return this.api.list(kind, namespace === undefined ? {} : { namespace });
  }

  getObject(kind: string, namespace: string, name: string): KubeObject | undefined {
    return this.api.get(kind, namespace, name);
  }

  /** The node a pod is counted on, if it is an assigned, non-terminal pod. */
  nodeOf(pod: KubeObject): string | undefined {
    return this.assigned.get(assignedID(pod))?.pod.spec!.nodeName;
  }

  setNode(node: KubeObject): void {
    this.invalidate();
    let info = this.infos.get(node.metadata.name);
    if (!info) {
      info = new NodeInfo(node.metadata.name);
      this.infos.set(node.metadata.name, info);
      this.sorted = null;
    } else if (!info.node) {
      this.sorted = null;
    }
    if (info.node) this.countImages(info, -1);
    if (!sameLabels(info.labels, node.metadata.labels ?? {})) this.domains.clear();
    info.setNode(node);
    this.countImages(info, 1);
  }

  removeNode(name: string): void {
    this.invalidate();
    const info = this.infos.get(name);
    if (!info) return;
    if (info.node) this.countImages(info, -1);
    this.sorted = null;
    if (info.pods.length) {
      // Pods still bound to a deleted node stay accounted until they go (a "ghost" NodeInfo).
      info.node = undefined;
    } else {
      this.infos.delete(name);
    }
  }

  private countImages(info: NodeInfo, sign: 1 | -1): void {
    for (const img of info.images.keys()) {
      const n = (this.imageNodes.get(img) ?? 0) + sign;
      if (n <= 0) this.imageNodes.delete(img);
      else this.imageNodes.set(img, n);
    }
  }

  /** Apply a pod's current state (added or updated); true when it is now counted on a node. */
  setPod(pod: KubeObject, hint?: PodInfo, key = podKey(pod)): boolean {
    this.invalidate();
    const nodeName: string | undefined = pod.spec?.nodeName || undefined;
    const id = assignedID(pod);
    const curInfo = this.assigned.get(id);
    const cur: string | undefined = curInfo?.pod.spec!.nodeName;
    if (!nodeName || isTerminal(pod)) {
      if (cur !== undefined) this.removePod(pod);
      return false;
    }
    if (cur !== undefined && cur !== nodeName) this.removePod(pod);
    let info = this.infos.get(nodeName);
    if (!info) {
      info = new NodeInfo(nodeName);
      this.infos.set(nodeName, info);
    }
    const prev = cur === nodeName ? curInfo : hint && hint.key === key ? hint : undefined;
    let added: PodInfo;
    if (prev && samePodInfoInputs(prev.pod, pod)) {
      // Status-only changes (the kubelet's) do not change what the plugins count; keep the aggregates.
      if (cur === nodeName && prev.pod.metadata.deletionTimestamp === pod.metadata.deletionTimestamp) {
        info.replacePodObject(prev, pod);
        return true;
      }
      // Bound now, or now terminating (terminating pods are not counted): the same fields, counted
      // again (addPod takes the old version out first).
      added = { ...prev, pod, labels: pod.metadata.labels ?? {} };
    } else {
      added = newPodInfo(pod, key);
    }
    info.addPod(added);
    this.assigned.set(id, added);
    return true;
  }

  /**
   * A newer version of a pod whose spec, labels, deletion and terminal phase did not change
   * (a status update): its PodInfo's aggregates stay, only the object is replaced.
   */
  updatePodStatus(pod: KubeObject): void {
    const p = this.assigned.get(assignedID(pod));
    if (p) this.infos.get(p.pod.spec!.nodeName)!.replacePodObject(p, pod);
  }

  removePod(pod: KubeObject): PodInfo | undefined {
    this.invalidate();
    const id = assignedID(pod);
    const assigned = this.assigned.get(id);
    if (!assigned) return undefined;
    const nodeName: string = assigned.pod.spec!.nodeName;
    this.assigned.delete(id);
    const info = this.infos.get(nodeName);
    if (!info) return undefined;
    const p = info.removePod(assigned.key);
    if (!info.node && info.pods.length === 0) this.infos.delete(nodeName);
    return p;
  }
}
