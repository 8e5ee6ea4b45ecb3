// kubectl run (k8s.io/kubectl/pkg/cmd/run) and kubectl expose (cmd/expose): the generators that
// create a Pod labelled run=<name>, and a Service selecting what a workload selects.
import type { KubeObject } from '../../api/meta';
import type { Simulation } from '../../sim/simulation';
import { getObject, KubectlError, objectName, parseResourceArgs } from '../resources';
import { flagString, ok, type KubectlResult, type ParsedArgs } from '../types';

export function run(sim: Simulation, a: ParsedArgs): KubectlResult {
  const [name, ...cmd] = a.args;
  if (!name) throw new KubectlError('error: NAME is required for run');
  const image = flagString(a, 'image');
  if (!image) throw new KubectlError('error: required flag(s) "image" not set');
  const labels: Record<string, string> = { run: name };
  for (const kv of flagString(a, 'labels').split(',').filter(Boolean)) {
    const i = kv.indexOf('=');
    if (i < 1) throw new KubectlError(`error: invalid label spec: ${kv}`);
    labels[kv.slice(0, i)] = kv.slice(i + 1);
  }
  if (flagString(a, 'labels')) delete labels.run;
  const container: Record<string, unknown> = { name, image };
  const port = flagString(a, 'port');
  if (port) container.ports = [{ containerPort: Number(port) }];
  if (cmd.length) container.args = cmd;
  const env = a.multi.env ?? [];
  if (env.length) container.env = env.map((e) => ({ name: e.slice(0, e.indexOf('=')), value: e.slice(e.indexOf('=') + 1) }));
  const pod: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: flagString(a, 'namespace') || 'default', labels },
    spec: { containers: [container], restartPolicy: flagString(a, 'restart', 'Always') },
  };
  return ok(`${objectName(sim.api.create(pod))} created\n`);
}

export function expose(sim: Simulation, a: ParsedArgs): KubectlResult {
  const refs = parseResourceArgs(a.args);
  if (!refs.length || !refs[0].name) throw new KubectlError('error: You must provide one or more resources by argument or filename.');
  const target = getObject(sim, refs[0].info, refs[0].name, a);
  let selector: Record<string, string> | undefined;
  if (target.kind === 'Pod') selector = target.metadata.labels;
  else if (target.kind === 'Service') selector = target.spec?.selector;
  else {
    const sel = target.spec?.selector;
    if (sel?.matchExpressions?.length) throw new KubectlError(`error: couldn't retrieve selectors via --selector flag or introspection: the selector uses expressions, which a Service cannot express`);
    selector = sel?.matchLabels;
  }
  if (!selector || !Object.keys(selector).length) throw new KubectlError(`error: couldn't retrieve selectors via --selector flag or introspection: the ${target.kind.toLowerCase()} has no selector`);
  let port = flagString(a, 'port');
  if (!port) {
    const cs: any[] = (target.kind === 'Pod' ? target.spec : target.spec?.template?.spec)?.containers ?? [];
    const p = cs.flatMap((c) => c.ports ?? [])[0];
    if (!p) throw new KubectlError("error: couldn't find port via --port flag or introspection");
    port = String(p.containerPort);
  }
  const targetPort = flagString(a, 'target-port') || port;
  const svc: KubeObject = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: flagString(a, 'name') || target.metadata.name, namespace: target.metadata.namespace, labels: target.metadata.labels },
    spec: {
      selector: { ...selector },
      ports: [{ port: Number(port), protocol: flagString(a, 'protocol', 'TCP'), targetPort: /^\d+$/.test(targetPort) ? Number(targetPort) : targetPort }],
      type: flagString(a, 'type', 'ClusterIP'),
    },
  };
  if (!svc.metadata.labels) delete svc.metadata.labels;
  return ok(`${objectName(sim.api.create(svc))} exposed\n`);
}
