// Entry: render the UI first, then start the simulation worker (the canvas never waits on
// the editor, which loads as a separate chunk).
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './ui/styles.css';
import { App } from './ui/App';
import { startEngine } from './ui/controller';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
createRoot(root).render(<App />);

const worker = new Worker(new URL('./worker/worker.ts', import.meta.url), { type: 'module' });
startEngine(worker, location.hash);

// Opening another link in the same tab (hash change) loads that scenario.
window.addEventListener('hashchange', () => {
  if (location.hash.length > 1) location.reload();
});
