// The "namespace/name" key of each pod the scheduler hears about, built once per pod.
//
// Why it exists: a pod's watch events (but the status updates of bound pods, see onPod) look the
// pod up by key in several maps (the queue, the explanations, its NodeInfo). A key built by
// concatenation per event is a fresh string that each map has to flatten, hash and compare by
// content; the same string instance, kept per UID (the store shares the UID string between a
// pod's versions), is hashed once and compares by identity.
import type { KubeObject } from '../../api/meta';
import { podKey } from './cache';

export class PodKeys {
  private byUID = new Map<string, string>();

  /** The pod's key, the same string instance for every version of the pod. */
  of(pod: KubeObject): string {
    const uid = pod.metadata.uid;
    if (!uid) return podKey(pod);
    let key = this.byUID.get(uid);
    if (key === undefined) {
      key = podKey(pod);
      this.byUID.set(uid, key);
    }
    return key;
  }

  /** The pod is gone (its DELETED event). */
  forget(pod: KubeObject): void {
    if (pod.metadata.uid) this.byUID.delete(pod.metadata.uid);
  }

  clear(): void {
    this.byUID.clear();
  }
}

/** A key's namespace and name. */
export function splitKey(key: string): [string, string] {
  const i = key.indexOf('/');
  return [key.slice(0, i), key.slice(i + 1)];
}
