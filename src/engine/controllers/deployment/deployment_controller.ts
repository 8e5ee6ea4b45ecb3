// The Deployment controller (pkg/controller/deployment/deployment_controller.go): watches
// Deployments, ReplicaSets and Pods, claims ReplicaSets by selector, and dispatches each sync
// to pause/scale handling, Recreate or RollingUpdate.
import { Controller } from '../../sim/component';
import { watchEventKey, type WatchEvent } from '../../apiserver/store';
import type { Selector } from '../../api/labels';
import { clone, controllerRef, deepEqual, nsName, splitNsName, type KubeObject } from '../../api/meta';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import { claimObjects } from '../controller_utils/controller_ref_manager';
import { sharedPodControllerIndex, type PodControllerIndex } from '../controller_utils/pod_indexer';
import { cachedLabelSelector, matchesLabels } from '../controller_utils/selectors';
import { SOURCE, nowTimestamp, updateDeploymentStatus, type DeploymentControllerContext } from './context';
import {
  getDeploymentCondition,
  hasProgressDeadline,
  newDeploymentCondition,
  setDeploymentCondition,
  PAUSED_DEPLOY_REASON,
  RESUMED_DEPLOY_REASON,
  TIMED_OUT_REASON,
} from './util/deployment_util';
import { getAllReplicaSetsAndSyncRevision, isScalingEvent, sync, syncDeploymentStatus } from './sync';
import { rolloutRolling } from './rolling';
import { rolloutRecreate } from './recreate';

/** deployment_controller.go maxRetries. */
const MAX_RETRIES = 15;

export class DeploymentController extends Controller {
  readonly name = 'deployment-controller';
  /** The shared pod informer's controller-UID index (a cache, rebuilt rather than saved). */
  private pods!: PodControllerIndex;

  protected run(): void {
    this.pods = sharedPodControllerIndex(this.ctx.api);
    this.ctx.api.watch((ev) => this.enqueue(watchEventKey(ev)), ['Deployment']);
    this.ctx.api.watch((ev) => this.onReplicaSet(ev), ['ReplicaSet']);
    this.ctx.api.watch((ev) => this.onPod(ev), ['Pod']);
    for (const d of this.ctx.api.list('Deployment')) this.enqueue(nsName(d));
  }

  /** Failed syncs per key, for the rate-limited requeue (cleared by a sync that succeeds). */
  private failures: Record<string, number> = {};
  private syncFailed = false;

  /** What the step functions (sync.go, rolling.go, ...) get instead of the controller itself. */
  private get dc(): DeploymentControllerContext {
    return {
      ctx: this.ctx,
      enqueueAfter: (d, delayMs) => this.enqueue(nsName(d), delayMs),
      failed: () => void (this.syncFailed = true),
    };
  }

  /**
   * handleErr: a failed sync is retried with client-go's per-item backoff (5ms doubling) up to
   * maxRetries (15) times, then dropped until the next change; a good sync forgets the failures.
   */
  protected override sync(key: string): void {
    this.syncFailed = false;
    this.syncDeployment(key);
    if (!this.syncFailed) {
      delete this.failures[key];
      return;
    }
    const n = this.failures[key] ?? 0;
    if (n >= MAX_RETRIES) {
      delete this.failures[key];
      return;
    }
    this.failures[key] = n + 1;
    this.enqueue(key, Math.min(5 * 2 ** n, 1000_000));
  }

  protected override saveExtra(): unknown {
    return { failures: { ...this.failures } };
  }

  protected override loadExtra(state: unknown): void {
    this.failures = { ...((state as { failures?: Record<string, number> } | null)?.failures ?? {}) };
    // The store was replaced under the informer: relist.
    this.pods?.reset(this.ctx.api.list('Pod'));
  }

  // ---- informer handlers ---------------------------------------------------------------------

  private onReplicaSet(ev: WatchEvent): void {
    const rs = ev.object;
    if (ev.type === 'DELETED' || (ev.type === 'ADDED' && rs.metadata.deletionTimestamp)) {
      const ref = controllerRef(rs);
      const d = ref && this.resolveControllerRef(rs.metadata.namespace, ref);
      if (d) this.enqueue(this.metaNamespaceKey(d));
      return;
    }
    if (ev.type === 'ADDED') {
      const ref = controllerRef(rs);
      if (ref) {
        const d = this.resolveControllerRef(rs.metadata.namespace, ref);
        if (d) this.enqueue(this.metaNamespaceKey(d));
        return;
      }
      for (const d of this.deploymentsForReplicaSet(rs)) this.enqueue(nsName(d));
      return;
    }
    const old = ev.old!;
    const curRef = controllerRef(rs);
    const oldRef = controllerRef(old);
    const refChanged = !deepEqual(curRef, oldRef);
    if (refChanged && oldRef) {
      const d = this.resolveControllerRef(old.metadata.namespace, oldRef);
      if (d) this.enqueue(this.metaNamespaceKey(d));
    }
    if (curRef) {
      const d = this.resolveControllerRef(rs.metadata.namespace, curRef);
      if (d) this.enqueue(this.metaNamespaceKey(d));
      return;
    }
    const labelChanged = !deepEqual(rs.metadata.labels ?? {}, old.metadata.labels ?? {});
    if (labelChanged || refChanged) for (const d of this.deploymentsForReplicaSet(rs)) this.enqueue(nsName(d));
  }

  /** Recreate waits for old pods to be gone: wake it when the last pod of a Deployment goes. */
  private onPod(ev: WatchEvent): void {
    if (ev.type !== 'DELETED') return;
    const pod = ev.object;
    const podRef = controllerRef(pod);
    if (!podRef || podRef.kind !== 'ReplicaSet') return;
    const rs = this.ctx.api.get('ReplicaSet', pod.metadata.namespace, podRef.name);
    if (!rs || rs.metadata.uid !== podRef.uid) return;
    const rsRef = controllerRef(rs);
    const d = rsRef && this.resolveControllerRef(rs.metadata.namespace, rsRef);
    if (!d || d.spec?.strategy?.type !== 'Recreate') return;
    const rsList = this.ctx.api.list('ReplicaSet', { namespace: d.metadata.namespace }).filter((x) => controllerRef(x)?.uid === d.metadata.uid);
    // The size of getPodMapForDeployment, from the index's label groups.
    const sel = safeSelector(d);
    const some = !!sel && rsList.some((rs) => this.pods.controlledGroups(d.metadata.namespace, rs.metadata.uid).some((g) => g.total > 0 && matchesLabels(sel, g.labels)));
    if (!some) this.enqueue(nsName(d));
  }

  private resolveControllerRef(namespace: string | undefined, ref: OwnerReference): KubeObject | undefined {
    if (ref.kind !== 'Deployment') return undefined;
    const d = this.ctx.api.get('Deployment', namespace, ref.name);
    return d && d.metadata.uid === ref.uid ? d : undefined;
  }

  private deploymentsForReplicaSet(rs: KubeObject): KubeObject[] {
    if (!rs.metadata.labels || Object.keys(rs.metadata.labels).length === 0) return [];
    return this.ctx.api.list('Deployment', { namespace: rs.metadata.namespace }).filter((d) => {
      const sel = safeSelector(d);
      return !!sel && !sel.empty() && sel.matches(rs.metadata.labels ?? {});
    });
  }

  // ---- sync ---------------------------------------------------------------------------------

  private syncDeployment(key: string): void {
    const { namespace, name } = splitNsName(key);
    const stored = this.ctx.api.get('Deployment', namespace, name);
    if (!stored) return;
    const d = workingCopy(stored);

    const sel = d.spec?.selector;
    if (sel && Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0) {
      this.ctx.events.record(stored, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.', SOURCE);
      if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) {
        d.status = { ...(d.status ?? {}), observedGeneration: d.metadata.generation };
        updateDeploymentStatus(this.dc, d);
      }
      return;
    }

    const rsList = this.replicaSetsForDeployment(d);

    if (d.metadata.deletionTimestamp) {
      const got = getAllReplicaSetsAndSyncRevision(this.dc, d, rsList, false);
      if (got) syncDeploymentStatus(this.dc, [...got.oldRSs, got.newRS], got.newRS, d);
      return;
    }

    this.checkPausedConditions(d);
    if (d.spec?.paused) return sync(this.dc, d, rsList);

    const scaling = isScalingEvent(this.dc, d, rsList);
    if (scaling === undefined) return;
    if (scaling) return sync(this.dc, d, rsList);

    // Only Recreate reads the pod map (upstream builds it for every sync).
    if (d.spec?.strategy?.type === 'Recreate') rolloutRecreate(this.dc, d, rsList, this.podMapForDeployment(d, rsList));
    else rolloutRolling(this.dc, d, rsList);
  }

  /** getReplicaSetsForDeployment: adopt matching orphans, release non-matching owned ones. */
  private replicaSetsForDeployment(d: KubeObject): KubeObject[] {
    const sel = safeSelector(d);
    if (!sel) return [];
    const candidates = this.ctx.api.list('ReplicaSet', { namespace: d.metadata.namespace });
    return claimObjects(this.ctx.api, d, candidates, (rs) => sel.matches(rs.metadata.labels ?? {}));
  }

  /** getPodMapForDeployment: the Deployment's pods (terminating ones too) by owning RS uid. */
  private podMapForDeployment(d: KubeObject, rsList: KubeObject[]): Map<string, KubeObject[]> {
    const map = new Map<string, KubeObject[]>();
    for (const rs of rsList) map.set(rs.metadata.uid!, []);
    const sel = safeSelector(d);
    if (!sel) return map;
    for (const [uid, pods] of map) {
      for (const pod of this.pods.controlledBy(d.metadata.namespace, uid)) if (matchesLabels(sel, pod.metadata.labels)) pods.push(pod);
    }
    return map;
  }

  /** checkPausedConditions: Unknown/DeploymentPaused on pause, Unknown/DeploymentResumed on resume. */
  private checkPausedConditions(d: KubeObject): void {
    if (!hasProgressDeadline(d)) return;
    const cond = getDeploymentCondition(d.status, 'Progressing');
    if (cond?.reason === TIMED_OUT_REASON) return;
    const pausedCondExists = cond?.reason === PAUSED_DEPLOY_REASON;
    const now = nowTimestamp(this.dc);
    d.status ??= {};
    if (d.spec?.paused && !pausedCondExists) {
      setDeploymentCondition(d.status, newDeploymentCondition('Progressing', 'Unknown', PAUSED_DEPLOY_REASON, 'Deployment is paused', now));
    } else if (!d.spec?.paused && pausedCondExists) {
      setDeploymentCondition(d.status, newDeploymentCondition('Progressing', 'Unknown', RESUMED_DEPLOY_REASON, 'Deployment is resumed', now));
    } else return;
    updateDeploymentStatus(this.dc, d);
  }
}

/**
 * The sync's copy of the Deployment (upstream's DeepCopy): metadata and status are changed in place
 * and written back, the spec never is, so it stays shared with the stored object; the selector and
 * template caches, keyed by object, then hit on every sync instead of once.
 */
function workingCopy(stored: KubeObject): KubeObject {
  const d: KubeObject = { ...stored, metadata: clone(stored.metadata) };
  if (stored.status !== undefined) d.status = clone(stored.status);
  return d;
}

function safeSelector(obj: KubeObject): Selector | undefined {
  try {
    return cachedLabelSelector(obj.spec?.selector);
  } catch {
    return undefined;
  }
}
