// kubectl set image|env|resources (k8s.io/kubectl/pkg/cmd/set/set_image.go): patch the pod
// template of a workload (or a pod's spec). No output when nothing changes, as kubectl.
import type { KubeObject } from '../../api/meta';
import type { Simulation } from '../../sim/simulation';
import { getObject, KubectlError, objectName, parseResourceArgs } from '../resources';
import type { KubectlResult, ParsedArgs } from '../types';

/** The pod spec inside a workload object (polymorphichelpers.UpdatePodSpecForObject). */
export function podSpecOf(o: KubeObject): any | undefined {
  switch (o.kind) {
    case 'Pod':
      return o.spec;
    case 'CronJob':
      return o.spec?.jobTemplate?.spec?.template?.spec;
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'Job':
      return o.spec?.template?.spec;
    default:
      return undefined;
  }
}

export function set(sim: Simulation, a: ParsedArgs): KubectlResult {
  const [sub, ...rest] = a.args;
  if (sub === 'image') return setImage(sim, { ...a, args: rest });
  if (sub === 'env') return setEnv(sim, { ...a, args: rest });
  throw new KubectlError(sub ? `error: unknown command "${sub}" for "kubectl set"` : 'error: Required resource not specified.');
}

function splitPairs(a: ParsedArgs): { resources: string[]; pairs: [string, string][] } {
  const resources: string[] = [];
  const pairs: [string, string][] = [];
  for (const arg of a.args) {
    const i = arg.indexOf('=');
    if (i > 0) pairs.push([arg.slice(0, i), arg.slice(i + 1)]);
    else resources.push(arg);
  }
  return { resources, pairs };
}

function setImage(sim: Simulation, a: ParsedArgs): KubectlResult {
  const { resources, pairs } = splitPairs(a);
  if (!pairs.length) throw new KubectlError('error: at least one image update is required');
  const refs = parseResourceArgs(resources);
  if (!refs.length) throw new KubectlError('error: one or more resources must be specified as <resource> <name> or <resource>/<name>');
  let stdout = '';
  let stderr = '';
  for (const r of refs) {
    if (!r.name) throw new KubectlError('error: resource(s) were provided, but no name was specified');
    const o = getObject(sim, r.info, r.name, a);
    const spec = podSpecOf(o);
    if (!spec) {
      stderr += `error: ${objectName(o)} is not a pod template holder\n`;
      continue;
    }
    for (const [name] of pairs) {
      if (name === '*') continue;
      const all = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
      if (!all.some((c: any) => c.name === name)) stderr += `error: unable to find container named "${name}"\n`;
    }
    if (stderr) continue;
    let changed = false;
    sim.api.mutate(o.kind, o.metadata.namespace, o.metadata.name, (d) => {
      const ds = podSpecOf(d);
      for (const list of [ds.initContainers ?? [], ds.containers ?? []]) {
        for (const c of list) {
          for (const [name, image] of pairs) {
            if ((name === '*' || c.name === name) && c.image !== image) {
              c.image = image;
              changed = true;
            }
          }
        }
      }
      if (!changed) return false;
    });
    if (changed) stdout += `${objectName(o)} image updated\n`;
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}

function setEnv(sim: Simulation, a: ParsedArgs): KubectlResult {
  const { resources, pairs } = splitPairs(a);
  const removals = resources.filter((x) => x.endsWith('-') && !x.includes('/'));
  const refs = parseResourceArgs(resources.filter((x) => !removals.includes(x)));
  let stdout = '';
  for (const r of refs) {
    if (!r.name) throw new KubectlError('error: resource(s) were provided, but no name was specified');
    const o = getObject(sim, r.info, r.name, a);
    let changed = false;
    sim.api.mutate(o.kind, o.metadata.namespace, o.metadata.name, (d) => {
      const ds = podSpecOf(d);
      if (!ds) return false;
      for (const c of ds.containers ?? []) {
        const env: any[] = c.env ?? [];
        for (const [k, v] of pairs) {
          const e = env.find((x) => x.name === k);
          if (e && e.value === v) continue;
          if (e) e.value = v;
          else env.push({ name: k, value: v });
          changed = true;
        }
        for (const rm of removals) {
          const i = env.findIndex((x) => x.name === rm.slice(0, -1));
          if (i >= 0) {
            env.splice(i, 1);
            changed = true;
          }
        }
        if (env.length) c.env = env;
        else delete c.env;
      }
      if (!changed) return false;
    });
    if (changed) stdout += `${objectName(o)} env updated\n`;
  }
  return { stdout, stderr: '', exitCode: 0 };
}
