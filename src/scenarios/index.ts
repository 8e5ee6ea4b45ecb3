// The built-in scenario library, bundled as text (Vite ?raw imports).
import rollingUpdate from './rolling-update.yaml?raw';
import crashLoop from './crash-loop.yaml?raw';
import nodeFailure from './node-failure.yaml?raw';
import pending from './pending.yaml?raw';

export interface BuiltinScenario {
  id: string;
  title: string;
  yaml: string;
}

export const SCENARIOS: BuiltinScenario[] = [
  { id: 'rolling-update', title: 'Rolling update with a readiness probe', yaml: rollingUpdate },
  { id: 'crash-loop', title: 'Crash loop and back-off', yaml: crashLoop },
  { id: 'node-failure', title: 'Node failure and eviction', yaml: nodeFailure },
  { id: 'pending', title: 'Pending: insufficient CPU', yaml: pending },
];

export const DEFAULT_SCENARIO = SCENARIOS[0];
