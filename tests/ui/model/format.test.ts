import { describe, expect, test } from 'vitest';
import { formatClock, goDuration, humanDuration } from '../../../src/ui/model/format';
import { parseGoDuration } from '../../../src/engine/scenario/index';

describe('time formatting', () => {
  test('clock', () => {
    expect(formatClock(0)).toBe('0.0s');
    expect(formatClock(4_560)).toBe('4.5s');
    expect(formatClock(83_400)).toBe('1m23.4s');
    expect(formatClock(3_723_000)).toBe('1h02m03.0s');
  });

  test('ages as kubectl prints them (duration.HumanDuration)', () => {
    expect(humanDuration(5_000)).toBe('5s');
    expect(humanDuration(119_000)).toBe('119s');
    expect(humanDuration(150_000)).toBe('2m30s');
    expect(humanDuration(600_000)).toBe('10m');
    expect(humanDuration(4 * 3600_000 + 5 * 60_000)).toBe('4h5m');
    expect(humanDuration(30 * 3600_000)).toBe('30h');
    expect(humanDuration(3 * 86400_000 + 2 * 3600_000)).toBe('3d2h');
  });

  test('step times are Go durations the scenario loader reads back exactly', () => {
    for (const ms of [0, 20_000, 83_456, 3_600_000, 3_723_001]) {
      expect(parseGoDuration(goDuration(ms))).toBe(ms);
    }
    expect(goDuration(20_000)).toBe('20s');
    expect(goDuration(83_456)).toBe('1m23.456s');
  });
});
