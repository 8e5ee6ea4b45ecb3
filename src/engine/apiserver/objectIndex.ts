// The API server's indexes over its immutable objects: by kind and "namespace/name", by owner
// uid (the garbage collector's dependents graph, like its uidToNode map) and pods by node
// (spec.nodeName, the kubelet's and scheduler's field-selected view).
import { kindInfo } from '../api/kinds';
import type { KubeObject } from '../api/meta';
import type { ListOptions } from './store';

export class ObjectIndex {
  private objects = new Map<string, Map<string, KubeObject>>();
  private byOwner = new Map<string, Set<string>>();
  private podsByNode = new Map<string, Map<string, KubeObject>>();

  /** How many objects are stored. */
  size = 0;

  clear(): void {
    this.size = 0;
    this.objects.clear();
    this.byOwner.clear();
    this.podsByNode.clear();
  }

  get(kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.objects.get(kind)?.get(`${this.nsOf(kind, namespace)}/${name}`);
  }

  list(kind: string, opts: ListOptions = {}): KubeObject[] {
    const m = this.objects.get(kind);
    if (!m) return [];
    const out: KubeObject[] = [];
    for (const o of m.values()) {
      if (opts.namespace !== undefined && (o.metadata.namespace ?? '') !== opts.namespace) continue;
      if (opts.labels && !opts.labels(o.metadata.labels ?? {})) continue;
      out.push(o);
    }
    return out;
  }

  kinds(): string[] {
    return [...this.objects.keys()];
  }

  /** Every object, in a stable order (kind, namespace, name). */
  all(): KubeObject[] {
    const out: KubeObject[] = [];
    for (const m of this.objects.values()) out.push(...m.values());
    return out;
  }

  /** Objects whose ownerReferences name this uid (the garbage collector's dependents graph). */
  dependents(uid: string): KubeObject[] {
    const keys = this.byOwner.get(uid);
    if (!keys) return [];
    const out: KubeObject[] = [];
    for (const k of keys) {
      const [kind, rest] = [k.slice(0, k.indexOf('|')), k.slice(k.indexOf('|') + 1)];
      const o = this.objects.get(kind)?.get(rest);
      if (o) out.push(o);
    }
    return out;
  }

  /** Pods bound to a node (spec.nodeName), the kubelet's and scheduler's view. */
  podsOnNode(nodeName: string): KubeObject[] {
    const m = this.podsByNode.get(nodeName);
    return m ? [...m.values()] : [];
  }

  /**
   * The same pods keyed "namespace/name", without a copy: for hot read-only loops, which must not
   * write to the store while they iterate.
   */
  podEntriesOnNode(nodeName: string): Iterable<[string, KubeObject]> {
    return this.podsByNode.get(nodeName)?.entries() ?? [];
  }

  index(obj: KubeObject, old: KubeObject | undefined): void {
    const kind = obj.kind;
    const md = obj.metadata;
    let m = this.objects.get(kind);
    if (!m) {
      m = new Map();
      this.objects.set(kind, m);
    }
    const ns = this.nsOf(kind, md.namespace);
    const k = `${ns}/${md.name}`; // "namespace/name", or "/name" when cluster-scoped
    const refs = md.ownerReferences;
    // An update keeps kind, namespace and name, so old's keys are these too.
    const refKey = refs?.length || old?.metadata.ownerReferences?.length ? `${kind}|${k}` : '';
    if (old) this.unindexRefs(old, k, refKey);
    if (!old && !m.has(k)) this.size++;
    m.set(k, obj);
    if (refs) {
      for (const r of refs) {
        let s = this.byOwner.get(r.uid);
        if (!s) this.byOwner.set(r.uid, (s = new Set()));
        s.add(refKey);
      }
    }
    if (kind === 'Pod' && obj.spec?.nodeName) {
      let p = this.podsByNode.get(obj.spec.nodeName);
      if (!p) this.podsByNode.set(obj.spec.nodeName, (p = new Map()));
      p.set(k, obj);
    }
  }

  unindex(obj: KubeObject): void {
    const ns = this.nsOf(obj.kind, obj.metadata.namespace);
    const k = `${ns}/${obj.metadata.name}`;
    if (this.objects.get(obj.kind)?.delete(k)) this.size--;
    this.unindexRefs(obj, k, `${obj.kind}|${k}`);
  }

  /** k: obj's key in objects; refKey: its entry in byOwner's sets. */
  private unindexRefs(obj: KubeObject, k: string, refKey: string): void {
    const refs = obj.metadata.ownerReferences;
    if (refs) {
      for (const r of refs) {
        const s = this.byOwner.get(r.uid);
        s?.delete(refKey);
        if (s && s.size === 0) this.byOwner.delete(r.uid);
      }
    }
    if (obj.kind === 'Pod' && obj.spec?.nodeName) this.podsByNode.get(obj.spec.nodeName)?.delete(k);
  }

  /** The namespace objects of this kind are stored under: "" for cluster-scoped kinds. */
  nsOf(kind: string, namespace: string | undefined): string {
    const info = kindInfo(kind);
    return info && !info.namespaced ? '' : namespace || 'default';
  }
}
