// kubectl describe (k8s.io/kubectl/pkg/describe): one describer per kind; several objects are
// separated by a blank line, as kubectl prints them.
import type { KubeObject } from '../../api/meta';
import type { Simulation } from '../../sim/simulation';
import { describeConfigMap, describeGeneric, describeNamespace, describeService } from '../describe/generic';
import { describeNode } from '../describe/node';
import { describePod } from '../describe/pod';
import { describeDeployment, describeReplicaSet } from '../describe/workloads';
import { ApiError } from '../../apiserver/errors';
import { formatError, KubectlError, listObjects, namespaceOf, parseResourceArgs, resourceName } from '../resources';
import type { KubectlResult, ParsedArgs } from '../types';

const DESCRIBERS: Record<string, (sim: Simulation, o: KubeObject) => string> = {
  Pod: describePod,
  Deployment: describeDeployment,
  ReplicaSet: describeReplicaSet,
  Node: describeNode,
  Service: describeService,
  ConfigMap: describeConfigMap,
  Namespace: describeNamespace,
};

export function describeObject(sim: Simulation, o: KubeObject): string {
  return (DESCRIBERS[o.kind] ?? describeGeneric)(sim, o);
}

export function describe(sim: Simulation, a: ParsedArgs): KubectlResult {
  if (!a.args.length) throw new KubectlError('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.');
  const refs = parseResourceArgs(a.args);
  const out: string[] = [];
  const errors: string[] = [];
  for (const r of refs) {
    if (r.name === undefined) {
      out.push(...listObjects(sim, r.info, a).map((o) => describeObject(sim, o)));
      continue;
    }
    // describe matches a name prefix when there is no exact match (describe.go: "name prefix").
    const ns = r.info.namespaced ? namespaceOf(sim, a) : undefined;
    const exact = sim.api.get(r.info.kind, ns, r.name);
    const matches = exact ? [exact] : listObjects(sim, r.info, a).filter((o) => o.metadata.name.startsWith(r.name!));
    if (!matches.length) {
      errors.push(formatError(new ApiError('NotFound', `${resourceName(r.info)} "${r.name}" not found`)));
      continue;
    }
    out.push(...matches.map((o) => describeObject(sim, o)));
  }
  if (!out.length && !errors.length) {
    return { stdout: '', stderr: `No resources found in ${namespaceOf(sim, a)} namespace.\n`, exitCode: 0 };
  }
  return { stdout: out.join('\n\n'), stderr: errors.map((e) => e + '\n').join(''), exitCode: errors.length ? 1 : 0 };
}
