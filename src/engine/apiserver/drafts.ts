// Private copies for read-modify-write (ApiServer.mutate). Stored objects are immutable and share
// structure between versions, so a copy needs to cover only what the write can keep.
import { clone, type KubeObject } from '../api/meta';

/**
 * mutate's private copy for a status write, which keeps nothing but status: metadata is copied at
 * once, the rest (spec, and status itself when fn replaces it whole) only if fn reads it.
 */
export function statusDraft(cur: KubeObject): KubeObject {
  const draft: KubeObject = { apiVersion: cur.apiVersion, kind: cur.kind, metadata: clone(cur.metadata) };
  for (const k in cur) {
    if (k === 'apiVersion' || k === 'kind' || k === 'metadata' || cur[k] === undefined) continue;
    Object.defineProperty(draft, k, {
      enumerable: true,
      configurable: true,
      get() {
        const v = clone(cur[k]);
        Object.defineProperty(draft, k, { value: v, writable: true, enumerable: true, configurable: true });
        return v;
      },
      set(v: unknown) {
        Object.defineProperty(draft, k, { value: v, writable: true, enumerable: true, configurable: true });
      },
    });
  }
  return draft;
}
