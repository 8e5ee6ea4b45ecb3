// The playground layout: editor | canvas | inspector, with the time bar and the event stream /
// kubectl console below. Settings (contrast, type size) persist in localStorage.
import { useEffect, useState } from 'react';
import { useApp, PREFS_KEY } from './store';
import { Canvas } from './canvas/Canvas';
import { EditorPane } from './editor/EditorPane';
import { TimeBar } from './panels/TimeBar';
import { EventStream } from './panels/EventStream';
import { Console } from './panels/Console';
import { Inspector } from './panels/Inspector';
import { LEGEND } from './model/podLook';
import { pause, play, setCanvasView, share } from './controller';

function Banner() {
  const banner = useApp((s) => s.banner);
  if (!banner) return null;
  // Text only: nothing from a link or the engine is ever inserted as HTML.
  return (
    <div className={`banner banner--${banner.level}`} role={banner.level === 'error' ? 'alert' : 'status'} data-testid="banner" data-level={banner.level}>
      <span>{banner.text}</span>
      {banner.download ? (
        <a className="btn" href={banner.download.href} download={banner.download.filename}>
          ⬇ Download {banner.download.filename}
        </a>
      ) : null}
      {banner.action ? (
        <button type="button" className="btn" data-action="banner-action" onClick={banner.action.run}>
          {banner.action.label}
        </button>
      ) : null}
      <button type="button" className="mini" aria-label="Dismiss" onClick={() => useApp.getState().setBanner(null)}>
        ✕
      </button>
    </div>
  );
}

function Legend() {
  return (
    <div className="legend" aria-label="Legend">
      {LEGEND.map((l) => (
        <span key={l.state} className="legend__item">
          <span className={`pod pod--${l.state} shape-${l.shape} pod--legend`} aria-hidden="true">
            <span className="pod__icon">{l.icon}</span>
          </span>
          {l.label}
        </span>
      ))}
      <span className="legend__item">
        <span className="pod__badge pod__badge--probe legend__badge">⚠</span> probe failing
      </span>
      <span className="legend__item">
        <span className="pod__badge pod__badge--restarts legend__badge">↻2</span> restarts
      </span>
      <span className="legend__item muted">Click a pod, a box or a node to inspect it.</span>
    </div>
  );
}

function TopBar() {
  const canvasView = useApp((s) => s.canvasView);
  const highContrast = useApp((s) => s.highContrast);
  const largeType = useApp((s) => s.largeType);
  const scenarioName = useApp((s) => s.scenarioName);
  const seed = useApp((s) => s.seed);
  const showEditor = useApp((s) => s.showEditor);
  return (
    <header className="topbar">
      <h1 className="brand">
        <span aria-hidden="true">⎈</span> Kubeplay
      </h1>
      <span className="muted scenario-name">
        {scenarioName ?? 'scenario'} · seed {seed}
      </span>
      <div className="segmented" role="group" aria-label="Canvas view">
        <button type="button" className={canvasView === 'ownership' ? 'is-active' : ''} aria-pressed={canvasView === 'ownership'} data-action="view-ownership" onClick={() => setCanvasView('ownership')}>
          Ownership
        </button>
        <button type="button" className={canvasView === 'placement' ? 'is-active' : ''} aria-pressed={canvasView === 'placement'} data-action="view-placement" onClick={() => setCanvasView('placement')}>
          Placement
        </button>
      </div>
      <span className="spacer" />
      <label className="toggle">
        <input type="checkbox" checked={showEditor} onChange={(e) => useApp.getState().set({ showEditor: e.target.checked })} data-action="toggle-editor" /> Editor
      </label>
      <label className="toggle">
        <input type="checkbox" checked={highContrast} onChange={(e) => useApp.getState().set({ highContrast: e.target.checked })} /> High contrast
      </label>
      <label className="toggle">
        <input type="checkbox" checked={largeType} onChange={(e) => useApp.getState().set({ largeType: e.target.checked })} /> Large type
      </label>
      <button type="button" className="btn" data-action="share" onClick={() => void share()}>
        ⤴ Share link
      </button>
    </header>
  );
}

export function App() {
  const highContrast = useApp((s) => s.highContrast);
  const largeType = useApp((s) => s.largeType);
  const [bottom, setBottom] = useState<'events' | 'console'>('events');
  const hasSelection = useApp((s) => s.selection !== null);
  const showEditor = useApp((s) => s.showEditor);
  // Space plays/pauses (for a speaker with a clicker), unless typing somewhere.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (e.key !== ' ' || e.ctrlKey || e.metaKey || e.altKey) return;
      if (el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(el.tagName) || el.closest('.monaco-editor'))) return;
      e.preventDefault();
      if (useApp.getState().view.playing) pause();
      else play();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    try {
      const p = JSON.parse(localStorage.getItem(PREFS_KEY) ?? '{}');
      useApp.getState().set({ highContrast: !!p.highContrast, largeType: p.largeType ?? true });
    } catch {
      /* no prefs */
    }
  }, []);
  useEffect(() => {
    try {
      localStorage.setItem(PREFS_KEY, JSON.stringify({ highContrast, largeType }));
    } catch {
      /* storage blocked */
    }
  }, [highContrast, largeType]);
  return (
    <div className={`app${highContrast ? ' theme-hc' : ''}${largeType ? ' type-large' : ''}`}>
      <TopBar />
      <div className="banner-slot">
        <Banner />
      </div>
      <main className={`main${hasSelection ? '' : ' no-inspector'}${showEditor ? '' : ' no-editor'}`}>
        <EditorPane />
        <section className="stage" aria-label="Cluster canvas">
          <Canvas />
          <Legend />
        </section>
        {hasSelection ? <Inspector /> : null}
      </main>
      <TimeBar />
      <section className="bottom">
        <div className="tabs" role="tablist">
          <button type="button" role="tab" aria-selected={bottom === 'events'} className={bottom === 'events' ? 'is-active' : ''} onClick={() => setBottom('events')}>
            Events
          </button>
          <button type="button" role="tab" aria-selected={bottom === 'console'} className={bottom === 'console' ? 'is-active' : ''} data-action="console" onClick={() => setBottom('console')}>
            kubectl
          </button>
        </div>
        {bottom === 'events' ? <EventStream /> : <Console />}
      </section>
    </div>
  );
}
