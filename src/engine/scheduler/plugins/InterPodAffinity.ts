// InterPodAffinity (pkg/scheduler/framework/plugins/interpodaffinity): Filter enforces the pod's
// required affinity and anti-affinity per topology domain, and existing pods' required
// anti-affinity against the incoming pod; Score sums preferred terms both ways (plus existing pods'
// required affinity at hardPodAffinityWeight 1) per domain, then min-max normalises.
import type { ClusterEvent, EnqueueExtensions, FilterPlugin, PreFilterPlugin, PreScorePlugin, ScorePlugin, Snapshot, Status, ScoreList } from '../framework/interface';
import { MAX_NODE_SCORE, status } from '../framework/interface';
import type { CycleState } from '../framework/cycleState';
import type { NodeInfo } from '../framework/nodeInfo';
import { affinityTermMatches, newPodInfo, type AffinityTerm, type PodInfo, type WeightedAffinityTerm } from '../framework/podInfo';

export const ERR_REASON_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";
export const ERR_REASON_AFFINITY = "node(s) didn't match pod affinity rules";
export const ERR_REASON_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";
const HARD_POD_AFFINITY_WEIGHT = 1;

/** topologyToMatchedTermCount, keyed "key\u0000value". */
type Counts = Map<string, number>;

function bump(m: Counts, node: NodeInfo, key: string, by: number): void {
  const v = node.labels[key];
  if (v === undefined) return;
  const k = `${key}\u0000${v}`;
  m.set(k, (m.get(k) ?? 0) + by);
}

function matchesAll(terms: AffinityTerm[], pod: PodInfo, ns: Record<string, string> | undefined): boolean {
  if (terms.length === 0) return false;
  for (const t of terms) if (!affinityTermMatches(t, pod, ns)) return false;
  return true;
}

interface PreFilterState {
  existingAntiAffinityCounts: Counts;
  affinityCounts: Counts;
  antiAffinityCounts: Counts;
}

export class InterPodAffinity implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin, EnqueueExtensions {
  readonly name = 'InterPodAffinity';

  preFilter(state: CycleState, pod: PodInfo, snap: Snapshot): Status | null {
    const withAnti = snap.havePodsWithRequiredAntiAffinity();
    if (pod.requiredAffinity.length === 0 && pod.requiredAntiAffinity.length === 0 && withAnti.length === 0) {
      state.skipFilter.add(this.name);
      return null;
    }
    const podNsLabels = snap.namespaceLabels(pod.namespace);
    const existingAntiAffinityCounts: Counts = new Map();
    for (const node of withAnti) {
      for (const ex of node.pods) {
        for (const t of ex.requiredAntiAffinity) if (affinityTermMatches(t, pod, podNsLabels)) bump(existingAntiAffinityCounts, node, t.topologyKey, 1);
      }
    }
    const affinityCounts: Counts = new Map();
    const antiAffinityCounts: Counts = new Map();
    if (pod.requiredAffinity.length || pod.requiredAntiAffinity.length) {
      for (const node of snap.nodes) {
        for (const ex of node.pods) {
          const ns = snap.namespaceLabels(ex.namespace);
          if (matchesAll(pod.requiredAffinity, ex, ns)) for (const t of pod.requiredAffinity) bump(affinityCounts, node, t.topologyKey, 1);
          for (const t of pod.requiredAntiAffinity) if (affinityTermMatches(t, ex, ns)) bump(antiAffinityCounts, node, t.topologyKey, 1);
        }
      }
    }
    state.write('PreFilterInterPodAffinity', { existingAntiAffinityCounts, affinityCounts, antiAffinityCounts } satisfies PreFilterState);
    return null;
  }

  filter(state: CycleState, pod: PodInfo, node: NodeInfo, snap: Snapshot): Status | null {
    const s = state.read<PreFilterState>('PreFilterInterPodAffinity');
    if (!s) return null;
    if (!this.satisfyPodAffinity(s, pod, node, snap)) return status('UnschedulableAndUnresolvable', ERR_REASON_AFFINITY);
    for (const t of pod.requiredAntiAffinity) {
      const v = node.labels[t.topologyKey];
      if (v !== undefined && (s.antiAffinityCounts.get(`${t.topologyKey}\u0000${v}`) ?? 0) > 0) return status('Unschedulable', ERR_REASON_ANTI_AFFINITY);
    }
    for (const [k, n] of s.existingAntiAffinityCounts) {
      if (n <= 0) continue;
      const i = k.indexOf('\u0000');
      if (node.labels[k.slice(0, i)] === k.slice(i + 1)) return status('Unschedulable', ERR_REASON_EXISTING_ANTI_AFFINITY);
    }
    return null;
  }

  private satisfyPodAffinity(s: PreFilterState, pod: PodInfo, node: NodeInfo, snap: Snapshot): boolean {
    let podsExist = true;
    for (const t of pod.requiredAffinity) {
      const v = node.labels[t.topologyKey];
      if (v === undefined) return false;
      if ((s.affinityCounts.get(`${t.topologyKey}\u0000${v}`) ?? 0) <= 0) podsExist = false;
    }
    if (podsExist) return true;
    // The first pod of a group with affinity to itself may go anywhere its own terms allow.
    return s.affinityCounts.size === 0 && matchesAll(pod.requiredAffinity, pod, snap.namespaceLabels(pod.namespace));
  }

  preScore(state: CycleState, pod: PodInfo, _filtered: NodeInfo[], snap: Snapshot): Status | null {
    const hasConstraints = pod.preferredAffinity.length > 0 || pod.preferredAntiAffinity.length > 0;
    const nodes = hasConstraints ? snap.nodes : snap.havePodsWithAffinity();
    if (!hasConstraints && nodes.length === 0) return status('Skip');
    const podNsLabels = snap.namespaceLabels(pod.namespace);
    const topoScore: Counts = new Map();
    const terms = (ts: WeightedAffinityTerm[], target: PodInfo, ns: Record<string, string> | undefined, node: NodeInfo, mult: number) => {
      for (const t of ts) if (affinityTermMatches(t, target, ns)) bump(topoScore, node, t.topologyKey, t.weight * mult);
    };
    for (const node of nodes) {
      if (Object.keys(node.labels).length === 0) continue;
      for (const ex of node.pods) {
        if (!hasConstraints && ex.requiredAffinity.length + ex.preferredAffinity.length + ex.preferredAntiAffinity.length + ex.requiredAntiAffinity.length === 0) continue;
        const exNs = snap.namespaceLabels(ex.namespace);
        terms(pod.preferredAffinity, ex, exNs, node, 1);
        terms(pod.preferredAntiAffinity, ex, exNs, node, -1);
        for (const t of ex.requiredAffinity) if (affinityTermMatches(t, pod, podNsLabels)) bump(topoScore, node, t.topologyKey, HARD_POD_AFFINITY_WEIGHT);
        terms(ex.preferredAffinity, pod, podNsLabels, node, 1);
        terms(ex.preferredAntiAffinity, pod, podNsLabels, node, -1);
      }
    }
    state.write('PreScoreInterPodAffinity', topoScore);
    return null;
  }

  /** Score for every node, in one loop of this plugin's own (see ScorePlugin.scoreNodes). */
  scoreNodes(state: CycleState, pod: PodInfo, nodes: NodeInfo[], _snap: Snapshot, out: ScoreList): void {
    for (let i = 0; i < nodes.length; i++) out[i] = this.score(state, pod, nodes[i]);
  }

  score(state: CycleState, _pod: PodInfo, node: NodeInfo): number {
    const topo = state.read<Counts>('PreScoreInterPodAffinity');
    if (!topo || topo.size === 0) return 0;
    let score = 0;
    for (const [k, n] of topo) {
      const i = k.indexOf('\u0000');
      if (node.labels[k.slice(0, i)] === k.slice(i + 1)) score += n;
    }
    return score;
  }

  normalizeScore(state: CycleState, _p: PodInfo, scores: ScoreList): void {
    const topo = state.read<Counts>('PreScoreInterPodAffinity');
    if (!topo || topo.size === 0) return;
    let min = Number.MAX_SAFE_INTEGER;
    let max = Number.MIN_SAFE_INTEGER;
    for (let i = 0; i < scores.length; i++) {
      if (scores[i] > max) max = scores[i];
      if (scores[i] < min) min = scores[i];
    }
    const diff = max - min;
    for (let i = 0; i < scores.length; i++) scores[i] = diff > 0 ? Math.trunc(MAX_NODE_SCORE * ((scores[i] - min) / diff)) : 0;
  }

  isSchedulableAfter(pod: PodInfo, ev: ClusterEvent): boolean {
    if (ev.resource === 'Node') return true;
    if (ev.resource !== 'AssignedPod') return false;
    const objs = [ev.old, ev.obj].filter((o) => !!o).map((o) => newPodInfo(o!));
    for (const o of objs) {
      if (ev.action !== 'Delete' && pod.requiredAffinity.some((t) => affinityTermMatches(t, o, undefined))) return true;
      if (ev.action !== 'Add' && pod.requiredAntiAffinity.some((t) => affinityTermMatches(t, o, undefined))) return true;
      if (ev.action !== 'Add' && o.requiredAntiAffinity.some((t) => affinityTermMatches(t, pod, undefined))) return true;
    }
    return false;
  }
}
