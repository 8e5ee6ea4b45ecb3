// kubectl label and kubectl annotate (k8s.io/kubectl/pkg/cmd/label, cmd/annotate): KEY=VAL
// sets, KEY- removes; an existing different value needs --overwrite.
import type { KubeObject } from '../../api/meta';
import { deepEqual } from '../../api/meta';
import type { Simulation } from '../../sim/simulation';
import { getObject, KubectlError, listObjects, objectName, parseResourceArgs } from '../resources';
import { flagBool, flagString, type KubectlResult, type ParsedArgs } from '../types';

export function label(sim: Simulation, a: ParsedArgs): KubectlResult {
  return change(sim, a, 'labels');
}

export function annotate(sim: Simulation, a: ParsedArgs): KubectlResult {
  return change(sim, a, 'annotations');
}

function change(sim: Simulation, a: ParsedArgs, field: 'labels' | 'annotations'): KubectlResult {
  const resources: string[] = [];
  const set: [string, string][] = [];
  const remove: string[] = [];
  for (const arg of a.args) {
    if (arg.includes('=')) set.push([arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]);
    else if (arg.endsWith('-') && resources.length > 0) remove.push(arg.slice(0, -1));
    else resources.push(arg);
  }
  const what = field === 'labels' ? 'label' : 'annotation';
  if (!set.length && !remove.length && !flagBool(a, 'list')) throw new KubectlError(`error: at least one ${what} update is required`);
  const refs = parseResourceArgs(resources);
  if (!refs.length) throw new KubectlError('error: one or more resources must be specified as <resource> <name> or <resource>/<name>');
  const overwrite = flagBool(a, 'overwrite');
  const targets: KubeObject[] = [];
  for (const r of refs) {
    if (r.name) targets.push(getObject(sim, r.info, r.name, a));
    else if (flagString(a, 'selector') || flagBool(a, 'all')) targets.push(...listObjects(sim, r.info, a));
    else throw new KubectlError('error: resource(s) were provided, but no name was specified');
  }
  let stdout = '';
  for (const o of targets) {
    const cur: Record<string, string> = o.metadata[field] ?? {};
    if (!overwrite) {
      const conflicts = set.filter(([k, v]) => k in cur && cur[k] !== v);
      if (conflicts.length) {
        if (field === 'labels') throw new KubectlError(`error: '${conflicts[0][0]}' already has a value (${cur[conflicts[0][0]]}), and --overwrite is false`);
        throw new KubectlError(
          `error: --overwrite is false but found the following declared annotation(s): ${conflicts.map(([k]) => `'${k}' already has a value (${cur[k]})`).join('; ')}`,
        );
      }
    }
    const next = { ...cur };
    for (const k of remove) delete next[k];
    for (const [k, v] of set) next[k] = v;
    const changed = !deepEqual(next, cur);
    if (changed) {
      sim.api.mutate(o.kind, o.metadata.namespace, o.metadata.name, (d) => {
        if (Object.keys(next).length) d.metadata[field] = next;
        else delete d.metadata[field];
      });
    }
    let msg: string;
    if (field === 'labels') {
      // updateDataChangeMsg: "unlabeled" when the object got smaller without --overwrite.
      msg = !changed ? 'not labeled' : !overwrite && Object.keys(next).length < Object.keys(cur).length ? 'unlabeled' : 'labeled';
    } else msg = 'annotated';
    stdout += `${objectName(o)} ${msg}\n`;
  }
  return { stdout, stderr: '', exitCode: 0 };
}
