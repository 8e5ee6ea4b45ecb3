// The PodNominator (pkg/scheduler/backend/queue/nominator.go): pods that preemption nominated to a
// node and that are not bound yet, so filters count them on that node. Derived from the informer
// (unbound pods with status.nominatedNodeName), rebuilt after a restore.
import type { KubeObject } from '../../api/meta';
import { newPodInfo, type PodInfo } from './podInfo';

export class PodNominator {
  private byKey = new Map<string, { node: string; pi: PodInfo }>();

  get size(): number {
    return this.byKey.size;
  }

  /** The pod's current version (undefined: it is gone). */
  track(key: string, pod: KubeObject | undefined): void {
    const node: string | undefined = pod?.status?.nominatedNodeName;
    if (pod && node && !pod.spec?.nodeName && !pod.metadata.deletionTimestamp) this.byKey.set(key, { node, pi: newPodInfo(pod) });
    else this.byKey.delete(key);
  }

  forget(key: string): void {
    this.byKey.delete(key);
  }

  clear(): void {
    this.byKey.clear();
  }

  /** The pods nominated to nodeName. */
  podsFor(nodeName: string): PodInfo[] {
    if (this.byKey.size === 0) return [];
    const out: PodInfo[] = [];
    for (const v of this.byKey.values()) if (v.node === nodeName) out.push(v.pi);
    return out;
  }
}
