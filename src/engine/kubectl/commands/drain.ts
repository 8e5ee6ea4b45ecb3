// kubectl drain (k8s.io/kubectl/pkg/cmd/drain/drain.go, pkg/drain/{drain,filters}.go): cordon,
// then evict every pod on the node through the Eviction API, after the filters: DaemonSet pods
// (error unless --ignore-daemonsets), mirror pods (skipped), emptyDir pods (error unless
// --delete-emptydir-data), pods without a controller (error unless --force); finished pods are
// always deletable. A PodDisruptionBudget with no disruptions allowed refuses the eviction.
import type { KubeObject } from '../../api/meta';
import { controllerRef } from '../../api/meta';
import { selectorMatches } from '../../api/labels';
import type { Simulation } from '../../sim/simulation';
import { KubectlError } from '../resources';
import { flagBool, flagString, type KubectlResult, type ParsedArgs } from '../types';
import { cordonNodes, selectNodes } from './cordon';

const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
const UNMANAGED_FATAL = 'cannot delete Pods that declare no controller (use --force to override)';
const UNMANAGED_WARNING = 'deleting Pods that declare no controller';
const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

interface Status {
  delete: boolean;
  reason: 'Okay' | 'Skip' | 'Warning' | 'Error';
  message?: string;
}

interface Options {
  force: boolean;
  ignoreDaemonSets: boolean;
  deleteEmptyDirData: boolean;
}

function finished(pod: KubeObject): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/** The filters of makeFilters, in their order; the first that refuses deletion decides. */
function filterPod(sim: Simulation, pod: KubeObject, o: Options): Status {
  const okay: Status = { delete: true, reason: 'Okay' };
  const filters: ((p: KubeObject) => Status)[] = [
    () => okay, // skipDeletedFilter: only with --skip-wait-for-delete-timeout
    (p) => {
      const ref = controllerRef(p);
      if (!ref || ref.kind !== 'DaemonSet' || finished(p)) return okay;
      if (!sim.get('DaemonSet', p.metadata.namespace, ref.name)) {
        const msg = `daemonsets.apps "${ref.name}" not found`;
        return o.force ? { delete: true, reason: 'Warning', message: msg } : { delete: false, reason: 'Error', message: msg };
      }
      return o.ignoreDaemonSets ? { delete: false, reason: 'Warning', message: DAEMONSET_WARNING } : { delete: false, reason: 'Error', message: DAEMONSET_FATAL };
    },
    (p) => (p.metadata.annotations?.[MIRROR_ANNOTATION] !== undefined ? { delete: false, reason: 'Skip' } : okay),
    (p) => {
      if (!(p.spec?.volumes ?? []).some((v: any) => v.emptyDir) || finished(p)) return okay;
      return o.deleteEmptyDirData ? { delete: true, reason: 'Warning', message: LOCAL_STORAGE_WARNING } : { delete: false, reason: 'Error', message: LOCAL_STORAGE_FATAL };
    },
    (p) => {
      if (finished(p) || controllerRef(p)) return okay;
      return o.force ? { delete: true, reason: 'Warning', message: UNMANAGED_WARNING } : { delete: false, reason: 'Error', message: UNMANAGED_FATAL };
    },
  ];
  let status = okay;
  for (const f of filters) {
    status = f(pod);
    if (!status.delete) break;
  }
  return status;
}

/** Group "message: ns/a, ns/b" in first-seen order (Warnings() / errors()). */
function grouped(items: { pod: KubeObject; status: Status }[], reason: Status['reason']): [string, string[]][] {
  const m = new Map<string, string[]>();
  for (const { pod, status } of items) {
    if (status.reason !== reason) continue;
    const msg = status.message || 'unexpected error';
    if (!m.has(msg)) m.set(msg, []);
    m.get(msg)!.push(`${pod.metadata.namespace}/${pod.metadata.name}`);
  }
  return [...m.entries()];
}

/** The Eviction API (pkg/registry/core/pod/storage/eviction.go): PDBs first, then a graceful delete. */
function evict(sim: Simulation, pod: KubeObject, grace: number | undefined): string | undefined {
  const ns = pod.metadata.namespace;
  const pdbs = sim.list('PodDisruptionBudget', ns).filter((b) => selectorMatches(b.spec?.selector, pod.metadata.labels ?? {}));
  if (pdbs.length > 1) return 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.';
  if (pdbs.length === 1 && !finished(pod) && (pdbs[0].status?.disruptionsAllowed ?? 0) <= 0) {
    return "Cannot evict pod as it would violate the pod's disruption budget.";
  }
  const ts = sim.clock.timestamp();
  sim.api.mutate('Pod', ns, pod.metadata.name, (d) => {
    const conds: any[] = (d.status = d.status ?? {}).conditions ?? [];
    const cond: Record<string, unknown> = {
      type: 'DisruptionTarget',
      status: 'True',
      reason: 'EvictionByEvictionAPI',
      message: 'Eviction API: evicting',
      lastProbeTime: null,
      lastTransitionTime: ts,
    };
    const i = conds.findIndex((c) => c.type === 'DisruptionTarget');
    if (i >= 0) conds[i] = cond;
    else conds.push(cond);
    d.status.conditions = conds;
  }, { status: true });
  sim.api.delete('Pod', ns, pod.metadata.name, grace === undefined ? {} : { gracePeriodSeconds: grace });
  return undefined;
}

export function drain(sim: Simulation, a: ParsedArgs): KubectlResult {
  const nodes = selectNodes(sim, a, 'drain');
  const o: Options = {
    force: flagBool(a, 'force'),
    ignoreDaemonSets: flagBool(a, 'ignore-daemonsets'),
    deleteEmptyDirData: flagBool(a, 'delete-emptydir-data') || flagBool(a, 'delete-local-data'),
  };
  const graceFlag = flagString(a, 'grace-period', '-1');
  const grace = Number(graceFlag);
  if (!Number.isInteger(grace)) throw new KubectlError(`error: invalid argument "${graceFlag}" for "--grace-period" flag: strconv.ParseInt: parsing "${graceFlag}": invalid syntax`);
  const disableEviction = flagBool(a, 'disable-eviction');
  let stdout = cordonNodes(sim, nodes, true);
  let stderr = '';
  const remaining: string[] = [];
  let fatal: string | undefined;
  for (const node of nodes) {
    const pods = sim.api
      .podsOnNode(node.metadata.name)
      .slice()
      .sort((x, y) => `${x.metadata.namespace}/${x.metadata.name}`.localeCompare(`${y.metadata.namespace}/${y.metadata.name}`));
    const items = pods.map((pod) => ({ pod, status: filterPod(sim, pod, o) }));
    const errors = grouped(items, 'Error').map(([msg, ps]) => `${msg.toLowerCase().startsWith('cannot delete') ? msg : `cannot delete ${msg}`}: ${ps.join(', ')}`);
    if (errors.length) {
      const agg = errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`;
      stderr += `error: unable to drain node "${node.metadata.name}" due to error: ${agg}, continuing command...\n`;
      remaining.push(node.metadata.name);
      // An aggregate error: cmdutil.CheckErr prints each of its errors on its own line.
      fatal = errors.join('\n');
      continue;
    }
    const warnings = grouped(items, 'Warning').map(([msg, ps]) => `${msg}: ${ps.join(', ')}`);
    if (warnings.length) stderr += `Warning: ${warnings.join('; ')}\n`;
    const victims = items.filter((i) => i.status.delete).map((i) => i.pod);
    let blocked: string | undefined;
    const done: KubeObject[] = [];
    for (const pod of victims) {
      if (disableEviction) {
        sim.api.delete('Pod', pod.metadata.namespace, pod.metadata.name, grace < 0 ? {} : { gracePeriodSeconds: grace });
        done.push(pod);
        continue;
      }
      stdout += `evicting pod ${pod.metadata.namespace}/${pod.metadata.name}\n`;
      const err = evict(sim, pod, grace < 0 ? undefined : grace);
      if (err) {
        stderr += `error when evicting pods/"${pod.metadata.name}" -n "${pod.metadata.namespace}" (will retry after 5s): ${err}\n`;
        blocked = err;
      } else done.push(pod);
    }
    for (const pod of done) stdout += `pod/${pod.metadata.name} ${disableEviction ? 'deleted' : 'evicted'}\n`;
    if (blocked) {
      remaining.push(node.metadata.name);
      fatal = `error: unable to drain node "${node.metadata.name}": ${blocked}`;
      continue;
    }
    stdout += `node/${node.metadata.name} drained\n`;
  }
  if (fatal !== undefined) {
    stderr += `There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join('')}`;
    stderr += `${fatal}\n`;
    return { stdout, stderr, exitCode: 1 };
  }
  return { stdout, stderr, exitCode: 0 };
}
