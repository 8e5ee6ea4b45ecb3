// What kubelet admission (pkg/kubelet/lifecycle/predicate.go, via the scheduler's Fits over the
// node's active pods) sums for every pod it admits: the requests and count of the node's other
// admitted, non-terminal pods. Summing them from scratch costs a walk over every pod on the node per
// admission; this keeps the sums up to date instead, refreshed whenever a pod changes in the store
// (the kubelet's pod watch) or enters or leaves the kubelet's own pod table.
//
// Derived data only (the kubelet's state and the store determine it), so it is never saved: after
// a restore it is rebuilt from scratch on first use.
import type { ApiServer, WatchEvent } from '../apiserver/store';
import type { KubeObject } from '../api/meta';
import type { KubeletState } from './types';

export interface PodRequests {
  cpu: number;
  memory: number;
}

interface Member extends PodRequests {
  node: string;
  /** The spec.containers the requests were read from (shared by a pod's status-only versions). */
  containers: unknown;
  initContainers: unknown;
}

export interface NodeUsage {
  /** Counted pods by "namespace/name". */
  members: Map<string, PodRequests>;
  cpu: number;
  memory: number;
}

function isTerminal(pod: KubeObject): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

export class NodeUsageCache {
  private nodes = new Map<string, NodeUsage>();
  private members = new Map<string, Member>();
  private built = false;

  constructor(
    private readonly api: ApiServer,
    private readonly state: () => KubeletState,
    private readonly requests: (pod: KubeObject) => PodRequests,
  ) {}

  /** Forget everything (the kubelet's state or the store was replaced). */
  invalidate(): void {
    this.built = false;
    this.nodes.clear();
    this.members.clear();
  }

  /** The counted pods on a node: bound to it, in the kubelet's pod table, and not terminal. */
  usage(node: string): NodeUsage | undefined {
    if (!this.built) this.rebuild();
    return this.nodes.get(node);
  }

  /** Re-evaluate one pod key after its kubelet entry changed; `pod` is the one stored now, if any. */
  refresh(key: string, pod: KubeObject | undefined): void {
    if (!this.built) return;
    this.set(key, pod);
  }

  /**
   * Whether a pod's watch event can change the sums. A version with the same spec (and so node
   * and requests) that is no more and no less terminal counts as before: most events are status
   * writes like these. (A pod bound to no node counts nowhere: the kubelet skips those events.)
   */
  changedBy(ev: WatchEvent): boolean {
    if (!this.built) return false;
    const old = ev.old;
    return !(ev.type === 'MODIFIED' && old && old.spec === ev.object.spec && isTerminal(old) === isTerminal(ev.object));
  }

  /** Re-evaluate a pod from its watch event; `key` is its "namespace/name". */
  observe(ev: WatchEvent, key: string): void {
    if (this.changedBy(ev)) this.set(key, ev.type === 'DELETED' ? undefined : ev.object);
  }

  private rebuild(): void {
    this.nodes.clear();
    this.members.clear();
    this.built = true;
    for (const pod of this.api.list('Pod')) this.set(`${pod.metadata.namespace}/${pod.metadata.name}`, pod);
  }

  private set(key: string, pod: KubeObject | undefined): void {
    const node: string | undefined = pod?.spec?.nodeName;
    const counted = !!node && this.state().pods.has(key) && !isTerminal(pod!);
    const prev = this.members.get(key);
    // The kubelet's own status writes leave the requests as they were.
    if (counted && prev && prev.node === node && prev.containers === pod!.spec.containers && prev.initContainers === pod!.spec.initContainers) return;
    if (prev) {
      const u = this.nodes.get(prev.node)!;
      u.cpu -= prev.cpu;
      u.memory -= prev.memory;
      u.members.delete(key);
      this.members.delete(key);
    }
    if (!counted) return;
    const r = this.requests(pod!);
    let u = this.nodes.get(node!);
    if (!u) this.nodes.set(node!, (u = { members: new Map(), cpu: 0, memory: 0 }));
    u.cpu += r.cpu;
    u.memory += r.memory;
    u.members.set(key, r);
    this.members.set(key, { node: node!, cpu: r.cpu, memory: r.memory, containers: pod!.spec.containers, initContainers: pod!.spec.initContainers });
  }
}
