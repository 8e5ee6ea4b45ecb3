// ComputeHash and SafeEncodeString (pkg/controller/controller_utils.go,
// staging/src/k8s.io/apimachinery/pkg/util/rand/rand.go).
//
// Upstream hashes go-spew's Go-syntax dump of the PodTemplateSpec, which cannot be reproduced
// outside Go (it depends on the exact k8s.io/api struct layout). We hash a canonical JSON of the
// template instead: same algorithm (FNV-1a 32), same collisionCount suffix, same encoding, so the
// result has the real shape and the same template always gives the same name.
import { K8S_RAND_ALPHABET } from '../../sim/random';
import { fnv32a } from '../../sim/fnv';

export { fnv32a };

/** JSON with object keys sorted at every level and undefined dropped (spew's SortKeys). */
export function canonicalJSON(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : canonicalJSON(x))).join(',')}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJSON(o[k])}`).join(',')}}`;
}

/** rand.SafeEncodeString: each byte c becomes alphabet[c % 27], so no vowels and no bad words. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += K8S_RAND_ALPHABET[s.charCodeAt(i) % K8S_RAND_ALPHABET.length];
  return out;
}

/**
 * controller.ComputeHash(template, collisionCount): when collisionCount is set, its uint32
 * little-endian bytes plus 4 zero bytes are written after the template, as upstream does.
 */
export function computeHash(template: unknown, collisionCount?: number | null): string {
  let h = fnv32a(new TextEncoder().encode(canonicalJSON(template ?? {})));
  if (collisionCount !== undefined && collisionCount !== null) {
    const b = new Uint8Array(8);
    const c = collisionCount >>> 0;
    b[0] = c & 0xff;
    b[1] = (c >>> 8) & 0xff;
    b[2] = (c >>> 16) & 0xff;
    b[3] = (c >>> 24) & 0xff;
    h = fnv32a(b, h);
  }
  return safeEncodeString(String(h));
}
