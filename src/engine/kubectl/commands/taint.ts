// kubectl taint (k8s.io/kubectl/pkg/cmd/taint/taint.go and utils.go): "key=value:Effect" adds,
// "key:Effect-" or "key-" removes; a taint with the same key and effect needs --overwrite.
import type { KubeObject } from '../../api/meta';
import type { Simulation } from '../../sim/simulation';
import { KubectlError } from '../resources';
import { flagBool, type KubectlResult, type ParsedArgs } from '../types';
import { parseSelector } from '../../api/labels';
import { flagString } from '../types';

interface Taint {
  key: string;
  value?: string;
  effect: string;
}

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

function parseTaintSpec(spec: string): { add?: Taint; remove?: { key: string; effect?: string } } {
  if (spec.endsWith('-')) {
    const body = spec.slice(0, -1);
    const [key, effect] = body.split(':');
    if (effect !== undefined && !EFFECTS.includes(effect)) throw new KubectlError(`error: invalid taint effect: ${effect}, unsupported taint effect`);
    return { remove: effect ? { key, effect } : { key } };
  }
  const parts = spec.split(':');
  if (parts.length !== 2 || !parts[1]) throw new KubectlError(`error: invalid taint spec: ${spec}`);
  const effect = parts[1];
  if (!EFFECTS.includes(effect)) throw new KubectlError(`error: invalid taint effect: ${effect}, unsupported taint effect`);
  const eq = parts[0].indexOf('=');
  const key = eq < 0 ? parts[0] : parts[0].slice(0, eq);
  const value = eq < 0 ? undefined : parts[0].slice(eq + 1);
  if (!key) throw new KubectlError(`error: invalid taint spec: ${spec}`);
  return { add: value ? { key, value, effect } : { key, effect } };
}

export function taint(sim: Simulation, a: ParsedArgs): KubectlResult {
  const args = [...a.args];
  if (!args.length) throw new KubectlError('error: at least one taint update is required');
  let type = args.shift()!;
  let names: string[] = [];
  if (type.includes('/')) {
    names.push(type.slice(type.indexOf('/') + 1));
    type = type.slice(0, type.indexOf('/'));
  }
  if (!/^(nodes?|no)$/.test(type)) throw new KubectlError(`error: invalid resource type ${type}, only node types are supported`);
  const specs: string[] = [];
  for (const x of args) (/[:=]|-$/.test(x) ? specs : names).push(x);
  if (!specs.length) throw new KubectlError('error: at least one taint update is required');
  const adds: Taint[] = [];
  const removes: { key: string; effect?: string }[] = [];
  for (const s of specs) {
    const p = parseTaintSpec(s);
    if (p.add) adds.push(p.add);
    if (p.remove) removes.push(p.remove);
  }
  let nodes: KubeObject[];
  if (flagBool(a, 'all')) nodes = sim.list('Node');
  else if (flagString(a, 'selector')) {
    const sel = parseSelector(flagString(a, 'selector'));
    nodes = sim.list('Node').filter((n) => sel.matches(n.metadata.labels ?? {}));
  } else {
    if (!names.length) throw new KubectlError('error: at least one resource name must be specified since \'all\' parameter is not set');
    nodes = names.map((n) => {
      const node = sim.get('Node', undefined, n);
      if (!node) throw new KubectlError(`Error from server (NotFound): nodes "${n}" not found`);
      return node;
    });
  }
  const overwrite = flagBool(a, 'overwrite');
  let out = '';
  for (const node of nodes.sort((x, y) => (x.metadata.name < y.metadata.name ? -1 : 1))) {
    const name = node.metadata.name;
    const cur: Taint[] = node.spec?.taints ?? [];
    if (!overwrite) {
      const clash = adds.filter((t) => cur.some((c) => c.key === t.key && c.effect === t.effect));
      if (clash.length) throw new KubectlError(`error: node ${name} already has ${clash.map((t) => t.key).join(',')} taint(s) with same effect(s) and --overwrite is false`);
    }
    let next = [...cur];
    let removed = false;
    for (const r of removes) {
      const before = next.length;
      next = next.filter((t) => !(t.key === r.key && (!r.effect || t.effect === r.effect)));
      if (next.length === before) throw new KubectlError(`error: taint ${JSON.stringify(r.effect ? `${r.key}:${r.effect}` : r.key)} not found`);
      removed = true;
    }
    let modified = false;
    for (const t of adds) {
      const i = next.findIndex((c) => c.key === t.key && c.effect === t.effect);
      if (i >= 0) {
        next[i] = { ...t };
        modified = true;
      } else next.push({ ...t });
    }
    sim.api.mutate('Node', undefined, name, (d) => {
      d.spec = { ...(d.spec ?? {}) };
      if (next.length) d.spec.taints = next;
      else delete d.spec.taints;
    });
    const verb = modified ? 'modified' : removed && !adds.length ? 'untainted' : 'tainted';
    out += `node/${name} ${verb}\n`;
  }
  return { stdout: out, stderr: '', exitCode: 0 };
}
