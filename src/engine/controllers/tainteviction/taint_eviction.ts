// The taint eviction controller (pkg/controller/tainteviction/taint_eviction.go): a pod on a
// node with NoExecute taints it does not tolerate is deleted at once; one that tolerates them
// all is deleted once the smallest tolerationSeconds has passed since the controller first saw
// it tainted (never, when no matching toleration has tolerationSeconds). Before deleting it adds
// the DisruptionTarget condition. A taint removed in time cancels the eviction.
import { Controller } from '../../sim/component';
import { deepEqual, type KubeObject } from '../../api/meta';
import { watchEventKey, type WatchEvent } from '../../apiserver/store';
import type { Taint } from '../nodelifecycle/taints';
import { getMatchingTolerations, minTolerationTime } from './tolerations';

export const TAINT_EVICTION_CONTROLLER = 'taint-eviction-controller';

interface Scheduled {
  uid: string;
  createdAt: number;
  at: number;
}

export class TaintEvictionController extends Controller {
  readonly name = TAINT_EVICTION_CONTROLLER;
  /** Pending evictions by pod key (a map: looked up at every pod event; saved as an object). */
  private scheduled = new Map<string, Scheduled>();

  protected run(): void {
    this.ctx.api.watch((ev) => this.onPod(ev), ['Pod']);
    this.ctx.api.watch((ev) => this.onNode(ev), ['Node']);
  }

  private onPod(ev: WatchEvent): void {
    const pod = ev.object;
    // PodUpdated: an update that changes neither the node nor the tolerations is ignored.
    if (ev.type === 'MODIFIED' && (ev.old?.spec === pod.spec || (ev.old?.spec?.nodeName === pod.spec?.nodeName && deepEqual(ev.old?.spec?.tolerations ?? [], pod.spec?.tolerations ?? [])))) return;
    // Only a pod with an eviction pending, or one on a node with NoExecute taints, has anything to
    // do: handlePodUpdate reads the node's taints and, when there are none, only cancels.
    if ((this.scheduled.size && this.scheduled.has(watchEventKey(ev))) || (ev.type !== 'DELETED' && this.noExecuteTainted(pod.spec?.nodeName))) {
      this.enqueue(`pod:${watchEventKey(ev)}`);
    }
  }

  private noExecuteTainted(nodeName: string | undefined): boolean {
    if (!nodeName) return false;
    const taints: Taint[] | undefined = this.ctx.api.get('Node', undefined, nodeName)?.spec?.taints;
    return !!taints && taints.some((t) => t.effect === 'NoExecute');
  }

  private onNode(ev: WatchEvent): void {
    const noExec = (n?: KubeObject) => JSON.stringify((n?.spec?.taints ?? []).filter((t: Taint) => t.effect === 'NoExecute').map((t: Taint) => [t.key, t.value ?? '']));
    if (ev.type !== 'DELETED' && noExec(ev.object) === noExec(ev.old)) return;
    for (const pod of this.ctx.api.podsOnNode(ev.object.metadata.name)) this.enqueue(`pod:${pod.metadata.namespace}/${pod.metadata.name}`);
  }

  protected sync(key: string): void {
    if (key.startsWith('evict:')) return this.evict(key.slice(6));
    const podKey = key.slice(4);
    const [ns, name] = [podKey.slice(0, podKey.indexOf('/')), podKey.slice(podKey.indexOf('/') + 1)];
    const pod = this.ctx.api.get('Pod', ns, name);
    const phase = pod?.status?.phase;
    if (!pod || !pod.spec?.nodeName || pod.metadata.deletionTimestamp || phase === 'Succeeded' || phase === 'Failed') {
      this.scheduled.delete(podKey);
      return;
    }
    const node = this.ctx.api.get('Node', undefined, pod.spec.nodeName);
    const taints: Taint[] = (node?.spec?.taints ?? []).filter((t: Taint) => t.effect === 'NoExecute');
    if (!taints.length) {
      this.cancel(podKey, pod);
      return;
    }
    const { ok, used } = getMatchingTolerations(taints, pod.spec.tolerations ?? []);
    if (!ok) {
      this.cancel(podKey, undefined);
      this.schedule(podKey, pod, 0);
      return;
    }
    const min = minTolerationTime(used);
    if (min < 0) {
      this.cancel(podKey, pod);
      return;
    }
    const cur = this.scheduled.get(podKey);
    if (cur && cur.uid === pod.metadata.uid) return; // keeps its original start time
    this.schedule(podKey, pod, min);
  }

  private schedule(podKey: string, pod: KubeObject, delay: number): void {
    const now = this.ctx.clock.now;
    this.scheduled.set(podKey, { uid: pod.metadata.uid!, createdAt: now, at: now + delay });
    this.enqueue(`evict:${podKey}`, delay);
  }

  private cancel(podKey: string, pod: KubeObject | undefined): void {
    if (!this.scheduled.delete(podKey)) return;
    if (pod) this.ctx.events.record(pod, 'Normal', 'TaintManagerEviction', `Cancelling deletion of Pod ${podKey}`, { component: TAINT_EVICTION_CONTROLLER });
  }

  private evict(podKey: string): void {
    const s = this.scheduled.get(podKey);
    if (!s || s.at > this.ctx.clock.now) return;
    this.scheduled.delete(podKey);
    const [ns, name] = [podKey.slice(0, podKey.indexOf('/')), podKey.slice(podKey.indexOf('/') + 1)];
    const pod = this.ctx.api.get('Pod', ns, name);
    if (!pod || pod.metadata.uid !== s.uid || pod.metadata.deletionTimestamp) return;
    this.ctx.events.record(pod, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${podKey}`, { component: TAINT_EVICTION_CONTROLLER });
    const ts = this.ctx.clock.timestamp();
    this.ctx.api.mutate('Pod', ns, name, (d) => {
      const conds: any[] = (d.status = d.status ?? {}).conditions ?? [];
      const cond: Record<string, unknown> = {
        type: 'DisruptionTarget',
        status: 'True',
        reason: 'DeletionByTaintManager',
        message: 'Taint manager: deleting due to NoExecute taint',
        lastProbeTime: null,
        lastTransitionTime: ts,
      };
      if (typeof d.metadata.generation === 'number') cond.observedGeneration = d.metadata.generation;
      const i = conds.findIndex((c) => c.type === 'DisruptionTarget');
      if (i >= 0) conds[i] = cond;
      else conds.push(cond);
      d.status.conditions = conds;
    }, { status: true });
    this.ctx.api.delete('Pod', ns, name, { preconditions: { uid: s.uid } });
  }

  protected override saveExtra(): unknown {
    return Object.fromEntries(this.scheduled);
  }

  protected override loadExtra(s: unknown): void {
    this.scheduled = new Map(Object.entries((s as Record<string, Scheduled>) ?? {}));
  }
}
