// Client-side `kubectl apply` (k8s.io/kubectl/pkg/cmd/apply): create the object with the
// last-applied-configuration annotation, or patch the live object with a three-way merge of
// (last applied, new manifest, live). Lists with a patchMergeKey (containers, env, volumes...) merge
// item by item as kubectl's strategic merge patch does; other lists are replaced whole.
// Simplifications: no $patch/$retainKeys directives, no setElementOrder, a reduced merge-key table.
import { clone, deepEqual, type KubeObject } from '../api/meta';
import { kindInfo } from '../api/kinds';
import type { Simulation } from '../sim/simulation';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export type ApplyOutcome = 'created' | 'configured' | 'unchanged';

export interface ApplyResult {
  outcome: ApplyOutcome;
  object: KubeObject;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Go's json.Marshal of a map: keys sorted, compact; kubectl appends a newline. */
export function goJson(v: unknown): string {
  const sortKeys = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(sortKeys);
    if (x && typeof x === 'object') {
      const o: Record<string, unknown> = {};
      for (const k of Object.keys(x).sort()) if ((x as Record<string, unknown>)[k] !== undefined) o[k] = sortKeys((x as Record<string, unknown>)[k]);
      return o;
    }
    return x;
  };
  return JSON.stringify(sortKeys(v)).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
}

/** The annotation value kubectl stores: the manifest without that annotation, as JSON. */
export function lastAppliedOf(manifest: KubeObject): string {
  const m = clone(manifest);
  m.metadata = m.metadata ?? ({} as KubeObject['metadata']);
  // kubectl computes it after setting the namespace, from an object whose annotations map exists.
  const ann = { ...(m.metadata.annotations ?? {}) };
  delete ann[LAST_APPLIED];
  m.metadata.annotations = ann;
  return goJson(m) + '\n';
}

function isMap(v: unknown): v is Record<string, Json> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Three-way merge: fields set in `modified` win; fields that were in `original` (last applied)
 * but are gone from `modified` are removed from `current`; everything else in `current` (server
 * defaults, status, fields set by other writers) stays.
 */
/**
 * patchMergeKey of the lists a strategic merge patch merges item by item (from the API types'
 * struct tags); other lists are replaced whole.
 */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
};

function mergeList(key: string, original: Json | undefined, modified: Json[], current: Json[], patch: boolean): Json[] | undefined {
  const k = MERGE_KEYS[key];
  if (!k || !modified.every((x) => isMap(x) && x[k] !== undefined) || !current.every((x) => isMap(x) && x[k] !== undefined)) return undefined;
  const byKey = (list: Json[]) => new Map(list.map((x) => [JSON.stringify((x as Record<string, Json>)[k]), x]));
  const orig = byKey(Array.isArray(original) ? original.filter((x) => isMap(x) && x[k] !== undefined) : []);
  const cur = byKey(current);
  const mod = byKey(modified);
  const merged = (id: string) => (patch ? strategicMerge(cur.get(id), mod.get(id)!) : threeWayMerge(orig.get(id), mod.get(id)!, cur.get(id)));
  if (patch) {
    // kubectl patch: the live order, with new items appended.
    const out: Json[] = current.map((c) => {
      const id = JSON.stringify((c as Record<string, Json>)[k]);
      return mod.has(id) ? merged(id) : clone(c);
    });
    for (const id of mod.keys()) if (!cur.has(id)) out.push(clone(mod.get(id)!));
    return out;
  }
  // kubectl apply sends the manifest's order (setElementOrder).
  const out: Json[] = [...mod.keys()].map(merged);
  // Items someone else added (not in the last applied configuration) stay.
  for (const [id, c] of cur) if (!mod.has(id) && !orig.has(id)) out.push(clone(c));
  return out;
}

/** A strategic merge patch (kubectl patch --type strategic): null deletes, keyed lists merge. */
export function strategicMerge(current: Json | undefined, patch: Json, key = ''): Json {
  if (Array.isArray(patch) && Array.isArray(current)) return mergeList(key, undefined, patch, current, true) ?? clone(patch);
  if (!isMap(patch) || !isMap(current)) return clone(patch);
  const out: Record<string, Json> = clone(current);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = strategicMerge(current[k], v, k);
  }
  return out;
}

export function threeWayMerge(original: Json | undefined, modified: Json, current: Json | undefined, key = ''): Json {
  if (Array.isArray(modified) && Array.isArray(current)) return mergeList(key, original, modified, current, false) ?? clone(modified);
  if (!isMap(modified) || !isMap(current)) return clone(modified);
  const out: Record<string, Json> = clone(current);
  const orig = isMap(original) ? original : {};
  for (const k of Object.keys(orig)) {
    if (!(k in modified)) delete out[k];
  }
  for (const [k, v] of Object.entries(modified)) {
    if (v === null) {
      delete out[k];
      continue;
    }
    out[k] = threeWayMerge(orig[k], v, current[k], k);
  }
  return out;
}

/** Client-side refusals of kubectl apply itself (before any request reaches the server). */
export class ApplyError extends Error {}

/** Apply one manifest: create, or merge into the live object. Throws ApiError from the server. */
export function applyObject(sim: Simulation, manifest: KubeObject, defaultNamespace = 'default', source = 'STDIN'): ApplyResult {
  const info = kindInfo(manifest.kind);
  const obj = clone(manifest);
  obj.metadata = obj.metadata ?? ({} as KubeObject['metadata']);
  if (info?.namespaced && !obj.metadata.namespace) obj.metadata.namespace = defaultNamespace;
  if (!obj.metadata.name) {
    if (obj.metadata.generateName) throw new ApplyError(`from ${source}: cannot use generate name with apply`);
    const group = info && info.apiVersion.includes('/') ? info.apiVersion.split('/')[0] : '';
    const version = info ? info.apiVersion.split('/').pop() : '';
    throw new ApplyError(
      `error when retrieving current configuration of: Resource: "${group}/${version}, Resource=${info?.plural}", GroupVersionKind: "${group}/${version}, Kind=${manifest.kind}" ` +
        `Name: "", Namespace: "${obj.metadata.namespace ?? ''}" from server for: "${source}": resource name may not be empty`,
    );
  }
  const ns = info?.namespaced ? obj.metadata.namespace : undefined;
  const annotation = lastAppliedOf(obj);
  const live = obj.metadata.name ? sim.api.get(manifest.kind, ns, obj.metadata.name) : undefined;
  if (!live) {
    obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED]: annotation };
    return { outcome: 'created', object: sim.api.create(obj) };
  }
  const prevRaw = live.metadata.annotations?.[LAST_APPLIED];
  let original: Json | undefined;
  try {
    original = prevRaw ? (JSON.parse(prevRaw) as Json) : undefined;
  } catch {
    original = undefined;
  }
  const modified = clone(obj) as unknown as Json;
  (modified as Record<string, Json>).metadata = {
    ...((modified as Record<string, Json>).metadata as Record<string, Json>),
    annotations: { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED]: annotation },
  };
  const merged = threeWayMerge(original, modified, clone(live) as unknown as Json) as unknown as KubeObject;
  delete merged.metadata.resourceVersion;
  if (deepEqual({ ...merged, status: undefined }, { ...live, status: undefined, metadata: { ...live.metadata, resourceVersion: undefined } })) {
    return { outcome: 'unchanged', object: live };
  }
  const stored = sim.api.update(merged);
  return { outcome: stored === live ? 'unchanged' : 'configured', object: stored };
}
