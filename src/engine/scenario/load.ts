// Building a Simulation from scenario text: Node documents replace the default cluster, a
// kubeplay Scenario document gives the seed and timed steps, every other document is applied
// at time zero as `kubectl apply -f` would. Problems come back as positioned diagnostics.
import type { KubeObject } from '../api/meta';
import { fieldErrorMessage } from '../api/fieldErrors';
import { ApiError, invalid } from '../apiserver/errors';
import { nodeManifest } from '../sim/cluster';
import { Simulation, type TraceRecord } from '../sim/simulation';
import { DEFAULT_TIMINGS, type Timings } from '../sim/timings';
import { ApplyError, applyObject } from '../kubectl/applyObject';
import { objectName } from '../kubectl/resources';
import { ArgError, parseArgs, tokenize } from '../kubectl/args';
import { COMMANDS } from '../kubectl/commands/registry';
import { parseManifests, type ManifestDoc } from '../../manifests/parse';
import { toObjects, type SourcedObject } from '../../manifests/objects';
import type { Diagnostic } from '../../manifests/diagnostics';
import { parseAt } from '../sim/duration';
import { ScenarioRunner, SCENARIO_COMPONENT } from './runner';
import { POD_ACTIONS, SCENARIO_API_VERSION, SCENARIO_KIND, type PodAction, type Scenario, type ScenarioStep } from './types';

export interface ScenarioSource {
  file: string;
  text: string;
}

export interface LoadOptions {
  file?: string;
  /** Overrides the Scenario's spec.seed. */
  seed?: number;
  freezeObjects?: boolean;
  /** Receives every store change, starting with the objects that exist at time zero. */
  trace?: (rec: TraceRecord) => void;
}

export interface LoadResult {
  sim: Simulation;
  diagnostics: Diagnostic[];
  scenario: Scenario;
}

export function loadScenario(text: string, opts: LoadOptions = {}): LoadResult {
  return loadScenarioFiles([{ file: opts.file ?? 'scenario.yaml', text }], opts);
}

export function loadScenarioFiles(sources: ScenarioSource[], opts: LoadOptions = {}): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const objects: SourcedObject[] = [];
  const scenarioDocs: { doc: ManifestDoc; file: string; value: Record<string, any>; text: string }[] = [];
  for (const src of sources) {
    const parsed = parseManifests(src.text, src.file);
    const r = toObjects(parsed, (v, doc) => {
      if (v.kind === SCENARIO_KIND && v.apiVersion === SCENARIO_API_VERSION) {
        scenarioDocs.push({ doc, file: src.file, value: v, text: src.text });
        return true;
      }
      return false;
    });
    diagnostics.push(...r.diagnostics);
    objects.push(...r.objects);
  }

  const at = (file: string, doc: ManifestDoc, path: string, message: string, severity: Diagnostic['severity'] = 'error') => {
    const p = doc.positionOf(path);
    diagnostics.push({ file, line: p.line, column: p.column, endLine: p.endLine, endColumn: p.endColumn, message, severity });
  };

  const scenario: Scenario = { name: '', steps: [] };
  scenarioDocs.forEach((sd, i) => {
    if (i > 0) {
      at(sd.file, sd.doc, '', 'only one Scenario document is allowed');
      return;
    }
    readScenario(sd.value, sd.file, sd.doc, scenario, at, (d) => diagnostics.push(d), sd.text);
  });

  const nodes = objects.filter((o) => o.object.kind === 'Node');
  const rest = objects.filter((o) => o.object.kind !== 'Node');
  const seed = opts.seed ?? scenario.seed ?? 1;
  const sim = new Simulation({
    seed,
    nodes: nodes.length ? nodes.map((n) => nodeFromManifest(n.object)) : undefined,
    timings: scenario.timings as Partial<Timings> | undefined,
    freezeObjects: opts.freezeObjects,
  });
  if (opts.trace) {
    const initial = [...sim.api.all()].sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion));
    for (const o of initial) opts.trace({ t: sim.now, type: 'ADDED', object: o });
    sim.onChange(opts.trace);
  }

  const seen = new Map<string, SourcedObject>();
  for (const so of rest) {
    const key = `${so.object.kind}/${so.object.metadata?.namespace ?? ''}/${so.object.metadata?.name ?? ''}`;
    if (so.object.metadata?.name && seen.has(key)) {
      at(so.file, so.doc, 'metadata.name', `${objectName(so.object)} is defined more than once; the later document is applied over the earlier one`, 'warning');
    }
    seen.set(key, so);
    try {
      applyObject(sim, so.object, 'default', so.file);
    } catch (e) {
      reportApiError(e, so, diagnostics);
    }
  }

  for (const st of scenario.steps) {
    if (st.node && !sim.get('Node', undefined, st.node.name) && st.source) {
      diagnostics.push({ ...st.source, message: `nodes "${st.node.name}" not found`, severity: 'error' });
    }
  }
  const runner = sim.component<ScenarioRunner>(SCENARIO_COMPONENT);
  if (runner && scenario.steps.length) runner.load(sim, scenario.steps);
  else if (!runner && scenario.steps.length) {
    diagnostics.push({ file: sources[0]?.file ?? '', line: 1, column: 1, message: 'scenario steps need the scenario component (src/engine/components.ts)', severity: 'error' });
  }
  // Reading order: by file as given, then by position.
  const fileIndex = new Map(sources.map((s, i) => [s.file, i]));
  diagnostics.sort((a, b) => (fileIndex.get(a.file) ?? 0) - (fileIndex.get(b.file) ?? 0) || a.line - b.line || a.column - b.column);
  return { sim, diagnostics, scenario };
}

/** An API error positioned at each field it names (the first line per field), else at the document. */
function reportApiError(e: unknown, so: SourcedObject, out: Diagnostic[]): void {
  const push = (path: string, message: string) => {
    const p = so.doc.positionOf(path);
    out.push({ file: so.file, line: p.line, column: p.column, endLine: p.endLine, endColumn: p.endColumn, message, severity: 'error' });
  };
  if (e instanceof ApiError) {
    if (e.reason === 'Invalid' && e.causes.length) {
      const m = /^(\S+) "([^"]*)" is invalid/.exec(e.message);
      const qualified = m?.[1] ?? so.object.kind;
      const [kind, ...group] = qualified.split('.');
      for (const c of e.causes) {
        push(c.field, m ? invalid(kind, group.join('.'), m[2], [c]).message : fieldErrorMessage(c));
      }
      return;
    }
    // A decode failure (a bad quantity) carries the field it failed on as its cause.
    const at = e.reason === 'NotFound' && /namespaces "/.test(e.message) ? 'metadata.namespace' : (e.causes[0]?.field ?? '');
    push(at, `Error from server (${e.reason}): error when creating "${so.file}": ${e.message}`);
    return;
  }
  push(e instanceof ApplyError ? 'metadata' : '', `error: ${(e as Error)?.message ?? String(e)}`);
}

/** A user's Node document filled in with what a kubelet would register (labels, capacity). */
function nodeFromManifest(n: KubeObject): KubeObject {
  const base = nodeManifest({ name: n.metadata.name, labels: n.metadata.labels });
  const capacity = { ...base.status.capacity, ...(n.status?.capacity ?? {}) };
  return {
    ...base,
    metadata: { ...base.metadata, ...n.metadata, labels: { ...base.metadata.labels, ...(n.metadata.labels ?? {}) } },
    spec: n.spec ?? {},
    status: { ...(n.status ?? {}), capacity, allocatable: { ...capacity, ...(n.status?.allocatable ?? {}) } },
  };
}

/** What kubectl would refuse before talking to the server: quoting, flags, an unknown verb. */
function checkKubectlLine(line: string): string | undefined {
  try {
    const a = parseArgs(tokenize(line));
    if (!a.verb) return 'error: you must specify a command, e.g. "kubectl get pods"';
    if (!COMMANDS[a.verb]) return `error: unknown command "${a.verb}" for "kubectl"`;
  } catch (e) {
    if (e instanceof ArgError) return `error: ${e.message}`;
    throw e;
  }
  return undefined;
}

type At = (file: string, doc: ManifestDoc, path: string, message: string, severity?: Diagnostic['severity']) => void;

function readScenario(v: Record<string, any>, file: string, doc: ManifestDoc, out: Scenario, at: At, push: (d: Diagnostic) => void, text: string): void {
  out.name = typeof v.metadata?.name === 'string' ? v.metadata.name : '';
  const spec = v.spec ?? {};
  if (typeof spec !== 'object' || Array.isArray(spec)) {
    at(file, doc, 'spec', 'spec: Invalid value: must be a map');
    return;
  }
  if (spec.seed !== undefined) {
    if (typeof spec.seed !== 'number' || !Number.isInteger(spec.seed) || spec.seed < 0 || spec.seed > 0xffffffff) {
      at(file, doc, 'spec.seed', `spec.seed: Invalid value: ${JSON.stringify(spec.seed)}: must be an integer between 0 and 4294967295`);
    } else out.seed = spec.seed;
  }
  if (spec.timings !== undefined) {
    if (typeof spec.timings !== 'object' || Array.isArray(spec.timings)) at(file, doc, 'spec.timings', 'spec.timings: Invalid value: must be a map of milliseconds');
    else {
      const t: Record<string, number> = {};
      for (const [k, val] of Object.entries(spec.timings)) {
        if (!(k in DEFAULT_TIMINGS)) {
          at(file, doc, `spec.timings.${k}`, `spec.timings.${k}: Unsupported value: ${JSON.stringify(k)}: supported values: ${Object.keys(DEFAULT_TIMINGS).map((x) => JSON.stringify(x)).join(', ')}`);
          continue;
        }
        if (typeof val !== 'number' || val < 0) at(file, doc, `spec.timings.${k}`, `spec.timings.${k}: Invalid value: ${JSON.stringify(val)}: must be a non-negative number of milliseconds`);
        else t[k] = val;
      }
      out.timings = t;
    }
  }
  const steps = spec.steps ?? [];
  if (!Array.isArray(steps)) {
    at(file, doc, 'spec.steps', 'spec.steps: Invalid value: must be a list');
    return;
  }
  steps.forEach((s: any, i: number) => {
    const path = `spec.steps[${i}]`;
    if (!s || typeof s !== 'object' || Array.isArray(s)) {
      at(file, doc, path, `${path}: Invalid value: must be a map`);
      return;
    }
    let when: number;
    try {
      if (s.at === undefined) throw new Error('');
      when = parseAt(s.at);
      if (when < 0) throw new Error(`time: invalid duration ${JSON.stringify(s.at)}`);
    } catch (e) {
      const msg = (e as Error).message;
      at(file, doc, `${path}.at`, msg ? `${path}.at: Invalid value: ${JSON.stringify(s.at)}: ${msg}` : `${path}.at: Required value`);
      return;
    }
    const actions = ['kubectl', 'apply', 'node', 'pod'].filter((k) => s[k] !== undefined);
    if (actions.length !== 1) {
      at(file, doc, path, `${path}: Invalid value: exactly one of kubectl, apply, node or pod must be set`);
      return;
    }
    const pos = doc.positionOf(path);
    const step: ScenarioStep = { at: when, source: { file, line: pos.line, column: pos.column } };
    if (s.kubectl !== undefined) {
      if (typeof s.kubectl !== 'string') return at(file, doc, `${path}.kubectl`, `${path}.kubectl: Invalid value: must be a string`);
      const line: string = s.kubectl.replace(/^\s*kubectl\s+/, '');
      step.kubectl = line;
      const problem = checkKubectlLine(line);
      if (problem) return at(file, doc, `${path}.kubectl`, problem);
    } else if (s.apply !== undefined) {
      if (typeof s.apply !== 'string') return at(file, doc, `${path}.apply`, `${path}.apply: Invalid value: must be a string of YAML`);
      step.apply = s.apply;
      const inner = toObjects(parseManifests(s.apply, file));
      const base = doc.positionOf(`${path}.apply`);
      const lines = text.split('\n');
      const block = /^[|>]/.test((lines[base.line - 1] ?? '').slice(base.column - 1));
      for (const d of inner.diagnostics) {
        // In a block scalar, line k of the embedded text is k lines below the indicator, indented.
        if (block && lines[base.line - 1 + d.line] !== undefined) {
          const line = base.line + d.line;
          const indent = /^ */.exec(lines[line - 1])![0].length;
          push({ file, line, column: indent + d.column, message: d.message, severity: d.severity });
        } else at(file, doc, `${path}.apply`, d.message, d.severity);
      }
    } else if (s.pod !== undefined) {
      const pod = readPodStep(s.pod, `${path}.pod`, (p, m) => at(file, doc, p, m));
      if (!pod) return;
      step.pod = pod;
    } else {
      const n = s.node;
      if (!n || typeof n !== 'object' || typeof n.name !== 'string' || !n.name) {
        return at(file, doc, `${path}.node`, `${path}.node.name: Required value`);
      }
      if (n.action !== 'stop' && n.action !== 'start') {
        return at(file, doc, `${path}.node.action`, `${path}.node.action: Unsupported value: ${JSON.stringify(n.action ?? '')}: supported values: "start", "stop"`);
      }
      step.node = { name: n.name, action: n.action };
    }
    out.steps.push(step);
  });
}

/** A pod step: `pod: {name, namespace?, container?, action}`; problems in field.Error wording. */
function readPodStep(p: any, path: string, report: (path: string, message: string) => void): ScenarioStep['pod'] {
  if (!p || typeof p !== 'object' || Array.isArray(p)) {
    report(path, `${path}: Invalid value: must be a map`);
    return undefined;
  }
  if (typeof p.name !== 'string' || !p.name) {
    report(p.name === undefined ? path : `${path}.name`, `${path}.name: Required value`);
    return undefined;
  }
  if (p.namespace !== undefined && (typeof p.namespace !== 'string' || !p.namespace)) {
    report(`${path}.namespace`, `${path}.namespace: Invalid value: ${JSON.stringify(p.namespace)}: must be a namespace name`);
    return undefined;
  }
  if (p.container !== undefined && (typeof p.container !== 'string' || !p.container)) {
    report(`${path}.container`, `${path}.container: Invalid value: ${JSON.stringify(p.container)}: must be a container name`);
    return undefined;
  }
  if (!POD_ACTIONS.includes(p.action)) {
    const supported = POD_ACTIONS.map((a) => JSON.stringify(a)).join(', ');
    report(p.action === undefined ? path : `${path}.action`, p.action === undefined ? `${path}.action: Required value` : `${path}.action: Unsupported value: ${JSON.stringify(p.action)}: supported values: ${supported}`);
    return undefined;
  }
  const out: NonNullable<ScenarioStep['pod']> = { name: p.name, namespace: p.namespace ?? 'default', action: p.action as PodAction };
  if (p.container !== undefined) out.container = p.container;
  return out;
}
