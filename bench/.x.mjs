// src/engine/sim/fnv.ts
var FNV_OFFSET = 2166136261;
var FNV_PRIME = 16777619;
function fnv32a(bytes, h = FNV_OFFSET) {
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}
function fnv32aString(s) {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

// src/engine/sim/random.ts
function splitmix32(a) {
  return () => {
    a = a + 2654435769 | 0;
    let t = a ^ a >>> 16;
    t = Math.imul(t, 569420461);
    t ^= t >>> 15;
    t = Math.imul(t, 1935289751);
    t ^= t >>> 15;
    return t >>> 0;
  };
}
var Random = class {
  s;
  constructor(seed, stream = "") {
    const mix = splitmix32(seed >>> 0 ^ fnv32aString(stream));
    this.s = [mix(), mix(), mix(), mix()];
    for (let i = 0; i < 12; i++) this.nextUint32();
  }
  nextUint32() {
    const s = this.s;
    let a = s[0] >>> 0;
    let b = s[1] >>> 0;
    let c = s[2] >>> 0;
    let d = s[3] >>> 0;
    const t = (a + b | 0) + d | 0;
    d = d + 1 | 0;
    a = b ^ b >>> 9;
    b = c + (c << 3) | 0;
    c = c << 21 | c >>> 11;
    c = c + t | 0;
    s[0] = a;
    s[1] = b;
    s[2] = c;
    s[3] = d;
    return t >>> 0;
  }
  /** Uniform in [0, 1). */
  next() {
    return this.nextUint32() / 4294967296;
  }
  /** Uniform integer in [0, n). */
  int(n2) {
    return Math.floor(this.next() * n2);
  }
  /** n characters drawn uniformly from alphabet. */
  string(n2, alphabet) {
    let out2 = "";
    for (let i = 0; i < n2; i++) out2 += alphabet[this.int(alphabet.length)];
    return out2;
  }
  getState() {
    return [...this.s];
  }
  setState(s) {
    this.s = [s[0], s[1], s[2], s[3]];
  }
};
var RandomStreams = class {
  constructor(seed) {
    this.seed = seed;
  }
  seed;
  streams = /* @__PURE__ */ new Map();
  get(name) {
    let r = this.streams.get(name);
    if (!r) {
      r = new Random(this.seed, name);
      this.streams.set(name, r);
    }
    return r;
  }
  save() {
    const out2 = {};
    for (const [k, r] of this.streams) out2[k] = r.getState();
    return out2;
  }
  load(state) {
    this.streams.clear();
    for (const [k, s] of Object.entries(state)) this.get(k).setState(s);
  }
};
var K8S_RAND_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
function generateName(base, rnd) {
  const maxBase = 63 - 5;
  const b = base.length > maxBase ? base.slice(0, maxBase) : base;
  return b + rnd.string(5, K8S_RAND_ALPHABET);
}

// src/engine/api/kinds.ts
var K = (kind, apiVersion, namespaced, plural, shortNames = [], hasStatus = true) => ({ kind, apiVersion, namespaced, plural, singular: kind.toLowerCase(), shortNames, hasStatus });
var KINDS = [
  K("Namespace", "v1", false, "namespaces", ["ns"]),
  K("Node", "v1", false, "nodes", ["no"]),
  K("Pod", "v1", true, "pods", ["po"]),
  K("Service", "v1", true, "services", ["svc"]),
  K("Endpoints", "v1", true, "endpoints", ["ep"], false),
  K("ConfigMap", "v1", true, "configmaps", ["cm"], false),
  K("Secret", "v1", true, "secrets", [], false),
  K("ServiceAccount", "v1", true, "serviceaccounts", ["sa"], false),
  K("Event", "v1", true, "events", ["ev"], false),
  K("PersistentVolumeClaim", "v1", true, "persistentvolumeclaims", ["pvc"]),
  K("ResourceQuota", "v1", true, "resourcequotas", ["quota"]),
  K("LimitRange", "v1", true, "limitranges", ["limits"], false),
  K("Deployment", "apps/v1", true, "deployments", ["deploy"]),
  K("ReplicaSet", "apps/v1", true, "replicasets", ["rs"]),
  K("StatefulSet", "apps/v1", true, "statefulsets", ["sts"]),
  K("DaemonSet", "apps/v1", true, "daemonsets", ["ds"]),
  K("ControllerRevision", "apps/v1", true, "controllerrevisions", [], false),
  K("Job", "batch/v1", true, "jobs"),
  K("CronJob", "batch/v1", true, "cronjobs", ["cj"]),
  K("HorizontalPodAutoscaler", "autoscaling/v2", true, "horizontalpodautoscalers", ["hpa"]),
  K("PodDisruptionBudget", "policy/v1", true, "poddisruptionbudgets", ["pdb"]),
  K("PriorityClass", "scheduling.k8s.io/v1", false, "priorityclasses", ["pc"], false),
  K("Lease", "coordination.k8s.io/v1", true, "leases", [], false),
  K("EndpointSlice", "discovery.k8s.io/v1", true, "endpointslices", [], false)
];
var byKind = new Map(KINDS.map((k) => [k.kind, k]));
var byName = /* @__PURE__ */ new Map();
for (const k of KINDS) {
  for (const n2 of [k.kind.toLowerCase(), k.plural, k.singular, ...k.shortNames]) byName.set(n2, k);
}
function kindInfo(kind) {
  return byKind.get(kind);
}
function resolveResource(name) {
  const lower = name.toLowerCase();
  const base = lower.includes(".") ? lower.slice(0, lower.indexOf(".")) : lower;
  return byName.get(lower) ?? byName.get(base);
}
function isNamespaced(kind) {
  return byKind.get(kind)?.namespaced ?? true;
}

// src/engine/api/meta.ts
function nsName(obj) {
  return obj.metadata.namespace ? `${obj.metadata.namespace}/${obj.metadata.name}` : obj.metadata.name;
}
function splitNsName(key) {
  const i = key.indexOf("/");
  return i < 0 ? { namespace: void 0, name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) };
}
function controllerRef(obj) {
  return obj.metadata.ownerReferences?.find((r) => r.controller === true);
}
function newControllerRef(owner) {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion: true
  };
}
function deepEqual(a, b) {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b;
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], bb[i])) return false;
    return true;
  }
  const ao = a;
  const bo = b;
  let na = 0;
  for (const k in ao) {
    const v = ao[k];
    if (v === void 0) continue;
    na++;
    if (!deepEqual(v, bo[k])) return false;
  }
  let nb = 0;
  for (const k in bo) if (bo[k] !== void 0) nb++;
  return na === nb;
}
function clone(v) {
  return copyJson(v);
}
function copyJson(v) {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) {
    const out3 = new Array(v.length);
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      out3[i] = x === void 0 ? null : copyJson(x);
    }
    return out3;
  }
  const out2 = {};
  for (const k in v) {
    const x = v[k];
    if (x !== void 0) out2[k] = copyJson(x);
  }
  return out2;
}
function deepFreeze(v) {
  if (v && typeof v === "object" && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const k of Object.keys(v)) deepFreeze(v[k]);
  }
  return v;
}

// src/engine/apiserver/admission.ts
var AdmissionChain = class {
  mutating = [];
  validating = [];
  addMutating(name, fn) {
    this.mutating.push({ name, fn });
  }
  addValidating(name, fn) {
    this.validating.push({ name, fn });
  }
  mutate(obj, old, ctx) {
    for (const p of this.mutating) p.fn(obj, old, ctx);
  }
  validate(obj, old, ctx) {
    const errs = [];
    for (const p of this.validating) errs.push(...p.fn(obj, old, ctx));
    return errs;
  }
};

// src/engine/api/fieldErrors.ts
var DESCRIPTIONS = {
  FieldValueNotFound: "Not found",
  FieldValueRequired: "Required value",
  FieldValueDuplicate: "Duplicate value",
  FieldValueInvalid: "Invalid value",
  FieldValueNotSupported: "Unsupported value",
  FieldValueForbidden: "Forbidden",
  FieldValueTooLong: "Too long",
  FieldValueTooMany: "Too many",
  InternalError: "Internal error",
  FieldValueTypeInvalid: "Invalid value"
};
function formatFieldValue(v) {
  if (v === null || v === void 0) return "null";
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return JSON.stringify(v);
}
function fieldErrorBody(e) {
  let s = DESCRIPTIONS[e.type];
  const omit = e.omitValue ?? (e.type === "FieldValueRequired" || e.type === "FieldValueForbidden" || e.type === "FieldValueTooMany" || e.type === "InternalError");
  if (!omit) s += `: ${formatFieldValue(e.value)}`;
  if (e.detail) s += `: ${e.detail}`;
  return s;
}
function fieldErrorMessage(e) {
  return e.field ? `${e.field}: ${fieldErrorBody(e)}` : fieldErrorBody(e);
}
var fieldError = {
  required: (field, detail = "") => ({ type: "FieldValueRequired", field, detail }),
  invalid: (field, value, detail = "") => ({ type: "FieldValueInvalid", field, value, detail }),
  notSupported: (field, value, valid) => ({
    type: "FieldValueNotSupported",
    field,
    value,
    detail: valid.length ? `supported values: ${valid.map((v) => JSON.stringify(v)).join(", ")}` : ""
  }),
  forbidden: (field, detail) => ({ type: "FieldValueForbidden", field, detail }),
  duplicate: (field, value) => ({ type: "FieldValueDuplicate", field, value }),
  tooLong: (field, value, max) => ({
    type: "FieldValueTooLong",
    field,
    value,
    omitValue: true,
    detail: `may not be more than ${max} bytes`
  })
};

// src/engine/apiserver/errors.ts
var CODES = {
  NotFound: 404,
  AlreadyExists: 409,
  Conflict: 409,
  Invalid: 422,
  BadRequest: 400,
  Forbidden: 403,
  MethodNotAllowed: 405,
  TooManyRequests: 429
};
var ApiError = class extends Error {
  constructor(reason, message, causes = []) {
    super(message);
    this.reason = reason;
    this.causes = causes;
    this.code = CODES[reason];
  }
  reason;
  causes;
  code;
};
function notFound(resource, name) {
  return new ApiError("NotFound", `${resource} "${name}" not found`);
}
function alreadyExists(resource, name) {
  return new ApiError("AlreadyExists", `${resource} "${name}" already exists`);
}
function invalid(kind, group2, name, errs) {
  const qualified = group2 ? `${kind}.${group2}` : kind;
  const msgs = errs.map(fieldErrorMessage);
  const body = msgs.length === 1 ? msgs[0] : `[${msgs.join(", ")}]`;
  return new ApiError("Invalid", `${qualified} "${name}" is invalid: ${body}`, errs);
}
function qualifiedResource(plural, apiVersion) {
  const group2 = apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
  return group2 ? `${plural}.${group2}` : plural;
}

// src/engine/apiserver/drafts.ts
function statusDraft(cur) {
  const draft = { apiVersion: cur.apiVersion, kind: cur.kind, metadata: clone(cur.metadata) };
  for (const k in cur) {
    if (k === "apiVersion" || k === "kind" || k === "metadata" || cur[k] === void 0) continue;
    Object.defineProperty(draft, k, {
      enumerable: true,
      configurable: true,
      get() {
        const v = clone(cur[k]);
        Object.defineProperty(draft, k, { value: v, writable: true, enumerable: true, configurable: true });
        return v;
      },
      set(v) {
        Object.defineProperty(draft, k, { value: v, writable: true, enumerable: true, configurable: true });
      }
    });
  }
  return draft;
}

// src/engine/apiserver/objectIndex.ts
var ObjectIndex = class {
  tables = /* @__PURE__ */ new Map();
  byOwner = /* @__PURE__ */ new Map();
  podsByNode = /* @__PURE__ */ new Map();
  /** How many objects are stored. */
  size = 0;
  clear() {
    this.size = 0;
    this.tables.clear();
    this.byOwner.clear();
    this.podsByNode.clear();
  }
  get(kind, namespace, name) {
    const t = this.tables.get(kind);
    if (!t) return void 0;
    return t.byNamespace.get(t.namespaced ? namespace || "default" : "")?.get(name)?.obj;
  }
  list(kind, opts = {}) {
    const t = this.tables.get(kind);
    if (!t) return [];
    const out2 = [];
    for (const { obj: o } of t.byKey.values()) {
      if (opts.namespace !== void 0 && (o.metadata.namespace ?? "") !== opts.namespace) continue;
      if (opts.labels && !opts.labels(o.metadata.labels ?? {})) continue;
      out2.push(o);
    }
    return out2;
  }
  kinds() {
    return [...this.tables.keys()];
  }
  /** Every object, in a stable order (kind, then creation). */
  all() {
    const out2 = [];
    for (const t of this.tables.values()) for (const e of t.byKey.values()) out2.push(e.obj);
    return out2;
  }
  /** Objects whose ownerReferences name this uid (the garbage collector's dependents graph). */
  dependents(uid) {
    const entries = this.byOwner.get(uid);
    if (!entries) return [];
    const out2 = [];
    for (const e of entries) out2.push(e.obj);
    return out2;
  }
  /** Pods bound to a node (spec.nodeName), the kubelet's and scheduler's view. */
  podsOnNode(nodeName) {
    const m = this.podsByNode.get(nodeName);
    return m ? [...m.values()] : [];
  }
  /**
   * The same pods keyed "namespace/name", without a copy: for hot read-only loops, which must not
   * write to the store while they iterate.
   */
  podEntriesOnNode(nodeName) {
    return this.podsByNode.get(nodeName)?.entries() ?? [];
  }
  /**
   * Store obj; `old` is the version it replaces. An updated object moves to the end of its owners'
   * dependents and of its node's pods (the order those lists have always had), not of its kind.
   */
  index(obj, old) {
    const md = obj.metadata;
    const t = this.table(obj.kind);
    const ns = t.namespaced ? md.namespace || "default" : "";
    let names = t.byNamespace.get(ns);
    if (!names) t.byNamespace.set(ns, names = /* @__PURE__ */ new Map());
    let e = names.get(md.name);
    if (e) {
      if (old) this.unindexRefs(e, old);
      e.obj = obj;
    } else {
      e = { key: `${ns}/${md.name}`, obj };
      names.set(md.name, e);
      t.byKey.set(e.key, e);
      this.size++;
    }
    const refs = md.ownerReferences;
    if (refs) {
      for (const r of refs) {
        let s = this.byOwner.get(r.uid);
        if (!s) this.byOwner.set(r.uid, s = /* @__PURE__ */ new Set());
        s.add(e);
      }
    }
    if (obj.kind === "Pod" && obj.spec?.nodeName) {
      let p = this.podsByNode.get(obj.spec.nodeName);
      if (!p) this.podsByNode.set(obj.spec.nodeName, p = /* @__PURE__ */ new Map());
      p.set(e.key, obj);
    }
  }
  unindex(obj) {
    const t = this.tables.get(obj.kind);
    const names = t?.byNamespace.get(t.namespaced ? obj.metadata.namespace || "default" : "");
    const e = names?.get(obj.metadata.name);
    if (!t || !names || !e) return;
    names.delete(obj.metadata.name);
    t.byKey.delete(e.key);
    this.size--;
    this.unindexRefs(e, obj);
  }
  /** Remove e (holding obj, or the version being replaced) from the owner and node indexes. */
  unindexRefs(e, obj) {
    const refs = obj.metadata.ownerReferences;
    if (refs) {
      for (const r of refs) {
        const s = this.byOwner.get(r.uid);
        s?.delete(e);
        if (s && s.size === 0) this.byOwner.delete(r.uid);
      }
    }
    if (obj.kind === "Pod" && obj.spec?.nodeName) this.podsByNode.get(obj.spec.nodeName)?.delete(e.key);
  }
  table(kind) {
    let t = this.tables.get(kind);
    if (!t) {
      const info = kindInfo(kind);
      t = { namespaced: !info || info.namespaced, byKey: /* @__PURE__ */ new Map(), byNamespace: /* @__PURE__ */ new Map() };
      this.tables.set(kind, t);
    }
    return t;
  }
};

// src/engine/apiserver/store.ts
var DEFAULT_NAMESPACES = ["default", "kube-system", "kube-public", "kube-node-lease"];
var HEX_CODES = [48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102];
var uidCodes = new Array(36).fill(45);
function hexDigits(r, from, to) {
  for (let i = from; i < to; i++) uidCodes[i] = HEX_CODES[r.int(16)];
}
var FINALIZER_ORPHAN = "orphan";
var FINALIZER_FOREGROUND = "foregroundDeletion";
var ApiServer = class {
  constructor(clock, randoms, opts = {}) {
    this.clock = clock;
    this.randoms = randoms;
    this.opts = opts;
  }
  clock;
  randoms;
  opts;
  admission = new AdmissionChain();
  index = new ObjectIndex();
  watchers = [];
  rv = 0;
  dispatching = 0;
  // ---- reads -------------------------------------------------------------------------------
  get(kind, namespace, name) {
    return this.index.get(kind, namespace, name);
  }
  mustGet(kind, namespace, name) {
    const o = this.get(kind, namespace, name);
    if (!o) throw notFound(this.resourceName(kind), name);
    return o;
  }
  list(kind, opts = {}) {
    return this.index.list(kind, opts);
  }
  kinds() {
    return this.index.kinds();
  }
  /** Every object, in a stable order (kind, then creation). */
  all() {
    return this.index.all();
  }
  /** Objects whose ownerReferences name this uid (the garbage collector's dependents graph). */
  dependents(uid) {
    return this.index.dependents(uid);
  }
  /** Pods bound to a node (spec.nodeName), the kubelet's and scheduler's view. */
  podsOnNode(nodeName) {
    return this.index.podsOnNode(nodeName);
  }
  /** The same pods keyed "namespace/name", without a copy, for read-only loops that do not write while iterating. */
  podEntriesOnNode(nodeName) {
    return this.index.podEntriesOnNode(nodeName);
  }
  /** How many objects the store holds. */
  get objectCount() {
    return this.index.size;
  }
  get resourceVersion() {
    return this.rv;
  }
  // ---- watch -------------------------------------------------------------------------------
  /**
   * Subscribe to changes. Handlers run synchronously after each write and must only enqueue
   * work (never write to the store), as informer event handlers do.
   */
  watch(fn, kinds) {
    const w = { kinds: kinds ? new Set(kinds) : null, fn };
    this.watchers.push(w);
    return () => {
      this.watchers = this.watchers.filter((x) => x !== w);
    };
  }
  // ---- writes ------------------------------------------------------------------------------
  /** `opts.owned`: the caller built `input` for this call alone, so the store keeps it without a copy. */
  create(input, opts = {}) {
    const info = this.requireKind(input);
    const obj = opts.owned ? input : clone(input);
    obj.metadata = obj.metadata ?? {};
    const md = obj.metadata;
    if (info.namespaced) md.namespace = md.namespace || "default";
    else delete md.namespace;
    if (!md.name && md.generateName) md.name = generateName(md.generateName, this.randoms.get("names"));
    if (!md.name) {
      throw invalid(info.kind, this.group(obj.apiVersion), "", [fieldError.required("metadata.name", "name or generateName is required")]);
    }
    if (info.namespaced && info.kind !== "Namespace" && !this.get("Namespace", void 0, md.namespace)) {
      throw notFound("namespaces", md.namespace);
    }
    if (this.get(info.kind, md.namespace, md.name)) throw alreadyExists(this.resourceName(info.kind), md.name);
    delete md.resourceVersion;
    delete md.deletionTimestamp;
    delete md.deletionGracePeriodSeconds;
    md.uid = this.newUid();
    md.creationTimestamp = this.clock.timestamp();
    if (info.hasStatus || obj.spec !== void 0) md.generation = 1;
    this.admit(obj, void 0, "CREATE");
    return this.commit("ADDED", obj, void 0);
  }
  /**
   * Replace an object's metadata and spec (the main resource). Status changes are ignored for
   * kinds with a status subresource. A resourceVersion in the input must match (optimistic
   * concurrency); leave it out to overwrite.
   */
  update(input) {
    return this.write(input, false, false);
  }
  /**
   * The /status subresource: only status (and nothing else) changes. `opts.owned`: the caller built
   * input.status for this call alone, so the store keeps it without a copy.
   */
  updateStatus(input, opts = {}) {
    return this.write(input, true, !!opts.owned);
  }
  /**
   * Read-modify-write without conflicts: fn gets a private copy to change. Returns the stored
   * result, or the unchanged object when fn returns false or changes nothing.
   */
  mutate(kind, namespace, name, fn, opts = {}) {
    const cur = this.mustGet(kind, namespace, name);
    const draft = opts.status ? statusDraft(cur) : clone(cur);
    if (fn(draft) === false) return cur;
    delete draft.metadata.resourceVersion;
    return this.write(draft, !!opts.status, true);
  }
  delete(kind, namespace, name, opts = {}) {
    const cur = this.mustGet(kind, namespace, name);
    const pre = opts.preconditions;
    if (pre?.uid && pre.uid !== cur.metadata.uid) {
      throw new ApiError("Conflict", `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${cur.metadata.uid}`);
    }
    const next = { ...cur, metadata: clone(cur.metadata) };
    const md = next.metadata;
    const finalizers = new Set(md.finalizers ?? []);
    const policy = opts.propagationPolicy;
    if (policy === "Foreground") {
      finalizers.delete(FINALIZER_ORPHAN);
      finalizers.add(FINALIZER_FOREGROUND);
    } else if (policy === "Orphan") {
      finalizers.delete(FINALIZER_FOREGROUND);
      finalizers.add(FINALIZER_ORPHAN);
    } else if (policy === "Background") {
      finalizers.delete(FINALIZER_ORPHAN);
      finalizers.delete(FINALIZER_FOREGROUND);
    }
    let grace = 0;
    if (kind === "Pod") {
      const phase = cur.status?.phase;
      const bound = !!cur.spec?.nodeName;
      if (bound && phase !== "Succeeded" && phase !== "Failed") {
        grace = opts.gracePeriodSeconds ?? cur.spec?.terminationGracePeriodSeconds ?? 30;
        if (grace < 0) grace = 1;
        if (md.deletionGracePeriodSeconds !== void 0 && md.deletionGracePeriodSeconds < grace) grace = md.deletionGracePeriodSeconds;
      }
    }
    if (finalizers.size === 0 && grace === 0) {
      this.commitDelete(cur);
      return void 0;
    }
    const first = !md.deletionTimestamp;
    const deadline = this.clock.now + grace * 1e3;
    const curDeadline = this.clock.parse(md.deletionTimestamp);
    if (first || curDeadline !== void 0 && deadline < curDeadline) {
      md.deletionTimestamp = this.clock.timestamp(deadline);
      md.deletionGracePeriodSeconds = grace;
      if (first && md.generation !== void 0) md.generation += 1;
    }
    md.finalizers = finalizers.size ? [...finalizers] : void 0;
    if (!md.finalizers) delete md.finalizers;
    if (deepEqual(next, cur)) return cur;
    return this.commit("MODIFIED", next, cur);
  }
  /**
   * The pods/binding subresource (pkg/registry/core/pod/storage BindingREST.setPodNodeAndMetadata):
   * sets spec.nodeName and the PodScheduled=True condition in one write, and clears
   * status.nominatedNodeName (ClearingNominatedNodeNameAfterBinding). Not a spec update, so the
   * pod's generation does not change.
   */
  bind(namespace, name, nodeName) {
    const cur = this.mustGet("Pod", namespace, name);
    if (cur.metadata.deletionTimestamp) throw new ApiError("Conflict", `pod ${name} is being deleted, cannot be assigned to a host`);
    if (cur.spec?.nodeName) throw new ApiError("Conflict", `pod ${name} is already assigned to node "${cur.spec.nodeName}"`);
    if (cur.spec?.schedulingGates?.length) throw new ApiError("Conflict", `pod ${name} has non-empty .spec.schedulingGates`);
    const status3 = { ...cur.status ?? {} };
    const next = { ...cur, metadata: { ...cur.metadata }, spec: { ...cur.spec ?? {}, nodeName }, status: status3 };
    const conds = status3.conditions = [...status3.conditions ?? []];
    const cond = { type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: this.clock.timestamp() };
    if (typeof cur.metadata.generation === "number") cond.observedGeneration = cur.metadata.generation;
    const i = conds.findIndex((c) => c.type === "PodScheduled");
    if (i >= 0) conds[i] = cond;
    else conds.push(cond);
    delete status3.nominatedNodeName;
    return this.commit("MODIFIED", next, cur);
  }
  // ---- snapshot ----------------------------------------------------------------------------
  save() {
    return { rv: this.rv, objects: this.all().map((o) => clone(o)) };
  }
  load(state) {
    this.index.clear();
    this.rv = state.rv;
    for (const o of state.objects) this.index.index(this.opts.freeze ? deepFreeze(clone(o)) : clone(o), void 0);
  }
  // ---- internals ---------------------------------------------------------------------------
  /** `owned`: input is a private copy the store may keep (mutate's draft), so it is not copied again. */
  write(input, status3, owned) {
    const info = this.requireKind(input);
    const ns = info.namespaced ? input.metadata.namespace || "default" : void 0;
    const cur = this.mustGet(info.kind, ns, input.metadata.name);
    if (input.metadata.resourceVersion && input.metadata.resourceVersion !== cur.metadata.resourceVersion) {
      throw new ApiError(
        "Conflict",
        `Operation cannot be fulfilled on ${this.resourceName(info.kind)} "${cur.metadata.name}": the object has been modified; please apply your changes to the latest version and try again`
      );
    }
    let next;
    if (status3) {
      const st = owned ? input.status : clone(input.status);
      if (deepEqual(st, cur.status)) return cur;
      next = { ...cur, metadata: { ...cur.metadata }, status: st };
      if (next.status === void 0) delete next.status;
      return this.commit("MODIFIED", next, cur);
    } else {
      next = owned ? input : clone(input);
      const md = next.metadata;
      md.namespace = ns;
      if (!ns) delete md.namespace;
      md.uid = cur.metadata.uid;
      md.creationTimestamp = cur.metadata.creationTimestamp;
      md.deletionTimestamp = cur.metadata.deletionTimestamp;
      md.deletionGracePeriodSeconds = cur.metadata.deletionGracePeriodSeconds;
      if (md.deletionTimestamp === void 0) delete md.deletionTimestamp;
      if (md.deletionGracePeriodSeconds === void 0) delete md.deletionGracePeriodSeconds;
      md.generation = cur.metadata.generation;
      if (md.generation === void 0) delete md.generation;
      if (cur.metadata.deletionTimestamp) {
        const added = (md.finalizers ?? []).filter((f) => !(cur.metadata.finalizers ?? []).includes(f));
        if (added.length) {
          throw new ApiError("Forbidden", `Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers ${JSON.stringify(added)}`);
        }
      }
      if (md.finalizers && md.finalizers.length === 0) delete md.finalizers;
    }
    delete next.metadata.resourceVersion;
    this.admit(next, cur, "UPDATE");
    if (!status3 && info.hasStatus) {
      next.status = cur.status;
      if (next.status === void 0) delete next.status;
    }
    if (!status3 && !deepEqual(next.spec, cur.spec) && next.metadata.generation !== void 0) next.metadata.generation += 1;
    const cmp = { ...next, metadata: { ...next.metadata, resourceVersion: cur.metadata.resourceVersion } };
    if (deepEqual(cmp, cur)) return cur;
    if (next.metadata.deletionTimestamp && !next.metadata.finalizers?.length && !(next.metadata.deletionGracePeriodSeconds ?? 0)) {
      this.commitDelete(cur);
      return next;
    }
    return this.commit("MODIFIED", next, cur);
  }
  // The admission plugins' read access, made once rather than per request.
  admissionGet = (k, ns, n2) => this.get(k, ns, n2);
  admissionList = (k, ns) => this.list(k, ns === void 0 ? {} : { namespace: ns });
  admit(obj, old, op) {
    const ctx = { op, now: this.clock.timestamp(), get: this.admissionGet, list: this.admissionList };
    this.admission.mutate(obj, old, ctx);
    const errs = this.admission.validate(obj, old, ctx);
    if (errs.length) throw invalid(obj.kind, this.group(obj.apiVersion), obj.metadata.name, errs);
  }
  commit(type, obj, old) {
    this.rv += 1;
    obj.metadata.resourceVersion = String(this.rv);
    if (this.opts.freeze) deepFreeze(obj);
    this.index.index(obj, old);
    this.dispatch({ type, object: obj, old });
    return obj;
  }
  commitDelete(cur) {
    this.rv += 1;
    const gone = { ...cur, metadata: { ...cur.metadata, resourceVersion: String(this.rv) } };
    if (this.opts.freeze) deepFreeze(gone);
    this.index.unindex(cur);
    this.dispatch({ type: "DELETED", object: gone, old: cur });
  }
  dispatch(ev) {
    this.dispatching++;
    try {
      for (const w of this.watchers) if (!w.kinds || w.kinds.has(ev.object.kind)) w.fn(ev);
    } finally {
      this.dispatching--;
    }
  }
  requireKind(obj) {
    const info = kindInfo(obj?.kind);
    if (!info) throw new ApiError("BadRequest", `no matches for kind "${obj?.kind}" in version "${obj?.apiVersion}"`);
    if (obj.apiVersion !== info.apiVersion) {
      throw new ApiError("BadRequest", `no matches for kind "${obj.kind}" in version "${obj.apiVersion}"`);
    }
    return info;
  }
  resourceName(kind) {
    const info = kindInfo(kind);
    return info ? qualifiedResource(info.plural, info.apiVersion) : kind.toLowerCase();
  }
  group(apiVersion) {
    return apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
  }
  /** A v4-shaped UUID from the seeded stream. */
  newUid() {
    const r = this.randoms.get("uids");
    hexDigits(r, 0, 8);
    hexDigits(r, 9, 13);
    uidCodes[14] = 52;
    hexDigits(r, 15, 18);
    uidCodes[19] = "89ab".charCodeAt(r.int(4));
    hexDigits(r, 20, 23);
    hexDigits(r, 24, 36);
    return String.fromCharCode.apply(null, uidCodes);
  }
};

// src/engine/apiserver/eventCorrelator.ts
var MAX_LRU_CACHE_ENTRIES = 4096;
var AGGREGATE_MAX_EVENTS = 10;
var AGGREGATE_INTERVAL_MS = 6e5;
var SPAM_BURST = 25;
var SPAM_QPS = Math.fround(1 / 300);
var Lru = class {
  m = /* @__PURE__ */ new Map();
  get(key) {
    const v = this.m.get(key);
    if (v !== void 0) {
      this.m.delete(key);
      this.m.set(key, v);
    }
    return v;
  }
  add(key, value) {
    this.m.delete(key);
    this.m.set(key, value);
    if (this.m.size > MAX_LRU_CACHE_ENTRIES) this.m.delete(this.m.keys().next().value);
  }
  save() {
    return [...this.m];
  }
  load(entries) {
    this.m = new Map(entries);
  }
};
function tryAccept(b, now) {
  let tokens = SPAM_BURST;
  if (b.last !== null) {
    const elapsed = Math.max(0, now - b.last);
    tokens = Math.min(SPAM_BURST, b.tokens + Math.trunc(elapsed / 1e3) * SPAM_QPS + elapsed % 1e3 * 1e6 * SPAM_QPS / 1e9);
  }
  tokens -= 1;
  if (tokens < 0) return false;
  b.tokens = tokens;
  b.last = now;
  return true;
}
function eventKey(e, message) {
  return e.component + e.host + e.kind + e.namespace + e.name + e.fieldPath + e.uid + e.apiVersion + e.type + e.reason + message;
}
function spamKey(e) {
  return e.component + e.host + e.kind + e.namespace + e.name + e.uid + e.apiVersion;
}
function aggregateKey(e) {
  return e.component + e.host + e.kind + e.namespace + e.name + e.uid + e.apiVersion + e.type + e.reason + e.component + e.host;
}
var EventCorrelator = class {
  spam = new Lru();
  aggregate = new Lru();
  log = new Lru();
  /**
   * EventCorrelate: aggregate, count, then filter. `newName` is the name a new Event gets.
   * Returns undefined when the spam filter drops the event.
   */
  correlate(e, now, newName) {
    let message = e.message;
    let key = eventKey(e, message);
    const aggKey = aggregateKey(e);
    let rec = this.aggregate.get(aggKey);
    if (!rec || now - rec.lastTimestamp > AGGREGATE_INTERVAL_MS) rec = { localKeys: [], lastTimestamp: 0 };
    if (!rec.localKeys.includes(e.message)) rec.localKeys.push(e.message);
    rec.lastTimestamp = now;
    this.aggregate.add(aggKey, rec);
    if (rec.localKeys.length >= AGGREGATE_MAX_EVENTS) {
      rec.localKeys.shift();
      message = `(combined from similar events): ${e.message}`;
      key = aggKey;
    }
    const last = this.log.get(key);
    const c = last ? { name: last.name, message, count: last.count + 1, firstTimestamp: last.firstTimestamp, patch: true } : { name: newName, message, count: 1, firstTimestamp: now, patch: false };
    this.log.add(key, { count: c.count, firstTimestamp: c.firstTimestamp, name: c.name });
    const sk = spamKey(e);
    const bucket = this.spam.get(sk) ?? { tokens: SPAM_BURST, last: null };
    const accepted = tryAccept(bucket, now);
    this.spam.add(sk, bucket);
    return accepted ? c : void 0;
  }
  /** UpdateState after a successful write: the written Event, keyed by its own (final) message. */
  updateState(e, written) {
    this.log.add(eventKey(e, written.message), { count: written.count, firstTimestamp: written.firstTimestamp, name: written.name });
  }
  save() {
    return { spam: this.spam.save(), aggregate: this.aggregate.save(), log: this.log.save() };
  }
  load(s) {
    this.spam.load(s.spam);
    this.aggregate.load(s.aggregate);
    this.log.load(s.log);
  }
};

// src/engine/apiserver/events.ts
var EventRecorder = class {
  constructor(api, clock) {
    this.api = api;
    this.clock = clock;
  }
  api;
  clock;
  /** One correlator per source, as each component (every kubelet, every controller) has its own broadcaster. */
  correlators = /* @__PURE__ */ new Map();
  nanoSeq = 0;
  /** BigInt(ms) * 1e6 for the last millisecond an Event was named in (a cache, not state). */
  baseMs = -1;
  baseNanos = 0n;
  /**
   * Record an event about `obj`. `fieldPath` names a container, e.g. "spec.containers{web}".
   * Like recordToSink in client-go's tools/record/event.go: correlate, then create or patch.
   */
  record(obj, type, reason, message, source, fieldPath) {
    const md = obj.metadata;
    const namespace = md.namespace || "default";
    const host = source.host ?? "";
    const recorded = {
      component: source.component,
      host,
      kind: obj.kind,
      namespace: md.namespace ?? "",
      name: md.name,
      uid: md.uid ?? "",
      apiVersion: obj.apiVersion,
      fieldPath: fieldPath ?? "",
      type,
      reason,
      message
    };
    const sourceKey = `${source.component}\0${host}`;
    let correlator = this.correlators.get(sourceKey);
    if (!correlator) this.correlators.set(sourceKey, correlator = new EventCorrelator());
    const now = this.clock.now;
    const c = correlator.correlate(recorded, now, this.newName(md.name));
    if (!c) return;
    const lastTimestamp = this.clock.timestamp();
    if (c.patch && this.api.get("Event", namespace, c.name)) {
      const patched = this.api.mutate("Event", namespace, c.name, (d) => {
        d.count = c.count;
        d.lastTimestamp = lastTimestamp;
        d.message = c.message;
      });
      correlator.updateState(recorded, { name: c.name, message: patched.message, count: patched.count, firstTimestamp: c.firstTimestamp });
      return;
    }
    const involvedObject = md.namespace ? { kind: obj.kind, namespace: md.namespace, name: md.name, uid: md.uid, apiVersion: obj.apiVersion, resourceVersion: md.resourceVersion } : { kind: obj.kind, name: md.name, uid: md.uid, apiVersion: obj.apiVersion, resourceVersion: md.resourceVersion };
    if (fieldPath) involvedObject.fieldPath = fieldPath;
    this.api.create({
      apiVersion: "v1",
      kind: "Event",
      metadata: { name: c.name, namespace },
      involvedObject,
      reason,
      message: c.message,
      source: source.host ? { component: source.component, host: source.host } : { component: source.component },
      firstTimestamp: this.clock.timestamp(c.firstTimestamp),
      lastTimestamp,
      count: c.count,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: host
    }, { owned: true });
    correlator.updateState(recorded, c);
  }
  /** "<object>.<hex unix nanos>", as makeEvent names it; unique within a millisecond here. */
  newName(objectName2) {
    const ms = this.clock.epochMs + this.clock.now;
    if (ms !== this.baseMs) {
      this.baseMs = ms;
      this.baseNanos = BigInt(ms) * 1000000n;
    }
    return `${objectName2}.${(this.baseNanos + BigInt(this.nanoSeq++ % 1e6)).toString(16)}`;
  }
  save() {
    return { correlators: [...this.correlators].map(([k, c]) => [k, c.save()]), nanoSeq: this.nanoSeq };
  }
  load(s) {
    const st = s;
    this.correlators = new Map(
      (st.correlators ?? []).map(([k, cs]) => {
        const c = new EventCorrelator();
        c.load(cs);
        return [k, c];
      })
    );
    this.nanoSeq = st.nanoSeq;
  }
};

// src/engine/api/volumeSources.ts
var VOLUME_SOURCES = [
  "hostPath",
  "emptyDir",
  "gcePersistentDisk",
  "awsElasticBlockStore",
  "gitRepo",
  "secret",
  "nfs",
  "iscsi",
  "glusterfs",
  "persistentVolumeClaim",
  "rbd",
  "flexVolume",
  "cinder",
  "cephfs",
  "flocker",
  "downwardAPI",
  "fc",
  "azureFile",
  "configMap",
  "vsphereVolume",
  "quobyte",
  "azureDisk",
  "photonPersistentDisk",
  "projected",
  "portworxVolume",
  "scaleIO",
  "storageos",
  "csi",
  "ephemeral",
  "image"
];

// src/engine/api/imageRef.ts
var pathComponent = "[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*";
var domainComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
var domain = `(?:${domainComponent}(?:\\.${domainComponent})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
var tag = "[\\w][\\w.-]{0,127}";
var digest = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}";
var reference = new RegExp(`^((?:${domain}/)?${pathComponent}(?:/${pathComponent})*)(?::(${tag}))?(?:@(${digest}))?$`);
function parseImageName(image) {
  const m = reference.exec(image);
  if (!m || m[1].length > 255) return void 0;
  const t = m[2] ?? "";
  const d = m[3] ?? "";
  return { repository: m[1], tag: !t && !d ? "latest" : t, digest: d };
}

// src/engine/api/quantity.ts
var SPLIT_RE_STRING = "^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$";
var QuantityError = class extends Error {
};
var ERR_FORMAT_WRONG = `quantities must match the regular expression '${SPLIT_RE_STRING}'`;
var ERR_NUMERIC = "unable to parse numeric part of quantity";
var ERR_SUFFIX = "unable to parse quantity's suffix";
var NANO = 1000000000n;
var MAX_INT64 = 9223372036854775807n;
var MIN_INT64 = -9223372036854775808n;
var DEC_SUFFIXES = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
var BIN_SUFFIXES = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
var DEC_BY_EXP = new Map(Object.entries(DEC_SUFFIXES).map(([s, e]) => [e, s]));
var BIN_BY_EXP = new Map(Object.entries(BIN_SUFFIXES).map(([s, e]) => [e, s]));
function pow10(n2) {
  return 10n ** BigInt(n2);
}
function abs(v) {
  return v < 0n ? -v : v;
}
function divAwayFromZero(n2, d) {
  const q3 = n2 / d;
  return n2 % d === 0n ? q3 : n2 < 0n ? q3 - 1n : q3 + 1n;
}
function toNumber(v) {
  return Number(v);
}
var QuantityValue = class _QuantityValue {
  constructor(nanos, format, i64) {
    this.nanos = nanos;
    this.format = format;
    this.i64 = i64;
  }
  nanos;
  format;
  i64;
  sign() {
    return this.nanos < 0n ? -1 : this.nanos > 0n ? 1 : 0;
  }
  isZero() {
    return this.nanos === 0n;
  }
  /** ScaledValue(scale) as a BigInt: the value in units of 10^scale, rounded away from zero. */
  scaledValue(scale3) {
    const shift = scale3 + 9;
    if (shift >= 0) return divAwayFromZero(this.nanos, pow10(shift));
    return this.nanos * pow10(-shift);
  }
  /** MilliValue(), rounded up (away from zero). */
  milliValue() {
    return toNumber(this.scaledValue(-3));
  }
  /** Value(), rounded up (away from zero). */
  value() {
    return toNumber(this.scaledValue(0));
  }
  milliValueBig() {
    return this.scaledValue(-3);
  }
  valueBig() {
    return this.scaledValue(0);
  }
  /** AsInt64: only for quantities held as int64Amount with a non-negative scale that fits. */
  asInt64() {
    if (!this.i64 || this.i64.scale < 0) return null;
    const v = this.i64.value * pow10(this.i64.scale);
    return v > MAX_INT64 || v < MIN_INT64 ? null : v;
  }
  /** The exact decimal value as a string ("102435.84", "-0.001"). */
  toDecimalString() {
    const neg = this.nanos < 0n;
    const a = abs(this.nanos);
    const int = a / NANO;
    let frac = (a % NANO).toString().padStart(9, "0").replace(/0+$/, "");
    frac = frac ? `.${frac}` : "";
    return `${neg ? "-" : ""}${int}${frac}`;
  }
  /** RoundUp(scale): round away from zero to a multiple of 10^scale; reports whether it was exact. */
  roundUp(scale3) {
    const shift = scale3 + 9;
    if (shift <= 0) return { quantity: this, exact: true };
    const unit = pow10(shift);
    const rounded = divAwayFromZero(this.nanos, unit) * unit;
    return { quantity: new _QuantityValue(rounded, this.format), exact: rounded === this.nanos };
  }
  cmp(other) {
    return this.nanos < other.nanos ? -1 : this.nanos > other.nanos ? 1 : 0;
  }
  add(other) {
    return new _QuantityValue(this.nanos + other.nanos, this.format);
  }
  sub(other) {
    return new _QuantityValue(this.nanos - other.nanos, this.format);
  }
  neg() {
    return new _QuantityValue(-this.nanos, this.format);
  }
  /** Quantity.String() / CanonicalizeBytes. */
  toString() {
    if (this.nanos === 0n) return "0";
    let format = this.format;
    if (format === "BinarySI") {
      if (abs(this.nanos) < 1024n * NANO || this.nanos % NANO !== 0n) format = "DecimalSI";
    }
    if (format === "BinarySI") {
      let amount2 = this.nanos / NANO;
      let exp2 = 0;
      while (amount2 % 1024n === 0n && BIN_BY_EXP.has(exp2 + 10)) {
        amount2 /= 1024n;
        exp2 += 10;
      }
      return `${amount2}${BIN_BY_EXP.get(exp2) ?? ""}`;
    }
    let amount = this.nanos;
    let exp = -9;
    while (amount % 10n === 0n) {
      amount /= 10n;
      exp++;
    }
    while (exp % 3 !== 0) {
      amount *= 10n;
      exp--;
    }
    if (format === "DecimalExponent") return exp === 0 ? `${amount}` : `${amount}e${exp}`;
    while (exp > 18) {
      amount *= 1000n;
      exp -= 3;
    }
    return `${amount}${DEC_BY_EXP.get(exp) ?? ""}`;
  }
  toJSON() {
    return this.toString();
  }
};
function splitQuantity(str) {
  let positive2 = true;
  let pos = 0;
  const end = str.length;
  if (pos < end) {
    if (str[0] === "-") {
      positive2 = false;
      pos++;
    } else if (str[0] === "+") pos++;
  }
  for (let i = pos; ; i++) {
    if (i >= end) return { positive: positive2, value: "0", num: "0", denom: "", suffix: "" };
    if (str[i] === "0") pos++;
    else break;
  }
  let num2 = "";
  const isDigit = (c) => c >= "0" && c <= "9";
  for (let i = pos; ; i++) {
    if (i >= end) return { positive: positive2, value: str.slice(0, end), num: str.slice(pos, end), denom: "", suffix: "" };
    if (!isDigit(str[i])) {
      num2 = str.slice(pos, i);
      pos = i;
      break;
    }
  }
  if (num2.length === 0) num2 = "0";
  let denom = "";
  if (pos < end && str[pos] === ".") {
    pos++;
    for (let i = pos; ; i++) {
      if (i >= end) return { positive: positive2, value: str.slice(0, end), num: num2, denom: str.slice(pos, end), suffix: "" };
      if (!isDigit(str[i])) {
        denom = str.slice(pos, i);
        pos = i;
        break;
      }
    }
  }
  const value = str.slice(0, pos);
  const suffixStart = pos;
  for (let i = pos; ; i++) {
    if (i >= end) return { positive: positive2, value, num: num2, denom, suffix: str.slice(suffixStart, end) };
    if (!"eEinumkKMGTP".includes(str[i])) {
      pos = i;
      break;
    }
  }
  if (pos < end && (str[pos] === "-" || str[pos] === "+")) pos++;
  for (let i = pos; ; i++) {
    if (i >= end) return { positive: positive2, value, num: num2, denom, suffix: str.slice(suffixStart, end) };
    if (!isDigit(str[i])) break;
  }
  throw new QuantityError(ERR_FORMAT_WRONG);
}
function interpretSuffix(s) {
  if (s in DEC_SUFFIXES) return { base: 10, exponent: DEC_SUFFIXES[s], format: "DecimalSI" };
  if (s in BIN_SUFFIXES) return { base: 2, exponent: BIN_SUFFIXES[s], format: "BinarySI" };
  if (s.length > 1 && (s[0] === "e" || s[0] === "E") && /^[+-]?[0-9]+$/.test(s.slice(1))) {
    const e = Number(s.slice(1));
    if (Math.abs(e) > 1e3) throw new QuantityError(ERR_NUMERIC);
    return { base: 10, exponent: e, format: "DecimalExponent" };
  }
  throw new QuantityError(ERR_SUFFIX);
}
var MAX_INT64_FACTORS = 18;
var CACHE_LIMIT = 4096;
var cache = /* @__PURE__ */ new Map();
function parseQuantity(input) {
  const str = typeof input === "number" ? String(input) : input;
  const hit = cache.get(str);
  if (hit) return hit;
  const q3 = parseUncached(str);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(str, q3);
  return q3;
}
function parseUncached(str) {
  if (typeof str !== "string" || str.length === 0) throw new QuantityError(ERR_FORMAT_WRONG);
  if (str === "0") return new QuantityValue(0n, "DecimalSI", { value: 0n, scale: 0 });
  const { positive: positive2, num: num2, denom, suffix } = splitQuantity(str);
  const { base, exponent, format: fmt } = interpretSuffix(suffix);
  let format = fmt;
  let i64;
  let precision = 0;
  let scale3 = 0;
  let mantissa = 1n;
  if (format === "BinarySI") {
    if (exponent >= 0 && denom.length === 0) {
      mantissa = 1n << BigInt(exponent);
      precision = 15 - num2.length - Math.trunc(Math.fround(Math.fround(exponent) * 3 / 10)) - 1;
    } else precision = -1;
  } else {
    scale3 = exponent;
    precision = MAX_INT64_FACTORS - (num2.length + denom.length);
  }
  if (precision >= 0) {
    scale3 -= denom.length;
    if (scale3 >= -9) {
      const v = BigInt(num2 + denom);
      const r = v * mantissa;
      if (v <= MAX_INT64 && r <= MAX_INT64) i64 = { value: positive2 ? r : -r, scale: scale3 };
    }
  }
  const digits = BigInt(num2 + denom);
  let nanos;
  let decScale = denom.length;
  let unscaled = digits;
  if (base === 10) decScale -= exponent;
  else unscaled = digits << BigInt(exponent);
  const shift = 9 - decScale;
  nanos = shift >= 0 ? unscaled * pow10(shift) : divAwayFromZero(unscaled, pow10(-shift));
  if (format === "BinarySI" && nanos > MAX_INT64 * NANO) nanos = MAX_INT64 * NANO;
  if (format === "BinarySI" && nanos > 0n && nanos < NANO) format = "DecimalSI";
  if (!positive2) nanos = -nanos;
  return new QuantityValue(nanos, format, i64);
}
function newQuantity(value, format = "DecimalSI") {
  return new QuantityValue(BigInt(value) * NANO, format);
}

// src/engine/api/defaults/decode.ts
var DecodeError = class extends Error {
  constructor(field, value, message) {
    super(message);
    this.field = field;
    this.value = value;
  }
  field;
  value;
};
function decodeFailure(obj, e) {
  const version = obj.apiVersion.includes("/") ? obj.apiVersion.split("/")[1] : obj.apiVersion;
  const cause = { type: "FieldValueInvalid", field: e.field, value: e.value, detail: e.message };
  return new ApiError("BadRequest", `${obj.kind} in version "${version}" cannot be handled as a ${obj.kind}: ${e.message}`, [cause]);
}
function defaultResourceList(list, path) {
  if (!list || typeof list !== "object") return;
  for (const key of Object.keys(list)) {
    const v = list[key];
    if (typeof v !== "string" && typeof v !== "number") {
      throw new DecodeError(`${path}.${key}`, v, "quantities must be strings or numbers");
    }
    try {
      list[key] = parseQuantity(v).roundUp(-3).quantity.toString();
    } catch (err) {
      throw new DecodeError(`${path}.${key}`, v, err.message);
    }
  }
}

// src/engine/api/defaults/core.ts
var DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;
var DEFAULT_SCHEDULER_NAME = "default-scheduler";
var TERMINATION_MESSAGE_PATH_DEFAULT = "/dev/termination-log";
var DEFAULT_CLIENT_IP_SERVICE_AFFINITY_SECONDS = 10800;
var DEFAULT_MODE = 420;
function defaultProbe(p) {
  if (!p || typeof p !== "object") return;
  if (!p.timeoutSeconds) p.timeoutSeconds = 1;
  if (!p.periodSeconds) p.periodSeconds = 10;
  if (!p.successThreshold) p.successThreshold = 1;
  if (!p.failureThreshold) p.failureThreshold = 3;
  if (p.httpGet && typeof p.httpGet === "object") {
    if (!p.httpGet.path) p.httpGet.path = "/";
    if (!p.httpGet.scheme) p.httpGet.scheme = "HTTP";
  }
  if (p.grpc && typeof p.grpc === "object" && p.grpc.service === void 0) p.grpc.service = "";
}
function defaultLifecycleHandler(h) {
  if (h?.httpGet && typeof h.httpGet === "object") {
    if (!h.httpGet.path) h.httpGet.path = "/";
    if (!h.httpGet.scheme) h.httpGet.scheme = "HTTP";
  }
}
function defaultEnv(env) {
  for (const e of Array.isArray(env) ? env : []) {
    if (e?.valueFrom?.fieldRef && !e.valueFrom.fieldRef.apiVersion) e.valueFrom.fieldRef.apiVersion = "v1";
  }
}
function defaultContainer(c, path) {
  if (!c || typeof c !== "object") return;
  if (!c.imagePullPolicy) {
    const ref = typeof c.image === "string" ? parseImageName(c.image) : void 0;
    c.imagePullPolicy = ref?.tag === "latest" ? "Always" : "IfNotPresent";
  }
  if (!c.terminationMessagePath) c.terminationMessagePath = TERMINATION_MESSAGE_PATH_DEFAULT;
  if (!c.terminationMessagePolicy) c.terminationMessagePolicy = "File";
  if (Array.isArray(c.ports)) {
    for (const p of c.ports) {
      if (!p || typeof p !== "object") continue;
      if (!p.protocol) p.protocol = "TCP";
    }
  }
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
  defaultLifecycleHandler(c.lifecycle?.postStart);
  defaultLifecycleHandler(c.lifecycle?.preStop);
  defaultEnv(c.env);
  if (!c.resources || typeof c.resources !== "object") c.resources = {};
  defaultResourceList(c.resources.limits, `${path}.resources.limits`);
  defaultResourceList(c.resources.requests, `${path}.resources.requests`);
}
function defaultVolume(v) {
  if (!v || typeof v !== "object") return;
  if (!VOLUME_SOURCES.some((s) => v[s] !== void 0 && v[s] !== null)) v.emptyDir = {};
  for (const src of ["secret", "configMap", "downwardAPI", "projected"]) {
    if (v[src] && typeof v[src] === "object" && v[src].defaultMode === void 0) v[src].defaultMode = DEFAULT_MODE;
  }
  if (v.hostPath && typeof v.hostPath === "object" && v.hostPath.type === void 0) v.hostPath.type = "";
  if (v.iscsi && typeof v.iscsi === "object" && !v.iscsi.iscsiInterface) v.iscsi.iscsiInterface = "default";
  if (v.downwardAPI && Array.isArray(v.downwardAPI.items)) {
    for (const it of v.downwardAPI.items) if (it?.fieldRef && !it.fieldRef.apiVersion) it.fieldRef.apiVersion = "v1";
  }
}
function defaultPodSpec(spec, path) {
  if (!spec || typeof spec !== "object") return;
  if (!spec.dnsPolicy) spec.dnsPolicy = "ClusterFirst";
  if (!spec.restartPolicy) spec.restartPolicy = "Always";
  if (!spec.securityContext) spec.securityContext = {};
  if (spec.terminationGracePeriodSeconds === void 0 || spec.terminationGracePeriodSeconds === null) {
    spec.terminationGracePeriodSeconds = DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS;
  }
  if (!spec.schedulerName) spec.schedulerName = DEFAULT_SCHEDULER_NAME;
  for (const field of ["initContainers", "containers", "ephemeralContainers"]) {
    const list = spec[field];
    if (Array.isArray(list)) list.forEach((c, i) => defaultContainer(c, `${path}.${field}[${i}]`));
  }
  if (Array.isArray(spec.volumes)) spec.volumes.forEach(defaultVolume);
  defaultResourceList(spec.overhead, `${path}.overhead`);
}
function defaultPod(pod) {
  pod.spec = pod.spec ?? {};
  const spec = pod.spec;
  defaultPodSpec(spec, "spec");
  for (const field of ["containers", "initContainers"]) {
    for (const c of Array.isArray(spec[field]) ? spec[field] : []) {
      const lim = c?.resources?.limits;
      if (lim && typeof lim === "object") {
        c.resources.requests = c.resources.requests ?? {};
        for (const k of Object.keys(lim)) if (!(k in c.resources.requests)) c.resources.requests[k] = lim[k];
      }
      const req = c?.resources?.requests;
      if (field === "containers" && req && typeof req === "object") {
        const given = new Set((Array.isArray(c.resizePolicy) ? c.resizePolicy : []).map((p) => p?.resourceName));
        for (const r of ["cpu", "memory"]) {
          if (r in req && !given.has(r)) c.resizePolicy = [...c.resizePolicy ?? [], { resourceName: r, restartPolicy: "NotRequired" }];
        }
      }
    }
  }
  if (spec.enableServiceLinks === void 0 || spec.enableServiceLinks === null) spec.enableServiceLinks = true;
  if (spec.hostNetwork === true) {
    for (const field of ["containers", "initContainers"]) {
      for (const c of Array.isArray(spec[field]) ? spec[field] : []) {
        for (const p of Array.isArray(c?.ports) ? c.ports : []) if (p && !p.hostPort) p.hostPort = p.containerPort;
      }
    }
  }
}
function base64(text) {
  let bin = "";
  for (const b of new TextEncoder().encode(text)) bin += String.fromCharCode(b);
  return btoa(bin);
}
function defaultSecret(secret) {
  if (!secret.type) secret.type = "Opaque";
  if (secret.stringData && typeof secret.stringData === "object") {
    secret.data = { ...secret.data ?? {} };
    for (const [k, v] of Object.entries(secret.stringData)) secret.data[k] = base64(String(v));
    delete secret.stringData;
  }
}
function defaultEndpoints(ep) {
  for (const ss of Array.isArray(ep.subsets) ? ep.subsets : []) {
    for (const p of Array.isArray(ss?.ports) ? ss.ports : []) if (p && !p.protocol) p.protocol = "TCP";
  }
}
function defaultPodTemplate(t, path) {
  if (!t || typeof t !== "object") return;
  defaultPodSpec(t.spec, `${path}.spec`);
}
function defaultService(svc) {
  svc.spec = svc.spec ?? {};
  const s = svc.spec;
  if (!s.sessionAffinity) s.sessionAffinity = "None";
  if (s.sessionAffinity === "None") delete s.sessionAffinityConfig;
  if (s.sessionAffinity === "ClientIP" && s.sessionAffinityConfig?.clientIP?.timeoutSeconds === void 0) {
    s.sessionAffinityConfig = { clientIP: { timeoutSeconds: DEFAULT_CLIENT_IP_SERVICE_AFFINITY_SECONDS } };
  }
  if (!s.type) s.type = "ClusterIP";
  for (const p of Array.isArray(s.ports) ? s.ports : []) {
    if (!p || typeof p !== "object") continue;
    if (!p.protocol) p.protocol = "TCP";
    if (p.targetPort === void 0 || p.targetPort === 0 || p.targetPort === "") p.targetPort = p.port;
  }
  const externallyAccessible = s.type === "LoadBalancer" || s.type === "NodePort" || s.type === "ClusterIP" && Array.isArray(s.externalIPs) && s.externalIPs.length > 0;
  if (externallyAccessible && !s.externalTrafficPolicy) s.externalTrafficPolicy = "Cluster";
  if (!s.internalTrafficPolicy && (s.type === "NodePort" || s.type === "LoadBalancer" || s.type === "ClusterIP")) {
    s.internalTrafficPolicy = "Cluster";
  }
  if (s.type === "LoadBalancer" && s.allocateLoadBalancerNodePorts === void 0) s.allocateLoadBalancerNodePorts = true;
}
function defaultNamespace(ns) {
  if (ns.metadata.name) ns.metadata.labels = { ...ns.metadata.labels ?? {}, "kubernetes.io/metadata.name": ns.metadata.name };
}
function defaultNode(node) {
  const st = node.status;
  if (st && typeof st === "object") {
    defaultResourceList(st.capacity, "status.capacity");
    if (st.allocatable === void 0 && st.capacity) st.allocatable = { ...st.capacity };
    defaultResourceList(st.allocatable, "status.allocatable");
  }
}
function defaultPersistentVolumeClaim(pvc) {
  pvc.spec = pvc.spec ?? {};
  if (!pvc.spec.volumeMode) pvc.spec.volumeMode = "Filesystem";
  defaultResourceList(pvc.spec.resources?.requests, "spec.resources.requests");
  defaultResourceList(pvc.spec.resources?.limits, "spec.resources.limits");
}
function defaultLimitRange(lr) {
  (lr.spec?.limits ?? []).forEach((l, i) => {
    for (const f of ["max", "min", "default", "defaultRequest", "maxLimitRequestRatio"]) defaultResourceList(l?.[f], `spec.limits[${i}].${f}`);
    if (l?.type === "Container") {
      l.default = l.default ?? {};
      for (const k of Object.keys(l.max ?? {})) if (!(k in l.default)) l.default[k] = l.max[k];
      l.defaultRequest = l.defaultRequest ?? {};
      for (const k of Object.keys(l.default)) if (!(k in l.defaultRequest)) l.defaultRequest[k] = l.default[k];
      for (const k of Object.keys(l.min ?? {})) if (!(k in l.defaultRequest)) l.defaultRequest[k] = l.min[k];
      if (!Object.keys(l.default).length) delete l.default;
      if (!Object.keys(l.defaultRequest).length) delete l.defaultRequest;
    }
  });
}
function defaultResourceQuota(q3) {
  defaultResourceList(q3.spec?.hard, "spec.hard");
}

// src/engine/api/defaults/apps.ts
function defaultDeployment(d) {
  d.spec = d.spec ?? {};
  const s = d.spec;
  if (s.replicas === void 0 || s.replicas === null) s.replicas = 1;
  s.strategy = s.strategy ?? {};
  if (!s.strategy.type) s.strategy.type = "RollingUpdate";
  if (s.strategy.type === "RollingUpdate") {
    s.strategy.rollingUpdate = s.strategy.rollingUpdate ?? {};
    if (s.strategy.rollingUpdate.maxUnavailable === void 0 || s.strategy.rollingUpdate.maxUnavailable === null) {
      s.strategy.rollingUpdate.maxUnavailable = "25%";
    }
    if (s.strategy.rollingUpdate.maxSurge === void 0 || s.strategy.rollingUpdate.maxSurge === null) {
      s.strategy.rollingUpdate.maxSurge = "25%";
    }
  }
  if (s.revisionHistoryLimit === void 0 || s.revisionHistoryLimit === null) s.revisionHistoryLimit = 10;
  if (s.progressDeadlineSeconds === void 0 || s.progressDeadlineSeconds === null) s.progressDeadlineSeconds = 600;
  defaultPodTemplate(s.template, "spec.template");
}
function defaultReplicaSet(rs) {
  rs.spec = rs.spec ?? {};
  if (rs.spec.replicas === void 0 || rs.spec.replicas === null) rs.spec.replicas = 1;
  defaultPodTemplate(rs.spec.template, "spec.template");
}
function defaultStatefulSet(ss) {
  ss.spec = ss.spec ?? {};
  const s = ss.spec;
  if (!s.podManagementPolicy) s.podManagementPolicy = "OrderedReady";
  s.updateStrategy = s.updateStrategy ?? {};
  if (!s.updateStrategy.type) {
    s.updateStrategy.type = "RollingUpdate";
    s.updateStrategy.rollingUpdate = s.updateStrategy.rollingUpdate ?? {};
  }
  const ru = s.updateStrategy.rollingUpdate;
  if (s.updateStrategy.type === "RollingUpdate" && ru && typeof ru === "object") {
    if (ru.partition === void 0 || ru.partition === null) ru.partition = 0;
    if (ru.maxUnavailable === void 0 || ru.maxUnavailable === null) ru.maxUnavailable = 1;
  }
  s.persistentVolumeClaimRetentionPolicy = s.persistentVolumeClaimRetentionPolicy ?? {};
  if (!s.persistentVolumeClaimRetentionPolicy.whenDeleted) s.persistentVolumeClaimRetentionPolicy.whenDeleted = "Retain";
  if (!s.persistentVolumeClaimRetentionPolicy.whenScaled) s.persistentVolumeClaimRetentionPolicy.whenScaled = "Retain";
  if (s.replicas === void 0 || s.replicas === null) s.replicas = 1;
  if (s.revisionHistoryLimit === void 0 || s.revisionHistoryLimit === null) s.revisionHistoryLimit = 10;
  defaultPodTemplate(s.template, "spec.template");
  for (const pvc of Array.isArray(s.volumeClaimTemplates) ? s.volumeClaimTemplates : []) {
    if (pvc?.spec && !pvc.spec.volumeMode) pvc.spec.volumeMode = "Filesystem";
  }
}
function defaultDaemonSet(ds) {
  ds.spec = ds.spec ?? {};
  const s = ds.spec;
  s.updateStrategy = s.updateStrategy ?? {};
  if (!s.updateStrategy.type) s.updateStrategy.type = "RollingUpdate";
  if (s.updateStrategy.type === "RollingUpdate") {
    s.updateStrategy.rollingUpdate = s.updateStrategy.rollingUpdate ?? {};
    const ru = s.updateStrategy.rollingUpdate;
    if (ru.maxUnavailable === void 0 || ru.maxUnavailable === null) ru.maxUnavailable = 1;
    if (ru.maxSurge === void 0 || ru.maxSurge === null) ru.maxSurge = 0;
  }
  if (s.revisionHistoryLimit === void 0 || s.revisionHistoryLimit === null) s.revisionHistoryLimit = 10;
  defaultPodTemplate(s.template, "spec.template");
}

// src/engine/api/defaults/autoscaling.ts
var DEFAULT_CPU_UTILIZATION = 80;
function scaleUpRules(r) {
  const def = {
    stabilizationWindowSeconds: 0,
    selectPolicy: "Max",
    policies: [
      { type: "Pods", value: 4, periodSeconds: 15 },
      { type: "Percent", value: 100, periodSeconds: 15 }
    ]
  };
  if (!r) return def;
  if (!r.selectPolicy) r.selectPolicy = def.selectPolicy;
  if (!r.policies) r.policies = def.policies;
  if (r.stabilizationWindowSeconds === void 0 || r.stabilizationWindowSeconds === null) r.stabilizationWindowSeconds = 0;
  return r;
}
function scaleDownRules(r) {
  const def = { selectPolicy: "Max", policies: [{ type: "Percent", value: 100, periodSeconds: 15 }] };
  if (!r) return def;
  if (!r.selectPolicy) r.selectPolicy = def.selectPolicy;
  if (!r.policies) r.policies = def.policies;
  return r;
}
function defaultHorizontalPodAutoscaler(hpa) {
  hpa.spec = hpa.spec ?? {};
  const s = hpa.spec;
  if (s.minReplicas === void 0 || s.minReplicas === null) s.minReplicas = 1;
  if (!Array.isArray(s.metrics) || s.metrics.length === 0) {
    s.metrics = [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: DEFAULT_CPU_UTILIZATION } } }];
  }
  if (s.behavior && typeof s.behavior === "object") {
    s.behavior.scaleUp = scaleUpRules(s.behavior.scaleUp);
    s.behavior.scaleDown = scaleDownRules(s.behavior.scaleDown);
  }
}
function defaultPriorityClass(pc) {
  if (!pc.preemptionPolicy) pc.preemptionPolicy = "PreemptLowerPriority";
}

// src/engine/api/defaults/batch.ts
var MAX_INT32 = 2147483647;
function defaultJob(job) {
  job.spec = job.spec ?? {};
  const s = job.spec;
  const unset = (v) => v === void 0 || v === null;
  if (unset(s.completions) && unset(s.parallelism)) {
    s.completions = 1;
    s.parallelism = 1;
  }
  if (unset(s.parallelism)) s.parallelism = 1;
  if (unset(s.backoffLimit)) s.backoffLimit = unset(s.backoffLimitPerIndex) ? 6 : MAX_INT32;
  const tl = s.template?.metadata?.labels;
  if (tl && Object.keys(job.metadata.labels ?? {}).length === 0) job.metadata.labels = { ...tl };
  if (!s.completionMode) s.completionMode = "NonIndexed";
  if (unset(s.suspend)) s.suspend = false;
  for (const rule of s.podFailurePolicy?.rules ?? []) {
    for (const pattern of rule?.onPodConditions ?? []) if (pattern && !pattern.status) pattern.status = "True";
  }
  if (!s.podReplacementPolicy) s.podReplacementPolicy = s.podFailurePolicy ? "Failed" : "TerminatingOrFailed";
  defaultPodTemplate(s.template, "spec.template");
}
function defaultCronJob(cj) {
  cj.spec = cj.spec ?? {};
  const s = cj.spec;
  if (!s.concurrencyPolicy) s.concurrencyPolicy = "Allow";
  if (s.suspend === void 0 || s.suspend === null) s.suspend = false;
  if (s.successfulJobsHistoryLimit === void 0 || s.successfulJobsHistoryLimit === null) s.successfulJobsHistoryLimit = 3;
  if (s.failedJobsHistoryLimit === void 0 || s.failedJobsHistoryLimit === null) s.failedJobsHistoryLimit = 1;
  defaultPodTemplate(s.jobTemplate?.spec?.template, "spec.jobTemplate.spec.template");
}

// src/engine/api/defaults/typeCheck.ts
function jsonKind(v) {
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return Number.isInteger(v) ? "number" : `number ${v}`;
  if (Array.isArray(v)) return "array";
  return "object";
}
function fits(v, t) {
  switch (t) {
    case "int32":
      return typeof v === "number" && Number.isInteger(v) && v >= -2147483648 && v <= 2147483647;
    case "int64":
      return typeof v === "number" && Number.isInteger(v);
    case "string":
      return typeof v === "string";
    case "bool":
      return typeof v === "boolean";
    default:
      return Array.isArray(v);
  }
}
function check(v, struct, fieldPath, t) {
  if (v === void 0 || v === null || fits(v, t)) return;
  const goPath = fieldPath.replace(/\[\d+\]/g, "");
  const what = jsonKind(v);
  const value = (t === "int32" || t === "int64") && typeof v === "number" ? `number ${v}` : what;
  throw new DecodeError(fieldPath, v, `json: cannot unmarshal ${value} into Go struct field ${struct}.${goPath} of type ${t}`);
}
function checkPodSpec(spec, path) {
  if (!spec || typeof spec !== "object") return;
  check(spec.terminationGracePeriodSeconds, "PodSpec", `${path}.terminationGracePeriodSeconds`, "int64");
  check(spec.activeDeadlineSeconds, "PodSpec", `${path}.activeDeadlineSeconds`, "int64");
  for (const field of ["containers", "initContainers"]) {
    check(spec[field], "PodSpec", `${path}.${field}`, "[]v1.Container");
    (Array.isArray(spec[field]) ? spec[field] : []).forEach((c, i) => {
      const p = `${path}.${field}[${i}]`;
      check(c?.name, "Container", `${p}.name`, "string");
      check(c?.image, "Container", `${p}.image`, "string");
      check(c?.ports, "Container", `${p}.ports`, "[]v1.ContainerPort");
      (Array.isArray(c?.ports) ? c.ports : []).forEach((port, j) => {
        check(port?.containerPort, "ContainerPort", `${p}.ports[${j}].containerPort`, "int32");
        check(port?.hostPort, "ContainerPort", `${p}.ports[${j}].hostPort`, "int32");
      });
      for (const probe2 of ["livenessProbe", "readinessProbe", "startupProbe"]) {
        for (const f of ["initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold"]) {
          check(c?.[probe2]?.[f], "Probe", `${p}.${probe2}.${f}`, "int32");
        }
      }
    });
  }
}
var WORKLOAD_INTS = {
  Deployment: ["DeploymentSpec", ["replicas", "minReadySeconds", "revisionHistoryLimit", "progressDeadlineSeconds"]],
  ReplicaSet: ["ReplicaSetSpec", ["replicas", "minReadySeconds"]],
  StatefulSet: ["StatefulSetSpec", ["replicas", "minReadySeconds", "revisionHistoryLimit"]],
  DaemonSet: ["DaemonSetSpec", ["minReadySeconds", "revisionHistoryLimit"]],
  Job: ["JobSpec", ["parallelism", "completions", "backoffLimit"]]
};
function checkTypes(obj) {
  const s = obj.spec;
  if (!s || typeof s !== "object") return;
  const w = WORKLOAD_INTS[obj.kind];
  if (w) for (const f of w[1]) check(s[f], w[0], `spec.${f}`, "int32");
  if (obj.kind === "Pod") checkPodSpec(s, "spec");
  else if (obj.kind === "CronJob") checkPodSpec(s.jobTemplate?.spec?.template?.spec, "spec.jobTemplate.spec.template.spec");
  else if (s.template) checkPodSpec(s.template.spec, "spec.template.spec");
  if (obj.kind === "Service") {
    check(s.ports, "ServiceSpec", "spec.ports", "[]v1.ServicePort");
    (Array.isArray(s.ports) ? s.ports : []).forEach((p, i) => {
      check(p?.port, "ServicePort", `spec.ports[${i}].port`, "int32");
      check(p?.nodePort, "ServicePort", `spec.ports[${i}].nodePort`, "int32");
    });
  }
}

// src/engine/api/defaults/index.ts
var DEFAULTERS = {
  Pod: defaultPod,
  Service: defaultService,
  Secret: defaultSecret,
  Endpoints: defaultEndpoints,
  Namespace: defaultNamespace,
  Node: defaultNode,
  PersistentVolumeClaim: defaultPersistentVolumeClaim,
  LimitRange: defaultLimitRange,
  ResourceQuota: defaultResourceQuota,
  Deployment: defaultDeployment,
  ReplicaSet: defaultReplicaSet,
  StatefulSet: defaultStatefulSet,
  DaemonSet: defaultDaemonSet,
  Job: defaultJob,
  CronJob: defaultCronJob,
  HorizontalPodAutoscaler: defaultHorizontalPodAutoscaler,
  PriorityClass: defaultPriorityClass
};
function applyDefaults(obj) {
  const fn = DEFAULTERS[obj.kind];
  try {
    checkTypes(obj);
    fn?.(obj);
  } catch (e) {
    if (e instanceof DecodeError) throw decodeFailure(obj, e);
    throw e;
  }
}
function installDefaulting(chain) {
  chain.addMutating("SchemeDefaults", (obj) => applyDefaults(obj));
}

// src/engine/api/qos.ts
var QOS_RESOURCES = /* @__PURE__ */ new Set(["cpu", "memory"]);
function positive(v) {
  try {
    const q3 = parseQuantity(v);
    return q3.sign() > 0 ? q3 : void 0;
  } catch {
    return void 0;
  }
}
function computePodQOS(pod) {
  const requests = /* @__PURE__ */ new Map();
  const limits = /* @__PURE__ */ new Map();
  let isGuaranteed = true;
  const all = [...pod.spec?.containers ?? [], ...pod.spec?.initContainers ?? []];
  for (const c of all) {
    for (const [name, v] of Object.entries(c.resources?.requests ?? {})) {
      if (!QOS_RESOURCES.has(name)) continue;
      const q3 = positive(v);
      if (q3) requests.set(name, requests.has(name) ? requests.get(name).add(q3) : q3);
    }
    const found = /* @__PURE__ */ new Set();
    for (const [name, v] of Object.entries(c.resources?.limits ?? {})) {
      if (!QOS_RESOURCES.has(name)) continue;
      const q3 = positive(v);
      if (q3) {
        found.add(name);
        limits.set(name, limits.has(name) ? limits.get(name).add(q3) : q3);
      }
    }
    if (!found.has("cpu") || !found.has("memory")) isGuaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return "BestEffort";
  if (isGuaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || lim.cmp(req) !== 0) {
        isGuaranteed = false;
        break;
      }
    }
  }
  return isGuaranteed && requests.size === limits.size ? "Guaranteed" : "Burstable";
}

// src/engine/api/strategy/prepareForCreate.ts
var INITIAL_STATUS = {
  Deployment: () => ({}),
  ReplicaSet: () => ({ replicas: 0 }),
  StatefulSet: () => ({ availableReplicas: 0, replicas: 0 }),
  DaemonSet: () => ({ currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 }),
  Job: () => ({}),
  CronJob: () => ({}),
  HorizontalPodAutoscaler: () => ({ desiredReplicas: 0 }),
  PodDisruptionBudget: () => ({ currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 }),
  PersistentVolumeClaim: () => ({ phase: "Pending" }),
  ResourceQuota: () => ({}),
  Service: () => ({ loadBalancer: {} })
};
var JOB_NAME_LABELS = ["job-name", "batch.kubernetes.io/job-name"];
var CONTROLLER_UID_LABELS = ["controller-uid", "batch.kubernetes.io/controller-uid"];
function preparePod(pod, now) {
  pod.status = { phase: "Pending", qosClass: computePodQOS(pod) };
  if (Array.isArray(pod.spec?.schedulingGates) && pod.spec.schedulingGates.length > 0) {
    pod.status.conditions = [
      {
        type: "PodScheduled",
        status: "False",
        lastProbeTime: null,
        lastTransitionTime: now,
        reason: "SchedulingGated",
        message: "Scheduling is blocked due to non-empty scheduling gates"
      }
    ];
  }
}
function prepareJob(job) {
  const s = job.spec;
  if (s?.manualSelector !== true && s) {
    s.template = s.template ?? {};
    s.template.metadata = s.template.metadata ?? {};
    const labels = s.template.metadata.labels = s.template.metadata.labels ?? {};
    for (const l of JOB_NAME_LABELS) if (!(l in labels)) labels[l] = job.metadata.name;
    for (const l of CONTROLLER_UID_LABELS) if (!(l in labels)) labels[l] = job.metadata.uid;
    s.selector = s.selector ?? {};
    s.selector.matchLabels = s.selector.matchLabels ?? {};
    if (!("batch.kubernetes.io/controller-uid" in s.selector.matchLabels)) {
      s.selector.matchLabels["batch.kubernetes.io/controller-uid"] = job.metadata.uid;
    }
    if (Object.keys(job.metadata.labels ?? {}).length === 0) job.metadata.labels = { ...labels };
  }
}
function prepareNamespace(ns) {
  ns.status = { phase: "Active" };
  ns.spec = ns.spec ?? {};
  const f = Array.isArray(ns.spec.finalizers) ? ns.spec.finalizers : [];
  if (!f.includes("kubernetes")) ns.spec.finalizers = [...f, "kubernetes"];
}
var GENERATION_KINDS = /* @__PURE__ */ new Set(["Pod", "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob", "HorizontalPodAutoscaler", "PodDisruptionBudget"]);
function prepareForCreate(obj, now) {
  if (!GENERATION_KINDS.has(obj.kind)) delete obj.metadata.generation;
  switch (obj.kind) {
    case "Pod":
      preparePod(obj, now);
      return;
    case "Namespace":
      prepareNamespace(obj);
      return;
    case "Job":
      prepareJob(obj);
      break;
  }
  const init = INITIAL_STATUS[obj.kind];
  if (init) obj.status = init();
}

// src/engine/api/validation/goValue.ts
function goQuote(s) {
  return JSON.stringify(s);
}
function goStringMap(m) {
  if (!m) return "map[string]string(nil)";
  const keys = Object.keys(m).sort();
  return `map[string]string{${keys.map((k) => `${goQuote(k)}:${goQuote(String(m[k]))}`).join(", ")}}`;
}
function goIntOrString(v) {
  if (typeof v === "string") return `intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(v)}}`;
  const n2 = typeof v === "number" ? v : 0;
  return `intstr.IntOrString{Type:0, IntVal:${n2}, StrVal:""}`;
}
function goStringSlice(v) {
  if (!Array.isArray(v)) return "[]string(nil)";
  return `[]string{${v.map((x) => goQuote(String(x))).join(", ")}}`;
}
function goLabelSelector(sel) {
  if (sel === null || sel === void 0) return "null";
  const exprs = Array.isArray(sel.matchExpressions) ? `[]v1.LabelSelectorRequirement{${sel.matchExpressions.map((e) => `v1.LabelSelectorRequirement{Key:${goQuote(e?.key ?? "")}, Operator:${goQuote(e?.operator ?? "")}, Values:${goStringSlice(e?.values)}}`).join(", ")}}` : "[]v1.LabelSelectorRequirement(nil)";
  return `v1.LabelSelector{MatchLabels:${goStringMap(sel.matchLabels)}, MatchExpressions:${exprs}}`;
}
function goSlice(v) {
  return goStringSlice(v);
}
function invalidGo(field, value, rendered, detail) {
  return { type: "FieldValueInvalid", field, value, omitValue: true, detail: detail ? `${rendered}: ${detail}` : rendered };
}
function goInt64Ptr(v) {
  return typeof v === "number" ? `(*int64)(${v})` : "(*int64)(nil)";
}
function goToleration(t) {
  return `core.Toleration{Key:${goQuote(t?.key ?? "")}, Operator:${goQuote(t?.operator ?? "")}, Value:${goQuote(t?.value ?? "")}, Effect:${goQuote(t?.effect ?? "")}, TolerationSeconds:${goInt64Ptr(t?.tolerationSeconds)}}`;
}
function goTaint(t) {
  return `core.Taint{Key:${goQuote(t?.key ?? "")}, Value:${goQuote(t?.value ?? "")}, Effect:${goQuote(t?.effect ?? "")}, TimeAdded:(*v1.Time)(nil)}`;
}
function goServicePortKey(protocol, port) {
  return `core.ServicePort{Name:"", Protocol:${goQuote(protocol ?? "")}, AppProtocol:(*string)(nil), Port:${port ?? 0}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`;
}

// src/engine/api/strategy/serviceAllocation.ts
var SERVICE_CIDR = "10.96.0.0/12";
var BASE = 10 << 24 | 96 << 16;
var SIZE = 1 << 20;
var STATIC_BAND = Math.min(Math.max(16, SIZE / 16), 256);
var NODE_PORT_RANGE = { base: 3e4, size: 2768 };
function ipToString(n2) {
  return [n2 >>> 24 & 255, n2 >>> 16 & 255, n2 >>> 8 & 255, n2 & 255].join(".");
}
function parseIPv4(s) {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return void 0;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return void 0;
  return (parts[0] << 24 | parts[1] << 16 | parts[2] << 8 | parts[3]) >>> 0;
}
function usedIPs(ctx, self) {
  const used = /* @__PURE__ */ new Set();
  for (const s of ctx.list("Service")) {
    if (s.metadata.uid === self.metadata.uid) continue;
    for (const ip of s.spec?.clusterIPs ?? (s.spec?.clusterIP ? [s.spec.clusterIP] : [])) used.add(ip);
  }
  return used;
}
function usedNodePorts(ctx, self) {
  const used = /* @__PURE__ */ new Set();
  for (const s of ctx.list("Service")) {
    if (s.metadata.uid === self.metadata.uid) continue;
    for (const p of s.spec?.ports ?? []) if (p.nodePort) used.add(p.nodePort);
  }
  return used;
}
function allocateIP(svc, used) {
  const dynamic = SIZE - 2 - STATIC_BAND;
  const start = fnv32aString(`${svc.metadata.uid}/clusterIP`) % dynamic;
  for (let i = 0; i < dynamic; i++) {
    const ip = ipToString(BASE + 1 + STATIC_BAND + (start + i) % dynamic >>> 0);
    if (!used.has(ip)) return ip;
  }
  throw invalid("Service", "", svc.metadata.name, [
    { type: "FieldValueInvalid", field: "spec.clusterIPs", value: [], detail: "failed to allocate IP: range is full" }
  ]);
}
function allocateNodePort(svc, idx, used) {
  const start = fnv32aString(`${svc.metadata.uid}/nodePort/${idx}`) % NODE_PORT_RANGE.size;
  for (let i = 0; i < NODE_PORT_RANGE.size; i++) {
    const p = NODE_PORT_RANGE.base + (start + i) % NODE_PORT_RANGE.size;
    if (!used.has(p)) return p;
  }
  throw invalid("Service", "", svc.metadata.name, [
    { type: "FieldValueInvalid", field: `spec.ports[${idx}].nodePort`, value: 0, detail: "range is full" }
  ]);
}
var NODE_PORT_TYPES = /* @__PURE__ */ new Set(["NodePort", "LoadBalancer"]);
function wantsNodePorts(s) {
  return s.type === "NodePort" || s.type === "LoadBalancer" && s.allocateLoadBalancerNodePorts !== false;
}
function updateAddresses(svc, old, ctx) {
  const s = svc.spec;
  const os = old.spec ?? {};
  if (s.type === "ExternalName") {
    if (os.type !== "ExternalName" && (s.clusterIP === os.clusterIP || !s.clusterIP)) {
      delete s.clusterIP;
      delete s.clusterIPs;
      delete s.ipFamilies;
      delete s.ipFamilyPolicy;
    }
  } else if (!s.clusterIP && os.clusterIP) {
    s.clusterIP = os.clusterIP;
    s.clusterIPs = os.clusterIPs;
    if (!s.ipFamilies && os.ipFamilies) s.ipFamilies = os.ipFamilies;
    if (!s.ipFamilyPolicy && os.ipFamilyPolicy) s.ipFamilyPolicy = os.ipFamilyPolicy;
  }
  const external = (x) => NODE_PORT_TYPES.has(x.type) || x.type === "ClusterIP" && (x.externalIPs ?? []).length > 0;
  if (external(os) && !external(s) && s.externalTrafficPolicy === os.externalTrafficPolicy) delete s.externalTrafficPolicy;
  const oldPorts = os.ports ?? [];
  const sameAsOld = (p) => oldPorts.find((o) => o.port === p.port && (o.protocol ?? "TCP") === (p.protocol ?? "TCP"));
  for (const p of s.ports ?? []) {
    if (!p || typeof p !== "object") continue;
    const was = sameAsOld(p);
    if (!NODE_PORT_TYPES.has(s.type)) {
      if (p.nodePort && NODE_PORT_TYPES.has(os.type) && was?.nodePort === p.nodePort) delete p.nodePort;
    } else if (!p.nodePort && was?.nodePort && NODE_PORT_TYPES.has(os.type)) {
      p.nodePort = was.nodePort;
    }
  }
  if (wantsNodePorts(s)) {
    const used = usedNodePorts(ctx, svc);
    (s.ports ?? []).forEach((p, i) => {
      if (p && typeof p === "object" && !p.nodePort) {
        p.nodePort = allocateNodePort(svc, i, used);
        used.add(p.nodePort);
      }
    });
  }
}
function allocateServiceAddresses(svc, old, ctx) {
  const s = svc.spec;
  if (!s || typeof s !== "object") return;
  if (old) {
    updateAddresses(svc, old, ctx);
    return;
  }
  if (s.type === "ExternalName") return;
  const errs = [];
  const requested = s.clusterIP || s.clusterIPs?.[0];
  if (requested === "None") {
    s.clusterIP = "None";
    s.clusterIPs = ["None"];
  } else if (requested) {
    const n2 = parseIPv4(requested);
    const inRange = n2 !== void 0 && n2 > BASE >>> 0 && n2 < BASE + SIZE - 1 >>> 0;
    if (!inRange) {
      errs.push(
        invalidGo("spec.clusterIPs", [requested], goSlice([requested]), `failed to allocate IP ${requested}: the provided IP (${requested}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`)
      );
    } else if (usedIPs(ctx, svc).has(requested)) {
      errs.push(invalidGo("spec.clusterIPs", [requested], goSlice([requested]), `failed to allocate IP ${requested}: provided IP is already allocated`));
    } else {
      s.clusterIP = requested;
      s.clusterIPs = [requested];
    }
  } else {
    const ip = allocateIP(svc, usedIPs(ctx, svc));
    s.clusterIP = ip;
    s.clusterIPs = [ip];
  }
  if (!s.ipFamilies) s.ipFamilies = ["IPv4"];
  if (!s.ipFamilyPolicy) s.ipFamilyPolicy = "SingleStack";
  if (wantsNodePorts(s)) {
    const used = usedNodePorts(ctx, svc);
    (s.ports ?? []).forEach((p, i) => {
      if (!p || typeof p !== "object") return;
      if (p.nodePort) {
        if (used.has(p.nodePort)) {
          errs.push({ type: "FieldValueInvalid", field: `spec.ports[${i}].nodePort`, value: p.nodePort, detail: "provided port is already allocated" });
        } else if (p.nodePort < NODE_PORT_RANGE.base || p.nodePort >= NODE_PORT_RANGE.base + NODE_PORT_RANGE.size) {
          errs.push({
            type: "FieldValueInvalid",
            field: `spec.ports[${i}].nodePort`,
            value: p.nodePort,
            detail: `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_RANGE.base}-${NODE_PORT_RANGE.base + NODE_PORT_RANGE.size - 1}`
          });
        }
        used.add(p.nodePort);
      } else {
        p.nodePort = allocateNodePort(svc, i, used);
        used.add(p.nodePort);
      }
    });
  }
  if (errs.length) throw invalid("Service", "", svc.metadata.name, errs);
}

// src/engine/api/strategy/index.ts
function installStrategies(chain) {
  chain.addMutating("PrepareForCreate", (obj, old, ctx) => {
    if (ctx.op === "CREATE") prepareForCreate(obj, ctx.now);
    if (obj.kind === "Service") allocateServiceAddresses(obj, old, ctx);
  });
}

// src/engine/api/validation/names.ts
var qnameCharFmt = "[A-Za-z0-9]";
var qnameExtCharFmt = "[-A-Za-z0-9_.]";
var qualifiedNameFmt = `(${qnameCharFmt}${qnameExtCharFmt}*)?${qnameCharFmt}`;
var qualifiedNameErrMsg = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
var qualifiedNameMaxLength = 63;
var qualifiedNameRegexp = new RegExp(`^${qualifiedNameFmt}$`);
var labelValueFmt = `(${qualifiedNameFmt})?`;
var labelValueErrMsg = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
var LabelValueMaxLength = 63;
var labelValueRegexp = new RegExp(`^${labelValueFmt}$`);
var dns1123LabelFmt = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
var dns1123LabelErrMsg = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
var DNS1123LabelMaxLength = 63;
var dns1123LabelRegexp = new RegExp(`^${dns1123LabelFmt}$`);
var dns1123SubdomainFmt = `${dns1123LabelFmt}(\\.${dns1123LabelFmt})*`;
var dns1123SubdomainErrorMsg = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
var DNS1123SubdomainMaxLength = 253;
var dns1123SubdomainRegexp = new RegExp(`^${dns1123SubdomainFmt}$`);
var dns1035LabelFmt = "[a-z]([-a-z0-9]*[a-z0-9])?";
var dns1035LabelErrMsg = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
var DNS1035LabelMaxLength = 63;
var dns1035LabelRegexp = new RegExp(`^${dns1035LabelFmt}$`);
var cIdentifierFmt = "[A-Za-z_][A-Za-z0-9_]*";
var cIdentifierRegexp = new RegExp(`^${cIdentifierFmt}$`);
function maxLenError(length) {
  return `must be no more than ${length} characters`;
}
function emptyError() {
  return "must be non-empty";
}
function regexError(msg, fmt, ...examples) {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  let s = `${msg} (e.g. `;
  examples.forEach((e, i) => {
    if (i > 0) s += " or ";
    s += `'${e}', `;
  });
  return `${s}regex used for validation is '${fmt}')`;
}
var utf8 = new TextEncoder();
function byteLen(s) {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return utf8.encode(s).length;
  return s.length;
}
function isQualifiedName(value) {
  const errs = [];
  const parts = value.split("/");
  let name;
  switch (parts.length) {
    case 1:
      name = parts[0];
      break;
    case 2: {
      const prefix = parts[0];
      name = parts[1];
      if (prefix.length === 0) errs.push(`prefix part ${emptyError()}`);
      else for (const m of isDNS1123Subdomain(prefix)) errs.push(`prefix part ${m}`);
      break;
    }
    default:
      return [
        `a qualified name ${regexError(qualifiedNameErrMsg, qualifiedNameFmt, "MyName", "my.name", "123-abc")} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`
      ];
  }
  if (name.length === 0) errs.push(`name part ${emptyError()}`);
  else if (byteLen(name) > qualifiedNameMaxLength) errs.push(`name part ${maxLenError(qualifiedNameMaxLength)}`);
  if (!qualifiedNameRegexp.test(name)) {
    errs.push(`name part ${regexError(qualifiedNameErrMsg, qualifiedNameFmt, "MyName", "my.name", "123-abc")}`);
  }
  return errs;
}
function isValidLabelValue(value) {
  const errs = [];
  if (byteLen(value) > LabelValueMaxLength) errs.push(maxLenError(LabelValueMaxLength));
  if (!labelValueRegexp.test(value)) errs.push(regexError(labelValueErrMsg, labelValueFmt, "MyValue", "my_value", "12345"));
  return errs;
}
function isDNS1123Label(value) {
  const errs = [];
  if (byteLen(value) > DNS1123LabelMaxLength) errs.push(maxLenError(DNS1123LabelMaxLength));
  if (!dns1123LabelRegexp.test(value)) {
    if (dns1123SubdomainRegexp.test(value)) errs.push("must not contain dots");
    else errs.push(regexError(dns1123LabelErrMsg, dns1123LabelFmt, "my-name", "123-abc"));
  }
  return errs;
}
function isDNS1123Subdomain(value) {
  const errs = [];
  if (byteLen(value) > DNS1123SubdomainMaxLength) errs.push(maxLenError(DNS1123SubdomainMaxLength));
  if (!dns1123SubdomainRegexp.test(value)) errs.push(regexError(dns1123SubdomainErrorMsg, dns1123SubdomainFmt, "example.com"));
  return errs;
}
function isDNS1035Label(value) {
  const errs = [];
  if (byteLen(value) > DNS1035LabelMaxLength) errs.push(maxLenError(DNS1035LabelMaxLength));
  if (!dns1035LabelRegexp.test(value)) errs.push(regexError(dns1035LabelErrMsg, dns1035LabelFmt, "my-name", "abc-123"));
  return errs;
}
function isValidPortNum(port) {
  if (Number.isInteger(port) && port >= 1 && port <= 65535) return [];
  return ["must be between 1 and 65535, inclusive"];
}
var portNameCharsetRegex = /^[-a-z0-9]+$/;
var portNameOneLetterRegexp = /[a-z]/;
function isValidPortName(port) {
  const errs = [];
  if (byteLen(port) > 15) errs.push(maxLenError(15));
  if (!portNameCharsetRegex.test(port)) errs.push("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
  if (!portNameOneLetterRegexp.test(port)) errs.push("must contain at least one letter (a-z)");
  if (port.includes("--")) errs.push("must not contain consecutive hyphens");
  if (port.length > 0 && (port[0] === "-" || port[port.length - 1] === "-")) errs.push("must not begin or end with a hyphen");
  return errs;
}
function maskTrailingDash(name) {
  return name.length > 1 && name.endsWith("-") ? `${name.slice(0, -2)}a` : name;
}
var nameIsDNSSubdomain = (name, prefix) => isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);
var nameIsDNSLabel = (name, prefix) => isDNS1123Label(prefix ? maskTrailingDash(name) : name);
var nameIsDNS1035Label = (name, prefix) => isDNS1035Label(prefix ? maskTrailingDash(name) : name);

// src/engine/api/selector/requirement.ts
var VALID_OPERATORS = ["in", "notin", "=", "==", "!=", "exists", "!", "gt", "lt"];
function goFieldErrorString(e) {
  return e.field ? fieldErrorMessage(e) : `: ${fieldErrorMessage(e)}`;
}
function aggregate(errs) {
  const msgs = errs.map(goFieldErrorString);
  return msgs.length === 1 ? msgs[0] : `[${msgs.join(", ")}]`;
}
var SelectorError = class extends Error {
  constructor(message, causes = []) {
    super(message);
    this.causes = causes;
  }
  causes;
};
var GO_INT64 = /^[+-]?[0-9]+$/;
function parseInt64(s) {
  if (!GO_INT64.test(s)) return void 0;
  const v = BigInt(s);
  if (v > 9223372036854775807n || v < -9223372036854775808n) return void 0;
  return v;
}
function joinPath(path, child) {
  return path ? `${path}.${child}` : child;
}
var Requirement = class {
  constructor(key, operator, values) {
    this.key = key;
    this.operator = operator;
    this.values = values;
  }
  key;
  operator;
  values;
  matches(ls) {
    const has = Object.prototype.hasOwnProperty.call(ls, this.key);
    switch (this.operator) {
      case "in":
      case "=":
      case "==":
        return has && this.values.includes(ls[this.key]);
      case "notin":
      case "!=":
        return !has || !this.values.includes(ls[this.key]);
      case "exists":
        return has;
      case "!":
        return !has;
      case "gt":
      case "lt": {
        if (!has) return false;
        const lv = parseInt64(ls[this.key]);
        if (lv === void 0 || this.values.length !== 1) return false;
        const rv = parseInt64(this.values[0]);
        if (rv === void 0) return false;
        return this.operator === "gt" ? lv > rv : lv < rv;
      }
      default:
        return false;
    }
  }
  toString() {
    let s = this.operator === "!" ? "!" : "";
    s += this.key;
    switch (this.operator) {
      case "=":
        s += "=";
        break;
      case "==":
        s += "==";
        break;
      case "!=":
        s += "!=";
        break;
      case "in":
        s += " in ";
        break;
      case "notin":
        s += " notin ";
        break;
      case "gt":
        s += ">";
        break;
      case "lt":
        s += "<";
        break;
      case "exists":
      case "!":
        return s;
    }
    if (this.operator === "in" || this.operator === "notin") s += "(";
    s += this.values.length === 1 ? this.values[0] : [...this.values].sort().join(",");
    if (this.operator === "in" || this.operator === "notin") s += ")";
    return s;
  }
};
function newRequirement(key, op, vals, path = "") {
  const errs = [];
  const keyErrs = isQualifiedName(key);
  if (keyErrs.length) errs.push({ type: "FieldValueInvalid", field: joinPath(path, "key"), value: key, detail: keyErrs.join("; ") });
  const valuePath = joinPath(path, "values");
  switch (op) {
    case "in":
    case "notin":
      if (vals.length === 0) errs.push(invalidGo(valuePath, vals, goSlice(vals), "for 'in', 'notin' operators, values set can't be empty"));
      break;
    case "=":
    case "==":
    case "!=":
      if (vals.length !== 1) errs.push(invalidGo(valuePath, vals, goSlice(vals), "exact-match compatibility requires one single value"));
      break;
    case "exists":
    case "!":
      if (vals.length !== 0) errs.push(invalidGo(valuePath, vals, goSlice(vals), "values set must be empty for exists and does not exist"));
      break;
    case "gt":
    case "lt":
      if (vals.length !== 1) errs.push(invalidGo(valuePath, vals, goSlice(vals), "for 'Gt', 'Lt' operators, exactly one value is required"));
      vals.forEach((v, i) => {
        if (parseInt64(v) === void 0) {
          errs.push({ type: "FieldValueInvalid", field: `${valuePath}[${i}]`, value: v, detail: "for 'Gt', 'Lt' operators, the value must be an integer" });
        }
      });
      break;
    default:
      errs.push({
        type: "FieldValueNotSupported",
        field: joinPath(path, "operator"),
        value: op,
        detail: `supported values: ${VALID_OPERATORS.map((v) => JSON.stringify(v)).join(", ")}`
      });
  }
  vals.forEach((v, i) => {
    const m = isValidLabelValue(v);
    if (m.length) errs.push({ type: "FieldValueInvalid", field: `${valuePath}[${i}][${key}]`, value: v, detail: m.join("; ") });
  });
  if (errs.length) throw new SelectorError(aggregate(errs), errs);
  return new Requirement(key, op, [...new Set(vals)].sort());
}
var InternalSelector = class {
  constructor(requirements) {
    this.requirements = requirements;
  }
  requirements;
  matches(labels) {
    for (const r of this.requirements) if (!r.matches(labels)) return false;
    return true;
  }
  empty() {
    return this.requirements.length === 0;
  }
  toString() {
    return this.requirements.map((r) => r.toString()).join(",");
  }
};
var NOTHING = {
  matches: () => false,
  empty: () => false,
  toString: () => ""
};
function everything() {
  return new InternalSelector([]);
}
function byKey(a, b) {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

// src/engine/api/selector/parser.ts
var BINARY_OPERATORS = ["in", "notin", "=", "==", "!=", "gt", "lt"];
var STRING2TOKEN = {
  ")": "ClosedParToken",
  ",": "CommaToken",
  "!": "DoesNotExistToken",
  "==": "DoubleEqualsToken",
  "=": "EqualsToken",
  ">": "GreaterThanToken",
  in: "InToken",
  "<": "LessThanToken",
  "!=": "NotEqualsToken",
  notin: "NotInToken",
  "(": "OpenParToken"
};
function isWhitespace(ch) {
  return ch === " " || ch === "	" || ch === "\r" || ch === "\n";
}
function isSpecialSymbol(ch) {
  return ch === "=" || ch === "!" || ch === "(" || ch === ")" || ch === "," || ch === ">" || ch === "<";
}
var Lexer = class {
  constructor(s) {
    this.s = s;
  }
  s;
  pos = 0;
  read() {
    if (this.pos < this.s.length) return this.s[this.pos++];
    this.pos++;
    return "";
  }
  unread() {
    this.pos--;
  }
  lex() {
    let ch = this.read();
    while (isWhitespace(ch)) ch = this.read();
    if (ch === "") return ["EndOfStringToken", ""];
    this.unread();
    return isSpecialSymbol(ch) ? this.scanSpecialSymbol() : this.scanIDOrKeyword();
  }
  scanIDOrKeyword() {
    let buf = "";
    for (; ; ) {
      const ch = this.read();
      if (ch === "") break;
      if (isSpecialSymbol(ch) || isWhitespace(ch)) {
        this.unread();
        break;
      }
      buf += ch;
    }
    return [STRING2TOKEN[buf] ?? "IdentifierToken", buf];
  }
  scanSpecialSymbol() {
    let last;
    let buf = "";
    for (; ; ) {
      const ch = this.read();
      if (ch === "") break;
      if (isSpecialSymbol(ch)) {
        buf += ch;
        const t = STRING2TOKEN[buf];
        if (t) last = [t, buf];
        else if (last) {
          this.unread();
          break;
        }
      } else {
        this.unread();
        break;
      }
    }
    if (!last) return ["ErrorToken", `error expected: keyword found '${buf}'`];
    return last;
  }
};
var Parser = class {
  constructor(lexer) {
    this.lexer = lexer;
  }
  lexer;
  items = [];
  position = 0;
  lookahead(ctx) {
    const [t, l] = this.items[this.position];
    return [ctx === "Values" && (t === "InToken" || t === "NotInToken") ? "IdentifierToken" : t, l];
  }
  consume(ctx) {
    this.position++;
    const [t, l] = this.items[this.position - 1];
    return [ctx === "Values" && (t === "InToken" || t === "NotInToken") ? "IdentifierToken" : t, l];
  }
  parse() {
    for (; ; ) {
      const tl = this.lexer.lex();
      this.items.push(tl);
      if (tl[0] === "EndOfStringToken") break;
    }
    const reqs = [];
    for (; ; ) {
      const [tok, lit] = this.lookahead("Values");
      switch (tok) {
        case "IdentifierToken":
        case "DoesNotExistToken": {
          let r;
          try {
            r = this.parseRequirement();
          } catch (e) {
            throw new SelectorError(`unable to parse requirement: ${e.message}`, e.causes ?? []);
          }
          reqs.push(r);
          const [t, l] = this.consume("Values");
          if (t === "EndOfStringToken") return reqs;
          if (t === "CommaToken") {
            const [t2, l2] = this.lookahead("Values");
            if (t2 !== "IdentifierToken" && t2 !== "DoesNotExistToken") {
              throw new SelectorError(`found '${l2}', expected: identifier after ','`);
            }
            break;
          }
          throw new SelectorError(`found '${l}', expected: ',' or 'end of string'`);
        }
        case "EndOfStringToken":
          return reqs;
        default:
          throw new SelectorError(`found '${lit}', expected: !, identifier, or 'end of string'`);
      }
    }
  }
  parseRequirement() {
    const [key, inferred] = this.parseKeyAndInferOperator();
    if (inferred === "exists" || inferred === "!") return newRequirement(key, inferred, []);
    const op = this.parseOperator();
    const values = op === "in" || op === "notin" ? this.parseValues() : this.parseExactValue();
    return newRequirement(key, op, [...values].sort());
  }
  parseKeyAndInferOperator() {
    let op;
    let [tok, lit] = this.consume("Values");
    if (tok === "DoesNotExistToken") {
      op = "!";
      [tok, lit] = this.consume("Values");
    }
    if (tok !== "IdentifierToken") throw new SelectorError(`found '${lit}', expected: identifier`);
    const keyErrs = isQualifiedName(lit);
    if (keyErrs.length) {
      const e = { type: "FieldValueInvalid", field: "", value: lit, detail: keyErrs.join("; ") };
      throw new SelectorError(goFieldErrorString(e), [e]);
    }
    const [t] = this.lookahead("Values");
    if ((t === "EndOfStringToken" || t === "CommaToken") && op !== "!") op = "exists";
    return [lit, op];
  }
  parseOperator() {
    const [tok, lit] = this.consume("KeyAndOperator");
    switch (tok) {
      case "InToken":
        return "in";
      case "EqualsToken":
        return "=";
      case "DoubleEqualsToken":
        return "==";
      case "GreaterThanToken":
        return "gt";
      case "LessThanToken":
        return "lt";
      case "NotInToken":
        return "notin";
      case "NotEqualsToken":
        return "!=";
      default:
        throw new SelectorError(`found '${lit}', expected: ${BINARY_OPERATORS.join(", ")}`);
    }
  }
  parseValues() {
    let [tok, lit] = this.consume("Values");
    if (tok !== "OpenParToken") throw new SelectorError(`found '${lit}' expected: '('`);
    [tok, lit] = this.lookahead("Values");
    switch (tok) {
      case "IdentifierToken":
      case "CommaToken": {
        const s = this.parseIdentifiersList();
        if (this.consume("Values")[0] !== "ClosedParToken") throw new SelectorError(`found '${lit}', expected: ')'`);
        return s;
      }
      case "ClosedParToken":
        this.consume("Values");
        return /* @__PURE__ */ new Set([""]);
      default:
        throw new SelectorError(`found '${lit}', expected: ',', ')' or identifier`);
    }
  }
  parseIdentifiersList() {
    const s = /* @__PURE__ */ new Set();
    for (; ; ) {
      const [tok, lit] = this.consume("Values");
      if (tok === "IdentifierToken") {
        s.add(lit);
        const [t2, l2] = this.lookahead("Values");
        if (t2 === "CommaToken") continue;
        if (t2 === "ClosedParToken") return s;
        throw new SelectorError(`found '${l2}', expected: ',' or ')'`);
      } else if (tok === "CommaToken") {
        if (s.size === 0) s.add("");
        const [t2] = this.lookahead("Values");
        if (t2 === "ClosedParToken") {
          s.add("");
          return s;
        }
        if (t2 === "CommaToken") s.add("");
      } else {
        throw new SelectorError(`found '${lit}', expected: ',', or identifier`);
      }
    }
  }
  parseExactValue() {
    const [t] = this.lookahead("Values");
    if (t === "EndOfStringToken" || t === "CommaToken") return /* @__PURE__ */ new Set([""]);
    const [tok, lit] = this.consume("Values");
    if (tok === "IdentifierToken") return /* @__PURE__ */ new Set([lit]);
    throw new SelectorError(`found '${lit}', expected: identifier`);
  }
};

// src/engine/api/labels.ts
function parseSelector(s) {
  const reqs = new Parser(new Lexer(s)).parse();
  reqs.sort(byKey);
  return new InternalSelector(reqs);
}
function selectorFromSet(set2) {
  if (!set2) return everything();
  const reqs = Object.keys(set2).map((k) => newRequirement(k, "=", [set2[k]]));
  reqs.sort(byKey);
  return new InternalSelector(reqs);
}
var EXPR_OPERATORS = { In: "in", NotIn: "notin", Exists: "exists", DoesNotExist: "!" };
function labelSelectorAsSelector(sel) {
  if (sel === null || sel === void 0) return NOTHING;
  const ml = sel.matchLabels ?? {};
  const me = sel.matchExpressions ?? [];
  if (Object.keys(ml).length === 0 && me.length === 0) return everything();
  const reqs = [];
  for (const k of Object.keys(ml)) reqs.push(newRequirement(k, "=", [ml[k]]));
  for (const expr of me) {
    const op = EXPR_OPERATORS[expr.operator];
    if (!op) throw new SelectorError(`${JSON.stringify(expr.operator)} is not a valid label selector operator`);
    reqs.push(newRequirement(expr.key, op, [...expr.values ?? []]));
  }
  reqs.sort(byKey);
  return new InternalSelector(reqs);
}
function selectorMatches(sel, labels) {
  return labelSelectorAsSelector(sel).matches(labels ?? {});
}
function formatLabelSelector(sel) {
  let s;
  try {
    s = labelSelectorAsSelector(sel);
  } catch {
    return "<error>";
  }
  const str = s.toString();
  return str.length === 0 ? "<none>" : str;
}

// src/engine/api/validation/objectMeta.ts
var IS_NEGATIVE_ERROR_MSG = "must be greater than or equal to 0";
var FIELD_IMMUTABLE_ERROR_MSG = "field is immutable";
var TOTAL_ANNOTATION_SIZE_LIMIT_B = 256 * (1 << 10);
function validateLabelName(name, path) {
  return isQualifiedName(name).map((m) => fieldError.invalid(path, name, m));
}
function validateLabels(labels, path) {
  const errs = [];
  if (!labels || typeof labels !== "object") return errs;
  for (const [k, v] of Object.entries(labels)) {
    errs.push(...validateLabelName(k, path));
    for (const m of isValidLabelValue(String(v ?? ""))) errs.push(fieldError.invalid(path, v, m));
  }
  return errs;
}
function validateAnnotations(annotations, path) {
  const errs = [];
  if (!annotations || typeof annotations !== "object") return errs;
  let size = 0;
  for (const [k, v] of Object.entries(annotations)) {
    for (const m of isQualifiedName(k.toLowerCase())) errs.push(fieldError.invalid(path, k, m));
    size += byteLen(k) + byteLen(String(v ?? ""));
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT_B) errs.push(fieldError.tooLong(path, "", TOTAL_ANNOTATION_SIZE_LIMIT_B));
  return errs;
}
function validateNonnegativeField(value, path) {
  return typeof value === "number" && value < 0 ? [fieldError.invalid(path, value, IS_NEGATIVE_ERROR_MSG)] : [];
}
function validateDNS1123Label(value, path) {
  return isDNS1123Label(value).map((m) => fieldError.invalid(path, value, m));
}
function validateObjectMeta(obj, requiresNamespace, nameFn, path = "metadata") {
  const md = obj.metadata ?? {};
  const errs = [];
  if (md.generateName) for (const m of nameFn(md.generateName, true)) errs.push(fieldError.invalid(`${path}.generateName`, md.generateName, m));
  if (!md.name) errs.push(fieldError.required(`${path}.name`, "name or generateName is required"));
  else for (const m of nameFn(md.name, false)) errs.push(fieldError.invalid(`${path}.name`, md.name, m));
  if (requiresNamespace) {
    if (!md.namespace) errs.push(fieldError.required(`${path}.namespace`, ""));
    else for (const m of isDNS1123Label(md.namespace)) errs.push(fieldError.invalid(`${path}.namespace`, md.namespace, m));
  } else if (md.namespace) {
    errs.push(fieldError.forbidden(`${path}.namespace`, "not allowed on this type"));
  }
  errs.push(...validateNonnegativeField(md.generation, `${path}.generation`));
  errs.push(...validateLabels(md.labels, `${path}.labels`));
  errs.push(...validateAnnotations(md.annotations, `${path}.annotations`));
  errs.push(...validateOwnerReferences(md.ownerReferences, `${path}.ownerReferences`));
  return errs;
}
function validateOwnerReferences(refs, path) {
  const errs = [];
  if (!Array.isArray(refs)) return errs;
  let controllers = 0;
  for (const r of refs) {
    if (!r?.apiVersion) errs.push(fieldError.invalid(`${path}.apiVersion`, r?.apiVersion ?? "", "version must not be empty"));
    if (!r?.kind) errs.push(fieldError.invalid(`${path}.kind`, r?.kind ?? "", "must not be empty"));
    if (!r?.name) errs.push(fieldError.invalid(`${path}.name`, r?.name ?? "", "must not be empty"));
    if (!r?.uid) errs.push(fieldError.invalid(`${path}.uid`, r?.uid ?? "", "must not be empty"));
    if (r?.controller === true) controllers++;
  }
  if (controllers > 1) {
    errs.push(fieldError.invalid(path, refs, `Only one reference can have Controller set to true. Found "true" in references for ${refs.filter((r) => r?.controller).map((r) => `${r.kind}/${r.name}`).join(" and ")}`));
  }
  return errs;
}

// src/engine/api/validation/labelSelector.ts
function validateLabelSelector(sel, path) {
  const errs = [];
  if (sel === null || sel === void 0) return errs;
  errs.push(...validateLabels(sel.matchLabels, `${path}.matchLabels`));
  (Array.isArray(sel.matchExpressions) ? sel.matchExpressions : []).forEach((sr, i) => {
    const p = `${path}.matchExpressions[${i}]`;
    const vals = Array.isArray(sr?.values) ? sr.values : [];
    switch (sr?.operator) {
      case "In":
      case "NotIn":
        if (vals.length === 0) errs.push(fieldError.required(`${p}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
        break;
      case "Exists":
      case "DoesNotExist":
        if (vals.length > 0) errs.push(fieldError.forbidden(`${p}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        break;
      default:
        errs.push(fieldError.invalid(`${p}.operator`, sr?.operator ?? "", "not a valid selector operator"));
    }
    errs.push(...validateLabelName(sr?.key ?? "", `${p}.key`));
    vals.forEach((v, j) => {
      for (const m of isValidLabelValue(String(v))) errs.push(fieldError.invalid(`${p}.values[${j}]`, v, m));
    });
  });
  return errs;
}

// src/engine/api/validation/resources.ts
var STANDARD_CONTAINER_RESOURCES = /* @__PURE__ */ new Set(["cpu", "memory", "ephemeral-storage"]);
function isHugePage(name) {
  return name.startsWith("hugepages-");
}
function isNative(name) {
  return !name.includes("/") || name.includes("kubernetes.io/");
}
function isExtended(name) {
  if (isNative(name) || name.startsWith("requests.")) return false;
  return isQualifiedName(`requests.${name}`).length === 0;
}
function isOvercommitAllowed(name) {
  return isNative(name) && !isHugePage(name);
}
function validateContainerResourceName(name, path) {
  const errs = isQualifiedName(name).map((m) => fieldError.invalid(path, name, m));
  if (!name.includes("/")) {
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !isHugePage(name)) return [...errs, fieldError.invalid(path, name, "must be a standard resource for containers")];
  } else if (!isNative(name) && !isExtended(name)) {
    return [...errs, fieldError.invalid(path, name, "doesn't follow extended resource name standard")];
  }
  return errs;
}
function quantityOf(v) {
  try {
    return parseQuantity(v);
  } catch {
    return void 0;
  }
}
function validateQuantityValue(name, q3, path) {
  const errs = [];
  if (q3.sign() < 0) errs.push(fieldError.invalid(path, q3.toString(), IS_NEGATIVE_ERROR_MSG));
  if (isExtended(name) && q3.milliValueBig() % 1000n !== 0n) errs.push(fieldError.invalid(path, q3.toString(), "must be an integer"));
  return errs;
}
function validateResourceRequirements(res, path) {
  const errs = [];
  if (!res || typeof res !== "object") return errs;
  const limPath = `${path}.limits`;
  const reqPath = `${path}.requests`;
  const limits = res.limits && typeof res.limits === "object" ? res.limits : {};
  const requests = res.requests && typeof res.requests === "object" ? res.requests : {};
  for (const [name, v] of Object.entries(limits)) {
    const p = `${limPath}[${name}]`;
    errs.push(...validateContainerResourceName(name, p));
    const q3 = quantityOf(v);
    if (q3) errs.push(...validateQuantityValue(name, q3, p));
  }
  for (const [name, v] of Object.entries(requests)) {
    const p = `${reqPath}[${name}]`;
    errs.push(...validateContainerResourceName(name, p));
    const q3 = quantityOf(v);
    if (!q3) continue;
    errs.push(...validateQuantityValue(name, q3, p));
    if (name in limits) {
      const lim = quantityOf(limits[name]);
      if (!lim) continue;
      if (q3.cmp(lim) !== 0 && !isOvercommitAllowed(name)) {
        errs.push(fieldError.invalid(reqPath, q3.toString(), `must be equal to ${name} limit of ${lim.toString()}`));
      } else if (q3.cmp(lim) > 0) {
        errs.push(fieldError.invalid(reqPath, q3.toString(), `must be less than or equal to ${name} limit of ${lim.toString()}`));
      }
    } else if (!isOvercommitAllowed(name)) {
      errs.push(fieldError.required(limPath, "Limit must be set for non overcommitable resources"));
    }
  }
  return errs;
}

// src/engine/api/validation/podSpec.ts
var SUPPORTED_PORT_PROTOCOLS = ["SCTP", "TCP", "UDP"];
var SUPPORTED_HTTP_SCHEMES = ["HTTP", "HTTPS"];
var MAX_INT322 = 2147483647;
function validatePortNumOrName(port, path) {
  if (typeof port === "number") return isValidPortNum(port).map((m) => fieldError.invalid(path, port, m));
  if (typeof port === "string") return isValidPortName(port).map((m) => fieldError.invalid(path, port, m));
  return [{ type: "InternalError", field: path, detail: `unknown type: ${typeof port}` }];
}
function validateHandler(h, path, allowSleep) {
  const errs = [];
  let n2 = 0;
  const one = (name, fn) => {
    if (h?.[name] === void 0 || h?.[name] === null) return;
    if (n2 > 0) errs.push(fieldError.forbidden(`${path}.${name}`, "may not specify more than 1 handler type"));
    else {
      n2++;
      errs.push(...fn());
    }
  };
  one("exec", () => Array.isArray(h.exec.command) && h.exec.command.length ? [] : [fieldError.required(`${path}.exec.command`, "")]);
  one("httpGet", () => {
    const e = [];
    const g = h.httpGet;
    if (!g.path) e.push(fieldError.required(`${path}.httpGet.path`, ""));
    e.push(...validatePortNumOrName(g.port, `${path}.httpGet.port`));
    if (!SUPPORTED_HTTP_SCHEMES.includes(g.scheme)) e.push(fieldError.notSupported(`${path}.httpGet.scheme`, g.scheme ?? "", SUPPORTED_HTTP_SCHEMES));
    return e;
  });
  one("tcpSocket", () => validatePortNumOrName(h.tcpSocket.port, `${path}.tcpSocket.port`));
  one("grpc", () => isValidPortNum(h.grpc.port).map((m) => fieldError.invalid(`${path}.grpc.port`, h.grpc.port, m)));
  if (allowSleep) {
    one("sleep", () => {
      const s = h.sleep.seconds;
      return typeof s === "number" && s >= 0 ? [] : [fieldError.invalid(`${path}.sleep.seconds`, s, "must be non-negative")];
    });
  }
  if (n2 === 0) errs.push(fieldError.required(path, "must specify a handler type"));
  return errs;
}
function validateProbe(p, path, kind) {
  if (p === void 0 || p === null) return [];
  const errs = validateHandler(p, path, false);
  for (const f of ["initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold"]) {
    errs.push(...validateNonnegativeField(p[f], `${path}.${f}`));
  }
  if (p.terminationGracePeriodSeconds !== void 0 && p.terminationGracePeriodSeconds <= 0) {
    errs.push(fieldError.invalid(`${path}.terminationGracePeriodSeconds`, p.terminationGracePeriodSeconds, "must be greater than 0"));
  }
  if (kind === "readiness" && p.terminationGracePeriodSeconds !== void 0) {
    errs.push(fieldError.invalid(`${path}.terminationGracePeriodSeconds`, p.terminationGracePeriodSeconds, "must not be set for readinessProbes"));
  }
  if (kind !== "readiness" && p.successThreshold !== 1) errs.push(fieldError.invalid(`${path}.successThreshold`, p.successThreshold, "must be 1"));
  return errs;
}
function validateContainerPorts(ports, path) {
  const errs = [];
  const names = /* @__PURE__ */ new Set();
  (Array.isArray(ports) ? ports : []).forEach((port, i) => {
    const p = `${path}[${i}]`;
    if (port?.name) {
      const msgs = isValidPortName(port.name);
      if (msgs.length) for (const m of msgs) errs.push(fieldError.invalid(`${p}.name`, port.name, m));
      else if (names.has(port.name)) errs.push(fieldError.duplicate(`${p}.name`, port.name));
      else names.add(port.name);
    }
    if (!port?.containerPort) errs.push(fieldError.required(`${p}.containerPort`, ""));
    else for (const m of isValidPortNum(port.containerPort)) errs.push(fieldError.invalid(`${p}.containerPort`, port.containerPort, m));
    if (port?.hostPort) for (const m of isValidPortNum(port.hostPort)) errs.push(fieldError.invalid(`${p}.hostPort`, port.hostPort, m));
    if (!port?.protocol) errs.push(fieldError.required(`${p}.protocol`, ""));
    else if (!SUPPORTED_PORT_PROTOCOLS.includes(port.protocol)) errs.push(fieldError.notSupported(`${p}.protocol`, port.protocol, SUPPORTED_PORT_PROTOCOLS));
  });
  return errs;
}
var ENV_NAME_MSG = "a valid environment variable name must consist only of printable ASCII characters other than '='";
function validateEnv(env, path) {
  const errs = [];
  (Array.isArray(env) ? env : []).forEach((ev, i) => {
    const p = `${path}[${i}]`;
    if (!ev?.name) errs.push(fieldError.required(`${p}.name`, ""));
    else if (!/^[\x20-\x3c\x3e-\x7e]+$/.test(ev.name)) errs.push(fieldError.invalid(`${p}.name`, ev.name, ENV_NAME_MSG));
    const vf = ev?.valueFrom;
    if (vf) {
      const sources = ["fieldRef", "resourceFieldRef", "configMapKeyRef", "secretKeyRef", "fileKeyRef"].filter((s) => vf[s]);
      if (sources.length === 0) errs.push(fieldError.invalid(`${p}.valueFrom`, "", "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`"));
      else if (sources.length > 1) {
        errs.push(fieldError.invalid(`${p}.valueFrom`, "", "may not have more than one field specified at a time"));
      }
      if (ev.value) errs.push(fieldError.invalid(`${p}.valueFrom`, "", "may not be specified when `value` is not empty"));
      for (const s of ["configMapKeyRef", "secretKeyRef"]) {
        if (vf[s]) {
          if (!vf[s].key) errs.push(fieldError.required(`${p}.valueFrom.${s}.key`, ""));
          if (!vf[s].name) errs.push(fieldError.required(`${p}.valueFrom.${s}.name`, ""));
        }
      }
      if (vf.fieldRef && !vf.fieldRef.fieldPath) errs.push(fieldError.required(`${p}.valueFrom.fieldRef.fieldPath`, ""));
    }
  });
  return errs;
}
function validateVolumeMounts(mounts, volumes, path) {
  const errs = [];
  const paths = /* @__PURE__ */ new Set();
  (Array.isArray(mounts) ? mounts : []).forEach((m, i) => {
    const p = `${path}[${i}]`;
    if (!m?.name) errs.push(fieldError.required(`${p}.name`, ""));
    else if (!volumes.has(m.name)) errs.push({ type: "FieldValueNotFound", field: `${p}.name`, value: m.name });
    if (!m?.mountPath) errs.push(fieldError.required(`${p}.mountPath`, ""));
    else if (paths.has(m.mountPath)) errs.push(fieldError.invalid(`${p}.mountPath`, m.mountPath, "must be unique"));
    else paths.add(m.mountPath);
  });
  return errs;
}
var PULL_POLICIES = ["Always", "IfNotPresent", "Never"];
function validateContainerCommon(c, volumes, path) {
  const errs = [];
  if (!c?.name) errs.push(fieldError.required(`${path}.name`, ""));
  else errs.push(...validateDNS1123Label(c.name, `${path}.name`));
  if (!c?.image) errs.push(fieldError.required(`${path}.image`, ""));
  const tmp = c?.terminationMessagePolicy;
  if (!tmp) errs.push(fieldError.required(`${path}.terminationMessagePolicy`, "must be 'File' or 'FallbackToLogsOnError'"));
  else if (tmp !== "File" && tmp !== "FallbackToLogsOnError") {
    errs.push(fieldError.notSupported(`${path}.terminationMessagePolicy`, tmp, ["File", "FallbackToLogsOnError"]));
  }
  errs.push(...validateContainerPorts(c?.ports, `${path}.ports`));
  errs.push(...validateEnv(c?.env, `${path}.env`));
  errs.push(...validateVolumeMounts(c?.volumeMounts, volumes, `${path}.volumeMounts`));
  const pp = c?.imagePullPolicy;
  if (!pp) errs.push(fieldError.required(`${path}.imagePullPolicy`, ""));
  else if (!PULL_POLICIES.includes(pp)) errs.push(fieldError.notSupported(`${path}.imagePullPolicy`, pp, PULL_POLICIES));
  errs.push(...validateResourceRequirements(c?.resources, `${path}.resources`));
  return errs;
}
function validateContainers(containers, volumes, path) {
  if (!Array.isArray(containers) || containers.length === 0) return [fieldError.required(path, "")];
  const errs = [];
  const names = /* @__PURE__ */ new Set();
  containers.forEach((c, i) => {
    const p = `${path}[${i}]`;
    errs.push(...validateContainerCommon(c, volumes, p));
    if (names.has(c?.name)) errs.push(fieldError.duplicate(`${p}.name`, c.name));
    else names.add(c?.name);
    if (c?.lifecycle) {
      if (c.lifecycle.postStart) errs.push(...validateHandler(c.lifecycle.postStart, `${p}.lifecycle.postStart`, true));
      if (c.lifecycle.preStop) errs.push(...validateHandler(c.lifecycle.preStop, `${p}.lifecycle.preStop`, true));
    }
    errs.push(...validateProbe(c?.livenessProbe, `${p}.livenessProbe`, "liveness"));
    errs.push(...validateProbe(c?.readinessProbe, `${p}.readinessProbe`, "readiness"));
    errs.push(...validateProbe(c?.startupProbe, `${p}.startupProbe`, "startup"));
    if (c?.restartPolicy !== void 0) errs.push(fieldError.forbidden(`${p}.restartPolicy`, "may not be set for non-init containers"));
  });
  return errs;
}
function validateInitContainers(inits, containers, volumes, path) {
  const errs = [];
  const names = new Set((Array.isArray(containers) ? containers : []).map((c) => c?.name));
  (Array.isArray(inits) ? inits : []).forEach((c, i) => {
    const p = `${path}[${i}]`;
    errs.push(...validateContainerCommon(c, volumes, p));
    if (names.has(c?.name)) errs.push(fieldError.duplicate(`${p}.name`, c.name));
    else names.add(c?.name);
    const sidecar = c?.restartPolicy === "Always";
    if (c?.restartPolicy !== void 0 && !sidecar) errs.push(fieldError.notSupported(`${p}.restartPolicy`, c.restartPolicy, ["Always"]));
    if (!sidecar) {
      if (c?.lifecycle) errs.push(fieldError.forbidden(`${p}.lifecycle`, "may not be set for init containers without restartPolicy=Always"));
      if (c?.livenessProbe) errs.push(fieldError.forbidden(`${p}.livenessProbe`, "may not be set for init containers without restartPolicy=Always"));
      if (c?.readinessProbe) errs.push(fieldError.forbidden(`${p}.readinessProbe`, "may not be set for init containers without restartPolicy=Always"));
      if (c?.startupProbe) errs.push(fieldError.forbidden(`${p}.startupProbe`, "may not be set for init containers without restartPolicy=Always"));
    } else {
      errs.push(...validateProbe(c?.livenessProbe, `${p}.livenessProbe`, "liveness"));
      errs.push(...validateProbe(c?.readinessProbe, `${p}.readinessProbe`, "readiness"));
      errs.push(...validateProbe(c?.startupProbe, `${p}.startupProbe`, "startup"));
    }
  });
  return errs;
}
function validateVolumes(volumes, path) {
  const errs = [];
  const names = /* @__PURE__ */ new Set();
  (Array.isArray(volumes) ? volumes : []).forEach((v, i) => {
    const p = `${path}[${i}]`;
    if (!v?.name) errs.push(fieldError.required(`${p}.name`, ""));
    else {
      errs.push(...validateDNS1123Label(v.name, `${p}.name`));
      if (names.has(v.name)) errs.push(fieldError.duplicate(`${p}.name`, v.name));
      names.add(v.name);
    }
    const sources = VOLUME_SOURCES.filter((src) => v?.[src] !== void 0 && v?.[src] !== null);
    if (sources.length === 0) errs.push(fieldError.required(p, "must specify a volume type"));
    for (const extra of sources.slice(1)) errs.push(fieldError.forbidden(`${p}.${extra}`, "may not specify more than 1 volume type"));
    if (v?.configMap && !v.configMap.name) errs.push(fieldError.required(`${p}.configMap.name`, ""));
    if (v?.secret && !v.secret.secretName) errs.push(fieldError.required(`${p}.secret.secretName`, ""));
    if (v?.persistentVolumeClaim && !v.persistentVolumeClaim.claimName) errs.push(fieldError.required(`${p}.persistentVolumeClaim.claimName`, ""));
    if (v?.hostPath && !v.hostPath.path) errs.push(fieldError.required(`${p}.hostPath.path`, ""));
  });
  return { names, errs };
}
function validateHostPorts(spec, path) {
  const errs = [];
  const seen = /* @__PURE__ */ new Set();
  for (const field of ["containers", "initContainers"]) {
    (Array.isArray(spec?.[field]) ? spec[field] : []).forEach((c, i) => {
      (Array.isArray(c?.ports) ? c.ports : []).forEach((p, j) => {
        if (!p?.hostPort) return;
        const key = `${p.hostPort}/${p.protocol ?? "TCP"}`;
        if (seen.has(key)) errs.push(fieldError.duplicate(`${path}.${field}[${i}].ports[${j}].hostPort`, key));
        seen.add(key);
      });
    });
  }
  return errs;
}
var TAINT_EFFECTS = ["NoSchedule", "PreferNoSchedule", "NoExecute"];
function validateTaintEffect(effect, allowEmpty, path) {
  if (!allowEmpty && !effect) return [fieldError.required(path, "")];
  return TAINT_EFFECTS.includes(effect ?? "") ? [] : [fieldError.notSupported(path, effect ?? "", TAINT_EFFECTS)];
}
function validateTolerations(tolerations, path) {
  const errs = [];
  (Array.isArray(tolerations) ? tolerations : []).forEach((t, i) => {
    const p = `${path}[${i}]`;
    if (t?.key) errs.push(...validateLabelName(t.key, `${p}.key`));
    if (!t?.key && t?.operator !== "Exists") {
      errs.push(fieldError.invalid(`${p}.operator`, t?.operator ?? "", 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (t?.tolerationSeconds !== void 0 && t?.tolerationSeconds !== null && t?.effect !== "NoExecute") {
      errs.push(fieldError.invalid(`${p}.effect`, t?.effect ?? "", "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    const op = t?.operator ?? "";
    if (op === "Equal" || op === "") {
      const m = isValidLabelValue(t?.value ?? "");
      if (m.length) errs.push(fieldError.invalid(`${p}.operator`, t?.value ?? "", m.join(";")));
    } else if (op === "Exists") {
      if (t?.value) errs.push(invalidGo(`${p}.operator`, t, goToleration(t), "value must be empty when `operator` is 'Exists'"));
    } else {
      errs.push(fieldError.notSupported(`${p}.operator`, op, ["Equal", "Exists"]));
    }
    if (t?.effect) errs.push(...validateTaintEffect(t.effect, true, `${p}.effect`));
  });
  return errs;
}
var RESTART_POLICIES = ["Always", "OnFailure", "Never"];
var DNS_POLICIES = ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"];
function validateNodeSelectorTerms(affinity, path) {
  const errs = [];
  const na = affinity?.nodeAffinity;
  const req = na?.requiredDuringSchedulingIgnoredDuringExecution;
  if (req) {
    const tp = `${path}.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms`;
    if (!Array.isArray(req.nodeSelectorTerms) || req.nodeSelectorTerms.length === 0) errs.push(fieldError.required(tp, "must have at least one node selector term"));
    (req.nodeSelectorTerms ?? []).forEach((term, i) => {
      (term?.matchExpressions ?? []).forEach((e, j) => errs.push(...validateNodeSelectorRequirement(e, `${tp}[${i}].matchExpressions[${j}]`)));
    });
  }
  (na?.preferredDuringSchedulingIgnoredDuringExecution ?? []).forEach((t, i) => {
    const p = `${path}.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[${i}]`;
    if (typeof t?.weight !== "number" || t.weight < 1 || t.weight > 100) errs.push(fieldError.invalid(`${p}.weight`, t?.weight, "must be in the range 1-100"));
    (t?.preference?.matchExpressions ?? []).forEach((e, j) => errs.push(...validateNodeSelectorRequirement(e, `${p}.preference.matchExpressions[${j}]`)));
  });
  return errs;
}
function validateNodeSelectorRequirement(rq, path) {
  const errs = [];
  const vals = Array.isArray(rq?.values) ? rq.values : [];
  switch (rq?.operator) {
    case "In":
    case "NotIn":
      if (vals.length === 0) errs.push(fieldError.required(`${path}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case "Exists":
    case "DoesNotExist":
      if (vals.length > 0) errs.push(fieldError.forbidden(`${path}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    case "Gt":
    case "Lt":
      if (vals.length !== 1) errs.push(fieldError.required(`${path}.values`, "must be specified single value when `operator` is 'Lt' or 'Gt'"));
      break;
    default:
      errs.push(fieldError.invalid(`${path}.operator`, rq?.operator ?? "", "not a valid selector operator"));
  }
  errs.push(...validateLabelName(rq?.key ?? "", `${path}.key`));
  return errs;
}
var WHEN_UNSATISFIABLE = ["DoNotSchedule", "ScheduleAnyway"];
function validateTopologySpreadConstraints(cs, path) {
  const errs = [];
  (Array.isArray(cs) ? cs : []).forEach((c, i) => {
    const p = `${path}[${i}]`;
    if (typeof c?.maxSkew !== "number" || c.maxSkew <= 0) errs.push(fieldError.invalid(`${p}.maxSkew`, c?.maxSkew ?? 0, "must be greater than zero"));
    if (!c?.topologyKey) errs.push(fieldError.required(`${p}.topologyKey`, "can not be empty"));
    else errs.push(...validateLabelName(c.topologyKey, `${p}.topologyKey`));
    if (!WHEN_UNSATISFIABLE.includes(c?.whenUnsatisfiable)) errs.push(fieldError.notSupported(`${p}.whenUnsatisfiable`, c?.whenUnsatisfiable ?? "", WHEN_UNSATISFIABLE));
  });
  return errs;
}
function validatePodSpec(spec, path) {
  const errs = [];
  if (!spec || typeof spec !== "object") return [fieldError.required(`${path}.containers`, "")];
  const vols = validateVolumes(spec.volumes, `${path}.volumes`);
  errs.push(...vols.errs);
  errs.push(...validateContainers(spec.containers, vols.names, `${path}.containers`));
  errs.push(...validateInitContainers(spec.initContainers, spec.containers, vols.names, `${path}.initContainers`));
  errs.push(...validateHostPorts(spec, path));
  const rp = spec.restartPolicy;
  if (!rp) errs.push(fieldError.required(`${path}.restartPolicy`, ""));
  else if (!RESTART_POLICIES.includes(rp)) errs.push(fieldError.notSupported(`${path}.restartPolicy`, rp, RESTART_POLICIES));
  const dp = spec.dnsPolicy;
  if (!dp) errs.push(fieldError.required(`${path}.dnsPolicy`, ""));
  else if (!DNS_POLICIES.includes(dp)) errs.push(fieldError.notSupported(`${path}.dnsPolicy`, dp, DNS_POLICIES));
  errs.push(...validateLabels(spec.nodeSelector, `${path}.nodeSelector`));
  errs.push(...validateNodeSelectorTerms(spec.affinity, `${path}.affinity`));
  errs.push(...validateTopologySpreadConstraints(spec.topologySpreadConstraints, `${path}.topologySpreadConstraints`));
  if (spec.serviceAccountName) {
    for (const m of isDNS1123Subdomain(spec.serviceAccountName)) errs.push(fieldError.invalid(`${path}.serviceAccountName`, spec.serviceAccountName, m));
  }
  if (spec.nodeName) for (const m of isDNS1123Subdomain(spec.nodeName)) errs.push(fieldError.invalid(`${path}.nodeName`, spec.nodeName, m));
  if (spec.activeDeadlineSeconds !== void 0 && spec.activeDeadlineSeconds !== null) {
    const v = spec.activeDeadlineSeconds;
    if (v < 1 || v > MAX_INT322) errs.push(fieldError.invalid(`${path}.activeDeadlineSeconds`, v, `must be between 1 and ${MAX_INT322}, inclusive`));
  }
  if (spec.hostname) errs.push(...validateDNS1123Label(spec.hostname, `${path}.hostname`));
  if (spec.subdomain) errs.push(...validateDNS1123Label(spec.subdomain, `${path}.subdomain`));
  if (Array.isArray(spec.tolerations) && spec.tolerations.length) errs.push(...validateTolerations(spec.tolerations, `${path}.tolerations`));
  if (spec.priorityClassName) {
    for (const m of isDNS1123Subdomain(spec.priorityClassName)) errs.push(fieldError.invalid(`${path}.priorityClassName`, spec.priorityClassName, m));
  }
  const gates = /* @__PURE__ */ new Set();
  (Array.isArray(spec.schedulingGates) ? spec.schedulingGates : []).forEach((g, i) => {
    const p = `${path}.schedulingGates[${i}]`;
    for (const m of isQualifiedName(g?.name ?? "")) errs.push(fieldError.invalid(p, g?.name ?? "", m));
    if (gates.has(g?.name)) errs.push(fieldError.duplicate(p, g.name));
    gates.add(g?.name);
  });
  return errs;
}

// src/engine/api/validation/apps.ts
function validatePodTemplateSpec(t, path) {
  const errs = [];
  errs.push(...validateLabels(t?.metadata?.labels, `${path}.labels`));
  errs.push(...validateAnnotations(t?.metadata?.annotations, `${path}.annotations`));
  errs.push(...validatePodSpec(t?.spec, `${path}.spec`));
  if (Array.isArray(t?.spec?.ephemeralContainers) && t.spec.ephemeralContainers.length) {
    errs.push(fieldError.forbidden(`${path}.spec.ephemeralContainers`, "ephemeral containers not allowed in pod template"));
  }
  return errs;
}
function validateTemplateForSelector(t, selector, path, restartAlways, what) {
  if (!t || typeof t !== "object") return [fieldError.required(path, "")];
  const errs = [];
  const labels = t.metadata?.labels;
  if (!selector.empty() && !selector.matches(labels ?? {})) {
    errs.push(invalidGo(`${path}.metadata.labels`, labels, goStringMap(labels), "`selector` does not match template `labels`"));
  }
  errs.push(...validatePodTemplateSpec(t, path));
  if (restartAlways && t.spec?.restartPolicy !== "Always") {
    errs.push(fieldError.notSupported(`${path}.spec.restartPolicy`, t.spec?.restartPolicy ?? "", ["Always"]));
  }
  if (t.spec?.activeDeadlineSeconds !== void 0 && t.spec?.activeDeadlineSeconds !== null) {
    errs.push(fieldError.forbidden(`${path}.spec.activeDeadlineSeconds`, `activeDeadlineSeconds in ${what} is not Supported`));
  }
  return errs;
}
function selectorAndTemplate(spec, what, emptyMsg) {
  const errs = [];
  if (spec.selector === null || spec.selector === void 0) errs.push(fieldError.required("spec.selector", ""));
  else {
    errs.push(...validateLabelSelector(spec.selector, "spec.selector"));
    const n2 = Object.keys(spec.selector.matchLabels ?? {}).length + (spec.selector.matchExpressions ?? []).length;
    if (n2 === 0) errs.push(invalidGo("spec.selector", spec.selector, goLabelSelector(spec.selector), emptyMsg));
  }
  let selector;
  try {
    selector = labelSelectorAsSelector(spec.selector);
  } catch {
    errs.push(invalidGo("spec.selector", spec.selector, goLabelSelector(spec.selector), "invalid label selector"));
  }
  if (selector) errs.push(...validateTemplateForSelector(spec.template, selector, "spec.template", true, what));
  return errs;
}
var PERCENT_FMT = "[0-9]+%";
function validatePositiveIntOrPercent(v, path) {
  if (typeof v === "string") {
    if (!/^[0-9]+%$/.test(v)) {
      return [invalidGo(path, v, goIntOrString(v), regexError("a valid percent string must be a numeric string followed by an ending '%'", PERCENT_FMT, "1%", "93%"))];
    }
    return [];
  }
  if (typeof v === "number") return validateNonnegativeField(v, path);
  return [];
}
function intOrPercentValue(v) {
  if (typeof v === "number") return v;
  if (typeof v === "string" && /^[0-9]+%$/.test(v)) return Number(v.slice(0, -1));
  return -1;
}
function isNotMoreThan100Percent(v, path) {
  if (typeof v === "string" && /^[0-9]+%$/.test(v) && Number(v.slice(0, -1)) > 100) {
    return [invalidGo(path, v, goIntOrString(v), "must not be greater than 100%")];
  }
  return [];
}
function validateDeploymentStrategy(st, path) {
  const errs = [];
  switch (st?.type) {
    case "Recreate":
      if (st.rollingUpdate) errs.push(fieldError.forbidden(`${path}.rollingUpdate`, "may not be specified when strategy `type` is 'Recreate'"));
      break;
    case "RollingUpdate": {
      const ru = st.rollingUpdate;
      if (!ru) {
        errs.push(fieldError.required(`${path}.rollingUpdate`, "this should be defaulted and never be nil"));
        break;
      }
      const p = `${path}.rollingUpdate`;
      errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, `${p}.maxUnavailable`));
      errs.push(...validatePositiveIntOrPercent(ru.maxSurge, `${p}.maxSurge`));
      if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
        errs.push(invalidGo(`${p}.maxUnavailable`, ru.maxUnavailable, goIntOrString(ru.maxUnavailable), "may not be 0 when `maxSurge` is 0"));
      }
      errs.push(...isNotMoreThan100Percent(ru.maxUnavailable, `${p}.maxUnavailable`));
      break;
    }
    default:
      errs.push(fieldError.notSupported(path, st?.type ?? "", ["Recreate", "RollingUpdate"]));
  }
  return errs;
}
function validateDeployment(d) {
  const errs = validateObjectMeta(d, true, nameIsDNSSubdomain);
  const s = d.spec ?? {};
  errs.push(...validateNonnegativeField(s.replicas, "spec.replicas"));
  errs.push(...selectorAndTemplate(s, "ReplicaSet", "empty selector is invalid for deployment"));
  errs.push(...validateDeploymentStrategy(s.strategy, "spec.strategy"));
  errs.push(...validateNonnegativeField(s.minReadySeconds, "spec.minReadySeconds"));
  if (s.revisionHistoryLimit !== void 0 && s.revisionHistoryLimit !== null) {
    errs.push(...validateNonnegativeField(s.revisionHistoryLimit, "spec.revisionHistoryLimit"));
  }
  if (s.progressDeadlineSeconds !== void 0 && s.progressDeadlineSeconds !== null) {
    errs.push(...validateNonnegativeField(s.progressDeadlineSeconds, "spec.progressDeadlineSeconds"));
    if (s.progressDeadlineSeconds <= (s.minReadySeconds ?? 0)) {
      errs.push(fieldError.invalid("spec.progressDeadlineSeconds", s.progressDeadlineSeconds, "must be greater than minReadySeconds"));
    }
  }
  return errs;
}
function validateReplicaSet(rs) {
  const errs = validateObjectMeta(rs, true, nameIsDNSSubdomain);
  const s = rs.spec ?? {};
  errs.push(...validateNonnegativeField(s.replicas, "spec.replicas"));
  errs.push(...validateNonnegativeField(s.minReadySeconds, "spec.minReadySeconds"));
  errs.push(...selectorAndTemplate(s, "ReplicaSet", "empty selector is invalid for deployment"));
  return errs;
}
var POD_MANAGEMENT_POLICIES = ["OrderedReady", "Parallel"];
function validateStatefulSet(ss) {
  const errs = validateObjectMeta(ss, true, nameIsDNSSubdomain);
  const s = ss.spec ?? {};
  if (!s.podManagementPolicy) errs.push(fieldError.required("spec.podManagementPolicy", ""));
  else if (!POD_MANAGEMENT_POLICIES.includes(s.podManagementPolicy)) {
    errs.push(fieldError.invalid("spec.podManagementPolicy", s.podManagementPolicy, `must be '${POD_MANAGEMENT_POLICIES[0]}' or '${POD_MANAGEMENT_POLICIES[1]}'`));
  }
  const us = s.updateStrategy ?? {};
  if (us.type === "OnDelete") {
    if (us.rollingUpdate) errs.push(fieldError.invalid("spec.updateStrategy.rollingUpdate", us.rollingUpdate, "only allowed for updateStrategy 'RollingUpdate'"));
  } else if (us.type === "RollingUpdate") {
    if (us.rollingUpdate) {
      errs.push(...validateNonnegativeField(us.rollingUpdate.partition, "spec.updateStrategy.rollingUpdate.partition"));
    }
  } else {
    errs.push(fieldError.invalid("spec.updateStrategy", us.type ?? "", "must be 'RollingUpdate' or 'OnDelete'"));
  }
  errs.push(...validateNonnegativeField(s.replicas, "spec.replicas"));
  errs.push(...validateNonnegativeField(s.minReadySeconds, "spec.minReadySeconds"));
  if (s.selector === null || s.selector === void 0) errs.push(fieldError.required("spec.selector", ""));
  else {
    errs.push(...validateLabelSelector(s.selector, "spec.selector"));
    const n2 = Object.keys(s.selector.matchLabels ?? {}).length + (s.selector.matchExpressions ?? []).length;
    if (n2 === 0) errs.push(invalidGo("spec.selector", s.selector, goLabelSelector(s.selector), "empty selector is invalid for statefulset"));
  }
  let selector;
  try {
    selector = labelSelectorAsSelector(s.selector);
  } catch {
    errs.push(invalidGo("spec.selector", s.selector, goLabelSelector(s.selector), "invalid label selector"));
  }
  if (selector && s.template) {
    const labels = s.template.metadata?.labels;
    if (!selector.empty() && !selector.matches(labels ?? {})) {
      errs.push(invalidGo("spec.template.metadata.labels", labels, goStringMap(labels), "`selector` does not match template `labels`"));
    }
    errs.push(...validatePodTemplateSpec(s.template, "spec.template"));
    if (s.template.spec?.restartPolicy !== "Always") {
      errs.push(fieldError.notSupported("spec.template.spec.restartPolicy", s.template.spec?.restartPolicy ?? "", ["Always"]));
    }
    if (s.template.spec?.activeDeadlineSeconds !== void 0) {
      errs.push(fieldError.forbidden("spec.template.spec.activeDeadlineSeconds", "activeDeadlineSeconds in StatefulSet is not Supported"));
    }
  }
  return errs;
}
function validateDaemonSet(ds) {
  const errs = validateObjectMeta(ds, true, nameIsDNSSubdomain);
  const s = ds.spec ?? {};
  errs.push(...validateLabelSelector(s.selector, "spec.selector"));
  let selector;
  try {
    selector = labelSelectorAsSelector(s.selector);
  } catch {
    errs.push(invalidGo("spec.selector", s.selector, goLabelSelector(s.selector), "invalid label selector"));
  }
  if (selector && selector.empty()) errs.push(invalidGo("spec.selector", s.selector, goLabelSelector(s.selector), "empty selector is invalid for daemonset"));
  if (s.selector === null || s.selector === void 0) errs.unshift(fieldError.required("spec.selector", ""));
  if (selector && !selector.matches(s.template?.metadata?.labels ?? {})) {
    const labels = s.template?.metadata?.labels;
    errs.push(invalidGo("spec.template.metadata.labels", labels, goStringMap(labels), "`selector` does not match template `labels`"));
  }
  errs.push(...validatePodTemplateSpec(s.template, "spec.template"));
  if (s.template?.spec?.restartPolicy !== "Always") {
    errs.push(fieldError.notSupported("spec.template.spec.restartPolicy", s.template?.spec?.restartPolicy ?? "", ["Always"]));
  }
  errs.push(...validateNonnegativeField(s.minReadySeconds, "spec.minReadySeconds"));
  const us = s.updateStrategy ?? {};
  if (us.type === "RollingUpdate") {
    const ru = us.rollingUpdate ?? {};
    errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, "spec.updateStrategy.rollingUpdate.maxUnavailable"));
    errs.push(...validatePositiveIntOrPercent(ru.maxSurge, "spec.updateStrategy.rollingUpdate.maxSurge"));
    if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
      errs.push(invalidGo("spec.updateStrategy.rollingUpdate.maxUnavailable", ru.maxUnavailable, goIntOrString(ru.maxUnavailable), "may not be 0 when `maxSurge` is 0"));
    }
    errs.push(...isNotMoreThan100Percent(ru.maxUnavailable, "spec.updateStrategy.rollingUpdate.maxUnavailable"));
  } else if (us.type !== "OnDelete") {
    errs.push(fieldError.notSupported("spec.updateStrategy.type", us.type ?? "", ["OnDelete", "RollingUpdate"]));
  }
  if (s.revisionHistoryLimit !== void 0 && s.revisionHistoryLimit !== null) {
    errs.push(...validateNonnegativeField(s.revisionHistoryLimit, "spec.revisionHistoryLimit"));
  }
  return errs;
}
function validateSelectorImmutable(obj, old) {
  if (deepEqual(obj.spec?.selector, old.spec?.selector)) return [];
  return [invalidGo("spec.selector", obj.spec?.selector, goLabelSelector(obj.spec?.selector), FIELD_IMMUTABLE_ERROR_MSG)];
}
var STS_UPDATABLE = ["replicas", "ordinals", "template", "updateStrategy", "revisionHistoryLimit", "persistentVolumeClaimRetentionPolicy", "minReadySeconds"];
function validateStatefulSetUpdate(ss, old) {
  const a = { ...ss.spec ?? {} };
  const b = { ...old.spec ?? {} };
  for (const f of STS_UPDATABLE) {
    delete a[f];
    delete b[f];
  }
  if (deepEqual(a, b)) return [];
  return [
    fieldError.forbidden(
      "spec",
      "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"
    )
  ];
}

// src/engine/api/validation/batch.ts
var COMPLETION_MODES = ["NonIndexed", "Indexed"];
function validateJobTemplate(t, path) {
  const errs = validatePodTemplateSpec(t, path);
  const rp = t?.spec?.restartPolicy;
  if (rp !== "OnFailure" && rp !== "Never") {
    errs.push(fieldError.required(`${path}.spec.restartPolicy`, 'valid values: "OnFailure", "Never"'));
  }
  return errs;
}
function validateJobSpec(s, path, checkSelector) {
  const errs = [];
  if (s?.parallelism !== void 0 && s?.parallelism !== null) errs.push(...validateNonnegativeField(s.parallelism, `${path}.parallelism`));
  if (s?.completions !== void 0 && s?.completions !== null) errs.push(...validateNonnegativeField(s.completions, `${path}.completions`));
  if (s?.activeDeadlineSeconds !== void 0 && s?.activeDeadlineSeconds !== null) {
    errs.push(...validateNonnegativeField(s.activeDeadlineSeconds, `${path}.activeDeadlineSeconds`));
  }
  if (s?.backoffLimit !== void 0 && s?.backoffLimit !== null) errs.push(...validateNonnegativeField(s.backoffLimit, `${path}.backoffLimit`));
  if (s?.ttlSecondsAfterFinished !== void 0 && s?.ttlSecondsAfterFinished !== null) {
    errs.push(...validateNonnegativeField(s.ttlSecondsAfterFinished, `${path}.ttlSecondsAfterFinished`));
  }
  if (s?.completionMode && !COMPLETION_MODES.includes(s.completionMode)) {
    errs.push(fieldError.notSupported(`${path}.completionMode`, s.completionMode, COMPLETION_MODES));
  }
  if (s?.completionMode === "Indexed" && (s.completions === void 0 || s.completions === null)) {
    errs.push(fieldError.required(`${path}.completions`, "when completion mode is Indexed"));
  }
  if (checkSelector) {
    if (!s?.selector) errs.push(fieldError.required(`${path}.selector`, ""));
    else {
      errs.push(...validateLabelSelector(s.selector, `${path}.selector`));
      try {
        const sel = labelSelectorAsSelector(s.selector);
        const labels = s.template?.metadata?.labels;
        if (!sel.matches(labels ?? {})) {
          errs.push(invalidGo(`${path}.template.metadata.labels`, labels, goStringMap(labels), "`selector` does not match template `labels`"));
        }
      } catch {
      }
    }
  }
  errs.push(...validateJobTemplate(s?.template, `${path}.template`));
  return errs;
}
function validateJob(job) {
  const errs = validateObjectMeta(job, true, nameIsDNSSubdomain);
  errs.push(...validateJobSpec(job.spec ?? {}, "spec", true));
  return errs;
}
function validateJobUpdate(job, old) {
  const errs = [];
  if (!deepEqual(job.spec?.selector, old.spec?.selector)) errs.push(fieldError.invalid("spec.selector", job.spec?.selector, FIELD_IMMUTABLE_ERROR_MSG));
  if (!deepEqual(job.spec?.template, old.spec?.template)) errs.push(fieldError.invalid("spec.template", job.spec?.template, FIELD_IMMUTABLE_ERROR_MSG));
  if (!deepEqual(job.spec?.completions, old.spec?.completions) && job.spec?.completionMode !== "Indexed") {
    errs.push(fieldError.invalid("spec.completions", job.spec?.completions, FIELD_IMMUTABLE_ERROR_MSG));
  }
  if (!deepEqual(job.spec?.completionMode, old.spec?.completionMode)) {
    errs.push(fieldError.invalid("spec.completionMode", job.spec?.completionMode, FIELD_IMMUTABLE_ERROR_MSG));
  }
  return errs;
}
var CONCURRENCY_POLICIES = ["Allow", "Forbid", "Replace"];
function validateCronJob(cj) {
  const errs = validateObjectMeta(cj, true, nameIsDNSSubdomain);
  if (cj.metadata.name && cj.metadata.name.length > 52) errs.push(fieldError.invalid("metadata.name", cj.metadata.name, "must be no more than 52 characters"));
  const s = cj.spec ?? {};
  if (!s.schedule) errs.push(fieldError.required("spec.schedule", ""));
  else if (typeof s.schedule === "string" && s.schedule.trim().split(/\s+/).length !== 5 && !s.schedule.trim().startsWith("@")) {
    errs.push(fieldError.invalid("spec.schedule", s.schedule, `Expected exactly 5 fields, found ${s.schedule.trim().split(/\s+/).length}: ${s.schedule}`));
  }
  if (s.startingDeadlineSeconds !== void 0 && s.startingDeadlineSeconds !== null) {
    errs.push(...validateNonnegativeField(s.startingDeadlineSeconds, "spec.startingDeadlineSeconds"));
  }
  if (!s.concurrencyPolicy) errs.push(fieldError.required("spec.concurrencyPolicy", ""));
  else if (!CONCURRENCY_POLICIES.includes(s.concurrencyPolicy)) errs.push(fieldError.notSupported("spec.concurrencyPolicy", s.concurrencyPolicy, CONCURRENCY_POLICIES));
  errs.push(...validateNonnegativeField(s.successfulJobsHistoryLimit, "spec.successfulJobsHistoryLimit"));
  errs.push(...validateNonnegativeField(s.failedJobsHistoryLimit, "spec.failedJobsHistoryLimit"));
  if (s.jobTemplate?.spec?.manualSelector === true || s.jobTemplate?.spec?.selector) {
    errs.push(...validateLabelSelector(s.jobTemplate.spec.selector, "spec.jobTemplate.spec.selector"));
  }
  errs.push(...validateJobSpec(s.jobTemplate?.spec ?? {}, "spec.jobTemplate.spec", false));
  return errs;
}

// src/engine/api/validation/core.ts
var SUPPORTED_PORT_PROTOCOLS2 = ["SCTP", "TCP", "UDP"];
var SERVICE_TYPES = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];
var SESSION_AFFINITY = ["ClientIP", "None"];
function validateService(svc) {
  const errs = validateObjectMeta(svc, true, nameIsDNS1035Label);
  const s = svc.spec ?? {};
  const headless = s.clusterIP === "None";
  const ports = Array.isArray(s.ports) ? s.ports : [];
  if (ports.length === 0 && !headless && s.type !== "ExternalName") errs.push(fieldError.required("spec.ports", ""));
  if (s.type === "ExternalName") {
    if (Array.isArray(s.clusterIPs) && s.clusterIPs.length) errs.push(fieldError.forbidden("spec.clusterIPs", "may not be set for ExternalName services"));
    const clean = String(s.externalName ?? "").replace(/\.$/, "");
    for (const m of isDNS1123Subdomain(clean)) errs.push(fieldError.invalid("spec.externalName", s.externalName ?? "", m));
  }
  const names = /* @__PURE__ */ new Set();
  ports.forEach((sp, i) => {
    const p = `spec.ports[${i}]`;
    if (ports.length > 1 && !sp?.name) errs.push(fieldError.required(`${p}.name`, ""));
    else if (sp?.name) {
      errs.push(...validateDNS1123Label(sp.name, `${p}.name`));
      if (names.has(sp.name)) errs.push(fieldError.duplicate(`${p}.name`, sp.name));
      else names.add(sp.name);
    }
    for (const m of isValidPortNum(sp?.port)) errs.push(fieldError.invalid(`${p}.port`, sp?.port ?? 0, m));
    if (!sp?.protocol) errs.push(fieldError.required(`${p}.protocol`, ""));
    else if (!SUPPORTED_PORT_PROTOCOLS2.includes(sp.protocol)) errs.push(fieldError.notSupported(`${p}.protocol`, sp.protocol, SUPPORTED_PORT_PROTOCOLS2));
    errs.push(...validatePortNumOrName(sp?.targetPort, `${p}.targetPort`));
    if (sp?.appProtocol) for (const m of isQualifiedName(sp.appProtocol)) errs.push(fieldError.invalid(`${p}.appProtocol`, sp.appProtocol, m));
  });
  if (s.selector) errs.push(...validateLabels(s.selector, "spec.selector"));
  if (!s.sessionAffinity) errs.push(fieldError.required("spec.sessionAffinity", ""));
  else if (!SESSION_AFFINITY.includes(s.sessionAffinity)) errs.push(fieldError.notSupported("spec.sessionAffinity", s.sessionAffinity, SESSION_AFFINITY));
  if (!s.type) errs.push(fieldError.required("spec.type", ""));
  else if (!SERVICE_TYPES.includes(s.type)) errs.push(fieldError.notSupported("spec.type", s.type, SERVICE_TYPES));
  if (s.type === "ClusterIP") {
    ports.forEach((sp, i) => {
      if (sp?.nodePort) errs.push(fieldError.forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });
  }
  const seen = /* @__PURE__ */ new Set();
  ports.forEach((sp, i) => {
    const key = `${sp?.protocol}/${sp?.port}`;
    if (seen.has(key)) errs.push({ type: "FieldValueDuplicate", field: `spec.ports[${i}]`, value: sp, omitValue: true, detail: goServicePortKey(sp?.protocol, sp?.port) });
    seen.add(key);
  });
  return errs;
}
function validateServiceUpdate(svc, old) {
  const errs = [];
  const oldIPs = old.spec?.clusterIPs ?? [];
  const newIPs = svc.spec?.clusterIPs ?? [];
  if (oldIPs.length && newIPs.length && svc.spec?.type !== "ExternalName" && oldIPs[0] !== newIPs[0]) {
    errs.push(invalidGo("spec.clusterIPs[0]", newIPs, goSlice(newIPs), "may not change once set"));
  }
  return errs;
}
function validateNamespace(ns) {
  const errs = validateObjectMeta(ns, false, nameIsDNSLabel);
  (ns.spec?.finalizers ?? []).forEach((f) => {
    const m = isQualifiedName(f);
    if (m.length) errs.push(fieldError.invalid("spec.finalizers", f, m.join(";")));
  });
  return errs;
}
function validateNode(node) {
  const errs = validateObjectMeta(node, false, nameIsDNSSubdomain);
  const seen = /* @__PURE__ */ new Map();
  (node.spec?.taints ?? []).forEach((t, i) => {
    const p = `spec.taints[${i}]`;
    errs.push(...validateLabelName(t?.key ?? "", `${p}.key`));
    const m = isValidLabelValue(t?.value ?? "");
    if (m.length) errs.push(fieldError.invalid(`${p}.value`, t?.value ?? "", m.join(";")));
    errs.push(...validateTaintEffect(t?.effect, false, `${p}.effect`));
    const keys = seen.get(t?.effect) ?? /* @__PURE__ */ new Set();
    if (keys.has(t?.key)) {
      errs.push({ type: "FieldValueDuplicate", field: p, value: t, omitValue: true, detail: `${goTaint(t)}: taints must be unique by key and effect pair` });
      return;
    }
    keys.add(t?.key);
    seen.set(t?.effect, keys);
  });
  return errs;
}
var CONFIG_KEY_RE = /^[-._a-zA-Z0-9]+$/;
function validateConfigKeys(data, path, seen) {
  const errs = [];
  for (const k of Object.keys(data ?? {})) {
    if (!CONFIG_KEY_RE.test(k)) {
      errs.push(fieldError.invalid(path, k, "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"));
    }
    if (seen.has(k)) errs.push(fieldError.invalid(path, k, "duplicate of key present in binaryData"));
    seen.add(k);
  }
  return errs;
}
function validateConfigMap(cm) {
  const errs = validateObjectMeta(cm, true, nameIsDNSSubdomain);
  const seen = /* @__PURE__ */ new Set();
  errs.push(...validateConfigKeys(cm.data, "data", seen));
  errs.push(...validateConfigKeys(cm.binaryData, "binaryData", seen));
  return errs;
}
function validateImmutableConfig(obj, old) {
  if (old.immutable !== true) return [];
  const errs = [];
  if (obj.immutable !== true) errs.push(fieldError.forbidden("immutable", "field is immutable when `immutable` is set"));
  if (!deepEqual(obj.data, old.data) || !deepEqual(obj.binaryData, old.binaryData) || !deepEqual(obj.stringData, old.stringData)) {
    errs.push(fieldError.forbidden("data", "field is immutable when `immutable` is set"));
  }
  return errs;
}
function validateSimpleNamed(obj) {
  return validateObjectMeta(obj, true, nameIsDNSSubdomain);
}
function validatePersistentVolumeClaim(pvc) {
  const errs = validateObjectMeta(pvc, true, nameIsDNSSubdomain);
  const s = pvc.spec ?? {};
  if (!Array.isArray(s.accessModes) || s.accessModes.length === 0) errs.push(fieldError.required("spec.accessModes", "at least 1 access mode is required"));
  if (!s.resources?.requests?.storage && !s.dataSource && !s.dataSourceRef) errs.push(fieldError.required("spec.resources[storage]", ""));
  return errs;
}
var HIGHEST_USER_DEFINABLE_PRIORITY = 1e9;
function validatePriorityClass(pc) {
  const errs = validateObjectMeta(pc, false, nameIsDNSSubdomain);
  if (pc.metadata.name?.startsWith("system-") && !["system-node-critical", "system-cluster-critical"].includes(pc.metadata.name)) {
    errs.push(fieldError.forbidden("metadata.name", "priority class names with 'system-' prefix are reserved for system use only"));
  }
  if (typeof pc.value !== "number" || pc.value > HIGHEST_USER_DEFINABLE_PRIORITY && !pc.metadata.name?.startsWith("system-")) {
    errs.push(fieldError.forbidden("value", `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}`));
  }
  if (pc.preemptionPolicy && !["PreemptLowerPriority", "Never"].includes(pc.preemptionPolicy)) {
    errs.push(fieldError.notSupported("preemptionPolicy", pc.preemptionPolicy, ["Never", "PreemptLowerPriority"]));
  }
  return errs;
}
function validatePriorityClassUpdate(pc, old) {
  const errs = [];
  if (pc.value !== old.value) errs.push(fieldError.forbidden("value", "may not be changed in an update."));
  if (pc.preemptionPolicy !== old.preemptionPolicy) errs.push(fieldError.invalid("preemptionPolicy", pc.preemptionPolicy, FIELD_IMMUTABLE_ERROR_MSG));
  return errs;
}

// src/engine/api/validation/other.ts
function validateHorizontalPodAutoscaler(hpa) {
  const errs = validateObjectMeta(hpa, true, nameIsDNSSubdomain);
  const s = hpa.spec ?? {};
  const min = s.minReplicas ?? 1;
  if (min < 1) errs.push(fieldError.invalid("spec.minReplicas", min, "must be greater than or equal to 1"));
  if (typeof s.maxReplicas !== "number" || s.maxReplicas < 1) errs.push(fieldError.invalid("spec.maxReplicas", s.maxReplicas ?? 0, "must be greater than 0"));
  else if (s.maxReplicas < min) errs.push(fieldError.invalid("spec.maxReplicas", s.maxReplicas, "must be greater than or equal to `minReplicas`"));
  const ref = s.scaleTargetRef ?? {};
  if (!ref.kind) errs.push(fieldError.required("spec.scaleTargetRef.kind", ""));
  if (!ref.name) errs.push(fieldError.required("spec.scaleTargetRef.name", ""));
  return errs;
}
function validatePodDisruptionBudget(pdb) {
  const errs = validateObjectMeta(pdb, true, nameIsDNSSubdomain);
  const s = pdb.spec ?? {};
  if (s.minAvailable !== void 0 && s.maxUnavailable !== void 0) {
    errs.push(invalidGo("spec", s, "policy.PodDisruptionBudgetSpec{...}", "minAvailable and maxUnavailable cannot be both set"));
  }
  for (const f of ["minAvailable", "maxUnavailable"]) {
    const v = s[f];
    if (typeof v === "number") errs.push(...validateNonnegativeField(v, `spec.${f}`));
    else if (typeof v === "string") {
      if (!/^[0-9]+%$/.test(v)) {
        errs.push(invalidGo(`spec.${f}`, v, goIntOrString(v), regexError("a valid percent string must be a numeric string followed by an ending '%'", "[0-9]+%", "1%", "93%")));
      } else if (Number(v.slice(0, -1)) > 100) errs.push(invalidGo(`spec.${f}`, v, goIntOrString(v), "must not be greater than 100%"));
    }
  }
  errs.push(...validateLabelSelector(s.selector, "spec.selector"));
  return errs;
}

// src/engine/api/validation/pod.ts
var MAX_INT323 = 2147483647;
function validatePodMetadataAndSpec(pod) {
  const errs = validateObjectMeta(pod, true, nameIsDNSSubdomain);
  errs.push(...validatePodSpec(pod.spec, "spec"));
  if (!pod.spec?.serviceAccountName) {
    (pod.spec?.volumes ?? []).forEach((v, vi) => {
      (v?.projected?.sources ?? []).forEach((s, si) => {
        if (s?.serviceAccountToken) {
          errs.push(fieldError.forbidden(`spec.volumes[${vi}].projected.sources[${si}].serviceAccountToken`, "must not be specified when serviceAccountName is not set"));
        }
      });
    });
  }
  return errs;
}
function validatePodCreate(pod) {
  const errs = validatePodMetadataAndSpec(pod);
  if (Array.isArray(pod.spec?.ephemeralContainers) && pod.spec.ephemeralContainers.length) {
    errs.push(fieldError.forbidden("spec.ephemeralContainers", "cannot be set on create"));
  }
  if (pod.spec?.nodeName && Array.isArray(pod.spec?.schedulingGates) && pod.spec.schedulingGates.length) {
    errs.push(fieldError.forbidden("spec.nodeName", "cannot be set until all schedulingGates have been cleared"));
  }
  return errs;
}
function validateContainerUpdates(next, prev, path) {
  const a = Array.isArray(next) ? next : [];
  const b = Array.isArray(prev) ? prev : [];
  if (a.length !== b.length) return { errs: [fieldError.forbidden(path, "pod updates may not add or remove containers")], stop: true };
  const errs = [];
  a.forEach((c, i) => {
    if (!c?.image) errs.push(fieldError.required(`${path}[${i}].image`, ""));
    else if (c.image.trim().length !== c.image.length) errs.push(fieldError.invalid(`${path}[${i}].image`, c.image, "must not have leading or trailing whitespace"));
  });
  return { errs, stop: false };
}
function validateOnlyAddedTolerations(next, prev, path) {
  const nt = Array.isArray(next) ? next : [];
  for (const old of Array.isArray(prev) ? prev : []) {
    const found = nt.some((t) => deepEqual({ ...old, tolerationSeconds: t?.tolerationSeconds }, t));
    if (!found) return [fieldError.forbidden(path, "existing toleration can not be modified except its tolerationSeconds")];
  }
  return validateTolerations(nt, path);
}
function validateOnlyDeletedSchedulingGates(next, prev, path) {
  const old = new Set((Array.isArray(prev) ? prev : []).map((g) => g?.name));
  for (const g of Array.isArray(next) ? next : []) if (!old.has(g?.name)) return [fieldError.forbidden(path, "only deletion is allowed, but found new scheduling gate '" + g?.name + "'")];
  return [];
}
function specDiff(oldSpec, newSpec) {
  const keys = [.../* @__PURE__ */ new Set([...Object.keys(oldSpec ?? {}), ...Object.keys(newSpec ?? {})])].sort();
  const lines = ["  core.PodSpec{"];
  for (const k of keys) {
    if (deepEqual(oldSpec?.[k], newSpec?.[k])) continue;
    if (oldSpec?.[k] !== void 0) lines.push(`- 	${k}: ${JSON.stringify(oldSpec[k])},`);
    if (newSpec?.[k] !== void 0) lines.push(`+ 	${k}: ${JSON.stringify(newSpec[k])},`);
  }
  lines.push("  }");
  return lines.join("\n");
}
var POD_UPDATE_FORBIDDEN = "pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";
function validatePodUpdate(pod, old) {
  const errs = validatePodMetadataAndSpec(pod);
  const ns = pod.spec ?? {};
  const os = old.spec ?? {};
  let r = validateContainerUpdates(ns.containers, os.containers, "spec.containers");
  errs.push(...r.errs);
  if (r.stop) return errs;
  r = validateContainerUpdates(ns.initContainers, os.initContainers, "spec.initContainers");
  errs.push(...r.errs);
  if (r.stop) return errs;
  if (ns.activeDeadlineSeconds !== void 0 && ns.activeDeadlineSeconds !== null) {
    const v = ns.activeDeadlineSeconds;
    if (v < 0 || v > MAX_INT323) return [...errs, fieldError.invalid("spec.activeDeadlineSeconds", v, `must be between 0 and ${MAX_INT323}, inclusive`)];
    if (os.activeDeadlineSeconds !== void 0 && os.activeDeadlineSeconds !== null && os.activeDeadlineSeconds < v) {
      return [...errs, fieldError.invalid("spec.activeDeadlineSeconds", v, "must be less than or equal to previous value")];
    }
  } else if (os.activeDeadlineSeconds !== void 0 && os.activeDeadlineSeconds !== null) {
    errs.push(fieldError.invalid("spec.activeDeadlineSeconds", null, "must not update from a positive integer to nil value"));
  }
  errs.push(...validateOnlyAddedTolerations(ns.tolerations, os.tolerations, "spec.tolerations"));
  errs.push(...validateOnlyDeletedSchedulingGates(ns.schedulingGates, os.schedulingGates, "spec.schedulingGates"));
  if (deepEqual(ns, os)) return errs;
  const munged = clone(ns);
  (munged.containers ?? []).forEach((c, i) => c.image = os.containers[i].image);
  (munged.initContainers ?? []).forEach((c, i) => c.image = os.initContainers[i].image);
  munged.activeDeadlineSeconds = os.activeDeadlineSeconds;
  munged.schedulingGates = os.schedulingGates;
  munged.tolerations = os.tolerations;
  if (typeof os.terminationGracePeriodSeconds === "number" && os.terminationGracePeriodSeconds < 0 && munged.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = os.terminationGracePeriodSeconds;
  }
  if (Array.isArray(os.schedulingGates) && os.schedulingGates.length) {
    munged.nodeSelector = os.nodeSelector;
    munged.affinity = os.affinity;
  }
  if (!deepEqual(munged, os)) errs.push(fieldError.forbidden("spec", `${POD_UPDATE_FORBIDDEN}
${specDiff(os, munged)}`));
  return errs;
}

// src/engine/api/validation/index.ts
var ON_CREATE = {
  Pod: validatePodCreate,
  Deployment: validateDeployment,
  ReplicaSet: validateReplicaSet,
  StatefulSet: validateStatefulSet,
  DaemonSet: validateDaemonSet,
  Job: validateJob,
  CronJob: validateCronJob,
  Service: validateService,
  Namespace: validateNamespace,
  Node: validateNode,
  ConfigMap: validateConfigMap,
  Secret: validateSimpleNamed,
  ServiceAccount: validateSimpleNamed,
  PersistentVolumeClaim: validatePersistentVolumeClaim,
  PriorityClass: validatePriorityClass,
  HorizontalPodAutoscaler: validateHorizontalPodAutoscaler,
  PodDisruptionBudget: validatePodDisruptionBudget
};
var ON_UPDATE = {
  Pod: validatePodUpdate,
  Deployment: (o, old) => [...validateDeployment(o), ...validateSelectorImmutable(o, old)],
  ReplicaSet: (o, old) => [...validateReplicaSet(o), ...validateSelectorImmutable(o, old)],
  StatefulSet: (o, old) => [...validateStatefulSet(o), ...validateStatefulSetUpdate(o, old)],
  DaemonSet: (o, old) => [...validateDaemonSet(o), ...validateSelectorImmutable(o, old)],
  Job: (o, old) => [...validateJob(o), ...validateJobUpdate(o, old)],
  Service: (o, old) => [...validateService(o), ...validateServiceUpdate(o, old)],
  ConfigMap: (o, old) => [...validateConfigMap(o), ...validateImmutableConfig(o, old)],
  Secret: (o, old) => [...validateSimpleNamed(o), ...validateImmutableConfig(o, old)],
  PriorityClass: (o, old) => [...validatePriorityClass(o), ...validatePriorityClassUpdate(o, old)]
};
function onlyStatusChanged(obj, old) {
  const { status: _a, metadata: ma, ...restA } = obj;
  const { status: _b, metadata: mb, ...restB } = old;
  return deepEqual(restA, restB) && deepEqual(ma.labels, mb.labels) && deepEqual(ma.annotations, mb.annotations) && deepEqual(ma.ownerReferences, mb.ownerReferences);
}
function validateObject(obj, old) {
  if (!old) return ON_CREATE[obj.kind]?.(obj) ?? [];
  if (onlyStatusChanged(obj, old)) return [];
  const upd = ON_UPDATE[obj.kind];
  if (upd) return upd(obj, old);
  return ON_CREATE[obj.kind]?.(obj) ?? [];
}
function installValidation(chain) {
  chain.addValidating("Validation", (obj, old) => validateObject(obj, old));
}

// src/engine/apiserver/admission/forbidden.ts
function admissionName(obj, op) {
  const md = obj.metadata;
  if (op === "CREATE" && md.generateName && md.name.startsWith(md.generateName.slice(0, 58)) && md.name.length === Math.min(md.generateName.length, 58) + 5) {
    return md.generateName;
  }
  return md.name || "Unknown";
}
function forbidden(obj, op, reason) {
  const info = kindInfo(obj.kind);
  const resource = info ? qualifiedResource(info.plural, info.apiVersion) : obj.kind.toLowerCase();
  return new ApiError("Forbidden", `${resource} "${admissionName(obj, op)}" is forbidden: ${reason}`);
}

// src/engine/apiserver/admission/namespaceLifecycle.ts
function namespaceLifecycleAdmission(obj, _old, ctx) {
  if (ctx.op !== "CREATE" || obj.kind === "Namespace" || !isNamespaced(obj.kind)) return;
  const ns = obj.metadata.namespace;
  if (!ns) return;
  const nsObj = ctx.get("Namespace", void 0, ns);
  if (nsObj && (nsObj.status?.phase === "Terminating" || nsObj.metadata.deletionTimestamp)) {
    throw forbidden(obj, ctx.op, `unable to create new content in namespace ${ns} because it is being terminated`);
  }
}

// src/engine/apiserver/admission/limitRanger.ts
var LIMIT_RANGER_ANNOTATION = "kubernetes.io/limit-ranger";
var MAX_MILLI_VALUE = 9223372036854775n;
function containerItems(ctx, ns) {
  const items = [];
  for (const lr of ctx.list("LimitRange", ns)) for (const it of lr.spec?.limits ?? []) items.push(it);
  return items;
}
function merge(c, defaults, prefix, notes) {
  c.resources = c.resources ?? {};
  const limits = c.resources.limits = c.resources.limits ?? {};
  const requests = c.resources.requests = c.resources.requests ?? {};
  const setLimits = [];
  const setRequests = [];
  for (const [k, v] of Object.entries(defaults.limits)) {
    if (!(k in limits)) {
      limits[k] = v;
      setLimits.push(k);
    }
  }
  for (const [k, v] of Object.entries(defaults.requests)) {
    if (!(k in requests)) {
      requests[k] = v;
      setRequests.push(k);
    }
  }
  if (setRequests.length) notes.push(`${setRequests.sort().join(", ")} request for ${prefix} ${c.name}`);
  if (setLimits.length) notes.push(`${setLimits.sort().join(", ")} limit for ${prefix} ${c.name}`);
  if (!Object.keys(limits).length) delete c.resources.limits;
  if (!Object.keys(requests).length) delete c.resources.requests;
}
function containerDefaults(items) {
  const out2 = { limits: {}, requests: {} };
  for (const it of items) {
    if (it?.type !== "Container") continue;
    Object.assign(out2.requests, it.defaultRequest ?? {});
    Object.assign(out2.limits, it.default ?? {});
  }
  return out2;
}
function limitRangerMutate(pod, _old, ctx) {
  if (pod.kind !== "Pod" || ctx.op !== "CREATE") return;
  const items = containerItems(ctx, pod.metadata.namespace);
  if (!items.length) return;
  const defaults = containerDefaults(items);
  if (!Object.keys(defaults.limits).length && !Object.keys(defaults.requests).length) return;
  const notes = [];
  for (const c of pod.spec?.containers ?? []) merge(c, defaults, "container", notes);
  for (const c of pod.spec?.initContainers ?? []) merge(c, defaults, "init container", notes);
  if (notes.length) {
    pod.metadata.annotations = { ...pod.metadata.annotations ?? {}, [LIMIT_RANGER_ANNOTATION]: `LimitRanger plugin set: ${notes.join("; ")}` };
  }
}
function q(v) {
  if (v === void 0) return void 0;
  try {
    return parseQuantity(v);
  } catch {
    return void 0;
  }
}
function observed(req, lim, enf) {
  const r = req?.valueBig() ?? 0n;
  const l = lim?.valueBig() ?? 0n;
  const e = enf.valueBig();
  if (r <= MAX_MILLI_VALUE && l <= MAX_MILLI_VALUE && e <= MAX_MILLI_VALUE) {
    return [req?.milliValueBig() ?? 0n, lim?.milliValueBig() ?? 0n, enf.milliValueBig()];
  }
  return [r, l, e];
}
function check2(limitType, item, requests, limits, errs) {
  for (const [k, v] of Object.entries(item.min ?? {})) {
    const enf = q(v);
    const req = q(requests[k]);
    const lim = q(limits[k]);
    const [r, l, e] = observed(req, lim, enf);
    if (!req) errs.push(`minimum ${k} usage per ${limitType} is ${enf}.  No request is specified`);
    else if (r < e) errs.push(`minimum ${k} usage per ${limitType} is ${enf}, but request is ${req}`);
    else if (lim && l < e) errs.push(`minimum ${k} usage per ${limitType} is ${enf}, but limit is ${lim}`);
  }
  for (const [k, v] of Object.entries(item.max ?? {})) {
    const enf = q(v);
    const req = q(requests[k]);
    const lim = q(limits[k]);
    const [r, l, e] = observed(req, lim, enf);
    if (!lim) errs.push(`maximum ${k} usage per ${limitType} is ${enf}.  No limit is specified`);
    else if (l > e) errs.push(`maximum ${k} usage per ${limitType} is ${enf}, but limit is ${lim}`);
    else if (req && r > e) errs.push(`maximum ${k} usage per ${limitType} is ${enf}, but request is ${req}`);
  }
  for (const [k, v] of Object.entries(item.maxLimitRequestRatio ?? {})) {
    const enf = q(v);
    const req = q(requests[k]);
    const lim = q(limits[k]);
    const [r, l] = observed(req, lim, enf);
    if (!req || r === 0n) errs.push(`${k} max limit to request ratio per ${limitType} is ${enf}, but no request is specified or request is 0`);
    else if (!lim || l === 0n) errs.push(`${k} max limit to request ratio per ${limitType} is ${enf}, but no limit is specified or limit is 0`);
    else {
      const ratio = Number(l) / Number(r);
      const big = enf.valueBig() > MAX_MILLI_VALUE;
      if ((big ? ratio : ratio * 1e3) > Number(big ? enf.valueBig() : enf.milliValueBig())) {
        errs.push(`${k} max limit to request ratio per ${limitType} is ${enf}, but provided ratio is ${ratio.toFixed(6)}`);
      }
    }
  }
}
function sum(lists) {
  const acc = /* @__PURE__ */ new Map();
  for (const l of lists) for (const [k, v] of Object.entries(l)) {
    const x = q(v);
    if (x) acc.set(k, acc.has(k) ? acc.get(k).add(x) : x);
  }
  return Object.fromEntries([...acc].map(([k, v]) => [k, v.toString()]));
}
function podTotals(pod, field) {
  const total = sum((pod.spec?.containers ?? []).map((c) => c.resources?.[field] ?? {}));
  for (const c of pod.spec?.initContainers ?? []) {
    for (const [k, v] of Object.entries(c.resources?.[field] ?? {})) {
      const x = q(v);
      const cur = q(total[k]);
      if (x && (!cur || x.cmp(cur) > 0)) total[k] = x.toString();
    }
  }
  return total;
}
function limitRangerValidate(pod, _old, ctx) {
  if (pod.kind !== "Pod" || ctx.op !== "CREATE") return [];
  const items = containerItems(ctx, pod.metadata.namespace);
  const errs = [];
  for (const it of items) {
    if (it?.type === "Container") {
      for (const c of [...pod.spec?.containers ?? [], ...pod.spec?.initContainers ?? []]) {
        check2("Container", it, c.resources?.requests ?? {}, c.resources?.limits ?? {}, errs);
      }
    } else if (it?.type === "Pod") {
      check2("Pod", it, podTotals(pod, "requests"), podTotals(pod, "limits"), errs);
    }
  }
  if (errs.length) throw forbidden(pod, ctx.op, errs.length === 1 ? errs[0] : `[${errs.join(", ")}]`);
  return [];
}

// src/engine/apiserver/admission/resourceQuota.ts
var COMPUTE = ["cpu", "memory", "ephemeral-storage"];
var VALIDATION_SET = /* @__PURE__ */ new Set(["cpu", "memory", "requests.cpu", "requests.memory", "limits.cpu", "limits.memory"]);
var LEGACY_COUNTS = {
  Pod: "pods",
  Service: "services",
  ConfigMap: "configmaps",
  Secret: "secrets",
  PersistentVolumeClaim: "persistentvolumeclaims",
  ResourceQuota: "resourcequotas"
};
function q2(v) {
  try {
    return parseQuantity(v);
  } catch {
    return void 0;
  }
}
function add(u, k, v) {
  u.set(k, u.has(k) ? u.get(k).add(v) : v);
}
function podResource(pod, field, r) {
  let total;
  for (const c of pod.spec?.containers ?? []) {
    const v = q2(c?.resources?.[field]?.[r]);
    if (v) total = total ? total.add(v) : v;
  }
  for (const c of pod.spec?.initContainers ?? []) {
    const v = q2(c?.resources?.[field]?.[r]);
    if (v && (!total || v.cmp(total) > 0)) total = v;
  }
  return total;
}
function podCounts(pod, now) {
  const phase = pod.status?.phase;
  if (phase === "Succeeded" || phase === "Failed") return false;
  const dt = pod.metadata.deletionTimestamp;
  if (dt && now > Date.parse(dt) + (pod.metadata.deletionGracePeriodSeconds ?? 0) * 1e3) return false;
  return true;
}
function usageOf(obj) {
  const u = /* @__PURE__ */ new Map();
  const one = newQuantity(1);
  const info = kindInfo(obj.kind);
  if (info) add(u, `count/${info.plural}${info.apiVersion.includes("/") ? `.${info.apiVersion.split("/")[0]}` : ""}`, one);
  if (LEGACY_COUNTS[obj.kind]) add(u, LEGACY_COUNTS[obj.kind], one);
  if (obj.kind === "Pod") {
    for (const r of COMPUTE) {
      const req = podResource(obj, "requests", r);
      const lim = podResource(obj, "limits", r);
      if (req) {
        add(u, `requests.${r}`, req);
        add(u, r, req);
      }
      if (lim) add(u, `limits.${r}`, lim);
    }
  }
  if (obj.kind === "Service") {
    const ports = (obj.spec?.ports ?? []).length;
    if (obj.spec?.type === "NodePort" || obj.spec?.type === "LoadBalancer") add(u, "services.nodeports", newQuantity(ports));
    if (obj.spec?.type === "LoadBalancer") add(u, "services.loadbalancers", one);
  }
  if (obj.kind === "PersistentVolumeClaim") {
    const s = q2(obj.spec?.resources?.requests?.storage);
    if (s) add(u, "requests.storage", s);
  }
  return u;
}
function prettyPrint(u, keys) {
  return [...keys].sort().map((k) => `${k}=${(u.get(k) ?? newQuantity(0)).toString()}`).join(",");
}
function missingConstraints(pod, required) {
  const req = required.filter((r) => VALIDATION_SET.has(r));
  const missing = /* @__PURE__ */ new Map();
  for (const c of [...pod.spec?.containers ?? [], ...pod.spec?.initContainers ?? []]) {
    for (const r of req) {
      const [field, name] = r.startsWith("limits.") ? ["limits", r.slice(7)] : ["requests", r.replace(/^requests\./, "")];
      if (c?.resources?.[field]?.[name] === void 0) {
        if (!missing.has(r)) missing.set(r, /* @__PURE__ */ new Set());
        missing.get(r).add(c?.name);
      }
    }
  }
  if (!missing.size) return void 0;
  const parts = [...missing.keys()].sort().map((r) => `${r} for: ${[...missing.get(r)].sort().join(",")}`);
  return `must specify ${parts.join("; ")}`;
}
function resourceQuotaValidate(obj, _old, ctx) {
  if (ctx.op !== "CREATE" || !obj.metadata.namespace) return [];
  const all = ctx.list("ResourceQuota", obj.metadata.namespace);
  if (!all.length) return [];
  const quotas = all.filter((rq) => !rq.spec?.scopes?.length && !rq.spec?.scopeSelector).sort((a, b) => a.metadata.name < b.metadata.name ? -1 : 1);
  if (!quotas.length) return [];
  const delta = usageOf(obj);
  const now = Date.parse(ctx.now);
  for (const rq of quotas) {
    const hard = /* @__PURE__ */ new Map();
    for (const [k, v] of Object.entries(rq.spec?.hard ?? {})) {
      const x = q2(v);
      if (x) hard.set(k, x);
    }
    const constrained = [...hard.keys()].filter((k) => delta.has(k));
    if (obj.kind === "Pod") {
      const miss = missingConstraints(obj, [...hard.keys()]);
      if (miss) throw forbidden(obj, ctx.op, `failed quota: ${rq.metadata.name}: ${miss}`);
    }
    if (!constrained.length) continue;
    const used = /* @__PURE__ */ new Map();
    for (const k of constrained) used.set(k, newQuantity(0));
    for (const o of ctx.list(obj.kind, obj.metadata.namespace)) {
      if (o.kind === "Pod" && !podCounts(o, now)) continue;
      for (const [k, v] of usageOf(o)) if (used.has(k)) add(used, k, v);
    }
    const exceeded = constrained.filter((k) => used.get(k).add(delta.get(k)).cmp(hard.get(k)) > 0);
    if (exceeded.length) {
      throw forbidden(
        obj,
        ctx.op,
        `exceeded quota: ${rq.metadata.name}, requested: ${prettyPrint(delta, exceeded)}, used: ${prettyPrint(used, exceeded)}, limited: ${prettyPrint(hard, exceeded)}`
      );
    }
  }
  return [];
}

// src/engine/apiserver/admission/serviceAccount.ts
var DEFAULT_SERVICE_ACCOUNT_NAME = "default";
var SERVICE_ACCOUNT_MOUNT_PATH = "/var/run/secrets/kubernetes.io/serviceaccount";
var TOKEN_VOLUME_PREFIX = "kube-api-access-";
function tokenVolume(name) {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: "token" } },
        { configMap: { items: [{ key: "ca.crt", path: "ca.crt" }], name: "kube-root-ca.crt" } },
        { downwardAPI: { items: [{ fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" }, path: "namespace" }] } }
      ]
    }
  };
}
function serviceAccountAdmission(pod, _old, ctx) {
  if (pod.kind !== "Pod" || ctx.op !== "CREATE") return;
  const spec = pod.spec = pod.spec ?? {};
  if (pod.metadata.annotations?.["kubernetes.io/config.mirror"] !== void 0) return;
  if (!spec.serviceAccountName) spec.serviceAccountName = spec.serviceAccount || DEFAULT_SERVICE_ACCOUNT_NAME;
  spec.serviceAccount = spec.serviceAccountName;
  const sa = ctx.get("ServiceAccount", pod.metadata.namespace, spec.serviceAccountName);
  const automount = spec.automountServiceAccountToken ?? sa?.automountServiceAccountToken ?? true;
  if (!automount) return;
  const containers = [...spec.initContainers ?? [], ...spec.containers ?? []];
  const alreadyMounted = containers.some((c) => (c?.volumeMounts ?? []).some((m) => m?.mountPath === SERVICE_ACCOUNT_MOUNT_PATH));
  if (alreadyMounted) return;
  const name = TOKEN_VOLUME_PREFIX + new Random(0, `${TOKEN_VOLUME_PREFIX}${pod.metadata.uid}`).string(5, K8S_RAND_ALPHABET);
  spec.volumes = [...spec.volumes ?? [], tokenVolume(name)];
  for (const c of containers) {
    if (!c || typeof c !== "object") continue;
    c.volumeMounts = [...c.volumeMounts ?? [], { mountPath: SERVICE_ACCOUNT_MOUNT_PATH, name, readOnly: true }];
  }
}

// src/engine/apiserver/admission/priority.ts
var SYSTEM_PRIORITY_CLASSES = {
  "system-node-critical": 2000001e3,
  "system-cluster-critical": 2e9
};
function lookup(ctx, name) {
  const pc = ctx.get("PriorityClass", void 0, name);
  if (pc) return { value: pc.value ?? 0, preemptionPolicy: pc.preemptionPolicy ?? "PreemptLowerPriority" };
  if (name in SYSTEM_PRIORITY_CLASSES) return { value: SYSTEM_PRIORITY_CLASSES[name], preemptionPolicy: "PreemptLowerPriority" };
  return void 0;
}
function priorityAdmission(pod, old, ctx) {
  if (pod.kind !== "Pod") return;
  const spec = pod.spec = pod.spec ?? {};
  if (ctx.op === "UPDATE") {
    if (spec.priority === void 0 && old?.spec?.priority !== void 0) spec.priority = old.spec.priority;
    if (spec.preemptionPolicy === void 0 && old?.spec?.preemptionPolicy !== void 0) spec.preemptionPolicy = old.spec.preemptionPolicy;
    return;
  }
  let priority;
  let preemptionPolicy;
  if (!spec.priorityClassName) {
    const def = ctx.list("PriorityClass").filter((pc) => pc.globalDefault === true).sort((a, b) => (a.value ?? 0) - (b.value ?? 0))[0];
    if (def) {
      spec.priorityClassName = def.metadata.name;
      priority = def.value ?? 0;
      preemptionPolicy = def.preemptionPolicy ?? "PreemptLowerPriority";
    } else {
      priority = 0;
      preemptionPolicy = "PreemptLowerPriority";
    }
  } else {
    const pc = lookup(ctx, spec.priorityClassName);
    if (!pc) throw forbidden(pod, ctx.op, `no PriorityClass with name ${spec.priorityClassName} was found`);
    priority = pc.value;
    preemptionPolicy = pc.preemptionPolicy;
  }
  if (spec.priority !== void 0 && spec.priority !== null && spec.priority !== priority) {
    throw forbidden(
      pod,
      ctx.op,
      `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`
    );
  }
  spec.priority = priority;
  if (preemptionPolicy) {
    if (spec.preemptionPolicy && spec.preemptionPolicy !== preemptionPolicy) {
      throw forbidden(
        pod,
        ctx.op,
        `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${preemptionPolicy} from the given PriorityClass name`
      );
    }
    spec.preemptionPolicy = preemptionPolicy;
  }
}

// src/engine/apiserver/admission/defaultTolerationSeconds.ts
var DEFAULT_NOT_READY_TOLERATION_SECONDS = 300;
var DEFAULT_UNREACHABLE_TOLERATION_SECONDS = 300;
var TAINT_NOT_READY = "node.kubernetes.io/not-ready";
var TAINT_UNREACHABLE = "node.kubernetes.io/unreachable";
function defaultTolerationSecondsAdmission(pod, _old, _ctx) {
  if (pod.kind !== "Pod") return;
  const spec = pod.spec = pod.spec ?? {};
  const tolerations = Array.isArray(spec.tolerations) ? spec.tolerations : [];
  let notReady = false;
  let unreachable = false;
  for (const t of tolerations) {
    const anyEffect = !t?.effect || t.effect === "NoExecute";
    if ((t?.key === TAINT_NOT_READY || !t?.key) && anyEffect) notReady = true;
    if ((t?.key === TAINT_UNREACHABLE || !t?.key) && anyEffect) unreachable = true;
  }
  if (notReady && unreachable) return;
  const out2 = [...tolerations];
  if (!notReady) {
    out2.push({ key: TAINT_NOT_READY, operator: "Exists", effect: "NoExecute", tolerationSeconds: DEFAULT_NOT_READY_TOLERATION_SECONDS });
  }
  if (!unreachable) {
    out2.push({ key: TAINT_UNREACHABLE, operator: "Exists", effect: "NoExecute", tolerationSeconds: DEFAULT_UNREACHABLE_TOLERATION_SECONDS });
  }
  spec.tolerations = out2;
}

// src/engine/apiserver/admission/index.ts
function installAdmission(chain) {
  installDefaulting(chain);
  chain.addMutating("NamespaceLifecycle", namespaceLifecycleAdmission);
  chain.addMutating("LimitRanger", limitRangerMutate);
  chain.addMutating("ServiceAccount", serviceAccountAdmission);
  chain.addMutating("Priority", priorityAdmission);
  chain.addMutating("DefaultTolerationSeconds", defaultTolerationSecondsAdmission);
  installStrategies(chain);
  installValidation(chain);
  chain.addValidating("LimitRanger", limitRangerValidate);
  chain.addValidating("ResourceQuota", resourceQuotaValidate);
}

// src/engine/sim/clock.ts
var EventQueue = class {
  heap = [];
  seq = 0;
  get size() {
    return this.heap.length;
  }
  push(at, target, key, data) {
    if (!Number.isFinite(at)) throw new Error(`event time must be finite, got ${at}`);
    const ev = { at: Math.round(at), seq: this.seq++, target, key };
    if (data !== void 0) ev.data = data;
    this.heap.push(ev);
    this.up(this.heap.length - 1);
    return ev;
  }
  peek() {
    return this.heap[0];
  }
  pop() {
    const h = this.heap;
    if (h.length === 0) return void 0;
    const top3 = h[0];
    const last = h.pop();
    if (h.length > 0) {
      h[0] = last;
      this.down(0);
    }
    return top3;
  }
  save() {
    return { seq: this.seq, events: this.heap.map((e) => ({ ...e })) };
  }
  load(state) {
    this.seq = state.seq;
    this.heap = state.events.map((e) => ({ ...e }));
  }
  less(a, b) {
    return a.at < b.at || a.at === b.at && a.seq < b.seq;
  }
  up(i) {
    const h = this.heap;
    while (i > 0) {
      const p = i - 1 >> 1;
      if (!this.less(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }
  down(i) {
    const h = this.heap;
    const n2 = h.length;
    for (; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n2 && this.less(h[l], h[m])) m = l;
      if (r < n2 && this.less(h[r], h[m])) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m], h[i]];
      i = m;
    }
  }
};
var DEFAULT_EPOCH_MS = Date.UTC(2025, 0, 1, 0, 0, 0);
var Clock = class {
  constructor(epochMs = DEFAULT_EPOCH_MS) {
    this.epochMs = epochMs;
  }
  epochMs;
  now = 0;
  /** RFC 3339 with second precision, as metav1.Time serialises. */
  timestamp(ms = this.now) {
    const sec = Math.floor((this.epochMs + ms) / 1e3);
    if (sec !== this.lastSec) {
      this.lastSec = sec;
      this.lastStamp = new Date(sec * 1e3).toISOString().replace(/\.\d{3}Z$/, "Z");
    }
    return this.lastStamp;
  }
  lastSec = Number.NaN;
  lastStamp = "";
  /** RFC 3339 with microseconds, as metav1.MicroTime serialises (Event.eventTime, Lease.renewTime). */
  microTimestamp(ms = this.now) {
    return new Date(this.epochMs + ms).toISOString().replace(/Z$/, "000Z");
  }
  /** Parse a metav1.Time back into simulated milliseconds. */
  parse(ts) {
    if (!ts) return void 0;
    const v = Date.parse(ts);
    return Number.isNaN(v) ? void 0 : v - this.epochMs;
  }
};

// src/engine/sim/timings.ts
var DEFAULT_TIMINGS = {
  controllerLatencyMs: 5,
  schedulingLatencyMs: 5,
  kubeletLatencyMs: 100,
  nodeStatusUpdateFrequencyMs: 1e4,
  nodeMonitorPeriodMs: 5e3,
  nodeMonitorGracePeriodMs: 5e4,
  expectationsTimeoutMs: 5 * 6e4
};

// src/engine/sim/cluster.ts
var DEFAULT_REGION = "region-1";
function nodeManifest(n2) {
  const labels = {
    "beta.kubernetes.io/arch": "amd64",
    "beta.kubernetes.io/os": "linux",
    "kubernetes.io/arch": "amd64",
    "kubernetes.io/hostname": n2.name,
    "kubernetes.io/os": "linux"
  };
  if (n2.zone) {
    labels["topology.kubernetes.io/region"] = DEFAULT_REGION;
    labels["topology.kubernetes.io/zone"] = n2.zone;
  }
  if (n2.controlPlane) {
    labels["node-role.kubernetes.io/control-plane"] = "";
    labels["node.kubernetes.io/exclude-from-external-load-balancers"] = "";
  }
  Object.assign(labels, n2.labels ?? {});
  const capacity = {
    cpu: n2.cpu ?? "4",
    "ephemeral-storage": "100Gi",
    memory: n2.memory ?? "8Gi",
    pods: n2.pods ?? "110"
  };
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name: n2.name, labels },
    spec: n2.controlPlane ? { taints: [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }] } : {},
    status: { capacity, allocatable: { ...capacity } }
  };
}
function defaultCluster() {
  return [
    nodeManifest({ name: "control-plane", controlPlane: true, zone: "zone-a" }),
    nodeManifest({ name: "worker-1", zone: "zone-a" }),
    nodeManifest({ name: "worker-2", zone: "zone-b" }),
    nodeManifest({ name: "worker-3", zone: "zone-c" })
  ];
}

// src/engine/kubectl/args.ts
var SHORT = {
  n: "namespace",
  o: "output",
  l: "selector",
  f: "filename",
  A: "all-namespaces",
  w: "watch",
  c: "container",
  p: "previous",
  R: "recursive",
  k: "kustomize",
  i: "stdin",
  t: "tty",
  h: "help",
  L: "label-columns"
};
var SHORT_BY_VERB = {
  patch: { p: "patch" },
  scale: {}
};
var BOOLEAN = /* @__PURE__ */ new Set([
  "all-namespaces",
  "watch",
  "previous",
  "recursive",
  "stdin",
  "tty",
  "help",
  "all",
  "overwrite",
  "now",
  "force",
  "show-labels",
  "no-headers",
  "ignore-not-found",
  "wait",
  "local",
  "record",
  "ignore-daemonsets",
  "delete-emptydir-data",
  "disable-eviction",
  "show-events",
  "follow",
  "timestamps",
  "show-kind",
  "watch-only",
  "server-side",
  "force-conflicts",
  "list",
  "resolve"
]);
var ArgError = class extends Error {
};
function tokenize(line) {
  const out2 = [];
  let cur = "";
  let has = false;
  let quote = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = null;
      else if (c === "\\" && quote === '"' && i + 1 < line.length && '"\\$`'.includes(line[i + 1])) cur += line[++i];
      else cur += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      has = true;
    } else if (c === "\\" && i + 1 < line.length) {
      cur += line[++i];
      has = true;
    } else if (/\s/.test(c)) {
      if (has) out2.push(cur);
      cur = "";
      has = false;
    } else {
      cur += c;
      has = true;
    }
  }
  if (quote) throw new ArgError(`unterminated ${quote === '"' ? "double" : "single"} quote`);
  if (has) out2.push(cur);
  return out2;
}
function parseArgs(argv) {
  const words = [...argv];
  if (words[0] === "kubectl") words.shift();
  const flags = {};
  const multi = {};
  const positional = [];
  const set2 = (name, v) => {
    flags[name] = v;
    (multi[name] ??= []).push(String(v));
  };
  const verbGuess = words.find((w) => !w.startsWith("-")) ?? "";
  const shortFor = (l) => SHORT_BY_VERB[verbGuess]?.[l] ?? SHORT[l];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === "--") {
      positional.push(...words.slice(i + 1));
      break;
    }
    if (w.startsWith("--") && w.length > 2) {
      const eq = w.indexOf("=");
      const name = eq < 0 ? w.slice(2) : w.slice(2, eq);
      if (eq >= 0) set2(name, w.slice(eq + 1));
      else if (BOOLEAN.has(name)) set2(name, true);
      else if (i + 1 < words.length) set2(name, words[++i]);
      else throw new ArgError(`flag needs an argument: --${name}`);
    } else if (w.startsWith("-") && w.length > 1 && w !== "-") {
      const letter = w[1];
      const name = shortFor(letter);
      if (!name) throw new ArgError(`unknown shorthand flag: '${letter}' in ${w}`);
      let rest = w.slice(2);
      if (rest.startsWith("=")) rest = rest.slice(1);
      if (BOOLEAN.has(name)) {
        set2(name, true);
        for (const l of rest) {
          const n2 = shortFor(l);
          if (!n2) throw new ArgError(`unknown shorthand flag: '${l}' in ${w}`);
          set2(n2, true);
        }
      } else if (rest) set2(name, rest);
      else if (i + 1 < words.length) set2(name, words[++i]);
      else throw new ArgError(`flag needs an argument: '${letter}' in -${letter}`);
    } else {
      positional.push(w);
    }
  }
  const verb = positional.shift() ?? "";
  return { verb, args: positional, flags, multi };
}

// src/engine/kubectl/types.ts
function ok(stdout) {
  return { stdout, stderr: "", exitCode: 0 };
}
function fail(stderr, stdout = "") {
  return { stdout, stderr: stderr.endsWith("\n") ? stderr : stderr + "\n", exitCode: 1 };
}
function flagString(a, name, dflt = "") {
  const v = a.flags[name];
  return typeof v === "string" ? v : dflt;
}
function flagBool(a, name, dflt = false) {
  const v = a.flags[name];
  if (v === void 0) return dflt;
  if (typeof v === "boolean") return v;
  return v !== "false";
}

// src/engine/kubectl/applyObject.ts
var LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
function goJson(v) {
  const sortKeys = (x) => {
    if (Array.isArray(x)) return x.map(sortKeys);
    if (x && typeof x === "object") {
      const o = {};
      for (const k of Object.keys(x).sort()) if (x[k] !== void 0) o[k] = sortKeys(x[k]);
      return o;
    }
    return x;
  };
  return JSON.stringify(sortKeys(v)).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
}
function lastAppliedOf(manifest) {
  const m = clone(manifest);
  m.metadata = m.metadata ?? {};
  const ann = { ...m.metadata.annotations ?? {} };
  delete ann[LAST_APPLIED];
  m.metadata.annotations = ann;
  return goJson(m) + "\n";
}
function isMap(v) {
  return !!v && typeof v === "object" && !Array.isArray(v);
}
var MERGE_KEYS = {
  containers: "name",
  initContainers: "name",
  ephemeralContainers: "name",
  env: "name",
  volumes: "name",
  volumeMounts: "mountPath",
  imagePullSecrets: "name",
  hostAliases: "ip"
};
function mergeList(key, original, modified, current, patch2) {
  const k = MERGE_KEYS[key];
  if (!k || !modified.every((x) => isMap(x) && x[k] !== void 0) || !current.every((x) => isMap(x) && x[k] !== void 0)) return void 0;
  const byKey2 = (list) => new Map(list.map((x) => [JSON.stringify(x[k]), x]));
  const orig = byKey2(Array.isArray(original) ? original.filter((x) => isMap(x) && x[k] !== void 0) : []);
  const cur = byKey2(current);
  const mod = byKey2(modified);
  const merged = (id) => patch2 ? strategicMerge(cur.get(id), mod.get(id)) : threeWayMerge(orig.get(id), mod.get(id), cur.get(id));
  if (patch2) {
    const out3 = current.map((c) => {
      const id = JSON.stringify(c[k]);
      return mod.has(id) ? merged(id) : clone(c);
    });
    for (const id of mod.keys()) if (!cur.has(id)) out3.push(clone(mod.get(id)));
    return out3;
  }
  const out2 = [...mod.keys()].map(merged);
  for (const [id, c] of cur) if (!mod.has(id) && !orig.has(id)) out2.push(clone(c));
  return out2;
}
function strategicMerge(current, patch2, key = "") {
  if (Array.isArray(patch2) && Array.isArray(current)) return mergeList(key, void 0, patch2, current, true) ?? clone(patch2);
  if (!isMap(patch2) || !isMap(current)) return clone(patch2);
  const out2 = clone(current);
  for (const [k, v] of Object.entries(patch2)) {
    if (v === null) delete out2[k];
    else out2[k] = strategicMerge(current[k], v, k);
  }
  return out2;
}
function threeWayMerge(original, modified, current, key = "") {
  if (Array.isArray(modified) && Array.isArray(current)) return mergeList(key, original, modified, current, false) ?? clone(modified);
  if (!isMap(modified) || !isMap(current)) return clone(modified);
  const out2 = clone(current);
  const orig = isMap(original) ? original : {};
  for (const k of Object.keys(orig)) {
    if (!(k in modified)) delete out2[k];
  }
  for (const [k, v] of Object.entries(modified)) {
    if (v === null) {
      delete out2[k];
      continue;
    }
    out2[k] = threeWayMerge(orig[k], v, current[k], k);
  }
  return out2;
}
var ApplyError = class extends Error {
};
function applyObject(sim2, manifest, defaultNamespace2 = "default", source = "STDIN") {
  const info = kindInfo(manifest.kind);
  const obj = clone(manifest);
  obj.metadata = obj.metadata ?? {};
  if (info?.namespaced && !obj.metadata.namespace) obj.metadata.namespace = defaultNamespace2;
  if (!obj.metadata.name) {
    if (obj.metadata.generateName) throw new ApplyError(`from ${source}: cannot use generate name with apply`);
    const group2 = info && info.apiVersion.includes("/") ? info.apiVersion.split("/")[0] : "";
    const version = info ? info.apiVersion.split("/").pop() : "";
    throw new ApplyError(
      `error when retrieving current configuration of: Resource: "${group2}/${version}, Resource=${info?.plural}", GroupVersionKind: "${group2}/${version}, Kind=${manifest.kind}" Name: "", Namespace: "${obj.metadata.namespace ?? ""}" from server for: "${source}": resource name may not be empty`
    );
  }
  const ns = info?.namespaced ? obj.metadata.namespace : void 0;
  const annotation = lastAppliedOf(obj);
  const live = obj.metadata.name ? sim2.api.get(manifest.kind, ns, obj.metadata.name) : void 0;
  if (!live) {
    obj.metadata.annotations = { ...obj.metadata.annotations ?? {}, [LAST_APPLIED]: annotation };
    return { outcome: "created", object: sim2.api.create(obj) };
  }
  const prevRaw = live.metadata.annotations?.[LAST_APPLIED];
  let original;
  try {
    original = prevRaw ? JSON.parse(prevRaw) : void 0;
  } catch {
    original = void 0;
  }
  const modified = clone(obj);
  modified.metadata = {
    ...modified.metadata,
    annotations: { ...obj.metadata.annotations ?? {}, [LAST_APPLIED]: annotation }
  };
  const merged = threeWayMerge(original, modified, clone(live));
  delete merged.metadata.resourceVersion;
  if (deepEqual({ ...merged, status: void 0 }, { ...live, status: void 0, metadata: { ...live.metadata, resourceVersion: void 0 } })) {
    return { outcome: "unchanged", object: live };
  }
  const stored = sim2.api.update(merged);
  return { outcome: stored === live ? "unchanged" : "configured", object: stored };
}

// src/manifests/parse.ts
import { isMap as isMap2, isPair, isScalar, isSeq, LineCounter, parseAllDocuments } from "yaml";

// src/manifests/fieldPath.ts
function parseFieldPath(path) {
  const out2 = [];
  let i = 0;
  let cur = "";
  const flush = () => {
    if (cur) out2.push(cur);
    cur = "";
  };
  while (i < path.length) {
    const c = path[i];
    if (c === ".") {
      flush();
      i++;
    } else if (c === "[") {
      flush();
      const end = path.indexOf("]", i);
      const inner = end < 0 ? path.slice(i + 1) : path.slice(i + 1, end);
      out2.push(/^\d+$/.test(inner) ? Number(inner) : inner);
      i = end < 0 ? path.length : end + 1;
    } else {
      cur += c;
      i++;
    }
  }
  flush();
  return out2;
}

// src/manifests/parse.ts
function parseManifests(text, file) {
  const lc = new LineCounter();
  const diagnostics = [];
  let parsed2;
  try {
    const r = parseAllDocuments(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true, merge: true });
    parsed2 = Array.isArray(r) ? r : [];
  } catch (e) {
    diagnostics.push({ file, line: 1, column: 1, message: `error converting YAML to JSON: ${e.message}`, severity: "error" });
    return { file, docs: [], diagnostics };
  }
  const pos = (offset) => {
    const p = lc.linePos(Math.max(0, Math.min(offset, text.length)));
    return { line: p.line, column: p.col };
  };
  const range = (node) => {
    if (!node?.range) return void 0;
    const s = pos(node.range[0]);
    const e = pos(node.range[1]);
    return { ...s, endLine: e.line, endColumn: e.column };
  };
  const docs = [];
  parsed2.forEach((doc, index) => {
    if (doc.errors.length) {
      for (const err of doc.errors) {
        const p = pos(err.pos[0]);
        diagnostics.push({ file, line: p.line, column: p.column, message: yamlErrorMessage(err.code, err.message, text.slice(err.pos[0], err.pos[1])), severity: "error" });
      }
      return;
    }
    for (const w of doc.warnings) {
      const p = pos(w.pos[0]);
      diagnostics.push({ file, line: p.line, column: p.column, message: w.message.split("\n")[0], severity: "warning" });
    }
    let value;
    try {
      value = doc.toJS({ maxAliasCount: 1e3 });
    } catch (e) {
      const p = range(doc.contents) ?? { line: 1, column: 1 };
      diagnostics.push({ file, line: p.line, column: p.column, message: `error converting YAML to JSON: ${e.message}`, severity: "error" });
      return;
    }
    const docStart = range(doc.contents) ?? pos(doc.range[0]);
    const find = (path, key) => {
      const segs = typeof path === "string" ? parseFieldPath(path) : path;
      let node = doc.contents;
      let best = docStart;
      for (const seg of segs) {
        if (isMap2(node)) {
          const pair = node.items.find((it) => isPair(it) && keyString(it.key) === String(seg));
          if (!pair) return best;
          const kp = range(pair.key);
          const vp = range(pair.value);
          best = key ? kp ?? best : vp ?? kp ?? best;
          node = pair.value;
        } else if (isSeq(node) && typeof seg === "number") {
          const item = node.items[seg];
          if (item === void 0) return best;
          best = range(item) ?? best;
          node = item;
        } else {
          return best;
        }
      }
      return best;
    };
    docs.push({
      index,
      value: value === void 0 ? null : value,
      start: docStart,
      positionOf: (p) => find(p, false),
      keyPositionOf: (p) => find(p, true)
    });
  });
  return { file, docs, diagnostics };
}
function keyString(k) {
  if (isScalar(k)) return String(k.value);
  return String(k);
}
function yamlErrorMessage(code, m, source) {
  const first = m.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
  const go = {
    BLOCK_AS_IMPLICIT_KEY: "mapping values are not allowed in this context",
    TAB_AS_INDENT: "found character that cannot start any token",
    DUPLICATE_KEY: `unmarshal errors: mapping key ${JSON.stringify(source.replace(/:$/, "").trim())} already defined`
  };
  let text = go[code];
  if (!text && /^Flow sequence/.test(first)) text = "did not find expected ',' or ']'";
  if (!text && /^Flow map/.test(first)) text = "did not find expected ',' or '}'";
  if (!text && /^Missing closing "?quote/.test(first)) text = "found unexpected end of stream";
  return `error converting YAML to JSON: yaml: ${text ?? first.charAt(0).toLowerCase() + first.slice(1)}`;
}

// src/manifests/decodeTypes.ts
var S = (name, fields) => ({ name, fields });
var arr = (t, goName2) => ({ array: t, goName: goName2 });
var strMap = { map: "string", goName: "map[string]string" };
var objectMeta = S("ObjectMeta", {
  name: "string",
  generateName: "string",
  namespace: "string",
  labels: strMap,
  annotations: strMap,
  finalizers: arr("string", "[]string")
});
var labelSelector = S("LabelSelector", {
  matchLabels: strMap,
  matchExpressions: arr(S("LabelSelectorRequirement", { key: "string", operator: "string", values: arr("string", "[]string") }), "[]v1.LabelSelectorRequirement")
});
var resources = S("ResourceRequirements", { limits: { map: "any", goName: "v1.ResourceList" }, requests: { map: "any", goName: "v1.ResourceList" } });
var probe = S("Probe", {
  initialDelaySeconds: "int32",
  timeoutSeconds: "int32",
  periodSeconds: "int32",
  successThreshold: "int32",
  failureThreshold: "int32",
  terminationGracePeriodSeconds: "int64",
  httpGet: S("HTTPGetAction", { path: "string", port: "intstr", host: "string", scheme: "string" }),
  tcpSocket: S("TCPSocketAction", { port: "intstr", host: "string" }),
  exec: S("ExecAction", { command: arr("string", "[]string") }),
  grpc: S("GRPCAction", { port: "int32" })
});
var containerPort = S("ContainerPort", { name: "string", containerPort: "int32", hostPort: "int32", protocol: "string", hostIP: "string" });
var envVar = S("EnvVar", { name: "string", value: "string" });
var container = S("Container", {
  name: "string",
  image: "string",
  imagePullPolicy: "string",
  command: arr("string", "[]string"),
  args: arr("string", "[]string"),
  workingDir: "string",
  ports: arr(containerPort, "[]v1.ContainerPort"),
  env: arr(envVar, "[]v1.EnvVar"),
  resources,
  livenessProbe: probe,
  readinessProbe: probe,
  startupProbe: probe,
  restartPolicy: "string",
  terminationMessagePath: "string",
  terminationMessagePolicy: "string",
  stdin: "bool",
  tty: "bool"
});
var toleration = S("Toleration", { key: "string", operator: "string", value: "string", effect: "string", tolerationSeconds: "int64" });
var podSpec = S("PodSpec", {
  containers: arr(container, "[]v1.Container"),
  initContainers: arr(container, "[]v1.Container"),
  restartPolicy: "string",
  terminationGracePeriodSeconds: "int64",
  activeDeadlineSeconds: "int64",
  dnsPolicy: "string",
  nodeSelector: strMap,
  serviceAccountName: "string",
  nodeName: "string",
  hostNetwork: "bool",
  schedulerName: "string",
  tolerations: arr(toleration, "[]v1.Toleration"),
  priorityClassName: "string",
  priority: "int32",
  hostname: "string",
  subdomain: "string",
  enableServiceLinks: "bool"
});
var podTemplate = S("PodTemplateSpec", { metadata: objectMeta, spec: podSpec });
var deploymentSpec = S("DeploymentSpec", {
  replicas: "int32",
  selector: labelSelector,
  template: podTemplate,
  minReadySeconds: "int32",
  revisionHistoryLimit: "int32",
  paused: "bool",
  progressDeadlineSeconds: "int32",
  strategy: S("DeploymentStrategy", { type: "string", rollingUpdate: S("RollingUpdateDeployment", { maxUnavailable: "intstr", maxSurge: "intstr" }) })
});
var replicaSetSpec = S("ReplicaSetSpec", { replicas: "int32", selector: labelSelector, template: podTemplate, minReadySeconds: "int32" });
var statefulSetSpec = S("StatefulSetSpec", {
  replicas: "int32",
  selector: labelSelector,
  template: podTemplate,
  serviceName: "string",
  podManagementPolicy: "string",
  minReadySeconds: "int32",
  revisionHistoryLimit: "int32"
});
var daemonSetSpec = S("DaemonSetSpec", { selector: labelSelector, template: podTemplate, minReadySeconds: "int32", revisionHistoryLimit: "int32" });
var jobSpec = S("JobSpec", {
  parallelism: "int32",
  completions: "int32",
  activeDeadlineSeconds: "int64",
  backoffLimit: "int32",
  selector: labelSelector,
  manualSelector: "bool",
  template: podTemplate,
  ttlSecondsAfterFinished: "int32",
  completionMode: "string",
  suspend: "bool"
});
var servicePort = S("ServicePort", { name: "string", protocol: "string", port: "int32", targetPort: "intstr", nodePort: "int32" });
var top = (kind, spec, extra = {}) => S(kind, { apiVersion: "string", kind: "string", metadata: objectMeta, ...spec ? { spec } : {}, ...extra });
var KIND_SCHEMAS = {
  Pod: top("Pod", podSpec),
  Deployment: top("Deployment", deploymentSpec),
  ReplicaSet: top("ReplicaSet", replicaSetSpec),
  StatefulSet: top("StatefulSet", statefulSetSpec),
  DaemonSet: top("DaemonSet", daemonSetSpec),
  Job: top("Job", jobSpec),
  CronJob: top("CronJob", S("CronJobSpec", {
    schedule: "string",
    timeZone: "string",
    startingDeadlineSeconds: "int64",
    concurrencyPolicy: "string",
    suspend: "bool",
    successfulJobsHistoryLimit: "int32",
    failedJobsHistoryLimit: "int32",
    jobTemplate: S("JobTemplateSpec", { metadata: objectMeta, spec: jobSpec })
  })),
  Service: top("Service", S("ServiceSpec", {
    ports: arr(servicePort, "[]v1.ServicePort"),
    selector: strMap,
    clusterIP: "string",
    type: "string",
    publishNotReadyAddresses: "bool"
  })),
  ConfigMap: top("ConfigMap", void 0, { data: strMap }),
  Namespace: top("Namespace"),
  Node: top("Node", S("NodeSpec", { unschedulable: "bool", taints: arr(S("Taint", { key: "string", value: "string", effect: "string" }), "[]v1.Taint") })),
  PriorityClass: top("PriorityClass", void 0, { value: "int32", globalDefault: "bool", description: "string", preemptionPolicy: "string" })
};
function jsonKind2(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "object") return "object";
  if (typeof v === "boolean") return "bool";
  return typeof v;
}
function goName(t) {
  if (typeof t === "string") return t === "any" ? "interface {}" : t === "intstr" ? "intstr.IntOrString" : t;
  if ("fields" in t) return `v1.${t.name}`;
  return t.goName;
}
var INT_RANGE = {
  int32: [-2147483648, 2147483647],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER]
};
function checkTypes2(obj) {
  const schema = KIND_SCHEMAS[obj.kind] ?? top(String(obj.kind));
  const found = [];
  const walk = (v, t, jsonPath2, fieldPath, struct) => {
    if (found.length || v === null || v === void 0) return;
    const where = `Go struct field ${struct}.${jsonPath2}`;
    const bad = (what) => void found.push({ path: fieldPath, message: `json: cannot unmarshal ${what} into ${where} of type ${goName(t)}` });
    const k = jsonKind2(v);
    if (typeof t === "string") {
      if (t === "any") return;
      if (t === "intstr") {
        if (k !== "string" && k !== "number") bad(k);
        return;
      }
      if (t === "string" && k !== "string") return bad(k);
      if (t === "bool" && k !== "bool") return bad(k);
      if (t === "int32" || t === "int64") {
        if (k !== "number") return bad(k);
        const n2 = v;
        const [lo, hi] = INT_RANGE[t];
        if (!Number.isInteger(n2) || n2 < lo || n2 > hi) bad(`number ${formatNumber(n2)}`);
      }
      return;
    }
    if ("fields" in t) {
      if (k !== "object") return bad(k);
      for (const [f, ft] of Object.entries(t.fields)) {
        const fv = v[f];
        if (fv === void 0) continue;
        walk(fv, ft, jsonPath2 ? `${jsonPath2}.${f}` : f, fieldPath ? `${fieldPath}.${f}` : f, t.name);
        if (found.length) return;
      }
      return;
    }
    if ("array" in t) {
      if (k !== "array") return bad(k);
      v.forEach((item, i) => walk(item, t.array, jsonPath2, `${fieldPath}[${i}]`, struct));
      return;
    }
    if (k !== "object") return bad(k);
    for (const [mk, mv] of Object.entries(v)) {
      walk(mv, t.map, jsonPath2, `${fieldPath}[${mk}]`, struct);
      if (found.length) return;
    }
  };
  for (const [f, ft] of Object.entries(schema.fields)) {
    const fv = obj[f];
    if (fv !== void 0) walk(fv, ft, f, f, schema.name);
    if (found.length) break;
  }
  return found;
}
function formatNumber(n2) {
  if (Number.isInteger(n2) && Math.abs(n2) < 1e21) return String(n2);
  return String(n2).replace(/e\+?(-?)(\d)$/, "e$10$2").replace("e", "e+").replace("e+-", "e-");
}

// src/manifests/objects.ts
var VALIDATE_HINT = "; if you choose to ignore these errors, turn validation off with --validate=false";
function toObjects(p, accept) {
  const objects = [];
  const diagnostics = [...p.diagnostics];
  const err = (doc, path, message, key = false) => {
    const pos = key ? doc.keyPositionOf(path) : doc.positionOf(path);
    diagnostics.push({ file: p.file, line: pos.line, column: pos.column, endLine: pos.endLine, endColumn: pos.endColumn, message, severity: "error" });
  };
  for (const doc of p.docs) {
    const v = doc.value;
    if (v === null || v === void 0) continue;
    if (typeof v !== "object" || Array.isArray(v)) {
      const what = Array.isArray(v) ? "array" : typeof v === "string" ? "string" : typeof v === "number" ? "number" : "bool";
      err(doc, "", `unable to decode "${p.file}": json: cannot unmarshal ${what} into Go value of type map[string]interface {}`);
      continue;
    }
    const m = v;
    if (accept?.(m, doc)) continue;
    const missing = [];
    if (typeof m.apiVersion !== "string" || !m.apiVersion) missing.push("apiVersion not set");
    if (typeof m.kind !== "string" || !m.kind) missing.push("kind not set");
    if (missing.length) {
      const body = missing.length === 1 ? missing[0] : `[${missing.join(", ")}]`;
      err(doc, "", `error validating "${p.file}": error validating data: ${body}${VALIDATE_HINT}`);
      continue;
    }
    const info = kindInfo(m.kind);
    if (!info || info.apiVersion !== m.apiVersion) {
      const md = m.metadata ?? {};
      const name = typeof md.name === "string" ? md.name : "";
      const ns = typeof md.namespace === "string" ? md.namespace : "";
      err(doc, "kind", `resource mapping not found for name: "${name}" namespace: "${ns}" from "${p.file}": no matches for kind "${m.kind}" in version "${m.apiVersion}"`);
      continue;
    }
    const typeErrs = checkTypes2(m);
    if (typeErrs.length) {
      for (const te of typeErrs) {
        err(doc, te.path, `${info.kind} in version "${info.apiVersion.split("/").pop()}" cannot be handled as a ${info.kind}: ${te.message}`);
      }
      continue;
    }
    objects.push({ object: m, doc, file: p.file });
  }
  return { objects, diagnostics };
}

// src/engine/kubectl/fieldSelector.ts
var COMMON = ["metadata.name", "metadata.namespace"];
var SELECTABLE = {
  Pod: ["spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName", "spec.hostNetwork", "status.phase", "status.podIP", "status.nominatedNodeName"],
  Event: ["involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type"],
  Node: ["spec.unschedulable"],
  Secret: ["type"],
  Namespace: ["status.phase"],
  ReplicaSet: ["status.replicas"],
  Job: ["status.successful"]
};
function valueOf(o, field) {
  if (field === "source") return o.source?.component ?? "";
  if (field === "status.successful") return String(o.status?.succeeded ?? 0);
  let v = o;
  for (const part of field.split(".")) v = v?.[part];
  if (v === void 0 || v === null) return field === "spec.unschedulable" || field === "spec.hostNetwork" ? "false" : "";
  return String(v);
}
function fieldSelectorPredicate(info, selector) {
  const reqs = [];
  for (const term of selector.split(",").map((t) => t.trim()).filter(Boolean)) {
    const m = /^([^!=]+?)\s*(==|=|!=)\s*(.*)$/.exec(term);
    if (!m) throw new ApiError("BadRequest", `invalid selector: '${selector}'; can't understand '${term}'`);
    const field = m[1].trim();
    if (![...COMMON, ...SELECTABLE[info.kind] ?? []].includes(field)) {
      const group2 = info.apiVersion.includes("/") ? info.apiVersion.split("/")[0] : "";
      const version = info.apiVersion.split("/").pop();
      throw new ApiError("BadRequest", `Unable to find "${group2}/${version}, Resource=${info.plural}" that match label selector "", field selector "${selector}": field label not supported: ${field}`);
    }
    reqs.push({ field, value: m[3].trim(), negate: m[2] === "!=" });
  }
  return (o) => reqs.every((r) => valueOf(o, r.field) === r.value !== r.negate);
}

// src/engine/kubectl/resources.ts
var KubectlError = class extends Error {
};
function group(info) {
  return info.apiVersion.includes("/") ? info.apiVersion.split("/")[0] : "";
}
function kindName(info) {
  const g = group(info);
  return g ? `${info.singular}.${g}` : info.singular;
}
function resourceName(info) {
  const g = group(info);
  return g ? `${info.plural}.${g}` : info.plural;
}
function objectName(obj) {
  const info = kindInfo(obj.kind);
  return info ? `${kindName(info)}/${obj.metadata.name}` : `${obj.kind.toLowerCase()}/${obj.metadata.name}`;
}
function resolveType(t) {
  const info = resolveResource(t);
  if (!info) throw new KubectlError(`error: the server doesn't have a resource type "${t}"`);
  return info;
}
function parseResourceArgs(args) {
  if (args.length === 0) return [];
  if (args.some((a) => a.includes("/"))) {
    return args.map((a) => {
      const i = a.indexOf("/");
      if (i < 0) throw new KubectlError(`error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`);
      const name = a.slice(i + 1);
      if (!name) throw new KubectlError(`error: arguments in resource/name form must have a single resource and name`);
      return { info: resolveType(a.slice(0, i)), name };
    });
  }
  const types = args[0].split(",").filter(Boolean).map(resolveType);
  const names = args.slice(1);
  if (names.length === 0) return types.map((info) => ({ info }));
  if (types.length > 1) throw new KubectlError(`error: arguments in resource/name form must have a single resource and name`);
  return names.map((name) => ({ info: types[0], name }));
}
function namespaceOf(_sim, a) {
  return flagString(a, "namespace") || "default";
}
function allNamespaces(a) {
  return flagBool(a, "all-namespaces");
}
function listObjects(sim2, info, a) {
  const sel = flagString(a, "selector");
  let pred;
  if (sel) {
    try {
      const s = parseSelector(sel);
      pred = (l) => s.matches(l);
    } catch (e) {
      throw new KubectlError(`error: ${e.message}`);
    }
  }
  const ns = info.namespaced && !allNamespaces(a) ? namespaceOf(sim2, a) : void 0;
  const fsel = flagString(a, "field-selector");
  const fieldPred = fsel ? fieldSelectorPredicate(info, fsel) : void 0;
  const objs = sim2.api.list(info.kind, { namespace: ns, labels: pred }).filter((o) => !fieldPred || fieldPred(o));
  return objs.sort(
    (x, y) => (x.metadata.namespace ?? "").localeCompare(y.metadata.namespace ?? "") || compareNames(x.metadata.name, y.metadata.name)
  );
}
function compareNames(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function getObject(sim2, info, name, a) {
  const ns = info.namespaced ? namespaceOf(sim2, a) : void 0;
  const o = sim2.api.get(info.kind, ns, name);
  if (!o) throw new ApiError("NotFound", `${resourceName(info)} "${name}" not found`);
  return o;
}
function formatError(e) {
  if (e instanceof KubectlError) return e.message;
  if (e instanceof ApiError) {
    if (e.reason === "Invalid") {
      const m = /^(\S+?)(?:\.[a-z0-9.-]+)? "([^"]*)" is invalid/.exec(e.message);
      if (m && e.causes.length) {
        const msgs = e.causes.map(fieldErrorMessage);
        return `The ${m[1]} "${m[2]}" is invalid: ${msgs.length === 1 ? msgs[0] : `[${msgs.join(", ")}]`}`;
      }
    }
    return `Error from server (${e.reason}): ${e.message}`;
  }
  return `error: ${e?.message ?? String(e)}`;
}

// src/engine/kubectl/manifestInput.ts
function readFilenameObjects(a) {
  const f = flagString(a, "filename");
  if (!f) throw new KubectlError("error: must specify one of -f and -k");
  const source = f === "-" ? "STDIN" : f;
  if (a.stdin === void 0) throw new KubectlError(`error: the path "${f}" does not exist`);
  const parsed2 = parseManifests(a.stdin, source);
  const { objects, diagnostics } = toObjects(parsed2);
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length) throw new KubectlError(errors.map((d) => `error: ${d.message}`).join("\n"));
  if (objects.length === 0) throw new KubectlError("error: no objects passed to apply");
  return { source, objects: objects.map((o) => o.object) };
}

// src/engine/kubectl/commands/apply.ts
function apply(sim2, a) {
  const { source, objects } = readFilenameObjects(a);
  const ns = flagString(a, "namespace") || "default";
  let stdout = "";
  let stderr = "";
  for (const obj of objects) {
    try {
      const r = applyObject(sim2, obj, ns, source);
      stdout += `${objectName(r.object)} ${r.outcome}
`;
    } catch (e) {
      stderr += withSource(e, "creating", source) + "\n";
    }
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}
function withSource(e, verb, source) {
  if (e instanceof ApiError && e.reason !== "Invalid") {
    return `Error from server (${e.reason}): error when ${verb} "${source}": ${e.message}`;
  }
  return formatError(e);
}

// src/engine/kubectl/commands/cordon.ts
function selectNodes(sim2, a, verb) {
  let names = [...a.args];
  if (names[0] && /^(nodes?|no)$/.test(names[0])) names = names.slice(1);
  names = names.map((n2) => n2.replace(/^(nodes?|no)\//, ""));
  const sel = flagString(a, "selector");
  if (sel) {
    const s = parseSelector(sel);
    return sim2.list("Node").filter((n2) => s.matches(n2.metadata.labels ?? {})).sort((x, y) => x.metadata.name < y.metadata.name ? -1 : 1);
  }
  if (!names.length) throw new KubectlError(`error: USAGE: ${verb} NODE [flags]
See 'kubectl ${verb} -h' for help and examples`);
  return names.map((n2) => {
    const node = sim2.get("Node", void 0, n2);
    if (!node) throw new ApiError("NotFound", `nodes "${n2}" not found`);
    return node;
  });
}
function cordonNodes(sim2, nodes2, desired) {
  let out2 = "";
  for (const n2 of nodes2) {
    const name = n2.metadata.name;
    if (!!n2.spec?.unschedulable === desired) {
      out2 += `node/${name} already ${desired ? "cordoned" : "uncordoned"}
`;
      continue;
    }
    sim2.api.mutate("Node", void 0, name, (d) => {
      d.spec = { ...d.spec ?? {} };
      if (desired) d.spec.unschedulable = true;
      else delete d.spec.unschedulable;
    });
    out2 += `node/${name} ${desired ? "cordoned" : "uncordoned"}
`;
  }
  return out2;
}
function cordon(sim2, a) {
  return { stdout: cordonNodes(sim2, selectNodes(sim2, a, "cordon"), true), stderr: "", exitCode: 0 };
}

// src/engine/kubectl/commands/create.ts
function create(sim2, a) {
  if (a.args.length > 0) return ok(`${objectName(sim2.api.create(generate(a)))} created
`);
  const { source, objects } = readFilenameObjects(a);
  const ns = flagString(a, "namespace");
  let stdout = "";
  let stderr = "";
  for (const obj of objects) {
    try {
      const o = ns && !obj.metadata?.namespace ? { ...obj, metadata: { ...obj.metadata, namespace: ns } } : obj;
      stdout += `${objectName(sim2.api.create(o))} created
`;
    } catch (e) {
      stderr += withSource(e, "creating", source) + "\n";
    }
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}
function generate(a) {
  const [what, name] = a.args;
  const ns = flagString(a, "namespace") || "default";
  if (!name) throw new KubectlError(`error: exactly one NAME is required, got 0`);
  switch (what) {
    case "deployment":
    case "deploy": {
      const image = flagString(a, "image");
      if (!image) throw new KubectlError('error: required flag(s) "image" not set');
      const replicas = Number(flagString(a, "replicas", "1"));
      const cname = image.split("/").pop().split(":")[0].split("@")[0];
      const labels = { app: name };
      return {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name, namespace: ns, labels },
        spec: {
          replicas,
          selector: { matchLabels: labels },
          template: { metadata: { labels }, spec: { containers: [{ name: cname, image, ...portOf(a) }] } }
        }
      };
    }
    case "namespace":
    case "ns":
      return { apiVersion: "v1", kind: "Namespace", metadata: { name } };
    case "configmap":
    case "cm": {
      const data = {};
      for (const lit of a.multi["from-literal"] ?? []) {
        const i = lit.indexOf("=");
        if (i < 1) throw new KubectlError(`error: invalid literal source ${lit}, expected key=value`);
        data[lit.slice(0, i)] = lit.slice(i + 1);
      }
      return { apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace: ns }, data };
    }
    default:
      throw new KubectlError(`error: unknown command "${what}" for "kubectl create"`);
  }
}
function portOf(a) {
  const p = flagString(a, "port");
  return p ? { ports: [{ containerPort: Number(p) }] } : {};
}

// src/engine/kubectl/commands/delete.ts
function del(sim2, a) {
  const cascade = flagString(a, "cascade", flagBool(a, "cascade", true) ? "background" : "orphan");
  const policies = { background: "Background", foreground: "Foreground", orphan: "Orphan", true: "Background", false: "Orphan" };
  const policy = policies[cascade];
  if (!policy) throw new KubectlError(`error: invalid cascade value (${cascade}). Must be "background", "foreground", or "orphan".`);
  let grace = a.flags["grace-period"] !== void 0 ? Number(flagString(a, "grace-period")) : void 0;
  if (flagBool(a, "now")) grace = 1;
  const force = flagBool(a, "force");
  if (force && grace === void 0) grace = 0;
  if (grace !== void 0 && grace === 0 && !force) grace = 1;
  let targets = [];
  const errors = [];
  if (a.flags.filename !== void 0) {
    const ns = flagString(a, "namespace") || "default";
    for (const o of readFilenameObjects(a).objects) {
      const info = kindInfo(o.kind);
      try {
        targets.push(getObject(sim2, info, o.metadata.name, { ...a, flags: { ...a.flags, namespace: o.metadata.namespace || ns } }));
      } catch (e) {
        errors.push(formatError(e));
      }
    }
  } else {
    const refs = parseResourceArgs(a.args);
    if (refs.length === 0) throw new KubectlError("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'");
    for (const r of refs) {
      if (r.name) {
        try {
          targets.push(getObject(sim2, r.info, r.name, a));
        } catch (e) {
          if (!flagBool(a, "ignore-not-found")) errors.push(formatError(e));
        }
      } else if (a.flags.selector !== void 0 || flagBool(a, "all")) {
        targets.push(...listObjects(sim2, r.info, a));
      } else {
        throw new KubectlError(`error: resource(s) were provided, but no name was specified`);
      }
    }
    if (targets.length === 0 && errors.length === 0 && a.flags.selector !== void 0) {
      return { stdout: "", stderr: `No resources found
`, exitCode: 0 };
    }
  }
  targets = targets.filter((t, i) => targets.findIndex((u) => u.kind === t.kind && u.metadata.namespace === t.metadata.namespace && u.metadata.name === t.metadata.name) === i);
  let stdout = "";
  let stderr = "";
  if (force && grace === 0) stderr += "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n";
  for (const t of targets) {
    try {
      sim2.api.delete(t.kind, t.metadata.namespace, t.metadata.name, { propagationPolicy: policy, gracePeriodSeconds: grace });
      const info = kindInfo(t.kind);
      stdout += info.namespaced ? `${kindName(info)} "${t.metadata.name}" deleted from ${t.metadata.namespace} namespace
` : `${kindName(info)} "${t.metadata.name}" deleted
`;
    } catch (e) {
      errors.push(formatError(e));
    }
  }
  for (const e of errors) stderr += e + "\n";
  return { stdout, stderr, exitCode: errors.length ? 1 : 0 };
}

// src/engine/kubectl/printers/tabwriter.ts
var width = (s) => [...s].length;
function goTabwrite(text, opts) {
  const trailingNewline = text.endsWith("\n");
  const lines = (trailingNewline ? text.slice(0, -1) : text).split("\n").map((l) => l.split("	"));
  const out2 = [];
  const widths = [];
  const writeLines = (from, to) => {
    for (let i = from; i < to; i++) {
      const cells = lines[i];
      let s = "";
      for (let j = 0; j < cells.length; j++) {
        s += cells[j];
        if (j < widths.length && j < cells.length - 1) s += " ".repeat(Math.max(0, widths[j] - width(cells[j])));
      }
      out2.push(s);
    }
  };
  const format = (line0, line1) => {
    const column = widths.length;
    let start = line0;
    for (let t = line0; t < line1; t++) {
      if (column >= lines[t].length - 1) continue;
      writeLines(start, t);
      start = t;
      let w = opts.minwidth;
      for (; t < line1; t++) {
        if (column >= lines[t].length - 1) break;
        w = Math.max(w, width(lines[t][column]) + opts.padding);
      }
      widths.push(w);
      format(start, t);
      widths.pop();
      start = t;
      t--;
    }
    writeLines(start, line1);
  };
  format(0, lines.length);
  return out2.join("\n") + (trailingNewline ? "\n" : "");
}
function tabwrite(rows) {
  if (!rows.length) return "";
  return goTabwrite(rows.map((r) => r.join("	")).join("\n") + "\n", { minwidth: 6, padding: 3 });
}

// src/engine/sim/duration.ts
var UNITS = { ns: 1e-6, us: 1e-3, "\xB5s": 1e-3, "\u03BCs": 1e-3, ms: 1, s: 1e3, m: 6e4, h: 36e5 };
function parseGoDuration(input) {
  const bad = () => new Error(`time: invalid duration ${JSON.stringify(input)}`);
  let s = input;
  let sign = 1;
  if (s.startsWith("-") || s.startsWith("+")) {
    if (s[0] === "-") sign = -1;
    s = s.slice(1);
  }
  if (s === "0") return 0;
  if (!s) throw bad();
  let total = 0;
  const re = /^(\d*)(?:\.(\d*))?([^\d.]*)/;
  while (s) {
    const m = re.exec(s);
    if (!m || m[1] === "" && (m[2] ?? "") === "") throw bad();
    if (!m[3]) throw new Error(`time: missing unit in duration ${JSON.stringify(input)}`);
    const unit = UNITS[m[3]];
    if (unit === void 0) throw new Error(`time: unknown unit ${JSON.stringify(m[3])} in duration ${JSON.stringify(input)}`);
    total += Number(`${m[1] || "0"}.${m[2] || "0"}`) * unit;
    s = s.slice(m[0].length);
  }
  return sign * Math.round(total);
}
function parseDuration(input) {
  if (input === void 0 || input === null) return void 0;
  if (typeof input === "number") return Number.isFinite(input) && input >= 0 ? Math.round(input * 1e3) : void 0;
  const s = input.trim();
  if (s === "") return void 0;
  if (/^\d+(\.\d+)?$/.test(s)) return Math.round(parseFloat(s) * 1e3);
  try {
    const ms = parseGoDuration(s);
    return ms >= 0 ? ms : void 0;
  } catch {
    return void 0;
  }
}
function formatDuration(ms) {
  ms = Math.round(ms);
  if (ms === 0) return "0s";
  const neg = ms < 0;
  if (neg) ms = -ms;
  let out2;
  if (ms < 1e3) {
    out2 = `${ms}ms`;
  } else {
    const h = Math.floor(ms / 36e5);
    const m = Math.floor(ms % 36e5 / 6e4);
    const secMs = ms % 6e4;
    const whole = Math.floor(secMs / 1e3);
    const frac = secMs % 1e3;
    const sec = frac ? `${whole}.${String(frac).padStart(3, "0").replace(/0+$/, "")}` : `${whole}`;
    out2 = h ? `${h}h${m}m${sec}s` : m ? `${m}m${sec}s` : `${sec}s`;
  }
  return neg ? `-${out2}` : out2;
}
function humanDuration(ms) {
  const seconds2 = Math.trunc(ms / 1e3);
  if (seconds2 < -1) return "<invalid>";
  if (seconds2 < 0) return "0s";
  if (seconds2 < 60 * 2) return `${seconds2}s`;
  const minutes = Math.trunc(seconds2 / 60);
  if (minutes < 10) {
    const s = seconds2 % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(seconds2 / 3600);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    return dy === 0 ? `${Math.trunc(hours / 24 / 365)}y` : `${Math.trunc(hours / 24 / 365)}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

// src/engine/kubectl/printers/duration.ts
function since(sim2, ts) {
  const t = sim2.clock.parse(ts ?? void 0);
  if (t === void 0) return "<unknown>";
  return humanDuration(sim2.now - t);
}

// src/engine/kubectl/describe/writer.ts
var LEVEL_0 = 0;
var LEVEL_1 = 1;
var LEVEL_2 = 2;
var LEVEL_3 = 3;
var PrefixWriter = class {
  segments = [""];
  write(level, text) {
    this.segments[this.segments.length - 1] += "  ".repeat(level) + text;
  }
  flush() {
    this.segments.push("");
  }
  toString() {
    return this.segments.map((s) => goTabwrite(s, { minwidth: 0, padding: 2 })).join("");
  }
};
var DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
function rfc1123z(sim2, ts) {
  const ms = sim2.clock.parse(ts ?? void 0);
  if (ms === void 0) return "<unset>";
  const d = new Date(sim2.clock.epochMs + ms);
  const p = (n2) => String(n2).padStart(2, "0");
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}
function printLabelsMultiline(w, title2, labels, skip = /* @__PURE__ */ new Set()) {
  w.write(LEVEL_0, `${title2}:	`);
  const keys = Object.keys(labels ?? {}).filter((k) => !skip.has(k)).sort();
  if (!keys.length) {
    w.write(LEVEL_0, "<none>\n");
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(LEVEL_0, "	");
    w.write(LEVEL_0, `${k}=${labels[k]}
`);
  });
}
var MAX_ANNOTATION_LEN = 140;
function printAnnotationsMultiline(w, title2, ann) {
  w.write(LEVEL_0, `${title2}:	`);
  const keys = Object.keys(ann ?? {}).filter((k) => k !== LAST_APPLIED).sort();
  if (!keys.length) {
    w.write(LEVEL_0, "<none>\n");
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(LEVEL_0, "	");
    let v = ann[k];
    if (v.length > MAX_ANNOTATION_LEN) v = v.slice(0, MAX_ANNOTATION_LEN) + "...";
    const lines = v.replace(/\n$/, "").split("\n");
    w.write(LEVEL_0, `${k}: ${lines[0]}
`);
    for (const l of lines.slice(1)) w.write(LEVEL_0, `	  ${l}
`);
  });
}
function printTolerations(w, title2, tolerations) {
  w.write(LEVEL_0, `${title2}:	`);
  if (!tolerations?.length) {
    w.write(LEVEL_0, "<none>\n");
    return;
  }
  tolerations.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, "	");
    let s = t.key ?? "";
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === "Exists" && !t.value) s += t.key || t.effect ? " op=Exists" : "op=Exists";
    if (t.tolerationSeconds !== void 0 && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, s + "\n");
  });
}
function controllerOf(o) {
  const ref = o.metadata.ownerReferences?.find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : "";
}
function eventsFor(sim2, o) {
  const uids = /* @__PURE__ */ new Set([o.metadata.uid, ...o.kind === "Node" ? [o.metadata.name] : []]);
  return sim2.api.list("Event", { namespace: o.metadata.namespace ?? "default" }).filter((e) => e.involvedObject?.name === o.metadata.name && e.involvedObject?.kind === o.kind && (!e.involvedObject?.uid || uids.has(e.involvedObject.uid)));
}
function describeEvents(sim2, events, w) {
  if (!events.length) {
    w.write(LEVEL_0, "Events:	<none>\n");
    return;
  }
  w.flush();
  const ts = (e) => sim2.clock.parse(e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp) ?? 0;
  const sorted = [...events].sort((a, b) => ts(a) - ts(b));
  w.write(LEVEL_0, "Events:\n  Type	Reason	Age	From	Message\n");
  w.write(LEVEL_1, "----	------	----	----	-------\n");
  for (const e of sorted) {
    const first = e.eventTime ? since(sim2, e.eventTime) : since(sim2, e.firstTimestamp);
    let interval = first;
    if (e.series) interval = `${since(sim2, e.series.lastObservedTime)} (x${e.series.count} over ${first})`;
    else if ((e.count ?? 1) > 1) interval = `${since(sim2, e.lastTimestamp)} (x${e.count} over ${first})`;
    const source = e.source?.component || e.reportingComponent || "";
    w.write(LEVEL_1, `${e.type}	${e.reason}	${interval}	${source}	${String(e.message ?? "").trim()}
`);
  }
}

// src/engine/kubectl/describe/generic.ts
function describeService(sim2, svc) {
  const w = new PrefixWriter();
  const spec = svc.spec ?? {};
  w.write(LEVEL_0, `Name:	${svc.metadata.name}
`);
  w.write(LEVEL_0, `Namespace:	${svc.metadata.namespace}
`);
  printLabelsMultiline(w, "Labels", svc.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", svc.metadata.annotations);
  const sel = Object.entries(spec.selector ?? {}).sort(([a], [b]) => a < b ? -1 : 1).map(([k, v]) => `${k}=${v}`).join(",");
  w.write(LEVEL_0, `Selector:	${sel || "<none>"}
`);
  w.write(LEVEL_0, `Type:	${spec.type ?? "ClusterIP"}
`);
  w.write(LEVEL_0, `IP Family Policy:	${spec.ipFamilyPolicy ?? "SingleStack"}
`);
  w.write(LEVEL_0, `IP Families:	${(spec.ipFamilies ?? ["IPv4"]).join(",")}
`);
  w.write(LEVEL_0, `IP:	${spec.clusterIP ?? ""}
`);
  w.write(LEVEL_0, `IPs:	${(spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : [])).join(",") || "<none>"}
`);
  const ep = sim2.api.get("Endpoints", svc.metadata.namespace, svc.metadata.name);
  for (const p of spec.ports ?? []) {
    const name = p.name || "<unset>";
    w.write(LEVEL_0, `Port:	${name}	${p.port}/${p.protocol ?? "TCP"}
`);
    w.write(LEVEL_0, `TargetPort:	${p.targetPort ?? p.port}/${p.protocol ?? "TCP"}
`);
    if (p.nodePort) w.write(LEVEL_0, `NodePort:	${name}	${p.nodePort}/${p.protocol ?? "TCP"}
`);
    const addrs = [];
    for (const ss of ep?.subsets ?? []) {
      const port = (ss.ports ?? []).find((x) => (x.name ?? "") === (p.name ?? "")) ?? ss.ports?.[0];
      for (const a of ss.addresses ?? []) addrs.push(port ? `${a.ip}:${port.port}` : a.ip);
    }
    w.write(LEVEL_0, `Endpoints:	${addrs.join(",") || "<none>"}
`);
  }
  w.write(LEVEL_0, `Session Affinity:	${spec.sessionAffinity ?? "None"}
`);
  w.write(LEVEL_0, `Internal Traffic Policy:	${spec.internalTrafficPolicy ?? "Cluster"}
`);
  describeEvents(sim2, eventsFor(sim2, svc), w);
  return w.toString();
}
function describeConfigMap(sim2, cm) {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:	${cm.metadata.name}
`);
  w.write(LEVEL_0, `Namespace:	${cm.metadata.namespace}
`);
  printLabelsMultiline(w, "Labels", cm.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", cm.metadata.annotations);
  w.write(LEVEL_0, "\nData\n====\n");
  for (const k of Object.keys(cm.data ?? {}).sort()) w.write(LEVEL_0, `${k}:
----
${cm.data[k]}

`);
  w.write(LEVEL_0, "\nBinaryData\n====\n");
  for (const k of Object.keys(cm.binaryData ?? {}).sort()) w.write(LEVEL_0, `${k}: ${Math.floor(String(cm.binaryData[k]).length * 3 / 4)} bytes
`);
  w.write(LEVEL_0, "\n");
  describeEvents(sim2, eventsFor(sim2, cm), w);
  return w.toString();
}
function describeNamespace(sim2, ns) {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:	${ns.metadata.name}
`);
  printLabelsMultiline(w, "Labels", ns.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", ns.metadata.annotations);
  w.write(LEVEL_0, `Status:	${ns.status?.phase ?? ""}
`);
  const quotas = sim2.api.list("ResourceQuota", { namespace: ns.metadata.name });
  const limits = sim2.api.list("LimitRange", { namespace: ns.metadata.name });
  w.write(LEVEL_0, quotas.length ? `
Resource Quotas
  Name:	${quotas.map((q3) => q3.metadata.name).join(", ")}
` : "\nNo resource quota.\n");
  w.write(LEVEL_0, limits.length ? `
Resource Limits
  Name:	${limits.map((q3) => q3.metadata.name).join(", ")}
` : "\nNo LimitRange resource.\n");
  return w.toString();
}
function describeGeneric(sim2, o) {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:	${o.metadata.name}
`);
  if (o.metadata.namespace) w.write(LEVEL_0, `Namespace:	${o.metadata.namespace}
`);
  printLabelsMultiline(w, "Labels", o.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", o.metadata.annotations);
  w.flush();
  for (const [k, v] of Object.entries(o)) {
    if (["apiVersion", "kind", "metadata"].includes(k) || v === void 0 || v === null) continue;
    writeField(w, 0, k, v);
  }
  w.flush();
  describeEvents(sim2, eventsFor(sim2, o), w);
  return w.toString();
}
function title(k) {
  const words = k.replace(/([a-z0-9])([A-Z])/g, "$1 $2");
  return words[0].toUpperCase() + words.slice(1);
}
function writeField(w, level, k, v) {
  const pad = "  ".repeat(level);
  if (v === null || v === void 0) return;
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x !== "object" || x === null)) {
      w.write(LEVEL_0, `${pad}${title(k)}:
`);
      for (const x of v) w.write(LEVEL_0, `${pad}  ${String(x)}
`);
      return;
    }
    w.write(LEVEL_0, `${pad}${title(k)}:
`);
    for (const x of v) for (const [ik, iv] of Object.entries(x)) writeField(w, level + 1, ik, iv);
    return;
  }
  if (typeof v === "object") {
    w.write(LEVEL_0, `${pad}${title(k)}:
`);
    for (const [ik, iv] of Object.entries(v)) writeField(w, level + 1, ik, iv);
    return;
  }
  w.write(LEVEL_0, `${pad}${title(k)}:	${String(v)}
`);
}

// src/engine/kubectl/printers/pods.ts
var POD_COLUMNS = ["NAME", "READY", "STATUS", "RESTARTS", "AGE"];
var POD_WIDE_COLUMNS = ["IP", "NODE", "NOMINATED NODE", "READINESS GATES"];
var isRestartableInit = (c) => c?.restartPolicy === "Always";
function podSummary(sim2, pod) {
  const spec = pod.spec ?? {};
  const st = pod.status ?? {};
  let restarts = 0;
  let restartableInitRestarts = 0;
  let totalContainers = (spec.containers ?? []).length;
  let readyContainers = 0;
  let lastRestart;
  let lastRestartableInitRestart;
  const later = (cur, ts) => {
    const t = sim2.clock.parse(ts);
    return t !== void 0 && (cur === void 0 || t > cur) ? t : cur;
  };
  let reason = st.reason || st.phase || "";
  for (const c of st.conditions ?? []) if (c.type === "PodScheduled" && c.reason === "SchedulingGated") reason = "SchedulingGated";
  const inits = /* @__PURE__ */ new Map();
  for (const c of spec.initContainers ?? []) {
    inits.set(c.name, c);
    if (isRestartableInit(c)) totalContainers++;
  }
  let initializing = false;
  const initStatuses = st.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    restarts += c.restartCount ?? 0;
    const lastTerm = c.lastState?.terminated;
    if (lastTerm) lastRestart = later(lastRestart, lastTerm.finishedAt);
    if (isRestartableInit(inits.get(c.name))) {
      restartableInitRestarts += c.restartCount ?? 0;
      if (lastTerm) lastRestartableInitRestart = later(lastRestartableInitRestart, lastTerm.finishedAt);
    }
    const term = c.state?.terminated;
    const waiting = c.state?.waiting;
    if (term && term.exitCode === 0) continue;
    if (isRestartableInit(inits.get(c.name)) && c.started) {
      if (c.ready) readyContainers++;
      continue;
    }
    if (term) {
      if (!term.reason) reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode}`;
      else reason = `Init:${term.reason}`;
    } else if (waiting && waiting.reason && waiting.reason !== "PodInitializing") {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${(spec.initContainers ?? []).length}`;
    }
    initializing = true;
    break;
  }
  const initializedTrue = (st.conditions ?? []).some((c) => c.type === "Initialized" && c.status === "True");
  if (!initializing || initializedTrue) {
    restarts = restartableInitRestarts;
    lastRestart = lastRestartableInitRestart;
    let hasRunning = false;
    const cs = st.containerStatuses ?? [];
    for (let i = cs.length - 1; i >= 0; i--) {
      const c = cs[i];
      restarts += c.restartCount ?? 0;
      if (c.lastState?.terminated) lastRestart = later(lastRestart, c.lastState.terminated.finishedAt);
      const w = c.state?.waiting;
      const t = c.state?.terminated;
      if (w && w.reason) reason = w.reason;
      else if (t && t.reason) reason = t.reason;
      else if (t && !t.reason) reason = t.signal ? `Signal:${t.signal}` : `ExitCode:${t.exitCode}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    if (reason === "Completed" && hasRunning) {
      const readyCond = (st.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");
      reason = readyCond ? "Running" : "NotReady";
    }
  }
  if (pod.metadata.deletionTimestamp && st.reason === "NodeLost") reason = "Unknown";
  else if (pod.metadata.deletionTimestamp && st.phase !== "Succeeded" && st.phase !== "Failed") reason = "Terminating";
  let restartsStr = String(restarts);
  if (restarts !== 0 && lastRestart !== void 0) restartsStr = `${restarts} (${since(sim2, sim2.clock.timestamp(lastRestart))} ago)`;
  return { ready: `${readyContainers}/${totalContainers}`, status: reason, restarts: restartsStr };
}
function podRow(sim2, pod, wide) {
  const s = podSummary(sim2, pod);
  const row = [pod.metadata.name, s.ready, s.status, s.restarts, since(sim2, pod.metadata.creationTimestamp)];
  if (wide) {
    const st = pod.status ?? {};
    const ip = st.podIPs?.[0]?.ip || st.podIP || "<none>";
    const gates = pod.spec?.readinessGates ?? [];
    let rg = "<none>";
    if (gates.length) {
      const t = gates.filter((g) => (st.conditions ?? []).find((c) => c.type === g.conditionType)?.status === "True").length;
      rg = `${t}/${gates.length}`;
    }
    row.push(ip, pod.spec?.nodeName || "<none>", st.nominatedNodeName || "<none>", rg);
  }
  return row;
}

// src/engine/kubectl/printers/tables.ts
var age = (sim2, o) => since(sim2, o.metadata.creationTimestamp);
var n = (v) => String(typeof v === "number" ? v : 0);
function selectorString(sel) {
  try {
    return formatLabelSelector(sel) || "<none>";
  } catch {
    return Object.entries(sel?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(",") || "<none>";
  }
}
function containerCells(o, template, sel) {
  void o;
  const cs = template?.spec?.containers ?? [];
  return [cs.map((c) => c.name).join(","), cs.map((c) => c.image).join(","), selectorString(sel)];
}
function nodeRoles(node) {
  const roles = /* @__PURE__ */ new Set();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith("node-role.kubernetes.io/")) roles.add(k.slice("node-role.kubernetes.io/".length));
    else if (k === "kubernetes.io/role" && v) roles.add(v);
  }
  return [...roles].sort().join(",") || "<none>";
}
function nodeStatus(node) {
  const ready = (node.status?.conditions ?? []).find((c) => c.type === "Ready");
  const status3 = ready ? [ready.status === "True" ? "Ready" : "NotReady"] : ["Unknown"];
  if (node.spec?.unschedulable) status3.push("SchedulingDisabled");
  return status3.join(",");
}
function servicePorts(svc) {
  const ports = svc.spec?.ports ?? [];
  if (!ports.length) return "<none>";
  return ports.map((p) => p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? "TCP"}` : `${p.port}/${p.protocol ?? "TCP"}`).join(",");
}
function externalIP(svc) {
  const type = svc.spec?.type ?? "ClusterIP";
  const ext = svc.spec?.externalIPs ?? [];
  if (type === "LoadBalancer") {
    const ing = (svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname);
    const all = [...ing, ...ext];
    return all.length ? all.join(",") : "<pending>";
  }
  if (type === "ExternalName") return svc.spec?.externalName ?? "<none>";
  return ext.length ? ext.join(",") : "<none>";
}
function endpointsCell(ep) {
  const list = [];
  for (const ss of ep.subsets ?? []) {
    for (const a of ss.addresses ?? []) for (const p of ss.ports ?? [{}]) list.push(p.port ? `${a.ip}:${p.port}` : a.ip);
  }
  if (!list.length) return "<none>";
  const shown = list.slice(0, 3).join(",");
  return list.length > 3 ? `${shown} + ${list.length - 3} more...` : shown;
}
function eventObject(ev) {
  const io = ev.involvedObject ?? {};
  return io.name ? `${String(io.kind ?? "").toLowerCase()}/${io.name}` : String(io.kind ?? "").toLowerCase();
}
function eventLastSeen(sim2, ev) {
  const first = ev.firstTimestamp ? since(sim2, ev.firstTimestamp) : since(sim2, ev.eventTime);
  if (ev.series) return since(sim2, ev.series.lastObservedTime);
  return ev.lastTimestamp ? since(sim2, ev.lastTimestamp) : first;
}
function jobStatus(job) {
  const conds = job.status?.conditions ?? [];
  const has = (t) => conds.some((c) => c.type === t && c.status === "True");
  if (has("Complete")) return "Complete";
  if (has("Failed")) return "Failed";
  if (job.metadata.deletionTimestamp) return "Terminating";
  if (has("SuccessCriteriaMet")) return "SuccessCriteriaMet";
  if (has("FailureTarget")) return "FailureTarget";
  if (job.spec?.suspend) return "Suspended";
  return "Running";
}
function jobDuration(sim2, job) {
  const start = sim2.clock.parse(job.status?.startTime);
  if (start === void 0) return "";
  const end = sim2.clock.parse(job.status?.completionTime) ?? sim2.now;
  return since(sim2, sim2.clock.timestamp(sim2.now - (end - start)));
}
var TABLES = {
  Pod: { columns: POD_COLUMNS, wide: POD_WIDE_COLUMNS, row: (sim2, o, wide) => podRow(sim2, o, wide) },
  Deployment: {
    columns: ["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"],
    wide: ["CONTAINERS", "IMAGES", "SELECTOR"],
    row: (sim2, o, wide) => {
      const r = [o.metadata.name, `${n(o.status?.readyReplicas)}/${n(o.spec?.replicas)}`, n(o.status?.updatedReplicas), n(o.status?.availableReplicas), age(sim2, o)];
      return wide ? [...r, ...containerCells(o, o.spec?.template, o.spec?.selector)] : r;
    }
  },
  ReplicaSet: {
    columns: ["NAME", "DESIRED", "CURRENT", "READY", "AGE"],
    wide: ["CONTAINERS", "IMAGES", "SELECTOR"],
    row: (sim2, o, wide) => {
      const r = [o.metadata.name, n(o.spec?.replicas), n(o.status?.replicas), n(o.status?.readyReplicas), age(sim2, o)];
      return wide ? [...r, ...containerCells(o, o.spec?.template, o.spec?.selector)] : r;
    }
  },
  StatefulSet: {
    columns: ["NAME", "READY", "AGE"],
    wide: ["CONTAINERS", "IMAGES"],
    row: (sim2, o, wide) => {
      const r = [o.metadata.name, `${n(o.status?.readyReplicas)}/${n(o.spec?.replicas)}`, age(sim2, o)];
      return wide ? [...r, ...containerCells(o, o.spec?.template, o.spec?.selector).slice(0, 2)] : r;
    }
  },
  DaemonSet: {
    columns: ["NAME", "DESIRED", "CURRENT", "READY", "UP-TO-DATE", "AVAILABLE", "NODE SELECTOR", "AGE"],
    wide: ["CONTAINERS", "IMAGES", "SELECTOR"],
    row: (sim2, o, wide) => {
      const s = o.status ?? {};
      const ns = Object.entries(o.spec?.template?.spec?.nodeSelector ?? {}).map(([k, v]) => `${k}=${v}`).join(",") || "<none>";
      const r = [o.metadata.name, n(s.desiredNumberScheduled), n(s.currentNumberScheduled), n(s.numberReady), n(s.updatedNumberScheduled), n(s.numberAvailable), ns, age(sim2, o)];
      return wide ? [...r, ...containerCells(o, o.spec?.template, o.spec?.selector)] : r;
    }
  },
  Job: {
    columns: ["NAME", "STATUS", "COMPLETIONS", "DURATION", "AGE"],
    wide: ["CONTAINERS", "IMAGES", "SELECTOR"],
    row: (sim2, o, wide) => {
      const par = o.spec?.parallelism ?? 0;
      const completions = o.spec?.completions != null ? `${n(o.status?.succeeded)}/${o.spec.completions}` : par > 1 ? `${n(o.status?.succeeded)}/1 of ${par}` : `${n(o.status?.succeeded)}/1`;
      const r = [o.metadata.name, jobStatus(o), completions, jobDuration(sim2, o), age(sim2, o)];
      return wide ? [...r, ...containerCells(o, o.spec?.template, o.spec?.selector)] : r;
    }
  },
  CronJob: {
    columns: ["NAME", "SCHEDULE", "TIMEZONE", "SUSPEND", "ACTIVE", "LAST SCHEDULE", "AGE"],
    row: (sim2, o) => [
      o.metadata.name,
      o.spec?.schedule ?? "",
      o.spec?.timeZone ?? "<none>",
      String(!!o.spec?.suspend),
      String((o.status?.active ?? []).length),
      o.status?.lastScheduleTime ? since(sim2, o.status.lastScheduleTime) : "<none>",
      age(sim2, o)
    ]
  },
  Node: {
    columns: ["NAME", "STATUS", "ROLES", "AGE", "VERSION"],
    wide: ["INTERNAL-IP", "EXTERNAL-IP", "OS-IMAGE", "KERNEL-VERSION", "CONTAINER-RUNTIME"],
    row: (sim2, o, wide) => {
      const info = o.status?.nodeInfo ?? {};
      const r = [o.metadata.name, nodeStatus(o), nodeRoles(o), age(sim2, o), info.kubeletVersion ?? ""];
      if (!wide) return r;
      const addr = (t) => (o.status?.addresses ?? []).find((a) => a.type === t)?.address ?? "<none>";
      return [...r, addr("InternalIP"), addr("ExternalIP"), info.osImage || "<unknown>", info.kernelVersion || "<unknown>", info.containerRuntimeVersion || "<unknown>"];
    }
  },
  Event: {
    columns: ["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"],
    wideColumns: ["LAST SEEN", "TYPE", "REASON", "OBJECT", "SUBOBJECT", "SOURCE", "MESSAGE", "FIRST SEEN", "COUNT", "NAME"],
    row: (sim2, o, wide) => {
      const base = [eventLastSeen(sim2, o), o.type ?? "", o.reason ?? "", eventObject(o)];
      const msg = String(o.message ?? "").trim();
      if (!wide) return [...base, msg];
      const src = [o.source?.component, o.source?.host].filter(Boolean).join(", ");
      const first = o.firstTimestamp ? since(sim2, o.firstTimestamp) : since(sim2, o.eventTime);
      return [...base, o.involvedObject?.fieldPath ?? "", src, msg, first, String(o.count ?? 1), o.metadata.name];
    }
  },
  Service: {
    columns: ["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"],
    wide: ["SELECTOR"],
    row: (sim2, o, wide) => {
      const r = [o.metadata.name, o.spec?.type ?? "ClusterIP", o.spec?.clusterIP || "<none>", externalIP(o), servicePorts(o), age(sim2, o)];
      if (!wide) return r;
      return [...r, Object.entries(o.spec?.selector ?? {}).map(([k, v]) => `${k}=${v}`).join(",") || "<none>"];
    }
  },
  Endpoints: { columns: ["NAME", "ENDPOINTS", "AGE"], row: (sim2, o) => [o.metadata.name, endpointsCell(o), age(sim2, o)] },
  ConfigMap: { columns: ["NAME", "DATA", "AGE"], row: (sim2, o) => [o.metadata.name, String(Object.keys(o.data ?? {}).length + Object.keys(o.binaryData ?? {}).length), age(sim2, o)] },
  Secret: { columns: ["NAME", "TYPE", "DATA", "AGE"], row: (sim2, o) => [o.metadata.name, o.type ?? "Opaque", String(Object.keys(o.data ?? {}).length), age(sim2, o)] },
  Namespace: { columns: ["NAME", "STATUS", "AGE"], row: (sim2, o) => [o.metadata.name, o.status?.phase ?? "", age(sim2, o)] },
  ServiceAccount: { columns: ["NAME", "SECRETS", "AGE"], row: (sim2, o) => [o.metadata.name, String((o.secrets ?? []).length), age(sim2, o)] },
  PriorityClass: {
    columns: ["NAME", "VALUE", "GLOBAL-DEFAULT", "AGE", "PREEMPTIONPOLICY"],
    row: (sim2, o) => [o.metadata.name, String(o.value ?? 0), String(!!o.globalDefault), age(sim2, o), o.preemptionPolicy ?? "PreemptLowerPriority"]
  },
  Lease: { columns: ["NAME", "HOLDER", "AGE"], row: (sim2, o) => [o.metadata.name, o.spec?.holderIdentity ?? "", age(sim2, o)] },
  HorizontalPodAutoscaler: {
    columns: ["NAME", "REFERENCE", "TARGETS", "MINPODS", "MAXPODS", "REPLICAS", "AGE"],
    row: (sim2, o) => {
      const ref = o.spec?.scaleTargetRef ?? {};
      const metrics = o.spec?.metrics ?? [];
      const current = o.status?.currentMetrics ?? [];
      const targets = metrics.length ? metrics.map((m, i) => {
        if (m.type === "Resource") {
          const cur = current[i]?.resource?.current?.averageUtilization;
          const tgt = m.resource?.target?.averageUtilization;
          return `${m.resource?.name}: ${cur !== void 0 ? `${cur}%` : "<unknown>"}/${tgt}%`;
        }
        return "<unknown>/<unknown>";
      }).join(", ") : "<none>";
      return [o.metadata.name, `${ref.kind}/${ref.name}`, targets, String(o.spec?.minReplicas ?? 1), String(o.spec?.maxReplicas ?? 0), n(o.status?.currentReplicas), age(sim2, o)];
    }
  },
  PodDisruptionBudget: {
    columns: ["NAME", "MIN AVAILABLE", "MAX UNAVAILABLE", "ALLOWED DISRUPTIONS", "AGE"],
    row: (sim2, o) => [o.metadata.name, o.spec?.minAvailable !== void 0 ? String(o.spec.minAvailable) : "N/A", o.spec?.maxUnavailable !== void 0 ? String(o.spec.maxUnavailable) : "N/A", n(o.status?.disruptionsAllowed), age(sim2, o)]
  },
  PersistentVolumeClaim: {
    columns: ["NAME", "STATUS", "VOLUME", "CAPACITY", "ACCESS MODES", "STORAGECLASS", "VOLUMEATTRIBUTESCLASS", "AGE"],
    row: (sim2, o) => [o.metadata.name, o.status?.phase ?? "Pending", o.spec?.volumeName ?? "", o.status?.capacity?.storage ?? "", "", o.spec?.storageClassName ?? "<unset>", "<unset>", age(sim2, o)]
  }
};
var DEFAULT_TABLE = { columns: ["NAME", "AGE"], row: (sim2, o) => [o.metadata.name, age(sim2, o)] };
function tableFor(kind) {
  return TABLES[kind] ?? DEFAULT_TABLE;
}

// src/engine/kubectl/describe/node.ts
var Sum = class {
  nanos = 0n;
  format;
  add(v) {
    if (v === void 0 || v === null) return;
    try {
      const q3 = parseQuantity(v);
      this.nanos += q3.nanos;
      this.format ??= q3.format;
    } catch {
    }
  }
  toString() {
    return new QuantityValue(this.nanos, this.format ?? "DecimalSI").toString();
  }
};
function podRequestsAndLimits(pod) {
  const req = {};
  const lim = {};
  for (const c of pod.spec?.containers ?? []) {
    for (const [k, v] of Object.entries(c.resources?.requests ?? {})) (req[k] ??= new Sum()).add(v);
    for (const [k, v] of Object.entries(c.resources?.limits ?? {})) (lim[k] ??= new Sum()).add(v);
  }
  for (const c of pod.spec?.initContainers ?? []) {
    for (const [src, dst] of [[c.resources?.requests ?? {}, req], [c.resources?.limits ?? {}, lim]]) {
      for (const [k, v] of Object.entries(src)) {
        const one = new Sum();
        one.add(v);
        if (!dst[k] || one.nanos > dst[k].nanos) dst[k] = one;
      }
    }
  }
  return { req, lim };
}
function fraction(s, alloc, milli) {
  if (!s || alloc === void 0) return 0;
  try {
    const a = parseQuantity(alloc);
    const av = milli ? Number(a.milliValue()) : Number(a.value());
    if (!av) return 0;
    const v = milli ? Number(new QuantityValue(s.nanos, "DecimalSI").milliValue()) : Number(new QuantityValue(s.nanos, "DecimalSI").value());
    return Math.trunc(v / av * 100);
  } catch {
    return 0;
  }
}
var show = (s) => s ? s.toString() : "0";
function describeNode(sim2, node) {
  const w = new PrefixWriter();
  const spec = node.spec ?? {};
  const st = node.status ?? {};
  w.write(LEVEL_0, `Name:	${node.metadata.name}
`);
  w.write(LEVEL_0, `Roles:	${nodeRoles(node)}
`);
  printLabelsMultiline(w, "Labels", node.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", node.metadata.annotations);
  w.write(LEVEL_0, `CreationTimestamp:	${rfc1123z(sim2, node.metadata.creationTimestamp)}
`);
  const taints = spec.taints ?? [];
  w.write(LEVEL_0, "Taints:	");
  if (!taints.length) w.write(LEVEL_0, "<none>\n");
  taints.forEach((t, i) => {
    if (i) w.write(LEVEL_0, "	");
    w.write(LEVEL_0, `${t.key}${t.value ? `=${t.value}` : ""}:${t.effect}
`);
  });
  w.write(LEVEL_0, `Unschedulable:	${!!spec.unschedulable}
`);
  const lease = sim2.api.get("Lease", "kube-node-lease", node.metadata.name);
  if (lease) {
    w.write(LEVEL_0, "Lease:\n");
    w.write(LEVEL_1, `HolderIdentity:	${lease.spec?.holderIdentity ?? "<unset>"}
`);
    w.write(LEVEL_1, `AcquireTime:	${lease.spec?.acquireTime ? rfc1123z(sim2, lease.spec.acquireTime) : "<unset>"}
`);
    w.write(LEVEL_1, `RenewTime:	${lease.spec?.renewTime ? rfc1123z(sim2, lease.spec.renewTime) : "<unset>"}
`);
  }
  if (st.conditions?.length) {
    w.write(LEVEL_0, "Conditions:\n  Type	Status	LastHeartbeatTime	LastTransitionTime	Reason	Message\n");
    w.write(LEVEL_1, "----	------	-----------------	------------------	------	-------\n");
    for (const c of st.conditions) {
      w.write(LEVEL_1, `${c.type} 	${c.status} 	${rfc1123z(sim2, c.lastHeartbeatTime)} 	${rfc1123z(sim2, c.lastTransitionTime)} 	${c.reason ?? ""} 	${c.message ?? ""}
`);
    }
  }
  w.write(LEVEL_0, "Addresses:\n");
  for (const a of st.addresses ?? []) w.write(LEVEL_1, `${a.type}:	${a.address}
`);
  const sortRes = (ks) => [...ks].sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
  for (const [title2, list] of [["Capacity", st.capacity], ["Allocatable", st.allocatable]]) {
    if (!list || !Object.keys(list).length) continue;
    w.write(LEVEL_0, `${title2}:
`);
    for (const k of sortRes(Object.keys(list))) w.write(LEVEL_0, `  ${k}:	${list[k]}
`);
  }
  const info = st.nodeInfo ?? {};
  w.write(LEVEL_0, "System Info:\n");
  for (const [label2, key] of [
    ["Machine ID", "machineID"],
    ["System UUID", "systemUUID"],
    ["Boot ID", "bootID"],
    ["Kernel Version", "kernelVersion"],
    ["OS Image", "osImage"],
    ["Operating System", "operatingSystem"],
    ["Architecture", "architecture"],
    ["Container Runtime Version", "containerRuntimeVersion"],
    ["Kubelet Version", "kubeletVersion"]
  ]) {
    w.write(LEVEL_0, `  ${label2}:	${info[key] ?? ""}
`);
  }
  if (spec.podCIDR) w.write(LEVEL_0, `PodCIDR:	${spec.podCIDR}
`);
  if (spec.podCIDRs?.length) w.write(LEVEL_0, `PodCIDRs:	${spec.podCIDRs.join(",")}
`);
  if (spec.providerID) w.write(LEVEL_0, `ProviderID:	${spec.providerID}
`);
  const pods2 = sim2.api.podsOnNode(node.metadata.name).filter((p) => p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed");
  pods2.sort((a, b) => (a.metadata.namespace ?? "") + "/" + a.metadata.name < (b.metadata.namespace ?? "") + "/" + b.metadata.name ? -1 : 1);
  const alloc = Object.keys(st.allocatable ?? {}).length ? st.allocatable : st.capacity ?? {};
  w.write(LEVEL_0, `Non-terminated Pods:	(${pods2.length} in total)
`);
  w.write(LEVEL_1, "Namespace	Name		CPU Requests	CPU Limits	Memory Requests	Memory Limits	Age\n");
  w.write(LEVEL_1, "---------	----		------------	----------	---------------	-------------	---\n");
  const totReq = {};
  const totLim = {};
  for (const p of pods2) {
    const { req, lim } = podRequestsAndLimits(p);
    for (const [k, s] of Object.entries(req)) (totReq[k] ??= new Sum()).add(s.toString());
    for (const [k, s] of Object.entries(lim)) (totLim[k] ??= new Sum()).add(s.toString());
    w.write(
      LEVEL_1,
      `${p.metadata.namespace}	${p.metadata.name}		${show(req.cpu)} (${fraction(req.cpu, alloc.cpu, true)}%)	${show(lim.cpu)} (${fraction(lim.cpu, alloc.cpu, true)}%)	${show(req.memory)} (${fraction(req.memory, alloc.memory, false)}%)	${show(lim.memory)} (${fraction(lim.memory, alloc.memory, false)}%)	${since(sim2, p.metadata.creationTimestamp)}
`
    );
  }
  w.write(LEVEL_0, "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n");
  w.write(LEVEL_1, "Resource	Requests	Limits\n");
  w.write(LEVEL_1, "--------	--------	------\n");
  for (const [r, milli] of [["cpu", true], ["memory", false], ["ephemeral-storage", false]]) {
    w.write(LEVEL_1, `${r}	${show(totReq[r])} (${fraction(totReq[r], alloc[r], milli)}%)	${show(totLim[r])} (${fraction(totLim[r], alloc[r], milli)}%)
`);
  }
  describeEvents(sim2, eventsFor(sim2, node), w);
  return w.toString();
}

// src/engine/kubectl/describe/containers.ts
function describeProbe(p) {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s #success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(" ")}] ${attrs}`;
  if (p.httpGet) {
    const h = p.httpGet;
    const scheme = String(h.scheme ?? "HTTP").toLowerCase();
    const port = h.port !== void 0 ? String(h.port) : "";
    const host = port ? `${h.host ?? ""}:${port}` : h.host ?? "";
    return `http-get ${scheme}://${host}${h.path ?? ""} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ""}:${p.tcpSocket.port} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ""} ${attrs}`;
  return `unknown ${attrs}`;
}
function describeState(sim2, w, name, state) {
  if (state?.running) {
    w.write(LEVEL_2, `${name}:	Running
`);
    w.write(LEVEL_3, `Started:	${rfc1123z(sim2, state.running.startedAt)}
`);
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${name}:	Waiting
`);
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:	${state.waiting.reason}
`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, `${name}:	Terminated
`);
    if (t.reason) w.write(LEVEL_3, `Reason:	${t.reason}
`);
    if (t.message) w.write(LEVEL_3, `Message:	${t.message}
`);
    w.write(LEVEL_3, `Exit Code:	${t.exitCode ?? 0}
`);
    if (t.signal > 0) w.write(LEVEL_3, `Signal:	${t.signal}
`);
    w.write(LEVEL_3, `Started:	${rfc1123z(sim2, t.startedAt)}
`);
    w.write(LEVEL_3, `Finished:	${rfc1123z(sim2, t.finishedAt)}
`);
  } else {
    w.write(LEVEL_2, `${name}:	Waiting
`);
  }
}
function describeContainers(sim2, label2, containers, statuses, w, space) {
  w.write(LEVEL_0, `${space}${label2}:
`);
  const byName2 = new Map((statuses ?? []).map((s) => [s.name, s]));
  for (const c of containers ?? []) {
    const st = statuses ? byName2.get(c.name) : void 0;
    w.write(LEVEL_1, `${space ? " " : ""}${c.name}:
`);
    if (st) w.write(LEVEL_2, `Container ID:	${st.containerID ?? ""}
`);
    w.write(LEVEL_2, `Image:	${c.image ?? ""}
`);
    if (st) w.write(LEVEL_2, `Image ID:	${st.imageID ?? ""}
`);
    const ports = c.ports ?? [];
    const portStr = ports.map((p) => `${p.containerPort}/${p.protocol ?? "TCP"}`).join(", ");
    w.write(LEVEL_2, portStr.includes(",") ? `Ports:	${portStr}
` : `Port:	${portStr || "<none>"}
`);
    const hostStr = ports.map((p) => `${p.hostPort ?? 0}/${p.protocol ?? "TCP"}`).join(", ");
    w.write(LEVEL_2, hostStr.includes(",") ? `Host Ports:	${hostStr}
` : `Host Port:	${hostStr || "<none>"}
`);
    if (c.restartPolicy) w.write(LEVEL_2, `Restart Policy:	${c.restartPolicy}
`);
    if (c.command?.length) {
      w.write(LEVEL_2, "Command:\n");
      for (const x of c.command) for (const l of String(x).split("\n")) w.write(LEVEL_3, `${l}
`);
    }
    if (c.args?.length) {
      w.write(LEVEL_2, "Args:\n");
      for (const x of c.args) for (const l of String(x).split("\n")) w.write(LEVEL_3, `${l}
`);
    }
    if (st) {
      describeState(sim2, w, "State", st.state);
      if (st.lastState?.terminated) describeState(sim2, w, "Last State", st.lastState);
      w.write(LEVEL_2, `Ready:	${st.ready ? "True" : "False"}
`);
      w.write(LEVEL_2, `Restart Count:	${st.restartCount ?? 0}
`);
    }
    for (const [k, title2] of [["limits", "Limits"], ["requests", "Requests"]]) {
      const r = c.resources?.[k];
      if (r && Object.keys(r).length) {
        w.write(LEVEL_2, `${title2}:
`);
        for (const name of Object.keys(r).sort()) w.write(LEVEL_3, `${name}:	${r[name]}
`);
      }
    }
    if (c.livenessProbe) w.write(LEVEL_2, `Liveness:	${describeProbe(c.livenessProbe)}
`);
    if (c.readinessProbe) w.write(LEVEL_2, `Readiness:	${describeProbe(c.readinessProbe)}
`);
    if (c.startupProbe) w.write(LEVEL_2, `Startup:	${describeProbe(c.startupProbe)}
`);
    const env = c.env ?? [];
    if (!env.length) w.write(LEVEL_2, "Environment:	<none>\n");
    else {
      w.write(LEVEL_2, "Environment:\n");
      for (const e of env) {
        if (e.valueFrom) {
          const ref = e.valueFrom.configMapKeyRef ?? e.valueFrom.secretKeyRef;
          const what = e.valueFrom.configMapKeyRef ? "config map" : e.valueFrom.secretKeyRef ? "secret" : "";
          w.write(LEVEL_3, ref ? `${e.name}:	<set to the key '${ref.key}' of ${what} '${ref.name}'>	Optional: ${!!ref.optional}
` : `${e.name}:	<set from a field>
`);
          continue;
        }
        String(e.value ?? "").split("\n").forEach((l, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:	${l}
` : `	${l}
`));
      }
    }
    const mounts = c.volumeMounts ?? [];
    if (!mounts.length) w.write(LEVEL_2, "Mounts:	<none>\n");
    else {
      w.write(LEVEL_2, "Mounts:\n");
      for (const m of [...mounts].sort((a, b) => a.mountPath < b.mountPath ? -1 : 1)) w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${m.readOnly ? "ro" : "rw"})
`);
    }
  }
}
function describeVolumes(volumes, w, space) {
  if (!volumes?.length) {
    w.write(LEVEL_0, `${space}Volumes:	<none>
`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:
`);
  for (const v of volumes) {
    w.write(LEVEL_1, `${space ? " " : ""}${v.name}:
`);
    if (v.emptyDir) {
      w.write(LEVEL_2, "Type:	EmptyDir (a temporary directory that shares a pod's lifetime)\n");
      w.write(LEVEL_2, `Medium:	${v.emptyDir.medium ?? ""}
`);
      w.write(LEVEL_2, `SizeLimit:	${v.emptyDir.sizeLimit ?? "<unset>"}
`);
    } else if (v.configMap) {
      w.write(LEVEL_2, "Type:	ConfigMap (a volume populated by a ConfigMap)\n");
      w.write(LEVEL_2, `Name:	${v.configMap.name}
`);
      w.write(LEVEL_2, `Optional:	${!!v.configMap.optional}
`);
    } else if (v.secret) {
      w.write(LEVEL_2, "Type:	Secret (a volume populated by a Secret)\n");
      w.write(LEVEL_2, `SecretName:	${v.secret.secretName}
`);
      w.write(LEVEL_2, `Optional:	${!!v.secret.optional}
`);
    } else if (v.persistentVolumeClaim) {
      w.write(LEVEL_2, "Type:	PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n");
      w.write(LEVEL_2, `ClaimName:	${v.persistentVolumeClaim.claimName}
`);
      w.write(LEVEL_2, `ReadOnly:	${!!v.persistentVolumeClaim.readOnly}
`);
    } else if (v.projected) {
      w.write(LEVEL_2, "Type:	Projected (a volume that contains injected data from multiple sources)\n");
      for (const src of v.projected.sources ?? []) {
        if (src.serviceAccountToken) w.write(LEVEL_2, `TokenExpirationSeconds:	${src.serviceAccountToken.expirationSeconds ?? 3600}
`);
        if (src.configMap) {
          w.write(LEVEL_2, `ConfigMapName:	${src.configMap.name}
`);
          w.write(LEVEL_2, `Optional:	${!!src.configMap.optional}
`);
        }
        if (src.downwardAPI) w.write(LEVEL_2, "DownwardAPI:	true\n");
      }
    } else if (v.hostPath) {
      w.write(LEVEL_2, "Type:	HostPath (bare host directory volume)\n");
      w.write(LEVEL_2, `Path:	${v.hostPath.path}
`);
      w.write(LEVEL_2, `HostPathType:	${v.hostPath.type ?? ""}
`);
    } else {
      w.write(LEVEL_2, `<unknown>
`);
    }
  }
}
function describePodTemplate(sim2, template, w) {
  w.write(LEVEL_0, "Pod Template:\n");
  if (!template) {
    w.write(LEVEL_1, "<unset>");
    return;
  }
  printLabelsMultiline(w, "  Labels", template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length) printAnnotationsMultiline(w, "  Annotations", template.metadata.annotations);
  const spec = template.spec ?? {};
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:	${spec.serviceAccountName}
`);
  if (spec.initContainers?.length) describeContainers(sim2, "Init Containers", spec.initContainers, void 0, w, "  ");
  describeContainers(sim2, "Containers", spec.containers ?? [], void 0, w, "  ");
  describeVolumes(spec.volumes, w, "  ");
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:	${spec.priorityClassName}
`);
  printLabelsMultiline(w, "  Node-Selectors", spec.nodeSelector);
  printTolerations(w, "  Tolerations", spec.tolerations);
}

// src/engine/kubectl/describe/pod.ts
function podQOS(pod) {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const cs = [...pod.spec?.containers ?? [], ...pod.spec?.initContainers ?? []];
  let any = false;
  let guaranteed = true;
  for (const c of cs) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    for (const r of ["cpu", "memory"]) {
      if (req[r] !== void 0 || lim[r] !== void 0) any = true;
      if (lim[r] === void 0 || req[r] !== void 0 && String(req[r]) !== String(lim[r])) guaranteed = false;
    }
  }
  if (!any) return "BestEffort";
  return guaranteed ? "Guaranteed" : "Burstable";
}
function describePod(sim2, pod) {
  const w = new PrefixWriter();
  const spec = pod.spec ?? {};
  const st = pod.status ?? {};
  w.write(LEVEL_0, `Name:	${pod.metadata.name}
`);
  w.write(LEVEL_0, `Namespace:	${pod.metadata.namespace}
`);
  if (spec.priority !== void 0) w.write(LEVEL_0, `Priority:	${spec.priority}
`);
  if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:	${spec.priorityClassName}
`);
  if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:	${spec.serviceAccountName}
`);
  w.write(LEVEL_0, spec.nodeName ? `Node:	${spec.nodeName}/${st.hostIP ?? ""}
` : "Node:	<none>\n");
  if (st.startTime) w.write(LEVEL_0, `Start Time:	${rfc1123z(sim2, st.startTime)}
`);
  printLabelsMultiline(w, "Labels", pod.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", pod.metadata.annotations);
  if (pod.metadata.deletionTimestamp && st.phase !== "Failed" && st.phase !== "Succeeded") {
    const until = (sim2.clock.parse(pod.metadata.deletionTimestamp) ?? sim2.now) - sim2.now;
    w.write(LEVEL_0, `Status:	Terminating (lasts ${humanDuration(until)})
`);
    w.write(LEVEL_0, `Termination Grace Period:	${pod.metadata.deletionGracePeriodSeconds ?? 0}s
`);
  } else {
    w.write(LEVEL_0, `Status:	${st.phase ?? ""}
`);
  }
  if (st.reason) w.write(LEVEL_0, `Reason:	${st.reason}
`);
  if (st.message) w.write(LEVEL_0, `Message:	${st.message}
`);
  w.write(LEVEL_0, `IP:	${st.podIP ?? ""}
`);
  const ips = st.podIPs ?? [];
  if (!ips.length) w.write(LEVEL_0, "IPs:	<none>\n");
  else {
    w.write(LEVEL_0, "IPs:\n");
    for (const ip of ips) w.write(LEVEL_1, `IP:	${ip.ip}
`);
  }
  const ctl = controllerOf(pod);
  if (ctl) w.write(LEVEL_0, `Controlled By:	${ctl}
`);
  if (st.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:	${st.nominatedNodeName}
`);
  if (spec.initContainers?.length) describeContainers(sim2, "Init Containers", spec.initContainers, st.initContainerStatuses ?? [], w, "");
  describeContainers(sim2, "Containers", spec.containers ?? [], st.containerStatuses ?? [], w, "");
  if (spec.readinessGates?.length) {
    w.write(LEVEL_0, "Readiness Gates:\n  Type	Status\n");
    for (const g of spec.readinessGates) {
      const c = (st.conditions ?? []).find((x) => x.type === g.conditionType);
      w.write(LEVEL_1, `${g.conditionType} 	${c?.status ?? "<none>"} 
`);
    }
  }
  if (st.conditions?.length) {
    w.write(LEVEL_0, "Conditions:\n  Type	Status\n");
    for (const c of st.conditions) w.write(LEVEL_1, `${c.type} 	${c.status} 
`);
  }
  describeVolumes(spec.volumes, w, "");
  w.write(LEVEL_0, `QoS Class:	${podQOS(pod)}
`);
  printLabelsMultiline(w, "Node-Selectors", spec.nodeSelector);
  printTolerations(w, "Tolerations", spec.tolerations);
  describeEvents(sim2, eventsFor(sim2, pod), w);
  return w.toString();
}

// src/engine/kubectl/describe/workloads.ts
function selectorText(sel) {
  try {
    return formatLabelSelector(sel);
  } catch {
    return Object.entries(sel?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(",");
  }
}
var ownedBy = (o, owner) => o.metadata.ownerReferences?.some((r) => r.controller && r.uid === owner.metadata.uid);
function withoutHash(t) {
  const c = JSON.parse(JSON.stringify(t ?? {}));
  if (c.metadata?.labels) delete c.metadata.labels["pod-template-hash"];
  return c;
}
function rsList(rss2) {
  if (!rss2.length) return "<none>";
  return rss2.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(", ");
}
function describeDeployment(sim2, d) {
  const w = new PrefixWriter();
  const spec = d.spec ?? {};
  const st = d.status ?? {};
  w.write(LEVEL_0, `Name:	${d.metadata.name}
`);
  w.write(LEVEL_0, `Namespace:	${d.metadata.namespace}
`);
  w.write(LEVEL_0, `CreationTimestamp:	${rfc1123z(sim2, d.metadata.creationTimestamp)}
`);
  printLabelsMultiline(w, "Labels", d.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", d.metadata.annotations);
  w.write(LEVEL_0, `Selector:	${selectorText(spec.selector)}
`);
  w.write(
    LEVEL_0,
    `Replicas:	${spec.replicas ?? 1} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable
`
  );
  w.write(LEVEL_0, `StrategyType:	${spec.strategy?.type ?? ""}
`);
  w.write(LEVEL_0, `MinReadySeconds:	${spec.minReadySeconds ?? 0}
`);
  const ru = spec.strategy?.rollingUpdate;
  if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:	${ru.maxUnavailable ?? ""} max unavailable, ${ru.maxSurge ?? ""} max surge
`);
  describePodTemplate(sim2, spec.template, w);
  if (st.conditions?.length) {
    w.write(LEVEL_0, "Conditions:\n  Type	Status	Reason\n");
    w.write(LEVEL_1, "----	------	------\n");
    for (const c of st.conditions) w.write(LEVEL_1, `${c.type} 	${c.status}	${c.reason ?? ""}
`);
  }
  const rss2 = sim2.api.list("ReplicaSet", { namespace: d.metadata.namespace }).filter((rs) => ownedBy(rs, d));
  const byAge = [...rss2].sort(
    (a, b) => (sim2.clock.parse(a.metadata.creationTimestamp) ?? 0) - (sim2.clock.parse(b.metadata.creationTimestamp) ?? 0) || (a.metadata.name < b.metadata.name ? -1 : 1)
  );
  const newRS = byAge.find((rs) => deepEqual(withoutHash(rs.spec?.template), withoutHash(spec.template)));
  const oldRSs = byAge.filter((rs) => rs !== newRS && (rs.spec?.replicas ?? 0) !== 0);
  w.write(LEVEL_0, `OldReplicaSets:	${rsList(oldRSs)}
`);
  w.write(LEVEL_0, `NewReplicaSet:	${rsList(newRS ? [newRS] : [])}
`);
  describeEvents(sim2, eventsFor(sim2, d), w);
  return w.toString();
}
function describeReplicaSet(sim2, rs) {
  const w = new PrefixWriter();
  const spec = rs.spec ?? {};
  w.write(LEVEL_0, `Name:	${rs.metadata.name}
`);
  w.write(LEVEL_0, `Namespace:	${rs.metadata.namespace}
`);
  w.write(LEVEL_0, `Selector:	${selectorText(spec.selector)}
`);
  printLabelsMultiline(w, "Labels", rs.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", rs.metadata.annotations);
  const ctl = controllerOf(rs);
  if (ctl) w.write(LEVEL_0, `Controlled By:	${ctl}
`);
  w.write(LEVEL_0, `Replicas:	${rs.status?.replicas ?? 0} current / ${spec.replicas ?? 1} desired
`);
  const pods2 = sim2.api.list("Pod", { namespace: rs.metadata.namespace }).filter((p) => ownedBy(p, rs));
  const count = (phase) => pods2.filter((p) => p.status?.phase === phase).length;
  w.write(LEVEL_0, `Pods Status:	${count("Running")} Running / ${count("Pending")} Waiting / ${count("Succeeded")} Succeeded / ${count("Failed")} Failed
`);
  describePodTemplate(sim2, spec.template, w);
  if (rs.status?.conditions?.length) {
    w.write(LEVEL_0, "Conditions:\n  Type	Status	Reason\n");
    w.write(LEVEL_1, "----	------	------\n");
    for (const c of rs.status.conditions) w.write(LEVEL_1, `${c.type} 	${c.status}	${c.reason ?? ""}
`);
  }
  describeEvents(sim2, eventsFor(sim2, rs), w);
  return w.toString();
}

// src/engine/kubectl/commands/describe.ts
var DESCRIBERS = {
  Pod: describePod,
  Deployment: describeDeployment,
  ReplicaSet: describeReplicaSet,
  Node: describeNode,
  Service: describeService,
  ConfigMap: describeConfigMap,
  Namespace: describeNamespace
};
function describeObject(sim2, o) {
  return (DESCRIBERS[o.kind] ?? describeGeneric)(sim2, o);
}
function describe(sim2, a) {
  if (!a.args.length) throw new KubectlError('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.');
  const refs = parseResourceArgs(a.args);
  const out2 = [];
  const errors = [];
  for (const r of refs) {
    if (r.name === void 0) {
      out2.push(...listObjects(sim2, r.info, a).map((o) => describeObject(sim2, o)));
      continue;
    }
    const ns = r.info.namespaced ? namespaceOf(sim2, a) : void 0;
    const exact = sim2.api.get(r.info.kind, ns, r.name);
    const matches = exact ? [exact] : listObjects(sim2, r.info, a).filter((o) => o.metadata.name.startsWith(r.name));
    if (!matches.length) {
      errors.push(formatError(new ApiError("NotFound", `${resourceName(r.info)} "${r.name}" not found`)));
      continue;
    }
    out2.push(...matches.map((o) => describeObject(sim2, o)));
  }
  if (!out2.length && !errors.length) {
    return { stdout: "", stderr: `No resources found in ${namespaceOf(sim2, a)} namespace.
`, exitCode: 0 };
  }
  return { stdout: out2.join("\n\n"), stderr: errors.map((e) => e + "\n").join(""), exitCode: errors.length ? 1 : 0 };
}

// src/engine/kubectl/commands/drain.ts
var DAEMONSET_FATAL = "DaemonSet-managed Pods (use --ignore-daemonsets to ignore)";
var DAEMONSET_WARNING = "ignoring DaemonSet-managed Pods";
var LOCAL_STORAGE_FATAL = "Pods with local storage (use --delete-emptydir-data to override)";
var LOCAL_STORAGE_WARNING = "deleting Pods with local storage";
var UNMANAGED_FATAL = "cannot delete Pods that declare no controller (use --force to override)";
var UNMANAGED_WARNING = "deleting Pods that declare no controller";
var MIRROR_ANNOTATION = "kubernetes.io/config.mirror";
function finished(pod) {
  return pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
}
function filterPod(sim2, pod, o) {
  const okay = { delete: true, reason: "Okay" };
  const filters = [
    () => okay,
    // skipDeletedFilter: only with --skip-wait-for-delete-timeout
    (p) => {
      const ref = controllerRef(p);
      if (!ref || ref.kind !== "DaemonSet" || finished(p)) return okay;
      if (!sim2.get("DaemonSet", p.metadata.namespace, ref.name)) {
        const msg = `daemonsets.apps "${ref.name}" not found`;
        return o.force ? { delete: true, reason: "Warning", message: msg } : { delete: false, reason: "Error", message: msg };
      }
      return o.ignoreDaemonSets ? { delete: false, reason: "Warning", message: DAEMONSET_WARNING } : { delete: false, reason: "Error", message: DAEMONSET_FATAL };
    },
    (p) => p.metadata.annotations?.[MIRROR_ANNOTATION] !== void 0 ? { delete: false, reason: "Skip" } : okay,
    (p) => {
      if (!(p.spec?.volumes ?? []).some((v) => v.emptyDir) || finished(p)) return okay;
      return o.deleteEmptyDirData ? { delete: true, reason: "Warning", message: LOCAL_STORAGE_WARNING } : { delete: false, reason: "Error", message: LOCAL_STORAGE_FATAL };
    },
    (p) => {
      if (finished(p) || controllerRef(p)) return okay;
      return o.force ? { delete: true, reason: "Warning", message: UNMANAGED_WARNING } : { delete: false, reason: "Error", message: UNMANAGED_FATAL };
    }
  ];
  let status3 = okay;
  for (const f of filters) {
    status3 = f(pod);
    if (!status3.delete) break;
  }
  return status3;
}
function grouped(items, reason) {
  const m = /* @__PURE__ */ new Map();
  for (const { pod, status: status3 } of items) {
    if (status3.reason !== reason) continue;
    const msg = status3.message || "unexpected error";
    if (!m.has(msg)) m.set(msg, []);
    m.get(msg).push(`${pod.metadata.namespace}/${pod.metadata.name}`);
  }
  return [...m.entries()];
}
function evict(sim2, pod, grace) {
  const ns = pod.metadata.namespace;
  const pdbs = sim2.list("PodDisruptionBudget", ns).filter((b) => selectorMatches(b.spec?.selector, pod.metadata.labels ?? {}));
  if (pdbs.length > 1) return "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.";
  if (pdbs.length === 1 && !finished(pod) && (pdbs[0].status?.disruptionsAllowed ?? 0) <= 0) {
    return "Cannot evict pod as it would violate the pod's disruption budget.";
  }
  const ts = sim2.clock.timestamp();
  sim2.api.mutate("Pod", ns, pod.metadata.name, (d) => {
    const conds = (d.status = d.status ?? {}).conditions ?? [];
    const cond = {
      type: "DisruptionTarget",
      status: "True",
      reason: "EvictionByEvictionAPI",
      message: "Eviction API: evicting",
      lastProbeTime: null,
      lastTransitionTime: ts
    };
    const i = conds.findIndex((c) => c.type === "DisruptionTarget");
    if (i >= 0) conds[i] = cond;
    else conds.push(cond);
    d.status.conditions = conds;
  }, { status: true });
  sim2.api.delete("Pod", ns, pod.metadata.name, grace === void 0 ? {} : { gracePeriodSeconds: grace });
  return void 0;
}
function drain(sim2, a) {
  const nodes2 = selectNodes(sim2, a, "drain");
  const o = {
    force: flagBool(a, "force"),
    ignoreDaemonSets: flagBool(a, "ignore-daemonsets"),
    deleteEmptyDirData: flagBool(a, "delete-emptydir-data") || flagBool(a, "delete-local-data")
  };
  const graceFlag = flagString(a, "grace-period", "-1");
  const grace = Number(graceFlag);
  if (!Number.isInteger(grace)) throw new KubectlError(`error: invalid argument "${graceFlag}" for "--grace-period" flag: strconv.ParseInt: parsing "${graceFlag}": invalid syntax`);
  const disableEviction = flagBool(a, "disable-eviction");
  let stdout = cordonNodes(sim2, nodes2, true);
  let stderr = "";
  const remaining = [];
  let fatal;
  for (const node of nodes2) {
    const pods2 = sim2.api.podsOnNode(node.metadata.name).slice().sort((x, y) => `${x.metadata.namespace}/${x.metadata.name}`.localeCompare(`${y.metadata.namespace}/${y.metadata.name}`));
    const items = pods2.map((pod) => ({ pod, status: filterPod(sim2, pod, o) }));
    const errors = grouped(items, "Error").map(([msg, ps]) => `${msg.toLowerCase().startsWith("cannot delete") ? msg : `cannot delete ${msg}`}: ${ps.join(", ")}`);
    if (errors.length) {
      const agg = errors.length === 1 ? errors[0] : `[${errors.join(", ")}]`;
      stderr += `error: unable to drain node "${node.metadata.name}" due to error: ${agg}, continuing command...
`;
      remaining.push(node.metadata.name);
      fatal = errors.join("\n");
      continue;
    }
    const warnings = grouped(items, "Warning").map(([msg, ps]) => `${msg}: ${ps.join(", ")}`);
    if (warnings.length) stderr += `Warning: ${warnings.join("; ")}
`;
    const victims = items.filter((i) => i.status.delete).map((i) => i.pod);
    let blocked;
    const done = [];
    for (const pod of victims) {
      if (disableEviction) {
        sim2.api.delete("Pod", pod.metadata.namespace, pod.metadata.name, grace < 0 ? {} : { gracePeriodSeconds: grace });
        done.push(pod);
        continue;
      }
      stdout += `evicting pod ${pod.metadata.namespace}/${pod.metadata.name}
`;
      const err = evict(sim2, pod, grace < 0 ? void 0 : grace);
      if (err) {
        stderr += `error when evicting pods/"${pod.metadata.name}" -n "${pod.metadata.namespace}" (will retry after 5s): ${err}
`;
        blocked = err;
      } else done.push(pod);
    }
    for (const pod of done) stdout += `pod/${pod.metadata.name} ${disableEviction ? "deleted" : "evicted"}
`;
    if (blocked) {
      remaining.push(node.metadata.name);
      fatal = `error: unable to drain node "${node.metadata.name}": ${blocked}`;
      continue;
    }
    stdout += `node/${node.metadata.name} drained
`;
  }
  if (fatal !== void 0) {
    stderr += `There are pending nodes to be drained:
${remaining.map((n2) => ` ${n2}
`).join("")}`;
    stderr += `${fatal}
`;
    return { stdout, stderr, exitCode: 1 };
  }
  return { stdout, stderr, exitCode: 0 };
}

// src/engine/kubectl/printers/serialize.ts
import { stringify } from "yaml";
function sortKeysDeep(v) {
  if (Array.isArray(v)) return v.map(sortKeysDeep);
  if (v && typeof v === "object") {
    const o = {};
    for (const k of Object.keys(v).sort()) {
      const x = v[k];
      if (x !== void 0) o[k] = sortKeysDeep(x);
    }
    return o;
  }
  return v;
}
function toJson(v) {
  return JSON.stringify(sortKeysDeep(v), null, 4) + "\n";
}
function toYaml(v) {
  return stringify(sortKeysDeep(v), { indentSeq: false, lineWidth: 0, version: "1.1", aliasDuplicateObjects: false });
}
function asList(items) {
  return { apiVersion: "v1", items, kind: "List", metadata: { resourceVersion: "" } };
}

// src/engine/kubectl/printers/jsonpath.ts
var JsonPathError = class extends Error {
};
function parseTemplate(tpl) {
  const root = [];
  const stack = [root];
  let i = 0;
  while (i < tpl.length) {
    const open = tpl.indexOf("{", i);
    if (open < 0) {
      stack[stack.length - 1].push({ kind: "text", text: tpl.slice(i) });
      break;
    }
    if (open > i) stack[stack.length - 1].push({ kind: "text", text: tpl.slice(i, open) });
    let depth = 0;
    let j = open;
    let quote = null;
    for (; j < tpl.length; j++) {
      const c = tpl[j];
      if (quote) {
        if (c === quote) quote = null;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === "{") depth++;
      else if (c === "}" && --depth === 0) break;
    }
    if (j >= tpl.length) throw new JsonPathError(`unclosed action`);
    const inner = tpl.slice(open + 1, j).trim();
    i = j + 1;
    if (/^range\s/.test(inner)) {
      const node = { kind: "range", path: inner.slice(6).trim(), body: [] };
      stack[stack.length - 1].push(node);
      stack.push(node.body);
    } else if (inner === "end") {
      if (stack.length === 1) throw new JsonPathError("not in range, nothing to end");
      stack.pop();
    } else if (/^(["']).*\1$/s.test(inner)) {
      const lit = inner.slice(1, -1).replace(/\\n/g, "\n").replace(/\\t/g, "	").replace(/\\r/g, "\r");
      stack[stack.length - 1].push({ kind: "text", text: lit });
    } else {
      stack[stack.length - 1].push({ kind: "expr", path: inner });
    }
  }
  if (stack.length > 1) throw new JsonPathError("unclosed range");
  return root;
}
function parsePath(p) {
  const steps = [];
  let s = p.trim();
  if (s.startsWith("$")) s = s.slice(1);
  let i = 0;
  while (i < s.length) {
    if (s.startsWith("..", i)) {
      const m = /^\.\.([\w-]+)/.exec(s.slice(i));
      if (!m) throw new JsonPathError(`invalid path ${p}`);
      steps.push({ t: "recurse", name: m[1] });
      i += m[0].length;
    } else if (s[i] === ".") {
      const m = /^\.([^.[\]]*)/.exec(s.slice(i));
      if (m[1] === "*") steps.push({ t: "all" });
      else if (m[1]) steps.push({ t: "field", name: m[1] });
      i += m[0].length;
    } else if (s[i] === "[") {
      const end = s.indexOf("]", i);
      if (end < 0) throw new JsonPathError(`unterminated array in ${p}`);
      const inner = s.slice(i + 1, end).trim();
      i = end + 1;
      if (inner === "*") steps.push({ t: "all" });
      else if (/^-?\d+$/.test(inner)) steps.push({ t: "index", i: Number(inner) });
      else if (/^-?\d*:-?\d*$/.test(inner)) {
        const [a, b] = inner.split(":");
        steps.push({ t: "slice", a: a ? Number(a) : void 0, b: b ? Number(b) : void 0 });
      } else if (/^'.*'$|^".*"$/.test(inner)) steps.push({ t: "field", name: inner.slice(1, -1) });
      else {
        const f = /^\?\(@((?:\.[\w-]+)+)\s*(?:(==|!=|<=|>=|<|>)\s*(.+?))?\s*\)$/.exec(inner);
        if (!f) throw new JsonPathError(`unrecognized filter ${inner}`);
        steps.push({ t: "filter", path: f[1], op: f[2], value: f[3]?.replace(/^(["'])(.*)\1$/, "$2") });
      }
    } else {
      const m = /^([\w-]+)/.exec(s.slice(i));
      if (!m) throw new JsonPathError(`invalid path ${p}`);
      steps.push({ t: "field", name: m[1] });
      i += m[0].length;
    }
  }
  return steps;
}
function evalPath(data, path, allowMissing) {
  let cur = [data];
  for (const st of parsePath(path)) {
    const next = [];
    for (const v of cur) {
      if (st.t === "field") {
        if (v && typeof v === "object" && !Array.isArray(v) && st.name in v) next.push(v[st.name]);
        else if (!allowMissing) throw new JsonPathError(`${st.name} is not found`);
      } else if (st.t === "all") {
        if (Array.isArray(v)) next.push(...v);
        else if (v && typeof v === "object") next.push(...Object.values(v));
      } else if (st.t === "index") {
        if (!Array.isArray(v)) continue;
        const i = st.i < 0 ? v.length + st.i : st.i;
        if (i < 0 || i >= v.length) throw new JsonPathError(`array index out of bounds: index ${st.i}, length ${v.length}`);
        next.push(v[i]);
      } else if (st.t === "slice") {
        if (Array.isArray(v)) next.push(...v.slice(st.a, st.b));
      } else if (st.t === "recurse") {
        const walk = (x) => {
          if (Array.isArray(x)) x.forEach(walk);
          else if (x && typeof x === "object") {
            for (const [k, y] of Object.entries(x)) {
              if (k === st.name) next.push(y);
              walk(y);
            }
          }
        };
        walk(v);
      } else {
        const items = Array.isArray(v) ? v : [];
        for (const item of items) {
          const got = evalPath(item, st.path, true);
          if (!st.op) {
            if (got.length) next.push(item);
            continue;
          }
          const left = got.length ? got[0] : void 0;
          const l = typeof left === "number" ? left : String(left);
          const r = typeof left === "number" ? Number(st.value) : String(st.value);
          const ok2 = st.op === "==" ? l === r : st.op === "!=" ? l !== r : st.op === "<" ? l < r : st.op === ">" ? l > r : st.op === "<=" ? l <= r : l >= r;
          if (left !== void 0 && ok2) next.push(item);
        }
      }
    }
    cur = next;
  }
  return cur;
}
function show2(v) {
  if (v === null || v === void 0) return "";
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}
function jsonPath(template, data, allowMissing = true) {
  const tpl = /^\{.*\}$/s.test(template.trim()) || template.includes("{") ? template : `{${template}}`;
  const run2 = (nodes2, ctx) => {
    let out2 = "";
    for (const n2 of nodes2) {
      if (n2.kind === "text") out2 += n2.text;
      else if (n2.kind === "expr") out2 += evalPath(ctx, n2.path.startsWith("@") ? n2.path.slice(1) : n2.path, allowMissing).map(show2).join(" ");
      else for (const item of evalPath(ctx, n2.path, allowMissing)) out2 += run2(n2.body, item);
    }
    return out2;
  };
  return run2(parseTemplate(tpl), data);
}

// src/engine/kubectl/commands/get.ts
var ALL = ["pods", "services", "daemonsets", "deployments", "replicasets", "statefulsets", "horizontalpodautoscalers", "cronjobs", "jobs"];
function get(sim2, a) {
  if (a.args.length === 0) {
    throw new KubectlError(
      `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples`
    );
  }
  const expanded = a.args[0] === "all" || a.args[0].split(",").includes("all") ? [a.args[0].split(",").flatMap((t) => t === "all" ? ALL : [t]).join(","), ...a.args.slice(1)] : a.args;
  const refs = parseResourceArgs(expanded);
  const output = flagString(a, "output");
  const errors = [];
  const groups = [];
  const groupOf = (info) => {
    let g = groups.find((x) => x.info.kind === info.kind);
    if (!g) groups.push(g = { info, objs: [] });
    return g;
  };
  const singleNamed = refs.length === 1 && refs[0].name !== void 0;
  for (const r of refs) {
    if (r.name !== void 0) {
      try {
        const o = getObject(sim2, r.info, r.name, a);
        groupOf(r.info).objs.push(o);
      } catch (e) {
        if (!flagBool(a, "ignore-not-found")) errors.push(formatError(e));
      }
    } else {
      const objs2 = listObjects(sim2, r.info, a);
      if (objs2.length) groupOf(r.info).objs.push(...objs2);
    }
  }
  const sortBy = flagString(a, "sort-by");
  if (sortBy) {
    const key = (o) => {
      try {
        return jsonPath(sortBy.startsWith("{") ? sortBy : `{${sortBy}}`, o);
      } catch {
        return "";
      }
    };
    for (const g of groups) {
      const keyed = g.objs.map((o) => ({ o, k: key(o) }));
      keyed.sort((x, y) => {
        const nx = Number(x.k);
        const ny = Number(y.k);
        if (x.k !== "" && y.k !== "" && !Number.isNaN(nx) && !Number.isNaN(ny)) return nx - ny;
        return x.k < y.k ? -1 : x.k > y.k ? 1 : 0;
      });
      g.objs = keyed.map((x) => x.o);
    }
  }
  const objs = groups.flatMap((g) => g.objs);
  let stdout = "";
  let stderr = "";
  if (output === "json" || output === "yaml") {
    const body = singleNamed && objs.length === 1 ? objs[0] : asList(objs);
    stdout = objs.length || !singleNamed ? output === "json" ? toJson(body) : toYaml(body) : "";
  } else if (output.startsWith("jsonpath=") || output.startsWith("jsonpath-as-json=")) {
    const tpl = output.slice(output.indexOf("=") + 1);
    const body = singleNamed && objs.length === 1 ? objs[0] : asList(objs);
    try {
      stdout = jsonPath(tpl, body);
    } catch (e) {
      if (e instanceof JsonPathError) throw new KubectlError(`error: error executing jsonpath ${JSON.stringify(tpl)}: ${e.message}`);
      throw e;
    }
  } else if (output.startsWith("custom-columns=")) {
    const specs = output.slice("custom-columns=".length).split(",").filter(Boolean).map((c) => {
      const i = c.indexOf(":");
      if (i < 0) throw new KubectlError(`error: unexpected custom-columns spec: ${c}, expected <header>:<json-path-expr>`);
      const path = c.slice(i + 1).trim();
      return { header: c.slice(0, i), path: path.startsWith("{") ? path : `{${path.startsWith(".") ? path : "." + path}}` };
    });
    const rows = objs.map(
      (o) => specs.map((sp) => {
        try {
          return jsonPath(sp.path, o) || "<none>";
        } catch {
          return "<none>";
        }
      })
    );
    stdout = tabwrite(flagBool(a, "no-headers") ? rows : [specs.map((sp) => sp.header), ...rows]);
  } else if (output === "name") {
    stdout = objs.map((o) => objectName(o) + "\n").join("");
  } else if (output === "" || output === "wide") {
    const wide = output === "wide";
    const withKind = groups.length > 1 || new Set(refs.map((r) => r.info.kind)).size > 1;
    const withNs = allNamespaces(a);
    stdout = groups.map(
      (g) => renderTable(sim2, g.info, g.objs, {
        wide,
        withKind,
        withNs,
        showLabels: flagBool(a, "show-labels"),
        noHeaders: flagBool(a, "no-headers"),
        labelColumns: (a.multi["label-columns"] ?? []).flatMap((x) => x.split(",")).filter(Boolean)
      })
    ).join("\n");
  } else {
    throw new KubectlError(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: custom-columns,json,jsonpath,name,wide,yaml`);
  }
  if (objs.length === 0 && errors.length === 0 && output !== "json" && output !== "yaml") {
    const nsScoped = refs.some((r) => r.info.namespaced) && !allNamespaces(a);
    stderr += nsScoped ? `No resources found in ${namespaceOf(sim2, a)} namespace.
` : "No resources found\n";
  }
  for (const e of errors) stderr += e + "\n";
  return { stdout, stderr, exitCode: errors.length ? 1 : 0 };
}
function renderTable(sim2, info, objs, o = {}) {
  const def = tableFor(info.kind);
  const header = o.wide && def.wideColumns ? [...def.wideColumns] : [...def.columns, ...o.wide ? def.wide ?? [] : []];
  if (o.withNs && info.namespaced) header.unshift("NAMESPACE");
  for (const l of o.labelColumns ?? []) header.push(l.slice(l.lastIndexOf("/") + 1).toUpperCase());
  if (o.showLabels) header.push("LABELS");
  const rows = o.noHeaders ? [] : [header];
  for (const obj of objs) {
    const cells = def.row(sim2, obj, !!o.wide);
    if (o.withKind && def.columns[0] === "NAME") cells[0] = `${kindName(info)}/${cells[0]}`;
    if (o.withNs && info.namespaced) cells.unshift(obj.metadata.namespace ?? "");
    for (const l of o.labelColumns ?? []) cells.push(obj.metadata.labels?.[l] ?? "");
    if (o.showLabels) cells.push(Object.entries(obj.metadata.labels ?? {}).sort(([x], [y]) => x < y ? -1 : 1).map(([k, v]) => `${k}=${v}`).join(",") || "<none>");
    rows.push(cells);
  }
  return tabwrite(rows);
}

// src/engine/kubectl/commands/info.ts
function apiResources(_sim, a) {
  const rows = [...KINDS].sort((x, y) => {
    const gx = x.apiVersion.includes("/") ? x.apiVersion.split("/")[0] : "";
    const gy = y.apiVersion.includes("/") ? y.apiVersion.split("/")[0] : "";
    return gx < gy ? -1 : gx > gy ? 1 : x.plural < y.plural ? -1 : 1;
  });
  if (a.flags.output === "name") {
    return ok(rows.map((k) => (k.apiVersion.includes("/") ? `${k.plural}.${k.apiVersion.split("/")[0]}` : k.plural) + "\n").join(""));
  }
  return ok(tabwrite([["NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND"], ...rows.map((k) => [k.plural, k.shortNames.join(","), k.apiVersion, String(k.namespaced), k.kind])]));
}
function top2() {
  return fail("error: Metrics API not available");
}

// src/engine/kubectl/commands/labels.ts
function label(sim2, a) {
  return change(sim2, a, "labels");
}
function annotate(sim2, a) {
  return change(sim2, a, "annotations");
}
function change(sim2, a, field) {
  const resources2 = [];
  const set2 = [];
  const remove = [];
  for (const arg of a.args) {
    if (arg.includes("=")) set2.push([arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]);
    else if (arg.endsWith("-") && resources2.length > 0) remove.push(arg.slice(0, -1));
    else resources2.push(arg);
  }
  const what = field === "labels" ? "label" : "annotation";
  if (!set2.length && !remove.length && !flagBool(a, "list")) throw new KubectlError(`error: at least one ${what} update is required`);
  const refs = parseResourceArgs(resources2);
  if (!refs.length) throw new KubectlError("error: one or more resources must be specified as <resource> <name> or <resource>/<name>");
  const overwrite = flagBool(a, "overwrite");
  const targets = [];
  for (const r of refs) {
    if (r.name) targets.push(getObject(sim2, r.info, r.name, a));
    else if (flagString(a, "selector") || flagBool(a, "all")) targets.push(...listObjects(sim2, r.info, a));
    else throw new KubectlError("error: resource(s) were provided, but no name was specified");
  }
  let stdout = "";
  for (const o of targets) {
    const cur = o.metadata[field] ?? {};
    if (!overwrite) {
      const conflicts = set2.filter(([k, v]) => k in cur && cur[k] !== v);
      if (conflicts.length) {
        if (field === "labels") throw new KubectlError(`error: '${conflicts[0][0]}' already has a value (${cur[conflicts[0][0]]}), and --overwrite is false`);
        throw new KubectlError(
          `error: --overwrite is false but found the following declared annotation(s): ${conflicts.map(([k]) => `'${k}' already has a value (${cur[k]})`).join("; ")}`
        );
      }
    }
    const next = { ...cur };
    for (const k of remove) delete next[k];
    for (const [k, v] of set2) next[k] = v;
    const changed = !deepEqual(next, cur);
    if (changed) {
      sim2.api.mutate(o.kind, o.metadata.namespace, o.metadata.name, (d) => {
        if (Object.keys(next).length) d.metadata[field] = next;
        else delete d.metadata[field];
      });
    }
    let msg;
    if (field === "labels") {
      msg = !changed ? "not labeled" : !overwrite && Object.keys(next).length < Object.keys(cur).length ? "unlabeled" : "labeled";
    } else msg = "annotated";
    stdout += `${objectName(o)} ${msg}
`;
  }
  return { stdout, stderr: "", exitCode: 0 };
}

// src/engine/kubectl/commands/logs.ts
function logs(sim2, a) {
  if (!a.args.length) throw new KubectlError("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command");
  const [ref] = a.args[0].includes("/") ? parseResourceArgs([a.args[0]]) : [{ info: resolveResource("pods"), name: a.args[0] }];
  let pod = getObject(sim2, ref.info, ref.name, a);
  if (pod.kind !== "Pod") {
    const sel = pod.spec?.selector?.matchLabels ?? {};
    const p = sim2.api.list("Pod", { namespace: pod.metadata.namespace, labels: (l) => Object.entries(sel).every(([k, v]) => l[k] === v) })[0];
    if (!p) throw new KubectlError(`error: timed out waiting for the condition`);
    pod = p;
  }
  const containers = pod.spec?.containers ?? [];
  let name = flagString(a, "container") || a.args[1] || "";
  if (!name) {
    if (containers.length > 1) {
      name = pod.metadata.annotations?.["kubectl.kubernetes.io/default-container"] ?? containers[0].name;
    } else name = containers[0]?.name ?? "";
  }
  const c = containers.find((x) => x.name === name);
  if (!c) throw new ApiError("BadRequest", `container ${name} is not valid for pod ${pod.metadata.name}`);
  const st = (pod.status?.containerStatuses ?? []).find((s) => s.name === name);
  const previous = flagBool(a, "previous");
  const state = previous ? st?.lastState : st?.state;
  if (previous && !state?.terminated) throw new ApiError("BadRequest", `previous terminated container "${name}" in pod "${pod.metadata.name}" not found`);
  if (!state || state.waiting) {
    const reason = state?.waiting?.reason ?? "ContainerCreating";
    const why = reason === "ErrImagePull" ? "image can't be pulled" : reason === "ImagePullBackOff" ? "trying and failing to pull image" : reason;
    throw new ApiError("BadRequest", `container "${name}" in pod "${pod.metadata.name}" is waiting to start: ${why}`);
  }
  const started = state.running?.startedAt ?? state.terminated?.startedAt;
  let out2 = `${started ?? ""} kubeplay: simulated process for image ${c.image} started
`;
  if (state.terminated) out2 += `${state.terminated.finishedAt ?? ""} kubeplay: process exited with code ${state.terminated.exitCode ?? 0}${state.terminated.reason ? ` (${state.terminated.reason})` : ""}
`;
  return ok(out2);
}

// src/engine/kubectl/commands/patch.ts
import { parse as parseYaml } from "yaml";
function mergePatch(target, patch2) {
  if (!patch2 || typeof patch2 !== "object" || Array.isArray(patch2)) return clone(patch2);
  const out2 = target && typeof target === "object" && !Array.isArray(target) ? clone(target) : {};
  for (const [k, v] of Object.entries(patch2)) {
    if (v === null) delete out2[k];
    else out2[k] = mergePatch(out2[k], v);
  }
  return out2;
}
function jsonPointer(path) {
  return path.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}
function jsonPatch(doc, ops) {
  const out2 = clone(doc);
  for (const op of ops) {
    const parts = jsonPointer(op.path ?? "");
    const last = parts.pop();
    let parent = out2;
    for (const p of parts) {
      parent = parent?.[Array.isArray(parent) ? Number(p) : p];
      if (parent === void 0) throw new KubectlError(`Error from server (UnprocessableEntity): the server rejected our request due to an error in our request`);
    }
    const key = Array.isArray(parent) ? last === "-" ? parent.length : Number(last) : last;
    if (op.op === "add") Array.isArray(parent) ? parent.splice(key, 0, op.value) : parent[key] = op.value;
    else if (op.op === "replace") parent[key] = op.value;
    else if (op.op === "remove") Array.isArray(parent) ? parent.splice(key, 1) : delete parent[key];
    else throw new KubectlError(`error: unsupported JSON patch operation "${op.op}"`);
  }
  return out2;
}
function patch(sim2, a) {
  const text = flagString(a, "patch");
  if (!text) throw new KubectlError("error: must specify -p to patch");
  let body;
  try {
    body = parseYaml(text);
  } catch (e) {
    throw new KubectlError(`error: unable to parse "${text}": ${e.message}`);
  }
  const type = flagString(a, "type", "strategic");
  const refs = parseResourceArgs(a.args);
  if (!refs.length || !refs[0].name) throw new KubectlError("error: resource(s) were provided, but no name was specified");
  let stdout = "";
  for (const r of refs) {
    const o = getObject(sim2, r.info, r.name, a);
    if (type !== "json" && type !== "merge" && type !== "strategic") throw new KubectlError(`error: --type must be one of [json merge strategic], not "${type}"`);
    const next = type === "json" ? jsonPatch(o, body) : type === "merge" ? mergePatch(o, body) : strategicMerge(o, body);
    delete next.metadata.resourceVersion;
    const stored = deepEqual({ ...next, metadata: { ...next.metadata, resourceVersion: o.metadata.resourceVersion } }, o) ? o : sim2.api.update(next);
    stdout += `${objectName(o)} ${stored === o ? "patched (no change)" : "patched"}
`;
  }
  return ok(stdout);
}

// src/engine/kubectl/commands/rollout.ts
var REVISION = "deployment.kubernetes.io/revision";
var CHANGE_CAUSE = "kubernetes.io/change-cause";
var RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";
var SKIP_ANNOTATIONS = /* @__PURE__ */ new Set([
  LAST_APPLIED,
  REVISION,
  "deployment.kubernetes.io/revision-history",
  "deployment.kubernetes.io/desired-replicas",
  "deployment.kubernetes.io/max-replicas",
  "deprecated.deployment.rollback.to"
]);
function rollout(sim2, a) {
  const [sub, ...rest] = a.args;
  const subs = { status, history, undo, pause, resume, restart };
  const fn = subs[sub ?? ""];
  if (!fn) throw new KubectlError(sub ? `error: unknown command "${sub}" for "kubectl rollout"` : "error: required resource not specified");
  const refs = parseResourceArgs(rest);
  if (!refs.length || !refs[0].name) throw new KubectlError("error: required resource not specified");
  let stdout = "";
  let stderr = "";
  let exitCode = 0;
  for (const r of refs) {
    if (!r.name) throw new KubectlError("error: resource(s) were provided, but no name was specified");
    const o = getObject(sim2, r.info, r.name, a);
    if (o.kind !== "Deployment") {
      stderr += `error: ${sub === "status" ? "no status viewer" : sub === "history" ? "no history viewer" : sub === "undo" ? "no rollbacker" : sub === "restart" ? "no restarter" : "no pauser"} has been implemented for {"${o.apiVersion.split("/")[0]}" "${o.kind}"}
`;
      exitCode = 1;
      continue;
    }
    const res = fn(sim2, o, a);
    stdout += res.stdout;
    stderr += res.stderr;
    exitCode = Math.max(exitCode, res.exitCode);
  }
  return { stdout, stderr, exitCode };
}
function ownedReplicaSets(sim2, d) {
  return sim2.api.list("ReplicaSet", { namespace: d.metadata.namespace }).filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid));
}
function revisionOf(o) {
  const v = Number(o.metadata.annotations?.[REVISION] ?? "0");
  return Number.isFinite(v) ? v : 0;
}
function status(_sim, d) {
  const name = d.metadata.name;
  const st = d.status ?? {};
  if ((d.metadata.generation ?? 0) <= (st.observedGeneration ?? 0)) {
    const prog = (st.conditions ?? []).find((c) => c.type === "Progressing");
    if (prog?.reason === "ProgressDeadlineExceeded") return { stdout: "", stderr: `error: deployment "${name}" exceeded its progress deadline
`, exitCode: 1 };
    const want = d.spec?.replicas ?? 1;
    const updated = st.updatedReplicas ?? 0;
    const replicas = st.replicas ?? 0;
    const available = st.availableReplicas ?? 0;
    if (updated < want) return ok(`Waiting for deployment "${name}" rollout to finish: ${updated} out of ${want} new replicas have been updated...
`);
    if (replicas > updated) return ok(`Waiting for deployment "${name}" rollout to finish: ${replicas - updated} old replicas are pending termination...
`);
    if (available < updated) return ok(`Waiting for deployment "${name}" rollout to finish: ${available} of ${updated} updated replicas are available...
`);
    return ok(`deployment "${name}" successfully rolled out
`);
  }
  return ok("Waiting for deployment spec update to be observed...\n");
}
function history(sim2, d, a) {
  const byRev = /* @__PURE__ */ new Map();
  for (const rs of ownedReplicaSets(sim2, d)) {
    const v = revisionOf(rs);
    if (v > 0 || rs.metadata.annotations?.[REVISION] !== void 0) byRev.set(v, rs);
  }
  const want = Number(flagString(a, "revision", "0"));
  if (want > 0) {
    const rs = byRev.get(want);
    if (!rs) return { stdout: "", stderr: `error: unable to find the specified revision
`, exitCode: 1 };
    const t = rs.spec?.template ?? {};
    const labels = Object.entries(t.metadata?.labels ?? {}).map(([k, v]) => `${k}=${v}`);
    let out2 = `${objectName(d)} with revision #${want}
Pod Template:
  Labels:	${labels.join("\n	") || "<none>"}
  Containers:
`;
    for (const c of t.spec?.containers ?? []) out2 += `   ${c.name}:
    Image:	${c.image}
`;
    return ok(out2 + "\n");
  }
  const revs = [...byRev.keys()].sort((x, y) => x - y);
  const rows = [["REVISION", "CHANGE-CAUSE"], ...revs.map((r) => [String(r), byRev.get(r).metadata.annotations?.[CHANGE_CAUSE] || "<none>"])];
  const w = Math.max(...rows.map((r) => r[0].length)) + 2;
  const table = rows.map((r) => r[0].padEnd(w) + r[1] + "\n").join("");
  return ok(`${objectName(d)} 
${table}
`);
}
function undo(sim2, d, a) {
  const toRevision = Number(flagString(a, "to-revision", "0"));
  const rss2 = ownedReplicaSets(sim2, d);
  let target;
  if (toRevision === 0) {
    let max = 0;
    let second = 0;
    let maxRs;
    let secondRs;
    for (const rs of rss2) {
      const v = revisionOf(rs);
      if (v >= max) {
        second = max;
        secondRs = maxRs;
        max = v;
        maxRs = rs;
      } else if (v > second) {
        second = v;
        secondRs = rs;
      }
    }
    target = secondRs;
    if (!target) return { stdout: "", stderr: `error: no rollout history found for deployment "${d.metadata.name}"
`, exitCode: 1 };
  } else {
    target = rss2.find((rs) => revisionOf(rs) === toRevision);
    if (!target) return { stdout: "", stderr: `error: unable to find specified revision ${toRevision} in history
`, exitCode: 1 };
  }
  if (d.spec?.paused) {
    return { stdout: "", stderr: `error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/${d.metadata.name}' and try again
`, exitCode: 1 };
  }
  const template = clone(target.spec?.template ?? {});
  if (template.metadata?.labels) {
    delete template.metadata.labels["pod-template-hash"];
  }
  if (deepEqual(template, d.spec?.template)) {
    return ok(`${objectName(d)} skipped rollback (current template already matches revision ${revisionOf(target)})
`);
  }
  sim2.api.mutate("Deployment", d.metadata.namespace, d.metadata.name, (draft) => {
    draft.spec.template = template;
    const ann = {};
    for (const [k, v] of Object.entries(draft.metadata.annotations ?? {})) if (SKIP_ANNOTATIONS.has(k)) ann[k] = v;
    for (const [k, v] of Object.entries(target.metadata.annotations ?? {})) if (!SKIP_ANNOTATIONS.has(k)) ann[k] = v;
    if (Object.keys(ann).length) draft.metadata.annotations = ann;
    else delete draft.metadata.annotations;
  });
  return ok(`${objectName(d)} rolled back
`);
}
function pause(sim2, d) {
  if (d.spec?.paused) return { stdout: "", stderr: `error: deployments.apps "${d.metadata.name}" is already paused
`, exitCode: 1 };
  sim2.api.mutate("Deployment", d.metadata.namespace, d.metadata.name, (draft) => {
    draft.spec.paused = true;
  });
  return ok(`${objectName(d)} paused
`);
}
function resume(sim2, d) {
  if (!d.spec?.paused) return { stdout: "", stderr: `error: deployments.apps "${d.metadata.name}" is not paused
`, exitCode: 1 };
  sim2.api.mutate("Deployment", d.metadata.namespace, d.metadata.name, (draft) => {
    draft.spec.paused = false;
  });
  return ok(`${objectName(d)} resumed
`);
}
function restart(sim2, d) {
  if (d.spec?.paused) return { stdout: "", stderr: `error: deployments.apps "${d.metadata.name}" can't restart paused deployment (run rollout resume first)
`, exitCode: 1 };
  sim2.api.mutate("Deployment", d.metadata.namespace, d.metadata.name, (draft) => {
    const t = draft.spec.template ??= {};
    t.metadata = t.metadata ?? {};
    t.metadata.annotations = { ...t.metadata.annotations ?? {}, [RESTARTED_AT]: sim2.clock.timestamp() };
  });
  return ok(`${objectName(d)} restarted
`);
}

// src/engine/kubectl/commands/run.ts
function run(sim2, a) {
  const [name, ...cmd] = a.args;
  if (!name) throw new KubectlError("error: NAME is required for run");
  const image = flagString(a, "image");
  if (!image) throw new KubectlError('error: required flag(s) "image" not set');
  const labels = { run: name };
  for (const kv of flagString(a, "labels").split(",").filter(Boolean)) {
    const i = kv.indexOf("=");
    if (i < 1) throw new KubectlError(`error: invalid label spec: ${kv}`);
    labels[kv.slice(0, i)] = kv.slice(i + 1);
  }
  if (flagString(a, "labels")) delete labels.run;
  const container2 = { name, image };
  const port = flagString(a, "port");
  if (port) container2.ports = [{ containerPort: Number(port) }];
  if (cmd.length) container2.args = cmd;
  const env = a.multi.env ?? [];
  if (env.length) container2.env = env.map((e) => ({ name: e.slice(0, e.indexOf("=")), value: e.slice(e.indexOf("=") + 1) }));
  const pod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: flagString(a, "namespace") || "default", labels },
    spec: { containers: [container2], restartPolicy: flagString(a, "restart", "Always") }
  };
  return ok(`${objectName(sim2.api.create(pod))} created
`);
}
function expose(sim2, a) {
  const refs = parseResourceArgs(a.args);
  if (!refs.length || !refs[0].name) throw new KubectlError("error: You must provide one or more resources by argument or filename.");
  const target = getObject(sim2, refs[0].info, refs[0].name, a);
  let selector;
  if (target.kind === "Pod") selector = target.metadata.labels;
  else if (target.kind === "Service") selector = target.spec?.selector;
  else {
    const sel = target.spec?.selector;
    if (sel?.matchExpressions?.length) throw new KubectlError(`error: couldn't retrieve selectors via --selector flag or introspection: the selector uses expressions, which a Service cannot express`);
    selector = sel?.matchLabels;
  }
  if (!selector || !Object.keys(selector).length) throw new KubectlError(`error: couldn't retrieve selectors via --selector flag or introspection: the ${target.kind.toLowerCase()} has no selector`);
  let port = flagString(a, "port");
  if (!port) {
    const cs = (target.kind === "Pod" ? target.spec : target.spec?.template?.spec)?.containers ?? [];
    const p = cs.flatMap((c) => c.ports ?? [])[0];
    if (!p) throw new KubectlError("error: couldn't find port via --port flag or introspection");
    port = String(p.containerPort);
  }
  const targetPort = flagString(a, "target-port") || port;
  const svc = {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: flagString(a, "name") || target.metadata.name, namespace: target.metadata.namespace, labels: target.metadata.labels },
    spec: {
      selector: { ...selector },
      ports: [{ port: Number(port), protocol: flagString(a, "protocol", "TCP"), targetPort: /^\d+$/.test(targetPort) ? Number(targetPort) : targetPort }],
      type: flagString(a, "type", "ClusterIP")
    }
  };
  if (!svc.metadata.labels) delete svc.metadata.labels;
  return ok(`${objectName(sim2.api.create(svc))} exposed
`);
}

// src/engine/kubectl/commands/scale.ts
var SCALABLE = /* @__PURE__ */ new Set(["Deployment", "ReplicaSet", "StatefulSet", "Job"]);
function scale(sim2, a) {
  const rs = flagString(a, "replicas");
  if (a.flags.replicas === void 0) throw new KubectlError('error: required flag(s) "replicas" not set');
  if (!/^-?\d+$/.test(rs)) throw new KubectlError(`error: invalid argument "${rs}" for "--replicas" flag: strconv.ParseInt: parsing "${rs}": invalid syntax`);
  const replicas = Number(rs);
  if (replicas < 0) throw new KubectlError("error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0");
  const refs = parseResourceArgs(a.args);
  if (refs.length === 0) throw new KubectlError("error: You must provide one or more resources by argument or filename.");
  const current = a.flags["current-replicas"] !== void 0 ? Number(flagString(a, "current-replicas")) : -1;
  let stdout = "";
  let stderr = "";
  for (const r of refs) {
    const objs = r.name ? [getObject(sim2, r.info, r.name, a)] : flagString(a, "selector") || a.flags.all ? listObjects(sim2, r.info, a) : [];
    if (!r.name && !objs.length) throw new KubectlError("error: resource(s) were provided, but no name was specified");
    for (const o of objs) {
      if (!SCALABLE.has(o.kind)) {
        stderr += `error: no scaler has been implemented for {"${o.apiVersion.includes("/") ? o.apiVersion.split("/")[0] : ""}" "${o.kind}"}
`;
        continue;
      }
      const field = o.kind === "Job" ? "parallelism" : "replicas";
      if (current >= 0 && (o.spec?.[field] ?? 1) !== current) {
        throw new ApiError("Conflict", `Operation cannot be fulfilled on ${resourceName(r.info)} "${o.metadata.name}": expected ${field} ${current}, got ${o.spec?.[field] ?? 1}`);
      }
      sim2.api.mutate(o.kind, o.metadata.namespace, o.metadata.name, (d) => {
        d.spec = d.spec ?? {};
        if (d.spec[field] === replicas) return false;
        d.spec[field] = replicas;
      });
      stdout += `${objectName(o)} scaled
`;
    }
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}

// src/engine/kubectl/commands/set.ts
function podSpecOf(o) {
  switch (o.kind) {
    case "Pod":
      return o.spec;
    case "CronJob":
      return o.spec?.jobTemplate?.spec?.template?.spec;
    case "Deployment":
    case "ReplicaSet":
    case "StatefulSet":
    case "DaemonSet":
    case "Job":
      return o.spec?.template?.spec;
    default:
      return void 0;
  }
}
function set(sim2, a) {
  const [sub, ...rest] = a.args;
  if (sub === "image") return setImage(sim2, { ...a, args: rest });
  if (sub === "env") return setEnv(sim2, { ...a, args: rest });
  throw new KubectlError(sub ? `error: unknown command "${sub}" for "kubectl set"` : "error: Required resource not specified.");
}
function splitPairs(a) {
  const resources2 = [];
  const pairs = [];
  for (const arg of a.args) {
    const i = arg.indexOf("=");
    if (i > 0) pairs.push([arg.slice(0, i), arg.slice(i + 1)]);
    else resources2.push(arg);
  }
  return { resources: resources2, pairs };
}
function setImage(sim2, a) {
  const { resources: resources2, pairs } = splitPairs(a);
  if (!pairs.length) throw new KubectlError("error: at least one image update is required");
  const refs = parseResourceArgs(resources2);
  if (!refs.length) throw new KubectlError("error: one or more resources must be specified as <resource> <name> or <resource>/<name>");
  let stdout = "";
  let stderr = "";
  for (const r of refs) {
    if (!r.name) throw new KubectlError("error: resource(s) were provided, but no name was specified");
    const o = getObject(sim2, r.info, r.name, a);
    const spec = podSpecOf(o);
    if (!spec) {
      stderr += `error: ${objectName(o)} is not a pod template holder
`;
      continue;
    }
    for (const [name] of pairs) {
      if (name === "*") continue;
      const all = [...spec.initContainers ?? [], ...spec.containers ?? []];
      if (!all.some((c) => c.name === name)) stderr += `error: unable to find container named "${name}"
`;
    }
    if (stderr) continue;
    let changed = false;
    sim2.api.mutate(o.kind, o.metadata.namespace, o.metadata.name, (d) => {
      const ds = podSpecOf(d);
      for (const list of [ds.initContainers ?? [], ds.containers ?? []]) {
        for (const c of list) {
          for (const [name, image] of pairs) {
            if ((name === "*" || c.name === name) && c.image !== image) {
              c.image = image;
              changed = true;
            }
          }
        }
      }
      if (!changed) return false;
    });
    if (changed) stdout += `${objectName(o)} image updated
`;
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}
function setEnv(sim2, a) {
  const { resources: resources2, pairs } = splitPairs(a);
  const removals = resources2.filter((x) => x.endsWith("-") && !x.includes("/"));
  const refs = parseResourceArgs(resources2.filter((x) => !removals.includes(x)));
  let stdout = "";
  for (const r of refs) {
    if (!r.name) throw new KubectlError("error: resource(s) were provided, but no name was specified");
    const o = getObject(sim2, r.info, r.name, a);
    let changed = false;
    sim2.api.mutate(o.kind, o.metadata.namespace, o.metadata.name, (d) => {
      const ds = podSpecOf(d);
      if (!ds) return false;
      for (const c of ds.containers ?? []) {
        const env = c.env ?? [];
        for (const [k, v] of pairs) {
          const e = env.find((x) => x.name === k);
          if (e && e.value === v) continue;
          if (e) e.value = v;
          else env.push({ name: k, value: v });
          changed = true;
        }
        for (const rm of removals) {
          const i = env.findIndex((x) => x.name === rm.slice(0, -1));
          if (i >= 0) {
            env.splice(i, 1);
            changed = true;
          }
        }
        if (env.length) c.env = env;
        else delete c.env;
      }
      if (!changed) return false;
    });
    if (changed) stdout += `${objectName(o)} env updated
`;
  }
  return { stdout, stderr: "", exitCode: 0 };
}

// src/engine/kubectl/commands/taint.ts
var EFFECTS = ["NoSchedule", "PreferNoSchedule", "NoExecute"];
function parseTaintSpec(spec) {
  if (spec.endsWith("-")) {
    const body = spec.slice(0, -1);
    const [key2, effect2] = body.split(":");
    if (effect2 !== void 0 && !EFFECTS.includes(effect2)) throw new KubectlError(`error: invalid taint effect: ${effect2}, unsupported taint effect`);
    return { remove: effect2 ? { key: key2, effect: effect2 } : { key: key2 } };
  }
  const parts = spec.split(":");
  if (parts.length !== 2 || !parts[1]) throw new KubectlError(`error: invalid taint spec: ${spec}`);
  const effect = parts[1];
  if (!EFFECTS.includes(effect)) throw new KubectlError(`error: invalid taint effect: ${effect}, unsupported taint effect`);
  const eq = parts[0].indexOf("=");
  const key = eq < 0 ? parts[0] : parts[0].slice(0, eq);
  const value = eq < 0 ? void 0 : parts[0].slice(eq + 1);
  if (!key) throw new KubectlError(`error: invalid taint spec: ${spec}`);
  return { add: value ? { key, value, effect } : { key, effect } };
}
function taint(sim2, a) {
  const args = [...a.args];
  if (!args.length) throw new KubectlError("error: at least one taint update is required");
  let type = args.shift();
  let names = [];
  if (type.includes("/")) {
    names.push(type.slice(type.indexOf("/") + 1));
    type = type.slice(0, type.indexOf("/"));
  }
  if (!/^(nodes?|no)$/.test(type)) throw new KubectlError(`error: invalid resource type ${type}, only node types are supported`);
  const specs = [];
  for (const x of args) (/[:=]|-$/.test(x) ? specs : names).push(x);
  if (!specs.length) throw new KubectlError("error: at least one taint update is required");
  const adds = [];
  const removes = [];
  for (const s of specs) {
    const p = parseTaintSpec(s);
    if (p.add) adds.push(p.add);
    if (p.remove) removes.push(p.remove);
  }
  let nodes2;
  if (flagBool(a, "all")) nodes2 = sim2.list("Node");
  else if (flagString(a, "selector")) {
    const sel = parseSelector(flagString(a, "selector"));
    nodes2 = sim2.list("Node").filter((n2) => sel.matches(n2.metadata.labels ?? {}));
  } else {
    if (!names.length) throw new KubectlError("error: at least one resource name must be specified since 'all' parameter is not set");
    nodes2 = names.map((n2) => {
      const node = sim2.get("Node", void 0, n2);
      if (!node) throw new KubectlError(`Error from server (NotFound): nodes "${n2}" not found`);
      return node;
    });
  }
  const overwrite = flagBool(a, "overwrite");
  let out2 = "";
  for (const node of nodes2.sort((x, y) => x.metadata.name < y.metadata.name ? -1 : 1)) {
    const name = node.metadata.name;
    const cur = node.spec?.taints ?? [];
    if (!overwrite) {
      const clash = adds.filter((t) => cur.some((c) => c.key === t.key && c.effect === t.effect));
      if (clash.length) throw new KubectlError(`error: node ${name} already has ${clash.map((t) => t.key).join(",")} taint(s) with same effect(s) and --overwrite is false`);
    }
    let next = [...cur];
    let removed = false;
    for (const r of removes) {
      const before = next.length;
      next = next.filter((t) => !(t.key === r.key && (!r.effect || t.effect === r.effect)));
      if (next.length === before) throw new KubectlError(`error: taint ${JSON.stringify(r.effect ? `${r.key}:${r.effect}` : r.key)} not found`);
      removed = true;
    }
    let modified = false;
    for (const t of adds) {
      const i = next.findIndex((c) => c.key === t.key && c.effect === t.effect);
      if (i >= 0) {
        next[i] = { ...t };
        modified = true;
      } else next.push({ ...t });
    }
    sim2.api.mutate("Node", void 0, name, (d) => {
      d.spec = { ...d.spec ?? {} };
      if (next.length) d.spec.taints = next;
      else delete d.spec.taints;
    });
    const verb = modified ? "modified" : removed && !adds.length ? "untainted" : "tainted";
    out2 += `node/${name} ${verb}
`;
  }
  return { stdout: out2, stderr: "", exitCode: 0 };
}

// src/engine/kubectl/commands/uncordon.ts
function uncordon(sim2, a) {
  return { stdout: cordonNodes(sim2, selectNodes(sim2, a, "uncordon"), false), stderr: "", exitCode: 0 };
}

// src/engine/kubelet/constants.ts
var CRASH_BACKOFF_INITIAL_MS = 1e4;
var CRASH_BACKOFF_MAX_MS = 3e5;
var PULL_BACKOFF_INITIAL_MS = 1e4;
var PULL_BACKOFF_MAX_MS = 3e5;
var MIN_GRACE_SECONDS = 2;
var NODE_LEASE_DURATION_SECONDS = 40;
var NODE_STATUS_REPORT_MS = 5 * 6e4;
var NODE_STATUS_MAX_IMAGES = 50;
var SANDBOX_MS = 500;
var CREATE_MS = 150;
var PULL_LATENCY_MS = 300;
var PULL_BYTES_PER_MS = 4e4;
var PULL_FAIL_MS = 1200;
var RESYNC_AFTER_ERROR_MS = 1e3;
var KUBELET_VERSION = "v1.34.0";
var CONTAINER_RUNTIME_VERSION = "containerd://2.1.4";
var PAUSE_IMAGE = "registry.k8s.io/pause:3.10";

// src/engine/kubectl/commands/registry.ts
var COMMANDS = {
  annotate,
  "api-resources": apiResources,
  apply,
  cordon,
  create,
  delete: del,
  describe,
  drain,
  expose,
  get,
  label,
  logs,
  patch,
  rollout,
  run,
  scale,
  set,
  taint,
  top: top2,
  uncordon,
  version: () => ok(`Client Version: ${KUBELET_VERSION}
Kustomize Version: v5.7.1
Server Version: ${KUBELET_VERSION}
`)
};

// src/engine/kubectl/index.ts
function runKubectl(sim2, command, opts = {}) {
  let args;
  try {
    args = parseArgs(typeof command === "string" ? tokenize(command) : command);
  } catch (e) {
    if (e instanceof ArgError) return fail(`error: ${e.message}`);
    throw e;
  }
  if (opts.stdin !== void 0) args.stdin = opts.stdin;
  if (!args.verb) return fail('error: you must specify a command, e.g. "kubectl get pods"');
  const cmd = COMMANDS[args.verb];
  if (!cmd) return fail(`error: unknown command "${args.verb}" for "kubectl"`);
  try {
    return cmd(sim2, args);
  } catch (e) {
    return fail(formatError(e));
  }
}

// src/engine/scenario/runner.ts
var SCENARIO_COMPONENT = "scenario";
var POD_ACTION_DONE = {
  crash: "crashed",
  "break-readiness": "readiness broken",
  "break-liveness": "liveness broken",
  heal: "healed"
};
var ScenarioRunner = class {
  name = SCENARIO_COMPONENT;
  ctx;
  sim;
  state = { steps: [], log: [] };
  start(ctx) {
    this.ctx = ctx;
  }
  /** Point the runner at the Simulation its kubectl steps drive (after restoring a snapshot into a new one). */
  attach(sim2) {
    this.sim = sim2;
  }
  /** Install the steps (absolute times) and the Simulation that kubectl steps drive. */
  load(sim2, steps) {
    this.sim = sim2;
    const base = this.state.steps.length;
    this.state.steps.push(...steps.map((s) => ({ ...s })));
    steps.forEach((s, i) => this.ctx.schedule(Math.max(0, s.at - this.ctx.clock.now), `step/${base + i}`, { index: base + i }));
  }
  /** Add one step now or later (live UI actions are recorded as steps). */
  addStep(sim2, step) {
    this.load(sim2, [step]);
  }
  get steps() {
    return this.state.steps;
  }
  get log() {
    return this.state.log;
  }
  handle(ev) {
    const index = ev.data.index;
    const step = this.state.steps[index];
    if (!step) return;
    const r = this.run(step);
    this.state.log.push({ t: this.ctx.clock.now, index, ...r });
  }
  run(step) {
    const sim2 = this.sim;
    if (!sim2) return { stdout: "", stderr: "error: scenario runner has no simulation\n", exitCode: 1 };
    if (step.kubectl !== void 0) return runKubectl(sim2, step.kubectl);
    if (step.apply !== void 0) return runKubectl(sim2, ["apply", "-f", "-"], { stdin: step.apply });
    if (step.node) {
      const kubelet = this.ctx.component("kubelet");
      if (!kubelet || typeof kubelet.setNodeRunning !== "function") {
        return { stdout: "", stderr: `error: cannot ${step.node.action} node "${step.node.name}": no kubelet component
`, exitCode: 1 };
      }
      if (!sim2.get("Node", void 0, step.node.name)) {
        return { stdout: "", stderr: `Error from server (NotFound): nodes "${step.node.name}" not found
`, exitCode: 1 };
      }
      kubelet.setNodeRunning(step.node.name, step.node.action === "start");
      return { stdout: `node/${step.node.name} ${step.node.action === "start" ? "started" : "stopped"}
`, stderr: "", exitCode: 0 };
    }
    if (step.pod) return this.runPod(sim2, step.pod);
    return { stdout: "", stderr: "error: empty step\n", exitCode: 1 };
  }
  runPod(sim2, p) {
    const fail2 = (stderr) => ({ stdout: "", stderr: stderr + "\n", exitCode: 1 });
    const pod = sim2.get("Pod", p.namespace, p.name);
    if (!pod) return fail2(`Error from server (NotFound): pods "${p.name}" not found`);
    if (p.container !== void 0 && !podContainerNames(pod).includes(p.container)) {
      return fail2(`error: container ${p.container} is not valid for pod ${p.name}`);
    }
    const kubelet = this.ctx.component("kubelet");
    if (!kubelet || typeof kubelet.appAction !== "function") return fail2(`error: cannot ${p.action} pod "${p.name}": no kubelet component`);
    if (p.action === "crash" && !hasRunningContainer(pod, p.container)) return fail2(`error: pod "${p.name}" has no running container`);
    if (!kubelet.appAction(p.namespace, p.name, p.action, p.container)) return fail2(`error: pod "${p.name}" has no running container on a running node`);
    return { stdout: `pod/${p.name} ${POD_ACTION_DONE[p.action]}
`, stderr: "", exitCode: 0 };
  }
  saveState() {
    return JSON.parse(JSON.stringify(this.state));
  }
  loadState(state) {
    this.state = JSON.parse(JSON.stringify(state));
  }
};
function podContainerNames(pod) {
  const spec = pod.spec ?? {};
  return [...spec.initContainers ?? [], ...spec.containers ?? []].map((c) => c.name);
}
function hasRunningContainer(pod, container2) {
  const st = pod.status ?? {};
  const statuses = container2 ? [...st.initContainerStatuses ?? [], ...st.containerStatuses ?? []].filter((c) => c.name === container2) : st.containerStatuses ?? [];
  return statuses.some((c) => c.state?.running !== void 0);
}

// src/engine/sim/component.ts
var Controller = class {
  ctx;
  /** key -> the time it is queued for. */
  queued = {};
  start(ctx) {
    this.ctx = ctx;
    this.run();
  }
  /** Queue key after the informer/workqueue latency (or an explicit delay, as AddAfter). */
  enqueue(key, delayMs = this.ctx.timings.controllerLatencyMs) {
    const at = this.ctx.clock.now + Math.max(0, Math.round(delayMs));
    const cur = this.queued[key];
    if (cur !== void 0 && cur <= at) return;
    this.queued[key] = at;
    this.ctx.schedule(at - this.ctx.clock.now, key);
  }
  handle(ev) {
    if (this.queued[ev.key] !== ev.at) return;
    delete this.queued[ev.key];
    this.sync(ev.key);
  }
  saveState() {
    return { queued: { ...this.queued }, extra: this.saveExtra() };
  }
  loadState(state) {
    const s = state;
    this.queued = { ...s.queued };
    this.loadExtra(s.extra);
  }
  /** Controllers with more private state (expectations, back-off) override these. */
  saveExtra() {
    return null;
  }
  loadExtra(_state) {
  }
};

// src/engine/controllers/controller_utils/expectations.ts
var ControllerExpectations = class {
  constructor(state, timeoutMs) {
    this.state = state;
    this.timeoutMs = timeoutMs;
  }
  state;
  timeoutMs;
  get raw() {
    return this.state;
  }
  /** Satisfied when nothing is pending, nothing was recorded, or the record expired. */
  satisfied(key, now) {
    const e = this.state[key];
    if (!e) return true;
    if (e.add <= 0 && e.del <= 0) return true;
    return now - e.timestamp > this.timeoutMs;
  }
  expectCreations(key, n2, now) {
    this.state[key] = { add: n2, del: 0, timestamp: now, deleting: [] };
  }
  expectDeletions(key, podKeys, now) {
    this.state[key] = { add: 0, del: podKeys.length, timestamp: now, deleting: [...podKeys] };
  }
  creationObserved(key) {
    const e = this.state[key];
    if (e) e.add -= 1;
  }
  /** Counted once per pod key: a pod seen with a deletionTimestamp and then deleted counts once. */
  deletionObserved(key, podKey2) {
    const e = this.state[key];
    if (!e) return;
    const i = e.deleting.indexOf(podKey2);
    if (i < 0) return;
    e.deleting.splice(i, 1);
    e.del -= 1;
  }
  delete(key) {
    delete this.state[key];
  }
};

// src/engine/controllers/controller_utils/pods.ts
var parsedTimes = /* @__PURE__ */ new Map();
function parseTime(ts) {
  if (!ts) return void 0;
  if (parsedTimes.has(ts)) return parsedTimes.get(ts);
  const v = Date.parse(ts);
  const t = Number.isNaN(v) ? void 0 : v;
  if (parsedTimes.size >= 4096) parsedTimes.clear();
  parsedTimes.set(ts, t);
  return t;
}
function podReadyCondition(pod) {
  return pod.status?.conditions?.find((c) => c.type === "Ready");
}
function isPodReady(pod) {
  return podReadyCondition(pod)?.status === "True";
}
function isPodAvailable(pod, minReadySeconds, nowMs2) {
  const c = podReadyCondition(pod);
  if (c?.status !== "True") return false;
  if (!minReadySeconds) return true;
  const t = parseTime(c.lastTransitionTime);
  return t !== void 0 && t + minReadySeconds * 1e3 < nowMs2;
}
function isPodTerminal(pod) {
  const phase = pod.status?.phase;
  return phase === "Succeeded" || phase === "Failed";
}
function isPodActive(pod) {
  return !isPodTerminal(pod) && !pod.metadata.deletionTimestamp;
}
function isPodTerminating(pod) {
  return !isPodTerminal(pod) && !!pod.metadata.deletionTimestamp;
}

// src/engine/controllers/controller_utils/controller_ref_manager.ts
function claimDecision(owner, obj, matches) {
  const ref = controllerRef(obj);
  if (ref) {
    if (ref.uid !== owner.metadata.uid) return "ignore";
    if (matches) return "owned";
    return owner.metadata.deletionTimestamp ? "ignore" : "release";
  }
  if (owner.metadata.deletionTimestamp || !matches) return "ignore";
  if (obj.metadata.deletionTimestamp) return "ignore";
  if (owner.metadata.namespace && owner.metadata.namespace !== obj.metadata.namespace) return "ignore";
  return "adopt";
}
function claimObjects(api, owner, candidates, matches) {
  const claimed = [];
  let canAdopt;
  for (const obj of candidates) {
    const d = claimDecision(owner, obj, matches(obj));
    if (d === "owned") claimed.push(obj);
    else if (d === "release") releaseObject(api, owner, obj);
    else if (d === "adopt") {
      if (canAdopt === void 0) {
        const fresh = api.get(owner.kind, owner.metadata.namespace, owner.metadata.name);
        canAdopt = !!fresh && fresh.metadata.uid === owner.metadata.uid && !fresh.metadata.deletionTimestamp;
      }
      if (!canAdopt) continue;
      const adopted = adoptObject(api, owner, obj);
      if (adopted) claimed.push(adopted);
    }
  }
  return claimed;
}
function adoptObject(api, owner, obj) {
  try {
    return api.mutate(obj.kind, obj.metadata.namespace, obj.metadata.name, (draft) => {
      if (draft.metadata.uid !== obj.metadata.uid || controllerRef(draft)) return false;
      draft.metadata.ownerReferences = [...draft.metadata.ownerReferences ?? [], newControllerRef(owner)];
    });
  } catch (e) {
    if (e instanceof ApiError && e.reason === "NotFound") return void 0;
    throw e;
  }
}
function releaseObject(api, owner, obj) {
  try {
    api.mutate(obj.kind, obj.metadata.namespace, obj.metadata.name, (draft) => {
      const refs = draft.metadata.ownerReferences ?? [];
      const kept = refs.filter((r) => r.uid !== owner.metadata.uid);
      if (kept.length === refs.length) return false;
      if (kept.length) draft.metadata.ownerReferences = kept;
      else delete draft.metadata.ownerReferences;
    });
  } catch (e) {
    if (!(e instanceof ApiError && e.reason === "NotFound")) throw e;
  }
}

// src/engine/controllers/controller_utils/pod_control.ts
var POD_NAME_PREFIX = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*-?$/;
function podsPrefix(controllerName) {
  const prefix = `${controllerName}-`;
  return POD_NAME_PREFIX.test(prefix) && prefix.length <= 253 ? prefix : controllerName;
}
function getPodFromTemplate(template, parent, ref, shareSpec = false) {
  const md = template?.metadata ?? {};
  const spec = template?.spec ?? {};
  const pod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "", generateName: podsPrefix(parent.metadata.name), namespace: parent.metadata.namespace },
    spec: shareSpec ? spec : clone(spec)
  };
  if (md.labels && Object.keys(md.labels).length) pod.metadata.labels = { ...md.labels };
  if (md.annotations && Object.keys(md.annotations).length) pod.metadata.annotations = { ...md.annotations };
  if (md.finalizers?.length) pod.metadata.finalizers = [...md.finalizers];
  if (ref) pod.metadata.ownerReferences = [{ ...ref }];
  return pod;
}
function createPod(ctx, source, template, parent, ref) {
  const pod = getPodFromTemplate(template, parent, ref, true);
  if (!pod.metadata.labels || Object.keys(pod.metadata.labels).length === 0) return new Error("unable to create pods, no labels");
  try {
    const created = ctx.api.create(pod);
    ctx.events.record(parent, "Normal", "SuccessfulCreate", `Created pod: ${created.metadata.name}`, source);
    return void 0;
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    ctx.events.record(parent, "Warning", "FailedCreate", `Error creating: ${err.message}`, source);
    return err;
  }
}
function deletePod(ctx, source, namespace, name, parent) {
  try {
    ctx.api.delete("Pod", namespace, name);
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    if (e instanceof ApiError && e.reason === "NotFound") return err;
    ctx.events.record(parent, "Warning", "FailedDelete", `Error deleting: ${err.message}`, source);
    return new Error(`unable to delete pods: ${err.message}`);
  }
  ctx.events.record(parent, "Normal", "SuccessfulDelete", `Deleted pod: ${name}`, source);
  return void 0;
}

// src/engine/controllers/controller_utils/slow_start.ts
var SLOW_START_INITIAL_BATCH_SIZE = 1;
function slowStartBatch(count, initialBatchSize, fn) {
  let remaining = count;
  let successes = 0;
  for (let batch = Math.min(remaining, initialBatchSize); batch > 0; batch = Math.min(2 * batch, remaining)) {
    let error;
    let ok2 = 0;
    for (let i = 0; i < batch; i++) {
      const err = fn();
      if (err) error ??= err;
      else ok2++;
    }
    successes += ok2;
    if (error) return { successes, error };
    remaining -= batch;
  }
  return { successes };
}

// src/engine/controllers/controller_utils/active_pods.ts
var POD_DELETION_COST_ANNOTATION = "controller.kubernetes.io/pod-deletion-cost";
var DEFAULT_RANK_FEATURES = { logarithmicScaleDown: true, podDeletionCost: true };
var PHASE_ORDINAL = { Pending: 0, Unknown: 1, Running: 2 };
function phaseOrdinal(pod) {
  return PHASE_ORDINAL[pod.status?.phase ?? ""] ?? 0;
}
function podDeletionCost(pod) {
  const v = pod.metadata.annotations?.[POD_DELETION_COST_ANNOTATION];
  if (v === void 0 || !/^[+-]?[0-9]+$/.test(v.trim()) || v.trim() !== v) return 0;
  const n2 = Number(v);
  return n2 >= -2147483648 && n2 <= 2147483647 ? n2 : 0;
}
function podReadyTime(pod) {
  const c = podReadyCondition(pod);
  return c?.status === "True" ? parseTime(c.lastTransitionTime) : void 0;
}
function afterOrZero(t1, t2) {
  if (t1 === void 0 || t2 === void 0) return t1 === void 0;
  return t1 > t2;
}
function logarithmicRank(t, now) {
  const d = (now - t) * 1e6;
  return d > 0 ? Math.floor(Math.log2(d)) : -1;
}
function maxContainerRestarts(pod) {
  let regular = 0;
  for (const c of pod.status?.containerStatuses ?? []) regular = Math.max(regular, c.restartCount ?? 0);
  const sidecars = new Set((pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === "Always").map((c) => c.name));
  let sidecar = 0;
  for (const c of pod.status?.initContainerStatuses ?? []) if (sidecars.has(c.name)) sidecar = Math.max(sidecar, c.restartCount ?? 0);
  return [regular, sidecar];
}
function compareRestarts(a, b) {
  if (a[0] !== b[0]) return a[0] > b[0];
  if (a[1] !== b[1]) return a[1] > b[1];
  return void 0;
}
var rankFacts = /* @__PURE__ */ new WeakMap();
function podRankFacts(pod, stored) {
  let f = stored ? rankFacts.get(pod) : void 0;
  if (!f) {
    const ready = isPodReady(pod);
    f = {
      unassigned: (pod.spec?.nodeName ?? "") === "",
      phase: phaseOrdinal(pod),
      ready,
      cost: podDeletionCost(pod),
      readyTime: ready ? podReadyTime(pod) : void 0,
      restarts: maxContainerRestarts(pod),
      created: parseTime(pod.metadata.creationTimestamp),
      uid: pod.metadata.uid ?? ""
    };
    if (stored) rankFacts.set(pod, f);
  }
  return f;
}
function rankedPod(pod, rank, now, stored) {
  const f = podRankFacts(pod, stored);
  return {
    f,
    rank,
    readyBucket: now !== void 0 && f.readyTime !== void 0 ? logarithmicRank(f.readyTime, now) : void 0,
    createdBucket: now !== void 0 && f.created !== void 0 ? logarithmicRank(f.created, now) : void 0
  };
}
function timeLess(a, b, ta, tb, ba, bb, f) {
  if (!f.logarithmicScaleDown || ba === void 0 || bb === void 0) return afterOrZero(ta, tb);
  const diff = ba - bb;
  if (diff === 0) return a.f.uid < b.f.uid;
  return diff < 0;
}
function rankedCompare(a, b, f, both) {
  const fa = a.f;
  const fb = b.f;
  if (fa.unassigned !== fb.unassigned) return fa.unassigned ? -1 : 1;
  if (fa.phase !== fb.phase) return fa.phase < fb.phase ? -1 : 1;
  if (fa.ready !== fb.ready) return !fa.ready ? -1 : 1;
  if (f.podDeletionCost && fa.cost !== fb.cost) return fa.cost < fb.cost ? -1 : 1;
  if (a.rank !== b.rank) return a.rank > b.rank ? -1 : 1;
  return rankedCompareTimes(a, b, f, both);
}
function rankedCompareTimes(a, b, f, both) {
  const fa = a.f;
  const fb = b.f;
  if (fa.ready && fb.ready && fa.readyTime !== fb.readyTime) {
    if (timeLess(a, b, fa.readyTime, fb.readyTime, a.readyBucket, b.readyBucket, f)) return -1;
    return both && timeLess(b, a, fb.readyTime, fa.readyTime, b.readyBucket, a.readyBucket, f) ? 1 : 0;
  }
  const restarts = compareRestarts(fa.restarts, fb.restarts);
  if (restarts !== void 0) return restarts ? -1 : 1;
  if (fa.created !== fb.created) {
    if (timeLess(a, b, fa.created, fb.created, a.createdBucket, b.createdBucket, f)) return -1;
    return both && timeLess(b, a, fb.created, fa.created, b.createdBucket, a.createdBucket, f) ? 1 : 0;
  }
  return 0;
}
var RANK_LIMIT = 2 ** 16;
function prefixKeys(keys, f) {
  const out2 = new Float64Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const { f: facts, rank } = keys[i];
    if (!Number.isInteger(rank) || rank < 0 || rank >= RANK_LIMIT) return void 0;
    const head = ((facts.unassigned ? 0 : 1) * 3 + facts.phase) * 2 + (facts.ready ? 1 : 0);
    const cost = f.podDeletionCost ? facts.cost + 2 ** 31 : 0;
    out2[i] = (head * 2 ** 32 + cost) * RANK_LIMIT + (RANK_LIMIT - 1 - rank);
  }
  return out2;
}
function sortActivePodsWithRanks(pods2, ranks, now, f = DEFAULT_RANK_FEATURES) {
  const keys = pods2.map((p, i) => rankedPod(p, ranks[i], now, true));
  const idx = pods2.map((_, i) => i);
  const prefix = prefixKeys(keys, f);
  if (!prefix) idx.sort((i, j) => rankedCompare(keys[i], keys[j], f, true));
  else idx.sort((i, j) => prefix[i] !== prefix[j] ? prefix[i] < prefix[j] ? -1 : 1 : rankedCompareTimes(keys[i], keys[j], f, true));
  return idx.map((i) => pods2[i]);
}

// src/engine/controllers/controller_utils/pod_indexer.ts
var labelKeys = /* @__PURE__ */ new WeakMap();
function labelsKey(labels) {
  if (!labels) return "{}";
  let k = labelKeys.get(labels);
  if (k === void 0) {
    k = JSON.stringify(Object.keys(labels).sort().map((n2) => [n2, labels[n2]]));
    if (k === "[]") k = "{}";
    labelKeys.set(labels, k);
  }
  return k;
}
function podId(pod) {
  return pod.metadata.uid ?? `${pod.metadata.namespace ?? ""}/${pod.metadata.name}`;
}
var PodControllerIndex = class {
  entries = /* @__PURE__ */ new Map();
  next = 0;
  /**
   * namespace -> controller UID -> bucket. Buckets are per namespace as well: a sync only ever
   * looked at its own namespace's pods.
   */
  buckets = /* @__PURE__ */ new Map();
  /** The informer's initial list (or a relist after a restore), in the API server's order. */
  reset(pods2) {
    this.entries.clear();
    this.buckets.clear();
    this.next = 0;
    for (const p of pods2) this.observe({ type: "ADDED", object: p });
  }
  observe(ev) {
    const pod = ev.object;
    const id = podId(pod);
    const e = this.entries.get(id);
    if (ev.type === "DELETED") {
      if (e) {
        this.detach(id, e);
        this.entries.delete(id);
      }
      return;
    }
    const target = this.bucketFor(pod.metadata.namespace ?? "", controllerRef(pod)?.uid ?? "");
    if (!e) {
      const added = { pod, n: this.next++, bucket: target };
      this.entries.set(id, added);
      this.attach(id, added);
    } else if (e.bucket !== target) {
      this.detach(id, e);
      e.pod = pod;
      e.bucket = target;
      this.attach(id, e);
    } else {
      if (!sameCounts(e.pod, pod)) {
        account(target, e.pod, -1);
        account(target, pod, 1);
      }
      e.pod = pod;
    }
  }
  /**
   * Active pods of a namespace whose labels `matches` accepts, in no particular order. Only
   * buckets with a matching label group are read.
   */
  activePodsMatching(namespace, matches) {
    const out2 = [];
    for (const bucket of this.buckets.get(namespace ?? "")?.values() ?? []) {
      let some = false;
      let all = true;
      for (const g of bucket.groups.values()) {
        if (g.active === 0) continue;
        if (matches(g.labels)) some = true;
        else all = false;
      }
      if (!some) continue;
      for (const { pod } of bucket.pods.values()) if (isPodActive(pod) && (all || matches(pod.metadata.labels))) out2.push(pod);
    }
    return out2;
  }
  /** The label groups of the pods in a namespace that a controller owns (copies). */
  controlledGroups(namespace, uid) {
    return uid ? groupsOf(this.bucket(namespace, uid)) : [];
  }
  /** The label groups of a namespace's orphans (copies). */
  orphanGroups(namespace) {
    return groupsOf(this.bucket(namespace, ""));
  }
  /** Pods in a namespace whose controller has this UID, in list order. */
  controlledBy(namespace, uid) {
    return uid ? this.list(this.bucket(namespace, uid)).map((e) => e.pod) : [];
  }
  /** Pods with no controller in a namespace, in list order. */
  orphans(namespace) {
    return this.list(this.bucket(namespace, "")).map((e) => e.pod);
  }
  /**
   * FilterPodsByOwner(includeOrphanedPods=true): the owner's pods and the namespace's orphans
   * that `orphanFilter` keeps, merged in list order.
   */
  filterPodsByOwner(owner, orphanFilter) {
    const ns = owner.metadata.namespace;
    const owned = owner.metadata.uid ? this.list(this.bucket(ns, owner.metadata.uid)) : [];
    const orphans = this.list(this.bucket(ns, "")).filter((e) => orphanFilter(e.pod));
    const out2 = [];
    let i = 0;
    let j = 0;
    while (i < owned.length && j < orphans.length) out2.push(owned[i].n < orphans[j].n ? owned[i++].pod : orphans[j++].pod);
    while (i < owned.length) out2.push(owned[i++].pod);
    while (j < orphans.length) out2.push(orphans[j++].pod);
    return out2;
  }
  bucket(namespace, uid) {
    return this.buckets.get(namespace ?? "")?.get(uid);
  }
  bucketFor(namespace, uid) {
    let byUid = this.buckets.get(namespace);
    if (!byUid) this.buckets.set(namespace, byUid = /* @__PURE__ */ new Map());
    let b = byUid.get(uid);
    if (!b) byUid.set(uid, b = { namespace, uid, pods: /* @__PURE__ */ new Map(), last: -1, sorted: true, groups: /* @__PURE__ */ new Map() });
    return b;
  }
  list(bucket) {
    if (!bucket) return [];
    if (!bucket.sorted) {
      const entries = [...bucket.pods].sort((a, b) => a[1].n - b[1].n);
      bucket.pods = new Map(entries);
      bucket.last = entries.length ? entries[entries.length - 1][1].n : -1;
      bucket.sorted = true;
    }
    return [...bucket.pods.values()];
  }
  attach(id, e) {
    const b = e.bucket;
    if (e.n < b.last) b.sorted = false;
    else b.last = e.n;
    b.pods.set(id, e);
    account(b, e.pod, 1);
  }
  detach(id, e) {
    const b = e.bucket;
    account(b, e.pod, -1);
    b.pods.delete(id);
    if (b.pods.size > 0) return;
    const byUid = this.buckets.get(b.namespace);
    byUid?.delete(b.uid);
    if (byUid?.size === 0) this.buckets.delete(b.namespace);
  }
};
function groupsOf(bucket) {
  if (!bucket) return [];
  return [...bucket.groups.values()].map((g) => ({ ...g }));
}
function sameCounts(a, b) {
  return a.metadata.labels === b.metadata.labels && isPodActive(a) === isPodActive(b) && isPodTerminating(a) === isPodTerminating(b) && isPodReady(a) === isPodReady(b);
}
function account(bucket, pod, sign) {
  const k = labelsKey(pod.metadata.labels);
  let g = bucket.groups.get(k);
  if (!g) bucket.groups.set(k, g = { labels: pod.metadata.labels, total: 0, active: 0, ready: 0, terminating: 0 });
  g.total += sign;
  if (isPodActive(pod)) {
    g.active += sign;
    if (isPodReady(pod)) g.ready += sign;
  } else if (isPodTerminating(pod)) g.terminating += sign;
  if (g.total === 0) bucket.groups.delete(k);
}
var shared = /* @__PURE__ */ new WeakMap();
function sharedPodControllerIndex(api) {
  let index = shared.get(api);
  if (!index) {
    const created = index = new PodControllerIndex();
    shared.set(api, created);
    api.watch((ev) => created.observe(ev), ["Pod"]);
    created.reset(api.list("Pod"));
  }
  return index;
}

// src/engine/controllers/controller_utils/selectors.ts
var parsed = /* @__PURE__ */ new WeakMap();
var fromSet = /* @__PURE__ */ new WeakMap();
var results = /* @__PURE__ */ new WeakMap();
function cachedLabelSelector(sel) {
  if (sel === null || sel === void 0 || typeof sel !== "object") return labelSelectorAsSelector(sel);
  let s = parsed.get(sel);
  if (s === void 0) {
    try {
      s = labelSelectorAsSelector(sel);
    } catch (e) {
      s = e instanceof Error ? e : new Error(String(e));
    }
    parsed.set(sel, s);
  }
  if (s instanceof Error) throw s;
  return s;
}
function cachedSetSelector(set2) {
  if (!set2) return selectorFromSet(set2);
  let s = fromSet.get(set2);
  if (!s) fromSet.set(set2, s = selectorFromSet(set2));
  return s;
}
function matchesLabels(selector, labels) {
  let r = results.get(selector);
  if (!r) results.set(selector, r = { byLabels: /* @__PURE__ */ new WeakMap() });
  if (!labels) return r.noLabels ??= selector.matches({});
  let m = r.byLabels.get(labels);
  if (m === void 0) r.byLabels.set(labels, m = selector.matches(labels));
  return m;
}

// src/engine/controllers/replicaset/replica_set_utils.ts
var REPLICA_FAILURE = "ReplicaFailure";
function setCondition(conds, c) {
  const cur = conds?.find((x) => x.type === c.type);
  if (cur && cur.status === c.status && cur.reason === c.reason) return conds ?? [];
  return [...(conds ?? []).filter((x) => x.type !== c.type), c];
}
function removeCondition(conds, type) {
  return (conds ?? []).filter((x) => x.type !== type);
}
function calculateStatus({ rs, activePods, terminatingPods, manageReplicasError, now, timestamp }) {
  const templateLabels = cachedSetSelector(rs.spec?.template?.metadata?.labels ?? {});
  const minReadySeconds = rs.spec?.minReadySeconds ?? 0;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const pod of activePods) {
    if (matchesLabels(templateLabels, pod.metadata.labels)) fullyLabeled++;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReadySeconds, now)) available++;
    }
  }
  const counts = { replicas: activePods.length, fullyLabeled, ready, available, terminating: terminatingPods.length };
  return statusFromCounts(rs, counts, manageReplicasError, timestamp);
}
function statusFromCounts(rs, counts, manageReplicasError, timestamp) {
  const { replicas, fullyLabeled, ready, available, terminating } = counts;
  let conditions = rs.status?.conditions;
  const failure = conditions?.find((c) => c.type === REPLICA_FAILURE);
  if (manageReplicasError && !failure) {
    const diff = replicas - (rs.spec?.replicas ?? 1);
    const reason = diff < 0 ? "FailedCreate" : diff > 0 ? "FailedDelete" : "";
    conditions = setCondition(conditions, { type: REPLICA_FAILURE, status: "True", lastTransitionTime: timestamp, reason, message: manageReplicasError.message });
  } else if (!manageReplicasError && failure) {
    conditions = removeCondition(conditions, REPLICA_FAILURE);
  }
  const status3 = { replicas };
  if (fullyLabeled) status3.fullyLabeledReplicas = fullyLabeled;
  if (ready) status3.readyReplicas = ready;
  if (available) status3.availableReplicas = available;
  status3.terminatingReplicas = terminating;
  const gen = rs.status?.observedGeneration;
  if (gen) status3.observedGeneration = gen;
  if (conditions?.length) status3.conditions = conditions;
  return status3;
}

// src/engine/controllers/replicaset/replica_set.ts
var BURST_REPLICAS = 500;
var SOURCE = { component: "replicaset-controller" };
var BACKOFF_BASE_MS = 5;
var BACKOFF_MAX_MS = 1e6;
var ReplicaSetController = class extends Controller {
  name = "replicaset-controller";
  expectationsState = {};
  failures = {};
  /** The pod informer's controller-UID index (an informer cache, rebuilt rather than saved). */
  pods;
  get expectations() {
    return new ControllerExpectations(this.expectationsState, this.ctx.timings.expectationsTimeoutMs);
  }
  run() {
    this.ctx.api.watch((ev) => this.onReplicaSet(ev), ["ReplicaSet"]);
    this.pods = sharedPodControllerIndex(this.ctx.api);
    this.ctx.api.watch((ev) => this.onPod(ev), ["Pod"]);
    for (const rs of this.ctx.api.list("ReplicaSet")) this.enqueue(nsName(rs));
  }
  // ---- informer handlers: they only record observations and enqueue -------------------------
  onReplicaSet(ev) {
    const key = nsName(ev.object);
    if (ev.type === "DELETED") this.expectations.delete(key);
    this.enqueue(key);
  }
  onPod(ev) {
    const pod = ev.object;
    if (ev.type === "DELETED") return this.podDeleted(pod);
    if (ev.type === "ADDED") {
      if (pod.metadata.deletionTimestamp) return this.podDeleted(pod);
      const ref = controllerRef(pod);
      if (ref) {
        const rs = this.resolveControllerRef(pod.metadata.namespace, ref);
        if (!rs) return;
        this.expectations.creationObserved(nsName(rs));
        this.enqueue(nsName(rs));
        return;
      }
      for (const rs of this.podReplicaSets(pod)) this.enqueue(nsName(rs));
      return;
    }
    const old = ev.old;
    const labelChanged = pod.metadata.labels !== old.metadata.labels && !deepEqual(pod.metadata.labels ?? {}, old.metadata.labels ?? {});
    if (pod.metadata.deletionTimestamp) {
      this.podDeleted(pod);
      if (labelChanged) this.podDeleted(old);
      return;
    }
    const curRef = controllerRef(pod);
    const oldRef = controllerRef(old);
    const refChanged = !deepEqual(curRef, oldRef);
    if (refChanged && oldRef) {
      const rs = this.resolveControllerRef(old.metadata.namespace, oldRef);
      if (rs) this.enqueue(nsName(rs));
    }
    if (curRef) {
      const rs = this.resolveControllerRef(pod.metadata.namespace, curRef);
      if (!rs) return;
      this.enqueue(nsName(rs));
      const minReady = rs.spec?.minReadySeconds ?? 0;
      if (!isPodReady(old) && isPodReady(pod) && minReady > 0) this.enqueue(nsName(rs), minReady * 1e3 + 1e3);
      return;
    }
    if (labelChanged || refChanged) for (const rs of this.podReplicaSets(pod)) this.enqueue(nsName(rs));
  }
  podDeleted(pod) {
    const ref = controllerRef(pod);
    if (!ref) return;
    const rs = this.resolveControllerRef(pod.metadata.namespace, ref);
    if (!rs) return;
    const key = nsName(rs);
    this.expectations.deletionObserved(key, nsName(pod));
    this.enqueue(key);
  }
  resolveControllerRef(namespace, ref) {
    if (ref.kind !== "ReplicaSet") return void 0;
    const rs = this.ctx.api.get("ReplicaSet", namespace, ref.name);
    return rs && rs.metadata.uid === ref.uid ? rs : void 0;
  }
  /** ReplicaSets whose (non-empty) selector matches an orphan pod's labels. */
  podReplicaSets(pod) {
    return this.ctx.api.list("ReplicaSet", { namespace: pod.metadata.namespace }).filter((rs) => {
      const sel = safeSelector(rs);
      return !!sel && !sel.empty() && matchesLabels(sel, pod.metadata.labels);
    });
  }
  // ---- sync ---------------------------------------------------------------------------------
  sync(key) {
    const { namespace, name } = splitNsName(key);
    const api = this.ctx.api;
    const rs = api.get("ReplicaSet", namespace, name);
    if (!rs) {
      this.expectations.delete(key);
      delete this.failures[key];
      return;
    }
    const now = this.ctx.clock.now;
    const needsSync = this.expectations.satisfied(key, now);
    const selector = safeSelector(rs);
    if (!selector) return;
    const matches = (p) => matchesLabels(selector, p.metadata.labels);
    const groups = this.claimFreeGroups(rs, selector);
    let active;
    let activeCount = 0;
    let terminating = [];
    let available = 0;
    if (!groups) {
      ({ active, terminating } = this.claimPods(rs, matches));
      activeCount = active.length;
    } else {
      for (const g of groups) activeCount += g.active;
      available = this.availableOwnedPods(rs, groups, this.ctx.clock.epochMs + now);
    }
    let manageError;
    if (needsSync && !rs.metadata.deletionTimestamp) manageError = this.manageReplicas(key, activeCount, () => active ?? this.ownedActivePods(rs), rs);
    const cur = api.get("ReplicaSet", namespace, name);
    if (!cur || cur.metadata.uid !== rs.metadata.uid) return;
    const status3 = active ? calculateStatus({
      rs: cur,
      activePods: active,
      terminatingPods: terminating,
      manageReplicasError: manageError,
      now: this.ctx.clock.epochMs + now,
      timestamp: this.ctx.clock.timestamp()
    }) : statusFromCounts(cur, countGroups(cur, groups, available), manageError, this.ctx.clock.timestamp());
    if (cur.metadata.generation) status3.observedGeneration = cur.metadata.generation;
    let updated = cur;
    if (!deepEqual(status3, cur.status ?? {})) {
      updated = api.mutate("ReplicaSet", namespace, name, (d) => void (d.status = status3), { status: true });
    }
    const replicas = updated.spec?.replicas ?? 1;
    const minReady = updated.spec?.minReadySeconds ?? 0;
    if (!manageError && minReady > 0 && (updated.status?.readyReplicas ?? 0) === replicas && (updated.status?.availableReplicas ?? 0) !== replicas) {
      this.enqueue(key, minReady * 1e3);
    }
    if (manageError) {
      const n2 = (this.failures[key] ?? 0) + 1;
      this.failures[key] = n2;
      this.enqueue(key, Math.min(BACKOFF_BASE_MS * 2 ** (n2 - 1), BACKOFF_MAX_MS));
    } else delete this.failures[key];
  }
  /**
   * syncReplicaSet's claim (ClaimPods) over the RS's own pods and the namespace's orphans
   * (FilterPodsByOwner). An orphan the selector does not match would be ignored by the claim,
   * so it is left out.
   */
  claimPods(rs, matches) {
    const uid = rs.metadata.uid;
    const activeCandidates = [];
    const terminating = [];
    for (const p of this.pods.filterPodsByOwner(rs, matches)) {
      if (isPodActive(p)) activeCandidates.push(p);
      else if (isPodTerminating(p) && matches(p) && controllerRef(p)?.uid === uid) terminating.push(p);
    }
    return { active: claimObjects(this.ctx.api, rs, activeCandidates, matches), terminating };
  }
  /**
   * The owned pods' label groups when claiming would change nothing: no active orphan matches
   * the selector and every active owned pod still matches it. Undefined otherwise.
   */
  claimFreeGroups(rs, selector) {
    for (const g of this.pods.orphanGroups(rs.metadata.namespace)) if (g.active > 0 && matchesLabels(selector, g.labels)) return void 0;
    const groups = this.pods.controlledGroups(rs.metadata.namespace, rs.metadata.uid);
    const out2 = [];
    for (const g of groups) {
      const match = matchesLabels(selector, g.labels);
      if (g.active > 0 && !match) return void 0;
      if (match) out2.push(g);
    }
    return out2;
  }
  /** Owned active pods available at nowMs: all ready ones without minReadySeconds. */
  availableOwnedPods(rs, groups, nowMs2) {
    const minReady = rs.spec?.minReadySeconds ?? 0;
    let ready = 0;
    for (const g of groups) ready += g.ready;
    if (!minReady || ready === 0) return ready;
    let available = 0;
    for (const p of this.pods.controlledBy(rs.metadata.namespace, rs.metadata.uid)) if (isPodActive(p) && isPodAvailable(p, minReady, nowMs2)) available++;
    return available;
  }
  ownedActivePods(rs) {
    return this.pods.controlledBy(rs.metadata.namespace, rs.metadata.uid).filter(isPodActive);
  }
  manageReplicas(key, activeCount, activePods, rs) {
    const replicas = rs.spec?.replicas ?? 1;
    let diff = activeCount - replicas;
    const now = this.ctx.clock.now;
    if (diff < 0) {
      diff = Math.min(-diff, BURST_REPLICAS);
      this.expectations.expectCreations(key, diff, now);
      const ref = { apiVersion: rs.apiVersion, kind: rs.kind, name: rs.metadata.name, uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true };
      const { successes, error } = slowStartBatch(diff, SLOW_START_INITIAL_BATCH_SIZE, () => createPod(this.ctx, SOURCE, rs.spec?.template, rs, ref));
      for (let i = 0; i < diff - successes; i++) this.expectations.creationObserved(key);
      return error;
    }
    if (diff > 0) {
      diff = Math.min(diff, BURST_REPLICAS);
      const active = activePods();
      const toDelete = this.podsToDelete(active, this.indirectlyRelatedPods(rs), diff);
      this.expectations.expectDeletions(key, toDelete.map((p) => nsName(p)), now);
      let firstError;
      for (const pod of toDelete) {
        const err = deletePod(this.ctx, SOURCE, pod.metadata.namespace, pod.metadata.name, rs);
        if (err) {
          this.expectations.deletionObserved(key, nsName(pod));
          if (!/not found$/.test(err.message)) firstError ??= err;
        }
      }
      return firstError;
    }
    return void 0;
  }
  /** getPodsToDelete: rank by co-located pods of the same owner family, then sort (only if needed). */
  podsToDelete(active, related, diff) {
    if (diff >= active.length) return active.slice(0, diff);
    const onNode = /* @__PURE__ */ new Map();
    for (const p of related) if (isPodActive(p)) onNode.set(p.spec?.nodeName ?? "", (onNode.get(p.spec?.nodeName ?? "") ?? 0) + 1);
    const ranks = active.map((p) => onNode.get(p.spec?.nodeName ?? "") ?? 0);
    return sortActivePodsWithRanks(active, ranks, this.ctx.clock.epochMs + this.ctx.clock.now).slice(0, diff);
  }
  /**
   * getIndirectlyRelatedPods: pods any ReplicaSet sharing this one's controller (a Deployment's
   * RS family) selects, each once. Only the active ones' node counts matter, so their order does not.
   */
  indirectlyRelatedPods(rs) {
    const ref = controllerRef(rs);
    if (!ref) return [];
    const sels = [];
    for (const other of this.ctx.api.list("ReplicaSet", { namespace: rs.metadata.namespace })) {
      if (controllerRef(other)?.uid !== ref.uid) continue;
      const sel = safeSelector(other);
      if (sel) sels.push(sel);
    }
    if (sels.length === 0) return [];
    return this.pods.activePodsMatching(rs.metadata.namespace, (labels) => sels.some((sel) => matchesLabels(sel, labels)));
  }
  saveExtra() {
    return { expectations: JSON.parse(JSON.stringify(this.expectationsState)), failures: { ...this.failures } };
  }
  loadExtra(state) {
    const s = state ?? {};
    this.expectationsState = s.expectations ? JSON.parse(JSON.stringify(s.expectations)) : {};
    this.failures = { ...s.failures ?? {} };
    this.pods?.reset(this.ctx.api.list("Pod"));
  }
};
function safeSelector(obj) {
  try {
    return cachedLabelSelector(obj.spec?.selector);
  } catch {
    return void 0;
  }
}
function countGroups(rs, groups, available) {
  const templateLabels = cachedSetSelector(rs.spec?.template?.metadata?.labels ?? {});
  const counts = { replicas: 0, fullyLabeled: 0, ready: 0, available: 0, terminating: 0 };
  for (const g of groups) {
    counts.replicas += g.active;
    if (matchesLabels(templateLabels, g.labels)) counts.fullyLabeled += g.active;
    counts.ready += g.ready;
    counts.terminating += g.terminating;
  }
  counts.available = available;
  return counts;
}

// src/engine/controllers/controller_utils/replica_sets.ts
function specReplicas(rs) {
  return rs.spec?.replicas ?? 1;
}
function filterActiveReplicaSets(rss2) {
  return rss2.filter((rs) => !!rs && specReplicas(rs) > 0);
}
function byCreationTimestamp(a, b) {
  const ta = parseTime(a.metadata.creationTimestamp) ?? -Infinity;
  const tb = parseTime(b.metadata.creationTimestamp) ?? -Infinity;
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}
function sortByCreationTimestamp(rss2) {
  return [...rss2].sort(byCreationTimestamp);
}
function sortBySizeOlder(rss2) {
  return [...rss2].sort((a, b) => specReplicas(b) - specReplicas(a) || byCreationTimestamp(a, b));
}
function sortBySizeNewer(rss2) {
  return [...rss2].sort((a, b) => specReplicas(b) - specReplicas(a) || byCreationTimestamp(b, a));
}

// src/engine/api/intstr.ts
function getScaledValueFromIntOrPercent(v, total, roundUp) {
  if (v === null || v === void 0) return 0;
  if (typeof v === "number") return Math.trunc(v);
  if (!v.endsWith("%")) throw new Error("invalid value for IntOrString: invalid type: string is not a percentage");
  const s = v.slice(0, -1);
  if (!/^[+-]?[0-9]+$/.test(s)) {
    throw new Error(`invalid value for IntOrString: invalid value ${JSON.stringify(v)}: strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  }
  const p = Number(s);
  return roundUp ? Math.ceil(p * total / 100) : Math.floor(p * total / 100);
}

// src/engine/controllers/deployment/util/annotations.ts
var POD_TEMPLATE_HASH_LABEL = "pod-template-hash";
var REVISION_ANNOTATION = "deployment.kubernetes.io/revision";
var REVISION_HISTORY_ANNOTATION = "deployment.kubernetes.io/revision-history";
var DESIRED_REPLICAS_ANNOTATION = "deployment.kubernetes.io/desired-replicas";
var MAX_REPLICAS_ANNOTATION = "deployment.kubernetes.io/max-replicas";
var LAST_APPLIED_CONFIG_ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";
var DEPRECATED_ROLLBACK_TO = "deprecated.deployment.rollback.to";
var MAX_REV_HISTORY_LENGTH_IN_CHARS = 2e3;
var ANNOTATIONS_TO_SKIP = /* @__PURE__ */ new Set([
  LAST_APPLIED_CONFIG_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  DEPRECATED_ROLLBACK_TO
]);
function revisionOf2(obj) {
  const v = obj.metadata.annotations?.[REVISION_ANNOTATION];
  if (v === void 0 || v === "") return 0;
  return /^[+-]?[0-9]+$/.test(v) ? Number(v) : NaN;
}
function maxRevision(rss2) {
  let max = 0;
  for (const rs of rss2) {
    const v = revisionOf2(rs);
    if (!Number.isNaN(v) && v > max) max = v;
  }
  return max;
}
function getNonNegativeInt32FromAnnotation(annotations, key) {
  const v = annotations?.[key];
  if (v === void 0) return { value: 0, ok: false };
  if (!/^[0-9]+$/.test(v)) return { value: 0, ok: false, error: `strconv.ParseUint: parsing ${JSON.stringify(v)}: invalid syntax` };
  const n2 = Number(v);
  if (n2 > 4294967295) return { value: 0, ok: false, error: `strconv.ParseUint: parsing ${JSON.stringify(v)}: value out of range` };
  if (n2 > 2147483647) return { value: 0, ok: false, error: `value ${n2} is out of range (higher than 2147483647)` };
  return { value: n2, ok: true };
}
function getDesiredReplicasAnnotation(rs) {
  const r = getNonNegativeInt32FromAnnotation(rs.metadata.annotations, DESIRED_REPLICAS_ANNOTATION);
  return r.ok ? r.value : void 0;
}
function getMaxReplicasAnnotation(rs) {
  const r = getNonNegativeInt32FromAnnotation(rs.metadata.annotations, MAX_REPLICAS_ANNOTATION);
  return r.ok ? r.value : void 0;
}
function replicasAnnotationsNeedUpdate(annotations, desired, max) {
  return annotations?.[DESIRED_REPLICAS_ANNOTATION] !== String(desired) || annotations?.[MAX_REPLICAS_ANNOTATION] !== String(max);
}
function setReplicasAnnotations(annotations, desired, max) {
  let updated = false;
  if (annotations[DESIRED_REPLICAS_ANNOTATION] !== String(desired)) {
    annotations[DESIRED_REPLICAS_ANNOTATION] = String(desired);
    updated = true;
  }
  if (annotations[MAX_REPLICAS_ANNOTATION] !== String(max)) {
    annotations[MAX_REPLICAS_ANNOTATION] = String(max);
    updated = true;
  }
  return updated;
}
function isSaturated(d, rs) {
  if (!rs) return false;
  const v = rs.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION];
  if (v === void 0 || !/^[+-]?[0-9]+$/.test(v)) return false;
  const replicas = d.spec?.replicas ?? 1;
  return specReplicas(rs) === replicas && Number(v) === replicas && (rs.status?.availableReplicas ?? 0) === replicas;
}
function copyDeploymentAnnotationsToReplicaSet(d, annotations) {
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (ANNOTATIONS_TO_SKIP.has(k) || annotations[k] === v) continue;
    annotations[k] = v;
    changed = true;
  }
  return changed;
}
function setNewReplicaSetAnnotations(d, rs, newRevision, exists, limitInChars = MAX_REV_HISTORY_LENGTH_IN_CHARS) {
  const annotations = rs.metadata.annotations ??= {};
  let changed = copyDeploymentAnnotationsToReplicaSet(d, annotations);
  const had = REVISION_ANNOTATION in annotations;
  const oldRevision = annotations[REVISION_ANNOTATION] ?? "";
  let oldInt = 0;
  if (oldRevision !== "") {
    if (!/^[+-]?[0-9]+$/.test(oldRevision)) return false;
    oldInt = Number(oldRevision);
  }
  if (!/^[+-]?[0-9]+$/.test(newRevision)) return false;
  const newInt = Number(newRevision);
  if (oldInt < newInt) {
    annotations[REVISION_ANNOTATION] = newRevision;
    changed = true;
  }
  if (had && oldInt < newInt) {
    const history2 = annotations[REVISION_HISTORY_ANNOTATION] ?? "";
    let old = history2.split(",");
    if (old[0].length === 0) {
      annotations[REVISION_HISTORY_ANNOTATION] = oldRevision;
    } else {
      let total = history2.length + oldRevision.length + 1;
      let start = 0;
      while (total > limitInChars && start < old.length) {
        total -= old[start].length + 1;
        start++;
      }
      if (total <= limitInChars) {
        old = [...old.slice(start), oldRevision];
        annotations[REVISION_HISTORY_ANNOTATION] = old.join(",");
      }
    }
  }
  if (!exists) {
    const replicas = d.spec?.replicas ?? 1;
    if (setReplicasAnnotations(annotations, replicas, replicas + maxSurge(d))) changed = true;
  }
  return changed;
}
function setDeploymentRevision(d, revision) {
  const annotations = d.metadata.annotations ??= {};
  if (annotations[REVISION_ANNOTATION] === revision) return false;
  annotations[REVISION_ANNOTATION] = revision;
  return true;
}

// src/engine/controllers/deployment/util/deployment_util.ts
var MAX_INT324 = 2147483647;
function deploymentReplicas(d) {
  return d.spec?.replicas ?? 1;
}
function isRollingUpdate(d) {
  return (d.spec?.strategy?.type ?? "RollingUpdate") === "RollingUpdate";
}
function rollingParams(d) {
  const ru = d.spec?.strategy?.rollingUpdate ?? {};
  return { maxSurge: ru.maxSurge === void 0 ? "25%" : ru.maxSurge, maxUnavailable: ru.maxUnavailable === void 0 ? "25%" : ru.maxUnavailable };
}
function resolveFenceposts(maxSurge2, maxUnavailable2, desired) {
  const surge = getScaledValueFromIntOrPercent(maxSurge2 ?? 0, desired, true);
  let unavailable = getScaledValueFromIntOrPercent(maxUnavailable2 ?? 0, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}
function fenceposts(d) {
  const { maxSurge: maxSurge2, maxUnavailable: maxUnavailable2 } = rollingParams(d);
  try {
    return resolveFenceposts(maxSurge2, maxUnavailable2, deploymentReplicas(d));
  } catch {
    return { surge: 0, unavailable: 0 };
  }
}
function maxSurge(d) {
  return isRollingUpdate(d) ? fenceposts(d).surge : 0;
}
function maxUnavailable(d) {
  const replicas = deploymentReplicas(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  return Math.min(fenceposts(d).unavailable, replicas);
}
function getReplicaCountForReplicaSets(rss2) {
  return rss2.reduce((n2, rs) => n2 + (rs ? specReplicas(rs) : 0), 0);
}
function getActualReplicaCountForReplicaSets(rss2) {
  return rss2.reduce((n2, rs) => n2 + (rs?.status?.replicas ?? 0), 0);
}
function getReadyReplicaCountForReplicaSets(rss2) {
  return rss2.reduce((n2, rs) => n2 + (rs?.status?.readyReplicas ?? 0), 0);
}
function getAvailableReplicaCountForReplicaSets(rss2) {
  return rss2.reduce((n2, rs) => n2 + (rs?.status?.availableReplicas ?? 0), 0);
}
function getTerminatingReplicaCountForReplicaSets(rss2) {
  let total = 0;
  for (const rs of rss2) {
    if (!rs) continue;
    const t = rs.status?.terminatingReplicas;
    if (t === void 0 || t === null) {
      if (!rs.status?.observedGeneration) continue;
      return null;
    }
    total += t;
  }
  return total;
}
function newRSNewReplicas(d, allRSs, newRS) {
  const replicas = deploymentReplicas(d);
  if (isRollingUpdate(d)) {
    const surge = getScaledValueFromIntOrPercent(rollingParams(d).maxSurge ?? 0, replicas, true);
    const current = getReplicaCountForReplicaSets(allRSs);
    const maxTotal = replicas + surge;
    if (current >= maxTotal) return specReplicas(newRS);
    const up = Math.min(maxTotal - current, replicas - specReplicas(newRS));
    return specReplicas(newRS) + up;
  }
  return replicas;
}
function goRound(x) {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}
function getReplicaSetFraction(rs, d) {
  const replicas = deploymentReplicas(d);
  if (replicas === 0) return -specReplicas(rs);
  const maxNow = replicas + maxSurge(d);
  let before = getMaxReplicasAnnotation(rs);
  if (before === void 0 || before === 0) {
    before = d.status?.replicas ?? 0;
    if (!before) return 0;
  }
  return goRound(specReplicas(rs) * maxNow / before) - specReplicas(rs);
}
function getReplicaSetProportion(rs, d, toAdd, added) {
  if (!rs || specReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction2 = getReplicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction2, allowed) : Math.max(fraction2, allowed);
}
function normalize(v) {
  if (Array.isArray(v)) return v.length ? v.map(normalize) : void 0;
  if (v && typeof v === "object") {
    const out2 = {};
    for (const [k, x] of Object.entries(v)) {
      const n2 = normalize(x);
      if (n2 !== void 0 && n2 !== null) out2[k] = n2;
    }
    return Object.keys(out2).length ? out2 : void 0;
  }
  return v;
}
var comparable = /* @__PURE__ */ new WeakMap();
function templateKey(t) {
  if (t && typeof t === "object") {
    const hit = comparable.get(t);
    if (hit !== void 0) return hit;
  }
  let v = t;
  if (t?.metadata?.labels && POD_TEMPLATE_HASH_LABEL in t.metadata.labels) {
    const labels = { ...t.metadata.labels };
    delete labels[POD_TEMPLATE_HASH_LABEL];
    v = { ...t, metadata: { ...t.metadata, labels } };
  }
  const key = JSON.stringify(canonical(normalize(v)) ?? null);
  if (t && typeof t === "object") comparable.set(t, key);
  return key;
}
function equalIgnoreHash(t1, t2) {
  return templateKey(t1) === templateKey(t2);
}
function canonical(v) {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === "object") {
    const o = v;
    return Object.fromEntries(Object.keys(o).sort().map((k) => [k, canonical(o[k])]));
  }
  return v;
}
function findNewReplicaSet(d, rsList2) {
  return sortByCreationTimestamp(rsList2).find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
}
function findOldReplicaSets(d, rsList2) {
  const newRS = findNewReplicaSet(d, rsList2);
  const all = sortByCreationTimestamp(rsList2).filter((rs) => !newRS || rs.metadata.uid !== newRS.metadata.uid);
  return { withReplicas: all.filter((rs) => specReplicas(rs) !== 0), all };
}
function findActiveOrLatest(newRS, oldRSs) {
  if (!newRS && oldRSs.length === 0) return void 0;
  const newestFirst = sortByCreationTimestamp(oldRSs).reverse();
  const active = filterActiveReplicaSets([...newRS ? [newRS] : [], ...newestFirst]);
  if (active.length === 0) return newRS ?? newestFirst[0];
  if (active.length === 1) return active[0];
  return void 0;
}
function generateReplicaSetName(name, hash) {
  const max = 253 - 1 - hash.length;
  if (max > 0 && name.length > max) name = name.slice(0, max);
  return `${name}-${hash}`;
}
function deploymentComplete(d, s) {
  const r = deploymentReplicas(d);
  return (s.updatedReplicas ?? 0) === r && (s.replicas ?? 0) === r && (s.availableReplicas ?? 0) === r && (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
}
function deploymentProgressing(d, s) {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (s.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) || newOld < oldOld || (s.readyReplicas ?? 0) > (old.readyReplicas ?? 0) || (s.availableReplicas ?? 0) > (old.availableReplicas ?? 0);
}
function hasProgressDeadline(d) {
  const p = d.spec?.progressDeadlineSeconds;
  return p !== void 0 && p !== null && p !== MAX_INT324;
}
function hasRevisionHistoryLimit(d) {
  const l = d.spec?.revisionHistoryLimit;
  return l !== void 0 && l !== null && l !== MAX_INT324;
}
function deploymentTimedOut(d, s, nowMs2) {
  if (!hasProgressDeadline(d)) return false;
  const c = s.conditions?.find((x) => x.type === "Progressing");
  if (!c) return false;
  if (c.reason === NEW_RS_AVAILABLE_REASON) return false;
  if (c.reason === TIMED_OUT_REASON) return true;
  const from = parseTime(c.lastUpdateTime) ?? -621355968e5;
  return from + d.spec.progressDeadlineSeconds * 1e3 < nowMs2;
}
var NEW_RS_AVAILABLE_REASON = "NewReplicaSetAvailable";
var TIMED_OUT_REASON = "ProgressDeadlineExceeded";
var REPLICA_SET_UPDATED_REASON = "ReplicaSetUpdated";
var NEW_REPLICA_SET_REASON = "NewReplicaSetCreated";
var FOUND_NEW_RS_REASON = "FoundNewReplicaSet";
var FAILED_RS_CREATE_REASON = "ReplicaSetCreateError";
var PAUSED_DEPLOY_REASON = "DeploymentPaused";
var RESUMED_DEPLOY_REASON = "DeploymentResumed";
var MINIMUM_REPLICAS_AVAILABLE = "MinimumReplicasAvailable";
var MINIMUM_REPLICAS_UNAVAILABLE = "MinimumReplicasUnavailable";
function newDeploymentCondition(type, status3, reason, message, now) {
  return { type, status: status3, lastUpdateTime: now, lastTransitionTime: now, reason, message };
}
function getDeploymentCondition(s, type) {
  return s?.conditions?.find((c) => c.type === type);
}
function setDeploymentCondition(s, c) {
  const cur = getDeploymentCondition(s, c.type);
  if (cur && cur.status === c.status && cur.reason === c.reason) return;
  const next = { ...c };
  if (cur && cur.status === c.status) next.lastTransitionTime = cur.lastTransitionTime;
  s.conditions = [...(s.conditions ?? []).filter((x) => x.type !== c.type), next];
}
function removeDeploymentCondition(s, type) {
  s.conditions = (s.conditions ?? []).filter((x) => x.type !== type);
}

// src/engine/controllers/deployment/context.ts
var SOURCE2 = { component: "deployment-controller" };
function nowMs(dc) {
  return dc.ctx.clock.epochMs + dc.ctx.clock.now;
}
function nowTimestamp(dc) {
  return dc.ctx.clock.timestamp();
}
function updateDeploymentStatus(dc, d) {
  const api = dc.ctx.api;
  let cur = api.get("Deployment", d.metadata.namespace, d.metadata.name);
  if (!cur || cur.metadata.uid !== d.metadata.uid) return void 0;
  if (!deepEqual(cur.metadata.annotations ?? {}, d.metadata.annotations ?? {})) {
    cur = api.mutate("Deployment", d.metadata.namespace, d.metadata.name, (draft) => {
      if (d.metadata.annotations && Object.keys(d.metadata.annotations).length) draft.metadata.annotations = clone(d.metadata.annotations);
      else delete draft.metadata.annotations;
    });
  }
  if (!deepEqual(cur.status ?? {}, d.status ?? {})) {
    cur = api.mutate("Deployment", d.metadata.namespace, d.metadata.name, (draft) => void (draft.status = clone(d.status)), { status: true });
  }
  return cur;
}
function scaleReplicaSet(dc, rs, newScale, d) {
  const oldScale = specReplicas(rs);
  const sizeNeedsUpdate = oldScale !== newScale;
  const desired = deploymentReplicas(d);
  const max = desired + maxSurge(d);
  const annotationsNeedUpdate = replicasAnnotationsNeedUpdate(rs.metadata.annotations, desired, max);
  if (!sizeNeedsUpdate && !annotationsNeedUpdate) return { scaled: false, rs };
  const api = dc.ctx.api;
  if (!api.get("ReplicaSet", rs.metadata.namespace, rs.metadata.name)) return { scaled: false, rs };
  const updated = api.mutate("ReplicaSet", rs.metadata.namespace, rs.metadata.name, (draft) => {
    draft.spec = { ...draft.spec ?? {}, replicas: newScale };
    setReplicasAnnotations(draft.metadata.annotations ??= {}, desired, max);
  });
  if (sizeNeedsUpdate) {
    const op = oldScale < newScale ? "up" : "down";
    dc.ctx.events.record(d, "Normal", "ScalingReplicaSet", `Scaled ${op} replica set ${updated.metadata.name} from ${oldScale} to ${newScale}`, SOURCE2);
  }
  return { scaled: sizeNeedsUpdate, rs: updated };
}
function scaleReplicaSetAndRecordEvent(dc, rs, newScale, d) {
  if (specReplicas(rs) === newScale) return { scaled: false, rs };
  return scaleReplicaSet(dc, rs, newScale, d);
}
function withReplicas(rs, n2) {
  return { ...rs, spec: { ...rs.spec ?? {}, replicas: n2 } };
}

// src/engine/controllers/controller_utils/hash.ts
function canonicalJSON(v) {
  if (v === null || typeof v !== "object") return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map((x) => x === void 0 ? "null" : canonicalJSON(x)).join(",")}]`;
  const o = v;
  const keys = Object.keys(o).filter((k) => o[k] !== void 0).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJSON(o[k])}`).join(",")}}`;
}
function safeEncodeString(s) {
  let out2 = "";
  for (let i = 0; i < s.length; i++) out2 += K8S_RAND_ALPHABET[s.charCodeAt(i) % K8S_RAND_ALPHABET.length];
  return out2;
}
function computeHash(template, collisionCount) {
  let h = fnv32a(new TextEncoder().encode(canonicalJSON(template ?? {})));
  if (collisionCount !== void 0 && collisionCount !== null) {
    const b = new Uint8Array(8);
    const c = collisionCount >>> 0;
    b[0] = c & 255;
    b[1] = c >>> 8 & 255;
    b[2] = c >>> 16 & 255;
    b[3] = c >>> 24 & 255;
    h = fnv32a(b, h);
  }
  return safeEncodeString(String(h));
}

// src/engine/controllers/deployment/sync.ts
function getAllReplicaSetsAndSyncRevision(dc, d, rsList2, createIfNotExisted) {
  const { all: oldRSs } = findOldReplicaSets(d, rsList2);
  const newRS = getNewReplicaSet(dc, d, rsList2, oldRSs, createIfNotExisted);
  if (newRS === null) return void 0;
  return { newRS, oldRSs };
}
function getNewReplicaSet(dc, d, rsList2, oldRSs, createIfNotExisted) {
  const api = dc.ctx.api;
  const existing = findNewReplicaSet(d, rsList2);
  const newRevision = String(maxRevision(oldRSs) + 1);
  const now = nowTimestamp(dc);
  if (existing) {
    const rsCopy = clone(existing);
    const annotationsUpdated = setNewReplicaSetAnnotations(d, rsCopy, newRevision, true);
    const minReady = d.spec?.minReadySeconds ?? 0;
    if (annotationsUpdated || (rsCopy.spec?.minReadySeconds ?? 0) !== minReady) {
      return api.mutate("ReplicaSet", existing.metadata.namespace, existing.metadata.name, (draft) => {
        draft.metadata.annotations = rsCopy.metadata.annotations;
        if (minReady) draft.spec.minReadySeconds = minReady;
        else delete draft.spec.minReadySeconds;
      });
    }
    let needsUpdate2 = setDeploymentRevision(d, rsCopy.metadata.annotations?.["deployment.kubernetes.io/revision"] ?? "");
    if (hasProgressDeadline(d) && !getDeploymentCondition(d.status, "Progressing")) {
      d.status ??= {};
      setDeploymentCondition(d.status, newDeploymentCondition("Progressing", "True", FOUND_NEW_RS_REASON, `Found new replica set "${rsCopy.metadata.name}"`, now));
      needsUpdate2 = true;
    }
    if (needsUpdate2) updateDeploymentStatus(dc, d);
    return existing;
  }
  if (!createIfNotExisted) return void 0;
  const template = clone(d.spec?.template ?? {});
  const hash = computeHash(template, d.status?.collisionCount);
  template.metadata ??= {};
  template.metadata.labels = { ...template.metadata.labels ?? {}, [POD_TEMPLATE_HASH_LABEL]: hash };
  const selector = clone(d.spec?.selector ?? {});
  selector.matchLabels = { ...selector.matchLabels ?? {}, [POD_TEMPLATE_HASH_LABEL]: hash };
  const name = generateReplicaSetName(d.metadata.name, hash);
  const newRS = {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: { name, namespace: d.metadata.namespace, labels: { ...template.metadata.labels }, ownerReferences: [newControllerRef(d)] },
    spec: { replicas: 0, selector, template }
  };
  if (d.spec?.minReadySeconds) newRS.spec.minReadySeconds = d.spec.minReadySeconds;
  const newReplicas = newRSNewReplicas(d, [...oldRSs, newRS], newRS);
  newRS.spec.replicas = newReplicas;
  setNewReplicaSetAnnotations(d, newRS, newRevision, false);
  let created;
  let alreadyExisted = false;
  try {
    created = api.create(newRS);
  } catch (e) {
    if (e instanceof ApiError && e.reason === "AlreadyExists") {
      const rs = api.get("ReplicaSet", d.metadata.namespace, name);
      if (rs && controllerRef(rs)?.uid === d.metadata.uid && equalIgnoreHash(d.spec?.template, rs.spec?.template)) {
        created = rs;
        alreadyExisted = true;
      } else {
        d.status ??= {};
        d.status.collisionCount = (d.status.collisionCount ?? 0) + 1;
        updateDeploymentStatus(dc, d);
        dc.failed(e);
        return null;
      }
    } else {
      const msg = `Failed to create new replica set "${name}": ${e instanceof Error ? e.message : String(e)}`;
      if (hasProgressDeadline(d)) {
        d.status ??= {};
        setDeploymentCondition(d.status, newDeploymentCondition("Progressing", "False", FAILED_RS_CREATE_REASON, msg, now));
        updateDeploymentStatus(dc, d);
      }
      dc.ctx.events.record(d, "Warning", FAILED_RS_CREATE_REASON, msg, SOURCE2);
      dc.failed(e instanceof Error ? e : new Error(String(e)));
      return null;
    }
  }
  if (!alreadyExisted && newReplicas > 0) {
    dc.ctx.events.record(d, "Normal", "ScalingReplicaSet", `Scaled up replica set ${created.metadata.name} from 0 to ${newReplicas}`, SOURCE2);
  }
  let needsUpdate = setDeploymentRevision(d, newRevision);
  if (!alreadyExisted && hasProgressDeadline(d)) {
    d.status ??= {};
    setDeploymentCondition(d.status, newDeploymentCondition("Progressing", "True", NEW_REPLICA_SET_REASON, `Created new replica set "${created.metadata.name}"`, now));
    needsUpdate = true;
  }
  if (needsUpdate) updateDeploymentStatus(dc, d);
  return created;
}
function planScale(d, newRS, oldRSs) {
  const replicas = deploymentReplicas(d);
  const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
  if (activeOrLatest) {
    if (specReplicas(activeOrLatest) === replicas) return [];
    return [{ rs: activeOrLatest, newReplicas: replicas, always: false }];
  }
  if (isSaturated(d, newRS)) return filterActiveReplicaSets(oldRSs).map((rs) => ({ rs, newReplicas: 0, always: false }));
  if (!isRollingUpdate(d)) return [];
  let all = filterActiveReplicaSets([...oldRSs, newRS]);
  const allowed = replicas > 0 ? replicas + maxSurge(d) : 0;
  const toAdd = allowed - getReplicaCountForReplicaSets(all);
  if (toAdd > 0) all = sortBySizeNewer(all);
  else if (toAdd < 0) all = sortBySizeOlder(all);
  let added = 0;
  const sizes = all.map((rs) => {
    if (toAdd === 0) return specReplicas(rs);
    const p = getReplicaSetProportion(rs, d, toAdd, added);
    added += p;
    return specReplicas(rs) + p;
  });
  if (toAdd !== 0 && sizes.length) sizes[0] = Math.max(0, sizes[0] + toAdd - added);
  return all.map((rs, i) => ({ rs, newReplicas: sizes[i], always: true }));
}
function scale2(dc, d, newRS, oldRSs) {
  for (const op of planScale(d, newRS, oldRSs)) {
    if (op.always) scaleReplicaSet(dc, op.rs, op.newReplicas, d);
    else scaleReplicaSetAndRecordEvent(dc, op.rs, op.newReplicas, d);
  }
}
function isScalingEvent(dc, d, rsList2) {
  const got = getAllReplicaSetsAndSyncRevision(dc, d, rsList2, false);
  if (!got) return void 0;
  const replicas = deploymentReplicas(d);
  return filterActiveReplicaSets([...got.oldRSs, got.newRS]).some((rs) => {
    const desired = getDesiredReplicasAnnotation(rs);
    return desired !== void 0 && desired !== replicas;
  });
}
function sync(dc, d, rsList2) {
  const got = getAllReplicaSetsAndSyncRevision(dc, d, rsList2, false);
  if (!got) return;
  scale2(dc, d, got.newRS, got.oldRSs);
  if (d.spec?.paused) cleanupDeployment(dc, got.oldRSs, d);
  syncDeploymentStatus(dc, [...got.oldRSs, got.newRS], got.newRS, d);
}
function planCleanupDeployment(oldRSs, d) {
  if (!hasRevisionHistoryLimit(d)) return [];
  const alive = oldRSs.filter((rs) => rs && !rs.metadata.deletionTimestamp);
  const diff = alive.length - d.spec.revisionHistoryLimit;
  if (diff <= 0) return [];
  const rev = (rs) => Number.isNaN(revisionOf2(rs)) ? 0 : revisionOf2(rs);
  const byCreation = sortByCreationTimestamp(alive);
  const sorted = [...byCreation].sort((a, b) => rev(a) - rev(b));
  const out2 = [];
  for (let i = 0; i < diff; i++) {
    const rs = sorted[i];
    if ((rs.status?.replicas ?? 0) !== 0 || specReplicas(rs) !== 0) continue;
    if ((rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0) || rs.metadata.deletionTimestamp) continue;
    if (getTerminatingReplicaCountForReplicaSets([rs]) !== 0) continue;
    out2.push(rs);
  }
  return out2;
}
function cleanupDeployment(dc, oldRSs, d) {
  for (const rs of planCleanupDeployment(oldRSs, d)) {
    try {
      dc.ctx.api.delete("ReplicaSet", rs.metadata.namespace, rs.metadata.name);
    } catch (e) {
      if (!(e instanceof ApiError && e.reason === "NotFound")) throw e;
    }
  }
}
function calculateStatus2(allRSs, newRS, d, now) {
  const available = getAvailableReplicaCountForReplicaSets(allRSs);
  const total = getReplicaCountForReplicaSets(allRSs);
  const status3 = {};
  const put = (k, v) => {
    if (v) status3[k] = v;
  };
  put("observedGeneration", d.metadata.generation ?? 0);
  put("replicas", getActualReplicaCountForReplicaSets(allRSs));
  put("updatedReplicas", getActualReplicaCountForReplicaSets([newRS]));
  put("readyReplicas", getReadyReplicaCountForReplicaSets(allRSs));
  put("availableReplicas", available);
  put("unavailableReplicas", Math.max(0, total - available));
  const terminating = getTerminatingReplicaCountForReplicaSets(allRSs);
  if (terminating !== null) status3.terminatingReplicas = terminating;
  status3.conditions = clone(d.status?.conditions ?? []);
  if (available >= deploymentReplicas(d) - maxUnavailable(d)) {
    setDeploymentCondition(status3, newDeploymentCondition("Available", "True", MINIMUM_REPLICAS_AVAILABLE, "Deployment has minimum availability.", now));
  } else {
    setDeploymentCondition(status3, newDeploymentCondition("Available", "False", MINIMUM_REPLICAS_UNAVAILABLE, "Deployment does not have minimum availability.", now));
  }
  if (d.status?.collisionCount !== void 0) status3.collisionCount = d.status.collisionCount;
  return status3;
}
function syncDeploymentStatus(dc, allRSs, newRS, d) {
  d.status = calculateStatus2(allRSs, newRS, d, nowTimestamp(dc));
  updateDeploymentStatus(dc, d);
}

// src/engine/controllers/deployment/progress.ts
function syncRolloutStatus(dc, allRSs, newRS, d) {
  const now = nowTimestamp(dc);
  const status3 = calculateStatus2(allRSs, newRS, d, now);
  if (!hasProgressDeadline(d)) removeDeploymentCondition(status3, "Progressing");
  const current = getDeploymentCondition(d.status, "Progressing");
  const isCompleteDeployment = status3.replicas === status3.updatedReplicas && current?.reason === NEW_RS_AVAILABLE_REASON;
  if (hasProgressDeadline(d) && !isCompleteDeployment) {
    const subject = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
    if (deploymentComplete(d, status3)) {
      setDeploymentCondition(status3, newDeploymentCondition("Progressing", "True", NEW_RS_AVAILABLE_REASON, `${subject} has successfully progressed.`, now));
    } else if (deploymentProgressing(d, status3)) {
      const cond = newDeploymentCondition("Progressing", "True", REPLICA_SET_UPDATED_REASON, `${subject} is progressing.`, now);
      if (current) {
        if (current.status === "True") cond.lastTransitionTime = current.lastTransitionTime;
        removeDeploymentCondition(status3, "Progressing");
      }
      setDeploymentCondition(status3, cond);
    } else if (deploymentTimedOut(d, status3, nowMs(dc))) {
      setDeploymentCondition(status3, newDeploymentCondition("Progressing", "False", TIMED_OUT_REASON, `${subject} has timed out progressing.`, now));
    }
  }
  const failure = getReplicaFailures(allRSs, newRS);
  if (failure) setDeploymentCondition(status3, failure);
  else removeDeploymentCondition(status3, "ReplicaFailure");
  if (deepEqual(d.status ?? {}, status3)) {
    requeueStuckDeployment(dc, d, status3);
    return;
  }
  d.status = status3;
  updateDeploymentStatus(dc, d);
}
function getReplicaFailures(allRSs, newRS) {
  const fromRS = (rs) => {
    const c = (rs?.status?.conditions ?? []).find((x) => x.type === "ReplicaFailure");
    return c && { type: "ReplicaFailure", status: c.status, lastUpdateTime: c.lastTransitionTime, lastTransitionTime: c.lastTransitionTime, reason: c.reason, message: c.message };
  };
  const own = fromRS(newRS);
  if (own) return own;
  for (const rs of allRSs) {
    const c = fromRS(rs);
    if (c) return c;
  }
  return void 0;
}
function requeueStuckDeployment(dc, d, status3) {
  const current = getDeploymentCondition(d.status, "Progressing");
  if (!hasProgressDeadline(d) || !current) return -1;
  if (deploymentComplete(d, status3) || current.reason === TIMED_OUT_REASON) return -1;
  const last = parseTime(current.lastUpdateTime) ?? 0;
  const after = last + d.spec.progressDeadlineSeconds * 1e3 - nowMs(dc);
  if (after < 1e3) {
    dc.enqueueAfter(d, Math.max(after + 1, dc.ctx.timings.controllerLatencyMs));
    return 0;
  }
  dc.enqueueAfter(d, after + 1e3);
  return after;
}

// src/engine/controllers/deployment/rolling.ts
function planReconcileNewReplicaSet(d, allRSs, newRS) {
  const replicas = deploymentReplicas(d);
  const cur = specReplicas(newRS);
  if (cur === replicas) return void 0;
  if (cur > replicas) return replicas;
  const next = newRSNewReplicas(d, allRSs, newRS);
  return next === cur ? void 0 : next;
}
function planCleanupUnhealthyReplicas(oldRSs, maxCleanupCount) {
  const sorted = sortByCreationTimestamp(oldRSs);
  const steps = [];
  let total = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (total >= maxCleanupCount) break;
    const rs = sorted[i];
    const spec = specReplicas(rs);
    const available = rs.status?.availableReplicas ?? 0;
    if (spec === 0 || spec === available) continue;
    const count = Math.min(maxCleanupCount - total, spec - available);
    const next = spec - count;
    steps.push({ rs, newReplicas: next });
    sorted[i] = withReplicas(rs, next);
    total += count;
  }
  return { steps, oldRSs: sorted, cleaned: total };
}
function planScaleDownOldReplicaSetsForRollingUpdate(allRSs, oldRSs, d) {
  const minAvail = deploymentReplicas(d) - maxUnavailable(d);
  const available = getAvailableReplicaCountForReplicaSets(allRSs);
  if (available <= minAvail) return { steps: [], scaledDown: 0 };
  const budget = available - minAvail;
  const steps = [];
  let total = 0;
  for (const rs of sortByCreationTimestamp(oldRSs)) {
    if (total >= budget) break;
    const spec = specReplicas(rs);
    if (spec === 0) continue;
    const count = Math.min(spec, budget - total);
    steps.push({ rs, newReplicas: spec - count });
    total += count;
  }
  return { steps, scaledDown: total };
}
function planReconcileOldReplicaSets(allRSs, oldRSs, newRS, d) {
  if (getReplicaCountForReplicaSets(oldRSs) === 0) return [];
  const allPods = getReplicaCountForReplicaSets(allRSs);
  const minAvail = deploymentReplicas(d) - maxUnavailable(d);
  const newRSUnavailable = specReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = allPods - minAvail - newRSUnavailable;
  if (maxScaledDown <= 0) return [];
  const cleanup = planCleanupUnhealthyReplicas(oldRSs, maxScaledDown);
  const down = planScaleDownOldReplicaSetsForRollingUpdate([...cleanup.oldRSs, newRS], cleanup.oldRSs, d);
  return [...cleanup.steps, ...down.steps];
}
function rolloutRolling(dc, d, rsList2) {
  const got = getAllReplicaSetsAndSyncRevision(dc, d, rsList2, true);
  if (!got) return;
  const { newRS, oldRSs } = got;
  const allRSs = [...oldRSs, newRS];
  if (!newRS) return;
  const next = planReconcileNewReplicaSet(d, allRSs, newRS);
  if (next !== void 0 && scaleReplicaSetAndRecordEvent(dc, newRS, next, d).scaled) {
    syncRolloutStatus(dc, allRSs, newRS, d);
    return;
  }
  let scaledDown = false;
  for (const step of planReconcileOldReplicaSets(allRSs, filterActiveReplicaSets(oldRSs), newRS, d)) {
    if (scaleReplicaSetAndRecordEvent(dc, step.rs, step.newReplicas, d).scaled) scaledDown = true;
  }
  if (scaledDown) {
    syncRolloutStatus(dc, allRSs, newRS, d);
    return;
  }
  if (deploymentComplete(d, d.status ?? {})) cleanupDeployment(dc, oldRSs, d);
  syncRolloutStatus(dc, allRSs, newRS, d);
}

// src/engine/controllers/deployment/recreate.ts
function oldPodsRunning(newRS, oldRSs, podMap) {
  if (getActualReplicaCountForReplicaSets(oldRSs) > 0) return true;
  for (const [uid, pods2] of podMap) {
    if (newRS && newRS.metadata.uid === uid) continue;
    for (const pod of pods2) {
      const phase = pod.status?.phase;
      if (phase === "Failed" || phase === "Succeeded") continue;
      return true;
    }
  }
  return false;
}
function rolloutRecreate(dc, d, rsList2, podMap) {
  let got = getAllReplicaSetsAndSyncRevision(dc, d, rsList2, false);
  if (!got) return;
  let { newRS, oldRSs } = got;
  let allRSs = [...oldRSs, newRS];
  let scaledDown = false;
  for (const rs of filterActiveReplicaSets(oldRSs)) {
    if (scaleReplicaSetAndRecordEvent(dc, rs, 0, d).scaled) scaledDown = true;
  }
  if (scaledDown) {
    syncRolloutStatus(dc, allRSs, newRS, d);
    return;
  }
  if (oldPodsRunning(newRS, oldRSs, podMap)) {
    syncRolloutStatus(dc, allRSs, newRS, d);
    return;
  }
  if (!newRS) {
    got = getAllReplicaSetsAndSyncRevision(dc, d, rsList2, true);
    if (!got) return;
    ({ newRS, oldRSs } = got);
    allRSs = [...oldRSs, newRS];
  }
  if (newRS) scaleReplicaSetAndRecordEvent(dc, newRS, deploymentReplicas(d), d);
  if (deploymentComplete(d, d.status ?? {})) cleanupDeployment(dc, oldRSs, d);
  syncRolloutStatus(dc, allRSs, newRS, d);
}

// src/engine/controllers/deployment/deployment_controller.ts
var MAX_RETRIES = 15;
var DeploymentController = class extends Controller {
  name = "deployment-controller";
  /** The shared pod informer's controller-UID index (a cache, rebuilt rather than saved). */
  pods;
  run() {
    this.pods = sharedPodControllerIndex(this.ctx.api);
    this.ctx.api.watch((ev) => this.enqueue(nsName(ev.object)), ["Deployment"]);
    this.ctx.api.watch((ev) => this.onReplicaSet(ev), ["ReplicaSet"]);
    this.ctx.api.watch((ev) => this.onPod(ev), ["Pod"]);
    for (const d of this.ctx.api.list("Deployment")) this.enqueue(nsName(d));
  }
  /** Failed syncs per key, for the rate-limited requeue (cleared by a sync that succeeds). */
  failures = {};
  syncFailed = false;
  /** What the step functions (sync.go, rolling.go, ...) get instead of the controller itself. */
  get dc() {
    return {
      ctx: this.ctx,
      enqueueAfter: (d, delayMs) => this.enqueue(nsName(d), delayMs),
      failed: () => void (this.syncFailed = true)
    };
  }
  /**
   * handleErr: a failed sync is retried with client-go's per-item backoff (5ms doubling) up to
   * maxRetries (15) times, then dropped until the next change; a good sync forgets the failures.
   */
  sync(key) {
    this.syncFailed = false;
    this.syncDeployment(key);
    if (!this.syncFailed) {
      delete this.failures[key];
      return;
    }
    const n2 = this.failures[key] ?? 0;
    if (n2 >= MAX_RETRIES) {
      delete this.failures[key];
      return;
    }
    this.failures[key] = n2 + 1;
    this.enqueue(key, Math.min(5 * 2 ** n2, 1e6));
  }
  saveExtra() {
    return { failures: { ...this.failures } };
  }
  loadExtra(state) {
    this.failures = { ...state?.failures ?? {} };
    this.pods?.reset(this.ctx.api.list("Pod"));
  }
  // ---- informer handlers ---------------------------------------------------------------------
  onReplicaSet(ev) {
    const rs = ev.object;
    if (ev.type === "DELETED" || ev.type === "ADDED" && rs.metadata.deletionTimestamp) {
      const ref = controllerRef(rs);
      const d = ref && this.resolveControllerRef(rs.metadata.namespace, ref);
      if (d) this.enqueue(nsName(d));
      return;
    }
    if (ev.type === "ADDED") {
      const ref = controllerRef(rs);
      if (ref) {
        const d = this.resolveControllerRef(rs.metadata.namespace, ref);
        if (d) this.enqueue(nsName(d));
        return;
      }
      for (const d of this.deploymentsForReplicaSet(rs)) this.enqueue(nsName(d));
      return;
    }
    const old = ev.old;
    const curRef = controllerRef(rs);
    const oldRef = controllerRef(old);
    const refChanged = !deepEqual(curRef, oldRef);
    if (refChanged && oldRef) {
      const d = this.resolveControllerRef(old.metadata.namespace, oldRef);
      if (d) this.enqueue(nsName(d));
    }
    if (curRef) {
      const d = this.resolveControllerRef(rs.metadata.namespace, curRef);
      if (d) this.enqueue(nsName(d));
      return;
    }
    const labelChanged = !deepEqual(rs.metadata.labels ?? {}, old.metadata.labels ?? {});
    if (labelChanged || refChanged) for (const d of this.deploymentsForReplicaSet(rs)) this.enqueue(nsName(d));
  }
  /** Recreate waits for old pods to be gone: wake it when the last pod of a Deployment goes. */
  onPod(ev) {
    if (ev.type !== "DELETED") return;
    const pod = ev.object;
    const podRef = controllerRef(pod);
    if (!podRef || podRef.kind !== "ReplicaSet") return;
    const rs = this.ctx.api.get("ReplicaSet", pod.metadata.namespace, podRef.name);
    if (!rs || rs.metadata.uid !== podRef.uid) return;
    const rsRef = controllerRef(rs);
    const d = rsRef && this.resolveControllerRef(rs.metadata.namespace, rsRef);
    if (!d || d.spec?.strategy?.type !== "Recreate") return;
    const rsList2 = this.ctx.api.list("ReplicaSet", { namespace: d.metadata.namespace }).filter((x) => controllerRef(x)?.uid === d.metadata.uid);
    const sel = safeSelector2(d);
    const some = !!sel && rsList2.some((rs2) => this.pods.controlledGroups(d.metadata.namespace, rs2.metadata.uid).some((g) => g.total > 0 && matchesLabels(sel, g.labels)));
    if (!some) this.enqueue(nsName(d));
  }
  resolveControllerRef(namespace, ref) {
    if (ref.kind !== "Deployment") return void 0;
    const d = this.ctx.api.get("Deployment", namespace, ref.name);
    return d && d.metadata.uid === ref.uid ? d : void 0;
  }
  deploymentsForReplicaSet(rs) {
    if (!rs.metadata.labels || Object.keys(rs.metadata.labels).length === 0) return [];
    return this.ctx.api.list("Deployment", { namespace: rs.metadata.namespace }).filter((d) => {
      const sel = safeSelector2(d);
      return !!sel && !sel.empty() && sel.matches(rs.metadata.labels ?? {});
    });
  }
  // ---- sync ---------------------------------------------------------------------------------
  syncDeployment(key) {
    const { namespace, name } = splitNsName(key);
    const stored = this.ctx.api.get("Deployment", namespace, name);
    if (!stored) return;
    const d = clone(stored);
    const sel = d.spec?.selector;
    if (sel && Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0) {
      this.ctx.events.record(stored, "Warning", "SelectingAll", "This deployment is selecting all pods. A non-empty selector is required.", SOURCE2);
      if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) {
        d.status = { ...d.status ?? {}, observedGeneration: d.metadata.generation };
        updateDeploymentStatus(this.dc, d);
      }
      return;
    }
    const rsList2 = this.replicaSetsForDeployment(d);
    if (d.metadata.deletionTimestamp) {
      const got = getAllReplicaSetsAndSyncRevision(this.dc, d, rsList2, false);
      if (got) syncDeploymentStatus(this.dc, [...got.oldRSs, got.newRS], got.newRS, d);
      return;
    }
    this.checkPausedConditions(d);
    if (d.spec?.paused) return sync(this.dc, d, rsList2);
    const scaling = isScalingEvent(this.dc, d, rsList2);
    if (scaling === void 0) return;
    if (scaling) return sync(this.dc, d, rsList2);
    if (d.spec?.strategy?.type === "Recreate") rolloutRecreate(this.dc, d, rsList2, this.podMapForDeployment(d, rsList2));
    else rolloutRolling(this.dc, d, rsList2);
  }
  /** getReplicaSetsForDeployment: adopt matching orphans, release non-matching owned ones. */
  replicaSetsForDeployment(d) {
    const sel = safeSelector2(d);
    if (!sel) return [];
    const candidates = this.ctx.api.list("ReplicaSet", { namespace: d.metadata.namespace });
    return claimObjects(this.ctx.api, d, candidates, (rs) => sel.matches(rs.metadata.labels ?? {}));
  }
  /** getPodMapForDeployment: the Deployment's pods (terminating ones too) by owning RS uid. */
  podMapForDeployment(d, rsList2) {
    const map = /* @__PURE__ */ new Map();
    for (const rs of rsList2) map.set(rs.metadata.uid, []);
    const sel = safeSelector2(d);
    if (!sel) return map;
    for (const [uid, pods2] of map) {
      for (const pod of this.pods.controlledBy(d.metadata.namespace, uid)) if (matchesLabels(sel, pod.metadata.labels)) pods2.push(pod);
    }
    return map;
  }
  /** checkPausedConditions: Unknown/DeploymentPaused on pause, Unknown/DeploymentResumed on resume. */
  checkPausedConditions(d) {
    if (!hasProgressDeadline(d)) return;
    const cond = getDeploymentCondition(d.status, "Progressing");
    if (cond?.reason === TIMED_OUT_REASON) return;
    const pausedCondExists = cond?.reason === PAUSED_DEPLOY_REASON;
    const now = nowTimestamp(this.dc);
    d.status ??= {};
    if (d.spec?.paused && !pausedCondExists) {
      setDeploymentCondition(d.status, newDeploymentCondition("Progressing", "Unknown", PAUSED_DEPLOY_REASON, "Deployment is paused", now));
    } else if (!d.spec?.paused && pausedCondExists) {
      setDeploymentCondition(d.status, newDeploymentCondition("Progressing", "Unknown", RESUMED_DEPLOY_REASON, "Deployment is resumed", now));
    } else return;
    updateDeploymentStatus(this.dc, d);
  }
};
function safeSelector2(obj) {
  try {
    return cachedLabelSelector(obj.spec?.selector);
  } catch {
    return void 0;
  }
}

// src/engine/controllers/garbagecollector/garbagecollector.ts
var NO_REFS = [];
var FINALIZER_ORPHAN2 = "orphan";
var FINALIZER_DELETING_DEPENDENTS = "foregroundDeletion";
function keyOf(kind, namespace, name) {
  return `${kind}|${namespace ?? ""}|${name}`;
}
function objKey(o) {
  return keyOf(o.kind, o.metadata.namespace, o.metadata.name);
}
function hasFinalizer(o, f) {
  return !!o.metadata.finalizers?.includes(f);
}
function isDeletingDependents(o) {
  return !!o.metadata.deletionTimestamp && hasFinalizer(o, FINALIZER_DELETING_DEPENDENTS);
}
var GarbageCollector = class extends Controller {
  name = "garbage-collector-controller";
  run() {
    this.ctx.api.watch((ev) => this.onChange(ev));
    for (const o of this.ctx.api.all()) {
      if (o.metadata.ownerReferences?.length || o.metadata.deletionTimestamp) this.enqueue(objKey(o));
    }
  }
  /** The graph builder's processTransitions, reduced to what needs a sync. */
  onChange(ev) {
    const o = ev.object;
    if (ev.type === "DELETED") {
      for (const dep of this.ctx.api.dependents(o.metadata.uid)) this.enqueue(objKey(dep));
      this.enqueueWaitingOwners(o.metadata.ownerReferences ?? [], o.metadata.namespace);
      return;
    }
    const old = ev.old;
    if (o.metadata.deletionTimestamp && (hasFinalizer(o, FINALIZER_ORPHAN2) || hasFinalizer(o, FINALIZER_DELETING_DEPENDENTS))) {
      this.enqueue(objKey(o));
      if (isDeletingDependents(o) && !(old && isDeletingDependents(old))) {
        for (const dep of this.ctx.api.dependents(o.metadata.uid)) this.enqueue(objKey(dep));
      }
    }
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
  }
  enqueueWaitingOwners(refs, namespace) {
    for (const r of refs) {
      const owner = this.liveOwner(r, namespace);
      if (owner && isDeletingDependents(owner)) this.enqueue(objKey(owner));
    }
  }
  /** The owner a reference points to, if it exists with that uid. */
  liveOwner(ref, namespace) {
    const o = this.ctx.api.get(ref.kind, isNamespaced(ref.kind) ? namespace : void 0, ref.name);
    return o && o.metadata.uid === ref.uid ? o : void 0;
  }
  sync(key) {
    const [kind, ns, name] = key.split("|");
    const item = this.ctx.api.get(kind, ns || void 0, name);
    if (!item) return;
    if (item.metadata.deletionTimestamp) {
      if (hasFinalizer(item, FINALIZER_ORPHAN2)) this.orphanDependents(item);
      else if (hasFinalizer(item, FINALIZER_DELETING_DEPENDENTS)) this.processDeletingDependentsItem(item);
      return;
    }
    this.attemptToDeleteItem(item);
  }
  /** attemptToDeleteItem: classify owners as solid, dangling or waiting for dependents' deletion. */
  attemptToDeleteItem(item) {
    const refs = item.metadata.ownerReferences ?? [];
    if (refs.length === 0) return;
    const solid = [];
    const dangling = [];
    const waiting = [];
    for (const r of refs) {
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
      const drop = new Set([...dangling, ...waiting].map((r) => r.uid));
      this.patch(item, (d) => {
        d.metadata.ownerReferences = (d.metadata.ownerReferences ?? []).filter((r) => !drop.has(r.uid));
      });
      return;
    }
    if (waiting.length && this.ctx.api.dependents(item.metadata.uid).length) {
      this.deleteObject(item, "Foreground");
      return;
    }
    const policy = hasFinalizer(item, FINALIZER_ORPHAN2) ? "Orphan" : hasFinalizer(item, FINALIZER_DELETING_DEPENDENTS) ? "Foreground" : "Background";
    this.deleteObject(item, policy);
  }
  /** Foreground: once no dependent blocks (blockOwnerDeletion), drop the finalizer. */
  processDeletingDependentsItem(item) {
    const uid = item.metadata.uid;
    const blocking = this.ctx.api.dependents(uid).filter((d) => (d.metadata.ownerReferences ?? []).some((r) => r.uid === uid && r.blockOwnerDeletion));
    if (blocking.length === 0) {
      this.removeFinalizer(item, FINALIZER_DELETING_DEPENDENTS);
      return;
    }
    for (const dep of blocking) if (!isDeletingDependents(dep) && !dep.metadata.deletionTimestamp) this.enqueue(objKey(dep));
  }
  /** orphanDependents: remove the owner's reference from every dependent, then the finalizer. */
  orphanDependents(item) {
    const uid = item.metadata.uid;
    for (const dep of this.ctx.api.dependents(uid)) {
      this.patch(dep, (d) => {
        d.metadata.ownerReferences = (d.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
      });
    }
    this.removeFinalizer(item, FINALIZER_ORPHAN2);
  }
  removeFinalizer(item, f) {
    this.patch(item, (d) => {
      d.metadata.finalizers = (d.metadata.finalizers ?? []).filter((x) => x !== f);
    });
  }
  patch(item, fn) {
    try {
      this.ctx.api.mutate(item.kind, item.metadata.namespace, item.metadata.name, (d) => {
        if (d.metadata.uid !== item.metadata.uid) return false;
        fn(d);
        if (d.metadata.ownerReferences?.length === 0) delete d.metadata.ownerReferences;
        if (d.metadata.finalizers?.length === 0) delete d.metadata.finalizers;
      });
    } catch (e) {
      if (!(e instanceof ApiError && e.reason === "NotFound")) throw e;
    }
  }
  deleteObject(item, propagationPolicy) {
    try {
      this.ctx.api.delete(item.kind, item.metadata.namespace, item.metadata.name, { propagationPolicy, preconditions: { uid: item.metadata.uid } });
    } catch (e) {
      if (!(e instanceof ApiError && (e.reason === "NotFound" || e.reason === "Conflict"))) throw e;
    }
  }
};

// src/engine/kubelet/host.ts
function containerSpec(pod, name) {
  const inits = pod.spec?.initContainers ?? [];
  const i = inits.findIndex((c) => c.name === name);
  if (i >= 0) return { spec: inits[i], init: true, index: i };
  const cs = pod.spec?.containers ?? [];
  const j = cs.findIndex((c) => c.name === name);
  return j >= 0 ? { spec: cs[j], init: false, index: j } : void 0;
}
function formatPod(p) {
  return `${p.name}_${p.namespace}(${p.uid})`;
}

// src/engine/kubelet/backoff.ts
var Backoff = class {
  constructor(entries, initialMs, maxMs) {
    this.entries = entries;
    this.initialMs = initialMs;
    this.maxMs = maxMs;
  }
  entries;
  initialMs;
  maxMs;
  expired(eventTime, e) {
    return eventTime - e.lastUpdate > 2 * this.maxMs;
  }
  /** Current back-off window of key (0 when none). */
  get(key) {
    return this.entries[key]?.backoffMs ?? 0;
  }
  /** IsInBackOffSince: true while now - eventTime is inside the window. */
  isInBackOffSince(key, eventTime, now) {
    const e = this.entries[key];
    if (!e || this.expired(eventTime, e)) return false;
    return now - eventTime < e.backoffMs;
  }
  /** IsInBackOffSinceUpdate: true while now - lastUpdate is inside the window. */
  isInBackOffSinceUpdate(key, now) {
    const e = this.entries[key];
    if (!e || this.expired(now, e)) return false;
    return now - e.lastUpdate < e.backoffMs;
  }
  /** Next: start at the initial window or double it; lastUpdate is now. */
  next(key, eventTime, now) {
    const e = this.entries[key];
    if (!e || this.expired(eventTime, e)) {
      this.entries[key] = { backoffMs: this.initialMs, lastUpdate: now };
    } else {
      this.entries[key] = { backoffMs: Math.min(e.backoffMs * 2, this.maxMs), lastUpdate: now };
    }
  }
  /** When the window that started at `since` ends. */
  until(key, since2) {
    return since2 + this.get(key);
  }
  /** GC: drop entries quiet for more than twice the maximum. */
  gc(now) {
    for (const [k, e] of Object.entries(this.entries)) if (this.expired(now, e)) delete this.entries[k];
  }
};

// src/engine/workload/images.ts
var COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
var TAG = /^[\w][\w.-]{0,127}$/;
var DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
function parseImage(raw) {
  const invalid2 = (why = "invalid reference format") => ({ ok: false, error: `couldn't parse image reference "${raw}": ${why}` });
  if (!raw || raw !== raw.trim() || /\s/.test(raw)) return invalid2();
  let rest = raw;
  let digest2;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest2 = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest2)) return invalid2();
  }
  let tag2;
  const lastSlash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  if (colon > lastSlash) {
    tag2 = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag2)) return invalid2();
  }
  const parts = rest.split("/");
  let domain2 = "docker.io";
  if (parts.length > 1 && (parts[0].includes(".") || parts[0].includes(":") || parts[0] === "localhost" || /[A-Z]/.test(parts[0]))) {
    domain2 = parts.shift();
    if (!/^[A-Za-z0-9.-]+(:\d+)?$/.test(domain2) && !/^\[[0-9a-fA-F:]+\](:\d+)?$/.test(domain2)) return invalid2();
  }
  if (domain2 === "index.docker.io") domain2 = "docker.io";
  if (parts.some((p) => /[A-Z]/.test(p))) {
    const repo = domain2 === "docker.io" && parts.length === 1 ? `library/${parts[0]}` : parts.join("/");
    return invalid2(`invalid reference format: repository name (${repo}) must be lowercase`);
  }
  if (parts.length === 0 || parts.some((p) => !COMPONENT.test(p))) return invalid2();
  if (domain2 === "docker.io" && parts.length === 1) parts.unshift("library");
  const path = parts.join("/");
  if (!tag2 && !digest2) tag2 = "latest";
  const full = `${domain2}/${path}${tag2 ? `:${tag2}` : ""}${digest2 ? `@${digest2}` : ""}`;
  return { ok: true, ref: { raw, full, domain: domain2, path, tag: tag2, digest: digest2 } };
}
var DEBIAN = ["bookworm", "bullseye", "trixie", "slim"];
var CATALOG = {
  nginx: { newest: [1, 29], size: 72099410, variants: ["alpine", "slim", "perl", "otel", "bookworm", "trixie", "stable", "mainline"] },
  busybox: { newest: [1, 37], size: 2155376, variants: ["glibc", "musl", "uclibc", "stable"] },
  alpine: { newest: [3, 22], size: 3645223, variants: ["edge"] },
  ubuntu: { newest: [25, 10], size: 29754319, variants: ["noble", "jammy", "focal", "plucky", "questing", "rolling", "devel"] },
  debian: { newest: [13, 1], size: 48478130, variants: [...DEBIAN, "stable", "testing", "sid", "unstable"] },
  redis: { newest: [8, 2], size: 52356910, variants: ["alpine", ...DEBIAN] },
  postgres: { newest: [18, 0], size: 158920114, variants: ["alpine", ...DEBIAN] },
  mysql: { newest: [9, 4], size: 231610441, variants: ["oracle", "debian", "lts", "innovation"] },
  mariadb: { newest: [12, 0], size: 110845322, variants: ["noble", "jammy", "lts"] },
  httpd: { newest: [2, 4], size: 58231442, variants: ["alpine", ...DEBIAN] },
  node: { newest: [24, 9], size: 402351873, variants: ["alpine", "lts", "current", ...DEBIAN] },
  python: { newest: [3, 14], size: 371022917, variants: ["alpine", "windowsservercore", ...DEBIAN] },
  golang: { newest: [1, 25], size: 298445116, variants: ["alpine", ...DEBIAN] },
  traefik: { newest: [3, 5], size: 49893204, variants: ["latest"] },
  memcached: { newest: [1, 6], size: 34772918, variants: ["alpine", ...DEBIAN] },
  mongo: { newest: [8, 0], size: 287301112, variants: ["noble", "jammy"] },
  rabbitmq: { newest: [4, 1], size: 110284560, variants: ["management", "alpine"] },
  caddy: { newest: [2, 10], size: 20456731, variants: ["alpine", "builder"] },
  haproxy: { newest: [3, 2], size: 39812055, variants: ["alpine", ...DEBIAN, "lts"] },
  registry: { newest: [3, 0], size: 10347720, variants: [] },
  "hello-world": { newest: [0, 0], size: 10072, variants: ["linux", "nanoserver"] },
  perl: { newest: [5, 42], size: 330118506, variants: ["slim", "threaded", ...DEBIAN] },
  centos: { newest: [8, 0], size: 83518086, variants: [] },
  fedora: { newest: [43, 0], size: 62010885, variants: ["rawhide"] }
};
var SHELL_IMAGES = /* @__PURE__ */ new Set(["busybox", "alpine", "ubuntu", "debian", "centos", "fedora"]);
function editDistance(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
function officialName(ref) {
  return ref.domain === "docker.io" && ref.path.startsWith("library/") ? ref.path.slice("library/".length) : void 0;
}
function tagExists(entry, tag2) {
  if (tag2 === "latest") return true;
  const words = tag2.split("-");
  let i = 0;
  const m = /^v?(\d+(?:\.\d+)*)$/.exec(words[0]);
  if (m) {
    const v = m[1].split(".").map(Number);
    for (let k = 0; k < Math.min(v.length, entry.newest.length); k++) {
      if (v[k] > entry.newest[k]) return false;
      if (v[k] < entry.newest[k]) break;
    }
    i = 1;
  }
  for (; i < words.length; i++) {
    const base = words[i].replace(/[\d.]+$/, "");
    if (!entry.variants.includes(base)) return false;
  }
  return true;
}
function resolveImage(ref) {
  const name = officialName(ref);
  const size = imageSize(ref);
  if (name === void 0 || ref.digest) return { ok: true, size };
  const entry = CATALOG[name];
  const tagged = `${ref.domain}/${ref.path}:${ref.tag}`;
  if (entry) {
    if (tagExists(entry, ref.tag ?? "latest")) return { ok: true, size };
    return {
      ok: false,
      notFound: true,
      error: `rpc error: code = NotFound desc = failed to pull and unpack image "${tagged}": failed to resolve reference "${tagged}": ${tagged}: not found`
    };
  }
  const typo = name.length >= 4 && Object.keys(CATALOG).some((c) => editDistance(c, name) <= 2);
  if (typo) {
    return {
      ok: false,
      notFound: false,
      error: `rpc error: code = Unknown desc = failed to pull and unpack image "${tagged}": failed to resolve reference "${tagged}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`
    };
  }
  return { ok: true, size };
}
function imageSize(ref) {
  const h = fnv32aString(ref.full);
  const name = officialName(ref);
  const entry = name ? CATALOG[name] : void 0;
  if (!entry) return 2e7 + h % 18e7;
  let size = entry.size;
  const tag2 = ref.tag ?? "";
  if (/alpine/.test(tag2)) size = Math.round(size * 0.32);
  else if (/slim/.test(tag2)) size = Math.round(size * 0.45);
  return size + (h % 2001 - 1e3) * Math.max(1, Math.round(size / 2e5));
}
function imageDigest(ref) {
  if (ref.digest) return ref.digest;
  let hex2 = "";
  let h = fnv32aString(ref.full);
  for (let i = 0; i < 8; i++) {
    h = fnv32aString(`${h}:${ref.full}:${i}`);
    hex2 += h.toString(16).padStart(8, "0");
  }
  return `sha256:${hex2}`;
}
function imageID(ref) {
  return `${ref.domain}/${ref.path}@${imageDigest(ref)}`;
}
function statusImage(ref) {
  return ref.tag ? `${ref.domain}/${ref.path}:${ref.tag}` : `${ref.domain}/${ref.path}@${ref.digest}`;
}
function isShellImage(ref) {
  const name = officialName(ref);
  return name !== void 0 && SHELL_IMAGES.has(name);
}
function defaultPullPolicy(image) {
  const p = parseImage(image);
  if (!p.ok) return "IfNotPresent";
  if (p.ref.digest) return "IfNotPresent";
  return p.ref.tag === "latest" ? "Always" : "IfNotPresent";
}

// src/engine/kubelet/images.ts
var parsedImages = /* @__PURE__ */ new Map();
function parseImage2(image) {
  let r = parsedImages.get(image);
  if (r === void 0) {
    if (parsedImages.size >= 1024) parsedImages.clear();
    r = parseImage(image);
    parsedImages.set(image, r);
  }
  return r;
}
function pullBackoff(k) {
  return new Backoff(k.state.pullBackoff, PULL_BACKOFF_INITIAL_MS, PULL_BACKOFF_MAX_MS);
}
function pullDurationMs(size, cached) {
  return cached ? PULL_LATENCY_MS : PULL_LATENCY_MS + Math.round(size / PULL_BYTES_PER_MS);
}
function ensureImage(k, pod, p, c, spec, agent) {
  const image = spec.image ?? "";
  const parsed2 = parseImage2(image);
  if (!parsed2.ok) {
    const msg = `Failed to apply default image tag "${image}": ${parsed2.error}`;
    k.podEvent(pod, "Warning", "InspectFailed", msg, c);
    return { kind: "error", reason: "InvalidImageName", message: msg };
  }
  const ref = parsed2.ref;
  const present = agent.images[ref.full] !== void 0;
  const policy = spec.imagePullPolicy ?? defaultPullPolicy(image);
  if (policy === "Never" || policy === "IfNotPresent" && present) {
    if (present) {
      k.podEvent(pod, "Normal", "Pulled", `Container image "${image}" already present on machine and can be accessed by the pod`, c);
      return { kind: "present", image: statusImage(ref), imageID: imageID(ref) };
    }
    const msg = `Container image "${image}" is not present with pull policy of Never`;
    k.podEvent(pod, "Warning", "ErrImageNeverPull", msg, c);
    return { kind: "error", reason: "ErrImageNeverPull", message: msg };
  }
  const key = `${p.uid}_${image}`;
  const backoff = pullBackoff(k);
  if (backoff.isInBackOffSinceUpdate(key, k.now())) {
    const msg = `Back-off pulling image "${image}"`;
    k.podEvent(pod, "Normal", "BackOff", msg, c);
    const prev = k.state.pullErrors[key];
    return { kind: "error", reason: "ImagePullBackOff", message: prev ? `${msg}: ${prev}` : msg };
  }
  k.podEvent(pod, "Normal", "Pulling", `Pulling image "${image}"`, c);
  const outcome = resolveImage(ref);
  const start = Math.max(k.now(), agent.pullFreeAt);
  const cached = present || (agent.inflight[ref.full] ?? -1) >= k.now();
  const duration = outcome.ok ? pullDurationMs(outcome.size, cached) : PULL_FAIL_MS;
  agent.pullFreeAt = start + duration;
  agent.inflight[ref.full] = start + duration;
  k.timer(start + duration - k.now(), "pulled", {
    pod: `${p.namespace}/${p.name}`,
    epoch: p.epoch,
    container: c.name,
    instance: c.instance,
    requestedAt: k.now(),
    startedAt: start
  });
  return { kind: "pulling" };
}
function finishPull(k, pod, p, c, spec, agent, requestedAt, startedAt) {
  const image = spec.image;
  const parsed2 = parseImage2(image);
  if (!parsed2.ok) return { kind: "error", reason: "InvalidImageName", message: parsed2.error };
  const ref = parsed2.ref;
  const outcome = resolveImage(ref);
  if ((agent.inflight[ref.full] ?? Infinity) <= k.now()) delete agent.inflight[ref.full];
  if (!outcome.ok) {
    k.podEvent(pod, "Warning", "Failed", `Failed to pull image "${image}": ${outcome.error}`, c);
    pullBackoff(k).next(`${p.uid}_${image}`, k.now(), k.now());
    k.state.pullErrors[`${p.uid}_${image}`] = `ErrImagePull: ${outcome.error}`;
    return { kind: "error", reason: "ErrImagePull", message: outcome.error };
  }
  agent.images[ref.full] = outcome.size;
  const took = formatDuration(k.now() - startedAt);
  const total = formatDuration(k.now() - requestedAt);
  k.podEvent(pod, "Normal", "Pulled", `Successfully pulled image "${image}" in ${took} (${total} including waiting). Image size: ${outcome.size} bytes.`, c);
  pullBackoff(k).gc(k.now());
  delete k.state.pullErrors[`${p.uid}_${image}`];
  return { kind: "present", image: statusImage(ref), imageID: imageID(ref) };
}

// src/engine/workload/annotations.ts
var ANNOTATION_PREFIX = "kubeplay.dev/";
function annotationFor(annotations, key, container2) {
  if (!annotations) return void 0;
  return annotations[`${ANNOTATION_PREFIX}${key}.${container2}`] ?? annotations[`${ANNOTATION_PREFIX}${key}`];
}
function parseRate(s) {
  const m = /^\s*([^/\s]+)\s*(?:\/\s*(ms|s|m|h|sec|min))?\s*$/.exec(s);
  if (!m) return void 0;
  let bytes;
  try {
    bytes = parseQuantity(m[1]).value();
  } catch {
    return void 0;
  }
  const per = { ms: 1e-3, s: 1, sec: 1, m: 60, min: 60, h: 3600 }[m[2] ?? "s"] ?? 1;
  return bytes > 0 ? bytes / per : void 0;
}
function num(s) {
  if (s === void 0) return void 0;
  const v = Number(s.trim());
  return s.trim() !== "" && Number.isFinite(v) ? v : void 0;
}
function seconds(s) {
  return s === void 0 ? void 0 : parseDuration(s);
}
function workloadSpec(annotations, container2) {
  const a = (k) => annotationFor(annotations, k, container2);
  const spec = {};
  const set2 = (k, v) => {
    if (v !== void 0) spec[k] = v;
  };
  set2("startMs", seconds(a("start-seconds")));
  set2("crashAfterMs", seconds(a("crash-after")));
  const code = num(a("exit-code"));
  set2("exitCode", code === void 0 ? void 0 : Math.trunc(code) & 255);
  set2("livenessFailsAfterMs", seconds(a("liveness-fails-after")));
  set2("readinessFailsAfterMs", seconds(a("readiness-fails-after")));
  set2("runMs", seconds(a("run-seconds")));
  const p = num(a("fail-probability"));
  set2("failProbability", p === void 0 ? void 0 : Math.min(1, Math.max(0, p)));
  const g = a("memory-growth");
  set2("memoryGrowth", g === void 0 ? void 0 : parseRate(g));
  set2("shutdownMs", seconds(a("shutdown-seconds")));
  return spec;
}

// src/engine/workload/process.ts
var DEFAULT_START_MS = 100;
var DEFAULT_INIT_RUN_MS = 1e3;
var DEFAULT_BATCH_RUN_MS = 5e3;
var SIGTERM_EXIT_CODE = 143;
var SIGKILL_EXIT_CODE = 137;
function reasonFor(code) {
  return code === 0 ? "Completed" : "Error";
}
function sleepMs(words) {
  const text = words.join(" ");
  if (/\bsleep\s+infinity\b/.test(text) || /while\s+true|tail\s+-f/.test(text)) return "forever";
  const m = /\bsleep\s+(\d+(?:\.\d+)?[smhd]?)\b/.exec(text);
  if (!m) return void 0;
  const v = m[1];
  if (v.endsWith("d")) return parseFloat(v) * 864e5;
  return parseDuration(/[smh]$/.test(v) ? v : `${v}s`);
}
function planProcess(pod, container2, role, rnd) {
  const spec = workloadSpec(pod.metadata?.annotations, container2.name);
  const plan = {
    readyAfterMs: spec.startMs ?? DEFAULT_START_MS,
    shutdownMs: spec.shutdownMs ?? 0
  };
  if (spec.livenessFailsAfterMs !== void 0) plan.livenessFailsAfterMs = spec.livenessFailsAfterMs;
  if (spec.readinessFailsAfterMs !== void 0) plan.readinessFailsAfterMs = spec.readinessFailsAfterMs;
  const exits = [];
  if (spec.crashAfterMs !== void 0) {
    const code = spec.exitCode ?? 1;
    exits.push({ afterMs: spec.crashAfterMs, exitCode: code, reason: reasonFor(code) });
  }
  const restartPolicy = pod.spec?.restartPolicy ?? "Always";
  const batch = role === "init" || role === "regular" && restartPolicy !== "Always";
  let runMs = spec.runMs;
  if (runMs === void 0 && spec.crashAfterMs === void 0) {
    const words = [...container2.command ?? [], ...container2.args ?? []].map(String);
    const sleep = sleepMs(words);
    const img = parseImage(container2.image ?? "");
    if (typeof sleep === "number") runMs = sleep;
    else if (sleep === void 0 && words.length === 0 && img.ok && isShellImage(img.ref)) runMs = 0;
    else if (sleep === void 0 && batch) runMs = role === "init" ? DEFAULT_INIT_RUN_MS : DEFAULT_BATCH_RUN_MS;
  }
  if (runMs !== void 0) {
    let code = spec.exitCode ?? 0;
    if (spec.failProbability !== void 0) {
      const failed = rnd.next() < spec.failProbability;
      code = failed ? spec.exitCode && spec.exitCode !== 0 ? spec.exitCode : 1 : 0;
    }
    exits.push({ afterMs: runMs, exitCode: code, reason: reasonFor(code) });
  }
  if (spec.memoryGrowth !== void 0) {
    const limit = container2.resources?.limits?.memory;
    if (limit !== void 0) {
      let bytes;
      try {
        bytes = parseQuantity(String(limit)).value();
      } catch {
        bytes = void 0;
      }
      if (bytes !== void 0 && bytes > 0) {
        exits.push({ afterMs: Math.ceil(bytes / spec.memoryGrowth * 1e3), exitCode: SIGKILL_EXIT_CODE, reason: "OOMKilled" });
      }
    }
  }
  if (exits.length) {
    exits.sort((a, b) => a.afterMs - b.afterMs);
    plan.exit = exits[0];
  }
  return plan;
}

// src/engine/kubelet/probes/prober.ts
function resolvePort(spec, port) {
  const ports = spec.ports ?? [];
  if (typeof port === "string" && !/^\d+$/.test(port)) {
    const p = ports.find((x) => x.name === port);
    return p ? { port: p.containerPort, declared: true } : { port, declared: false };
  }
  const n2 = Number(port);
  return { port: n2, declared: ports.some((x) => Number(x.containerPort) === n2) };
}
function failsNow(type, c, now) {
  const plan = c.plan;
  const up = now - (c.startedAt ?? now);
  if (type === "liveness" && (c.broken?.liveness || plan?.livenessFailsAfterMs !== void 0 && up >= plan.livenessFailsAfterMs)) return true;
  if (type === "readiness" && (c.broken?.readiness || plan?.readinessFailsAfterMs !== void 0 && up >= plan.readinessFailsAfterMs)) return true;
  return false;
}
function runProbe(type, probe2, spec, c, podIP, now) {
  const listening = now - (c.startedAt ?? now) >= (c.plan?.readyAfterMs ?? 0);
  const failing = failsNow(type, c, now);
  if (probe2.httpGet) {
    const h = probe2.httpGet;
    const { port, declared } = resolvePort(spec, h.port);
    const host = h.host || podIP;
    const scheme = String(h.scheme ?? "HTTP").toLowerCase();
    let path = h.path ?? "";
    if (path && !path.startsWith("/")) path = `/${path}`;
    const url = `${scheme}://${host}:${port}${path || "/"}`;
    if (!declared || !listening) return { ok: false, output: `Get "${url}": dial tcp ${host}:${port}: connect: connection refused` };
    if (failing) return { ok: false, output: `HTTP probe failed with statuscode: ${type === "readiness" ? 503 : 500}` };
    return { ok: true, output: "" };
  }
  if (probe2.tcpSocket) {
    const { port, declared } = resolvePort(spec, probe2.tcpSocket.port);
    const host = probe2.tcpSocket.host || podIP;
    if (!declared || !listening || failing) return { ok: false, output: `dial tcp ${host}:${port}: connect: connection refused` };
    return { ok: true, output: "" };
  }
  if (probe2.grpc) {
    const port = Number(probe2.grpc.port);
    const declared = (spec.ports ?? []).some((x) => Number(x.containerPort) === port);
    const timeout = probe2.timeoutSeconds ?? 1;
    if (!declared || !listening) return { ok: false, output: `timeout: failed to connect service "${podIP}:${port}" within ${timeout}s` };
    if (failing) return { ok: false, output: 'service unhealthy (responded with "NOT_SERVING")' };
    return { ok: true, output: "" };
  }
  if (probe2.exec) {
    if (listening && !failing) return { ok: true, output: "" };
    const words = (probe2.exec.command ?? []).map(String);
    const cat = words.join(" ").match(/\bcat\s+(\S+)/);
    return { ok: false, output: cat ? `cat: can't open '${cat[1]}': No such file or directory
` : "" };
  }
  return { ok: true, output: "" };
}

// src/engine/kubelet/probes/worker.ts
var PROBE_TYPES = ["startup", "liveness", "readiness"];
var INITIAL = { liveness: "success", readiness: "failure", startup: "unknown" };
var TITLE = { liveness: "Liveness", readiness: "Readiness", startup: "Startup" };
function probeOf(spec, type) {
  return spec?.[`${type}Probe`];
}
function probeSettings(probe2) {
  return {
    initialDelaySeconds: probe2.initialDelaySeconds ?? 0,
    periodSeconds: probe2.periodSeconds || 10,
    timeoutSeconds: probe2.timeoutSeconds || 1,
    successThreshold: probe2.successThreshold || 1,
    failureThreshold: probe2.failureThreshold || 3
  };
}
function initProbeWorkers(c, spec) {
  for (const type of PROBE_TYPES) {
    if (!probeOf(spec, type)) continue;
    const w = c.probes[type] ?? { lastResult: "unknown", resultRun: 0, onHold: false, result: INITIAL[type] };
    w.onHold = false;
    w.result = INITIAL[type];
    c.probes[type] = w;
  }
}
function startProbeTickers(k, pod, p) {
  for (const spec of [...pod.spec?.initContainers ?? [], ...pod.spec?.containers ?? []]) {
    for (const type of PROBE_TYPES) {
      const probe2 = probeOf(spec, type);
      if (!probe2) continue;
      k.timer(probeSettings(probe2).periodSeconds * 1e3, "probe", { pod: `${p.namespace}/${p.name}`, epoch: p.epoch, container: spec.name, type });
    }
  }
}
function triggerReadiness(k, p, c, spec) {
  if (!probeOf(spec, "readiness") || c.ready) return;
  k.timer(k.ctx.timings.kubeletLatencyMs, "probe", {
    pod: `${p.namespace}/${p.name}`,
    epoch: p.epoch,
    container: c.name,
    instance: c.instance,
    type: "readiness",
    manual: true
  });
}
function doProbe(k, pod, p, c, type) {
  const spec = containerSpec(pod, c.name)?.spec;
  const probe2 = probeOf(spec, type);
  const w = c.probes[type];
  if (!probe2 || !w) return;
  if (c.phase !== "running" || c.stopping || !p.ip) return;
  if (w.onHold) return;
  const s = probeSettings(probe2);
  if (Math.floor((k.now() - (c.startedAt ?? 0)) / 1e3) < s.initialDelaySeconds) return;
  if (type !== "startup" && !c.started) return;
  if (type === "startup" && c.started) return;
  const out2 = runProbe(type, probe2, spec, c, p.ip, k.now());
  const result = out2.ok ? "success" : "failure";
  if (!out2.ok) k.podEvent(pod, "Warning", "Unhealthy", `${TITLE[type]} probe failed: ${out2.output}`, c);
  if (w.lastResult === result) w.resultRun++;
  else {
    w.lastResult = result;
    w.resultRun = 1;
  }
  if (result === "failure" && w.resultRun < s.failureThreshold || result === "success" && w.resultRun < s.successThreshold) return;
  const changed = w.result !== result;
  w.result = result;
  if ((type === "liveness" || type === "startup") && result === "failure") {
    w.onHold = true;
    w.resultRun = 0;
  }
  if (!changed) return;
  applyResult(k, pod, p, c, spec, probe2, type, result);
}
function applyResult(k, pod, p, c, spec, probe2, type, result) {
  const key = `${p.namespace}/${p.name}`;
  if (type === "readiness") {
    c.ready = result === "success";
    k.writeStatus(key);
    return;
  }
  if (type === "startup" && result === "success") {
    c.started = true;
    k.writeStatus(key);
    triggerReadiness(k, p, c, spec);
    return;
  }
  if (result === "failure") {
    const grace = probe2.terminationGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
    killContainer(k, pod, p, c, `Container ${c.name} failed ${type} probe, will be restarted`, grace, type);
  }
}

// src/engine/kubelet/containers.ts
function crashBackoff(k) {
  return new Backoff(k.state.crashBackoff, CRASH_BACKOFF_INITIAL_MS, CRASH_BACKOFF_MAX_MS);
}
function backoffKey(p, c) {
  return `${p.name}_${p.namespace}_${p.uid}_${c.name}`;
}
function timerData(p, c, extra = {}) {
  return { pod: `${p.namespace}/${p.name}`, epoch: p.epoch, container: c.name, instance: c.instance, ...extra };
}
var HEX_CODES2 = [48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102];
var idCodes = new Array(64).fill(48);
function newContainerID(k) {
  const r = k.ctx.random("containers");
  for (let i = 0; i < 64; i++) idCodes[i] = HEX_CODES2[r.int(16)];
  return `containerd://${String.fromCharCode.apply(null, idCodes)}`;
}
function imageError(k, pod, p, c, res) {
  k.podEvent(pod, "Warning", "Failed", `Error: ${res.reason}`, c);
  c.phase = c.terminated ? "exited" : "none";
  c.waiting = { reason: res.reason, message: res.message };
  p.busy = false;
}
function startContainer(k, pod, p, c, agent) {
  const spec = containerSpec(pod, c.name).spec;
  p.busy = true;
  c.instance++;
  c.phase = "pulling";
  const res = ensureImage(k, pod, p, c, spec, agent);
  if (res.kind === "error") {
    imageError(k, pod, p, c, res);
    if (res.reason === "ImagePullBackOff") {
      const e = k.state.pullBackoff[`${p.uid}_${spec.image}`];
      if (e) k.enqueueSync(`${p.namespace}/${p.name}`, e.lastUpdate + e.backoffMs - k.now());
    }
    return;
  }
  if (res.kind === "present") create2(k, p, c, res.image, res.imageID);
}
function create2(k, p, c, image, id) {
  c.phase = "creating";
  k.timer(CREATE_MS, "started", timerData(p, c, { image, imageID: id }));
}
function onPulled(k, pod, p, c, agent, requestedAt, startedAt) {
  const spec = containerSpec(pod, c.name).spec;
  const res = finishPull(k, pod, p, c, spec, agent, requestedAt, startedAt);
  if (res.kind === "error") {
    imageError(k, pod, p, c, res);
    k.writeStatus(`${p.namespace}/${p.name}`);
    k.enqueueSync(`${p.namespace}/${p.name}`, RESYNC_AFTER_ERROR_MS);
    return;
  }
  if (res.kind === "present") create2(k, p, c, res.image, res.imageID);
}
function onStarted(k, pod, p, c, image, id) {
  const spec = containerSpec(pod, c.name).spec;
  if (c.starts > 0) {
    c.restartCount++;
    if (c.terminated) c.lastTerminated = c.terminated;
  }
  c.starts++;
  c.terminated = void 0;
  c.waiting = void 0;
  c.containerID = newContainerID(k);
  c.image = image;
  c.imageID = id;
  k.podEvent(pod, "Normal", "Created", "Container created", c);
  k.podEvent(pod, "Normal", "Started", "Container started", c);
  c.phase = "running";
  c.startedAt = k.now();
  c.plan = planProcess(pod, spec, c.role, k.ctx.random("workload"));
  c.ready = !spec.readinessProbe && c.role !== "init";
  c.started = !spec.startupProbe;
  c.backoffUntil = void 0;
  c.specHash = JSON.stringify(spec);
  c.forceRestart = void 0;
  initProbeWorkers(c, spec);
  if (c.plan.exit) k.timer(c.plan.exit.afterMs, "exit", timerData(p, c));
  p.busy = false;
  if (c.started) triggerReadiness(k, p, c, spec);
  k.writeStatus(`${p.namespace}/${p.name}`);
  k.enqueueSync(`${p.namespace}/${p.name}`, 0);
}
function onExited(k, p, c, exitCode, reason) {
  const term = {
    exitCode,
    reason,
    startedAt: c.startedAt ?? k.now(),
    finishedAt: k.now(),
    containerID: c.containerID ?? ""
  };
  c.terminated = term;
  c.phase = "exited";
  c.instance++;
  c.ready = false;
  c.started = false;
  c.stopping = void 0;
  c.plan = void 0;
  k.writeStatus(`${p.namespace}/${p.name}`);
  k.enqueueSync(`${p.namespace}/${p.name}`);
}
function preStopMs(spec) {
  const h = spec.lifecycle?.preStop;
  if (!h) return 0;
  if (h.sleep?.seconds !== void 0) return Number(h.sleep.seconds) * 1e3;
  const words = (h.exec?.command ?? []).map(String);
  const m = /\bsleep\s+(\d+(?:\.\d+)?)/.exec(words.join(" "));
  if (m) return parseDuration(`${m[1]}s`) ?? 0;
  return h.exec || h.httpGet ? 100 : 0;
}
function killContainer(k, pod, p, c, message, graceSeconds, why) {
  if (c.phase !== "running" || c.stopping) return;
  const spec = containerSpec(pod, c.name).spec;
  k.podEvent(pod, "Normal", "Killing", message || `Stopping container ${c.name}`, c);
  let grace = graceSeconds;
  let hook = 0;
  if (spec.lifecycle?.preStop && grace > 0) {
    hook = Math.min(preStopMs(spec), grace * 1e3);
    grace -= Math.floor(hook / 1e3);
  }
  if (grace < MIN_GRACE_SECONDS) grace = MIN_GRACE_SECONDS;
  const shutdown = c.plan?.shutdownMs ?? 0;
  const graceful = shutdown <= grace * 1e3;
  const after = hook + (graceful ? shutdown : grace * 1e3);
  c.stopping = { reason: why };
  c.instance++;
  k.timer(after, "stopped", timerData(p, c, { exitCode: graceful ? SIGTERM_EXIT_CODE : SIGKILL_EXIT_CODE }));
}
function inCrashBackoff(k, pod, p, c) {
  const b = crashBackoff(k);
  const key = backoffKey(p, c);
  const finished2 = c.terminated?.finishedAt ?? k.now();
  if (b.isInBackOffSince(key, finished2, k.now())) {
    const until = finished2 + b.get(key);
    if (c.backoffUntil !== until) {
      c.backoffUntil = until;
      k.podEvent(pod, "Warning", "BackOff", `Back-off restarting failed container ${c.name} in pod ${formatPod(p)}`, c);
    }
    c.waiting = {
      reason: "CrashLoopBackOff",
      message: `back-off ${formatDuration(b.get(key))} restarting failed container=${c.name} pod=${formatPod(p)}`
    };
    k.enqueueSync(`${p.namespace}/${p.name}`, until - k.now());
    return true;
  }
  b.next(key, finished2, k.now());
  return false;
}
function shouldRestart(restartPolicy, c) {
  if (c.role === "sidecar") return true;
  if (restartPolicy === "Always") return c.role !== "init" || (c.terminated?.exitCode ?? 0) !== 0;
  if (restartPolicy === "OnFailure") return (c.terminated?.exitCode ?? 0) !== 0;
  return false;
}

// src/engine/kubelet/termination.ts
function startTermination(k, pod, p) {
  const grace = pod.metadata.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
  if (p.terminatingAt === void 0) p.terminatingAt = k.now();
  p.busy = false;
  for (const c of Object.values(p.containers)) {
    if (c.phase === "pulling" || c.phase === "creating") {
      c.instance++;
      c.phase = c.terminated ? "exited" : "none";
    }
    if (c.phase === "running") killContainer(k, pod, p, c, "", grace, "delete");
  }
  k.writeStatus(`${p.namespace}/${p.name}`);
  finishIfStopped(k, pod, p);
}
function finishIfStopped(k, _pod, p) {
  if (Object.values(p.containers).some((c) => c.phase === "running")) return false;
  const key = `${p.namespace}/${p.name}`;
  k.writeStatus(key);
  const cur = k.ctx.api.get("Pod", p.namespace, p.name);
  if (cur && cur.metadata.uid === p.uid) {
    k.ctx.api.delete("Pod", p.namespace, p.name, { gracePeriodSeconds: 0, preconditions: { uid: p.uid } });
  }
  delete k.state.pods[key];
  k.usage?.refresh(key);
  return true;
}

// src/engine/kubelet/podWorkers.ts
function newContainer(name, role) {
  return { name, role, phase: "none", instance: 0, starts: 0, restartCount: 0, ready: false, started: false, probes: {} };
}
function newPodRuntime(pod, node, now) {
  const containers = {};
  for (const c of pod.spec?.initContainers ?? []) containers[c.name] = newContainer(c.name, c.restartPolicy === "Always" ? "sidecar" : "init");
  for (const c of pod.spec?.containers ?? []) containers[c.name] = newContainer(c.name, "regular");
  return {
    uid: pod.metadata.uid,
    namespace: pod.metadata.namespace ?? "default",
    name: pod.metadata.name,
    node,
    epoch: 0,
    admittedAt: now,
    sandboxReady: false,
    busy: false,
    containers
  };
}
var parsedMilli = /* @__PURE__ */ new Map();
var parsedValue = /* @__PURE__ */ new Map();
var PARSED_CACHE_LIMIT = 4096;
function quantity(v, milli) {
  if (v === void 0 || v === null) return 0;
  const cache3 = milli ? parsedMilli : parsedValue;
  const key = typeof v === "string" ? v : void 0;
  if (key !== void 0) {
    const hit = cache3.get(key);
    if (hit !== void 0) return hit;
  }
  let n2;
  try {
    const q3 = parseQuantity(v);
    n2 = milli ? q3.milliValue() : q3.value();
  } catch {
    n2 = 0;
  }
  if (key !== void 0) {
    if (cache3.size >= PARSED_CACHE_LIMIT) cache3.clear();
    cache3.set(key, n2);
  }
  return n2;
}
var requestsBySpec = /* @__PURE__ */ new WeakMap();
function podRequests(pod) {
  const key = pod.spec?.containers;
  if (key && typeof key === "object") {
    const hit = requestsBySpec.get(key);
    if (hit) return hit;
    const r = computePodRequests(pod);
    requestsBySpec.set(key, r);
    return r;
  }
  return computePodRequests(pod);
}
function computePodRequests(pod) {
  let cpu2 = 0;
  let memory = 0;
  let initCpu = 0;
  let initMem = 0;
  for (const c of pod.spec?.containers ?? []) {
    cpu2 += quantity(c.resources?.requests?.cpu, true);
    memory += quantity(c.resources?.requests?.memory, false);
  }
  for (const c of pod.spec?.initContainers ?? []) {
    const rc = quantity(c.resources?.requests?.cpu, true);
    const rm = quantity(c.resources?.requests?.memory, false);
    if (c.restartPolicy === "Always") {
      cpu2 += rc;
      memory += rm;
    } else {
      initCpu = Math.max(initCpu, rc);
      initMem = Math.max(initMem, rm);
    }
  }
  return { cpu: Math.max(cpu2, initCpu), memory: Math.max(memory, initMem) };
}
function admit(k, pod, node) {
  const alloc = node.status?.allocatable ?? {};
  const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
  let others = 0;
  let usedCpu = 0;
  let usedMemory = 0;
  const u = k.usage?.usage(node.metadata.name);
  if (k.usage) {
    if (u) {
      const self = u.members.get(key);
      others = u.members.size - (self ? 1 : 0);
      usedCpu = u.cpu - (self ? self.cpu : 0);
      usedMemory = u.memory - (self ? self.memory : 0);
    }
  } else {
    const uid = pod.metadata.uid;
    const admitted = k.state.pods;
    for (const [other, o] of k.ctx.api.podEntriesOnNode(node.metadata.name)) {
      if (admitted[other] === void 0 || o.metadata.uid === uid) continue;
      const phase = o.status?.phase;
      if (phase === "Succeeded" || phase === "Failed") continue;
      others++;
      const r = podRequests(o);
      usedCpu += r.cpu;
      usedMemory += r.memory;
    }
  }
  const want = podRequests(pod);
  const maxPods = quantity(alloc.pods ?? "110", false);
  if (others + 1 > maxPods) {
    return { reason: "OutOfpods", message: `Pod was rejected: Node didn't have enough resource: pods, requested: 1, used: ${others}, capacity: ${maxPods}` };
  }
  for (const [r, milli, used] of [["cpu", true, usedCpu], ["memory", false, usedMemory]]) {
    const have = quantity(alloc[r], milli);
    const req = want[r];
    if (req > 0 && have > 0 && used + req > have) {
      return { reason: `OutOf${r}`, message: `Pod was rejected: Node didn't have enough resource: ${r}, requested: ${req}, used: ${used}, capacity: ${have}` };
    }
  }
  return void 0;
}
function syncPod(k, key, agentFor) {
  const [ns, name] = [key.slice(0, key.indexOf("/")), key.slice(key.indexOf("/") + 1)];
  const pod = k.ctx.api.get("Pod", ns, name);
  let p = k.state.pods[key];
  if (p && (!pod || pod.metadata.uid !== p.uid || pod.spec?.nodeName !== p.node)) {
    delete k.state.pods[key];
    k.usage?.refresh(key);
    p = void 0;
  }
  if (!pod || !pod.spec?.nodeName) return;
  const agent = agentFor(pod.spec.nodeName);
  if (!agent || !agent.running) return;
  if (!p) {
    const phase = pod.status?.phase;
    if (phase === "Succeeded" || phase === "Failed") return;
    if (pod.metadata.deletionTimestamp) {
      k.ctx.api.delete("Pod", ns, name, { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid } });
      return;
    }
    p = newPodRuntime(pod, agent.name, k.now());
    p.epoch = agent.epoch;
    k.state.pods[key] = p;
    k.usage?.refresh(key);
    const node = k.ctx.api.get("Node", void 0, agent.name);
    const rejected = node ? admit(k, pod, node) : void 0;
    if (rejected) {
      p.rejected = rejected;
      p.terminal = true;
      k.podEvent(pod, "Warning", rejected.reason, rejected.message);
      k.writeStatus(key);
      return;
    }
    startProbeTickers(k, pod, p);
    const deadline2 = activeDeadline(k, pod);
    if (deadline2 !== void 0) k.enqueueSync(key, deadline2 - k.now());
    k.timer(SANDBOX_MS, "sandbox", { pod: key, epoch: p.epoch });
    k.writeStatus(key);
    return;
  }
  if (pod.metadata.deletionTimestamp) {
    startTermination(k, pod, p);
    return;
  }
  if (p.terminal || p.terminatingAt !== void 0) return;
  const deadline = activeDeadline(k, pod);
  if (deadline !== void 0 && k.now() >= deadline) {
    p.failed = { reason: "DeadlineExceeded", message: "Pod was active on the node longer than the specified deadline" };
    p.terminal = true;
    k.podEvent(pod, "Normal", "DeadlineExceeded", p.failed.message);
    killRemaining(k, pod, p);
    k.writeStatus(key);
    return;
  }
  if (deadline !== void 0) k.enqueueSync(key, deadline - k.now());
  advance(k, pod, p, agent);
  k.writeStatus(key);
}
function advance(k, pod, p, agent) {
  if (!p.sandboxReady || p.busy) return;
  const restartPolicy = pod.spec?.restartPolicy ?? "Always";
  for (const spec of pod.spec?.initContainers ?? []) {
    const c = p.containers[spec.name];
    if (c.role === "sidecar") {
      if (c.phase === "running") {
        if (c.started) continue;
        return;
      }
      if (c.phase === "exited" && inCrashBackoff(k, pod, p, c)) return;
      startContainer(k, pod, p, c, agent);
      return;
    }
    if (c.phase === "exited" && c.terminated?.exitCode === 0) continue;
    if (c.phase === "running" || c.phase === "pulling" || c.phase === "creating") return;
    if (c.phase === "exited") {
      if (!shouldRestart(restartPolicy, c)) {
        p.terminal = true;
        killRemaining(k, pod, p);
        return;
      }
      if (inCrashBackoff(k, pod, p, c)) return;
    }
    startContainer(k, pod, p, c, agent);
    return;
  }
  let waitingForRestart = false;
  for (const spec of pod.spec?.containers ?? []) {
    const c = p.containers[spec.name];
    if (c.phase === "running" && !c.stopping && c.specHash !== void 0 && c.specHash !== JSON.stringify(spec)) {
      c.forceRestart = true;
      killContainer(k, pod, p, c, `Container ${c.name} definition changed, will be restarted`, pod.spec?.terminationGracePeriodSeconds ?? 30, "changed");
      continue;
    }
    if (c.phase === "running" || c.phase === "pulling" || c.phase === "creating") continue;
    if (c.phase === "exited" && c.forceRestart) {
      startContainer(k, pod, p, c, agent);
      if (p.busy) return;
      continue;
    }
    if (c.phase === "exited") {
      if (!shouldRestart(restartPolicy, c)) continue;
      if (inCrashBackoff(k, pod, p, c)) {
        waitingForRestart = true;
        continue;
      }
    }
    startContainer(k, pod, p, c, agent);
    if (p.busy) return;
    if (c.waiting) waitingForRestart = true;
  }
  const regular = (pod.spec?.containers ?? []).map((s) => p.containers[s.name]);
  if (!waitingForRestart && regular.length && regular.every((c) => c.phase === "exited" && !shouldRestart(restartPolicy, c))) {
    p.terminal = true;
    killRemaining(k, pod, p);
  }
}
function activeDeadline(k, pod) {
  const ads = pod.spec?.activeDeadlineSeconds;
  if (typeof ads !== "number") return void 0;
  const start = k.ctx.clock.parse(pod.status?.startTime) ?? k.now();
  return start + ads * 1e3;
}
function killRemaining(k, pod, p) {
  const grace = pod.spec?.terminationGracePeriodSeconds ?? 30;
  for (const c of Object.values(p.containers)) if (c.phase === "running") killContainer(k, pod, p, c, "", grace, "completed");
}

// src/engine/kubelet/nodeUsage.ts
var NodeUsageCache = class {
  constructor(api, state, requests) {
    this.api = api;
    this.state = state;
    this.requests = requests;
  }
  api;
  state;
  requests;
  nodes = /* @__PURE__ */ new Map();
  members = /* @__PURE__ */ new Map();
  built = false;
  /** Forget everything (the kubelet's state or the store was replaced). */
  invalidate() {
    this.built = false;
    this.nodes.clear();
    this.members.clear();
  }
  /** The counted pods on a node: bound to it, in the kubelet's pod table, and not terminal. */
  usage(node) {
    if (!this.built) this.rebuild();
    return this.nodes.get(node);
  }
  /** Re-evaluate one pod key after its kubelet entry changed. */
  refresh(key) {
    if (!this.built) return;
    const i = key.indexOf("/");
    this.set(key, this.api.get("Pod", key.slice(0, i), key.slice(i + 1)));
  }
  /** Re-evaluate one pod key from a watch event: `pod` is its stored object now (undefined: deleted). */
  observe(key, pod) {
    if (this.built) this.set(key, pod);
  }
  rebuild() {
    this.nodes.clear();
    this.members.clear();
    this.built = true;
    for (const pod of this.api.list("Pod")) this.set(`${pod.metadata.namespace}/${pod.metadata.name}`, pod);
  }
  set(key, pod) {
    const node = pod?.spec?.nodeName;
    const phase = pod?.status?.phase;
    const counted = !!node && this.state().pods[key] !== void 0 && phase !== "Succeeded" && phase !== "Failed";
    const prev = this.members.get(key);
    if (counted && prev && prev.node === node && prev.containers === pod.spec.containers && prev.initContainers === pod.spec.initContainers) return;
    if (prev) {
      const u2 = this.nodes.get(prev.node);
      u2.cpu -= prev.cpu;
      u2.memory -= prev.memory;
      u2.members.delete(key);
      this.members.delete(key);
    }
    if (!counted) return;
    const r = this.requests(pod);
    let u = this.nodes.get(node);
    if (!u) this.nodes.set(node, u = { members: /* @__PURE__ */ new Map(), cpu: 0, memory: 0 });
    u.cpu += r.cpu;
    u.memory += r.memory;
    u.members.set(key, r);
    this.members.set(key, { node, cpu: r.cpu, memory: r.memory, containers: pod.spec.containers, initContainers: pod.spec.initContainers });
  }
};

// src/engine/kubelet/status.ts
var KUBELET_CONDITIONS = ["PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady"];
function terminatedState(t, clock) {
  const s = {
    containerID: t.containerID,
    exitCode: t.exitCode,
    finishedAt: clock.timestamp(t.finishedAt),
    reason: t.reason,
    startedAt: clock.timestamp(t.startedAt)
  };
  if (t.message) s.message = t.message;
  return s;
}
function containerStatus(c, spec, defaultWaiting, clock) {
  let state;
  if (c.phase === "running") state = { running: { startedAt: clock.timestamp(c.startedAt) } };
  else if (c.waiting) state = { waiting: c.waiting.message !== void 0 ? { message: c.waiting.message, reason: c.waiting.reason } : { reason: c.waiting.reason } };
  else if (c.terminated) state = { terminated: terminatedState(c.terminated, clock) };
  else state = { waiting: { reason: defaultWaiting } };
  const last = c.phase !== "running" && c.waiting && c.terminated ? c.terminated : c.lastTerminated;
  const s = {
    image: c.image ?? spec.image,
    imageID: c.imageID ?? "",
    lastState: last ? { terminated: terminatedState(last, clock) } : {},
    name: c.name,
    // A completed init container reports ready (its exit code 0 is its success).
    ready: c.role === "init" ? c.phase === "exited" && c.terminated?.exitCode === 0 : c.ready,
    restartCount: c.restartCount,
    started: c.phase === "running" && c.started,
    state
  };
  if (c.containerID && (c.phase === "running" || c.terminated)) s.containerID = c.containerID;
  if (c.role === "sidecar" || c.role === "init") s.started = c.phase === "running" && c.started;
  return s;
}
function getPhase(pod, init, regular, podIsTerminal) {
  const restartPolicy = pod.spec?.restartPolicy ?? "Always";
  let pendingInit = 0;
  let failedInit = 0;
  for (const s of init) {
    const sidecar = (pod.spec?.initContainers ?? []).find((c) => c.name === s.name)?.restartPolicy === "Always";
    if (sidecar) {
      if (!s.started) pendingInit++;
      continue;
    }
    if (s.state.running) pendingInit++;
    else if (s.state.terminated) {
      if (s.state.terminated.exitCode !== 0) failedInit++;
    } else if (s.state.waiting) {
      if (s.lastState?.terminated && s.lastState.terminated.exitCode !== 0) failedInit++;
      else pendingInit++;
    } else pendingInit++;
  }
  let unknown = 0;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const s of regular) {
    if (s.state.running) running++;
    else if (s.state.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.state.waiting) {
      if (s.lastState?.terminated) stopped++;
      else waiting++;
    } else unknown++;
  }
  if (failedInit > 0 && restartPolicy === "Never") return "Failed";
  if (pendingInit > 0 || failedInit > 0) return "Pending";
  if (waiting > 0) return "Pending";
  if (running > 0 && unknown === 0) return "Running";
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (podIsTerminal) return stopped === succeeded ? "Succeeded" : "Failed";
    if (restartPolicy === "Always") return "Running";
    if (stopped === succeeded) return "Succeeded";
    if (restartPolicy === "Never") return "Failed";
    return "Running";
  }
  return "Pending";
}
function condition(type, status3, reason, message) {
  const c = { lastProbeTime: null, status: status3 ? "True" : "False", type };
  if (!status3 && reason) c.reason = reason;
  if (!status3 && message) c.message = message;
  return c;
}
function sameIPs(prev, ip) {
  return Array.isArray(prev) && prev.length === 1 && prev[0]?.ip === ip && Object.keys(prev[0]).length === 1;
}
var built = /* @__PURE__ */ new WeakSet();
function sameEntries(prev, a, b) {
  if (!Array.isArray(prev) || prev.length !== a.length + b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = prev[i];
    const y = a[i];
    if (!x || !built.has(x)) return false;
    if (x.type !== y.type || x.status !== y.status || x.reason !== y.reason || x.message !== y.message) return false;
    if (x.lastTransitionTime !== y.lastTransitionTime || x.observedGeneration !== y.observedGeneration) return false;
  }
  for (let i = 0; i < b.length; i++) if (prev[a.length + i] !== b[i]) return false;
  return true;
}
function generatePodStatus(pod, p, hostIP, clock, podStartTime) {
  const old = pod.status ?? {};
  const initSpecs = pod.spec?.initContainers ?? [];
  const specs = pod.spec?.containers ?? [];
  const initDone = initSpecs.every((s) => {
    const c = p.containers[s.name];
    if (s.restartPolicy === "Always") return c?.phase === "running" && c.started;
    return c?.terminated?.exitCode === 0 && c.phase === "exited";
  });
  const initStatuses = initSpecs.map((s) => containerStatus(p.containers[s.name], s, "PodInitializing", clock));
  const statuses = specs.map((s) => containerStatus(p.containers[s.name], s, initDone ? "ContainerCreating" : "PodInitializing", clock));
  let phase = getPhase(pod, initStatuses, statuses, !!p.terminal || p.terminatingAt !== void 0);
  if (p.rejected || p.failed) phase = "Failed";
  if (!p.terminal && p.terminatingAt === void 0 && (old.phase === "Succeeded" || old.phase === "Failed")) phase = old.phase;
  const terminal = phase === "Succeeded" || phase === "Failed";
  const sidecars = initSpecs.filter((s) => s.restartPolicy === "Always");
  const unready = [];
  for (const s of sidecars) if (!p.containers[s.name]?.ready) unready.push(s.name);
  for (const s of specs) if (!p.containers[s.name]?.ready) unready.push(s.name);
  const notInit = initSpecs.filter((s) => {
    const c = p.containers[s.name];
    return s.restartPolicy === "Always" ? !(c?.phase === "running" && c.started) : !(c?.terminated?.exitCode === 0);
  }).map((s) => s.name);
  const containersReady = unready.length === 0;
  const gates = (pod.spec?.readinessGates ?? []).map((g) => g.conditionType);
  const missingGate = gates.find((g) => !(old.conditions ?? []).some((c) => c.type === g));
  const falseGate = gates.find((g) => (old.conditions ?? []).some((c) => c.type === g && c.status !== "True"));
  const conds = [];
  conds.push(condition("PodReadyToStartContainers", p.sandboxReady && !terminal));
  conds.push(condition("Initialized", notInit.length === 0 || initDone, "ContainersNotInitialized", `containers with incomplete status: [${notInit.join(" ")}]`));
  if (terminal) {
    conds.push(condition("Ready", false, "PodCompleted"));
    conds.push(condition("ContainersReady", false, "PodCompleted"));
  } else {
    const unreadyMsg = `containers with unready status: [${unready.join(" ")}]`;
    if (!containersReady) conds.push(condition("Ready", false, "ContainersNotReady", unreadyMsg));
    else if (missingGate) conds.push(condition("Ready", false, "ReadinessGatesNotReady", `corresponding condition of pod readiness gate "${missingGate}" does not exist.`));
    else if (falseGate) conds.push(condition("Ready", false, "ReadinessGatesNotReady", `the status of pod readiness gate "${falseGate}" is not "True", but False`));
    else conds.push(condition("Ready", true));
    conds.push(condition("ContainersReady", containersReady, "ContainersNotReady", unreadyMsg));
  }
  const now = clock.timestamp();
  const gen = pod.metadata.generation;
  for (const c of conds) {
    const prev = (old.conditions ?? []).find((x) => x.type === c.type);
    c.lastTransitionTime = prev && prev.status === c.status ? prev.lastTransitionTime : now;
    if (gen !== void 0) c.observedGeneration = gen;
  }
  const others = (old.conditions ?? []).filter((c) => !KUBELET_CONDITIONS.includes(c.type));
  const status3 = { ...old };
  if (sameEntries(old.conditions, conds, others)) status3.conditions = old.conditions;
  else {
    for (const c of conds) built.add(c);
    status3.conditions = conds.concat(others);
  }
  status3.phase = phase;
  if (gen !== void 0) status3.observedGeneration = gen;
  status3.hostIP = hostIP;
  status3.hostIPs = sameIPs(old.hostIPs, hostIP) ? old.hostIPs : [{ ip: hostIP }];
  if (p.ip) {
    status3.podIP = p.ip;
    status3.podIPs = sameIPs(old.podIPs, p.ip) ? old.podIPs : [{ ip: p.ip }];
  }
  status3.startTime = old.startTime ?? clock.timestamp(podStartTime);
  if (initSpecs.length) status3.initContainerStatuses = initStatuses;
  status3.containerStatuses = statuses;
  if (p.failed) {
    status3.reason = p.failed.reason;
    status3.message = p.failed.message;
  }
  if (p.rejected) {
    status3.reason = p.rejected.reason;
    status3.message = p.rejected.message;
    delete status3.containerStatuses;
    delete status3.initContainerStatuses;
    status3.conditions = others;
  }
  if (!status3.qosClass) status3.qosClass = computePodQOS(pod);
  return status3;
}

// src/engine/kubelet/nodeStatus.ts
function nodeIndex(k, name) {
  const nodes2 = k.ctx.api.list("Node").slice().sort((a, b) => (a.metadata.creationTimestamp ?? "").localeCompare(b.metadata.creationTimestamp ?? "") || a.metadata.name.localeCompare(b.metadata.name));
  const i = nodes2.findIndex((n2) => n2.metadata.name === name);
  return i < 0 ? nodes2.length : i;
}
function internalIP(agent, node) {
  const declared = (node?.status?.addresses ?? []).find((a) => a.type === "InternalIP");
  return declared?.address ?? `172.18.0.${agent.index + 2}`;
}
function podCIDRBase(agent, node) {
  const cidr = node?.spec?.podCIDR;
  const m = cidr ? /^(\d+\.\d+\.\d+)\.\d+\/\d+$/.exec(cidr) : null;
  return m ? m[1] : `10.244.${agent.index}`;
}
function allocatePodIP(k, agent) {
  const node = k.ctx.api.get("Node", void 0, agent.name);
  const ip = `${podCIDRBase(agent, node)}.${agent.nextIp}`;
  agent.nextIp = agent.nextIp >= 254 ? 2 : agent.nextIp + 1;
  return ip;
}
function hex(k, n2) {
  const r = k.ctx.random("node-ids");
  let s = "";
  for (let i = 0; i < n2; i++) s += "0123456789abcdef"[r.int(16)];
  return s;
}
function newAgent(k, name) {
  const agent = {
    name,
    running: true,
    epoch: 0,
    index: nodeIndex(k, name),
    nextIp: 2,
    images: {},
    pullFreeAt: 0,
    inflight: {},
    lastStatusReport: -NODE_STATUS_REPORT_MS,
    bootID: ""
  };
  const pause2 = parseImage(PAUSE_IMAGE);
  if (pause2.ok) agent.images[pause2.ref.full] = 320368;
  agent.bootID = `${hex(k, 8)}-${hex(k, 4)}-4${hex(k, 3)}-a${hex(k, 3)}-${hex(k, 12)}`;
  return agent;
}
var CONDITIONS = [
  ["MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"],
  ["DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"],
  ["PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"],
  ["Ready", "True", "KubeletReady", "kubelet is posting ready status"]
];
function nodeImages(agent) {
  return Object.entries(agent.images).map(([full, size]) => {
    const p = parseImage(full);
    const names = p.ok ? [`${p.ref.domain}/${p.ref.path}@${imageDigest(p.ref)}`, full] : [full];
    return { names, sizeBytes: size || (p.ok ? imageSize(p.ref) : 0) };
  }).sort((a, b) => b.sizeBytes - a.sizeBytes).slice(0, NODE_STATUS_MAX_IMAGES);
}
function desiredNodeStatus(k, agent, node, heartbeat) {
  const now = k.ctx.clock.timestamp();
  const old = node.status ?? {};
  const conditions = CONDITIONS.map(([type, status4, reason, message]) => {
    const prev = (old.conditions ?? []).find((c) => c.type === type);
    const same = prev && prev.status === status4;
    return {
      lastHeartbeatTime: heartbeat || !prev ? now : prev.lastHeartbeatTime,
      lastTransitionTime: same ? prev.lastTransitionTime : now,
      message,
      reason,
      status: status4,
      type
    };
  });
  const status3 = clone(old);
  status3.conditions = [...conditions, ...(old.conditions ?? []).filter((c) => !CONDITIONS.some(([t]) => t === c.type))];
  status3.addresses = old.addresses ?? [
    { address: internalIP(agent, node), type: "InternalIP" },
    { address: agent.name, type: "Hostname" }
  ];
  status3.daemonEndpoints = { kubeletEndpoint: { Port: 10250 } };
  status3.nodeInfo = {
    architecture: node.metadata.labels?.["kubernetes.io/arch"] ?? "amd64",
    bootID: agent.bootID,
    containerRuntimeVersion: CONTAINER_RUNTIME_VERSION,
    kernelVersion: "6.8.0-86-generic",
    kubeProxyVersion: "",
    kubeletVersion: KUBELET_VERSION,
    machineID: agent.bootID.replace(/-/g, ""),
    operatingSystem: node.metadata.labels?.["kubernetes.io/os"] ?? "linux",
    osImage: "Debian GNU/Linux 12 (bookworm)",
    systemUUID: agent.bootID
  };
  status3.images = nodeImages(agent);
  return status3;
}
function syncNodeStatus(k, agent, force = false) {
  const node = k.ctx.api.get("Node", void 0, agent.name);
  if (!node) return;
  const due = force || k.now() - agent.lastStatusReport >= NODE_STATUS_REPORT_MS;
  const next = desiredNodeStatus(k, agent, node, due);
  if (!due && deepEqual(next, node.status ?? {})) return;
  const wasReady = (node.status?.conditions ?? []).find((c) => c.type === "Ready")?.status === "True";
  k.ctx.api.mutate("Node", void 0, agent.name, (d) => {
    d.status = next;
  }, { status: true });
  agent.lastStatusReport = k.now();
  if (!wasReady) nodeEvent(k, agent.name, "Normal", "NodeReady", `Node ${agent.name} status is now: NodeReady`);
}
function nodeEvent(k, name, type, reason, message) {
  const ref = { apiVersion: "v1", kind: "Node", metadata: { name, uid: name } };
  k.ctx.events.record(ref, type, reason, message, { component: "kubelet", host: name });
}
function recordStartup(k, name) {
  nodeEvent(k, name, "Normal", "Starting", "Starting kubelet.");
  for (const [, , reason] of CONDITIONS.slice(0, 3)) {
    const ev = reason.replace(/^Kubelet/, "Node");
    nodeEvent(k, name, "Normal", ev, `Node ${name} status is now: ${ev}`);
  }
  nodeEvent(k, name, "Normal", "NodeAllocatableEnforced", "Updated Node Allocatable limit across pods");
}
function renewLease(k, agent) {
  const api = k.ctx.api;
  const now = k.ctx.clock.microTimestamp();
  const node = api.get("Node", void 0, agent.name);
  const lease = api.get("Lease", "kube-node-lease", agent.name);
  if (!lease) {
    if (!api.get("Namespace", void 0, "kube-node-lease")) return;
    api.create({
      apiVersion: "coordination.k8s.io/v1",
      kind: "Lease",
      metadata: {
        name: agent.name,
        namespace: "kube-node-lease",
        ownerReferences: node ? [{ apiVersion: "v1", kind: "Node", name: agent.name, uid: node.metadata.uid }] : void 0
      },
      spec: { holderIdentity: agent.name, leaseDurationSeconds: NODE_LEASE_DURATION_SECONDS, renewTime: now }
    });
    return;
  }
  api.mutate("Lease", "kube-node-lease", agent.name, (d) => {
    d.spec = { ...d.spec ?? {}, holderIdentity: agent.name, leaseDurationSeconds: NODE_LEASE_DURATION_SECONDS, renewTime: now };
  });
}

// src/engine/kubelet/kubelet.ts
var KUBELET_COMPONENT = "kubelet";
function statusOnly(a, b) {
  return sameExcept(a, b, "status", "metadata") && sameExcept(a.metadata, b.metadata, "resourceVersion", "generation");
}
function sameExcept(a, b, x, y) {
  for (const k in a) if (k !== x && k !== y && !deepEqual(a[k], b[k])) return false;
  for (const k in b) if (k !== x && k !== y && a[k] === void 0 && b[k] !== void 0) return false;
  return true;
}
function emptyState() {
  return { nodes: {}, pods: {}, crashBackoff: {}, pullBackoff: {}, pullErrors: {}, queued: {} };
}
var Kubelet = class {
  name = KUBELET_COMPONENT;
  ctx;
  state = emptyState();
  usage;
  start(ctx) {
    this.ctx = ctx;
    this.usage = new NodeUsageCache(ctx.api, () => this.state, podRequests);
    ctx.api.watch((ev) => this.onPodEvent(ev), ["Pod"]);
    ctx.api.watch((ev) => this.onNodeEvent(ev), ["Node"]);
    for (const n2 of ctx.api.list("Node")) ctx.schedule(0, "register", { node: n2.metadata.name, epoch: 0 });
  }
  // ---- KubeletHost ---------------------------------------------------------------------------
  now() {
    return this.ctx.clock.now;
  }
  enqueueSync(podKey2, delayMs = this.ctx.timings.kubeletLatencyMs) {
    const at = this.now() + Math.max(0, Math.round(delayMs));
    const cur = this.state.queued[podKey2];
    if (cur !== void 0 && cur <= at) return;
    this.state.queued[podKey2] = at;
    this.ctx.schedule(at - this.now(), `sync:${podKey2}`);
  }
  timer(delayMs, kind, data) {
    this.ctx.schedule(Math.max(0, Math.round(delayMs)), kind, data);
  }
  podEvent(obj, type, reason, message, c) {
    const o = obj;
    const ns = o.metadata ? o.metadata.namespace : o.namespace;
    const name = o.metadata ? o.metadata.name : o.name;
    const pod = this.ctx.api.get("Pod", ns, name) ?? (o.metadata ? o : void 0);
    if (!pod) return;
    const fieldPath = c ? `spec.${c.role === "regular" ? "containers" : "initContainers"}{${c.name}}` : void 0;
    this.ctx.events.record(pod, type, reason, message, { component: "kubelet", host: pod.spec?.nodeName }, fieldPath);
  }
  writeStatus(podKey2) {
    const p = this.state.pods[podKey2];
    if (!p) return;
    const pod = this.ctx.api.get("Pod", p.namespace, p.name);
    const agent = this.state.nodes[p.node];
    if (!pod || pod.metadata.uid !== p.uid || !agent || !agent.running) return;
    const node = this.ctx.api.get("Node", void 0, p.node);
    const next = generatePodStatus(pod, p, internalIP(agent, node), this.ctx.clock, p.admittedAt);
    this.ctx.api.updateStatus({ ...pod, status: next }, { owned: true });
  }
  // ---- watches ------------------------------------------------------------------------------
  onPodEvent(ev) {
    this.usage.observe(`${ev.object.metadata.namespace}/${ev.object.metadata.name}`, ev.type === "DELETED" ? void 0 : ev.object);
    const node = ev.object.spec?.nodeName ?? ev.old?.spec?.nodeName;
    if (!node || !this.state.nodes[node]) return;
    if (ev.type === "MODIFIED" && ev.old && statusOnly(ev.old, ev.object)) return;
    this.enqueueSync(`${ev.object.metadata.namespace}/${ev.object.metadata.name}`);
  }
  onNodeEvent(ev) {
    const name = ev.object.metadata.name;
    if (ev.type === "ADDED" && !this.state.nodes[name]) this.ctx.schedule(this.ctx.timings.kubeletLatencyMs, "register", { node: name, epoch: 0 });
    if (ev.type === "DELETED") delete this.state.nodes[name];
    if (ev.type === "MODIFIED" && !!ev.old?.spec?.unschedulable !== !!ev.object.spec?.unschedulable) {
      this.ctx.schedule(0, "schedulable", { node: name, epoch: this.state.nodes[name]?.epoch ?? 0 });
    }
  }
  // ---- events -------------------------------------------------------------------------------
  handle(ev) {
    if (ev.key.startsWith("sync:")) {
      const key = ev.key.slice(5);
      if (this.state.queued[key] !== ev.at) return;
      delete this.state.queued[key];
      syncPod(this, key, (n2) => this.state.nodes[n2]);
      return;
    }
    const d = ev.data ?? {};
    switch (ev.key) {
      case "register":
        return this.register(d.node);
      case "node-action": {
        const a = ev.data;
        return this.setNodeRunning(a.name, a.action !== "stop");
      }
      case "app-action": {
        const a = ev.data;
        this.appAction(a.namespace ?? "default", a.pod, a.action, a.container);
        return;
      }
      case "lease":
      case "node-status":
      case "schedulable":
        return this.nodeTick(ev.key, d);
    }
    const p = d.pod ? this.state.pods[d.pod] : void 0;
    if (!p || p.epoch !== d.epoch) return;
    const agent = this.state.nodes[p.node];
    if (!agent?.running) return;
    const pod = this.ctx.api.get("Pod", p.namespace, p.name);
    if (!pod || pod.metadata.uid !== p.uid) return;
    if (ev.key === "sandbox") {
      p.sandboxReady = true;
      const node = this.ctx.api.get("Node", void 0, p.node);
      p.ip = pod.spec?.hostNetwork ? internalIP(agent, node) : allocatePodIP(this, agent);
      this.writeStatus(d.pod);
      this.enqueueSync(d.pod, 0);
      return;
    }
    const c = d.container ? p.containers[d.container] : void 0;
    if (!c) return;
    if (ev.key === "probe") {
      if (d.instance !== void 0 && d.instance !== c.instance) return;
      const type = d.type;
      doProbe(this, pod, p, c, type);
      if (!d.manual && this.state.pods[d.pod] === p && !p.terminal && p.terminatingAt === void 0) {
        const spec = [...pod.spec?.initContainers ?? [], ...pod.spec?.containers ?? []].find((s) => s.name === c.name);
        const probe2 = probeOf(spec, type);
        if (probe2) this.timer(probeSettings(probe2).periodSeconds * 1e3, "probe", { pod: d.pod, epoch: d.epoch, container: c.name, type });
      }
      return;
    }
    if (d.instance !== c.instance) return;
    switch (ev.key) {
      case "pulled":
        onPulled(this, pod, p, c, agent, d.requestedAt, d.startedAt);
        return;
      case "started":
        onStarted(this, pod, p, c, d.image, d.imageID);
        return;
      case "exit": {
        const exit = c.plan?.exit;
        if (!exit || c.phase !== "running") return;
        onExited(this, p, c, exit.exitCode, exit.reason);
        if (p.terminatingAt !== void 0) finishIfStopped(this, pod, p);
        return;
      }
      case "stopped": {
        const code = d.exitCode;
        onExited(this, p, c, code, code === 0 ? "Completed" : "Error");
        if (p.terminatingAt !== void 0) finishIfStopped(this, pod, p);
        return;
      }
    }
  }
  register(name) {
    if (!this.ctx.api.get("Node", void 0, name)) return;
    let agent = this.state.nodes[name];
    if (!agent) {
      agent = newAgent(this, name);
      this.state.nodes[name] = agent;
    }
    recordStartup(this, name);
    syncNodeStatus(this, agent, true);
    renewLease(this, agent);
    this.startNodeTickers(agent);
    for (const pod of this.ctx.api.podsOnNode(name)) this.enqueueSync(`${pod.metadata.namespace}/${pod.metadata.name}`);
  }
  startNodeTickers(agent) {
    const every = this.ctx.timings.nodeStatusUpdateFrequencyMs;
    this.timer(every, "lease", { node: agent.name, epoch: agent.epoch });
    this.timer(every, "node-status", { node: agent.name, epoch: agent.epoch });
  }
  nodeTick(kind, d) {
    const agent = this.state.nodes[d.node];
    if (!agent || !agent.running || agent.epoch !== d.epoch) return;
    const every = this.ctx.timings.nodeStatusUpdateFrequencyMs;
    if (kind === "lease") {
      renewLease(this, agent);
      this.timer(every, "lease", d);
    } else if (kind === "node-status") {
      syncNodeStatus(this, agent);
      this.timer(every, "node-status", d);
    } else {
      const node = this.ctx.api.get("Node", void 0, agent.name);
      const ev = node?.spec?.unschedulable ? "NodeNotSchedulable" : "NodeSchedulable";
      nodeEvent(this, agent.name, "Normal", ev, `Node ${agent.name} status is now: ${ev}`);
    }
  }
  // ---- node and application actions (scenario steps, UI) -------------------------------------
  isNodeRunning(name) {
    return this.state.nodes[name]?.running ?? false;
  }
  /** Stop or start a node's kubelet (scenario step `node: {name, action: stop|start}`). */
  setNodeRunning(name, running) {
    const agent = this.state.nodes[name];
    if (!agent || agent.running === running) return;
    agent.running = running;
    agent.epoch++;
    const mine = Object.entries(this.state.pods).filter(([, p]) => p.node === name);
    for (const [, p] of mine) p.epoch = agent.epoch;
    if (!running) return;
    agent.inflight = {};
    agent.pullFreeAt = this.now();
    recordStartup(this, name);
    syncNodeStatus(this, agent, true);
    renewLease(this, agent);
    this.startNodeTickers(agent);
    for (const [key, p] of mine) this.resume(key, p);
    for (const pod of this.ctx.api.podsOnNode(name)) this.enqueueSync(`${pod.metadata.namespace}/${pod.metadata.name}`);
  }
  /** After a restart: containers kept running; the kubelet picks up its timers and probes again. */
  resume(key, p) {
    const pod = this.ctx.api.get("Pod", p.namespace, p.name);
    if (!pod || pod.metadata.uid !== p.uid) return;
    p.busy = false;
    if (!p.sandboxReady) this.timer(0, "sandbox", { pod: key, epoch: p.epoch });
    for (const c of Object.values(p.containers)) {
      if (c.phase === "pulling" || c.phase === "creating") {
        c.instance++;
        c.phase = c.terminated ? "exited" : "none";
      } else if (c.phase === "running" && c.stopping) {
        onExited(this, p, c, SIGTERM_EXIT_CODE, "Error");
      } else if (c.phase === "running" && c.plan?.exit) {
        const at = (c.startedAt ?? 0) + c.plan.exit.afterMs;
        this.timer(at - this.now(), "exit", { pod: key, epoch: p.epoch, container: c.name, instance: c.instance });
      }
    }
    startProbeTickers(this, pod, p);
    this.enqueueSync(key, 0);
  }
  /** Live actions on a running pod's process: crash it, or make its health endpoints fail. */
  appAction(namespace, podName, action, container2) {
    const key = `${namespace}/${podName}`;
    const p = this.state.pods[key];
    const pod = this.ctx.api.get("Pod", namespace, podName);
    if (!p || !pod || !this.state.nodes[p.node]?.running) return false;
    const targets = Object.values(p.containers).filter((c) => container2 ? c.name === container2 : c.role === "regular");
    if (!targets.length) return false;
    for (const c of targets) {
      if (action === "crash") {
        if (c.phase !== "running" || c.stopping) continue;
        const code = workloadSpec(pod.metadata.annotations, c.name).exitCode ?? 1;
        onExited(this, p, c, code, code === 0 ? "Completed" : "Error");
      } else if (action === "heal") {
        c.broken = void 0;
      } else {
        c.broken = { ...c.broken ?? {}, [action === "break-readiness" ? "readiness" : "liveness"]: true };
      }
    }
    return true;
  }
  // ---- snapshots ----------------------------------------------------------------------------
  saveState() {
    return clone(this.state);
  }
  loadState(state) {
    this.state = clone(state);
    this.usage?.invalidate();
  }
};

// src/engine/controllers/nodelifecycle/taints.ts
var TAINT_NOT_READY2 = "node.kubernetes.io/not-ready";
var TAINT_UNREACHABLE2 = "node.kubernetes.io/unreachable";
var TAINT_UNSCHEDULABLE = "node.kubernetes.io/unschedulable";
var TAINT_MEMORY_PRESSURE = "node.kubernetes.io/memory-pressure";
var TAINT_DISK_PRESSURE = "node.kubernetes.io/disk-pressure";
var TAINT_PID_PRESSURE = "node.kubernetes.io/pid-pressure";
var TAINT_NETWORK_UNAVAILABLE = "node.kubernetes.io/network-unavailable";
var CONDITION_TAINTS = [
  ["Ready", "False", TAINT_NOT_READY2],
  ["Ready", "Unknown", TAINT_UNREACHABLE2],
  ["MemoryPressure", "True", TAINT_MEMORY_PRESSURE],
  ["DiskPressure", "True", TAINT_DISK_PRESSURE],
  ["NetworkUnavailable", "True", TAINT_NETWORK_UNAVAILABLE],
  ["PIDPressure", "True", TAINT_PID_PRESSURE]
];
var NO_SCHEDULE_KEYS = /* @__PURE__ */ new Set([...CONDITION_TAINTS.map(([, , k]) => k), TAINT_UNSCHEDULABLE]);
function readyStatus(node) {
  return (node.status?.conditions ?? []).find((c) => c.type === "Ready")?.status;
}
function desiredNoScheduleKeys(node) {
  const out2 = [];
  for (const [type, status3, key] of CONDITION_TAINTS) {
    if ((node.status?.conditions ?? []).some((c) => c.type === type && c.status === status3)) out2.push(key);
  }
  if (node.spec?.unschedulable) out2.push(TAINT_UNSCHEDULABLE);
  return out2;
}
function desiredNoExecuteKey(node) {
  const s = readyStatus(node);
  if (s === "False") return TAINT_NOT_READY2;
  if (s === "Unknown") return TAINT_UNREACHABLE2;
  return void 0;
}
function swapTaints(draft, add2, remove, now) {
  const taints = draft.spec?.taints ?? [];
  const kept = taints.filter((t) => !remove.some((r) => r.key === t.key && r.effect === t.effect));
  let changed = kept.length !== taints.length;
  for (const a of add2) {
    if (kept.some((t) => t.key === a.key && t.effect === a.effect)) continue;
    kept.push({ ...a, timeAdded: now });
    changed = true;
  }
  if (!changed) return false;
  draft.spec = { ...draft.spec ?? {} };
  if (kept.length) draft.spec.taints = kept;
  else delete draft.spec.taints;
  return true;
}
function managedNoSchedule(node) {
  return (node.spec?.taints ?? []).filter((t) => t.effect === "NoSchedule" && NO_SCHEDULE_KEYS.has(t.key));
}

// src/engine/controllers/nodelifecycle/node_lifecycle_controller.ts
var NODE_LIFECYCLE_CONTROLLER = "node-lifecycle-controller";
var NODE_STARTUP_GRACE_MS = 6e4;
var NODE_EVICTION_INTERVAL_MS = 1e4;
var MONITORED = ["Ready", "MemoryPressure", "DiskPressure", "PIDPressure"];
function zoneOf(node) {
  const l = node.metadata.labels ?? {};
  const region = l["topology.kubernetes.io/region"] ?? "";
  const zone = l["topology.kubernetes.io/zone"] ?? "";
  return `${region}:\0:${zone}`;
}
var NodeLifecycleController = class extends Controller {
  name = NODE_LIFECYCLE_CONTROLLER;
  st = { health: {}, zoneNext: {} };
  run() {
    this.ctx.api.watch((ev) => this.onNode(ev), ["Node"]);
    for (const n2 of this.ctx.api.list("Node")) this.onNode({ type: "ADDED", object: n2 });
    this.enqueue("monitor", this.ctx.timings.nodeMonitorPeriodMs);
  }
  onNode(ev) {
    const name = ev.object.metadata.name;
    if (ev.type === "DELETED") {
      this.enqueue(`forget:${name}`);
      return;
    }
    if (ev.type === "ADDED") this.enqueue(`register:${name}`);
    this.enqueue(`noschedule:${name}`);
  }
  sync(key) {
    const [kind, name] = key.includes(":") ? [key.slice(0, key.indexOf(":")), key.slice(key.indexOf(":") + 1)] : [key, ""];
    if (kind === "monitor") {
      this.monitorNodeHealth();
      this.enqueue("monitor", this.ctx.timings.nodeMonitorPeriodMs);
    } else if (kind === "register") {
      const node = this.ctx.api.get("Node", void 0, name);
      if (node) this.nodeEvent(node, "Normal", "RegisteredNode", `Node ${name} event: Registered Node ${name} in Controller`);
    } else if (kind === "forget") {
      delete this.st.health[name];
    } else if (kind === "noschedule") {
      this.doNoScheduleTaintingPass(name);
    } else if (kind === "noexecute") {
      this.doNoExecuteTaintingPass(name);
    }
  }
  now() {
    return this.ctx.clock.now;
  }
  nodeEvent(node, type, reason, message) {
    const ref = { apiVersion: "v1", kind: "Node", metadata: { name: node.metadata.name, uid: node.metadata.name } };
    this.ctx.events.record(ref, type, reason, message, { component: "node-controller" });
  }
  monitorNodeHealth() {
    const nodes2 = [...this.ctx.api.list("Node")].sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
    for (const node of nodes2) this.tryUpdateNodeHealth(node);
    const all = this.ctx.api.list("Node");
    const anyReady = all.some((n2) => readyStatus(n2) === "True");
    for (const node of [...all].sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))) {
      if (!anyReady && all.length > 0) this.removeNoExecute(node.metadata.name);
      else this.doNoExecuteTaintingPass(node.metadata.name);
    }
  }
  tryUpdateNodeHealth(node) {
    const name = node.metadata.name;
    const now = this.now();
    const h = this.st.health[name] ??= { probeTimestamp: now };
    const readyCond = (node.status?.conditions ?? []).find((c) => c.type === "Ready");
    const lease = this.ctx.api.get("Lease", "kube-node-lease", name);
    const heartbeat = readyCond?.lastHeartbeatTime;
    const renew = lease?.spec?.renewTime;
    if (heartbeat !== h.heartbeat || renew !== h.leaseRenew) {
      if (heartbeat !== void 0 && heartbeat !== h.heartbeat || renew !== void 0 && renew !== h.leaseRenew) h.probeTimestamp = now;
      h.heartbeat = heartbeat;
      h.leaseRenew = renew;
    }
    const observed2 = readyCond?.status;
    const grace = readyCond ? this.ctx.timings.nodeMonitorGracePeriodMs : NODE_STARTUP_GRACE_MS;
    let current = observed2;
    if (now > h.probeTimestamp + grace) {
      const ts = this.ctx.clock.timestamp();
      const updated = this.ctx.api.mutate("Node", void 0, name, (d) => {
        const conds = (d.status = d.status ?? {}).conditions ?? [];
        let changed = false;
        for (const type of MONITORED) {
          const c = conds.find((x) => x.type === type);
          if (!c) {
            conds.push({
              type,
              status: "Unknown",
              reason: "NodeStatusNeverUpdated",
              message: "Kubelet never posted node status.",
              lastHeartbeatTime: d.metadata.creationTimestamp,
              lastTransitionTime: ts
            });
            changed = true;
          } else if (c.status !== "Unknown") {
            c.status = "Unknown";
            c.reason = "NodeStatusUnknown";
            c.message = "Kubelet stopped posting node status.";
            c.lastTransitionTime = ts;
            changed = true;
          }
        }
        d.status.conditions = conds;
        return changed ? void 0 : false;
      }, { status: true });
      current = readyStatus(updated);
    }
    if ((h.ready ?? observed2) === "True" && current !== "True") {
      this.nodeEvent(node, "Normal", "NodeNotReady", `Node ${name} status is now: NodeNotReady`);
      this.markPodsNotReady(name);
    }
    h.ready = current;
  }
  /** MarkPodsNotReady (pkg/controller/util/node/controller_utils.go): pods on the node lose Ready. */
  markPodsNotReady(nodeName) {
    const ts = this.ctx.clock.timestamp();
    const pods2 = [...this.ctx.api.podsOnNode(nodeName)].sort((a, b) => `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`));
    for (const pod of pods2) {
      const ready = (pod.status?.conditions ?? []).find((c) => c.type === "Ready");
      if (!ready || ready.status === "False") continue;
      this.ctx.api.mutate("Pod", pod.metadata.namespace, pod.metadata.name, (d) => {
        const c = d.status.conditions.find((x) => x.type === "Ready");
        c.status = "False";
        c.lastTransitionTime = ts;
      }, { status: true });
      this.ctx.events.record(pod, "Warning", "NodeNotReady", "Node is not ready", { component: "node-controller" });
    }
  }
  doNoScheduleTaintingPass(name) {
    const node = this.ctx.api.get("Node", void 0, name);
    if (!node) return;
    const want = desiredNoScheduleKeys(node);
    const have = managedNoSchedule(node);
    const add2 = want.filter((k) => !have.some((t) => t.key === k)).map((key) => ({ key, effect: "NoSchedule" }));
    const remove = have.filter((t) => !want.includes(t.key));
    if (!add2.length && !remove.length) return;
    const ts = this.ctx.clock.timestamp();
    this.ctx.api.mutate("Node", void 0, name, (d) => swapTaints(d, add2, remove, ts) ? void 0 : false);
  }
  doNoExecuteTaintingPass(name) {
    const node = this.ctx.api.get("Node", void 0, name);
    if (!node) return;
    const want = desiredNoExecuteKey(node);
    if (!want) {
      this.removeNoExecute(name);
      return;
    }
    const taints = node.spec?.taints ?? [];
    if (taints.some((t) => t.key === want && t.effect === "NoExecute")) return;
    const zone = zoneOf(node);
    const next = this.st.zoneNext[zone] ?? 0;
    if (this.now() < next) {
      this.enqueue(`noexecute:${name}`, next - this.now());
      return;
    }
    this.st.zoneNext[zone] = this.now() + NODE_EVICTION_INTERVAL_MS;
    const other = want === TAINT_UNREACHABLE2 ? TAINT_NOT_READY2 : TAINT_UNREACHABLE2;
    const ts = this.ctx.clock.timestamp();
    this.ctx.api.mutate(
      "Node",
      void 0,
      name,
      (d) => swapTaints(d, [{ key: want, effect: "NoExecute" }], [{ key: other, effect: "NoExecute" }], ts) ? void 0 : false
    );
  }
  removeNoExecute(name) {
    const node = this.ctx.api.get("Node", void 0, name);
    if (!node || !(node.spec?.taints ?? []).some((t) => t.effect === "NoExecute" && (t.key === TAINT_UNREACHABLE2 || t.key === TAINT_NOT_READY2))) return;
    const ts = this.ctx.clock.timestamp();
    this.ctx.api.mutate(
      "Node",
      void 0,
      name,
      (d) => swapTaints(d, [], [{ key: TAINT_UNREACHABLE2, effect: "NoExecute" }, { key: TAINT_NOT_READY2, effect: "NoExecute" }], ts) ? void 0 : false
    );
  }
  saveExtra() {
    return this.st;
  }
  loadExtra(s) {
    this.st = s;
  }
};

// src/engine/controllers/tainteviction/tolerations.ts
function toleratesTaint(t, taint2) {
  if (t.effect && t.effect !== taint2.effect) return false;
  if (t.key && t.key !== taint2.key) return false;
  const op = t.operator || "Equal";
  if (op === "Exists") return true;
  if (op === "Equal") return (t.value ?? "") === (taint2.value ?? "");
  return false;
}
function getMatchingTolerations(taints, tolerations) {
  const used = [];
  for (const taint2 of taints) {
    const match = tolerations.find((t) => toleratesTaint(t, taint2));
    if (!match) return { ok: false, used: [] };
    used.push(match);
  }
  return { ok: true, used };
}
function minTolerationTime(used) {
  if (!used.length) return 0;
  let min = Infinity;
  for (const t of used) {
    if (t.tolerationSeconds === void 0 || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return 0;
    min = Math.min(min, t.tolerationSeconds);
  }
  return min === Infinity ? -1 : min * 1e3;
}

// src/engine/controllers/tainteviction/taint_eviction.ts
var TAINT_EVICTION_CONTROLLER = "taint-eviction-controller";
var TaintEvictionController = class extends Controller {
  name = TAINT_EVICTION_CONTROLLER;
  scheduled = {};
  run() {
    this.ctx.api.watch((ev) => this.onPod(ev), ["Pod"]);
    this.ctx.api.watch((ev) => this.onNode(ev), ["Node"]);
  }
  onPod(ev) {
    const pod = ev.object;
    if (ev.type === "MODIFIED" && ev.old?.spec?.nodeName === pod.spec?.nodeName && deepEqual(ev.old?.spec?.tolerations ?? [], pod.spec?.tolerations ?? [])) return;
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    if (ev.type === "DELETED" || pod.spec?.nodeName || this.scheduled[key]) this.enqueue(`pod:${key}`);
  }
  onNode(ev) {
    const noExec = (n2) => JSON.stringify((n2?.spec?.taints ?? []).filter((t) => t.effect === "NoExecute").map((t) => [t.key, t.value ?? ""]));
    if (ev.type !== "DELETED" && noExec(ev.object) === noExec(ev.old)) return;
    for (const pod of this.ctx.api.podsOnNode(ev.object.metadata.name)) this.enqueue(`pod:${pod.metadata.namespace}/${pod.metadata.name}`);
  }
  sync(key) {
    if (key.startsWith("evict:")) return this.evict(key.slice(6));
    const podKey2 = key.slice(4);
    const [ns, name] = [podKey2.slice(0, podKey2.indexOf("/")), podKey2.slice(podKey2.indexOf("/") + 1)];
    const pod = this.ctx.api.get("Pod", ns, name);
    const phase = pod?.status?.phase;
    if (!pod || !pod.spec?.nodeName || pod.metadata.deletionTimestamp || phase === "Succeeded" || phase === "Failed") {
      delete this.scheduled[podKey2];
      return;
    }
    const node = this.ctx.api.get("Node", void 0, pod.spec.nodeName);
    const taints = (node?.spec?.taints ?? []).filter((t) => t.effect === "NoExecute");
    if (!taints.length) {
      this.cancel(podKey2, pod);
      return;
    }
    const { ok: ok2, used } = getMatchingTolerations(taints, pod.spec.tolerations ?? []);
    if (!ok2) {
      this.cancel(podKey2, void 0);
      this.schedule(podKey2, pod, 0);
      return;
    }
    const min = minTolerationTime(used);
    if (min < 0) {
      this.cancel(podKey2, pod);
      return;
    }
    const cur = this.scheduled[podKey2];
    if (cur && cur.uid === pod.metadata.uid) return;
    this.schedule(podKey2, pod, min);
  }
  schedule(podKey2, pod, delay) {
    const now = this.ctx.clock.now;
    this.scheduled[podKey2] = { uid: pod.metadata.uid, createdAt: now, at: now + delay };
    this.enqueue(`evict:${podKey2}`, delay);
  }
  cancel(podKey2, pod) {
    if (!this.scheduled[podKey2]) return;
    delete this.scheduled[podKey2];
    if (pod) this.ctx.events.record(pod, "Normal", "TaintManagerEviction", `Cancelling deletion of Pod ${podKey2}`, { component: TAINT_EVICTION_CONTROLLER });
  }
  evict(podKey2) {
    const s = this.scheduled[podKey2];
    if (!s || s.at > this.ctx.clock.now) return;
    delete this.scheduled[podKey2];
    const [ns, name] = [podKey2.slice(0, podKey2.indexOf("/")), podKey2.slice(podKey2.indexOf("/") + 1)];
    const pod = this.ctx.api.get("Pod", ns, name);
    if (!pod || pod.metadata.uid !== s.uid || pod.metadata.deletionTimestamp) return;
    this.ctx.events.record(pod, "Normal", "TaintManagerEviction", `Marking for deletion Pod ${podKey2}`, { component: TAINT_EVICTION_CONTROLLER });
    const ts = this.ctx.clock.timestamp();
    this.ctx.api.mutate("Pod", ns, name, (d) => {
      const conds = (d.status = d.status ?? {}).conditions ?? [];
      const cond = {
        type: "DisruptionTarget",
        status: "True",
        reason: "DeletionByTaintManager",
        message: "Taint manager: deleting due to NoExecute taint",
        lastProbeTime: null,
        lastTransitionTime: ts
      };
      if (typeof d.metadata.generation === "number") cond.observedGeneration = d.metadata.generation;
      const i = conds.findIndex((c) => c.type === "DisruptionTarget");
      if (i >= 0) conds[i] = cond;
      else conds.push(cond);
      d.status.conditions = conds;
    }, { status: true });
    this.ctx.api.delete("Pod", ns, name, { preconditions: { uid: s.uid } });
  }
  saveExtra() {
    return this.scheduled;
  }
  loadExtra(s) {
    this.scheduled = s ?? {};
  }
};

// src/engine/scheduler/framework/corev1.ts
function toleratesTaint2(t, taint2) {
  if (t.effect && t.effect !== taint2.effect) return false;
  if (t.key && t.key !== taint2.key) return false;
  switch (t.operator ?? "") {
    case "":
    case "Equal":
      return (t.value ?? "") === (taint2.value ?? "");
    case "Exists":
      return true;
    default:
      return false;
  }
}
function taintToleratedBy(taint2, tolerations) {
  for (const t of tolerations) if (toleratesTaint2(t, taint2)) return true;
  return false;
}
function findMatchingUntoleratedTaint(taints, tolerations, filter) {
  for (const taint2 of taints) {
    if (!filter(taint2)) continue;
    if (!taintToleratedBy(taint2, tolerations)) return taint2;
  }
  return void 0;
}
function parseInt642(s) {
  if (!/^[+-]?\d+$/.test(s)) return void 0;
  return Number(s);
}
function requirementMatches(r, value) {
  const has = value !== void 0;
  switch (r.operator) {
    case "In":
      return has && (r.values ?? []).includes(value);
    case "NotIn":
      return !has || !(r.values ?? []).includes(value);
    case "Exists":
      return has;
    case "DoesNotExist":
      return !has;
    case "Gt":
    case "Lt": {
      if (!has || (r.values ?? []).length !== 1) return false;
      const lv = parseInt642(value);
      const rv = parseInt642(r.values[0]);
      if (lv === void 0 || rv === void 0) return false;
      return r.operator === "Gt" ? lv > rv : lv < rv;
    }
    default:
      return false;
  }
}
function nodeSelectorTermMatches(term, node) {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels = node.metadata.labels ?? {};
  for (const r of exprs) if (!requirementMatches(r, labels[r.key])) return false;
  for (const r of fields) {
    if (r.key !== "metadata.name") return false;
    if (r.operator !== "In" && r.operator !== "NotIn") return false;
    if (!requirementMatches(r, node.metadata.name)) return false;
  }
  return true;
}
function nodeSelectorMatches(terms, node) {
  for (const t of terms) if (nodeSelectorTermMatches(t, node)) return true;
  return false;
}
var selectorCache = /* @__PURE__ */ new Map();
function compileSelector(sel) {
  if (sel === null || sel === void 0) return null;
  const key = JSON.stringify(sel);
  let s = selectorCache.get(key);
  if (s === void 0) {
    try {
      s = labelSelectorAsSelector(sel);
    } catch {
      s = null;
    }
    if (selectorCache.size > 1e4) selectorCache.clear();
    selectorCache.set(key, s);
  }
  return s;
}
function podPriority(pod) {
  return typeof pod.spec?.priority === "number" ? pod.spec.priority : 0;
}

// src/engine/scheduler/framework/resources.ts
var DEFAULT_MILLI_CPU_REQUEST = 100;
var DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;
function emptyResource() {
  return { milliCPU: 0, memory: 0, ephemeralStorage: 0, scalar: {} };
}
var cache2 = /* @__PURE__ */ new Map();
function quantityValue(resource, q3) {
  if (q3 === void 0 || q3 === null || q3 === "") return 0;
  const milli = resource === "cpu";
  const key = (milli ? "m" : "v") + String(q3);
  let v = cache2.get(key);
  if (v === void 0) {
    try {
      const parsed2 = parseQuantity(q3);
      v = milli ? parsed2.milliValue() : parsed2.value();
    } catch {
      v = 0;
    }
    if (cache2.size > 1e4) cache2.clear();
    cache2.set(key, v);
  }
  return v;
}
function isScalarResourceName(name) {
  return name !== "cpu" && name !== "memory" && name !== "ephemeral-storage" && name !== "pods";
}
function addList(r, list, sign = 1) {
  if (!list) return;
  for (const [name, q3] of Object.entries(list)) {
    const v = quantityValue(name, q3) * sign;
    if (name === "cpu") r.milliCPU += v;
    else if (name === "memory") r.memory += v;
    else if (name === "ephemeral-storage") r.ephemeralStorage += v;
    else if (name !== "pods") r.scalar[name] = (r.scalar[name] ?? 0) + v;
  }
}
function addResource(a, b) {
  a.milliCPU += b.milliCPU;
  a.memory += b.memory;
  a.ephemeralStorage += b.ephemeralStorage;
  for (const [k, v] of Object.entries(b.scalar)) a.scalar[k] = (a.scalar[k] ?? 0) + v;
}
function maxResource(a, b) {
  a.milliCPU = Math.max(a.milliCPU, b.milliCPU);
  a.memory = Math.max(a.memory, b.memory);
  a.ephemeralStorage = Math.max(a.ephemeralStorage, b.ephemeralStorage);
  for (const [k, v] of Object.entries(b.scalar)) a.scalar[k] = Math.max(a.scalar[k] ?? 0, v);
}
function copyResource(r) {
  return { milliCPU: r.milliCPU, memory: r.memory, ephemeralStorage: r.ephemeralStorage, scalar: { ...r.scalar } };
}
function containerRequests(c, nonZero) {
  const r = emptyResource();
  const req = c.resources?.requests ?? {};
  const lim = c.resources?.limits ?? {};
  const merged = { ...lim, ...req };
  addList(r, merged);
  if (nonZero) {
    if (merged.cpu === void 0) r.milliCPU = DEFAULT_MILLI_CPU_REQUEST;
    if (merged.memory === void 0) r.memory = DEFAULT_MEMORY_REQUEST;
  }
  return r;
}
function podRequests2(spec, nonZero = false) {
  const reqs = emptyResource();
  if (!spec) return reqs;
  for (const c of spec.containers ?? []) addResource(reqs, containerRequests(c, nonZero));
  const restartable = emptyResource();
  const initMax = emptyResource();
  for (const c of spec.initContainers ?? []) {
    const cr = containerRequests(c, nonZero);
    let eff;
    if (c.restartPolicy === "Always") {
      addResource(reqs, cr);
      addResource(restartable, cr);
      eff = copyResource(restartable);
    } else {
      eff = copyResource(cr);
      addResource(eff, restartable);
    }
    maxResource(initMax, eff);
  }
  maxResource(reqs, initMax);
  const podLevel = spec.resources?.requests;
  if (podLevel) {
    if (podLevel.cpu !== void 0) reqs.milliCPU = quantityValue("cpu", podLevel.cpu);
    if (podLevel.memory !== void 0) reqs.memory = quantityValue("memory", podLevel.memory);
  }
  addList(reqs, spec.overhead);
  return reqs;
}
function allocatableOf(node) {
  const res = emptyResource();
  const alloc = node.status?.allocatable ?? {};
  addList(res, alloc);
  return { res, pods: quantityValue("pods", alloc.pods) };
}

// src/engine/scheduler/framework/podInfo.ts
function affinityTermMatches(t, pod, nsLabels) {
  if (t.namespaces.has(pod.namespace) || t.namespaceSelector !== null && t.namespaceSelector.matches(nsLabels ?? {})) {
    return t.selector !== null && t.selector.matches(pod.labels);
  }
  return false;
}
function newAffinityTerm(ns, t) {
  const namespaces = new Set(t.namespaces ?? []);
  if (namespaces.size === 0 && (t.namespaceSelector === void 0 || t.namespaceSelector === null)) namespaces.add(ns);
  return {
    namespaces,
    namespaceSelector: compileSelector(t.namespaceSelector),
    selector: compileSelector(t.labelSelector),
    topologyKey: t.topologyKey
  };
}
function newPodInfo(pod) {
  const spec = pod.spec ?? {};
  const ns = pod.metadata.namespace ?? "default";
  const nonZero = podRequests2(spec, true);
  const hostPorts = [];
  for (const c of spec.containers ?? []) {
    for (const p of c.ports ?? []) {
      if (p.hostPort && p.hostPort > 0) hostPorts.push({ ip: p.hostIP || "0.0.0.0", protocol: p.protocol || "TCP", port: p.hostPort });
    }
  }
  const aff = spec.affinity ?? {};
  const pa = aff.podAffinity ?? {};
  const paa = aff.podAntiAffinity ?? {};
  const weighted = (list) => (list ?? []).map((w) => ({ ...newAffinityTerm(ns, w.podAffinityTerm), weight: w.weight }));
  return {
    pod,
    key: `${ns}/${pod.metadata.name}`,
    uid: pod.metadata.uid ?? "",
    namespace: ns,
    labels: pod.metadata.labels ?? {},
    priority: podPriority(pod),
    requests: podRequests2(spec, false),
    nonZeroCPU: nonZero.milliCPU,
    nonZeroMemory: nonZero.memory,
    hostPorts,
    tolerations: spec.tolerations ?? [],
    requiredAffinity: (pa.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => newAffinityTerm(ns, t)),
    requiredAntiAffinity: (paa.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => newAffinityTerm(ns, t)),
    preferredAffinity: weighted(pa.preferredDuringSchedulingIgnoredDuringExecution),
    preferredAntiAffinity: weighted(paa.preferredDuringSchedulingIgnoredDuringExecution)
  };
}
function hasAffinity(p) {
  return p.requiredAffinity.length + p.requiredAntiAffinity.length + p.preferredAffinity.length + p.preferredAntiAffinity.length > 0;
}

// src/engine/scheduler/framework/nodeInfo.ts
var NodeInfo = class _NodeInfo {
  node;
  name;
  labels = {};
  taints = [];
  unschedulable = false;
  allocatable = emptyResource();
  allowedPodNumber = 0;
  /** node.status.images: normalised name -> size in bytes. */
  images = /* @__PURE__ */ new Map();
  pods = [];
  index = /* @__PURE__ */ new Map();
  podsWithAffinity = 0;
  podsWithRequiredAntiAffinity = 0;
  requested = emptyResource();
  nonZeroCPU = 0;
  nonZeroMemory = 0;
  /** "ip/protocol/port" -> number of pods using it. */
  usedPorts = /* @__PURE__ */ new Map();
  /** Bumped on every change, so per-node caches know when to recompute. */
  generation = 0;
  /** PodTopologySpread's last count of matching pods here (one entry: the selector of the pod being scheduled). */
  spreadCount = { key: "", ns: "", generation: -1, count: 0 };
  constructor(name) {
    this.name = name;
  }
  setNode(node) {
    this.node = node;
    this.labels = node.metadata.labels ?? {};
    this.taints = node.spec?.taints ?? [];
    this.unschedulable = !!node.spec?.unschedulable;
    const a = allocatableOf(node);
    this.allocatable = a.res;
    this.allowedPodNumber = a.pods;
    this.images = /* @__PURE__ */ new Map();
    for (const img of node.status?.images ?? []) {
      for (const n2 of img.names ?? []) this.images.set(normalizedImageName(n2), img.sizeBytes ?? 0);
    }
    this.generation++;
  }
  hasPod(key) {
    return this.index.has(key);
  }
  getPod(key) {
    const i = this.index.get(key);
    return i === void 0 ? void 0 : this.pods[i];
  }
  /** A new version of a pod whose PodInfo inputs did not change (status updates). */
  replacePodObject(key, pod) {
    const i = this.index.get(key);
    if (i === void 0) return;
    const wasTerminating = !!this.pods[i].pod.metadata.deletionTimestamp;
    this.pods[i] = { ...this.pods[i], pod, labels: pod.metadata.labels ?? {} };
    if (wasTerminating !== !!pod.metadata.deletionTimestamp) this.generation++;
  }
  addPod(p) {
    if (this.index.has(p.key)) this.removePod(p.key);
    this.index.set(p.key, this.pods.length);
    this.pods.push(p);
    this.update(p, 1);
  }
  removePod(key) {
    const i = this.index.get(key);
    if (i === void 0) return void 0;
    const p = this.pods[i];
    const last = this.pods.pop();
    if (last !== p) {
      this.pods[i] = last;
      this.index.set(last.key, i);
    }
    this.index.delete(key);
    this.update(p, -1);
    return p;
  }
  update(p, sign) {
    const r = this.requested;
    r.milliCPU += sign * p.requests.milliCPU;
    r.memory += sign * p.requests.memory;
    r.ephemeralStorage += sign * p.requests.ephemeralStorage;
    for (const k in p.requests.scalar) r.scalar[k] = (r.scalar[k] ?? 0) + sign * p.requests.scalar[k];
    this.nonZeroCPU += sign * p.nonZeroCPU;
    this.nonZeroMemory += sign * p.nonZeroMemory;
    if (hasAffinity(p)) this.podsWithAffinity += sign;
    if (p.requiredAntiAffinity.length) this.podsWithRequiredAntiAffinity += sign;
    for (const hp of p.hostPorts) {
      const k = `${hp.ip}/${hp.protocol}/${hp.port}`;
      const n2 = (this.usedPorts.get(k) ?? 0) + sign;
      if (n2 <= 0) this.usedPorts.delete(k);
      else this.usedPorts.set(k, n2);
    }
    this.generation++;
  }
  /** A copy the preemption dry run can change freely. */
  clone() {
    const c = new _NodeInfo(this.name);
    c.node = this.node;
    c.labels = this.labels;
    c.taints = this.taints;
    c.unschedulable = this.unschedulable;
    c.allocatable = this.allocatable;
    c.allowedPodNumber = this.allowedPodNumber;
    c.images = this.images;
    for (const p of this.pods) c.addPod(p);
    c.generation = this.generation + 1e6;
    return c;
  }
};
function normalizedImageName(name) {
  if (name.lastIndexOf(":") <= name.lastIndexOf("/")) return `${name}:latest`;
  return name;
}

// src/engine/scheduler/framework/cache.ts
function podKey(pod) {
  return `${pod.metadata.namespace ?? "default"}/${pod.metadata.name}`;
}
function isTerminal(pod) {
  const ph = pod.status?.phase;
  return ph === "Succeeded" || ph === "Failed";
}
function samePodInfoInputs(a, b) {
  if (a.metadata.uid !== b.metadata.uid || a.metadata.deletionTimestamp !== b.metadata.deletionTimestamp) return false;
  if (a.metadata.labels !== b.metadata.labels && JSON.stringify(a.metadata.labels ?? {}) !== JSON.stringify(b.metadata.labels ?? {})) return false;
  const sa = a.spec ?? {};
  const sb = b.spec ?? {};
  if (sa === sb) return true;
  if (a.metadata.generation !== void 0 && a.metadata.generation === b.metadata.generation && sa.containers === sb.containers) return true;
  const { nodeName: _a, ...ra } = sa;
  const { nodeName: _b, ...rb } = sb;
  return JSON.stringify(ra) === JSON.stringify(rb);
}
var SchedulerCache = class {
  constructor(api) {
    this.api = api;
  }
  api;
  infos = /* @__PURE__ */ new Map();
  sorted = null;
  /** assigned pod key -> node name */
  podNode = /* @__PURE__ */ new Map();
  /** image name -> number of nodes that have it (ImageLocality's spread). */
  imageNodes = /* @__PURE__ */ new Map();
  /** Rebuild from the store (start, and after a snapshot restore). */
  resync() {
    this.infos.clear();
    this.podNode.clear();
    this.imageNodes.clear();
    this.sorted = null;
    this.invalidate();
    for (const n2 of this.api.list("Node")) this.setNode(n2);
    for (const p of this.api.list("Pod")) this.setPod(p);
  }
  get nodes() {
    if (!this.sorted) {
      this.sorted = [...this.infos.values()].filter((n2) => n2.node).sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
      this.names = this.sorted.map((n2) => n2.name);
    }
    return this.sorted;
  }
  /** The names of `nodes`, one shared array until the node set changes (never mutate it). */
  get nodeNames() {
    void this.nodes;
    return this.names;
  }
  names = [];
  get(name) {
    const n2 = this.infos.get(name);
    return n2 && n2.node ? n2 : void 0;
  }
  havePodsWithAffinity() {
    if (!this.withAffinity) this.withAffinity = this.nodes.filter((n2) => n2.podsWithAffinity > 0);
    return this.withAffinity;
  }
  havePodsWithRequiredAntiAffinity() {
    if (!this.withAntiAffinity) this.withAntiAffinity = this.nodes.filter((n2) => n2.podsWithRequiredAntiAffinity > 0);
    return this.withAntiAffinity;
  }
  // Derived lists, dropped whenever a pod or node changes.
  withAffinity = null;
  withAntiAffinity = null;
  invalidate() {
    this.withAffinity = null;
    this.withAntiAffinity = null;
  }
  namespaceLabels(ns) {
    return this.api.get("Namespace", void 0, ns)?.metadata.labels;
  }
  list(kind, namespace) {
    return this.api.list(kind, namespace === void 0 ? {} : { namespace });
  }
  getObject(kind, namespace, name) {
    return this.api.get(kind, namespace, name);
  }
  /** The node a pod is counted on, if it is an assigned, non-terminal pod. */
  nodeOf(key) {
    return this.podNode.get(key);
  }
  setNode(node) {
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
    info.setNode(node);
    this.countImages(info, 1);
  }
  removeNode(name) {
    this.invalidate();
    const info = this.infos.get(name);
    if (!info) return;
    if (info.node) this.countImages(info, -1);
    this.sorted = null;
    if (info.pods.length) {
      info.node = void 0;
    } else {
      this.infos.delete(name);
    }
  }
  countImages(info, sign) {
    for (const img of info.images.keys()) {
      const n2 = (this.imageNodes.get(img) ?? 0) + sign;
      if (n2 <= 0) this.imageNodes.delete(img);
      else this.imageNodes.set(img, n2);
    }
  }
  /** Apply a pod's current state (added or updated). */
  setPod(pod, hint) {
    this.invalidate();
    const key = podKey(pod);
    const nodeName = pod.spec?.nodeName || void 0;
    const cur = this.podNode.get(key);
    if (!nodeName || isTerminal(pod)) {
      if (cur !== void 0) this.removePod(key);
      return;
    }
    if (cur !== void 0 && cur !== nodeName) this.removePod(key);
    let info = this.infos.get(nodeName);
    if (!info) {
      info = new NodeInfo(nodeName);
      this.infos.set(nodeName, info);
    }
    const prev = cur === nodeName ? info.getPod(key) : hint && hint.key === key ? hint : void 0;
    if (prev && samePodInfoInputs(prev.pod, pod)) {
      if (cur === nodeName) {
        info.replacePodObject(key, pod);
      } else {
        info.addPod({ ...prev, pod, labels: pod.metadata.labels ?? {} });
      }
    } else {
      info.addPod(newPodInfo(pod));
    }
    this.podNode.set(key, nodeName);
  }
  removePod(key) {
    this.invalidate();
    const nodeName = this.podNode.get(key);
    if (nodeName === void 0) return void 0;
    this.podNode.delete(key);
    const info = this.infos.get(nodeName);
    if (!info) return void 0;
    const p = info.removePod(key);
    if (!info.node && info.pods.length === 0) this.infos.delete(nodeName);
    return p;
  }
};

// src/engine/scheduler/framework/cycleState.ts
var CycleState = class _CycleState {
  data = /* @__PURE__ */ new Map();
  /** Plugins whose PreFilter/PreScore returned Skip. */
  skipFilter = /* @__PURE__ */ new Set();
  skipScore = /* @__PURE__ */ new Set();
  /** PreFilterResult.NodeNames by plugin: the only nodes worth filtering (NodeAffinity on metadata.name). */
  preFilterNodeNames = /* @__PURE__ */ new Map();
  read(key) {
    return this.data.get(key);
  }
  write(key, value) {
    this.data.set(key, value);
  }
  clone() {
    const c = new _CycleState();
    for (const [k, v] of this.data) c.data.set(k, v);
    for (const s of this.skipFilter) c.skipFilter.add(s);
    for (const s of this.skipScore) c.skipScore.add(s);
    for (const [k, v] of this.preFilterNodeNames) c.preFilterNodeNames.set(k, v);
    return c;
  }
};

// src/engine/scheduler/framework/interface.ts
function status2(code, ...reasons) {
  return { code, reasons };
}
var MAX_NODE_SCORE = 100;
function isPreFilter(p) {
  return typeof p.preFilter === "function";
}
function isFilter(p) {
  return typeof p.filter === "function";
}
function isPreScore(p) {
  return typeof p.preScore === "function";
}
function isScore(p) {
  return typeof p.score === "function";
}
function hasEnqueueExtensions(p) {
  return typeof p.isSchedulableAfter === "function";
}
function defaultNormalizeScore(maxPriority, reverse, scores) {
  let maxCount = 0;
  for (let i = 0; i < scores.length; i++) if (scores[i] > maxCount) maxCount = scores[i];
  if (maxCount === 0) {
    if (reverse) for (let i = 0; i < scores.length; i++) scores[i] = maxPriority;
    return;
  }
  for (let i = 0; i < scores.length; i++) {
    let s = Math.trunc(maxPriority * scores[i] / maxCount);
    if (reverse) s = maxPriority - s;
    scores[i] = s;
  }
}

// src/engine/scheduler/framework/runtime.ts
var ACTIVE_FILTERS = "framework/activeFilters";
var Framework = class {
  constructor(plugins, weights) {
    this.plugins = plugins;
    this.weights = weights;
    this.preFilters = plugins.filter(isPreFilter);
    this.filters = plugins.filter(isFilter);
    this.preScores = plugins.filter(isPreScore);
    this.scores = plugins.filter((p) => isScore(p) && (weights[p.name] ?? 0) > 0);
  }
  plugins;
  weights;
  preFilters;
  filters;
  preScores;
  scores;
  plugin(name) {
    return this.plugins.find((p) => p.name === name);
  }
  /** RunPreFilterPlugins: the first rejection wins. */
  runPreFilter(state, pod, snap) {
    for (const p of this.preFilters) {
      const s = p.preFilter(state, pod, snap);
      if (s && s.code !== "Success" && s.code !== "Skip") return { ...s, plugin: p.name };
    }
    return null;
  }
  /** RunFilterPlugins: null when every filter passes. */
  runFilter(state, pod, node, snap) {
    const active = state.read(ACTIVE_FILTERS) ?? this.activeFilters(state);
    for (let i = 0; i < active.length; i++) {
      const p = active[i];
      const s = p.filter(state, pod, node, snap);
      if (s !== null && s.code !== "Success") return { ...s, plugin: p.name };
    }
    return null;
  }
  /**
   * The filters not skipped by their PreFilter, worked out once per cycle. (Kept out of runFilter,
   * which runs once per node: a closure over its parameters would cost an allocation per call.)
   */
  activeFilters(state) {
    const active = this.filters.filter((p) => !state.skipFilter.has(p.name));
    state.write(ACTIVE_FILTERS, active);
    return active;
  }
  /**
   * RunFilterPluginsWithNominatedPods: pods nominated to this node with at least the pod's
   * priority count as if already there; if the pod fits with them it must also fit without.
   */
  runFilterWithNominated(state, pod, node, snap, nominated) {
    const add2 = nominated.length ? nominatedToAdd(pod, nominated) : nominated;
    if (add2.length) {
      const withNominated = node.clone();
      for (const n2 of add2) withNominated.addPod(n2);
      const s = this.runFilter(state, pod, withNominated, snap);
      if (s) return s;
    }
    return this.runFilter(state, pod, node, snap);
  }
  runPreScore(state, pod, nodes2, snap) {
    for (const p of this.preScores) {
      const s = p.preScore(state, pod, nodes2, snap);
      if (s && s.code === "Skip") state.skipScore.add(p.name);
    }
  }
  scoreBuf = new Float64Array(0);
  columns = /* @__PURE__ */ new Map();
  runScore(state, pod, nodes2, snap) {
    const n2 = nodes2.length;
    const active = [];
    let rows = 1;
    let mask = 0;
    for (let j = 0; j < this.scores.length; j++) {
      const p = this.scores[j];
      if (state.skipScore.has(p.name)) continue;
      active.push(p);
      mask |= 1 << j;
      rows += p.normalizeScore ? 2 : 1;
    }
    let plugins = this.columns.get(mask);
    if (!plugins) {
      plugins = active.map((p) => ({ plugin: p.name, weight: this.weights[p.name], shared: !p.normalizeScore }));
      this.columns.set(mask, plugins);
    }
    const len = rows * n2;
    if (this.scoreBuf.length < len || n2 !== this.viewN) {
      if (this.scoreBuf.length < len) this.scoreBuf = new Float64Array(Math.max(len, this.scoreBuf.length * 2));
      this.viewN = n2;
      this.rowViews = [];
      this.dataViews = [];
    }
    const data = this.dataViews[rows] ??= this.scoreBuf.subarray(0, len);
    const totals = this.row(rows - 1);
    totals.fill(0);
    let r = 0;
    for (const p of active) {
      const weight = this.weights[p.name];
      const raw = this.row(r++);
      for (let i = 0; i < n2; i++) raw[i] = p.score(state, pod, nodes2[i], snap);
      let normalized = raw;
      if (p.normalizeScore) {
        normalized = this.row(r++);
        normalized.set(raw);
        p.normalizeScore(state, pod, normalized, nodes2);
      }
      for (let i = 0; i < n2; i++) totals[i] += normalized[i] * weight;
    }
    return { plugins, data, totals };
  }
  // Views of scoreBuf for the current number of nodes scored, kept between cycles.
  viewN = -1;
  rowViews = [];
  dataViews = [];
  row(r) {
    return this.rowViews[r] ??= this.scoreBuf.subarray(r * this.viewN, (r + 1) * this.viewN);
  }
};
function nominatedToAdd(pod, nominated) {
  return nominated.filter((n2) => n2.key !== pod.key && n2.priority >= pod.priority);
}

// src/engine/scheduler/plugins/NodeUnschedulable.ts
var ERR_REASON_UNSCHEDULABLE = "node(s) were unschedulable";
var UNSCHEDULABLE_TAINT = { key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" };
var NodeUnschedulable = class {
  name = "NodeUnschedulable";
  filter(_s, pod, node) {
    if (!node.unschedulable) return null;
    if (taintToleratedBy(UNSCHEDULABLE_TAINT, pod.tolerations)) return null;
    return status2("UnschedulableAndUnresolvable", ERR_REASON_UNSCHEDULABLE);
  }
  isSchedulableAfter(_pod, ev) {
    if (ev.resource !== "Node" || ev.action === "Delete") return false;
    return !ev.obj?.spec?.unschedulable && (ev.action === "Add" || !!ev.old?.spec?.unschedulable);
  }
};

// src/engine/scheduler/plugins/NodeName.ts
var ERR_REASON_NODE_NAME = "node(s) didn't match the requested node name";
var NodeName = class {
  name = "NodeName";
  filter(_s, pod, node) {
    const want = pod.pod.spec?.nodeName;
    if (!want || want === node.name) return null;
    return status2("UnschedulableAndUnresolvable", ERR_REASON_NODE_NAME);
  }
  isSchedulableAfter(pod, ev) {
    return ev.resource === "Node" && ev.action === "Add" && ev.obj?.metadata.name === pod.pod.spec?.nodeName;
  }
};

// src/engine/scheduler/plugins/TaintToleration.ts
var PRE_SCORE_KEY = "PreScoreTaintToleration";
function untoleratedTaintReason(t) {
  return `node(s) had untolerated taint {${t.key}: ${t.value ?? ""}}`;
}
var scheduleEffects = (t) => t.effect === "NoSchedule" || t.effect === "NoExecute";
var TaintToleration = class {
  name = "TaintToleration";
  filter(_s, pod, node) {
    if (node.taints.length === 0) return null;
    const taint2 = findMatchingUntoleratedTaint(node.taints, pod.tolerations, scheduleEffects);
    return taint2 ? status2("UnschedulableAndUnresolvable", untoleratedTaintReason(taint2)) : null;
  }
  preScore(state, pod) {
    const tols = pod.tolerations.filter((t) => !t.effect || t.effect === "PreferNoSchedule");
    state.write(PRE_SCORE_KEY, tols);
    this.last = { state, tols };
    return null;
  }
  /** This cycle's PreScore result, kept at hand: Score runs once per node. */
  last;
  score(state, _pod, node) {
    if (node.taints.length === 0) return 0;
    const tols = this.last?.state === state ? this.last.tols : state.read(PRE_SCORE_KEY) ?? [];
    let n2 = 0;
    for (const taint2 of node.taints) if (taint2.effect === "PreferNoSchedule" && !taintToleratedBy(taint2, tols)) n2++;
    return n2;
  }
  normalizeScore(_s, _p, scores) {
    defaultNormalizeScore(MAX_NODE_SCORE, true, scores);
  }
  /** isSchedulableAfterNodeChange: only a node that went from untolerated to tolerated helps. */
  isSchedulableAfter(pod, ev) {
    if (ev.resource !== "Node" || !ev.obj) return false;
    const untolerated = (n2) => !!findMatchingUntoleratedTaint(n2?.spec?.taints ?? [], pod.tolerations, scheduleEffects);
    const was = ev.action === "Add" || !ev.old ? true : untolerated(ev.old);
    return was && !untolerated(ev.obj);
  }
};

// src/engine/scheduler/plugins/NodeAffinity.ts
var ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";
var ERR_REASON_CONFLICT = "pod affinity terms conflict";
function requiredTerms(pod) {
  return pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
}
function podMatchesNodeAffinity(pod, node) {
  const sel = pod.spec?.nodeSelector;
  if (sel) {
    const labels = node.metadata.labels ?? {};
    for (const k in sel) if (labels[k] !== sel[k]) return false;
  }
  const terms = requiredTerms(pod);
  if (terms !== void 0 && terms !== null) return nodeSelectorMatches(terms, node);
  return true;
}
var NodeAffinity = class {
  name = "NodeAffinity";
  preFilter(state, pod) {
    const terms = requiredTerms(pod.pod);
    if (!pod.pod.spec?.nodeSelector && !terms) {
      state.skipFilter.add(this.name);
      return null;
    }
    if (!terms) return null;
    let names;
    for (const t of terms) {
      let termNames;
      for (const r of t.matchFields ?? []) {
        if (r.key === "metadata.name" && r.operator === "In") {
          const s = new Set(r.values ?? []);
          termNames = termNames ? new Set([...termNames].filter((x) => s.has(x))) : s;
        }
      }
      if (!termNames) return null;
      names = /* @__PURE__ */ new Set([...names ?? [], ...termNames]);
    }
    if (names && names.size === 0) return status2("UnschedulableAndUnresolvable", ERR_REASON_CONFLICT);
    if (names) state.preFilterNodeNames.set(this.name, names);
    return null;
  }
  filter(_s, pod, node) {
    return podMatchesNodeAffinity(pod.pod, node.node) ? null : status2("UnschedulableAndUnresolvable", ERR_REASON_POD);
  }
  preScore(state, pod) {
    const pref = pod.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution;
    if (!pref || pref.length === 0) return status2("Skip");
    state.write("PreScoreNodeAffinity", pref);
    return null;
  }
  score(state, _pod, node) {
    const pref = state.read("PreScoreNodeAffinity") ?? [];
    let count = 0;
    for (const p of pref) if (p.weight !== 0 && nodeSelectorTermMatches(p.preference, node.node)) count += p.weight;
    return count;
  }
  normalizeScore(_s, _p, scores) {
    defaultNormalizeScore(MAX_NODE_SCORE, false, scores);
  }
  isSchedulableAfter(pod, ev) {
    if (ev.resource !== "Node" || !ev.obj) return false;
    const now = podMatchesNodeAffinity(pod.pod, ev.obj);
    if (ev.action === "Add") return now;
    return now && !(ev.old && podMatchesNodeAffinity(pod.pod, ev.old));
  }
};

// src/engine/scheduler/plugins/NodePorts.ts
var ERR_REASON_PORTS = "node(s) didn't have free ports for the requested pod ports";
var NodePorts = class {
  name = "NodePorts";
  preFilter(state, pod) {
    if (pod.hostPorts.length === 0) state.skipFilter.add(this.name);
    return null;
  }
  filter(_s, pod, node) {
    if (node.usedPorts.size === 0) return null;
    for (const want of pod.hostPorts) {
      for (const used of node.usedPorts.keys()) {
        const [ip, proto, port] = used.split("/");
        if (proto !== want.protocol || Number(port) !== want.port) continue;
        if (ip === want.ip || ip === "0.0.0.0" || want.ip === "0.0.0.0") return status2("Unschedulable", ERR_REASON_PORTS);
      }
    }
    return null;
  }
  isSchedulableAfter(pod, ev) {
    if (ev.resource === "Node") return ev.action === "Add";
    if (ev.resource !== "AssignedPod" || ev.action !== "Delete" || !ev.obj) return false;
    for (const c of ev.obj.spec?.containers ?? []) {
      for (const p of c.ports ?? []) if (p.hostPort && pod.hostPorts.some((h) => h.port === p.hostPort)) return true;
    }
    return false;
  }
};

// src/engine/scheduler/plugins/resourceAllocation.ts
var DEFAULT_RESOURCES = [
  { name: "cpu", weight: 1 },
  { name: "memory", weight: 1 }
];
function pick(r, name) {
  if (name === "cpu") return r.milliCPU;
  if (name === "memory") return r.memory;
  if (name === "ephemeral-storage") return r.ephemeralStorage;
  return r.scalar[name] ?? 0;
}
function podInfoRequestList(pi, resources2, useRequested) {
  return resources2.map((res) => {
    if (!useRequested && res.name === "cpu") return pi.nonZeroCPU;
    if (!useRequested && res.name === "memory") return pi.nonZeroMemory;
    return pick(pi.requests, res.name);
  });
}
var out = new Float64Array(2);
var ALLOC = 0;
var REQ = 1;
function allocatableRequest(node, name, podRequest, useRequested) {
  out[ALLOC] = 0;
  out[REQ] = 0;
  if (podRequest === 0 && isScalarResourceName(name)) return;
  switch (name) {
    case "cpu":
      out[ALLOC] = node.allocatable.milliCPU;
      out[REQ] = (useRequested ? node.requested.milliCPU : node.nonZeroCPU) + podRequest;
      return;
    case "memory":
      out[ALLOC] = node.allocatable.memory;
      out[REQ] = (useRequested ? node.requested.memory : node.nonZeroMemory) + podRequest;
      return;
    case "ephemeral-storage":
      out[ALLOC] = node.allocatable.ephemeralStorage;
      out[REQ] = node.requested.ephemeralStorage + podRequest;
      return;
    default:
      if (name in node.allocatable.scalar) {
        out[ALLOC] = node.allocatable.scalar[name];
        out[REQ] = (node.requested.scalar[name] ?? 0) + podRequest;
      }
  }
}
function leastRequestedScore(requested, capacity) {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc((capacity - requested) * MAX_NODE_SCORE / capacity);
}
function leastAllocatedScore(node, podReqs, resources2) {
  if (resources2.length === 0) throw new Error("resources not found");
  let nodeScore = 0;
  let weightSum = 0;
  for (let i = 0; i < resources2.length; i++) {
    const res = resources2[i];
    allocatableRequest(node, res.name, podReqs[i], false);
    if (out[ALLOC] === 0) continue;
    nodeScore += leastRequestedScore(out[REQ], out[ALLOC]) * res.weight;
    weightSum += res.weight;
  }
  return weightSum === 0 ? 0 : Math.trunc(nodeScore / weightSum);
}
var fracWith = new Float64Array(8);
var fracWithout = new Float64Array(8);
function balance(fractions, n2) {
  let std = 0;
  if (n2 === 2) {
    std = Math.abs((fractions[0] - fractions[1]) / 2);
  } else if (n2 > 2) {
    let total = 0;
    for (let i = 0; i < n2; i++) total += fractions[i];
    const mean = total / n2;
    let sum2 = 0;
    for (let i = 0; i < n2; i++) sum2 = sum2 + (fractions[i] - mean) * (fractions[i] - mean);
    std = Math.sqrt(sum2 / n2);
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}
function balancedAllocationScore(node, podReqs, resources2) {
  if (resources2.length === 0) throw new Error("resources not found");
  if (resources2.length > fracWith.length) {
    fracWith = new Float64Array(resources2.length);
    fracWithout = new Float64Array(resources2.length);
  }
  let n2 = 0;
  for (let i = 0; i < resources2.length; i++) {
    allocatableRequest(node, resources2[i].name, podReqs[i], true);
    if (out[ALLOC] === 0) continue;
    fracWith[n2] = Math.min(1, out[REQ] / out[ALLOC]);
    fracWithout[n2] = Math.min(1, (out[REQ] - podReqs[i]) / out[ALLOC]);
    n2++;
  }
  return 50 + Math.trunc((50 + balance(fracWith, n2) - balance(fracWithout, n2)) / 2);
}

// src/engine/scheduler/plugins/NodeResourcesFit.ts
var PRE_SCORE_KEY2 = "PreScoreNodeResourcesFit";
function insufficientResources(pod, node) {
  const out2 = [];
  if (node.pods.length + 1 > node.allowedPodNumber) out2.push({ resourceName: "pods", reason: "Too many pods", unresolvable: false });
  const r = pod.requests;
  const a = node.allocatable;
  const u = node.requested;
  if (r.milliCPU > 0 && r.milliCPU > a.milliCPU - u.milliCPU) {
    out2.push({ resourceName: "cpu", reason: "Insufficient cpu", unresolvable: r.milliCPU > a.milliCPU });
  }
  if (r.memory > 0 && r.memory > a.memory - u.memory) {
    out2.push({ resourceName: "memory", reason: "Insufficient memory", unresolvable: r.memory > a.memory });
  }
  if (r.ephemeralStorage > 0 && r.ephemeralStorage > a.ephemeralStorage - u.ephemeralStorage) {
    out2.push({ resourceName: "ephemeral-storage", reason: "Insufficient ephemeral-storage", unresolvable: r.ephemeralStorage > a.ephemeralStorage });
  }
  for (const name in r.scalar) {
    const q3 = r.scalar[name];
    if (q3 === 0) continue;
    const alloc = a.scalar[name] ?? 0;
    if (q3 > alloc - (u.scalar[name] ?? 0)) out2.push({ resourceName: name, reason: `Insufficient ${name}`, unresolvable: q3 > alloc });
  }
  return out2;
}
function hasScalar(o) {
  for (const _ in o) return true;
  return false;
}
var NodeResourcesFit = class {
  constructor(resources2 = DEFAULT_RESOURCES) {
    this.resources = resources2;
  }
  resources;
  name = "NodeResourcesFit";
  filter(_s, pod, node) {
    const r = pod.requests;
    const a = node.allocatable;
    const u = node.requested;
    if (node.pods.length + 1 <= node.allowedPodNumber && r.milliCPU <= a.milliCPU - u.milliCPU && r.memory <= a.memory - u.memory && r.ephemeralStorage <= a.ephemeralStorage - u.ephemeralStorage && !hasScalar(r.scalar)) {
      return null;
    }
    const ins = insufficientResources(pod, node);
    if (ins.length === 0) return null;
    const code = ins.some((i) => i.unresolvable) ? "UnschedulableAndUnresolvable" : "Unschedulable";
    return status2(code, ...ins.map((i) => i.reason));
  }
  preScore(state, pod) {
    const reqs = podInfoRequestList(pod, this.resources, false);
    state.write(PRE_SCORE_KEY2, reqs);
    this.last = { state, reqs };
    return null;
  }
  /** This cycle's PreScore result, kept at hand: Score runs once per node. */
  last;
  score(state, pod, node) {
    const reqs = this.last?.state === state ? this.last.reqs : state.read(PRE_SCORE_KEY2) ?? podInfoRequestList(pod, this.resources, false);
    return leastAllocatedScore(node, reqs, this.resources);
  }
  isSchedulableAfter(pod, ev) {
    if (ev.resource === "AssignedPod") {
      if (ev.action !== "Delete" && ev.action !== "Update") return false;
      if (ev.action === "Delete") return true;
      const before = podRequests2(ev.old?.spec);
      const after = podRequests2(ev.obj?.spec);
      return after.milliCPU < before.milliCPU || after.memory < before.memory;
    }
    if (ev.resource !== "Node" || !ev.obj) return false;
    const { res, pods: pods2 } = allocatableOf(ev.obj);
    const fits3 = pods2 >= 1 && pod.requests.milliCPU <= res.milliCPU && pod.requests.memory <= res.memory && pod.requests.ephemeralStorage <= res.ephemeralStorage;
    if (!fits3) return false;
    if (ev.action === "Add") return true;
    const old = ev.old ? allocatableOf(ev.old) : void 0;
    return !old || pods2 > old.pods || res.milliCPU > old.res.milliCPU || res.memory > old.res.memory || res.ephemeralStorage > old.res.ephemeralStorage;
  }
};

// src/engine/scheduler/plugins/spreadSelector.ts
var NOTHING2 = { key: "<nothing>", empty: true, matches: () => false };
function constraintSelector(labelSelector2, matchLabelKeys, podLabels) {
  const base = compileSelector(labelSelector2);
  if (!base) return NOTHING2;
  const extra = [];
  for (const k of matchLabelKeys ?? []) if (k in podLabels) extra.push([k, podLabels[k]]);
  return {
    key: intern(JSON.stringify([labelSelector2, extra])),
    empty: base.empty() && extra.length === 0,
    matches: (l) => {
      if (!base.matches(l)) return false;
      for (let i = 0; i < extra.length; i++) if (l[extra[i][0]] !== extra[i][1]) return false;
      return true;
    }
  };
}
function defaultSelector(pod, snap) {
  const ns = pod.metadata.namespace ?? "default";
  const podLabels = pod.metadata.labels ?? {};
  const set2 = {};
  for (const svc of snap.list("Service", ns)) {
    const sel = svc.spec?.selector;
    if (!sel || Object.keys(sel).length === 0) continue;
    if (Object.entries(sel).every(([k, v]) => podLabels[k] === v)) Object.assign(set2, sel);
  }
  let owner = null;
  let ownerJSON = "null";
  const ref = controllerRef(pod);
  if (ref && (ref.kind === "ReplicaSet" && ref.apiVersion === "apps/v1" || ref.kind === "StatefulSet" && ref.apiVersion === "apps/v1")) {
    const o = snap.getObject(ref.kind, ns, ref.name);
    if (o?.spec?.selector) {
      let c = ownerSelectors.get(o);
      if (!c) {
        c = { selector: compileSelector(o.spec.selector), json: JSON.stringify(o.spec.selector) };
        ownerSelectors.set(o, c);
      }
      owner = c.selector;
      ownerJSON = c.json;
    }
  }
  const keys = Object.keys(set2);
  const values = keys.map((k) => set2[k]);
  const empty = keys.length === 0 && (!owner || owner.empty());
  return {
    key: intern(`[${keys.length ? JSON.stringify(set2) : "{}"},${ownerJSON}]`),
    empty,
    // Runs for every pod on a node whose count is not memoised: kept free of allocations.
    matches: (l) => {
      for (let i = 0; i < keys.length; i++) if (l[keys[i]] !== values[i]) return false;
      return !owner || owner.matches(l);
    }
  };
}
var ownerSelectors = /* @__PURE__ */ new WeakMap();
var interned = /* @__PURE__ */ new Map();
function intern(key) {
  let k = interned.get(key);
  if (k === void 0) {
    if (interned.size > 1e4) interned.clear();
    interned.set(key, key);
    k = key;
  }
  return k;
}
function countPodsMatchSelector(node, sel, ns) {
  if (sel.empty) return 0;
  const memo = node.spreadCount;
  if (memo.key === sel.key && memo.generation === node.generation && memo.ns === ns) return memo.count;
  let n2 = 0;
  for (const p of node.pods) {
    if (p.pod.metadata.deletionTimestamp || p.namespace !== ns) continue;
    if (sel.matches(p.labels)) n2++;
  }
  memo.key = sel.key;
  memo.generation = node.generation;
  memo.ns = ns;
  memo.count = n2;
  return n2;
}

// src/engine/scheduler/plugins/PodTopologySpread.ts
var ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
var ERR_REASON_NODE_LABEL_NOT_MATCH = ERR_REASON_CONSTRAINTS_NOT_MATCH + " (missing required label)";
var HOSTNAME = "kubernetes.io/hostname";
var ZONE = "topology.kubernetes.io/zone";
function filterConstraints(pod, action) {
  const out2 = [];
  for (const c of pod.spec?.topologySpreadConstraints ?? []) {
    if (c.whenUnsatisfiable !== action) continue;
    out2.push({
      maxSkew: c.maxSkew,
      topologyKey: c.topologyKey,
      selector: constraintSelector(c.labelSelector, c.matchLabelKeys, pod.metadata.labels ?? {}),
      minDomains: c.minDomains ?? 1,
      nodeAffinityPolicy: c.nodeAffinityPolicy ?? "Honor",
      nodeTaintsPolicy: c.nodeTaintsPolicy ?? "Ignore"
    });
  }
  return out2;
}
function defaultConstraints(pod, snap) {
  const sel = defaultSelector(pod, snap);
  if (sel.empty) return [];
  const mk = (topologyKey, maxSkew) => ({ maxSkew, topologyKey, selector: sel, minDomains: 1, nodeAffinityPolicy: "Honor", nodeTaintsPolicy: "Ignore" });
  return [mk(HOSTNAME, 3), mk(ZONE, 5)];
}
function matchNodeInclusionPolicies(c, pod, node) {
  if (c.nodeAffinityPolicy === "Honor" && !podMatchesNodeAffinity(pod.pod, node.node)) return false;
  if (c.nodeTaintsPolicy === "Honor" && findMatchingUntoleratedTaint(node.taints, pod.tolerations, (t) => t.effect === "NoSchedule" || t.effect === "NoExecute")) return false;
  return true;
}
function inclusionMayExclude(c, pod) {
  if (c.nodeTaintsPolicy === "Honor") return true;
  const spec = pod.pod.spec;
  return c.nodeAffinityPolicy === "Honor" && !!(spec?.nodeSelector || spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution);
}
function hasAllKeys(labels, cs) {
  for (const c of cs) if (!(c.topologyKey in labels)) return false;
  return true;
}
var PodTopologySpread = class {
  name = "PodTopologySpread";
  preFilter(state, pod, snap) {
    const constraints = filterConstraints(pod.pod, "DoNotSchedule");
    if (constraints.length === 0) {
      state.skipFilter.add(this.name);
      return null;
    }
    const counts = constraints.map(() => /* @__PURE__ */ new Map());
    for (const node of snap.nodes) {
      if (!hasAllKeys(node.labels, constraints)) continue;
      constraints.forEach((c, i) => {
        if (!matchNodeInclusionPolicies(c, pod, node)) return;
        const v = node.labels[c.topologyKey];
        counts[i].set(v, (counts[i].get(v) ?? 0) + countPodsMatchSelector(node, c.selector, pod.namespace));
      });
    }
    state.write("PreFilterPodTopologySpread", { constraints, tpValueToMatchNum: counts });
    return null;
  }
  filter(state, pod, node) {
    const s = state.read("PreFilterPodTopologySpread");
    if (!s) return null;
    for (let i = 0; i < s.constraints.length; i++) {
      const c = s.constraints[i];
      const tpVal = node.labels[c.topologyKey];
      if (tpVal === void 0) return status2("UnschedulableAndUnresolvable", ERR_REASON_NODE_LABEL_NOT_MATCH);
      const domains = s.tpValueToMatchNum[i];
      let min = 2147483647;
      for (const v of domains.values()) if (v < min) min = v;
      if (domains.size < c.minDomains) min = 0;
      const self = c.selector.matches(pod.labels) ? 1 : 0;
      const skew = (domains.get(tpVal) ?? 0) + self - min;
      if (skew > c.maxSkew) return status2("Unschedulable", ERR_REASON_CONSTRAINTS_NOT_MATCH);
    }
    return null;
  }
  preScore(state, pod, filtered, snap) {
    if (filtered.length === 0 || snap.nodes.length === 0) return status2("Skip");
    const explicit = (pod.pod.spec?.topologySpreadConstraints ?? []).length > 0;
    const constraints = explicit ? filterConstraints(pod.pod, "ScheduleAnyway") : defaultConstraints(pod.pod, snap);
    if (constraints.length === 0) return status2("Skip");
    const requireAll = explicit;
    const ignored = /* @__PURE__ */ new Set();
    const counts = constraints.map(() => /* @__PURE__ */ new Map());
    const topoSize = constraints.map(() => 0);
    for (const n2 of filtered) {
      if (requireAll && !hasAllKeys(n2.labels, constraints)) {
        ignored.add(n2.name);
        continue;
      }
      for (let i = 0; i < constraints.length; i++) {
        const c = constraints[i];
        if (c.topologyKey === HOSTNAME) continue;
        const v = n2.labels[c.topologyKey];
        if (!counts[i].has(v)) {
          counts[i].set(v, 0);
          topoSize[i]++;
        }
      }
    }
    const weights = constraints.map((c, i) => Math.log((c.topologyKey === HOSTNAME ? filtered.length - ignored.size : topoSize[i]) + 2));
    const domainIndex = counts.map((m) => {
      const idx = /* @__PURE__ */ new Map();
      for (const k of m.keys()) idx.set(k, idx.size);
      return idx;
    });
    const sums = counts.map((m) => new Array(m.size).fill(0));
    const mayExclude = constraints.map((c) => inclusionMayExclude(c, pod));
    const nodes2 = snap.nodes;
    for (let j = 0; j < nodes2.length; j++) {
      const node = nodes2[j];
      if (requireAll && !hasAllKeys(node.labels, constraints)) continue;
      for (let i = 0; i < constraints.length; i++) {
        const c = constraints[i];
        if (c.topologyKey === HOSTNAME) continue;
        const d = domainIndex[i].get(node.labels[c.topologyKey]);
        if (d === void 0 || mayExclude[i] && !matchNodeInclusionPolicies(c, pod, node)) continue;
        sums[i][d] += countPodsMatchSelector(node, c.selector, pod.namespace);
      }
    }
    for (let i = 0; i < constraints.length; i++) {
      let d = 0;
      for (const k of counts[i].keys()) counts[i].set(k, sums[i][d++]);
    }
    const value = { constraints, ignored, tpValueToPodCounts: counts, weights };
    state.write("PreScorePodTopologySpread", value);
    this.last = { state, value };
    return null;
  }
  /** This cycle's PreScore result, kept at hand: Score runs once per node. */
  last;
  score(state, pod, node) {
    const s = this.last?.state === state ? this.last.value : state.read("PreScorePodTopologySpread");
    if (s.ignored.size && s.ignored.has(node.name)) return 0;
    let score = 0;
    for (let i = 0; i < s.constraints.length; i++) {
      const c = s.constraints[i];
      const v = node.labels[c.topologyKey];
      if (v === void 0) continue;
      const cnt = c.topologyKey === HOSTNAME ? countPodsMatchSelector(node, c.selector, pod.namespace) : s.tpValueToPodCounts[i].get(v) ?? 0;
      score += cnt * s.weights[i] + (c.maxSkew - 1);
    }
    return goRound2(score);
  }
  normalizeScore(state, _p, scores, nodes2) {
    const s = state.read("PreScorePodTopologySpread");
    if (!s) return;
    let min = Number.MAX_SAFE_INTEGER;
    let max = 0;
    const someIgnored = s.ignored.size > 0;
    for (let i = 0; i < nodes2.length; i++) {
      if (someIgnored && s.ignored.has(nodes2[i].name)) continue;
      if (scores[i] < min) min = scores[i];
      if (scores[i] > max) max = scores[i];
    }
    for (let i = 0; i < nodes2.length; i++) {
      if (someIgnored && s.ignored.has(nodes2[i].name)) scores[i] = 0;
      else if (max === 0) scores[i] = MAX_NODE_SCORE;
      else scores[i] = Math.trunc(MAX_NODE_SCORE * (max + min - scores[i]) / max);
    }
  }
  isSchedulableAfter(pod, ev) {
    const cs = filterConstraints(pod.pod, "DoNotSchedule");
    if (ev.resource === "AssignedPod") {
      const objs = [ev.old, ev.obj].filter((o) => !!o);
      return objs.some((o) => (o.metadata.namespace ?? "default") === pod.namespace && cs.some((c) => c.selector.matches(o.metadata.labels ?? {})));
    }
    if (ev.resource === "Node" && ev.obj) return hasAllKeys(ev.obj.metadata.labels ?? {}, cs);
    return false;
  }
};
function goRound2(x) {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

// src/engine/scheduler/plugins/InterPodAffinity.ts
var ERR_REASON_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";
var ERR_REASON_AFFINITY = "node(s) didn't match pod affinity rules";
var ERR_REASON_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";
var HARD_POD_AFFINITY_WEIGHT = 1;
function bump(m, node, key, by) {
  const v = node.labels[key];
  if (v === void 0) return;
  const k = `${key}\0${v}`;
  m.set(k, (m.get(k) ?? 0) + by);
}
function matchesAll(terms, pod, ns) {
  if (terms.length === 0) return false;
  for (const t of terms) if (!affinityTermMatches(t, pod, ns)) return false;
  return true;
}
var InterPodAffinity = class {
  name = "InterPodAffinity";
  preFilter(state, pod, snap) {
    const withAnti = snap.havePodsWithRequiredAntiAffinity();
    if (pod.requiredAffinity.length === 0 && pod.requiredAntiAffinity.length === 0 && withAnti.length === 0) {
      state.skipFilter.add(this.name);
      return null;
    }
    const podNsLabels = snap.namespaceLabels(pod.namespace);
    const existingAntiAffinityCounts = /* @__PURE__ */ new Map();
    for (const node of withAnti) {
      for (const ex of node.pods) {
        for (const t of ex.requiredAntiAffinity) if (affinityTermMatches(t, pod, podNsLabels)) bump(existingAntiAffinityCounts, node, t.topologyKey, 1);
      }
    }
    const affinityCounts = /* @__PURE__ */ new Map();
    const antiAffinityCounts = /* @__PURE__ */ new Map();
    if (pod.requiredAffinity.length || pod.requiredAntiAffinity.length) {
      for (const node of snap.nodes) {
        for (const ex of node.pods) {
          const ns = snap.namespaceLabels(ex.namespace);
          if (matchesAll(pod.requiredAffinity, ex, ns)) for (const t of pod.requiredAffinity) bump(affinityCounts, node, t.topologyKey, 1);
          for (const t of pod.requiredAntiAffinity) if (affinityTermMatches(t, ex, ns)) bump(antiAffinityCounts, node, t.topologyKey, 1);
        }
      }
    }
    state.write("PreFilterInterPodAffinity", { existingAntiAffinityCounts, affinityCounts, antiAffinityCounts });
    return null;
  }
  filter(state, pod, node, snap) {
    const s = state.read("PreFilterInterPodAffinity");
    if (!s) return null;
    if (!this.satisfyPodAffinity(s, pod, node, snap)) return status2("UnschedulableAndUnresolvable", ERR_REASON_AFFINITY);
    for (const t of pod.requiredAntiAffinity) {
      const v = node.labels[t.topologyKey];
      if (v !== void 0 && (s.antiAffinityCounts.get(`${t.topologyKey}\0${v}`) ?? 0) > 0) return status2("Unschedulable", ERR_REASON_ANTI_AFFINITY);
    }
    for (const [k, n2] of s.existingAntiAffinityCounts) {
      if (n2 <= 0) continue;
      const i = k.indexOf("\0");
      if (node.labels[k.slice(0, i)] === k.slice(i + 1)) return status2("Unschedulable", ERR_REASON_EXISTING_ANTI_AFFINITY);
    }
    return null;
  }
  satisfyPodAffinity(s, pod, node, snap) {
    let podsExist = true;
    for (const t of pod.requiredAffinity) {
      const v = node.labels[t.topologyKey];
      if (v === void 0) return false;
      if ((s.affinityCounts.get(`${t.topologyKey}\0${v}`) ?? 0) <= 0) podsExist = false;
    }
    if (podsExist) return true;
    return s.affinityCounts.size === 0 && matchesAll(pod.requiredAffinity, pod, snap.namespaceLabels(pod.namespace));
  }
  preScore(state, pod, _filtered, snap) {
    const hasConstraints = pod.preferredAffinity.length > 0 || pod.preferredAntiAffinity.length > 0;
    const nodes2 = hasConstraints ? snap.nodes : snap.havePodsWithAffinity();
    if (!hasConstraints && nodes2.length === 0) return status2("Skip");
    const podNsLabels = snap.namespaceLabels(pod.namespace);
    const topoScore = /* @__PURE__ */ new Map();
    const terms = (ts, target, ns, node, mult) => {
      for (const t of ts) if (affinityTermMatches(t, target, ns)) bump(topoScore, node, t.topologyKey, t.weight * mult);
    };
    for (const node of nodes2) {
      if (Object.keys(node.labels).length === 0) continue;
      for (const ex of node.pods) {
        if (!hasConstraints && ex.requiredAffinity.length + ex.preferredAffinity.length + ex.preferredAntiAffinity.length + ex.requiredAntiAffinity.length === 0) continue;
        const exNs = snap.namespaceLabels(ex.namespace);
        terms(pod.preferredAffinity, ex, exNs, node, 1);
        terms(pod.preferredAntiAffinity, ex, exNs, node, -1);
        for (const t of ex.requiredAffinity) if (affinityTermMatches(t, pod, podNsLabels)) bump(topoScore, node, t.topologyKey, HARD_POD_AFFINITY_WEIGHT);
        terms(ex.preferredAffinity, pod, podNsLabels, node, 1);
        terms(ex.preferredAntiAffinity, pod, podNsLabels, node, -1);
      }
    }
    state.write("PreScoreInterPodAffinity", topoScore);
    return null;
  }
  score(state, _pod, node) {
    const topo = state.read("PreScoreInterPodAffinity");
    if (!topo || topo.size === 0) return 0;
    let score = 0;
    for (const [k, n2] of topo) {
      const i = k.indexOf("\0");
      if (node.labels[k.slice(0, i)] === k.slice(i + 1)) score += n2;
    }
    return score;
  }
  normalizeScore(state, _p, scores) {
    const topo = state.read("PreScoreInterPodAffinity");
    if (!topo || topo.size === 0) return;
    let min = Number.MAX_SAFE_INTEGER;
    let max = Number.MIN_SAFE_INTEGER;
    for (let i = 0; i < scores.length; i++) {
      if (scores[i] > max) max = scores[i];
      if (scores[i] < min) min = scores[i];
    }
    const diff = max - min;
    for (let i = 0; i < scores.length; i++) scores[i] = diff > 0 ? Math.trunc(MAX_NODE_SCORE * ((scores[i] - min) / diff)) : 0;
  }
  isSchedulableAfter(pod, ev) {
    if (ev.resource === "Node") return true;
    if (ev.resource !== "AssignedPod") return false;
    const objs = [ev.old, ev.obj].filter((o) => !!o).map((o) => newPodInfo(o));
    for (const o of objs) {
      if (ev.action !== "Delete" && pod.requiredAffinity.some((t) => affinityTermMatches(t, o, void 0))) return true;
      if (ev.action !== "Add" && pod.requiredAntiAffinity.some((t) => affinityTermMatches(t, o, void 0))) return true;
      if (ev.action !== "Add" && o.requiredAntiAffinity.some((t) => affinityTermMatches(t, pod, void 0))) return true;
    }
    return false;
  }
};

// src/engine/scheduler/plugins/NodeResourcesBalancedAllocation.ts
var PRE_SCORE_KEY3 = "PreScoreNodeResourcesBalancedAllocation";
var NodeResourcesBalancedAllocation = class {
  constructor(resources2 = DEFAULT_RESOURCES) {
    this.resources = resources2;
  }
  resources;
  name = "NodeResourcesBalancedAllocation";
  preScore(state, pod) {
    const reqs = podInfoRequestList(pod, this.resources, true);
    if (reqs.every((r) => r === 0)) return status2("Skip");
    state.write(PRE_SCORE_KEY3, reqs);
    this.last = { state, reqs };
    return null;
  }
  /** This cycle's PreScore result, kept at hand: Score runs once per node. */
  last;
  score(state, pod, node) {
    const reqs = this.last?.state === state ? this.last.reqs : state.read(PRE_SCORE_KEY3) ?? podInfoRequestList(pod, this.resources, true);
    return balancedAllocationScore(node, reqs, this.resources);
  }
};

// src/engine/scheduler/plugins/ImageLocality.ts
var MB = 1024 * 1024;
var MIN_THRESHOLD = 23 * MB;
var MAX_CONTAINER_THRESHOLD = 1e3 * MB;
var ImageLocality = class {
  constructor(spread) {
    this.spread = spread;
  }
  spread;
  name = "ImageLocality";
  preScore(state, pod) {
    const spec = pod.pod.spec ?? {};
    const containers = [...spec.initContainers ?? [], ...spec.containers ?? []];
    const value = {
      images: containers.filter((c) => c.image).map((c) => normalizedImageName(c.image)),
      numContainers: containers.length,
      ...this.spread()
    };
    state.write("PreScoreImageLocality", value);
    this.last = { state, value };
    return null;
  }
  /** This cycle's PreScore result, kept at hand: Score runs once per node. */
  last;
  score(state, _pod, node) {
    const s = this.last?.state === state ? this.last.value : state.read("PreScoreImageLocality");
    let sum2 = 0;
    if (node.images.size > 0) {
      for (const name of s.images) {
        const size = node.images.get(name);
        if (size === void 0) continue;
        sum2 += Math.trunc(size * (s.imageNodes.get(name) ?? 0) / s.totalNodes);
      }
    }
    const maxThreshold = MAX_CONTAINER_THRESHOLD * s.numContainers;
    if (sum2 < MIN_THRESHOLD) sum2 = MIN_THRESHOLD;
    else if (sum2 > maxThreshold) sum2 = maxThreshold;
    if (maxThreshold === MIN_THRESHOLD) return 0;
    return Math.trunc(MAX_NODE_SCORE * (sum2 - MIN_THRESHOLD) / (maxThreshold - MIN_THRESHOLD));
  }
};

// src/engine/scheduler/framework/profile.ts
var DEFAULT_SCORE_WEIGHTS = {
  TaintToleration: 3,
  NodeAffinity: 2,
  NodeResourcesFit: 1,
  PodTopologySpread: 2,
  InterPodAffinity: 2,
  NodeResourcesBalancedAllocation: 1,
  ImageLocality: 1
};
function defaultFramework(cache3) {
  const plugins = [
    new NodeUnschedulable(),
    new NodeName(),
    new TaintToleration(),
    new NodeAffinity(),
    new NodePorts(),
    new NodeResourcesFit(),
    new PodTopologySpread(),
    new InterPodAffinity(),
    new NodeResourcesBalancedAllocation(),
    new ImageLocality(() => ({ imageNodes: cache3.imageNodes, totalNodes: cache3.nodes.length }))
  ];
  return new Framework(plugins, DEFAULT_SCORE_WEIGHTS);
}

// src/engine/scheduler/framework/fitError.ts
var NO_NODE_AVAILABLE_MSG = (n2) => `0/${n2} nodes are available`;
function fitErrorMessage(numAllNodes, d) {
  let msg = `${NO_NODE_AVAILABLE_MSG(numAllNodes)}:`;
  if (d.preFilterMsg) {
    msg += ` ${d.preFilterMsg}.`;
  } else {
    const reasons = /* @__PURE__ */ new Map();
    for (const s of d.nodeToStatus.values()) for (const r of s.reasons) reasons.set(r, (reasons.get(r) ?? 0) + 1);
    const absent = numAllNodes - d.nodeToStatus.size;
    if (absent > 0 && d.absentNodesStatus) for (const r of d.absentNodesStatus.reasons) reasons.set(r, (reasons.get(r) ?? 0) + absent);
    const hist = [...reasons].map(([r, n2]) => `${n2} ${r}`).sort(goStringLess);
    if (hist.length) msg += ` ${hist.join(", ")}.`;
  }
  if (d.postFilterMsg) msg += ` ${d.postFilterMsg}`;
  return msg;
}
function goStringLess(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/engine/scheduler/queue.ts
var POD_INITIAL_BACKOFF_MS = 1e3;
var POD_MAX_BACKOFF_MS = 1e4;
var POD_MAX_IN_UNSCHEDULABLE_PODS_DURATION_MS = 5 * 6e4;
var BACKOFF_FLUSH_PERIOD_MS = 1e3;
var UNSCHEDULABLE_FLUSH_PERIOD_MS = 3e4;
function less(a, b) {
  if (a.priority !== b.priority) return a.priority > b.priority;
  if (a.timestamp !== b.timestamp) return a.timestamp < b.timestamp;
  return a.seq < b.seq;
}
var SchedulingQueue = class {
  pods = {};
  seq = 0;
  /** activeQ as a heap; entries removed from `pods` stay until popped (lazy deletion). */
  heap = [];
  activeCount = 0;
  /** Members of the waiting queues (derived; rebuilt on load). */
  waiting = { backoff: /* @__PURE__ */ new Set(), unschedulable: /* @__PURE__ */ new Set(), gated: /* @__PURE__ */ new Set() };
  setQueue(p, q3) {
    if (p.queue !== "active") this.waiting[p.queue].delete(p.key);
    if (q3 !== "backoff") delete p.errorBackoff;
    p.queue = q3;
    if (q3 === "active") this.push(p);
    else this.waiting[q3].add(p.key);
  }
  get(key) {
    return this.pods[key];
  }
  size(queue) {
    if (!queue) return Object.keys(this.pods).length;
    return queue === "active" ? this.activeCount : this.waiting[queue].size;
  }
  hasActive() {
    return this.activeCount > 0;
  }
  /** Whether pop() would return a pod: activeQ, or (SchedulerPopFromBackoffQ) a backing-off pod. */
  hasWork() {
    if (this.activeCount > 0) return true;
    for (const k of this.waiting.backoff) if (!this.pods[k].errorBackoff) return true;
    return false;
  }
  keys(queue) {
    if (queue === "active") return this.heap.filter((p) => this.pods[p.key] === p).sort((a, b) => less(a, b) ? -1 : 1).map((p) => p.key);
    return this.sorted(queue).map((p) => p.key);
  }
  /** Add a pod that was not queued (new pending pod). Gated pods wait outside activeQ. */
  add(key, uid, priority, now, gated) {
    const cur = this.pods[key];
    if (cur && cur.uid === uid) return;
    if (cur) this.remove(key);
    const p = { key, uid, priority, timestamp: now, seq: this.seq++, attempts: 0, unschedulablePlugins: [], queue: gated ? "gated" : "active" };
    this.pods[key] = p;
    if (gated) this.waiting.gated.add(key);
    else this.push(p);
  }
  remove(key) {
    const p = this.pods[key];
    if (!p) return;
    delete this.pods[key];
    if (p.queue !== "active") this.waiting[p.queue].delete(key);
    else this.activeCount--;
  }
  /**
   * The highest-priority pod in activeQ, taken out of the queues until it is re-added. When
   * activeQ is empty, the backoffQ pod whose back-off ends first is taken instead
   * (SchedulerPopFromBackoffQ, beta and on since v1.33; not pods backing off after an error).
   */
  pop(now) {
    const p = this.popHeap() ?? this.popBackoff();
    if (!p) return void 0;
    delete this.pods[p.key];
    p.attempts++;
    if (p.initialAttemptTimestamp === void 0) p.initialAttemptTimestamp = now;
    return p;
  }
  popBackoff() {
    let best;
    for (const k of this.waiting.backoff) {
      const p = this.pods[k];
      if (p.errorBackoff) continue;
      if (!best) {
        best = p;
        continue;
      }
      const eb = this.backoffExpiration(best);
      const ep = this.backoffExpiration(p);
      if (ep < eb || ep === eb && less(p, best)) best = p;
    }
    if (best) this.waiting.backoff.delete(best.key);
    return best;
  }
  /** AddUnschedulableIfNotPresent: back to unschedulablePods (or backoffQ after an error). */
  addUnschedulable(p, plugins, now, toBackoff) {
    p.errorBackoff = toBackoff || void 0;
    p.unschedulablePlugins = plugins;
    p.timestamp = now;
    p.seq = this.seq++;
    p.queue = toBackoff ? "backoff" : "unschedulable";
    this.pods[p.key] = p;
    this.waiting[p.queue].add(p.key);
  }
  /** The pod's spec changed or its gates were lifted: queue it again right away. */
  activate(key, now, priority) {
    const p = this.pods[key];
    if (!p || p.queue === "active") return false;
    if (priority !== void 0) p.priority = priority;
    this.move(p, now);
    return true;
  }
  backoffDuration(p) {
    let d = POD_INITIAL_BACKOFF_MS;
    for (let i = 1; i < p.attempts; i++) {
      if (d > POD_MAX_BACKOFF_MS - d) return POD_MAX_BACKOFF_MS;
      d += d;
    }
    return d;
  }
  backoffExpiration(p) {
    return p.timestamp + this.backoffDuration(p);
  }
  /** Move a waiting pod to backoffQ if it is still backing off, else to activeQ. */
  move(p, now) {
    if (p.queue === "gated" || p.attempts === 0 || this.backoffExpiration(p) <= now) this.setQueue(p, "active");
    else this.setQueue(p, "backoff");
  }
  /** MoveAllToActiveOrBackoffQueue for the unschedulable pods `matches` says the event may help. */
  moveForEvent(now, matches) {
    let n2 = 0;
    for (const p of this.sorted("unschedulable")) {
      if (!matches(p)) continue;
      this.move(p, now);
      n2++;
    }
    return n2;
  }
  /** flushBackoffQCompleted. */
  flushBackoff(now) {
    let n2 = 0;
    for (const p of this.sorted("backoff")) {
      if (this.backoffExpiration(p) > now) continue;
      this.setQueue(p, "active");
      n2++;
    }
    return n2;
  }
  /** flushUnschedulablePodsLeftover: pods stuck longer than podMaxInUnschedulablePodsDuration. */
  flushUnschedulableLeftover(now) {
    let n2 = 0;
    for (const p of this.sorted("unschedulable")) {
      if (now - p.timestamp < POD_MAX_IN_UNSCHEDULABLE_PODS_DURATION_MS) continue;
      this.move(p, now);
      n2++;
    }
    return n2;
  }
  sorted(q3) {
    if (this.waiting[q3].size === 0) return [];
    return [...this.waiting[q3]].map((k) => this.pods[k]).sort((a, b) => a.seq - b.seq);
  }
  /** Plain data; the caller copies it (the live entries are shared until then). */
  save() {
    return { pods: this.pods, seq: this.seq };
  }
  load(s) {
    this.pods = s.pods;
    this.seq = s.seq;
    this.rebuild();
  }
  rebuild() {
    this.waiting = { backoff: /* @__PURE__ */ new Set(), unschedulable: /* @__PURE__ */ new Set(), gated: /* @__PURE__ */ new Set() };
    for (const p of Object.values(this.pods)) if (p.queue !== "active") this.waiting[p.queue].add(p.key);
    this.heap = Object.values(this.pods).filter((p) => p.queue === "active");
    this.activeCount = this.heap.length;
    for (let i = (this.heap.length >> 1) - 1; i >= 0; i--) this.down(i);
  }
  push(p) {
    const h = this.heap;
    this.activeCount++;
    h.push(p);
    let i = h.length - 1;
    while (i > 0) {
      const parent = i - 1 >> 1;
      if (!less(h[i], h[parent])) break;
      [h[i], h[parent]] = [h[parent], h[i]];
      i = parent;
    }
  }
  popHeap() {
    const h = this.heap;
    while (h.length > 0) {
      const top3 = h[0];
      const last = h.pop();
      if (h.length > 0) {
        h[0] = last;
        this.down(0);
      }
      if (this.pods[top3.key] === top3 && top3.queue === "active") {
        this.activeCount--;
        return top3;
      }
    }
    return void 0;
  }
  down(i) {
    const h = this.heap;
    for (; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && less(h[l], h[m])) m = l;
      if (r < h.length && less(h[r], h[m])) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m], h[i]];
      i = m;
    }
  }
};

// src/engine/scheduler/preemption.ts
var MSG_NOT_HELPFUL = "Preemption is not helpful for scheduling";
var MSG_NO_VICTIMS = "No preemption victims found for incoming pod";
var MIN_CANDIDATE_NODES_PERCENTAGE = 10;
var MIN_CANDIDATE_NODES_ABSOLUTE = 100;
var OverlaySnapshot = class {
  constructor(base, node) {
    this.base = base;
    this.node = node;
    this.nodes = base.nodes.map((n2) => n2.name === node.name ? node : n2);
  }
  base;
  node;
  nodes;
  get(name) {
    return name === this.node.name ? this.node : this.base.get(name);
  }
  havePodsWithAffinity() {
    return this.nodes.filter((n2) => n2.podsWithAffinity > 0);
  }
  havePodsWithRequiredAntiAffinity() {
    return this.nodes.filter((n2) => n2.podsWithRequiredAntiAffinity > 0);
  }
  namespaceLabels(ns) {
    return this.base.namespaceLabels(ns);
  }
  list(kind, ns) {
    return this.base.list(kind, ns);
  }
  getObject(kind, ns, name) {
    return this.base.getObject(kind, ns, name);
  }
};
function moreImportant(a, b) {
  if (a.priority !== b.priority) return a.priority > b.priority;
  return startTime(a) < startTime(b);
}
function startTime(p) {
  return p.pod.status?.startTime ?? p.pod.metadata.creationTimestamp ?? "";
}
function eligible(host, pod, diagnosis) {
  if (pod.spec?.preemptionPolicy === "Never") return "not eligible due to preemptionPolicy=Never.";
  const nom = pod.status?.nominatedNodeName;
  if (nom) {
    if (diagnosis.nodeToStatus.get(nom)?.code === "UnschedulableAndUnresolvable") return void 0;
    const n2 = host.snap.get(nom);
    const prio = podPriority(pod);
    if (n2) {
      for (const p of n2.pods) {
        if (p.priority >= prio || !p.pod.metadata.deletionTimestamp) continue;
        const dt = (p.pod.status?.conditions ?? []).find((c) => c.type === "DisruptionTarget");
        if (dt && dt.status === "True" && dt.reason === "PreemptionByScheduler") return "not eligible due to a terminating pod on the nominated node.";
      }
    }
  }
  return void 0;
}
function splitByPDB(victims, pdbs) {
  const allowed = pdbs.map((p) => p.status?.disruptionsAllowed ?? 0);
  const violating = [];
  const ok2 = [];
  for (const v of victims) {
    let violated = false;
    if (Object.keys(v.labels).length) {
      pdbs.forEach((pdb, i) => {
        if ((pdb.metadata.namespace ?? "default") !== v.namespace) return;
        const sel = compileSelector(pdb.spec?.selector);
        if (!sel || sel.empty() || !sel.matches(v.labels)) return;
        if (pdb.status?.disruptedPods && v.pod.metadata.name in pdb.status.disruptedPods) return;
        allowed[i]--;
        if (allowed[i] < 0) violated = true;
      });
    }
    (violated ? violating : ok2).push(v);
  }
  return [violating, ok2];
}
function fits2(host, pod, node) {
  const snap = new OverlaySnapshot(host.snap, node);
  const state = new CycleState();
  const pre = host.fwk.runPreFilter(state, pod, snap);
  if (pre) return pre;
  if (state.preFilterNodeNames.size) {
    for (const s of state.preFilterNodeNames.values()) if (!s.has(node.name)) return status2("UnschedulableAndUnresolvable");
  }
  return host.fwk.runFilterWithNominated(state, pod, node, snap, host.nominatedPodsFor(node.name));
}
function selectVictimsOnNode(host, pod, original, pdbs) {
  const node = original.clone();
  const potential = node.pods.filter((p) => p.priority < pod.priority);
  if (potential.length === 0) return status2("UnschedulableAndUnresolvable", MSG_NO_VICTIMS);
  for (const p of potential) node.removePod(p.key);
  const s = fits2(host, pod, node);
  if (s) return s;
  potential.sort((a, b) => moreImportant(a, b) ? -1 : moreImportant(b, a) ? 1 : 0);
  const [violating, nonViolating] = splitByPDB(potential, pdbs);
  const victims = [];
  let violations = 0;
  const reprieve = (p) => {
    node.addPod(p);
    if (fits2(host, pod, node)) {
      node.removePod(p.key);
      victims.push(p);
      return false;
    }
    return true;
  };
  for (const p of violating) if (!reprieve(p)) violations++;
  for (const p of nonViolating) reprieve(p);
  if (violating.length && nonViolating.length) victims.sort((a, b) => moreImportant(a, b) ? -1 : moreImportant(b, a) ? 1 : 0);
  return { victims, violations };
}
function pickOne(cands) {
  const fns = [
    (c) => -c.numPDBViolations,
    (c) => -c.victims[0].priority,
    (c) => -c.victims.reduce((s, v) => s + v.priority + 2147483648, 0),
    (c) => -c.victims.length,
    (c) => {
      const top3 = c.victims[0].priority;
      let earliest = "";
      for (const v of c.victims) if (v.priority === top3 && (earliest === "" || startTime(v) < earliest)) earliest = startTime(v);
      return Date.parse(earliest) || 0;
    }
  ];
  let all = cands;
  for (const f of fns) {
    let max = -Infinity;
    let sel = [];
    for (const c of all) {
      const s = f(c);
      if (s > max) {
        max = s;
        sel = [];
      }
      if (s === max) sel.push(c);
    }
    if (sel.length === 1) return sel[0];
    all = sel;
  }
  return all[0];
}
function defaultPreemption(host, _state, pod, podObj, diagnosis) {
  const notEligible = eligible(host, podObj, diagnosis);
  if (notEligible) return { status: status2("Unschedulable", `preemption: ${notEligible}`) };
  const all = host.snap.nodes;
  const potential = all.filter((n2) => diagnosis.nodeToStatus.get(n2.name)?.code === "Unschedulable");
  const statuses = /* @__PURE__ */ new Map();
  const cands = [];
  if (potential.length) {
    const pdbs = host.api.list("PodDisruptionBudget");
    const offset = host.random.int(potential.length);
    let num2 = Math.trunc(potential.length * MIN_CANDIDATE_NODES_PERCENTAGE / 100);
    if (num2 < MIN_CANDIDATE_NODES_ABSOLUTE) num2 = MIN_CANDIDATE_NODES_ABSOLUTE;
    if (num2 > potential.length) num2 = potential.length;
    let nonViolating = 0;
    for (let i = 0; i < potential.length; i++) {
      const n2 = potential[(offset + i) % potential.length];
      const r = selectVictimsOnNode(host, pod, n2, pdbs);
      if ("victims" in r) {
        if (r.victims.length === 0) {
          statuses.set(n2.name, status2("Error", `expected at least one victim pod on node "${n2.name}"`));
          continue;
        }
        cands.push({ node: n2.name, victims: r.victims, numPDBViolations: r.violations });
        if (r.violations === 0) nonViolating++;
        if (nonViolating > 0 && cands.length >= num2) break;
      } else {
        statuses.set(n2.name, r);
      }
    }
  }
  if (cands.length === 0) {
    const msg = fitErrorMessage(all.length, { nodeToStatus: statuses, absentNodesStatus: status2("UnschedulableAndUnresolvable", MSG_NOT_HELPFUL) });
    return { status: status2("Unschedulable", `preemption: ${msg}`), nominatedNode: "" };
  }
  const ordered = [...cands.filter((c) => c.numPDBViolations === 0), ...cands.filter((c) => c.numPDBViolations > 0)];
  const best = pickOne(ordered);
  prepareCandidate(host, podObj, pod, best);
  return { status: status2("Success"), nominatedNode: best.node, victims: best.victims.map((v) => v.key) };
}
function prepareCandidate(host, preemptor, pod, c) {
  for (const v of c.victims) {
    const victim = host.api.get("Pod", v.namespace, v.pod.metadata.name);
    if (!victim || victim.metadata.deletionTimestamp) continue;
    host.api.mutate(
      "Pod",
      v.namespace,
      victim.metadata.name,
      (d) => {
        const st = d.status = d.status ?? {};
        const conds = st.conditions = st.conditions ?? [];
        const cond = {
          type: "DisruptionTarget",
          status: "True",
          reason: "PreemptionByScheduler",
          message: `${preemptor.spec?.schedulerName ?? host.schedulerName}: preempting to accommodate a higher priority pod`,
          lastProbeTime: null,
          lastTransitionTime: host.timestamp()
        };
        if (typeof d.metadata.generation === "number") cond.observedGeneration = d.metadata.generation;
        const i = conds.findIndex((x) => x.type === "DisruptionTarget");
        if (i >= 0) conds[i] = cond;
        else conds.push(cond);
      },
      { status: true }
    );
    host.api.delete("Pod", v.namespace, victim.metadata.name);
    host.events.record(victim, "Normal", "Preempted", `Preempted by pod ${preemptor.metadata.uid} on node ${c.node}`, { component: host.schedulerName });
  }
  for (const n2 of host.nominatedPodsFor(c.node)) {
    if (n2.priority >= pod.priority || n2.key === pod.key) continue;
    host.api.mutate("Pod", n2.namespace, n2.pod.metadata.name, (d) => {
      if (!d.status?.nominatedNodeName) return false;
      delete d.status.nominatedNodeName;
    }, { status: true });
  }
}

// src/engine/scheduler/explanation.ts
var SLAB_LENGTH = 16384;
var ScorePacker = class {
  slab = new Float64Array(0);
  used = 0;
  pack(r) {
    const d = r.data;
    const n2 = r.totals.length;
    const rows = n2 === 0 ? 0 : d.length / n2;
    let constant = 0;
    let len = 0;
    for (let row = 0; row < rows; row++) {
      const o = row * n2;
      const first = d[o];
      let i = o + 1;
      while (i < o + n2 && d[i] === first && (first !== 0 || 1 / d[i] === 1 / first)) i++;
      if (i === o + n2 && row < 31) {
        constant |= 1 << row;
        len += 1;
      } else len += n2;
    }
    if (this.used + len > this.slab.length) {
      this.slab = new Float64Array(Math.max(SLAB_LENGTH, len));
      this.used = 0;
    }
    const data = this.slab.subarray(this.used, this.used + len);
    this.used += len;
    let w = 0;
    for (let row = 0; row < rows; row++) {
      const o = row * n2;
      if (constant & 1 << row) data[w++] = d[o];
      else for (let i = o; i < o + n2; i++) data[w++] = d[i];
    }
    return { plugins: r.plugins, n: n2, constant, data };
  }
};
function expandAttempt(s) {
  const { packed, scores, totals, ...rest } = s;
  if (!packed) return { ...rest, scores: scores ?? [], totals: totals ?? [] };
  const { n: n2, constant, data } = packed;
  let o = 0;
  let row = 0;
  const next = () => {
    const out3 = new Array(n2);
    if (constant & 1 << row) out3.fill(data[o++]);
    else for (let i = 0; i < n2; i++) out3[i] = data[o++];
    row++;
    return out3;
  };
  const out2 = [];
  for (const p of packed.plugins) {
    const raw = next();
    const normalized = p.shared ? raw : next();
    out2.push({ plugin: p.plugin, weight: p.weight, raw, normalized });
  }
  return { ...rest, scores: out2, totals: next() };
}
function storedAttemptJSON(s) {
  if (!s.packed || Array.isArray(s.packed.data)) return s;
  return { ...s, packed: { ...s.packed, data: Array.from(s.packed.data) } };
}

// src/engine/scheduler/schedule_one.ts
var MIN_FEASIBLE_NODES_TO_FIND = 100;
var MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;
function numFeasibleNodesToFind(numAllNodes) {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  let pct = 50 - Math.trunc(numAllNodes / 125);
  if (pct < MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND) pct = MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND;
  const n2 = Math.trunc(numAllNodes * pct / 100);
  return n2 < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : n2;
}
function findNodesThatPassFilters(h, state, pi, pod, diagnosis, rejectors, attempt) {
  const allNodes = h.cache.nodes;
  const nominated = pod.status?.nominatedNodeName;
  if (nominated) {
    const n2 = h.cache.get(nominated);
    if (n2 && !h.fwk.runFilterWithNominated(state, pi, n2, h.cache, h.nominatedFor(n2.name))) {
      attempt.nodes = [n2.name];
      attempt.feasible = [n2.name];
      return { feasible: [n2], processed: 0 };
    }
  }
  let nodes2 = allNodes;
  if (state.preFilterNodeNames.size) {
    let allowed;
    for (const s of state.preFilterNodeNames.values()) allowed = allowed ? new Set([...allowed].filter((x) => s.has(x))) : s;
    nodes2 = allNodes.filter((n2) => allowed.has(n2.name));
    const plugins = [...state.preFilterNodeNames.keys()].sort();
    diagnosis.absentNodesStatus = { code: "UnschedulableAndUnresolvable", reasons: [`node(s) didn't satisfy plugin(s) [${plugins.join(" ")}]`] };
    for (const p of plugins) rejectors.add(p);
    for (const n2 of allNodes)
      if (!allowed.has(n2.name))
        attempt.filter[n2.name] = { plugin: plugins.join(","), code: "UnschedulableAndUnresolvable", reasons: diagnosis.absentNodesStatus.reasons };
  }
  const toFind = numFeasibleNodesToFind(nodes2.length);
  const feasible = new Array(Math.min(toFind, nodes2.length));
  let found = 0;
  const start = nodes2.length ? h.start % nodes2.length : 0;
  let processed = 0;
  for (let i = 0; i < nodes2.length && found < toFind; i++) {
    const n2 = nodes2[(start + i) % nodes2.length];
    processed++;
    const s = h.fwk.runFilterWithNominated(state, pi, n2, h.cache, h.nominatedFor(n2.name));
    if (!s) {
      feasible[found++] = n2;
    } else {
      diagnosis.nodeToStatus.set(n2.name, s);
      rejectors.add(s.plugin);
      attempt.filter[n2.name] = { plugin: s.plugin, code: s.code, reasons: s.reasons };
    }
  }
  feasible.length = found;
  const shared2 = nodes2 === allNodes && start === 0 && processed === allNodes.length;
  attempt.nodes = shared2 ? h.cache.nodeNames : Array.from({ length: processed }, (_, i) => nodes2[(start + i) % nodes2.length].name);
  attempt.feasible = shared2 && feasible.length === processed ? attempt.nodes : feasible.map((n2) => n2.name);
  return { feasible, processed };
}
function selectHost(nodes2, totals, rnd) {
  let max = -Infinity;
  let ties = 0;
  for (let i = 0; i < totals.length; i++) {
    if (totals[i] > max) {
      max = totals[i];
      ties = 1;
    } else if (totals[i] === max) ties++;
  }
  let k = ties === 1 ? 0 : rnd.int(ties);
  let pick2 = 0;
  for (let i = 0; i < totals.length; i++) {
    if (totals[i] === max && k-- === 0) {
      pick2 = i;
      break;
    }
  }
  return nodes2[pick2];
}
function updatePodScheduledCondition(ctx, pod, reason, message, nominatedNode) {
  const latest = ctx.api.get("Pod", pod.metadata.namespace, pod.metadata.name);
  if (latest && latest.metadata.uid === pod.metadata.uid) {
    ctx.api.mutate(
      "Pod",
      latest.metadata.namespace,
      latest.metadata.name,
      (d) => {
        const status3 = d.status = d.status ?? {};
        const conds = status3.conditions = status3.conditions ?? [];
        const i = conds.findIndex((c) => c.type === "PodScheduled");
        const cur = i >= 0 ? conds[i] : void 0;
        let changed = false;
        if (!cur || cur.status !== "False" || cur.reason !== reason || cur.message !== message) {
          const cond = {
            type: "PodScheduled",
            status: "False",
            reason,
            message,
            lastProbeTime: null,
            lastTransitionTime: cur && cur.status === "False" ? cur.lastTransitionTime : ctx.clock.timestamp()
          };
          if (typeof d.metadata.generation === "number") cond.observedGeneration = d.metadata.generation;
          if (i >= 0) conds[i] = cond;
          else conds.push(cond);
          changed = true;
        }
        if (nominatedNode !== void 0 && (status3.nominatedNodeName ?? "") !== nominatedNode) {
          if (nominatedNode) status3.nominatedNodeName = nominatedNode;
          else delete status3.nominatedNodeName;
          changed = true;
        }
        return changed ? void 0 : false;
      },
      { status: true }
    );
  }
}

// src/engine/scheduler/scheduler.ts
var SCHEDULER_NAME = "default-scheduler";
var NONE = [];
function responsibleFor(pod) {
  return (pod.spec?.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME;
}
function podUpdated(a, b) {
  const strip = (p) => ({ ...p, status: void 0, metadata: { ...p.metadata, resourceVersion: void 0, generation: void 0, managedFields: void 0 } });
  return !deepEqual(strip(a), strip(b));
}
function nodeRelevant(n2) {
  return { labels: n2.metadata.labels, taints: n2.spec?.taints, unschedulable: n2.spec?.unschedulable, allocatable: n2.status?.allocatable, images: n2.status?.images };
}
var Scheduler = class {
  name = SCHEDULER_NAME;
  ctx;
  cache;
  fwk;
  queue = new SchedulingQueue();
  explanations = {};
  packer = new ScorePacker();
  nextStartNodeIndex = 0;
  cycleAt = null;
  backoffTickAt = null;
  unschedulableTickAt = null;
  inFlight = null;
  /** The pod being bound this instant, so the cache reuses its PodInfo. */
  binding;
  /** Derived from the store (rebuilt on restore). */
  nominator = /* @__PURE__ */ new Map();
  start(ctx) {
    this.ctx = ctx;
    this.cache = new SchedulerCache(ctx.api);
    this.cache.resync();
    this.fwk = defaultFramework(this.cache);
    ctx.api.watch((ev) => this.onPod(ev), ["Pod"]);
    ctx.api.watch((ev) => this.onNode(ev), ["Node"]);
    for (const p of ctx.api.list("Pod")) {
      if (p.status?.nominatedNodeName) this.trackNominated(podKey(p), p);
      this.addPending(p);
    }
  }
  // ---- explanations ------------------------------------------------------------------------
  /** The last scheduling attempt for a pod, if any. */
  explain(namespace, name) {
    const s = this.explanations[`${namespace}/${name}`];
    return s && expandAttempt(s);
  }
  /** Pods waiting in each queue (for inspection). */
  pending() {
    return { active: this.queue.keys("active"), backoff: this.queue.keys("backoff"), unschedulable: this.queue.keys("unschedulable"), gated: this.queue.keys("gated") };
  }
  // ---- informer handlers (only update the cache and queue, and schedule work) --------------
  onPod(ev) {
    const pod = ev.object;
    const key = podKey(pod);
    if (this.nominator.size || pod.status?.nominatedNodeName) this.trackNominated(key, ev.type === "DELETED" ? void 0 : pod);
    if (ev.type === "DELETED") {
      const wasAssigned = this.cache.nodeOf(key) !== void 0;
      this.cache.removePod(key);
      const q4 = this.queue.get(key);
      if (q4 && q4.uid === pod.metadata.uid) this.queue.remove(key);
      delete this.explanations[key];
      this.waitingInfo.delete(key);
      if (wasAssigned) this.clusterEvent({ resource: "AssignedPod", action: "Delete", obj: pod });
      return;
    }
    const old = ev.old;
    if (pod.spec?.nodeName) {
      const was = this.cache.nodeOf(key) !== void 0;
      this.cache.setPod(pod, this.binding?.key === key ? this.binding : void 0);
      const is = this.cache.nodeOf(key) !== void 0;
      if (this.queue.get(key)) this.queue.remove(key);
      this.waitingInfo.delete(key);
      if (!was && is) this.clusterEvent({ resource: "AssignedPod", action: "Add", obj: pod });
      else if (was && !is) this.clusterEvent({ resource: "AssignedPod", action: "Delete", obj: pod, old });
      else if (was && is && old && (!deepEqual(old.metadata.labels, pod.metadata.labels) || !deepEqual(old.spec, pod.spec))) {
        this.clusterEvent({ resource: "AssignedPod", action: "Update", obj: pod, old });
      }
      return;
    }
    if (key === this.inFlight) return;
    if (pod.metadata.deletionTimestamp || isTerminal(pod) || !responsibleFor(pod)) {
      this.queue.remove(key);
      return;
    }
    const q3 = this.queue.get(key);
    if (!q3 || q3.uid !== pod.metadata.uid) {
      this.addPending(pod);
      return;
    }
    if (old && podUpdated(old, pod)) {
      const gated = (pod.spec?.schedulingGates ?? []).length > 0;
      if (!gated && this.queue.activate(key, this.ctx.clock.now, podPriority(pod))) this.kick();
    }
  }
  addPending(pod) {
    if (pod.spec?.nodeName || pod.metadata.deletionTimestamp || isTerminal(pod) || !responsibleFor(pod)) return;
    const gated = (pod.spec?.schedulingGates ?? []).length > 0;
    this.queue.add(podKey(pod), pod.metadata.uid ?? "", podPriority(pod), this.ctx.clock.now, gated);
    if (!gated) this.ensureCycle();
  }
  onNode(ev) {
    const node = ev.object;
    if (ev.type === "DELETED") {
      this.cache.removeNode(node.metadata.name);
      return;
    }
    if (ev.type === "MODIFIED" && ev.old && deepEqual(nodeRelevant(ev.old), nodeRelevant(node))) return;
    this.cache.setNode(node);
    this.clusterEvent({ resource: "Node", action: ev.type === "ADDED" ? "Add" : "Update", obj: node, old: ev.old });
  }
  /** MoveAllToActiveOrBackoffQueue, filtered by the rejecting plugins' queueing hints. */
  clusterEvent(ev) {
    if (this.queue.size("unschedulable") === 0) return;
    const moved = this.queue.moveForEvent(this.ctx.clock.now, (qp) => {
      if (qp.unschedulablePlugins.length === 0) return true;
      const [ns, name] = splitKey(qp.key);
      const pod = this.ctx.api.get("Pod", ns, name);
      if (!pod) return false;
      const pi = this.queuedPodInfo(qp.key, pod);
      return qp.unschedulablePlugins.some((pl) => {
        const p = this.fwk.plugin(pl);
        return !p || !hasEnqueueExtensions(p) || p.isSchedulableAfter(pi, ev);
      });
    });
    if (moved) this.kick();
  }
  /** PodInfo of a waiting pod, reused across cluster events until the pod changes. */
  queuedPodInfo(key, pod) {
    const hit = this.waitingInfo.get(key);
    if (hit && hit.pod === pod) return hit;
    const pi = newPodInfo(pod);
    if (this.waitingInfo.size > 1e4) this.waitingInfo.clear();
    this.waitingInfo.set(key, pi);
    return pi;
  }
  waitingInfo = /* @__PURE__ */ new Map();
  kick() {
    if (this.queue.hasWork()) this.ensureCycle();
    if (this.queue.size("backoff") > 0) this.ensureBackoffTick();
  }
  // ---- timers ------------------------------------------------------------------------------
  ensureCycle() {
    if (this.cycleAt !== null) return;
    const delay = this.ctx.timings.schedulingLatencyMs;
    this.cycleAt = this.ctx.clock.now + delay;
    this.ctx.schedule(delay, "cycle");
  }
  ensureBackoffTick() {
    if (this.backoffTickAt !== null) return;
    const now = this.ctx.clock.now;
    const at = (Math.floor(now / BACKOFF_FLUSH_PERIOD_MS) + 1) * BACKOFF_FLUSH_PERIOD_MS;
    this.backoffTickAt = at;
    this.ctx.schedule(at - now, "flushBackoffQ");
  }
  ensureUnschedulableTick() {
    if (this.unschedulableTickAt !== null) return;
    const now = this.ctx.clock.now;
    const at = (Math.floor(now / UNSCHEDULABLE_FLUSH_PERIOD_MS) + 1) * UNSCHEDULABLE_FLUSH_PERIOD_MS;
    this.unschedulableTickAt = at;
    this.ctx.schedule(at - now, "flushUnschedulablePodsLeftover");
  }
  handle(ev) {
    const now = this.ctx.clock.now;
    if (ev.key === "cycle") {
      this.cycleAt = null;
      this.scheduleOne();
      if (this.queue.hasWork() && this.cycleAt === null) {
        this.cycleAt = now;
        this.ctx.schedule(0, "cycle");
      }
    } else if (ev.key === "flushBackoffQ") {
      this.backoffTickAt = null;
      if (this.queue.flushBackoff(now)) this.ensureCycle();
      if (this.queue.size("backoff") > 0) this.ensureBackoffTick();
    } else if (ev.key === "flushUnschedulablePodsLeftover") {
      this.unschedulableTickAt = null;
      this.queue.flushUnschedulableLeftover(now);
      this.kick();
      if (this.queue.size("unschedulable") > 0) this.ensureUnschedulableTick();
    }
  }
  // ---- the scheduling cycle ----------------------------------------------------------------
  scheduleOne() {
    const now = this.ctx.clock.now;
    const qp = this.queue.pop(now);
    if (!qp) return;
    const [ns, name] = splitKey(qp.key);
    const pod = this.ctx.api.get("Pod", ns, name);
    if (!pod || pod.metadata.uid !== qp.uid || pod.spec?.nodeName || pod.metadata.deletionTimestamp || !responsibleFor(pod)) return;
    this.inFlight = qp.key;
    try {
      this.schedulingCycle(qp, pod);
    } finally {
      this.inFlight = null;
    }
  }
  schedulingCycle(qp, pod) {
    const now = this.ctx.clock.now;
    const pi = newPodInfo(pod);
    const snap = this.cache;
    const allNodes = snap.nodes;
    const attempt = { at: now, attempt: qp.attempts, result: "Unschedulable", nodes: [], filter: {}, feasible: [] };
    this.explanations[qp.key] = attempt;
    if (allNodes.length === 0) {
      this.fail(qp, pod, attempt, "no nodes available to schedule pods", [], true, void 0);
      return;
    }
    const state = new CycleState();
    const diagnosis = { nodeToStatus: /* @__PURE__ */ new Map() };
    const rejectors = /* @__PURE__ */ new Set();
    let feasible = [];
    const pre = this.fwk.runPreFilter(state, pi, snap);
    if (pre) {
      for (const n2 of allNodes) diagnosis.nodeToStatus.set(n2.name, pre);
      diagnosis.preFilterMsg = pre.reasons.join(", ");
      rejectors.add(pre.plugin);
      attempt.nodes = allNodes.map((n2) => n2.name);
      for (const n2 of allNodes) attempt.filter[n2.name] = { plugin: pre.plugin, code: pre.code, reasons: pre.reasons };
    } else {
      const found = findNodesThatPassFilters(
        { fwk: this.fwk, cache: this.cache, start: this.nextStartNodeIndex, nominatedFor: (n2) => this.nominator.size ? this.nominatedPodsFor(n2) : NONE },
        state,
        pi,
        pod,
        diagnosis,
        rejectors,
        attempt
      );
      feasible = found.feasible;
      if (allNodes.length) this.nextStartNodeIndex = (this.nextStartNodeIndex + found.processed) % allNodes.length;
    }
    if (feasible.length === 0) {
      const message0 = fitErrorMessage(allNodes.length, diagnosis);
      const post = defaultPreemption(this.preemptionHost(), state, pi, pod, diagnosis);
      if (post.status.code !== "Success") diagnosis.postFilterMsg = post.status.reasons.join(", ");
      const message = post.status.code !== "Success" ? fitErrorMessage(allNodes.length, diagnosis) : message0;
      attempt.preemption = { message: diagnosis.postFilterMsg, nominatedNode: post.nominatedNode || void 0, victims: post.victims };
      this.fail(qp, pod, attempt, message, [...rejectors], false, post.nominatedNode);
      return;
    }
    let selected = feasible[0];
    if (feasible.length > 1) {
      this.fwk.runPreScore(state, pi, feasible, snap);
      const result = this.fwk.runScore(state, pi, feasible, snap);
      attempt.packed = this.packer.pack(result);
      selected = selectHost(feasible, result.totals, this.ctx.random("tiebreak"));
    }
    try {
      this.binding = pi;
      this.ctx.api.bind(pi.namespace, pod.metadata.name, selected.name);
    } catch (e) {
      this.fail(qp, pod, attempt, e instanceof Error ? e.message : String(e), [], true, void 0);
      return;
    } finally {
      this.binding = void 0;
    }
    attempt.result = "Scheduled";
    attempt.node = selected.name;
    this.ctx.events.record(pod, "Normal", "Scheduled", `Successfully assigned ${pi.namespace}/${pod.metadata.name} to ${selected.name}`, { component: SCHEDULER_NAME });
  }
  /** Pods nominated to a node by preemption that are not bound yet (PodNominator). */
  nominatedPodsFor(nodeName) {
    if (this.nominator.size === 0) return [];
    const out2 = [];
    for (const v of this.nominator.values()) if (v.node === nodeName) out2.push(v.pi);
    return out2;
  }
  /** PodNominator bookkeeping from the informer: unbound pods with status.nominatedNodeName. */
  trackNominated(key, pod) {
    const node = pod?.status?.nominatedNodeName;
    if (pod && node && !pod.spec?.nodeName && !pod.metadata.deletionTimestamp) this.nominator.set(key, { node, pi: newPodInfo(pod) });
    else this.nominator.delete(key);
  }
  preemptionHost() {
    return {
      api: this.ctx.api,
      events: this.ctx.events,
      random: this.ctx.random("preemption"),
      snap: this.cache,
      fwk: this.fwk,
      nominatedPodsFor: (n2) => this.nominatedPodsFor(n2),
      schedulerName: SCHEDULER_NAME,
      timestamp: () => this.ctx.clock.timestamp()
    };
  }
  /** handleSchedulingFailure: condition, event, requeue. */
  fail(qp, pod, attempt, message, plugins, isError, nominatedNode) {
    const now = this.ctx.clock.now;
    attempt.result = isError ? "Error" : "Unschedulable";
    attempt.message = message;
    const reason = isError ? "SchedulerError" : "Unschedulable";
    this.queue.addUnschedulable(qp, plugins, now, isError);
    updatePodScheduledCondition(this.ctx, pod, reason, message, nominatedNode);
    this.ctx.events.record(pod, "Warning", "FailedScheduling", message, { component: SCHEDULER_NAME });
    if (isError) this.ensureBackoffTick();
    else this.ensureUnschedulableTick();
  }
  // ---- snapshots ---------------------------------------------------------------------------
  saveState() {
    const s = {
      queue: this.queue.save(),
      explanations: Object.fromEntries(Object.entries(this.explanations).map(([k, a]) => [k, storedAttemptJSON(a)])),
      nextStartNodeIndex: this.nextStartNodeIndex,
      cycleAt: this.cycleAt,
      backoffTickAt: this.backoffTickAt,
      unschedulableTickAt: this.unschedulableTickAt
    };
    return s;
  }
  loadState(state) {
    const s = state;
    this.queue.load(s.queue);
    this.explanations = s.explanations;
    this.nextStartNodeIndex = s.nextStartNodeIndex;
    this.cycleAt = s.cycleAt;
    this.backoffTickAt = s.backoffTickAt;
    this.unschedulableTickAt = s.unschedulableTickAt;
    this.cache.resync();
    this.nominator.clear();
    for (const p of this.ctx.api.list("Pod")) if (p.status?.nominatedNodeName) this.trackNominated(podKey(p), p);
  }
};
function splitKey(key) {
  const i = key.indexOf("/");
  return [key.slice(0, i), key.slice(i + 1)];
}

// src/engine/components.ts
function createComponents() {
  return [
    new ScenarioRunner(),
    new ReplicaSetController(),
    new DeploymentController(),
    new GarbageCollector(),
    new Kubelet(),
    new NodeLifecycleController(),
    new TaintEvictionController(),
    new Scheduler()
  ];
}

// src/engine/sim/simulation.ts
var MAX_EVENTS_PER_INSTANT = 2e6;
var Simulation = class {
  seed;
  clock;
  api;
  events;
  timings;
  queue = new EventQueue();
  randoms;
  components = /* @__PURE__ */ new Map();
  started = false;
  constructor(opts = {}) {
    this.seed = opts.seed ?? 1;
    this.clock = new Clock(opts.epochMs ?? DEFAULT_EPOCH_MS);
    this.randoms = new RandomStreams(this.seed);
    this.timings = { ...DEFAULT_TIMINGS, ...opts.timings ?? {} };
    this.api = new ApiServer(this.clock, this.randoms, { freeze: opts.freezeObjects });
    installAdmission(this.api.admission);
    this.events = new EventRecorder(this.api, this.clock);
    for (const ns of DEFAULT_NAMESPACES) {
      this.api.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: ns }, spec: { finalizers: ["kubernetes"] }, status: { phase: "Active" } });
    }
    for (const n2 of opts.nodes ?? defaultCluster()) this.api.create(n2);
    for (const c of createComponents()) this.components.set(c.name, c);
    this.start();
  }
  get now() {
    return this.clock.now;
  }
  // ---- driving time ------------------------------------------------------------------------
  /**
   * Process every event up to and including time t, then set the clock to t. Simulated time is
   * whole milliseconds: a fractional t is rounded down, so workqueue times always match exactly.
   */
  runUntil(t) {
    if (!Number.isFinite(t)) throw new Error(`runUntil needs a finite time, got ${t}`);
    t = Math.floor(t);
    let sameInstant = 0;
    let lastAt = -1;
    for (; ; ) {
      const next = this.queue.peek();
      if (!next || next.at > t) break;
      this.queue.pop();
      if (next.at === lastAt) {
        if (++sameInstant > MAX_EVENTS_PER_INSTANT) throw new Error(`simulation livelock at t=${next.at}ms (${next.target}: ${next.key})`);
      } else {
        sameInstant = 0;
        lastAt = next.at;
      }
      this.clock.now = Math.max(this.clock.now, next.at);
      this.dispatch(next);
    }
    if (t > this.clock.now) this.clock.now = t;
  }
  advance(ms) {
    this.runUntil(this.clock.now + ms);
  }
  /** Process the next event only; returns false when nothing is queued. */
  step() {
    const next = this.queue.pop();
    if (!next) return false;
    this.clock.now = Math.max(this.clock.now, next.at);
    this.dispatch(next);
    return true;
  }
  /** Time of the next queued event, if any. */
  nextEventAt() {
    return this.queue.peek()?.at;
  }
  // ---- reading and writing objects ---------------------------------------------------------
  get(kind, namespace, name) {
    return this.api.get(kind, namespace, name);
  }
  list(kind, namespace) {
    return this.api.list(kind, namespace === void 0 ? {} : { namespace });
  }
  /** Every object in the store, sorted as `kubectl get` would list them. */
  all() {
    return sortObjects(this.api.all());
  }
  /** Subscribe to every store change (the trace). */
  onChange(fn) {
    return this.api.watch((ev) => fn({ t: this.clock.now, type: ev.type, object: ev.object }));
  }
  component(name) {
    return this.components.get(name);
  }
  /** Schedule an event for a component at an absolute simulated time (scenario steps). */
  scheduleAt(at, target, key, data) {
    this.queue.push(Math.max(Math.round(at), this.clock.now), target, key, data);
  }
  // ---- snapshots ---------------------------------------------------------------------------
  snapshot() {
    const components = {};
    for (const [name, c] of this.components) components[name] = clone(c.saveState());
    return {
      version: 1,
      now: this.clock.now,
      store: this.api.save(),
      queue: this.queue.save(),
      randoms: this.randoms.save(),
      events: clone(this.events.save()),
      components
    };
  }
  restore(s) {
    this.clock.now = s.now;
    this.api.load(s.store);
    this.queue.load(s.queue);
    this.randoms.load(s.randoms);
    this.events.load(clone(s.events));
    for (const [name, c] of this.components) if (name in s.components) c.loadState(clone(s.components[name]));
  }
  // ---- internals ---------------------------------------------------------------------------
  start() {
    if (this.started) return;
    this.started = true;
    for (const c of this.components.values()) c.start(this.contextFor(c.name));
  }
  contextFor(name) {
    return {
      api: this.api,
      clock: this.clock,
      events: this.events,
      timings: this.timings,
      schedule: (delayMs, key, data) => {
        this.queue.push(this.clock.now + Math.max(0, delayMs), name, key, data);
      },
      random: (stream) => this.randoms.get(`${name}/${stream}`),
      component: (n2) => this.components.get(n2)
    };
  }
  dispatch(ev) {
    const c = this.components.get(ev.target);
    if (!c) throw new Error(`event for unknown component ${ev.target}`);
    c.handle(ev);
  }
};
var KIND_ORDER = ["Namespace", "Node", "PriorityClass", "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob", "Pod", "Service", "Endpoints", "EndpointSlice", "ConfigMap", "Secret", "Lease", "Event"];
function sortObjects(objs) {
  const rank = (k) => {
    const i = KIND_ORDER.indexOf(k);
    return i < 0 ? KIND_ORDER.length - 1 : i;
  };
  return [...objs].sort(
    (a, b) => rank(a.kind) - rank(b.kind) || a.kind.localeCompare(b.kind) || (a.metadata.namespace ?? "").localeCompare(b.metadata.namespace ?? "") || (a.kind === "Event" ? (a.firstTimestamp ?? "").localeCompare(b.firstTimestamp ?? "") : 0) || a.metadata.name.localeCompare(b.metadata.name)
  );
}

// bench/engine.bench.ts
var NODES = 100;
var REPLICAS = Number(process.env.REPLICAS ?? 5e3);
function complete(sim2) {
  const d = sim2.get("Deployment", "default", "web");
  const s = d?.status;
  if (!d || !s) return false;
  return (s.observedGeneration ?? 0) >= d.metadata.generation && s.updatedReplicas === REPLICAS && s.replicas === REPLICAS && s.availableReplicas === REPLICAS;
}
function runToCompletion(sim2, limitMs) {
  const stop = sim2.now + limitMs;
  while (!complete(sim2)) {
    if (sim2.now >= stop) throw new Error(`rollout not complete after ${limitMs / 1e3}s simulated`);
    sim2.advance(1e3);
  }
}
var zones = ["zone-a", "zone-b", "zone-c"];
var nodes = Array.from({ length: NODES }, (_, i) => nodeManifest({ name: `node-${String(i + 1).padStart(3, "0")}`, zone: zones[i % 3], cpu: "64", memory: "256Gi", pods: "110" }));
var deployment = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web", namespace: "default" },
  spec: {
    replicas: REPLICAS,
    selector: { matchLabels: { app: "web" } },
    template: {
      metadata: { labels: { app: "web" } },
      spec: { containers: [{ name: "web", image: "nginx:1.27", resources: { requests: { cpu: "10m", memory: "16Mi" } } }] }
    }
  }
};
var peakHeap = 0;
var sample = () => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
};
var wall0 = performance.now();
var cpu0 = process.cpuUsage();
var sim = new Simulation({ seed: 1, nodes });
var changes = 0;
sim.onChange(() => {
  changes++;
  if ((changes & 16383) === 0) sample();
});
sim.api.create(deployment);
runToCompletion(sim, 36e5);
var createdAt = sim.now;
var wallCreate = performance.now() - wall0;
sim.api.mutate("Deployment", "default", "web", (d) => {
  d.spec.template.spec.containers[0].image = "nginx:1.28";
});
runToCompletion(sim, 36e5);
sample();
var wall = (performance.now() - wall0) / 1e3;
var cpuUsed = process.cpuUsage(cpu0);
var cpu = (cpuUsed.user + cpuUsed.system) / 1e6;
var pods = sim.list("Pod", "default").length;
var rss = process.resourceUsage().maxRSS / 1024;
console.log("engine benchmark: 100 nodes, 5,000-replica Deployment, create then roll to a new image");
console.log(`  create complete at    ${(createdAt / 1e3).toFixed(0)} s simulated, ${(wallCreate / 1e3).toFixed(2)} s wall`);
console.log(`  rollout complete at   ${(sim.now / 1e3).toFixed(0)} s simulated`);
console.log(`  wall time             ${wall.toFixed(2)} s   (target < 3 s)`);
console.log(`  CPU time              ${cpu.toFixed(2)} s   (main thread and V8's helper threads)`);
console.log(`  store changes         ${changes}  (${Math.round(changes / wall).toLocaleString("en-US")} per wall second)`);
console.log(`  pods at the end       ${pods}`);
console.log(`  peak heap             ${(peakHeap / 1048576).toFixed(0)} MiB, peak RSS ${rss.toFixed(0)} MiB`);
