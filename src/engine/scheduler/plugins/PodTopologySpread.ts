// PodTopologySpread (pkg/scheduler/framework/plugins/podtopologyspread): DoNotSchedule constraints
// filter (skew = matching pods in the domain + self - global minimum, with minDomains and the
// nodeAffinityPolicy/nodeTaintsPolicy inclusion rules); ScheduleAnyway constraints — or the system
// defaults (hostname maxSkew 3, zone maxSkew 5) built from the pod's Services and controller —
// score, favouring domains with fewer matching pods.
import type { ClusterEvent, EnqueueExtensions, FilterPlugin, PreFilterPlugin, PreScorePlugin, ScorePlugin, Snapshot, Status, ScoreList } from '../framework/interface';
import { MAX_NODE_SCORE, status } from '../framework/interface';
import { PreScoreMemo, type CycleState } from '../framework/cycleState';
import type { NodeInfo } from '../framework/nodeInfo';
import type { TopologyDomains } from '../framework/topologyDomains';
import type { PodInfo } from '../framework/podInfo';
import type { KubeObject } from '../../api/meta';
import { findMatchingUntoleratedTaint, type Taint } from '../framework/corev1';
import { podMatchesNodeAffinity } from './NodeAffinity';
import { constraintSelector, countPodsMatchSelector, defaultSelector, type SpreadSelector } from './spreadSelector';

export const ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
export const ERR_REASON_NODE_LABEL_NOT_MATCH = ERR_REASON_CONSTRAINTS_NOT_MATCH + ' (missing required label)';
const HOSTNAME = 'kubernetes.io/hostname';
const ZONE = 'topology.kubernetes.io/zone';

export interface Constraint {
  maxSkew: number;
  topologyKey: string;
  selector: SpreadSelector;
  minDomains: number;
  nodeAffinityPolicy: string;
  nodeTaintsPolicy: string;
}

function filterConstraints(pod: KubeObject, action: 'DoNotSchedule' | 'ScheduleAnyway'): Constraint[] {
  const out: Constraint[] = [];
  for (const c of pod.spec?.topologySpreadConstraints ?? []) {
    if (c.whenUnsatisfiable !== action) continue;
    out.push({
      maxSkew: c.maxSkew,
      topologyKey: c.topologyKey,
      selector: constraintSelector(c.labelSelector, c.matchLabelKeys, pod.metadata.labels ?? {}),
      minDomains: c.minDomains ?? 1,
      nodeAffinityPolicy: c.nodeAffinityPolicy ?? 'Honor',
      nodeTaintsPolicy: c.nodeTaintsPolicy ?? 'Ignore',
    });
  }
  return out;
}

/** The system default constraints (config.v1 defaults for PodTopologySpreadArgs). */
function defaultConstraints(pod: KubeObject, snap: Snapshot): Constraint[] {
  const sel = defaultSelector(pod, snap);
  if (sel.empty) return [];
  let cs = systemDefaults.get(sel);
  if (!cs) {
    cs = [systemDefault(HOSTNAME, 3, sel), systemDefault(ZONE, 5, sel)];
    systemDefaults.set(sel, cs);
  }
  return cs;
}

/** The system default constraints per selector (a selector is often shared: see defaultSelector); never mutated. */
const systemDefaults = new WeakMap<SpreadSelector, Constraint[]>();

function systemDefault(topologyKey: string, maxSkew: number, selector: SpreadSelector): Constraint {
  return { maxSkew, topologyKey, selector, minDomains: 1, nodeAffinityPolicy: 'Honor', nodeTaintsPolicy: 'Ignore' };
}

function matchNodeInclusionPolicies(c: Constraint, pod: PodInfo, node: NodeInfo): boolean {
  if (c.nodeAffinityPolicy === 'Honor' && !podMatchesNodeAffinity(pod.pod, node.node!)) return false;
  if (c.nodeTaintsPolicy === 'Honor' && findMatchingUntoleratedTaint(node.taints, pod.tolerations, (t: Taint) => t.effect === 'NoSchedule' || t.effect === 'NoExecute')) return false;
  return true;
}

/** Whether matchNodeInclusionPolicies can exclude any node for this pod (else the check is skipped per node). */
function inclusionMayExclude(c: Constraint, pod: PodInfo): boolean {
  if (c.nodeTaintsPolicy === 'Honor') return true;
  const spec = pod.pod.spec;
  return c.nodeAffinityPolicy === 'Honor' && !!(spec?.nodeSelector || spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution);
}

function hasAllKeys(labels: Record<string, string>, cs: Constraint[]): boolean {
  for (const c of cs) if (!(c.topologyKey in labels)) return false;
  return true;
}

const NO_NODES: ReadonlySet<string> = new Set();

interface PreFilterState {
  constraints: Constraint[];
  /** per constraint: domain value -> matching pods */
  tpValueToMatchNum: Map<string, number>[];
  /** per constraint: the smallest count over the domains (0 with fewer than minDomains domains) */
  minMatchNum: number[];
}

interface PreScoreState {
  constraints: Constraint[];
  /** Filtered nodes without every topology key (explicit constraints only): they score 0. */
  ignored: ReadonlySet<string>;
  /** Per constraint, its topology key's domains. */
  domains: TopologyDomains[];
  /**
   * TopologyValueToPodCounts: per constraint and domain number (0 for domains of no filtered
   * node); none for hostname, whose domain is one node, counted in Score.
   */
  podCounts: (number[] | undefined)[];
  weights: number[];
}

export class PodTopologySpread implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin, EnqueueExtensions {
  readonly name = 'PodTopologySpread';

  preFilter(state: CycleState, pod: PodInfo, snap: Snapshot): Status | null {
    const constraints = filterConstraints(pod.pod, 'DoNotSchedule');
    if (constraints.length === 0) {
      state.skipFilter.add(this.name);
      return null;
    }
    const counts = constraints.map(() => new Map<string, number>());
    for (const node of snap.nodes) {
      if (!hasAllKeys(node.labels, constraints)) continue;
      for (let i = 0; i < constraints.length; i++) {
        const c = constraints[i];
        if (!matchNodeInclusionPolicies(c, pod, node)) continue;
        const v = node.labels[c.topologyKey];
        counts[i].set(v, (counts[i].get(v) ?? 0) + countPodsMatchSelector(node, c.selector, pod.namespace));
      }
    }
    // The global minimum per constraint (minMatchNum), worked out once rather than for every node filtered.
    const minMatchNum = counts.map((domains, i) => {
      let min = 2147483647;
      for (const v of domains.values()) if (v < min) min = v;
      return domains.size < constraints[i].minDomains ? 0 : min;
    });
    state.write('PreFilterPodTopologySpread', { constraints, tpValueToMatchNum: counts, minMatchNum } satisfies PreFilterState);
    return null;
  }

  filter(state: CycleState, pod: PodInfo, node: NodeInfo): Status | null {
    const s = state.read<PreFilterState>('PreFilterPodTopologySpread');
    if (!s) return null;
    for (let i = 0; i < s.constraints.length; i++) {
      const c = s.constraints[i];
      const tpVal = node.labels[c.topologyKey];
      if (tpVal === undefined) return status('UnschedulableAndUnresolvable', ERR_REASON_NODE_LABEL_NOT_MATCH);
      const self = c.selector.matches(pod.labels) ? 1 : 0;
      const skew = (s.tpValueToMatchNum[i].get(tpVal) ?? 0) + self - s.minMatchNum[i];
      if (skew > c.maxSkew) return status('Unschedulable', ERR_REASON_CONSTRAINTS_NOT_MATCH);
    }
    return null;
  }

  preScore(state: CycleState, pod: PodInfo, filtered: NodeInfo[], snap: Snapshot): Status | null {
    if (filtered.length === 0 || snap.nodes.length === 0) return status('Skip');
    const explicit = (pod.pod.spec?.topologySpreadConstraints ?? []).length > 0;
    const constraints = explicit ? filterConstraints(pod.pod, 'ScheduleAnyway') : defaultConstraints(pod.pod, snap);
    if (constraints.length === 0) return status('Skip');
    // Explicit constraints need every topology key on a node; system defaults do not.
    const requireAll = explicit;
    const nodes = snap.nodes;
    // Filtered nodes are a subset of the snapshot's: as many means all of them, so every domain is present.
    const allFiltered = !requireAll && filtered.length === nodes.length;
    let ignored: ReadonlySet<string> = NO_NODES;
    const domains: TopologyDomains[] = new Array(constraints.length);
    const weights: number[] = new Array(constraints.length);
    const podCounts: (number[] | undefined)[] = new Array(constraints.length);
    // TopologyValueToPodCounts: the domains of the filtered nodes (present), with the matching pods of every node in them.
    const present: (number[] | undefined)[] = new Array(constraints.length);
    for (let i = 0; i < constraints.length; i++) {
      // Domains are numbered per topology key (topologyDomains.ts); hostname is counted per node in Score.
      const t = snap.topologyDomains(constraints[i].topologyKey);
      domains[i] = t;
      if (constraints[i].topologyKey === HOSTNAME) continue;
      podCounts[i] = new Array<number>(t.size).fill(0);
      if (!allFiltered) present[i] = new Array<number>(t.size).fill(0);
    }
    const topoSize = new Array<number>(constraints.length).fill(0);
    if (allFiltered) {
      for (let i = 0; i < constraints.length; i++) if (podCounts[i]) topoSize[i] = domains[i].size;
    } else {
      const skipped = requireAll ? new Set<string>() : undefined;
      for (let j = 0; j < filtered.length; j++) {
        const n = filtered[j];
        if (skipped && !hasAllKeys(n.labels, constraints)) {
          skipped.add(n.name);
          continue;
        }
        for (let i = 0; i < constraints.length; i++) {
          const seen = present[i];
          if (seen === undefined) continue;
          const d = domains[i].of(n);
          if (seen[d] === 0) {
            seen[d] = 1;
            topoSize[i]++;
          }
        }
      }
      if (skipped) ignored = skipped;
    }
    for (let i = 0; i < constraints.length; i++) {
      const c = constraints[i];
      weights[i] = Math.log((c.topologyKey === HOSTNAME ? filtered.length - ignored.size : topoSize[i]) + 2);
      const t = domains[i];
      const counts = podCounts[i];
      if (counts === undefined) continue;
      const seen = present[i];
      const mayExclude = inclusionMayExclude(c, pod);
      for (let j = 0; j < nodes.length; j++) {
        const node = nodes[j];
        if (requireAll && !hasAllKeys(node.labels, constraints)) continue;
        const d = t.of(node);
        if ((seen !== undefined && seen[d] === 0) || (mayExclude && !matchNodeInclusionPolicies(c, pod, node))) continue;
        counts[d] += countPodsMatchSelector(node, c.selector, pod.namespace);
      }
    }
    const value: PreScoreState = { constraints, ignored, domains, podCounts, weights };
    this.preScored.write(state, value);
    return null;
  }

  private readonly preScored = new PreScoreMemo<PreScoreState>('PreScorePodTopologySpread');

  private preScoreState(state: CycleState): PreScoreState {
    return this.preScored.read(state)!;
  }

  /** Score for every node, in one loop of this plugin's own (see ScorePlugin.scoreNodes). */
  scoreNodes(state: CycleState, pod: PodInfo, nodes: NodeInfo[], _snap: Snapshot, out: ScoreList): void {
    const s = this.preScoreState(state);
    for (let i = 0; i < nodes.length; i++) out[i] = nodeScore(s, pod, nodes[i]);
  }

  score(state: CycleState, pod: PodInfo, node: NodeInfo): number {
    return nodeScore(this.preScoreState(state), pod, node);
  }

  normalizeScore(state: CycleState, _p: PodInfo, scores: ScoreList, nodes: NodeInfo[]): void {
    const s = state.read<PreScoreState>('PreScorePodTopologySpread');
    if (!s) return;
    let min = Number.MAX_SAFE_INTEGER;
    let max = 0;
    const someIgnored = s.ignored.size > 0;
    for (let i = 0; i < nodes.length; i++) {
      if (someIgnored && s.ignored.has(nodes[i].name)) continue;
      if (scores[i] < min) min = scores[i];
      if (scores[i] > max) max = scores[i];
    }
    for (let i = 0; i < nodes.length; i++) {
      if (someIgnored && s.ignored.has(nodes[i].name)) scores[i] = 0;
      else if (max === 0) scores[i] = MAX_NODE_SCORE;
      else scores[i] = Math.trunc((MAX_NODE_SCORE * (max + min - scores[i])) / max);
    }
  }

  isSchedulableAfter(pod: PodInfo, ev: ClusterEvent): boolean {
    const cs = filterConstraints(pod.pod, 'DoNotSchedule');
    if (ev.resource === 'AssignedPod') {
      const objs = [ev.old, ev.obj].filter((o): o is KubeObject => !!o);
      return objs.some((o) => (o.metadata.namespace ?? 'default') === pod.namespace && cs.some((c) => c.selector.matches(o.metadata.labels ?? {})));
    }
    if (ev.resource === 'Node' && ev.obj) return hasAllKeys(ev.obj.metadata.labels ?? {}, cs);
    return false;
  }
}

/** Score: the matching pods of the node's domain per constraint, weighted by the log of the number of domains. */
function nodeScore(s: PreScoreState, pod: PodInfo, node: NodeInfo): number {
  if (s.ignored.size && s.ignored.has(node.name)) return 0;
  let score = 0;
  for (let i = 0; i < s.constraints.length; i++) {
    const c = s.constraints[i];
    const t = s.domains[i];
    const d = t.of(node);
    if (t.values[d] === undefined) continue;
    const counts = s.podCounts[i];
    const cnt = counts === undefined ? countPodsMatchSelector(node, c.selector, pod.namespace) : counts[d];
    score += cnt * s.weights[i] + (c.maxSkew - 1);
  }
  return goRound(score);
}

/** Go math.Round: half away from zero. */
function goRound(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}
