// FNV-1a 32-bit (Go's hash/fnv New32a): the hash Kubernetes uses for pod-template-hash, and the
// engine's deterministic hash wherever it derives a value from a name.
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** New32a over bytes, optionally continuing from a previous state. */
export function fnv32a(bytes: Uint8Array, h: number = FNV_OFFSET): number {
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** New32a over a string's UTF-16 code units (identical to the bytes for ASCII names). */
export function fnv32aString(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}
