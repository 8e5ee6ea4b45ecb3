import { describe, expect, test } from 'vitest';
import { deflateSync, strToU8 } from 'fflate';
import { base64urlDecode, base64urlEncode, decodeScenario, encodeScenario, MAX_LINK_CHARS, shareLink } from '../../../src/share/codec';
import { DEFAULT_SCENARIO } from '../../../src/scenarios/index';

const raw = (json: string) => 'v1.' + base64urlEncode(deflateSync(strToU8(json)));

describe('scenario links', () => {
  test('round-trips the scenario text, seed and optional view settings', () => {
    const s = { yaml: DEFAULT_SCENARIO.yaml, seed: 42, view: 'placement' as const, speed: 10, time: 30_000 };
    const frag = encodeScenario(s);
    expect(frag.startsWith('v1.')).toBe(true);
    expect(frag.slice(3)).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeScenario('#' + frag)).toEqual({ ok: true, scenario: s });
  });

  test('the payload is deflate-raw of UTF-8 JSON {"yaml","seed"}', () => {
    const frag = encodeScenario({ yaml: 'kind: Pod # ✓ ünïcode\n', seed: 3 });
    const bytes = base64urlDecode(frag.slice(3))!;
    expect(bytes).not.toBeNull();
    const manual = raw(JSON.stringify({ yaml: 'kind: Pod # ✓ ünïcode\n', seed: 3 }));
    expect(decodeScenario(manual)).toEqual({ ok: true, scenario: { yaml: 'kind: Pod # ✓ ünïcode\n', seed: 3 } });
  });

  test('the default scenario fits in a chat-safe link', () => {
    const { url, tooLong } = shareLink('https://kubeplay.dev/#old', { yaml: DEFAULT_SCENARIO.yaml, seed: 7 });
    expect(url.startsWith('https://kubeplay.dev/#v1.')).toBe(true);
    expect(url).not.toContain('#old');
    expect(url.length).toBeLessThanOrEqual(MAX_LINK_CHARS);
    expect(tooLong).toBe(false);
  });

  test('a long scenario is flagged as too long for a link', () => {
    let yaml = '';
    let x = 12345;
    for (let i = 0; i < 400; i++) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      yaml += `# ${x.toString(36)} ${(x * 7).toString(36)}\n`;
    }
    expect(shareLink('http://h/', { yaml, seed: 1 }).tooLong).toBe(true);
  });

  test('broken links give a clear message, never a throw', () => {
    const good = encodeScenario({ yaml: 'a: 1', seed: 1 });
    const cases: [string, RegExp][] = [
      ['#hello', /not a Kubeplay scenario link/],
      ['#v2.abcd', /newer version of Kubeplay \(v2\)/],
      ['#v1.', /damaged/],
      ['#v1.@@@@', /not valid base64url/],
      ['#' + good.slice(0, good.length - 6), /damaged/],
      ['#v1.' + base64urlEncode(strToU8('not deflate at all, just text')), /damaged/],
      [raw('{"yaml": '), /not valid JSON/],
      [raw('[1,2]'), /not a scenario/],
      [raw('{"seed": 1}'), /no scenario text/],
    ];
    for (const [frag, msg] of cases) {
      const r = decodeScenario(frag);
      expect(r.ok, frag).toBe(false);
      if (!r.ok) expect(r.error, frag).toMatch(msg);
    }
  });

  test('only known keys with valid types survive decoding', () => {
    const r = decodeScenario(raw(JSON.stringify({ yaml: 'x: 1', seed: -5, view: '<img src=x onerror=alert(1)>', speed: 'fast', time: -3, script: 'alert(1)' })));
    expect(r).toEqual({ ok: true, scenario: { yaml: 'x: 1', seed: 1 } });
  });

  test('base64url never emits +, / or padding', () => {
    const bytes = new Uint8Array(256).map((_, i) => i);
    const s = base64urlEncode(bytes);
    expect(s).not.toMatch(/[+/=]/);
    expect([...base64urlDecode(s)!]).toEqual([...bytes]);
  });
});
