// What the UI's buttons do, outside React: load, apply, time controls, share, node actions.
import { useApp, type Selection } from './store';
import { EngineClient, type WorkerLike } from './engineClient';
import { initialScenario, DRAFT_KEY, PREVIOUS_DRAFT_KEY, type StorageLike } from './boot';
import { shareLink, type CanvasView } from '../share/codec';
import { withRecordedSteps } from '../share/steps';
import type { AppAction, NodeAction } from '../worker/protocol';

let client: EngineClient | null = null;
/** Views with more rows than this redraw at most every LARGE_VIEW_INTERVAL_MS. */
const LARGE_VIEW_ROWS = 300;
const LARGE_VIEW_INTERVAL_MS = 250;
let detailTimer: ReturnType<typeof setTimeout> | null = null;

function storage(): StorageLike | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function startEngine(worker: WorkerLike, hash: string): void {
  const app = useApp.getState();
  client = new EngineClient(worker, {
    batch: (b) => {
      useApp.getState().applyBatch(b);
      if (b.notice) useApp.getState().setBanner({ level: 'warning', text: b.notice });
      if (client) client.minIntervalMs = useApp.getState().view.rows.size > LARGE_VIEW_ROWS ? LARGE_VIEW_INTERVAL_MS : 0;
      scheduleDetailRefresh();
    },
    loaded: (r) => {
      useApp.getState().set({ diagnostics: r.diagnostics, seed: r.seed, scenarioName: r.scenarioName });
      if (!r.ok) {
        useApp.getState().setBanner({ level: 'error', text: r.message ?? `The scenario has ${r.diagnostics.filter((d) => d.severity === 'error').length} problem(s); see the markers in the editor.` });
      }
    },
    fatal: (message) => useApp.getState().setBanner({ level: 'error', text: message }),
  });
  app.set({ client });
  const init = initialScenario(hash, storage());
  useApp.getState().set({ yaml: init.yaml, canvasView: init.view ?? 'ownership' });
  if (init.error) useApp.getState().setBanner({ level: 'warning', text: init.error });
  else if (init.source === 'link') offerDraftRestore('Opened a shared scenario.');
  loadScenarioText(init.yaml, { seed: init.seed, speed: init.speed, time: init.time });
}

export function loadScenarioText(yaml: string, opts: { seed?: number; speed?: number; time?: number } = {}): void {
  useApp.getState().set({ loadedYaml: yaml, selection: null, detail: null });
  client?.send({ type: 'load', yaml, seed: opts.seed, speed: opts.speed, time: opts.time, play: true });
}

/** After the editor text was replaced, offer the previous draft back (it is never thrown away). */
function offerDraftRestore(what: string): void {
  let prev: string | null = null;
  try {
    prev = storage()?.getItem(PREVIOUS_DRAFT_KEY) ?? null;
  } catch {
    prev = null;
  }
  if (!prev || prev === useApp.getState().yaml) return;
  const text = prev;
  useApp.getState().setBanner({
    level: 'info',
    text: `${what} Your previous editor text is kept.`,
    action: {
      label: 'Restore my text',
      run: () => {
        replaceEditorText(text, 'Restored your text.');
        restartFromEditor();
      },
    },
  });
}

/** Put new text in the editor, keeping what was there as the previous draft. */
export function replaceEditorText(yaml: string, what: string): void {
  const cur = useApp.getState().yaml;
  if (cur && cur !== yaml) {
    try {
      storage()?.setItem(PREVIOUS_DRAFT_KEY, cur);
    } catch {
      /* storage blocked */
    }
  }
  useApp.getState().setYaml(yaml);
  saveDraft(yaml);
  offerDraftRestore(what);
}

export function saveDraft(yaml: string): void {
  try {
    storage()?.setItem(DRAFT_KEY, yaml);
  } catch {
    /* quota exceeded: keep working; the text stays in the editor */
  }
}

/** Apply the editor text to the running cluster (kubectl apply). Bad YAML changes nothing. */
export async function applyEditor(): Promise<void> {
  const { yaml } = useApp.getState();
  if (!client) return;
  const r = await client.apply(yaml);
  const diags = r.diagnostics ?? [];
  useApp.getState().set({ diagnostics: diags });
  useApp.getState().pushConsole([{ kind: 'cmd', text: 'kubectl apply -f scenario.yaml' }, ...(r.stdout ? [{ kind: 'out' as const, text: r.stdout }] : []), ...(r.stderr ? [{ kind: 'err' as const, text: r.stderr }] : [])]);
  if (!r.ok) {
    const errs = diags.filter((d) => d.severity === 'error');
    useApp.getState().setBanner({ level: 'error', text: errs.length ? `Not applied: ${errs.length} problem(s) — line ${errs[0].line}: ${errs[0].message}. The simulation keeps running unchanged.` : `Not applied: ${r.stderr.trim() || 'nothing to apply'}` });
  } else {
    useApp.getState().setBanner(null);
  }
}

/** Start over from the editor text at time zero. */
export function restartFromEditor(): void {
  loadScenarioText(useApp.getState().yaml, {});
}

export async function runConsole(line: string): Promise<void> {
  if (!client || !line.trim()) return;
  useApp.getState().pushConsole([{ kind: 'cmd', text: line }]);
  const r = await client.kubectl(line);
  const out = [];
  if (r.stdout) out.push({ kind: 'out' as const, text: r.stdout });
  if (r.stderr) out.push({ kind: 'err' as const, text: r.stderr });
  useApp.getState().pushConsole(out);
}

export function play(): void {
  client?.send({ type: 'play' });
}
export function pause(): void {
  client?.send({ type: 'pause' });
}
export function step(): void {
  client?.send({ type: 'step' });
}
export function setSpeed(speed: number): void {
  client?.send({ type: 'speed', speed });
}
export function seek(t: number): void {
  client?.send({ type: 'seek', t });
}

export async function nodeAction(name: string, action: NodeAction): Promise<void> {
  if (!client) return;
  const r = await client.request({ type: 'node', name, action });
  if (r.type === 'result' && !r.ok) useApp.getState().setBanner({ level: 'error', text: r.stderr.trim() });
}

export async function podAction(namespace: string, name: string, action: AppAction): Promise<void> {
  if (!client) return;
  const r = await client.request({ type: 'app', namespace, name, action });
  if (r.type === 'result' && !r.ok) useApp.getState().setBanner({ level: 'error', text: r.stderr.trim() });
}

export function setCanvasView(v: CanvasView): void {
  useApp.getState().set({ canvasView: v });
}

export function select(s: Selection | null): void {
  useApp.getState().select(s);
  refreshDetail();
}

function scheduleDetailRefresh(): void {
  if (!useApp.getState().selection || detailTimer) return;
  // The inspector re-reads its object at most 4 times a second while time runs.
  detailTimer = setTimeout(() => {
    detailTimer = null;
    refreshDetail();
  }, 250);
}

async function refreshDetail(): Promise<void> {
  const sel = useApp.getState().selection;
  if (!sel || !client) return;
  const d = await client.get(sel.kind, sel.namespace, sel.name);
  const now = useApp.getState().selection;
  if (now && now.kind === sel.kind && now.name === sel.name && now.namespace === sel.namespace) useApp.getState().setDetail(d);
}

/** Build a share link; live changes become scenario steps. Long links get a file instead. */
export async function share(): Promise<void> {
  const st = useApp.getState();
  const actions = client ? await client.actions() : [];
  const yaml = withRecordedSteps(st.loadedYaml, actions, st.seed);
  const { url, tooLong } = shareLink(location.href, { yaml, seed: st.seed, view: st.canvasView, speed: st.view.speed });
  if (tooLong) {
    const href = URL.createObjectURL(new Blob([yaml], { type: 'application/yaml' }));
    st.setBanner({ level: 'warning', text: `The link would be ${url.length} characters; chat apps cut links above 2,000. Download the scenario as a file instead.`, download: { href, filename: `${st.scenarioName ?? 'scenario'}.yaml` } });
    return;
  }
  history.replaceState(null, '', url);
  try {
    await navigator.clipboard.writeText(url);
    st.setBanner({ level: 'info', text: 'Link copied to the clipboard (it is also in the address bar).' });
  } catch {
    st.setBanner({ level: 'info', text: 'The link is in the address bar: copy it from there.' });
  }
}
