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
 * `constant`) is stored as that one value. `data` is a typed array while the simulation runs and
 * a plain array in snapshots.
 */
export interface PackedScores {
  plugins: readonly PackedPlugin[];
  n: number;
  constant: number;
  data: ArrayLike<number>;
}

export interface StoredAttempt extends Omit<Attempt, 'scores' | 'totals'> {
  packed?: PackedScores;
  /** Snapshots written before scores were packed carry them expanded. */
  scores?: PluginScores[];
  totals?: number[];
}

// Attempts' rows are cut from shared slabs: a typed array of its own per attempt costs more to
// allocate than to fill. A slab (128 KiB) is freed once no attempt cut from it is kept.
const SLAB_LENGTH = 16_384;

/** Copies one cycle's scores (the framework shares the column list between attempts). */
export class ScorePacker {
  private slab = new Float64Array(0);
  private used = 0;

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
    if (this.used + len > this.slab.length) {
      this.slab = new Float64Array(Math.max(SLAB_LENGTH, len));
      this.used = 0;
    }
    const data = this.slab.subarray(this.used, this.used + len);
    this.used += len;
    let w = 0;
    for (let row = 0; row < rows; row++) {
      const o = row * n;
      if (constant & (1 << row)) data[w++] = d[o];
      else for (let i = o; i < o + n; i++) data[w++] = d[i];
    }
    return { plugins: r.plugins, n, constant, data };
  }
}

/** The plain Attempt of a stored one. */
export function expandAttempt(s: StoredAttempt): Attempt {
  const { packed, scores, totals, ...rest } = s;
  if (!packed) return { ...rest, scores: scores ?? [], totals: totals ?? [] };
  const { n, constant, data } = packed;
  let o = 0;
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
  return { ...s, packed: { ...s.packed, data: Array.from(s.packed.data) } };
}
