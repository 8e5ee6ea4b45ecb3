// Pod termination (pkg/kubelet/pod_workers.go terminating -> terminated, kuberuntime KillPod,
// status_manager canBeDeleted): once the API server set deletionTimestamp, every running
// container is killed with the pod's deletionGracePeriodSeconds (preStop hooks first, SIGTERM,
// SIGKILL when the grace runs out); when all have stopped the kubelet writes the final status
// and deletes the pod object with gracePeriodSeconds 0.
import type { KubeObject } from '../api/meta';
import { runtimeKey, type KubeletHost } from './host';
import type { PodRuntime } from './types';
import { killContainer } from './containers';

export function startTermination(k: KubeletHost, pod: KubeObject, p: PodRuntime): void {
  const grace = pod.metadata.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
  if (p.terminatingAt === undefined) p.terminatingAt = k.now();
  p.busy = false;
  for (const name in p.containers) {
    const c = p.containers[name];
    if (c.phase === 'pulling' || c.phase === 'creating') {
      // A start in progress is abandoned: its timers see a new instance.
      c.instance++;
      c.phase = c.terminated ? 'exited' : 'none';
    }
    if (c.phase === 'running') killContainer(k, pod, p, c, '', grace, 'delete');
  }
  k.writeStatus(runtimeKey(p));
  finishIfStopped(k, pod, p);
}

/**
 * All containers stopped: the kubelet's own delete (grace 0, uid precondition). Every caller has
 * just written the pod's final status (startTermination, or onExited for the last container),
 * so it is not computed again here.
 */
export function finishIfStopped(k: KubeletHost, _pod: KubeObject, p: PodRuntime): boolean {
  for (const name in p.containers) if (p.containers[name].phase === 'running') return false;
  const key = runtimeKey(p);
  const cur = k.ctx.api.get('Pod', p.namespace, p.name);
  if (cur && cur.metadata.uid === p.uid) {
    k.ctx.api.delete('Pod', p.namespace, p.name, { gracePeriodSeconds: 0, preconditions: { uid: p.uid } });
  }
  k.state.pods.delete(key);
  // The pod as stored after the delete (gone, or kept by a finalizer).
  k.usage?.refresh(key, k.ctx.api.get('Pod', p.namespace, p.name));
  return true;
}
