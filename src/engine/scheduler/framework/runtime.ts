// frameworkImpl (pkg/scheduler/framework/runtime/framework.go): runs a profile's plugins in
// order. Filters stop at the first plugin that rejects a node; scores are normalised per plugin,
// multiplied by the plugin weight and summed.
import type { CycleState } from './cycleState';
import type { NodeInfo } from './nodeInfo';
import type { PodInfo } from './podInfo';
import type { FilterPlugin, Plugin, PreFilterPlugin, PreScorePlugin, ScorePlugin, Snapshot, Status } from './interface';
import { isFilter, isPreFilter, isPreScore, isScore } from './interface';

const ACTIVE_FILTERS = 'framework/activeFilters';

export interface PluginScores {
  plugin: string;
  weight: number;
  raw: number[];
  normalized: number[];
}

export interface ScoreResult {
  plugins: PluginScores[];
  /** Weighted sum per node, same order as the nodes given. */
  totals: number[];
}

export class Framework {
  readonly preFilters: PreFilterPlugin[];
  readonly filters: FilterPlugin[];
  readonly preScores: PreScorePlugin[];
  readonly scores: ScorePlugin[];

  constructor(
    readonly plugins: Plugin[],
    readonly weights: Record<string, number>,
  ) {
    this.preFilters = plugins.filter(isPreFilter);
    this.filters = plugins.filter(isFilter);
    this.preScores = plugins.filter(isPreScore);
    this.scores = plugins.filter((p): p is ScorePlugin => isScore(p) && (weights[p.name] ?? 0) > 0);
  }

  plugin<T extends Plugin>(name: string): T | undefined {
    return this.plugins.find((p) => p.name === name) as T | undefined;
  }

  /** RunPreFilterPlugins: the first rejection wins. */
  runPreFilter(state: CycleState, pod: PodInfo, snap: Snapshot): Status | null {
    for (const p of this.preFilters) {
      const s = p.preFilter(state, pod, snap);
      if (s && s.code !== 'Success' && s.code !== 'Skip') return { ...s, plugin: p.name };
    }
    return null;
  }

  /** RunFilterPlugins: null when every filter passes. */
  runFilter(state: CycleState, pod: PodInfo, node: NodeInfo, snap: Snapshot): Status | null {
    // The filters not skipped by their PreFilter, worked out once per cycle.
    let active = state.read<FilterPlugin[]>(ACTIVE_FILTERS);
    if (!active) {
      active = this.filters.filter((p) => !state.skipFilter.has(p.name));
      state.write(ACTIVE_FILTERS, active);
    }
    for (let i = 0; i < active.length; i++) {
      const p = active[i];
      const s = p.filter(state, pod, node, snap);
      if (s !== null && s.code !== 'Success') return { ...s, plugin: p.name };
    }
    return null;
  }

  /**
   * RunFilterPluginsWithNominatedPods: pods nominated to this node with at least the pod's
   * priority count as if already there; if the pod fits with them it must also fit without.
   */
  runFilterWithNominated(state: CycleState, pod: PodInfo, node: NodeInfo, snap: Snapshot, nominated: PodInfo[]): Status | null {
    const add = nominated.length ? nominated.filter((n) => n.key !== pod.key && n.priority >= pod.priority) : nominated;
    if (add.length) {
      const withNominated = node.clone();
      for (const n of add) withNominated.addPod(n);
      const s = this.runFilter(state, pod, withNominated, snap);
      if (s) return s;
    }
    return this.runFilter(state, pod, node, snap);
  }

  runPreScore(state: CycleState, pod: PodInfo, nodes: NodeInfo[], snap: Snapshot): void {
    for (const p of this.preScores) {
      const s = p.preScore(state, pod, nodes, snap);
      if (s && s.code === 'Skip') state.skipScore.add(p.name);
    }
  }

  runScore(state: CycleState, pod: PodInfo, nodes: NodeInfo[], snap: Snapshot): ScoreResult {
    const totals = new Array<number>(nodes.length).fill(0);
    const plugins: PluginScores[] = [];
    for (const p of this.scores) {
      if (state.skipScore.has(p.name)) continue;
      const weight = this.weights[p.name];
      const raw = new Array<number>(nodes.length);
      for (let i = 0; i < nodes.length; i++) raw[i] = p.score(state, pod, nodes[i], snap);
      // Without a NormalizeScore step the normalised scores are the raw ones (shared, to save memory).
      const normalized = p.normalizeScore ? raw.slice() : raw;
      p.normalizeScore?.(state, pod, normalized, nodes);
      for (let i = 0; i < nodes.length; i++) totals[i] += normalized[i] * weight;
      plugins.push({ plugin: p.name, weight, raw, normalized });
    }
    return { plugins, totals };
  }
}
