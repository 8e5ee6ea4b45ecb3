// The simulated API server: a store of objects with uid, resourceVersion, generation,
// timestamps, owner references, finalizers, graceful deletion and watch — the only channel
// through which components talk to each other, as in Kubernetes.
//
// Stored objects are immutable: every write stores a new object, readers get references they
// must not mutate (in tests the store deep-freezes them so a mutation throws).
import type { Clock } from '../sim/clock';
import type { Random, RandomStreams } from '../sim/random';
import { generateName } from '../sim/random';
import { kindInfo } from '../api/kinds';
import { clone, deepEqual, deepFreeze, type KubeObject } from '../api/meta';
import { AdmissionChain, type AdmissionContext, type Operation } from './admission';
import { ApiError, alreadyExists, invalid, notFound, qualifiedResource } from './errors';
import { fieldError } from '../api/fieldErrors';
import { statusDraft } from './drafts';
import { ObjectIndex, type Entry } from './objectIndex';
import { StoreWatchEvent, type WatchEvent, type WatchHandler } from './watch';
import { deletionFinalizers } from './deletion';

export type { WatchEvent, WatchEventType, WatchHandler } from './watch';
export { watchEventKey } from './watch';

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

export interface DeleteOptions {
  propagationPolicy?: PropagationPolicy;
  gracePeriodSeconds?: number;
  preconditions?: { uid?: string; resourceVersion?: string };
}

export interface ListOptions {
  namespace?: string;
  /** Label predicate (see api/labels for selector parsing and matching). */
  labels?: (labels: Record<string, string>) => boolean;
}

export interface StoreState {
  rv: number;
  objects: KubeObject[];
}

export const DEFAULT_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

/** Character codes of 0-9a-f. */
const HEX_CODES = [48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102];
/** newUid's characters, reused: one string per uid rather than one per appended digit. */
const uidCodes: number[] = new Array(36).fill(45); // '-'

/** Hex digits from the seeded stream into uidCodes[from, to), one draw per digit. */
function hexDigits(r: Random, from: number, to: number): void {
  for (let i = from; i < to; i++) uidCodes[i] = HEX_CODES[r.int(16)];
}

export class ApiServer {
  readonly admission = new AdmissionChain();
  private readonly index = new ObjectIndex();
  private watchers: { kinds: Set<string> | null; fn: WatchHandler }[] = [];
  private rv = 0;
  private dispatching = 0;

  constructor(
    private readonly clock: Clock,
    private readonly randoms: RandomStreams,
    private readonly opts: { freeze?: boolean } = {},
  ) {}

  // ---- reads -------------------------------------------------------------------------------

  get(kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.index.get(kind, namespace, name);
  }

  mustGet(kind: string, namespace: string | undefined, name: string): KubeObject {
    return this.mustGetEntry(kind, namespace, name).obj;
  }

  /** The stored object's index entry, which a write hands back to commit (one lookup per write). */
  private mustGetEntry(kind: string, namespace: string | undefined, name: string): Entry {
    const e = this.index.entry(kind, namespace, name);
    if (!e) throw notFound(this.resourceName(kind), name);
    return e;
  }

  list(kind: string, opts: ListOptions = {}): KubeObject[] {
    return this.index.list(kind, opts);
  }

  kinds(): string[] {
    return this.index.kinds();
  }

  /** Every object, in a stable order (kind, then creation). */
  all(): KubeObject[] {
    return this.index.all();
  }

  /** Objects whose ownerReferences name this uid (the garbage collector's dependents graph). */
  dependents(uid: string): KubeObject[] {
    return this.index.dependents(uid);
  }

  /** Pods bound to a node (spec.nodeName), the kubelet's and scheduler's view. */
  podsOnNode(nodeName: string): KubeObject[] {
    return this.index.podsOnNode(nodeName);
  }

  /** The same pods keyed "namespace/name", without a copy, for read-only loops that do not write while iterating. */
  podEntriesOnNode(nodeName: string): Iterable<[string, KubeObject]> {
    return this.index.podEntriesOnNode(nodeName);
  }

  /** How many objects the store holds. */
  get objectCount(): number {
    return this.index.size;
  }

  get resourceVersion(): number {
    return this.rv;
  }

  // ---- watch -------------------------------------------------------------------------------

  /**
   * Subscribe to changes. Handlers run synchronously after each write and must only enqueue
   * work (never write to the store), as informer event handlers do.
   */
  watch(fn: WatchHandler, kinds?: string[]): () => void {
    const w = { kinds: kinds ? new Set(kinds) : null, fn };
    this.watchers.push(w);
    this.handlersByKind.clear();
    return () => {
      this.watchers = this.watchers.filter((x) => x !== w);
      this.handlersByKind.clear();
    };
  }

  /** The handlers watching a kind, in registration order (rebuilt when watchers change). */
  private handlers(kind: string): WatchHandler[] {
    let hs = this.handlersByKind.get(kind);
    if (!hs) {
      hs = this.watchers.filter((w) => !w.kinds || w.kinds.has(kind)).map((w) => w.fn);
      this.handlersByKind.set(kind, hs);
    }
    return hs;
  }
  private readonly handlersByKind = new Map<string, WatchHandler[]>();

  // ---- writes ------------------------------------------------------------------------------

  /** `opts.owned`: the caller built `input` for this call alone, so the store keeps it without a copy. */
  create(input: KubeObject, opts: { owned?: boolean } = {}): KubeObject {
    const info = this.requireKind(input);
    const obj = opts.owned ? input : clone(input);
    obj.metadata = obj.metadata ?? ({} as KubeObject['metadata']);
    const md = obj.metadata;
    if (info.namespaced) md.namespace = md.namespace || 'default';
    else delete md.namespace;
    if (!md.name && md.generateName) md.name = generateName(md.generateName, this.randoms.get('names'));
    if (!md.name) {
      throw invalid(info.kind, this.group(obj.apiVersion), '', [fieldError.required('metadata.name', 'name or generateName is required')]);
    }
    if (info.namespaced && info.kind !== 'Namespace' && !this.get('Namespace', undefined, md.namespace!)) {
      throw notFound('namespaces', md.namespace!);
    }
    if (this.get(info.kind, md.namespace, md.name)) throw alreadyExists(this.resourceName(info.kind), md.name);

    delete md.resourceVersion;
    delete md.deletionTimestamp;
    delete md.deletionGracePeriodSeconds;
    md.uid = this.newUid();
    md.creationTimestamp = this.clock.timestamp();
    if (info.hasStatus || obj.spec !== undefined) md.generation = 1;
    this.admit(obj, undefined, 'CREATE');
    return this.commit('ADDED', obj, undefined);
  }

  /**
   * Replace an object's metadata and spec (the main resource). Status changes are ignored for
   * kinds with a status subresource. A resourceVersion in the input must match (optimistic
   * concurrency); leave it out to overwrite.
   */
  update(input: KubeObject): KubeObject {
    return this.write(input, false, false);
  }

  /**
   * The /status subresource: only status (and nothing else) changes. `opts.owned`: the caller built
   * input.status for this call alone, so the store keeps it without a copy.
   */
  updateStatus(input: KubeObject, opts: { owned?: boolean } = {}): KubeObject {
    return this.write(input, true, !!opts.owned);
  }

  /**
   * Read-modify-write without conflicts: fn gets a private copy to change. Returns the stored
   * result, or the unchanged object when fn returns false or changes nothing.
   */
  mutate(
    kind: string,
    namespace: string | undefined,
    name: string,
    fn: (draft: KubeObject) => void | false,
    opts: { status?: boolean } = {},
  ): KubeObject {
    const cur = this.mustGet(kind, namespace, name);
    const draft = opts.status ? statusDraft(cur) : clone(cur);
    if (fn(draft) === false) return cur;
    delete draft.metadata.resourceVersion;
    return this.write(draft, !!opts.status, true);
  }

  delete(kind: string, namespace: string | undefined, name: string, opts: DeleteOptions = {}): KubeObject | undefined {
    const entry = this.mustGetEntry(kind, namespace, name);
    const cur = entry.obj;
    const pre = opts.preconditions;
    if (pre?.uid && pre.uid !== cur.metadata.uid) {
      throw new ApiError('Conflict', `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${cur.metadata.uid}`);
    }
    const finalizers = deletionFinalizers(cur.metadata.finalizers, opts.propagationPolicy);

    // Graceful deletion (pkg/registry/core/pod/strategy.go CheckGracefulDelete): a bound, non-terminal
    // pod gets deletionTimestamp = now + grace and is removed by its kubelet; anything else goes at once.
    let grace = 0;
    if (kind === 'Pod') {
      const phase = cur.status?.phase;
      const bound = !!cur.spec?.nodeName;
      if (bound && phase !== 'Succeeded' && phase !== 'Failed') {
        grace = opts.gracePeriodSeconds ?? cur.spec?.terminationGracePeriodSeconds ?? 30;
        if (grace < 0) grace = 1;
        const curGrace = cur.metadata.deletionGracePeriodSeconds;
        if (curGrace !== undefined && curGrace < grace) grace = curGrace;
      }
    }

    if (finalizers.length === 0 && grace === 0) {
      this.commitDelete(cur);
      return undefined;
    }
    // Only metadata's own fields change below; everything else is shared with the (immutable)
    // stored object. Object.assign, not a spread: see bind.
    const next: KubeObject = { ...cur, metadata: Object.assign({}, cur.metadata) };
    const md = next.metadata;
    // rest.BeforeDelete: the first graceful delete sets deletionTimestamp and bumps generation.
    const first = !md.deletionTimestamp;
    const deadline = this.clock.now + grace * 1000;
    const curDeadline = this.clock.parse(md.deletionTimestamp);
    if (first || (curDeadline !== undefined && deadline < curDeadline)) {
      md.deletionTimestamp = this.clock.timestamp(deadline);
      md.deletionGracePeriodSeconds = grace;
      if (first && md.generation !== undefined) md.generation += 1;
    }
    if (finalizers.length) md.finalizers = finalizers as string[];
    else delete md.finalizers;
    if (deepEqual(next, cur)) return cur;
    return this.commit('MODIFIED', next, cur, entry);
  }

  /**
   * The pods/binding subresource (pkg/registry/core/pod/storage BindingREST.setPodNodeAndMetadata):
   * sets spec.nodeName and the PodScheduled=True condition in one write, and clears
   * status.nominatedNodeName (ClearingNominatedNodeNameAfterBinding). Not a spec update, so the
   * pod's generation does not change.
   */
  bind(namespace: string, name: string, nodeName: string): KubeObject {
    const entry = this.mustGetEntry('Pod', namespace, name);
    const cur = entry.obj;
    if (cur.metadata.deletionTimestamp) throw new ApiError('Conflict', `pod ${name} is being deleted, cannot be assigned to a host`);
    if (cur.spec?.nodeName) throw new ApiError('Conflict', `pod ${name} is already assigned to node "${cur.spec.nodeName}"`);
    if (cur.spec?.schedulingGates?.length) throw new ApiError('Conflict', `pod ${name} has non-empty .spec.schedulingGates`);
    // Copy only what changes; stored objects are immutable, so the rest can be shared.
    // Object.assign rather than a spread for copies that gain keys (spec.nodeName, maybe
    // status.conditions): V8 (11.x) gives a spread copy that then gains a key a hidden class of its
    // own, so every bound pod's spec would have a different one, and reads of it go megamorphic.
    const status: Record<string, any> = Object.assign({}, cur.status);
    const spec = Object.assign({}, cur.spec, { nodeName });
    const next: KubeObject = { ...cur, metadata: { ...cur.metadata }, spec, status };
    const conds: Record<string, unknown>[] = (status.conditions = [...(status.conditions ?? [])]);
    const cond: Record<string, unknown> = { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: this.clock.timestamp() };
    if (typeof cur.metadata.generation === 'number') cond.observedGeneration = cur.metadata.generation;
    const i = conds.findIndex((c) => c.type === 'PodScheduled');
    if (i >= 0) conds[i] = cond;
    else conds.push(cond);
    delete status.nominatedNodeName;
    return this.commit('MODIFIED', next, cur, entry);
  }

  // ---- snapshot ----------------------------------------------------------------------------

  save(): StoreState {
    return { rv: this.rv, objects: this.all().map((o) => clone(o)) };
  }

  load(state: StoreState): void {
    this.index.clear();
    this.rv = state.rv;
    for (const o of state.objects) this.index.index(this.opts.freeze ? deepFreeze(clone(o)) : clone(o), undefined);
  }

  // ---- internals ---------------------------------------------------------------------------

  /** `owned`: input is a private copy the store may keep (mutate's draft), so it is not copied again. */
  private write(input: KubeObject, status: boolean, owned: boolean): KubeObject {
    const info = this.requireKind(input);
    const ns = info.namespaced ? input.metadata.namespace || 'default' : undefined;
    const entry = this.mustGetEntry(info.kind, ns, input.metadata.name);
    const cur = entry.obj;
    if (input.metadata.resourceVersion && input.metadata.resourceVersion !== cur.metadata.resourceVersion) {
      throw new ApiError(
        'Conflict',
        `Operation cannot be fulfilled on ${this.resourceName(info.kind)} "${cur.metadata.name}": the object has been modified; please apply your changes to the latest version and try again`,
      );
    }
    let next: KubeObject;
    if (status) {
      // Structural sharing: stored objects are immutable, so everything but status is reused.
      const st = owned ? input.status : clone(input.status);
      if (deepEqual(st, cur.status)) return cur; // a no-op write does not bump resourceVersion
      next = { ...cur, metadata: { ...cur.metadata }, status: st };
      if (next.status === undefined) delete next.status;
      // The status subresource changes nothing the admission chain defaults or validates here.
      return this.commit('MODIFIED', next, cur, entry);
    } else {
      next = owned ? input : clone(input);
      // Immutable and server-owned metadata.
      const md = next.metadata;
      setOrDelete(md, 'namespace', ns || undefined);
      md.uid = cur.metadata.uid;
      md.creationTimestamp = cur.metadata.creationTimestamp;
      setOrDelete(md, 'deletionTimestamp', cur.metadata.deletionTimestamp);
      setOrDelete(md, 'deletionGracePeriodSeconds', cur.metadata.deletionGracePeriodSeconds);
      setOrDelete(md, 'generation', cur.metadata.generation);
      if (cur.metadata.deletionTimestamp) {
        // Finalizers may only be removed once deletion has started.
        const added = (md.finalizers ?? []).filter((f) => !(cur.metadata.finalizers ?? []).includes(f));
        if (added.length) {
          throw new ApiError('Forbidden', `Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers ${JSON.stringify(added)}`);
        }
      }
      if (md.finalizers && md.finalizers.length === 0) delete md.finalizers;
    }
    delete next.metadata.resourceVersion;
    this.admit(next, cur, 'UPDATE');
    // The main resource ignores status: reset it to the stored one after admission, since defaulting
    // rewrites the request's (private) copy in place and must never touch the stored, shared one.
    if (!status && info.hasStatus) {
      next.status = cur.status;
      if (next.status === undefined) delete next.status;
    }
    // Compared after defaulting (as PrepareForUpdate sees the decoded, defaulted object), so a client
    // that sends a spec without server defaults (kubectl apply) does not bump generation for nothing.
    if (!status && !deepEqual(next.spec, cur.spec) && next.metadata.generation !== undefined) next.metadata.generation += 1;
    const cmp = { ...next, metadata: { ...next.metadata, resourceVersion: cur.metadata.resourceVersion } };
    if (deepEqual(cmp, cur)) return cur; // a no-op write does not bump resourceVersion
    // A deleting object whose last finalizer is gone and whose grace period is over is removed.
    if (next.metadata.deletionTimestamp && !next.metadata.finalizers?.length && !(next.metadata.deletionGracePeriodSeconds ?? 0)) {
      this.commitDelete(cur);
      return next;
    }
    return this.commit('MODIFIED', next, cur, entry);
  }

  // The admission plugins' read access, made once rather than per request.
  private readonly admissionGet: AdmissionContext['get'] = (k, ns, n) => this.get(k, ns, n);
  private readonly admissionList: AdmissionContext['list'] = (k, ns) => this.list(k, ns === undefined ? {} : { namespace: ns });

  private admit(obj: KubeObject, old: KubeObject | undefined, op: Operation): void {
    const ctx: AdmissionContext = { op, now: this.clock.timestamp(), get: this.admissionGet, list: this.admissionList };
    this.admission.mutate(obj, old, ctx);
    const errs = this.admission.validate(obj, old, ctx);
    if (errs.length) throw invalid(obj.kind, this.group(obj.apiVersion), obj.metadata.name, errs);
  }

  /** `entry`: old's index entry, when the write read it. */
  private commit(type: 'ADDED' | 'MODIFIED', obj: KubeObject, old: KubeObject | undefined, entry?: Entry): KubeObject {
    this.rv += 1;
    obj.metadata.resourceVersion = String(this.rv);
    if (this.opts.freeze) deepFreeze(obj);
    entry = this.index.index(obj, old, entry);
    this.dispatch(new StoreWatchEvent(type, obj, old, entry));
    return obj;
  }

  private commitDelete(cur: KubeObject): void {
    this.rv += 1;
    const gone = { ...cur, metadata: { ...cur.metadata, resourceVersion: String(this.rv) } };
    if (this.opts.freeze) deepFreeze(gone);
    const entry = this.index.unindex(cur)!;
    this.dispatch(new StoreWatchEvent('DELETED', gone, cur, entry));
  }

  private dispatch(ev: WatchEvent): void {
    this.dispatching++;
    try {
      const hs = this.handlers(ev.object.kind);
      for (let i = 0; i < hs.length; i++) hs[i](ev);
    } finally {
      this.dispatching--;
    }
  }

  private requireKind(obj: KubeObject) {
    const info = kindInfo(obj?.kind);
    if (!info) throw new ApiError('BadRequest', `no matches for kind "${obj?.kind}" in version "${obj?.apiVersion}"`);
    if (obj.apiVersion !== info.apiVersion) {
      throw new ApiError('BadRequest', `no matches for kind "${obj.kind}" in version "${obj.apiVersion}"`);
    }
    return info;
  }

  private resourceName(kind: string): string {
    const info = kindInfo(kind);
    return info ? qualifiedResource(info.plural, info.apiVersion) : kind.toLowerCase();
  }

  private group(apiVersion: string): string {
    return apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  }

  /** A v4-shaped UUID from the seeded stream. */
  private newUid(): string {
    const r = this.randoms.get('uids');
    // xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx, drawn left to right; V is one of 89ab.
    hexDigits(r, 0, 8);
    hexDigits(r, 9, 13);
    uidCodes[14] = 52; // '4'
    hexDigits(r, 15, 18);
    uidCodes[19] = '89ab'.charCodeAt(r.int(4));
    hexDigits(r, 20, 23);
    hexDigits(r, 24, 36);
    return String.fromCharCode.apply(null, uidCodes);
  }
}

/**
 * md[key] = value, or no such key when value is undefined. Never "assign, then delete": deleting a
 * key that is not the last one added turns the object into a slow (dictionary-mode) one in V8.
 */
function setOrDelete(md: Record<string, unknown>, key: string, value: unknown): void {
  if (value === undefined) delete md[key];
  else md[key] = value;
}
