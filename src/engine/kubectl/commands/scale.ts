// kubectl scale (k8s.io/kubectl/pkg/cmd/scale/scale.go): sets spec.replicas through the scale
// subresource; --current-replicas is a precondition.
import type { Simulation } from '../../sim/simulation';
import { ApiError } from '../../apiserver/errors';
import { getObject, KubectlError, listObjects, objectName, parseResourceArgs, resourceName } from '../resources';
import { flagString, type KubectlResult, type ParsedArgs } from '../types';

const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'Job']);

export function scale(sim: Simulation, a: ParsedArgs): KubectlResult {
  const rs = flagString(a, 'replicas');
  if (a.flags.replicas === undefined) throw new KubectlError('error: required flag(s) "replicas" not set');
  if (!/^-?\d+$/.test(rs)) throw new KubectlError(`error: invalid argument "${rs}" for "--replicas" flag: strconv.ParseInt: parsing "${rs}": invalid syntax`);
  const replicas = Number(rs);
  if (replicas < 0) throw new KubectlError('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  const refs = parseResourceArgs(a.args);
  if (refs.length === 0) throw new KubectlError('error: You must provide one or more resources by argument or filename.');
  const current = a.flags['current-replicas'] !== undefined ? Number(flagString(a, 'current-replicas')) : -1;
  let stdout = '';
  let stderr = '';
  for (const r of refs) {
    const objs = r.name ? [getObject(sim, r.info, r.name, a)] : flagString(a, 'selector') || a.flags.all ? listObjects(sim, r.info, a) : [];
    if (!r.name && !objs.length) throw new KubectlError('error: resource(s) were provided, but no name was specified');
    for (const o of objs) {
      if (!SCALABLE.has(o.kind)) {
        stderr += `error: no scaler has been implemented for {"${o.apiVersion.includes('/') ? o.apiVersion.split('/')[0] : ''}" "${o.kind}"}\n`;
        continue;
      }
      const field = o.kind === 'Job' ? 'parallelism' : 'replicas';
      if (current >= 0 && (o.spec?.[field] ?? 1) !== current) {
        throw new ApiError('Conflict', `Operation cannot be fulfilled on ${resourceName(r.info)} "${o.metadata.name}": expected ${field} ${current}, got ${o.spec?.[field] ?? 1}`);
      }
      sim.api.mutate(o.kind, o.metadata.namespace, o.metadata.name, (d) => {
        d.spec = d.spec ?? {};
        if (d.spec[field] === replicas) return false;
        d.spec[field] = replicas;
      });
      stdout += `${objectName(o)} scaled\n`;
    }
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}
