// The editor column: Apply / Restart, the scenario library, and the Monaco editor, which loads
// after the canvas (a lazy chunk). Until it loads, a plain textarea keeps the text editable.
import { lazy, Suspense, useEffect } from 'react';
import { useApp } from '../store';
import { applyEditor, replaceEditorText, restartFromEditor, saveDraft } from '../controller';
import { SCENARIOS } from '../../scenarios/index';

const MonacoEditor = lazy(() => import('./MonacoEditor'));

function Fallback() {
  const yaml = useApp((s) => s.yaml);
  return (
    <textarea
      className="editor-fallback"
      value={yaml}
      spellCheck={false}
      aria-label="Scenario YAML (plain editor while the full editor loads)"
      onChange={(e) => {
        useApp.getState().setYaml(e.target.value);
        saveDraft(e.target.value);
      }}
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
          e.preventDefault();
          void applyEditor();
        }
      }}
    />
  );
}

export function EditorPane() {
  const diagnostics = useApp((s) => s.diagnostics);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  // Ctrl/Cmd+Enter anywhere applies (Monaco handles it itself while focused).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const inMonaco = (e.target as HTMLElement | null)?.closest?.('.monaco-editor');
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter' && !inMonaco && !(e.target instanceof HTMLTextAreaElement)) {
        e.preventDefault();
        void applyEditor();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <section className="editor" aria-label="Scenario editor">
      <div className="editor__tools">
        <button type="button" className="btn btn--primary" data-action="apply" onClick={() => void applyEditor()} title="kubectl apply the editor text to the running cluster (Ctrl/Cmd+Enter)">
          Apply <kbd>Ctrl+Enter</kbd>
        </button>
        <button type="button" className="btn" data-action="restart" onClick={() => restartFromEditor()} title="Start the simulation over from this text at time zero">
          ↺ Restart
        </button>
        <select
          aria-label="Scenario library"
          data-action="scenario"
          value=""
          onChange={(e) => {
            const s = SCENARIOS.find((x) => x.id === e.target.value);
            if (!s) return;
            replaceEditorText(s.yaml, `Opened “${s.title}”.`);
            restartFromEditor();
          }}
        >
          <option value="">Scenarios…</option>
          {SCENARIOS.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </div>
      <div className="editor__body">
        <Suspense fallback={<Fallback />}>
          <MonacoEditor />
        </Suspense>
      </div>
      {errors.length ? (
        <ul className="editor__problems" data-testid="problems">
          {errors.slice(0, 5).map((d, i) => (
            <li key={i}>
              <span className="bad">✕</span> line {d.line}:{d.column} {d.message}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
