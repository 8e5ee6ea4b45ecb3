// Live changes (apply, kubectl, node stop/start, pod crash / break probe / heal) become timed steps
// of the Scenario document, so a shared link replays exactly what the sender did.
import { parseAllDocuments, Document, isMap, isSeq, YAMLMap, YAMLSeq } from 'yaml';
import type { RecordedAction } from '../worker/protocol';
import { goDuration } from '../ui/model/format';

function stepOf(a: RecordedAction): Record<string, unknown> {
  const at = goDuration(a.at);
  if (a.kind === 'app') {
    // namespace is left out when it is the loader's default, as a person would write it.
    return { at, pod: a.namespace && a.namespace !== 'default' ? { name: a.name, namespace: a.namespace, action: a.action } : { name: a.name, action: a.action } };
  }
  if (a.kind === 'kubectl') return { at, kubectl: a.line };
  if (a.kind === 'apply') return { at, apply: a.yaml.endsWith('\n') ? a.yaml : a.yaml + '\n' };
  return { at, node: { name: a.name, action: a.action } };
}

/** The scenario text with `actions` appended as steps (a Scenario document is added if none). */
export function withRecordedSteps(yaml: string, actions: RecordedAction[], seed: number): string {
  if (!actions.length) return yaml;
  const parsed = parseAllDocuments(yaml);
  if (!Array.isArray(parsed) || parsed.some((d) => d.errors.length)) return yaml;
  const docs: Document[] = parsed as unknown as Document[];
  let scen = docs.find((d) => {
    const c = d.contents;
    return isMap(c) && c.get('kind') === 'Scenario' && c.get('apiVersion') === 'kubeplay.dev/v1';
  });
  if (!scen) {
    scen = new Document({ apiVersion: 'kubeplay.dev/v1', kind: 'Scenario', metadata: { name: 'shared' }, spec: { seed, steps: [] } });
    docs.unshift(scen);
  }
  const doc = scen;
  const root = doc.contents as YAMLMap;
  let spec: unknown = root.get('spec', true);
  if (!isMap(spec)) {
    spec = doc.createNode({ seed });
    root.set('spec', spec);
  }
  let steps: unknown = (spec as YAMLMap).get('steps', true);
  if (!isSeq(steps)) {
    steps = doc.createNode([]);
    (spec as YAMLMap).set('steps', steps);
  }
  for (const a of actions) (steps as YAMLSeq).add(doc.createNode(stepOf(a)));
  return docs.map((d) => d.toString({ lineWidth: 0 })).join('---\n');
}
