// Where the first scenario comes from: a shared link, else the user's saved draft, else the
// default scenario. A broken link never leaves a blank page: it says what is wrong and opens
// the default. The user's draft is never overwritten by a link without being kept.
import { decodeScenario, type CanvasView } from '../share/codec';
import { DEFAULT_SCENARIO } from '../scenarios/index';

export interface StorageLike {
  getItem(k: string): string | null;
  setItem(k: string, v: string): void;
}

export interface InitialScenario {
  yaml: string;
  seed?: number;
  view?: CanvasView;
  speed?: number;
  time?: number;
  source: 'link' | 'draft' | 'default';
  error?: string;
}

export const DRAFT_KEY = 'kubeplay.editor.v1';
export const PREVIOUS_DRAFT_KEY = 'kubeplay.editor.previous.v1';

export function initialScenario(hash: string, storage: StorageLike | null): InitialScenario {
  const h = hash.replace(/^#/, '');
  let draft: string | null = null;
  try {
    draft = storage?.getItem(DRAFT_KEY) ?? null;
  } catch {
    draft = null;
  }
  if (h) {
    const r = decodeScenario(h);
    if (r.ok) {
      // Keep the draft the link is about to replace in the editor.
      if (draft && draft !== r.scenario.yaml) {
        try {
          storage?.setItem(PREVIOUS_DRAFT_KEY, draft);
        } catch {
          /* storage full or blocked: the draft stays under its own key */
        }
      }
      return { ...r.scenario, source: 'link' };
    }
    return { yaml: draft ?? DEFAULT_SCENARIO.yaml, source: draft ? 'draft' : 'default', error: `${r.error} Opened ${draft ? 'your last draft' : 'the default scenario'} instead.` };
  }
  if (draft && draft.trim()) return { yaml: draft, source: 'draft' };
  return { yaml: DEFAULT_SCENARIO.yaml, source: 'default' };
}
