// The UI state (zustand). Cluster data only changes through worker batches; everything the user
// does goes to the worker as a command.
import { create } from 'zustand';
import { applyBatch, emptyView, type ClusterView } from './model/view';
import type { EngineClient } from './engineClient';
import type { Batch, Diagnostic, ObjectDetail } from '../worker/protocol';
import type { CanvasView } from '../share/codec';

export interface Selection {
  kind: string;
  namespace: string;
  name: string;
}

export interface Banner {
  level: 'error' | 'warning' | 'info';
  text: string;
  /** Optional link (e.g. a download) — only ever a URL the app made itself. */
  download?: { href: string; filename: string };
  /** Optional button. */
  action?: { label: string; run(): void };
}

export interface ConsoleLine {
  kind: 'cmd' | 'out' | 'err';
  text: string;
}

export interface AppState {
  view: ClusterView;
  canvasView: CanvasView;
  selection: Selection | null;
  detail: ObjectDetail | null;
  diagnostics: Diagnostic[];
  /** The text in the editor (persisted to localStorage). */
  yaml: string;
  /** The text the running simulation was loaded from. */
  loadedYaml: string;
  seed: number;
  scenarioName?: string;
  banner: Banner | null;
  consoleLines: ConsoleLine[];
  highContrast: boolean;
  largeType: boolean;
  /** The editor column is shown (hide it to give a projector the whole width). */
  showEditor: boolean;
  client: EngineClient | null;

  applyBatch(b: Batch): void;
  setYaml(y: string): void;
  select(s: Selection | null): void;
  setDetail(d: ObjectDetail | null): void;
  setBanner(b: Banner | null): void;
  pushConsole(lines: ConsoleLine[]): void;
  set(partial: Partial<AppState>): void;
}

export const PREFS_KEY = 'kubeplay.prefs.v1';

export const useApp = create<AppState>((set) => ({
  view: emptyView(),
  canvasView: 'ownership',
  selection: null,
  detail: null,
  diagnostics: [],
  yaml: '',
  loadedYaml: '',
  seed: 1,
  banner: null,
  consoleLines: [],
  highContrast: false,
  largeType: false,
  showEditor: true,
  client: null,
  applyBatch: (b) => set((s) => ({ view: applyBatch(s.view, b) })),
  setYaml: (yaml) => set({ yaml }),
  select: (selection) => set({ selection, detail: null }),
  setDetail: (detail) => set({ detail }),
  setBanner: (banner) => set({ banner }),
  pushConsole: (lines) => set((s) => ({ consoleLines: [...s.consoleLines, ...lines].slice(-400) })),
  set: (partial) => set(partial),
}));
