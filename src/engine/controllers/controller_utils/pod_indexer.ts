// The pod informer's controller-UID index: AddPodControllerUIDIndexer and FilterPodsByOwner in
// pkg/controller/controller_utils.go. Pods are indexed by their controllerRef's UID; pods with no
// controller go under one orphan key per namespace, since any controller there may adopt them.
// A sync then reads its own pods and the adoptable orphans instead of listing the namespace.
//
// It is an informer cache, fed only by watch events (and a full list at start and after a
// restore), so it is not part of the snapshot. Lists come back in the API server's list order
// (the order the pods were created in), which keeps every sync's result independent of the index.
import type { ApiServer, WatchEvent } from '../../apiserver/store';
import { controllerRef, type KubeObject } from '../../api/meta';
import type { Labels } from '../../api/labels';
import { isPodActive, isPodReady, isPodTerminating } from './pods';

/** Pods of one bucket that carry the same labels, counted the way a status sync counts them. */
export interface LabelGroup {
  /** One of the (equal) label sets; undefined for pods without labels. */
  labels: Labels | undefined;
  /** Every pod, terminal ones too. */
  total: number;
  active: number;
  /** Active and Ready. */
  ready: number;
  terminating: number;
}

interface Bucket {
  namespace: string;
  pods: Map<string, KubeObject>;
  /** Highest arrival number added so far; a lower one makes the bucket unsorted. */
  last: number;
  sorted: boolean;
  groups: Map<string, LabelGroup>;
}

const labelKeys = new WeakMap<object, string>();

/** Label sets compared by content: keys sorted, so {a,b} and {b,a} fall in one group. */
function labelsKey(labels: Labels | undefined): string {
  if (!labels) return '{}';
  let k = labelKeys.get(labels);
  if (k === undefined) {
    k = JSON.stringify(Object.keys(labels).sort().map((n) => [n, labels[n]]));
    if (k === '[]') k = '{}';
    labelKeys.set(labels, k);
  }
  return k;
}

function podKey(pod: KubeObject): string {
  return `${pod.metadata.namespace ?? ''}/${pod.metadata.name}`;
}

/**
 * Buckets are per namespace as well: a sync only ever looked at its own namespace's pods, and
 * a pod cannot really be controlled from another one.
 */
function bucketKey(namespace: string | undefined, uid: string | undefined): string {
  // Orphans: "_ORPHAN_POD/<namespace>" upstream; an empty UID keeps them apart here.
  return `${namespace ?? ''}\u0000${uid ?? ''}`;
}

function indexKey(pod: KubeObject): string {
  return bucketKey(pod.metadata.namespace, controllerRef(pod)?.uid);
}

export class PodControllerIndex {
  /** pod key -> arrival number: the API server lists pods in the order they were created. */
  private arrival = new Map<string, number>();
  private next = 0;
  private bucketOf = new Map<string, string>();
  private buckets = new Map<string, Bucket>();

  /** The informer's initial list (or a relist after a restore), in the API server's order. */
  reset(pods: KubeObject[]): void {
    this.arrival.clear();
    this.bucketOf.clear();
    this.buckets.clear();
    this.next = 0;
    for (const p of pods) this.observe({ type: 'ADDED', object: p });
  }

  observe(ev: WatchEvent): void {
    const pod = ev.object;
    const key = podKey(pod);
    if (ev.type === 'DELETED') {
      this.remove(key);
      this.arrival.delete(key);
      return;
    }
    if (!this.arrival.has(key)) this.arrival.set(key, this.next++);
    const b = indexKey(pod);
    const prev = this.bucketOf.get(key);
    if (prev !== undefined && prev !== b) this.remove(key);
    let bucket = this.buckets.get(b);
    if (!bucket) this.buckets.set(b, (bucket = { namespace: pod.metadata.namespace ?? '', pods: new Map(), last: -1, sorted: true, groups: new Map() }));
    const before = bucket.pods.get(key);
    if (!before) {
      const n = this.arrival.get(key)!;
      if (n < bucket.last) bucket.sorted = false;
      else bucket.last = n;
      account(bucket, pod, 1);
    } else if (!sameCounts(before, pod)) {
      account(bucket, before, -1);
      account(bucket, pod, 1);
    }
    bucket.pods.set(key, pod);
    this.bucketOf.set(key, b);
  }

  /**
   * Active pods of a namespace whose labels `matches` accepts, in no particular order. Only
   * buckets with a matching label group are read.
   */
  activePodsMatching(namespace: string | undefined, matches: (labels: Labels | undefined) => boolean): KubeObject[] {
    const out: KubeObject[] = [];
    for (const bucket of this.buckets.values()) {
      if (bucket.namespace !== (namespace ?? '')) continue;
      let some = false;
      let all = true;
      for (const g of bucket.groups.values()) {
        if (g.active === 0) continue;
        if (matches(g.labels)) some = true;
        else all = false;
      }
      if (!some) continue;
      for (const p of bucket.pods.values()) if (isPodActive(p) && (all || matches(p.metadata.labels))) out.push(p);
    }
    return out;
  }

  /** The label groups of the pods in a namespace that a controller owns (copies). */
  controlledGroups(namespace: string | undefined, uid: string | undefined): LabelGroup[] {
    return uid ? groupsOf(this.buckets.get(bucketKey(namespace, uid))) : [];
  }

  /** The label groups of a namespace's orphans (copies). */
  orphanGroups(namespace: string | undefined): LabelGroup[] {
    return groupsOf(this.buckets.get(bucketKey(namespace, undefined)));
  }

  /** Pods in a namespace whose controller has this UID, in list order. */
  controlledBy(namespace: string | undefined, uid: string | undefined): KubeObject[] {
    return uid ? this.list(bucketKey(namespace, uid)) : [];
  }

  /** Pods with no controller in a namespace, in list order. */
  orphans(namespace: string | undefined): KubeObject[] {
    return this.list(bucketKey(namespace, undefined));
  }

  /**
   * FilterPodsByOwner(includeOrphanedPods=true): the owner's pods and the namespace's orphans
   * that `orphanFilter` keeps, merged in list order.
   */
  filterPodsByOwner(owner: KubeObject, orphanFilter: (pod: KubeObject) => boolean): KubeObject[] {
    const owned = this.controlledBy(owner.metadata.namespace, owner.metadata.uid);
    const orphans = this.orphans(owner.metadata.namespace).filter(orphanFilter);
    if (orphans.length === 0) return owned;
    if (owned.length === 0) return orphans;
    const out: KubeObject[] = [];
    let i = 0;
    let j = 0;
    while (i < owned.length && j < orphans.length) {
      if (this.arrival.get(podKey(owned[i]))! < this.arrival.get(podKey(orphans[j]))!) out.push(owned[i++]);
      else out.push(orphans[j++]);
    }
    while (i < owned.length) out.push(owned[i++]);
    while (j < orphans.length) out.push(orphans[j++]);
    return out;
  }

  private list(bucketKey: string): KubeObject[] {
    const bucket = this.buckets.get(bucketKey);
    if (!bucket) return [];
    if (!bucket.sorted) {
      const entries = [...bucket.pods].sort((a, b) => this.arrival.get(a[0])! - this.arrival.get(b[0])!);
      bucket.pods = new Map(entries);
      bucket.last = entries.length ? this.arrival.get(entries[entries.length - 1][0])! : -1;
      bucket.sorted = true;
    }
    return [...bucket.pods.values()];
  }

  private remove(key: string): void {
    const b = this.bucketOf.get(key);
    if (b === undefined) return;
    this.bucketOf.delete(key);
    const bucket = this.buckets.get(b);
    if (!bucket) return;
    const pod = bucket.pods.get(key);
    if (pod) account(bucket, pod, -1);
    bucket.pods.delete(key);
    if (bucket.pods.size === 0) this.buckets.delete(b);
  }
}

function groupsOf(bucket: Bucket | undefined): LabelGroup[] {
  if (!bucket) return [];
  return [...bucket.groups.values()].map((g) => ({ ...g }));
}

/** Whether two versions of a pod count the same in every label group field. */
function sameCounts(a: KubeObject, b: KubeObject): boolean {
  return a.metadata.labels === b.metadata.labels && isPodActive(a) === isPodActive(b) && isPodTerminating(a) === isPodTerminating(b) && isPodReady(a) === isPodReady(b);
}

function account(bucket: Bucket, pod: KubeObject, sign: 1 | -1): void {
  const k = labelsKey(pod.metadata.labels);
  let g = bucket.groups.get(k);
  if (!g) bucket.groups.set(k, (g = { labels: pod.metadata.labels, total: 0, active: 0, ready: 0, terminating: 0 }));
  g.total += sign;
  if (isPodActive(pod)) {
    g.active += sign;
    if (isPodReady(pod)) g.ready += sign;
  } else if (isPodTerminating(pod)) g.terminating += sign;
  if (g.total === 0) bucket.groups.delete(k);
}

const shared = new WeakMap<ApiServer, PodControllerIndex>();

/**
 * The pod informer shared by the controllers of one API server (kube-controller-manager's
 * SharedInformerFactory): one watch, one index. After a restore the owner of the snapshot
 * calls reset().
 */
export function sharedPodControllerIndex(api: ApiServer): PodControllerIndex {
  let index = shared.get(api);
  if (!index) {
    const created = (index = new PodControllerIndex());
    shared.set(api, created);
    api.watch((ev) => created.observe(ev), ['Pod']);
    created.reset(api.list('Pod'));
  }
  return index;
}
