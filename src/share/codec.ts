// Scenario links: `#v1.<base64url(deflate-raw(UTF-8 JSON))>` with JSON {"yaml", "seed", ...}.
// A link carries the scenario, never simulated state. Decoding never throws and never trusts
// the payload: only known keys of the right types survive, so nothing in a link is executed.
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';

export const LINK_PREFIX = 'v1.';
/** Chat apps cut longer links; above this the UI warns and offers a file instead. */
export const MAX_LINK_CHARS = 2000;
/** Refuse to inflate payloads that would expand beyond this (zip bombs). */
const MAX_INFLATED_BYTES = 2_000_000;

export type CanvasView = 'ownership' | 'placement';

export interface SharedScenario {
  yaml: string;
  seed: number;
  view?: CanvasView;
  speed?: number;
  /** Simulated ms to open at. */
  time?: number;
}

export type DecodeResult = { ok: true; scenario: SharedScenario } | { ok: false; error: string };

export function base64urlEncode(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function base64urlDecode(s: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) return null;
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4);
  let bin: string;
  try {
    bin = atob(b64);
  } catch {
    return null;
  }
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The fragment (without '#') for a scenario. */
export function encodeScenario(s: SharedScenario): string {
  const json: Record<string, unknown> = { yaml: s.yaml, seed: s.seed };
  if (s.view) json.view = s.view;
  if (s.speed !== undefined) json.speed = s.speed;
  if (s.time !== undefined) json.time = s.time;
  return LINK_PREFIX + base64urlEncode(deflateSync(strToU8(JSON.stringify(json)), { level: 9 }));
}

/** Decode a fragment (with or without '#'). */
export function decodeScenario(fragment: string): DecodeResult {
  const f = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (!f.startsWith(LINK_PREFIX)) {
    return { ok: false, error: /^v\d+\./.test(f) ? `This link was made by a newer version of Kubeplay (${f.slice(0, f.indexOf('.'))}).` : 'This link is not a Kubeplay scenario link.' };
  }
  const bytes = base64urlDecode(f.slice(LINK_PREFIX.length));
  if (!bytes || bytes.length === 0) return { ok: false, error: 'This link is damaged: its data is not valid base64url.' };
  let text: string;
  try {
    const inflated = inflateSync(bytes);
    if (inflated.length > MAX_INFLATED_BYTES) return { ok: false, error: 'This link is damaged: its data is too large.' };
    text = strFromU8(inflated);
  } catch {
    return { ok: false, error: 'This link is damaged: its data could not be decompressed (was it cut short?).' };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This link is damaged: its data is not valid JSON.' };
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) return { ok: false, error: 'This link is damaged: its data is not a scenario.' };
  const j = json as Record<string, unknown>;
  if (typeof j.yaml !== 'string') return { ok: false, error: 'This link is damaged: it carries no scenario text.' };
  const seed = typeof j.seed === 'number' && Number.isInteger(j.seed) && j.seed >= 0 ? j.seed : 1;
  const out: SharedScenario = { yaml: j.yaml, seed };
  if (j.view === 'ownership' || j.view === 'placement') out.view = j.view;
  if (typeof j.speed === 'number' && Number.isFinite(j.speed) && j.speed > 0) out.speed = j.speed;
  if (typeof j.time === 'number' && Number.isFinite(j.time) && j.time >= 0) out.time = Math.round(j.time);
  return { ok: true, scenario: out };
}

/** A full link for the current page location. */
export function shareLink(baseUrl: string, s: SharedScenario): { url: string; tooLong: boolean } {
  const base = baseUrl.replace(/#.*$/, '');
  const url = `${base}#${encodeScenario(s)}`;
  return { url, tooLong: url.length > MAX_LINK_CHARS };
}
