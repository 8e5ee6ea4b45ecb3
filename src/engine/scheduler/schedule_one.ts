// The scheduling cycle's steps (pkg/scheduler/schedule_one.go): finding the feasible nodes
// (adaptive percentageOfNodesToScore, nominated node first), selectHost, and the PodScheduled
// condition update of handleSchedulingFailure.
import type { ComponentContext } from '../sim/component';
import type { Random } from '../sim/random';
import type { KubeObject } from '../api/meta';
import type { CycleState } from './framework/cycleState';
import type { Status } from './framework/interface';
import type { NodeInfo } from './framework/nodeInfo';
import type { PodInfo } from './framework/podInfo';
import type { Framework } from './framework/runtime';
import type { SchedulerCache } from './framework/cache';
import type { Diagnosis } from './framework/fitError';
import type { StoredAttempt } from './explanation';

const MIN_FEASIBLE_NODES_TO_FIND = 100;
const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

/** numFeasibleNodesToFind with the adaptive percentageOfNodesToScore. */
export function numFeasibleNodesToFind(numAllNodes: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  let pct = 50 - Math.trunc(numAllNodes / 125);
  if (pct < MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND) pct = MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND;
  const n = Math.trunc((numAllNodes * pct) / 100);
  return n < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : n;
}

export interface FilterHost {
  fwk: Framework;
  cache: SchedulerCache;
  /** nextStartNodeIndex */
  start: number;
  nominatedFor(node: string): PodInfo[];
}

/** findNodesThatPassFilters: from nextStartNodeIndex, stopping once numFeasibleNodesToFind nodes fit. */
export function findNodesThatPassFilters(
  h: FilterHost,
  state: CycleState,
  pi: PodInfo,
  pod: KubeObject,
  diagnosis: Diagnosis,
  rejectors: Set<string>,
  attempt: StoredAttempt,
): { feasible: NodeInfo[]; processed: number } {
  const allNodes = h.cache.nodes;
  // A pod nominated by an earlier preemption tries its nominated node first.
  const nominated: string | undefined = pod.status?.nominatedNodeName;
  if (nominated) {
    const n = h.cache.get(nominated);
    if (n && !h.fwk.runFilterWithNominated(state, pi, n, h.cache, h.nominatedFor(n.name))) {
      attempt.nodes = [n.name];
      attempt.feasible = [n.name];
      return { feasible: [n], processed: 0 };
    }
  }
  let nodes = allNodes;
  if (state.preFilterNodeNames.size) {
    let allowed: Set<string> | undefined;
    for (const s of state.preFilterNodeNames.values()) allowed = allowed ? new Set([...allowed].filter((x) => s.has(x))) : s;
    nodes = allNodes.filter((n) => allowed!.has(n.name));
    const plugins = [...state.preFilterNodeNames.keys()].sort();
    diagnosis.absentNodesStatus = { code: 'UnschedulableAndUnresolvable', reasons: [`node(s) didn't satisfy plugin(s) [${plugins.join(' ')}]`] };
    for (const p of plugins) rejectors.add(p);
    for (const n of allNodes)
      if (!allowed!.has(n.name))
        attempt.filter[n.name] = { plugin: plugins.join(','), code: 'UnschedulableAndUnresolvable', reasons: diagnosis.absentNodesStatus.reasons };
  }
  const toFind = numFeasibleNodesToFind(nodes.length);
  const start = nodes.length ? h.start % nodes.length : 0;
  // While every node passes, the feasible ones are `nodes` from start on: the list is only built
  // at the first rejection (sized up front and trimmed below, as growing it node by node is
  // garbage), and most cycles, which reject none, use `nodes` itself.
  let feasible: NodeInfo[] | undefined;
  let found = 0;
  let processed = 0;
  for (let i = 0; i < nodes.length && found < toFind; i++) {
    const n = nodes[(start + i) % nodes.length];
    processed++;
    const s: Status | null = h.fwk.runFilterWithNominated(state, pi, n, h.cache, h.nominatedFor(n.name));
    if (!s) {
      if (feasible) feasible[found] = n;
      found++;
    } else {
      if (!feasible) feasible = passedFrom(nodes, start, found, Math.min(toFind, nodes.length));
      diagnosis.nodeToStatus.set(n.name, s);
      rejectors.add(s.plugin!);
      attempt.filter[n.name] = { plugin: s.plugin!, code: s.code, reasons: s.reasons };
    }
  }
  if (!feasible) feasible = start === 0 && found === nodes.length ? nodes : passedFrom(nodes, start, found, found);
  else feasible.length = found;
  // Explanations are kept for every pod: share the node-name list when every node was evaluated in order.
  const shared = nodes === allNodes && start === 0 && processed === allNodes.length;
  attempt.nodes = shared ? h.cache.nodeNames : Array.from({ length: processed }, (_, i) => nodes[(start + i) % nodes.length].name);
  attempt.feasible = shared && feasible.length === processed ? attempt.nodes : feasible.map((n) => n.name);
  return { feasible, processed };
}

/** The first `count` nodes from start on (wrapping around), in a list with room for `size`. */
function passedFrom(nodes: NodeInfo[], start: number, count: number, size: number): NodeInfo[] {
  const out = new Array<NodeInfo>(size);
  for (let k = 0; k < count; k++) out[k] = nodes[(start + k) % nodes.length];
  return out;
}

/** selectHost: the highest total wins; ties are broken uniformly at random (seeded). */
export function selectHost(nodes: NodeInfo[], totals: ArrayLike<number>, rnd: Random): NodeInfo {
  let max = -Infinity;
  let ties = 0;
  for (let i = 0; i < totals.length; i++) {
    if (totals[i] > max) {
      max = totals[i];
      ties = 1;
    } else if (totals[i] === max) ties++;
  }
  // The k-th of the tied nodes, counted without collecting them.
  let k = ties === 1 ? 0 : rnd.int(ties);
  let pick = 0;
  for (let i = 0; i < totals.length; i++) {
    if (totals[i] === max && k-- === 0) {
      pick = i;
      break;
    }
  }
  return nodes[pick];
}

/** updatePod: PodScheduled=False with the reason and message, and the nomination, if they changed. */
export function updatePodScheduledCondition(ctx: ComponentContext, pod: KubeObject, reason: string, message: string, nominatedNode: string | undefined): void {
  const latest = ctx.api.get('Pod', pod.metadata.namespace, pod.metadata.name);
  if (latest && latest.metadata.uid === pod.metadata.uid) {
    ctx.api.mutate(
      'Pod',
      latest.metadata.namespace,
      latest.metadata.name,
      (d) => {
        const status = (d.status = d.status ?? {});
        const conds: Record<string, unknown>[] = (status.conditions = status.conditions ?? []);
        const i = conds.findIndex((c) => c.type === 'PodScheduled');
        const cur = i >= 0 ? conds[i] : undefined;
        let changed = false;
        if (!cur || cur.status !== 'False' || cur.reason !== reason || cur.message !== message) {
          const cond: Record<string, unknown> = {
            type: 'PodScheduled',
            status: 'False',
            reason,
            message,
            lastProbeTime: null,
            lastTransitionTime: cur && cur.status === 'False' ? cur.lastTransitionTime : ctx.clock.timestamp(),
          };
          if (typeof d.metadata.generation === 'number') cond.observedGeneration = d.metadata.generation;
          if (i >= 0) conds[i] = cond;
          else conds.push(cond);
          changed = true;
        }
        if (nominatedNode !== undefined && (status.nominatedNodeName ?? '') !== nominatedNode) {
          if (nominatedNode) status.nominatedNodeName = nominatedNode;
          else delete status.nominatedNodeName;
          changed = true;
        }
        return changed ? undefined : false;
      },
      { status: true },
    );
  }
}
