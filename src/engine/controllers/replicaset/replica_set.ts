// The ReplicaSet controller (pkg/controller/replicaset/replica_set.go): keeps spec.replicas
// active pods matching the selector, adopting orphans and releasing pods that stopped matching,
// with expectations, burstReplicas and slow-start batches, and writes the status. Pods come from
// the pod informer's controller-UID index (controller_utils/pod_indexer.ts), and a sync that
// would adopt and release nothing counts them from its label groups: O(label sets), not O(pods),
// unless it must pick pods to delete or minReadySeconds needs each pod's ready time.
import { Controller } from '../../sim/component';
import { watchEventKey, type WatchEvent } from '../../apiserver/store';
import type { Selector } from '../../api/labels';
import { controllerRef, deepEqual, nsName, splitNsName, type KubeObject } from '../../api/meta';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import { ControllerExpectations, type ExpectationsState } from '../controller_utils/expectations';
import { isPodActive, isPodAvailable, isPodReady, isPodTerminating } from '../controller_utils/pods';
import { claimObjects } from '../controller_utils/controller_ref_manager';
import { createPod, deletePod } from '../controller_utils/pod_control';
import { SLOW_START_INITIAL_BATCH_SIZE, slowStartBatch } from '../controller_utils/slow_start';
import { sortActivePodsRankedByNode } from '../controller_utils/active_pods';
import { sharedPodControllerIndex, type LabelGroup, type PodControllerIndex } from '../controller_utils/pod_indexer';
import { cachedLabelSelector, cachedSetSelector, matchesLabels } from '../controller_utils/selectors';
import { calculateStatus, statusFromCounts, type StatusCounts } from './replica_set_utils';

/** kube-controller-manager's default; creates and deletes per sync are capped at this. */
export const BURST_REPLICAS = 500;
const SOURCE = { component: 'replicaset-controller' };
/** client-go's per-item rate limiter: 5ms doubling up to 1000s. */
const BACKOFF_BASE_MS = 5;
const BACKOFF_MAX_MS = 1000_000;

interface Extra {
  expectations: ExpectationsState;
  failures: Record<string, number>;
}

export class ReplicaSetController extends Controller {
  readonly name = 'replicaset-controller';
  private expectationsState: ExpectationsState = {};
  private failures: Record<string, number> = {};
  /** The pod informer's controller-UID index (an informer cache, rebuilt rather than saved). */
  private pods!: PodControllerIndex;

  private get expectations(): ControllerExpectations {
    return new ControllerExpectations(this.expectationsState, this.ctx.timings.expectationsTimeoutMs);
  }

  protected run(): void {
    this.ctx.api.watch((ev) => this.onReplicaSet(ev), ['ReplicaSet']);
    this.pods = sharedPodControllerIndex(this.ctx.api);
    this.ctx.api.watch((ev) => this.onPod(ev), ['Pod']);
    for (const rs of this.ctx.api.list('ReplicaSet')) this.enqueue(nsName(rs));
  }

  // ---- informer handlers: they only record observations and enqueue -------------------------

  private onReplicaSet(ev: WatchEvent): void {
    const key = watchEventKey(ev);
    if (ev.type === 'DELETED') this.expectations.delete(key);
    this.enqueue(key);
  }

  private onPod(ev: WatchEvent): void {
    const pod = ev.object;
    if (ev.type === 'DELETED') return this.podDeleted(pod, watchEventKey(ev));
    if (ev.type === 'ADDED') {
      if (pod.metadata.deletionTimestamp) return this.podDeleted(pod, watchEventKey(ev));
      const ref = controllerRef(pod);
      if (ref) {
        const rs = this.resolveControllerRef(pod.metadata.namespace, ref);
        if (!rs) return;
        const key = this.metaNamespaceKey(rs);
        this.expectations.creationObserved(key);
        this.enqueue(key);
        return;
      }
      for (const rs of this.podReplicaSets(pod)) this.enqueue(nsName(rs));
      return;
    }
    const old = ev.old!;
    const labelChanged = pod.metadata.labels !== old.metadata.labels && !deepEqual(pod.metadata.labels ?? {}, old.metadata.labels ?? {});
    if (pod.metadata.deletionTimestamp) {
      this.podDeleted(pod, watchEventKey(ev));
      if (labelChanged) this.podDeleted(old, watchEventKey(ev));
      return;
    }
    const curRef = controllerRef(pod);
    // Status writes keep the owner references array itself: nothing to compare then.
    const oldRef = old.metadata.ownerReferences === pod.metadata.ownerReferences ? curRef : controllerRef(old);
    const refChanged = oldRef !== curRef && !deepEqual(curRef, oldRef);
    if (refChanged && oldRef) {
      const rs = this.resolveControllerRef(old.metadata.namespace, oldRef);
      if (rs) this.enqueue(nsName(rs));
    }
    if (curRef) {
      const rs = this.resolveControllerRef(pod.metadata.namespace, curRef);
      if (!rs) return;
      const key = this.metaNamespaceKey(rs);
      this.enqueue(key);
      // A pod that just became ready turns available minReadySeconds later; nothing else
      // would wake the controller then (the +1s avoids millisecond skew, as upstream).
      const minReady = rs.spec?.minReadySeconds ?? 0;
      if (minReady > 0 && !isPodReady(old) && isPodReady(pod)) this.enqueue(key, minReady * 1000 + 1000);
      return;
    }
    if (labelChanged || refChanged) for (const rs of this.podReplicaSets(pod)) this.enqueue(nsName(rs));
  }

  /** podKey: the pod's "namespace/name", the key its deletion is expected under. */
  private podDeleted(pod: KubeObject, podKey: string): void {
    const ref = controllerRef(pod);
    if (!ref) return;
    const rs = this.resolveControllerRef(pod.metadata.namespace, ref);
    if (!rs) return;
    const key = this.metaNamespaceKey(rs);
    this.expectations.deletionObserved(key, podKey);
    this.enqueue(key);
  }

  private resolveControllerRef(namespace: string | undefined, ref: OwnerReference): KubeObject | undefined {
    if (ref.kind !== 'ReplicaSet') return undefined;
    const rs = this.ctx.api.get('ReplicaSet', namespace, ref.name);
    return rs && rs.metadata.uid === ref.uid ? rs : undefined;
  }

  /** ReplicaSets whose (non-empty) selector matches an orphan pod's labels. */
  private podReplicaSets(pod: KubeObject): KubeObject[] {
    return this.ctx.api.list('ReplicaSet', { namespace: pod.metadata.namespace }).filter((rs) => {
      const sel = safeSelector(rs);
      return !!sel && !sel.empty() && matchesLabels(sel, pod.metadata.labels);
    });
  }

  // ---- sync ---------------------------------------------------------------------------------

  protected sync(key: string): void {
    const { namespace, name } = splitNsName(key);
    const api = this.ctx.api;
    const rs = api.get('ReplicaSet', namespace, name);
    if (!rs) {
      this.expectations.delete(key);
      delete this.failures[key];
      return;
    }
    const now = this.ctx.clock.now;
    const needsSync = this.expectations.satisfied(key, now);
    const selector = safeSelector(rs);
    if (!selector) return;
    const matches = (p: KubeObject) => matchesLabels(selector, p.metadata.labels);
    // With nothing to adopt or release, the claim is exactly the owned active pods: count them
    // from the index and list them only if pods must be picked for deletion.
    const groups = this.claimFreeGroups(rs, selector);
    let active: KubeObject[] | undefined;
    let activeCount = 0;
    let terminating: KubeObject[] = [];
    let available = 0;
    if (!groups) {
      ({ active, terminating } = this.claimPods(rs, matches));
      activeCount = active.length;
    } else {
      for (const g of groups) activeCount += g.active;
      // Counted before manageReplicas changes anything, like the pod list the claim returns.
      available = this.availableOwnedPods(rs, groups, this.ctx.clock.epochMs + now);
    }

    let manageError: Error | undefined;
    if (needsSync && !rs.metadata.deletionTimestamp) manageError = this.manageReplicas(key, activeCount, () => active ?? this.ownedActivePods(rs), rs);

    const cur = api.get('ReplicaSet', namespace, name);
    if (!cur || cur.metadata.uid !== rs.metadata.uid) return;
    const status = active
      ? calculateStatus({
          rs: cur,
          activePods: active,
          terminatingPods: terminating,
          manageReplicasError: manageError,
          now: this.ctx.clock.epochMs + now,
          timestamp: this.ctx.clock.timestamp(),
        })
      : statusFromCounts(cur, countGroups(cur, groups!, available), manageError, this.ctx.clock.timestamp());
    if (cur.metadata.generation) status.observedGeneration = cur.metadata.generation;
    let updated = cur;
    if (!deepEqual(status, cur.status ?? {})) {
      updated = api.mutate('ReplicaSet', namespace, name, (d) => void (d.status = status), { status: true });
    }
    const replicas = updated.spec?.replicas ?? 1;
    const minReady = updated.spec?.minReadySeconds ?? 0;
    if (!manageError && minReady > 0 && (updated.status?.readyReplicas ?? 0) === replicas && (updated.status?.availableReplicas ?? 0) !== replicas) {
      this.enqueue(key, minReady * 1000);
    }
    if (manageError) {
      const n = (this.failures[key] ?? 0) + 1;
      this.failures[key] = n;
      this.enqueue(key, Math.min(BACKOFF_BASE_MS * 2 ** (n - 1), BACKOFF_MAX_MS));
    } else delete this.failures[key];
  }

  /**
   * syncReplicaSet's claim (ClaimPods) over the RS's own pods and the namespace's orphans
   * (FilterPodsByOwner). An orphan the selector does not match would be ignored by the claim,
   * so it is left out.
   */
  private claimPods(rs: KubeObject, matches: (p: KubeObject) => boolean): { active: KubeObject[]; terminating: KubeObject[] } {
    const uid = rs.metadata.uid;
    const activeCandidates: KubeObject[] = [];
    const terminating: KubeObject[] = [];
    for (const p of this.pods.filterPodsByOwner(rs, matches)) {
      if (isPodActive(p)) activeCandidates.push(p);
      else if (isPodTerminating(p) && matches(p) && controllerRef(p)?.uid === uid) terminating.push(p);
    }
    return { active: claimObjects(this.ctx.api, rs, activeCandidates, matches), terminating };
  }

  /**
   * The owned pods' label groups when claiming would change nothing: no active orphan matches
   * the selector and every active owned pod still matches it. Undefined otherwise.
   */
  private claimFreeGroups(rs: KubeObject, selector: Selector): LabelGroup[] | undefined {
    for (const g of this.pods.orphanGroups(rs.metadata.namespace)) if (g.active > 0 && matchesLabels(selector, g.labels)) return undefined;
    const groups = this.pods.controlledGroups(rs.metadata.namespace, rs.metadata.uid);
    const out: LabelGroup[] = [];
    for (const g of groups) {
      const match = matchesLabels(selector, g.labels);
      if (g.active > 0 && !match) return undefined;
      // Terminating pods count only while the selector matches them.
      if (match) out.push(g);
    }
    return out;
  }

  /** Owned active pods available at nowMs: all ready ones without minReadySeconds. */
  private availableOwnedPods(rs: KubeObject, groups: LabelGroup[], nowMs: number): number {
    const minReady = rs.spec?.minReadySeconds ?? 0;
    let ready = 0;
    for (const g of groups) ready += g.ready;
    if (!minReady || ready === 0) return ready;
    let available = 0;
    for (const p of this.pods.activeControlledBy(rs.metadata.namespace, rs.metadata.uid)) if (isPodAvailable(p, minReady, nowMs)) available++;
    return available;
  }

  private ownedActivePods(rs: KubeObject): KubeObject[] {
    return this.pods.activeControlledBy(rs.metadata.namespace, rs.metadata.uid);
  }

  private manageReplicas(key: string, activeCount: number, activePods: () => KubeObject[], rs: KubeObject): Error | undefined {
    const replicas = rs.spec?.replicas ?? 1;
    let diff = activeCount - replicas;
    const now = this.ctx.clock.now;
    if (diff < 0) {
      diff = Math.min(-diff, BURST_REPLICAS);
      this.expectations.expectCreations(key, diff, now);
      const ref = { apiVersion: rs.apiVersion, kind: rs.kind, name: rs.metadata.name, uid: rs.metadata.uid!, controller: true, blockOwnerDeletion: true };
      const { successes, error } = slowStartBatch(diff, SLOW_START_INITIAL_BATCH_SIZE, () => createPod(this.ctx, SOURCE, rs.spec?.template, rs, ref));
      // Pods never attempted will not be observed; stop expecting them.
      for (let i = 0; i < diff - successes; i++) this.expectations.creationObserved(key);
      return error;
    }
    if (diff > 0) {
      diff = Math.min(diff, BURST_REPLICAS);
      const active = activePods();
      const toDelete = this.podsToDelete(rs, active, diff);
      this.expectations.expectDeletions(key, toDelete.map((p) => nsName(p)), now);
      let firstError: Error | undefined;
      for (const pod of toDelete) {
        const err = deletePod(this.ctx, SOURCE, pod.metadata.namespace, pod.metadata.name, rs);
        if (err) {
          this.expectations.deletionObserved(key, nsName(pod));
          if (!/not found$/.test(err.message)) firstError ??= err;
        }
      }
      return firstError;
    }
    return undefined;
  }

  /**
   * getPodsToDelete: rank each pod by its node's count of active related pods
   * (getPodsRankedByRelatedPodsOnSameNode), then sort (only if needed).
   */
  private podsToDelete(rs: KubeObject, active: KubeObject[], diff: number): KubeObject[] {
    if (diff >= active.length) return active.slice(0, diff);
    return sortActivePodsRankedByNode(active, this.relatedPodsOnNodes(rs), this.ctx.clock.epochMs + this.ctx.clock.now).slice(0, diff);
  }

  /**
   * Per node, the active pods of getIndirectlyRelatedPods: pods any ReplicaSet sharing this one's
   * controller (a Deployment's RS family) selects, each once.
   */
  private relatedPodsOnNodes(rs: KubeObject): Map<string, number> {
    const ref = controllerRef(rs);
    if (!ref) return new Map();
    const sels: Selector[] = [];
    for (const other of this.ctx.api.list('ReplicaSet', { namespace: rs.metadata.namespace })) {
      if (controllerRef(other)?.uid !== ref.uid) continue;
      const sel = safeSelector(other);
      if (sel) sels.push(sel);
    }
    if (sels.length === 0) return new Map();
    return this.pods.activePodsOnNodes(rs.metadata.namespace, (labels) => sels.some((sel) => matchesLabels(sel, labels)));
  }

  protected override saveExtra(): Extra {
    return { expectations: JSON.parse(JSON.stringify(this.expectationsState)), failures: { ...this.failures } };
  }

  protected override loadExtra(state: unknown): void {
    const s = (state ?? {}) as Partial<Extra>;
    this.expectationsState = s.expectations ? JSON.parse(JSON.stringify(s.expectations)) : {};
    this.failures = { ...(s.failures ?? {}) };
    // The store was replaced under the informer: relist.
    this.pods?.reset(this.ctx.api.list('Pod'));
  }
}

function safeSelector(obj: KubeObject): Selector | undefined {
  try {
    return cachedLabelSelector(obj.spec?.selector);
  } catch {
    return undefined;
  }
}

/** calculateStatus's counts from label groups (and the available pods, counted apart). */
function countGroups(rs: KubeObject, groups: LabelGroup[], available: number): StatusCounts {
  const templateLabels = cachedSetSelector(rs.spec?.template?.metadata?.labels ?? {});
  const counts: StatusCounts = { replicas: 0, fullyLabeled: 0, ready: 0, available: 0, terminating: 0 };
  for (const g of groups) {
    counts.replicas += g.active;
    if (matchesLabels(templateLabels, g.labels)) counts.fullyLabeled += g.active;
    counts.ready += g.ready;
    counts.terminating += g.terminating;
  }
  counts.available = available;
  return counts;
}
