// kubectl cordon / uncordon (k8s.io/kubectl/pkg/cmd/drain/drain.go RunCordonOrUncordon,
// pkg/drain/cordon.go): set or clear spec.unschedulable; the node lifecycle controller then adds
// or removes the node.kubernetes.io/unschedulable:NoSchedule taint.
import type { KubeObject } from '../../api/meta';
import { parseSelector } from '../../api/labels';
import { ApiError } from '../../apiserver/errors';
import type { Simulation } from '../../sim/simulation';
import { KubectlError } from '../resources';
import { flagString, type KubectlResult, type ParsedArgs } from '../types';

/** The nodes named on the command line ("worker-1", "node/worker-1", "nodes worker-1") or by -l. */
export function selectNodes(sim: Simulation, a: ParsedArgs, verb: string): KubeObject[] {
  let names = [...a.args];
  if (names[0] && /^(nodes?|no)$/.test(names[0])) names = names.slice(1);
  names = names.map((n) => n.replace(/^(nodes?|no)\//, ''));
  const sel = flagString(a, 'selector');
  if (sel) {
    const s = parseSelector(sel);
    return sim.list('Node').filter((n) => s.matches(n.metadata.labels ?? {})).sort((x, y) => (x.metadata.name < y.metadata.name ? -1 : 1));
  }
  if (!names.length) throw new KubectlError(`error: USAGE: ${verb} NODE [flags]\nSee 'kubectl ${verb} -h' for help and examples`);
  return names.map((n) => {
    const node = sim.get('Node', undefined, n);
    if (!node) throw new ApiError('NotFound', `nodes "${n}" not found`);
    return node;
  });
}

/** Set spec.unschedulable on each node; the lines kubectl prints. */
export function cordonNodes(sim: Simulation, nodes: KubeObject[], desired: boolean): string {
  let out = '';
  for (const n of nodes) {
    const name = n.metadata.name;
    if (!!n.spec?.unschedulable === desired) {
      out += `node/${name} already ${desired ? 'cordoned' : 'uncordoned'}\n`;
      continue;
    }
    sim.api.mutate('Node', undefined, name, (d) => {
      d.spec = { ...(d.spec ?? {}) };
      if (desired) d.spec.unschedulable = true;
      else delete d.spec.unschedulable;
    });
    out += `node/${name} ${desired ? 'cordoned' : 'uncordoned'}\n`;
  }
  return out;
}

export function cordon(sim: Simulation, a: ParsedArgs): KubectlResult {
  return { stdout: cordonNodes(sim, selectNodes(sim, a, 'cordon'), true), stderr: '', exitCode: 0 };
}
