// frameworkImpl (pkg/scheduler/framework/runtime/framework.go): runs a profile's plugins in
// order. Filters stop at the first plugin that rejects a node; scores are normalised per plugin,
// multiplied by the plugin weight and summed.
import type { CycleState } from './cycleState';
import type { NodeInfo } from './nodeInfo';
import type { PodInfo } from './podInfo';
import type { FilterPlugin, Plugin, PreFilterPlugin, PreScorePlugin, ScorePlugin, Snapshot, Status } from './interface';
import { isFilter, isPreFilter, isPreScore, isScore } from './interface';

export interface PluginScores {
  plugin: string;
  weight: number;
  raw: number[];
  normalized: number[];
}

/** A score plugin's columns in ScoreResult.data; `shared` when its normalised scores are its raw ones. */
export interface ScoreColumn {
  plugin: string;
  weight: number;
  shared: boolean;
}

/**
 * One cycle's scores in a single buffer: each plugin's raw scores, then its normalised scores
 * unless it has no NormalizeScore step, then the totals, one value per node given. The buffer
 * is reused by the next cycle, so whoever keeps the scores copies them.
 */
export interface ScoreResult {
  /** Shared between cycles that run the same plugins: never mutate. */
  plugins: readonly ScoreColumn[];
  data: Float64Array;
  /** Weighted sum per node, same order as the nodes given (a view of the end of data). */
  totals: Float64Array;
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
    const active = this.activeFor === state ? this.active : this.activeFilters(state);
    for (let i = 0; i < active.length; i++) {
      const p = active[i];
      const s = p.filter(state, pod, node, snap);
      if (s !== null && s.code !== 'Success') return { ...s, plugin: p.name };
    }
    return null;
  }

  /**
   * The filters not skipped by their PreFilter, worked out once per cycle (runFilter runs once
   * per node) and kept for the cycle's state; one list per set of skipped filters (a bit per
   * filter plugin), as few sets occur.
   */
  private activeFilters(state: CycleState): FilterPlugin[] {
    let mask = 0;
    for (let j = 0; j < this.filters.length; j++) if (state.skipFilter.has(this.filters[j].name)) mask |= 1 << j;
    let active = this.activeByMask.get(mask);
    if (!active) {
      active = this.filters.filter((p) => !state.skipFilter.has(p.name));
      this.activeByMask.set(mask, active);
    }
    this.active = active;
    this.activeFor = state;
    return active;
  }
  private activeByMask = new Map<number, FilterPlugin[]>();
  private active: FilterPlugin[] = [];
  private activeFor: CycleState | undefined;

  /**
   * RunFilterPluginsWithNominatedPods: pods nominated to this node with at least the pod's
   * priority count as if already there; if the pod fits with them it must also fit without.
   */
  runFilterWithNominated(state: CycleState, pod: PodInfo, node: NodeInfo, snap: Snapshot, nominated: PodInfo[]): Status | null {
    const add = nominated.length ? nominatedToAdd(pod, nominated) : nominated;
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

  private scoreBuf = new Float64Array(0);
  private runs = new Map<number, { active: ScorePlugin[]; plugins: ScoreColumn[]; rows: number }>();

  runScore(state: CycleState, pod: PodInfo, nodes: NodeInfo[], snap: Snapshot): ScoreResult {
    const n = nodes.length;
    let mask = 0;
    for (let j = 0; j < this.scores.length; j++) if (!state.skipScore.has(this.scores[j].name)) mask |= 1 << j;
    // One column list per set of plugins run (a bit per score plugin; a profile has far fewer
    // than 31), so explanations share it.
    let run = this.runs.get(mask);
    if (!run) {
      const active = this.scores.filter((_, j) => mask & (1 << j));
      const plugins = active.map((p) => ({ plugin: p.name, weight: this.weights[p.name], shared: !p.normalizeScore }));
      let rows = 1;
      for (const p of active) rows += p.normalizeScore ? 2 : 1;
      run = { active, plugins, rows };
      this.runs.set(mask, run);
    }
    const { active, plugins, rows } = run;
    const len = rows * n;
    if (this.scoreBuf.length < len || n !== this.viewN) {
      if (this.scoreBuf.length < len) this.scoreBuf = new Float64Array(Math.max(len, this.scoreBuf.length * 2));
      this.viewN = n;
      this.rowViews = [];
      this.dataViews = [];
    }
    const data = (this.dataViews[rows] ??= this.scoreBuf.subarray(0, len));
    const totals = this.row(rows - 1);
    totals.fill(0);
    let r = 0;
    for (let j = 0; j < active.length; j++) {
      const p = active[j];
      const weight = this.weights[p.name];
      const raw = this.row(r++);
      if (p.scoreNodes) p.scoreNodes(state, pod, nodes, snap, raw);
      else for (let i = 0; i < n; i++) raw[i] = p.score(state, pod, nodes[i], snap);
      let normalized = raw;
      if (p.normalizeScore) {
        normalized = this.row(r++);
        normalized.set(raw);
        p.normalizeScore(state, pod, normalized, nodes);
      }
      for (let i = 0; i < n; i++) totals[i] += normalized[i] * weight;
    }
    return { plugins, data, totals };
  }

  // Views of scoreBuf for the current number of nodes scored, kept between cycles.
  private viewN = -1;
  private rowViews: Float64Array[] = [];
  private dataViews: Float64Array[] = [];

  private row(r: number): Float64Array {
    return (this.rowViews[r] ??= this.scoreBuf.subarray(r * this.viewN, (r + 1) * this.viewN));
  }
}

/** The nominated pods that count in runFilterWithNominated (a function of its own: see activeFilters). */
function nominatedToAdd(pod: PodInfo, nominated: PodInfo[]): PodInfo[] {
  return nominated.filter((n) => n.key !== pod.key && n.priority >= pod.priority);
}
