// ScorePacker: an attempt's scores come back from expandAttempt exactly as the cycle gave them,
// whether kept as 16-bit integers or as floats (non-integers, -0, out of range).
import { describe, expect, it } from 'vitest';
import { expandAttempt, ScorePacker, storedAttemptJSON, type StoredAttempt } from '../../../src/engine/scheduler/explanation';
import type { ScoreResult } from '../../../src/engine/scheduler/framework/runtime';

function result(rows: number[][]): ScoreResult {
  const n = rows[0].length;
  const data = Float64Array.from(rows.flat());
  const plugins = [
    { plugin: 'A', weight: 1, shared: true },
    { plugin: 'B', weight: 2, shared: false },
  ];
  return { plugins, data, totals: data.subarray((rows.length - 1) * n) };
}

const base: StoredAttempt = { at: 0, attempt: 1, result: 'Scheduled', nodes: [], filter: {}, feasible: [] };

describe('ScorePacker', () => {
  const cases: [string, number[][]][] = [
    ['small integers', [[1, 2, 3], [7, 7, 7], [100, 0, 50], [108, 14, 103]]],
    ['a fraction', [[1, 2.5, 3], [0, 0, 0], [100, 0, 50], [101, 2.5, 103]]],
    ['-0 in a constant row', [[-0, -0, -0], [0, 0, 0], [1, 2, 3], [1, 2, 3]]],
    ['mixed 0 and -0', [[0, -0, 0], [0, 0, 0], [1, 2, 3], [1, 2, 3]]],
    ['beyond 16 bits', [[40000, 2, 3], [-40000, 0, 1], [100, 0, 50], [1, 2, 3]]],
    ['NaN', [[NaN, 2, 3], [0, 0, 0], [1, 2, 3], [NaN, 2, 3]]],
  ];
  for (const [name, rows] of cases) {
    it(`gives back ${name} exactly, also from a copy of its snapshot form`, () => {
      const packer = new ScorePacker();
      const attempts = [0, 1, 2].map(() => ({ ...base, packed: packer.pack(result(rows)) }));
      for (const a of attempts) {
        for (const e of [expandAttempt(a), expandAttempt(structuredClone(storedAttemptJSON(a)))]) {
          const got = [e.scores[0].raw, e.scores[1].raw, e.scores[1].normalized, e.totals];
          got.forEach((row, r) => row.forEach((v, i) => expect(Object.is(v, rows[r][i]), `${r},${i}`).toBe(true)));
        }
      }
    });
  }
});
