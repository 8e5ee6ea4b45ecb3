// The API server's indexes over its immutable objects: by kind and "namespace/name", by owner
// uid (the garbage collector's dependents graph, like its uidToNode map) and pods by node
// (spec.nodeName, the kubelet's and scheduler's field-selected view).
import { kindInfo } from '../api/kinds';
import type { KubeObject } from '../api/meta';
import type { ListOptions } from './store';

/** One stored object's slot: it outlives updates, so the indexes hold it rather than re-keying. */
export class Entry {
  private k: string | undefined;
  removed = false;

  constructor(
    private readonly ns: string,
    public obj: KubeObject,
  ) {}

  /**
   * "namespace/name", or "name" when cluster-scoped (cache.MetaNamespaceKeyFunc); built when first
   * needed, then one string for the object's whole life, so maps keyed by it hash it once.
   */
  get key(): string {
    return (this.k ??= this.ns ? `${this.ns}/${this.obj.metadata.name}` : this.obj.metadata.name);
  }
}

/** The objects of one kind. */
interface KindTable {
  readonly namespaced: boolean;
  /** In creation order, which list() and all() keep; removed entries are skipped, then compacted. */
  order: Entry[];
  removed: number;
  /** namespace -> name -> entry: lookups without building a key string. */
  readonly byNamespace: Map<string, Map<string, Entry>>;
}

export class ObjectIndex {
  private tables = new Map<string, KindTable>();
  private byOwner = new Map<string, Set<Entry>>();
  /** node -> its pods' entries, in binding order; an entry's object changes without re-indexing. */
  private podsByNode = new Map<string, Set<Entry>>();

  /** How many objects are stored. */
  size = 0;

  clear(): void {
    this.size = 0;
    this.tables.clear();
    this.byOwner.clear();
    this.podsByNode.clear();
  }

  get(kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.entry(kind, namespace, name)?.obj;
  }

  /** A stored object's entry: a write that read it hands it back to index(). */
  entry(kind: string, namespace: string | undefined, name: string): Entry | undefined {
    const t = this.tables.get(kind);
    if (!t) return undefined;
    return t.byNamespace.get(t.namespaced ? namespace || 'default' : '')?.get(name);
  }

  list(kind: string, opts: ListOptions = {}): KubeObject[] {
    const t = this.tables.get(kind);
    if (!t) return [];
    const out: KubeObject[] = [];
    for (const e of t.order) {
      if (e.removed) continue;
      const o = e.obj;
      if (opts.namespace !== undefined && (o.metadata.namespace ?? '') !== opts.namespace) continue;
      if (opts.labels && !opts.labels(o.metadata.labels ?? {})) continue;
      out.push(o);
    }
    return out;
  }

  kinds(): string[] {
    return [...this.tables.keys()];
  }

  /** Every object, in a stable order (kind, then creation). */
  all(): KubeObject[] {
    const out: KubeObject[] = [];
    for (const t of this.tables.values()) for (const e of t.order) if (!e.removed) out.push(e.obj);
    return out;
  }

  /** Objects whose ownerReferences name this uid (the garbage collector's dependents graph). */
  dependents(uid: string): KubeObject[] {
    const entries = this.byOwner.get(uid);
    if (!entries) return [];
    const out: KubeObject[] = [];
    for (const e of entries) out.push(e.obj);
    return out;
  }

  /** Pods bound to a node (spec.nodeName), the kubelet's and scheduler's view. */
  podsOnNode(nodeName: string): KubeObject[] {
    const out: KubeObject[] = [];
    const s = this.podsByNode.get(nodeName);
    if (s) for (const e of s) out.push(e.obj);
    return out;
  }

  /**
   * The same pods keyed "namespace/name", without a copy: for hot read-only loops, which must not
   * write to the store while they iterate.
   */
  *podEntriesOnNode(nodeName: string): Iterable<[string, KubeObject]> {
    const s = this.podsByNode.get(nodeName);
    if (s) for (const e of s) yield [e.key, e.obj];
  }

  /**
   * Store obj; `old` is the version it replaces. Every list keeps an object where it was first
   * added; one whose owners or node change is removed and added again at the end of the new ones.
   * `e` is old's entry when the caller has it. Returns the object's entry.
   */
  index(obj: KubeObject, old: KubeObject | undefined, e = old && this.entry(old.kind, old.metadata.namespace, old.metadata.name)): Entry {
    const md = obj.metadata;
    // Without `old` the object is new (create checks it; a loaded state has each object once).
    if (e) {
      const node = obj.kind === 'Pod' ? obj.spec?.nodeName : undefined;
      if (old && sameOwners(old, obj) && (old.kind !== 'Pod' || old.spec?.nodeName === node)) {
        // Most updates (every status write) keep owners and node: only the object changes, and
        // every index holds the entry, so none is touched.
        e.obj = obj;
        return e;
      }
      this.unindexRefs(e, old!);
      e.obj = obj;
    } else {
      const t = this.table(obj.kind);
      const ns = t.namespaced ? md.namespace || 'default' : '';
      let names = t.byNamespace.get(ns);
      if (!names) t.byNamespace.set(ns, (names = new Map()));
      e = new Entry(ns, obj);
      names.set(md.name, e);
      t.order.push(e);
      this.size++;
    }
    const refs = md.ownerReferences;
    if (refs) {
      for (const r of refs) {
        let s = this.byOwner.get(r.uid);
        if (!s) this.byOwner.set(r.uid, (s = new Set()));
        s.add(e);
      }
    }
    if (obj.kind === 'Pod' && obj.spec?.nodeName) {
      let p = this.podsByNode.get(obj.spec.nodeName);
      if (!p) this.podsByNode.set(obj.spec.nodeName, (p = new Set()));
      p.add(e);
    }
    return e;
  }

  /** Remove obj; returns the entry it had (undefined when not stored). */
  unindex(obj: KubeObject): Entry | undefined {
    const t = this.tables.get(obj.kind);
    const names = t?.byNamespace.get(t.namespaced ? obj.metadata.namespace || 'default' : '');
    const e = names?.get(obj.metadata.name);
    if (!t || !names || !e) return undefined;
    names.delete(obj.metadata.name);
    e.removed = true;
    // Compact once most of the list is tombstones: amortised O(1) per removal.
    if (++t.removed > 64 && t.removed * 2 > t.order.length) {
      t.order = t.order.filter((x) => !x.removed);
      t.removed = 0;
    }
    this.size--;
    this.unindexRefs(e, obj);
    return e;
  }

  /** Remove e (holding obj, or the version being replaced) from the owner and node indexes. */
  private unindexRefs(e: Entry, obj: KubeObject): void {
    const refs = obj.metadata.ownerReferences;
    if (refs) {
      for (const r of refs) {
        const s = this.byOwner.get(r.uid);
        s?.delete(e);
        if (s && s.size === 0) this.byOwner.delete(r.uid);
      }
    }
    if (obj.kind === 'Pod' && obj.spec?.nodeName) this.podsByNode.get(obj.spec.nodeName)?.delete(e);
  }

  private table(kind: string): KindTable {
    let t = this.tables.get(kind);
    if (!t) {
      const info = kindInfo(kind);
      // Cluster-scoped kinds are stored under the namespace ""; unknown kinds count as namespaced.
      t = { namespaced: !info || info.namespaced, order: [], removed: 0, byNamespace: new Map() };
      this.tables.set(kind, t);
    }
    return t;
  }
}

/** Whether two versions of an object name the same owner uids, in the same order. */
function sameOwners(a: KubeObject, b: KubeObject): boolean {
  const x = a.metadata.ownerReferences;
  const y = b.metadata.ownerReferences;
  if (x === y) return true;
  if ((x?.length ?? 0) !== (y?.length ?? 0)) return false;
  for (let i = 0; i < x!.length; i++) if (x![i].uid !== y![i].uid) return false;
  return true;
}
