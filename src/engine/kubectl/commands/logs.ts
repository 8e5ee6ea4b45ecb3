// kubectl logs (k8s.io/kubectl/pkg/cmd/logs). Simulated containers run no code, so a log is
// what the kubelet knows: when the process started and how it ended. The API server's errors for
// pods that have no log yet are the real ones.
import type { Simulation } from '../../sim/simulation';
import { ApiError } from '../../apiserver/errors';
import { getObject, KubectlError, parseResourceArgs } from '../resources';
import { flagBool, flagString, ok, type KubectlResult, type ParsedArgs } from '../types';
import { resolveResource } from '../../api/kinds';

export function logs(sim: Simulation, a: ParsedArgs): KubectlResult {
  if (!a.args.length) throw new KubectlError('error: expected \'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]\'.\nPOD or TYPE/NAME is a required argument for the logs command');
  const [ref] = a.args[0].includes('/') ? parseResourceArgs([a.args[0]]) : [{ info: resolveResource('pods')!, name: a.args[0] }];
  let pod = getObject(sim, ref.info, ref.name!, a);
  if (pod.kind !== 'Pod') {
    const sel = pod.spec?.selector?.matchLabels ?? {};
    const p = sim.api.list('Pod', { namespace: pod.metadata.namespace, labels: (l) => Object.entries(sel).every(([k, v]) => l[k] === v) })[0];
    if (!p) throw new KubectlError(`error: timed out waiting for the condition`);
    pod = p;
  }
  const containers: any[] = pod.spec?.containers ?? [];
  let name = flagString(a, 'container') || a.args[1] || '';
  if (!name) {
    if (containers.length > 1) {
      name = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'] ?? containers[0].name;
    } else name = containers[0]?.name ?? '';
  }
  const c = containers.find((x) => x.name === name);
  if (!c) throw new ApiError('BadRequest', `container ${name} is not valid for pod ${pod.metadata.name}`);
  const st = (pod.status?.containerStatuses ?? []).find((s: any) => s.name === name);
  const previous = flagBool(a, 'previous');
  const state = previous ? st?.lastState : st?.state;
  if (previous && !state?.terminated) throw new ApiError('BadRequest', `previous terminated container "${name}" in pod "${pod.metadata.name}" not found`);
  if (!state || state.waiting) {
    // kubelet validateContainerLogStatus words the common pull failures.
    const reason = state?.waiting?.reason ?? 'ContainerCreating';
    const why = reason === 'ErrImagePull' ? "image can't be pulled" : reason === 'ImagePullBackOff' ? 'trying and failing to pull image' : reason;
    throw new ApiError('BadRequest', `container "${name}" in pod "${pod.metadata.name}" is waiting to start: ${why}`);
  }
  const started = state.running?.startedAt ?? state.terminated?.startedAt;
  let out = `${started ?? ''} kubeplay: simulated process for image ${c.image} started\n`;
  if (state.terminated) out += `${state.terminated.finishedAt ?? ''} kubeplay: process exited with code ${state.terminated.exitCode ?? 0}${state.terminated.reason ? ` (${state.terminated.reason})` : ''}\n`;
  return ok(out);
}
