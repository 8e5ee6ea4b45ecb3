// What the scheduler remembers of a pod's last scheduling attempt, for `--explain` and the UI:
// each node's filter verdict, and each score plugin's raw and normalised scores.
//
// One attempt is kept for every pod, so with many nodes the scores dominate the scheduler's
// memory (and the garbage collector's work): they are kept packed in typed arrays, rows of equal
// values as one value (StoredAttempt), and expanded into the plain Attempt shape only when asked for.
import type { PluginScores, ScoreResult } from './framework/runtime';

export interface FilterVerdict {
  plugin: string;
  code: string;
  reasons: string[];
}

export interface PreemptionSummary {
  message?: string;
  nominatedNode?: string;
  victims?: string[];
}

export interface Attempt {
  /** Simulated ms of the attempt. */
  at: number;
  attempt: number;
  result: 'Scheduled' | 'Unschedulable' | 'Error';
  node?: string;
  message?: string;
  /** Every node in the cluster at the time, in evaluation order; nodes after the search stopped are absent from filter and feasible. */
  nodes: string[];
  /** Rejected nodes: the first filter that rejected each. */
  filter: Record<string, FilterVerdict>;
  /** Nodes that passed every filter, in the order scores are given. */
  feasible: string[];
  scores: PluginScores[];
  totals: number[];
  preemption?: PreemptionSummary;
}

/** A score plugin's column in PackedScores; `shared` when its normalised scores are its raw ones. */
export interface PackedPlugin {
  plugin: string;
  weight: number;
  shared: boolean;
}

/**
 * Rows of one value per feasible node (n of them): every plugin's raw scores, then (unless
 * shared) its normalised scores, then the totals. A row whose values are all equal (bit r of
 * `constant`) is stored as that one value. While the simulation runs, `data` is a typed array
 * shared by many attempts, whose rows start at `offset`; in snapshots it is a plain array of the
 * attempt's own rows.
 */
export interface PackedScores {
  plugins: readonly PackedPlugin[];
  n: number;
  constant: number;
  data: ArrayLike<number>;
  /** Where the rows start in data (absent: 0). */
  offset?: number;
}

export interface StoredAttempt extends Omit<Attempt, 'scores' | 'totals'> {
  packed?: PackedScores;
  /** Snapshots written before scores were packed carry them expanded. */
  scores?: PluginScores[];
  totals?: number[];
}

// Attempts' rows are cut from shared slabs: a typed array of its own per attempt costs more to
// allocate than to fill. A slab is freed once no attempt cut from it is kept. Scores are nearly
// always small integers, kept in 16 bits; an attempt with any other value keeps 64-bit floats.
const SLAB_LENGTH = 16_384;

/** Copies one cycle's scores (the framework shares the column list between attempts). */
export class ScorePacker {
  private ints = new Int16Array(0);
  private usedInts = 0;
  private floats = new Float64Array(0);
  private usedFloats = 0;

  pack(r: ScoreResult): PackedScores {
    const d = r.data;
    const n = r.totals.length;
    const rows = n === 0 ? 0 : d.length / n;
    let constant = 0;
    let len = 0;
    for (let row = 0; row < rows; row++) {
      const o = row * n;
      const first = d[o];
      let i = o + 1;
      // A row mixing 0 and -0 is not constant (explain() gives back the exact values).
      while (i < o + n && d[i] === first && (first !== 0 || 1 / d[i] === 1 / first)) i++;
      if (i === o + n && row < 31) {
        constant |= 1 << row;
        len += 1;
      } else len += n;
    }
    if (this.usedInts + len > this.ints.length) {
      this.ints = new Int16Array(Math.max(SLAB_LENGTH, len));
      this.usedInts = 0;
    }
    if (copyRows(d, n, rows, constant, this.ints, this.usedInts)) {
      this.usedInts += len;
      return { plugins: r.plugins, n, constant, data: this.ints, offset: this.usedInts - len };
    }
    if (this.usedFloats + len > this.floats.length) {
      this.floats = new Float64Array(Math.max(SLAB_LENGTH, len));
      this.usedFloats = 0;
    }
    copyRows(d, n, rows, constant, this.floats, this.usedFloats);
    this.usedFloats += len;
    return { plugins: r.plugins, n, constant, data: this.floats, offset: this.usedFloats - len };
  }
}

/** Copies the rows (constant ones as one value); false if `to` did not keep a value exactly (an Int16Array keeps no fraction, nor -0). */
function copyRows(d: Float64Array, n: number, rows: number, constant: number, to: Int16Array | Float64Array, offset: number): boolean {
  let w = offset;
  for (let row = 0; row < rows; row++) {
    const o = row * n;
    const end = constant & (1 << row) ? o + 1 : o + n;
    for (let i = o; i < end; i++) {
      const v = d[i];
      to[w] = v;
      if (!Object.is(to[w++], v)) return false;
    }
  }
  return true;
}

/** The plain Attempt of a stored one. */
export function expandAttempt(s: StoredAttempt): Attempt {
  const { packed, scores, totals, ...rest } = s;
  if (!packed) return { ...rest, scores: scores ?? [], totals: totals ?? [] };
  const { n, constant, data } = packed;
  let o = packed.offset ?? 0;
  let row = 0;
  const next = (): number[] => {
    const out = new Array<number>(n);
    if (constant & (1 << row)) out.fill(data[o++]);
    else for (let i = 0; i < n; i++) out[i] = data[o++];
    row++;
    return out;
  };
  const out: PluginScores[] = [];
  for (const p of packed.plugins) {
    const raw = next();
    const normalized = p.shared ? raw : next();
    out.push({ plugin: p.plugin, weight: p.weight, raw, normalized });
  }
  return { ...rest, scores: out, totals: next() };
}

/** The attempt as plain JSON, for snapshots. */
export function storedAttemptJSON(s: StoredAttempt): StoredAttempt {
  if (!s.packed || Array.isArray(s.packed.data)) return s;
  const { offset = 0, ...packed } = s.packed;
  const data = Array.prototype.slice.call(s.packed.data, offset, offset + packedLength(packed)) as number[];
  return { ...s, packed: { ...packed, data } };
}

/** How many values an attempt's rows take (constant rows one each). */
function packedLength(p: PackedScores): number {
  let rows = 1;
  for (const pl of p.plugins) rows += pl.shared ? 1 : 2;
  let len = 0;
  for (let row = 0; row < rows; row++) len += p.constant & (1 << row) ? 1 : p.n;
  return len;
}
