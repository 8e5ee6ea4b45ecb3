import { describe, expect, test } from 'vitest';
import { initialScenario, DRAFT_KEY, PREVIOUS_DRAFT_KEY } from '../../src/ui/boot';
import { encodeScenario } from '../../src/share/codec';
import { DEFAULT_SCENARIO } from '../../src/scenarios/index';

function mem(init: Record<string, string> = {}) {
  const m = new Map(Object.entries(init));
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
}

describe('which scenario opens', () => {
  test('no link, no draft: the default scenario', () => {
    expect(initialScenario('', mem())).toEqual({ yaml: DEFAULT_SCENARIO.yaml, source: 'default' });
  });

  test('the saved draft survives a reload', () => {
    expect(initialScenario('', mem({ [DRAFT_KEY]: 'kind: Pod\n' }))).toEqual({ yaml: 'kind: Pod\n', source: 'draft' });
  });

  test('a link wins, and the draft it replaces is kept', () => {
    const store = mem({ [DRAFT_KEY]: 'my work' });
    const r = initialScenario('#' + encodeScenario({ yaml: 'shared', seed: 9, view: 'placement' }), store);
    expect(r).toEqual({ yaml: 'shared', seed: 9, view: 'placement', source: 'link' });
    expect(store.m.get(PREVIOUS_DRAFT_KEY)).toBe('my work');
  });

  test('a broken link explains itself and opens the default (or the draft)', () => {
    const r = initialScenario('#v1.garbage!!', mem());
    expect(r.source).toBe('default');
    expect(r.yaml).toBe(DEFAULT_SCENARIO.yaml);
    expect(r.error).toMatch(/damaged.*Opened the default scenario instead\./);
    const d = initialScenario('#v1.garbage!!', mem({ [DRAFT_KEY]: 'mine' }));
    expect(d).toMatchObject({ source: 'draft', yaml: 'mine' });
    expect(d.error).toMatch(/Opened your last draft instead\./);
  });

  test('storage that throws (privacy mode) still opens something', () => {
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    expect(initialScenario('', broken).source).toBe('default');
  });
});
