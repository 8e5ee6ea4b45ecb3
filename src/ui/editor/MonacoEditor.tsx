// The Monaco editor itself (lazy chunk). Engine diagnostics become markers; Ctrl/Cmd+Enter applies.
import { useEffect, useRef } from 'react';
import { monaco } from './monaco';
import { useApp } from '../store';
import { applyEditor, saveDraft } from '../controller';

const OWNER = 'kubeplay';

export default function MonacoEditor() {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const diagnostics = useApp((s) => s.diagnostics);
  const yaml = useApp((s) => s.yaml);
  const highContrast = useApp((s) => s.highContrast);
  const largeType = useApp((s) => s.largeType);

  useEffect(() => {
    if (!host.current) return;
    const model = monaco.editor.createModel(useApp.getState().yaml, 'yaml', monaco.Uri.parse('file:///scenario.yaml'));
    const editor = monaco.editor.create(host.current, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: useApp.getState().largeType ? 18 : 14,
      tabSize: 2,
      scrollBeyondLastLine: false,
      theme: useApp.getState().highContrast ? 'hc-black' : 'vs-dark',
      quickSuggestions: { other: true, comments: false, strings: true },
      ariaLabel: 'Scenario YAML editor',
    });
    editorRef.current = editor;
    // A handle for end-to-end tests (markers, completion); nothing reads it in the app.
    (window as unknown as { __kubeplayEditor?: unknown }).__kubeplayEditor = { editor, monaco };
    let timer: ReturnType<typeof setTimeout> | null = null;
    const sub = model.onDidChangeContent(() => {
      const text = model.getValue();
      useApp.getState().setYaml(text);
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => saveDraft(text), 300);
    });
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => void applyEditor());
    // Closing the tab within the save debounce must not lose the last keystrokes.
    const flush = () => saveDraft(model.getValue());
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      if (timer) {
        clearTimeout(timer);
        saveDraft(model.getValue());
      }
      sub.dispose();
      editor.dispose();
      model.dispose();
      editorRef.current = null;
    };
  }, []);

  // Text replaced from outside (scenario picker, link): push it into the model.
  useEffect(() => {
    const m = editorRef.current?.getModel();
    if (m && m.getValue() !== yaml) m.setValue(yaml);
  }, [yaml]);

  useEffect(() => {
    const m = editorRef.current?.getModel();
    if (!m) return;
    monaco.editor.setModelMarkers(
      m,
      OWNER,
      diagnostics.map((d) => ({
        startLineNumber: d.line,
        startColumn: d.column,
        // The engine gives the range of the offending YAML node when it knows it; else the rest of the line.
        endLineNumber: d.endLine ?? d.line,
        endColumn: d.endColumn ?? Math.max(d.column + 1, m.getLineMaxColumn(Math.min(Math.max(1, d.line), m.getLineCount()))),
        message: d.message,
        severity: d.severity === 'error' ? monaco.MarkerSeverity.Error : d.severity === 'warning' ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Info,
        source: 'kubeplay',
      })),
    );
  }, [diagnostics]);

  useEffect(() => {
    monaco.editor.setTheme(highContrast ? 'hc-black' : 'vs-dark');
    editorRef.current?.updateOptions({ fontSize: largeType ? 18 : 14 });
  }, [highContrast, largeType]);

  return <div className="monaco-host" ref={host} data-testid="monaco" />;
}
