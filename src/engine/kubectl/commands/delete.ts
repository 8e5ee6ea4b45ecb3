// kubectl delete (k8s.io/kubectl/pkg/cmd/delete/delete.go): by type/name, -l, --all or -f;
// --cascade=background|foreground|orphan, --grace-period, --now, --force.
import type { KubeObject } from '../../api/meta';
import { kindInfo } from '../../api/kinds';
import type { PropagationPolicy } from '../../apiserver/store';
import type { Simulation } from '../../sim/simulation';
import { readFilenameObjects } from '../manifestInput';
import { formatError, getObject, kindName, KubectlError, listObjects, parseResourceArgs } from '../resources';
import { flagBool, flagString, type KubectlResult, type ParsedArgs } from '../types';

export function del(sim: Simulation, a: ParsedArgs): KubectlResult {
  const cascade = flagString(a, 'cascade', flagBool(a, 'cascade', true) ? 'background' : 'orphan');
  const policies: Record<string, PropagationPolicy> = { background: 'Background', foreground: 'Foreground', orphan: 'Orphan', true: 'Background', false: 'Orphan' };
  const policy = policies[cascade];
  if (!policy) throw new KubectlError(`error: invalid cascade value (${cascade}). Must be "background", "foreground", or "orphan".`);
  let grace: number | undefined = a.flags['grace-period'] !== undefined ? Number(flagString(a, 'grace-period')) : undefined;
  if (flagBool(a, 'now')) grace = 1;
  const force = flagBool(a, 'force');
  if (force && grace === undefined) grace = 0;
  if (grace !== undefined && grace === 0 && !force) grace = 1; // --grace-period=0 without --force means 1 (delete.go)

  let targets: KubeObject[] = [];
  const errors: string[] = [];
  if (a.flags.filename !== undefined) {
    const ns = flagString(a, 'namespace') || 'default';
    for (const o of readFilenameObjects(a).objects) {
      const info = kindInfo(o.kind)!;
      try {
        targets.push(getObject(sim, info, o.metadata.name, { ...a, flags: { ...a.flags, namespace: o.metadata.namespace || ns } }));
      } catch (e) {
        errors.push(formatError(e));
      }
    }
  } else {
    const refs = parseResourceArgs(a.args);
    if (refs.length === 0) throw new KubectlError('error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'\n   \'<resource> <name>\'\n   \'<resource>\'');
    for (const r of refs) {
      if (r.name) {
        try {
          targets.push(getObject(sim, r.info, r.name, a));
        } catch (e) {
          if (!flagBool(a, 'ignore-not-found')) errors.push(formatError(e));
        }
      } else if (a.flags.selector !== undefined || flagBool(a, 'all')) {
        targets.push(...listObjects(sim, r.info, a));
      } else {
        throw new KubectlError(`error: resource(s) were provided, but no name was specified`);
      }
    }
    if (targets.length === 0 && errors.length === 0 && a.flags.selector !== undefined) {
      return { stdout: '', stderr: `No resources found\n`, exitCode: 0 };
    }
  }
  targets = targets.filter((t, i) => targets.findIndex((u) => u.kind === t.kind && u.metadata.namespace === t.metadata.namespace && u.metadata.name === t.metadata.name) === i);

  let stdout = '';
  let stderr = '';
  if (force && grace === 0) stderr += 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n';
  for (const t of targets) {
    try {
      sim.api.delete(t.kind, t.metadata.namespace, t.metadata.name, { propagationPolicy: policy, gracePeriodSeconds: grace });
      const info = kindInfo(t.kind)!;
      stdout += info.namespaced
        ? `${kindName(info)} "${t.metadata.name}" deleted from ${t.metadata.namespace} namespace\n`
        : `${kindName(info)} "${t.metadata.name}" deleted\n`;
    } catch (e) {
      errors.push(formatError(e));
    }
  }
  for (const e of errors) stderr += e + '\n';
  return { stdout, stderr, exitCode: errors.length ? 1 : 0 };
}
