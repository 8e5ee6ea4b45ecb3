// Seeded randomness: the engine's only source of randomness. Each purpose draws from its own
// named stream, so a new draw in the scheduler does not change the names of pods.
import { fnv32aString as hashString } from './fnv';

function splitmix32(a: number): () => number {
  return () => {
    a = (a + 0x9e3779b9) | 0;
    let t = a ^ (a >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    t ^= t >>> 15;
    return t >>> 0;
  };
}

/** sfc32: small, fast, good statistical quality, four words of state. */
export class Random {
  /** The four words as int32: a typed array keeps them unboxed (several times faster than an array of numbers). */
  private s: Int32Array;

  constructor(seed: number, stream = '') {
    const mix = splitmix32((seed >>> 0) ^ hashString(stream));
    this.s = Int32Array.of(mix(), mix(), mix(), mix());
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    // In place: this runs for every uid and name character, so it allocates nothing.
    const s = this.s;
    let a = s[0] >>> 0;
    let b = s[1] >>> 0;
    let c = s[2] >>> 0;
    let d = s[3] >>> 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    s[0] = a;
    s[1] = b;
    s[2] = c;
    s[3] = d;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** n characters drawn uniformly from alphabet. */
  string(n: number, alphabet: string): string {
    let out = '';
    for (let i = 0; i < n; i++) out += alphabet[this.int(alphabet.length)];
    return out;
  }

  getState(): number[] {
    return [...this.s];
  }

  setState(s: number[]): void {
    this.s = Int32Array.of(s[0], s[1], s[2], s[3]);
  }
}

/** Named streams derived from one seed. */
export class RandomStreams {
  private streams = new Map<string, Random>();
  constructor(readonly seed: number) {}

  get(name: string): Random {
    let r = this.streams.get(name);
    if (!r) {
      r = new Random(this.seed, name);
      this.streams.set(name, r);
    }
    return r;
  }

  save(): Record<string, number[]> {
    const out: Record<string, number[]> = {};
    for (const [k, r] of this.streams) out[k] = r.getState();
    return out;
  }

  load(state: Record<string, number[]>): void {
    this.streams.clear();
    for (const [k, s] of Object.entries(state)) this.get(k).setState(s);
  }
}

/** The alphabet of k8s.io/apimachinery/pkg/util/rand (no vowels, no confusable characters). */
export const K8S_RAND_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** apiserver storage/names SimpleNameGenerator: base truncated to 58 chars + 5 random chars. */
export function generateName(base: string, rnd: Random): string {
  const maxBase = 63 - 5;
  const b = base.length > maxBase ? base.slice(0, maxBase) : base;
  return b + rnd.string(5, K8S_RAND_ALPHABET);
}
