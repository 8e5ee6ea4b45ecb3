// Client-side `kubectl apply` (k8s.io/kubectl/pkg/cmd/apply): create the object with the
// last-applied-configuration annotation, or patch the live object with a three-way merge of
// (last applied, new manifest, live). Simplification: lists are replaced as a whole (a JSON merge
// patch), where kubectl's strategic merge patch merges some lists by key (containers by name).
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
export function threeWayMerge(original: Json | undefined, modified: Json, current: Json | undefined): Json {
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
    out[k] = threeWayMerge(orig[k], v, current[k]);
  }
  return out;
}

/** Apply one manifest: create, or merge into the live object. Throws ApiError from the server. */
export function applyObject(sim: Simulation, manifest: KubeObject, defaultNamespace = 'default'): ApplyResult {
  const info = kindInfo(manifest.kind);
  const obj = clone(manifest);
  obj.metadata = obj.metadata ?? ({} as KubeObject['metadata']);
  if (info?.namespaced && !obj.metadata.namespace) obj.metadata.namespace = defaultNamespace;
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
