// The garbage collector (pkg/controller/garbagecollector/garbagecollector.go): deletes objects
// whose owners are all gone (background), holds an owner deleted in the foreground until its
// blocking dependents are gone, and orphans dependents when the owner carries the orphan
// finalizer. It learns the owner graph from the API server (api.dependents) and writes only
// through it.
import { Controller } from '../../sim/component';
import type { WatchEvent } from '../../apiserver/store';
import { ApiError } from '../../apiserver/errors';
import { isNamespaced, kindInfo } from '../../api/kinds';
import { deepEqual, type KubeObject } from '../../api/meta';
import type { OwnerReference } from 'kubernetes-types/meta/v1';

const NO_REFS: readonly OwnerReference[] = [];

export const FINALIZER_ORPHAN = 'orphan';
export const FINALIZER_DELETING_DEPENDENTS = 'foregroundDeletion';

function keyOf(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}|${namespace ?? ''}|${name}`;
}

function objKey(o: KubeObject): string {
  return keyOf(o.kind, o.metadata.namespace, o.metadata.name);
}

function hasFinalizer(o: KubeObject, f: string): boolean {
  return !!o.metadata.finalizers?.includes(f);
}

function isDeletingDependents(o: KubeObject): boolean {
  return !!o.metadata.deletionTimestamp && hasFinalizer(o, FINALIZER_DELETING_DEPENDENTS);
}

export class GarbageCollector extends Controller {
  readonly name = 'garbage-collector-controller';

  protected run(): void {
    this.ctx.api.watch((ev) => this.onChange(ev));
    for (const o of this.ctx.api.all()) {
      if (o.metadata.ownerReferences?.length || o.metadata.deletionTimestamp) this.enqueue(objKey(o));
    }
  }

  /** The graph builder's processTransitions, reduced to what needs a sync. */
  private onChange(ev: WatchEvent): void {
    const o = ev.object;
    if (ev.type === 'DELETED') {
      // Dependents may now have no owner left; owners may be waiting for this dependent.
      for (const dep of this.ctx.api.dependents(o.metadata.uid!)) this.enqueue(objKey(dep));
      this.enqueueWaitingOwners(o.metadata.ownerReferences ?? [], o.metadata.namespace);
      return;
    }
    const old = ev.old;
    if (o.metadata.deletionTimestamp && (hasFinalizer(o, FINALIZER_ORPHAN) || hasFinalizer(o, FINALIZER_DELETING_DEPENDENTS))) {
      this.enqueue(objKey(o));
      if (isDeletingDependents(o) && !(old && isDeletingDependents(old))) {
        for (const dep of this.ctx.api.dependents(o.metadata.uid!)) this.enqueue(objKey(dep));
      }
    }
    // Runs for every write of every kind: no closures or arrays unless there are references.
    const refs = o.metadata.ownerReferences ?? NO_REFS;
    const oldRefs = old?.metadata.ownerReferences ?? NO_REFS;
    if (!old || !deepEqual(refs, oldRefs)) {
      for (const r of refs) {
        if (kindInfo(r.kind) && !this.liveOwner(r, o.metadata.namespace)) {
          this.enqueue(objKey(o));
          break;
        }
      }
      if (oldRefs.length) {
        const removed = oldRefs.filter((r) => !refs.some((x) => x.uid === r.uid));
        this.enqueueWaitingOwners(removed, o.metadata.namespace);
      }
    }
    // A dependent that starts terminating is still blocking; its owner re-checks when it is gone.
  }

  private enqueueWaitingOwners(refs: OwnerReference[], namespace: string | undefined): void {
    for (const r of refs) {
      const owner = this.liveOwner(r, namespace);
      if (owner && isDeletingDependents(owner)) this.enqueue(objKey(owner));
    }
  }

  /** The owner a reference points to, if it exists with that uid. */
  private liveOwner(ref: OwnerReference, namespace: string | undefined): KubeObject | undefined {
    const o = this.ctx.api.get(ref.kind, isNamespaced(ref.kind) ? namespace : undefined, ref.name);
    return o && o.metadata.uid === ref.uid ? o : undefined;
  }

  protected sync(key: string): void {
    const [kind, ns, name] = key.split('|');
    const item = this.ctx.api.get(kind, ns || undefined, name);
    if (!item) return;
    if (item.metadata.deletionTimestamp) {
      if (hasFinalizer(item, FINALIZER_ORPHAN)) this.orphanDependents(item);
      else if (hasFinalizer(item, FINALIZER_DELETING_DEPENDENTS)) this.processDeletingDependentsItem(item);
      return;
    }
    this.attemptToDeleteItem(item);
  }

  /** attemptToDeleteItem: classify owners as solid, dangling or waiting for dependents' deletion. */
  private attemptToDeleteItem(item: KubeObject): void {
    const refs = item.metadata.ownerReferences ?? [];
    if (refs.length === 0) return;
    const solid: OwnerReference[] = [];
    const dangling: OwnerReference[] = [];
    const waiting: OwnerReference[] = [];
    for (const r of refs) {
      // An owner kind the server does not serve cannot be checked (a REST mapping error
      // upstream): never collect on its account.
      if (!kindInfo(r.kind)) {
        solid.push(r);
        continue;
      }
      const owner = this.liveOwner(r, item.metadata.namespace);
      if (!owner) dangling.push(r);
      else if (isDeletingDependents(owner)) waiting.push(r);
      else solid.push(r);
    }
    if (solid.length) {
      if (dangling.length === 0 && waiting.length === 0) return;
      // Waiting references must go too, or their owners would wait for this item forever.
      const drop = new Set([...dangling, ...waiting].map((r) => r.uid));
      this.patch(item, (d) => {
        d.metadata.ownerReferences = (d.metadata.ownerReferences ?? []).filter((r) => !drop.has(r.uid));
      });
      return;
    }
    if (waiting.length && this.ctx.api.dependents(item.metadata.uid!).length) {
      this.deleteObject(item, 'Foreground');
      return;
    }
    const policy = hasFinalizer(item, FINALIZER_ORPHAN) ? 'Orphan' : hasFinalizer(item, FINALIZER_DELETING_DEPENDENTS) ? 'Foreground' : 'Background';
    this.deleteObject(item, policy);
  }

  /** Foreground: once no dependent blocks (blockOwnerDeletion), drop the finalizer. */
  private processDeletingDependentsItem(item: KubeObject): void {
    const uid = item.metadata.uid!;
    const blocking = this.ctx.api.dependents(uid).filter((d) => (d.metadata.ownerReferences ?? []).some((r) => r.uid === uid && r.blockOwnerDeletion));
    if (blocking.length === 0) {
      this.removeFinalizer(item, FINALIZER_DELETING_DEPENDENTS);
      return;
    }
    for (const dep of blocking) if (!isDeletingDependents(dep) && !dep.metadata.deletionTimestamp) this.enqueue(objKey(dep));
  }

  /** orphanDependents: remove the owner's reference from every dependent, then the finalizer. */
  private orphanDependents(item: KubeObject): void {
    const uid = item.metadata.uid!;
    for (const dep of this.ctx.api.dependents(uid)) {
      this.patch(dep, (d) => {
        d.metadata.ownerReferences = (d.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
      });
    }
    this.removeFinalizer(item, FINALIZER_ORPHAN);
  }

  private removeFinalizer(item: KubeObject, f: string): void {
    this.patch(item, (d) => {
      d.metadata.finalizers = (d.metadata.finalizers ?? []).filter((x) => x !== f);
    });
  }

  private patch(item: KubeObject, fn: (d: KubeObject) => void): void {
    try {
      this.ctx.api.mutate(item.kind, item.metadata.namespace, item.metadata.name, (d) => {
        if (d.metadata.uid !== item.metadata.uid) return false;
        fn(d);
        if (d.metadata.ownerReferences?.length === 0) delete d.metadata.ownerReferences;
        if (d.metadata.finalizers?.length === 0) delete d.metadata.finalizers;
      });
    } catch (e) {
      if (!(e instanceof ApiError && e.reason === 'NotFound')) throw e;
    }
  }

  private deleteObject(item: KubeObject, propagationPolicy: 'Background' | 'Foreground' | 'Orphan'): void {
    try {
      this.ctx.api.delete(item.kind, item.metadata.namespace, item.metadata.name, { propagationPolicy, preconditions: { uid: item.metadata.uid } });
    } catch (e) {
      if (!(e instanceof ApiError && (e.reason === 'NotFound' || e.reason === 'Conflict'))) throw e;
    }
  }
}
