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

/** What a pod is counted as in its bucket's label groups and node counts. */
interface Counted {
  /** labelsKey of the labels. */
  key: string;
  labels: Labels | undefined;
  active: boolean;
  /** Active and Ready. */
  ready: boolean;
  terminating: boolean;
  node: string;
}

/** One pod in the index: its latest version, its place in list order, its bucket and counts. */
interface Entry {
  pod: KubeObject;
  /** Arrival number: the API server lists pods in the order they were created. */
  n: number;
  bucket: Bucket;
  counted: Counted;
}

interface Bucket {
  namespace: string;
  /** The controller's UID; '' for the namespace's orphans ("_ORPHAN_POD/<ns>" upstream). */
  uid: string;
  /** By pod UID. */
  pods: Map<string, Entry>;
  /** Highest arrival number added so far; a lower one makes the bucket unsorted. */
  last: number;
  sorted: boolean;
  groups: Map<string, LabelGroup>;
  /** Active pods per spec.nodeName ('' while unassigned). */
  activeOnNode: Map<string, number>;
}

/** The last label set keyed and its key: a controller's new pods arrive in bursts with equal labels. */
let lastLabels: Labels | undefined;
let lastKey = '{}';

/** Label sets compared by content: keys sorted, so {a,b} and {b,a} fall in one group. */
function labelsKey(labels: Labels | undefined): string {
  if (!labels) return '{}';
  if (lastLabels && sameLabels(lastLabels, labels)) return lastKey;
  const k = JSON.stringify(Object.keys(labels).sort().map((n) => [n, labels[n]]));
  lastLabels = labels;
  lastKey = k === '[]' ? '{}' : k;
  return lastKey;
}

/** Pods are keyed by UID: a pod deleted and created again under its name is a new pod. */
function podId(pod: KubeObject): string {
  return pod.metadata.uid ?? `${pod.metadata.namespace ?? ''}/${pod.metadata.name}`;
}

export class PodControllerIndex {
  private entries = new Map<string, Entry>();
  private next = 0;
  /**
   * namespace -> controller UID -> bucket. Buckets are per namespace as well: a sync only ever
   * looked at its own namespace's pods.
   */
  private buckets = new Map<string, Map<string, Bucket>>();

  /** The informer's initial list (or a relist after a restore), in the API server's order. */
  reset(pods: KubeObject[]): void {
    this.entries.clear();
    this.buckets.clear();
    this.next = 0;
    for (const p of pods) this.observe({ type: 'ADDED', object: p });
  }

  observe(ev: WatchEvent): void {
    const pod = ev.object;
    const id = podId(pod);
    const e = this.entries.get(id);
    if (ev.type === 'DELETED') {
      if (e) {
        this.detach(id, e);
        this.entries.delete(id);
      }
      return;
    }
    // Status writes keep the owner references (and the namespace never changes): same bucket.
    const target =
      e && e.pod.metadata.ownerReferences === pod.metadata.ownerReferences && e.pod.metadata.namespace === pod.metadata.namespace
        ? e.bucket
        : this.bucketFor(pod.metadata.namespace ?? '', controllerRef(pod)?.uid ?? '');
    if (!e) {
      const added: Entry = { pod, n: this.next++, bucket: target, counted: countedAs(pod, undefined) };
      this.entries.set(id, added);
      this.attach(id, added);
      return;
    }
    const counted = countedAs(pod, e.counted);
    if (e.bucket !== target) {
      this.detach(id, e);
      e.bucket = target;
      e.counted = counted;
      this.attach(id, e);
    } else if (counted !== e.counted) {
      account(target, e.counted, -1);
      account(target, counted, 1);
      e.counted = counted;
    }
    e.pod = pod;
  }

  /**
   * How many active pods of a namespace whose labels `matches` accepts are on each node ('' for
   * the unassigned ones): the podsOnNode count of getPodsRankedByRelatedPodsOnSameNode. Buckets
   * whose active pods all match are added from their running counts, without a walk over pods.
   */
  activePodsOnNodes(namespace: string | undefined, matches: (labels: Labels | undefined) => boolean): Map<string, number> {
    const out = new Map<string, number>();
    for (const bucket of this.buckets.get(namespace ?? '')?.values() ?? []) {
      let some = false;
      let all = true;
      for (const g of bucket.groups.values()) {
        if (g.active === 0) continue;
        if (matches(g.labels)) some = true;
        else all = false;
      }
      if (!some) continue;
      if (all) {
        for (const [node, n] of bucket.activeOnNode) out.set(node, (out.get(node) ?? 0) + n);
        continue;
      }
      for (const { pod } of bucket.pods.values()) {
        if (!isPodActive(pod) || !matches(pod.metadata.labels)) continue;
        const node = pod.spec?.nodeName ?? '';
        out.set(node, (out.get(node) ?? 0) + 1);
      }
    }
    return out;
  }

  /** The label groups of the pods in a namespace that a controller owns (copies). */
  controlledGroups(namespace: string | undefined, uid: string | undefined): LabelGroup[] {
    return uid ? groupsOf(this.bucket(namespace, uid)) : [];
  }

  /** The label groups of a namespace's orphans (copies). */
  orphanGroups(namespace: string | undefined): LabelGroup[] {
    return groupsOf(this.bucket(namespace, ''));
  }

  /** Pods in a namespace whose controller has this UID, in list order. */
  controlledBy(namespace: string | undefined, uid: string | undefined): KubeObject[] {
    return uid ? this.podsOf(this.bucket(namespace, uid), false) : [];
  }

  /** The active ones (isPodActive) of controlledBy, from their counts: no pod is read again. */
  activeControlledBy(namespace: string | undefined, uid: string | undefined): KubeObject[] {
    return uid ? this.podsOf(this.bucket(namespace, uid), true) : [];
  }

  /** Pods with no controller in a namespace, in list order. */
  orphans(namespace: string | undefined): KubeObject[] {
    return this.podsOf(this.bucket(namespace, ''), false);
  }

  /**
   * FilterPodsByOwner(includeOrphanedPods=true): the owner's pods and the namespace's orphans
   * that `orphanFilter` keeps, merged in list order.
   */
  filterPodsByOwner(owner: KubeObject, orphanFilter: (pod: KubeObject) => boolean): KubeObject[] {
    const ns = owner.metadata.namespace;
    const owned = owner.metadata.uid ? this.list(this.bucket(ns, owner.metadata.uid)) : [];
    const orphans = this.list(this.bucket(ns, '')).filter((e) => orphanFilter(e.pod));
    const out: KubeObject[] = [];
    let i = 0;
    let j = 0;
    while (i < owned.length && j < orphans.length) out.push(owned[i].n < orphans[j].n ? owned[i++].pod : orphans[j++].pod);
    while (i < owned.length) out.push(owned[i++].pod);
    while (j < orphans.length) out.push(orphans[j++].pod);
    return out;
  }

  private bucket(namespace: string | undefined, uid: string): Bucket | undefined {
    return this.buckets.get(namespace ?? '')?.get(uid);
  }

  private bucketFor(namespace: string, uid: string): Bucket {
    let byUid = this.buckets.get(namespace);
    if (!byUid) this.buckets.set(namespace, (byUid = new Map()));
    let b = byUid.get(uid);
    if (!b) byUid.set(uid, (b = { namespace, uid, pods: new Map(), last: -1, sorted: true, groups: new Map(), activeOnNode: new Map() }));
    return b;
  }

  private list(bucket: Bucket | undefined): Entry[] {
    return bucket ? [...this.inListOrder(bucket).values()] : [];
  }

  /** A bucket's pods in list order (only the active ones with `activeOnly`). */
  private podsOf(bucket: Bucket | undefined, activeOnly: boolean): KubeObject[] {
    const out: KubeObject[] = [];
    if (bucket) for (const e of this.inListOrder(bucket).values()) if (!activeOnly || e.counted.active) out.push(e.pod);
    return out;
  }

  /** The bucket's entries, put back in arrival order if an older pod joined it late. */
  private inListOrder(bucket: Bucket): Map<string, Entry> {
    if (!bucket.sorted) {
      const entries = [...bucket.pods].sort((a, b) => a[1].n - b[1].n);
      bucket.pods = new Map(entries);
      bucket.last = entries.length ? entries[entries.length - 1][1].n : -1;
      bucket.sorted = true;
    }
    return bucket.pods;
  }

  private attach(id: string, e: Entry): void {
    const b = e.bucket;
    if (e.n < b.last) b.sorted = false;
    else b.last = e.n;
    b.pods.set(id, e);
    account(b, e.counted, 1);
  }

  private detach(id: string, e: Entry): void {
    const b = e.bucket;
    account(b, e.counted, -1);
    b.pods.delete(id);
    if (b.pods.size > 0) return;
    const byUid = this.buckets.get(b.namespace);
    byUid?.delete(b.uid);
    if (byUid?.size === 0) this.buckets.delete(b.namespace);
  }
}

function groupsOf(bucket: Bucket | undefined): LabelGroup[] {
  if (!bucket) return [];
  return [...bucket.groups.values()].map((g) => ({ ...g }));
}

/**
 * How a pod version is counted: `prev` itself when that is unchanged (most updates are status
 * writes that keep the labels object and change nothing counted).
 */
function countedAs(pod: KubeObject, prev: Counted | undefined): Counted {
  const labels = pod.metadata.labels;
  const active = isPodActive(pod);
  const ready = active && isPodReady(pod);
  const terminating = isPodTerminating(pod);
  const node = pod.spec?.nodeName ?? '';
  if (prev && prev.labels === labels && prev.active === active && prev.ready === ready && prev.terminating === terminating && prev.node === node) return prev;
  const key = prev && sameLabels(prev.labels, labels) ? prev.key : labelsKey(labels);
  return { key, labels, active, ready, terminating, node };
}

/**
 * Whether two label sets are equal (so have one labelsKey). Writes copy the labels object, so
 * most updates compare equal content here instead of building and sorting a key.
 */
function sameLabels(a: Labels | undefined, b: Labels | undefined): boolean {
  if (a === b) return true;
  for (const k in a) if (b?.[k] !== a[k]) return false;
  for (const k in b) if (!a || !Object.hasOwn(a, k)) return false;
  return true;
}

/** Count a pod in (sign 1) or out of (sign -1) its label group and node. */
function account(bucket: Bucket, c: Counted, sign: 1 | -1): void {
  let g = bucket.groups.get(c.key);
  if (!g) bucket.groups.set(c.key, (g = { labels: c.labels, total: 0, active: 0, ready: 0, terminating: 0 }));
  g.total += sign;
  if (c.active) {
    g.active += sign;
    if (c.ready) g.ready += sign;
    const n = (bucket.activeOnNode.get(c.node) ?? 0) + sign;
    if (n === 0) bucket.activeOnNode.delete(c.node);
    else bucket.activeOnNode.set(c.node, n);
  } else if (c.terminating) g.terminating += sign;
  if (g.total === 0) bucket.groups.delete(c.key);
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
