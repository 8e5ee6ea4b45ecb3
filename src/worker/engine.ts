// The worker's one door into the engine: scenario loading, live apply, kubectl and node actions.
import { parseAllDocuments } from 'yaml';
import type { Simulation } from '../engine/sim/simulation';
import { runKubectl } from '../engine/kubectl/index';
import { applyObject } from '../engine/kubectl/applyObject';
import { objectName } from '../engine/kubectl/resources';
import { ApiError } from '../engine/apiserver/errors';
import { parseManifests } from '../manifests/parse';
import { toObjects } from '../manifests/objects';
import { SCENARIO_API_VERSION, SCENARIO_KIND } from '../engine/scenario/index';
import type { AppAction, Diagnostic, NodeAction } from './protocol';
import type { Component } from '../engine/sim/component';
import { explainPodTable } from '../engine/scheduler/explain';

export { explainPodTable };

export { runKubectl };
export { loadScenario, POD_ACTION_DONE, type ScenarioStep } from '../engine/scenario/index';

/**
 * The text with kubeplay Scenario documents blanked out (every character but newlines becomes a
 * space), so `kubectl apply` sees only Kubernetes objects and positions still match the editor.
 */
export function withoutScenarioDocs(text: string): string {
  let out = text;
  for (const doc of parseAllDocuments(text)) {
    const v = doc.errors.length ? null : (doc.toJS() as Record<string, unknown> | null);
    if (!v || typeof v !== 'object' || v.kind !== SCENARIO_KIND || v.apiVersion !== SCENARIO_API_VERSION) continue;
    const [start, , end] = doc.range;
    out = out.slice(0, start) + out.slice(start, end).replace(/[^\n]/g, ' ') + out.slice(end);
  }
  return out;
}

/**
 * `kubectl apply -f` of a multi-document text (the editor's Apply): nothing is applied when the
 * text has syntax or schema errors; otherwise each object is applied in order and API errors come
 * back positioned at the field they name.
 */
export function applyText(sim: Simulation, text: string, file = 'scenario.yaml'): { diagnostics: Diagnostic[]; messages: string[] } {
  const parsed = parseManifests(withoutScenarioDocs(text), file);
  const { objects, diagnostics } = toObjects(parsed);
  const messages: string[] = [];
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics, messages };
  if (!objects.length) {
    diagnostics.push({ file, line: 1, column: 1, message: 'error: no objects passed to apply', severity: 'error' });
    return { diagnostics, messages };
  }
  for (const so of objects) {
    try {
      const r = applyObject(sim, so.object);
      messages.push(`${objectName(r.object)} ${r.outcome}`);
    } catch (e) {
      const push = (path: string, message: string) => {
        const p = so.doc.positionOf(path);
        diagnostics.push({ file, line: p.line, column: p.column, endLine: p.endLine, endColumn: p.endColumn, message, severity: 'error' });
      };
      if (e instanceof ApiError && e.reason === 'Invalid' && e.causes.length) {
        for (const c of e.causes) push(c.field, e.message);
      } else if (e instanceof ApiError) {
        push('', `Error from server (${e.reason}): error when applying "${file}": ${e.message}`);
      } else {
        push('', `error: ${(e as Error)?.message ?? String(e)}`);
      }
    }
  }
  return { diagnostics, messages };
}

/** Stop or start a node's kubelet (the kubelet component's node switch). */
export function nodeAction(sim: Simulation, name: string, action: NodeAction): string | null {
  if (!sim.get('Node', undefined, name)) return `Error from server (NotFound): nodes "${name}" not found`;
  const kubelet = sim.component<{ setNodeRunning?(n: string, running: boolean): void } & Component>('kubelet');
  if (!kubelet || typeof kubelet.setNodeRunning !== 'function') return 'node actions need the kubelet component, which is not available';
  kubelet.setNodeRunning(name, action === 'start');
  return null;
}

/** Crash a pod's process, break or heal its health endpoints (the kubelet component's app actions). */
export function appAction(sim: Simulation, namespace: string, name: string, action: AppAction): string | null {
  if (!sim.get('Pod', namespace, name)) return `Error from server (NotFound): pods "${name}" not found`;
  const kubelet = sim.component<{ appAction?(ns: string, pod: string, a: AppAction): boolean } & Component>('kubelet');
  if (!kubelet || typeof kubelet.appAction !== 'function') return 'app actions need the kubelet component, which is not available';
  return kubelet.appAction(namespace, name, action) ? null : `error: pod "${name}" has no running container on a running node`;
}
