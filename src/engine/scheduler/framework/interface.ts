// The scheduling framework's extension points, as kube-scheduler defines them
// (staging/src/k8s.io/kube-scheduler/framework/interface.go): each plugin implements some of
// PreFilter, Filter, PostFilter, PreScore, Score (+NormalizeScore). A Status carries a code and
// the reasons that end up in the FailedScheduling message.
import type { CycleState } from './cycleState';
import type { NodeInfo } from './nodeInfo';
import type { PodInfo } from './podInfo';
import type { TopologyDomains } from './topologyDomains';

/** fwk.Code. Skip from PreFilter/PreScore means "do not run my Filter/Score for this pod". */
export type Code = 'Success' | 'Error' | 'Unschedulable' | 'UnschedulableAndUnresolvable' | 'Skip';

export interface Status {
  code: Code;
  reasons: string[];
  /** The plugin that returned it (framework fills this in). */
  plugin?: string;
}

export function status(code: Code, ...reasons: string[]): Status {
  return { code, reasons };
}

export const MAX_NODE_SCORE = 100;
export const MIN_NODE_SCORE = 0;

/** Read-only view of the cluster a cycle works on (the scheduler cache's snapshot). */
export interface Snapshot {
  /** Every node, in a stable order (node names sorted). */
  nodes: NodeInfo[];
  get(name: string): NodeInfo | undefined;
  /** Nodes with at least one pod that has (anti-)affinity terms. */
  havePodsWithAffinity(): NodeInfo[];
  havePodsWithRequiredAntiAffinity(): NodeInfo[];
  /** The listed nodes' domains for a topology key, numbered (see topologyDomains.ts). */
  topologyDomains(key: string): TopologyDomains;
  /** Labels of a namespace (for namespaceSelector in affinity terms). */
  namespaceLabels(ns: string): Record<string, string> | undefined;
  /** Objects the plugins look up (Services, ReplicaSets... for default spreading). */
  list(kind: string, namespace?: string): import('../../api/meta').KubeObject[];
  getObject(kind: string, namespace: string, name: string): import('../../api/meta').KubeObject | undefined;
}

export interface Plugin {
  readonly name: string;
}

export interface PreFilterPlugin extends Plugin {
  preFilter(state: CycleState, pod: PodInfo, snap: Snapshot): Status | null;
}

export interface FilterPlugin extends Plugin {
  filter(state: CycleState, pod: PodInfo, node: NodeInfo, snap: Snapshot): Status | null;
}

export interface PreScorePlugin extends Plugin {
  preScore(state: CycleState, pod: PodInfo, nodes: NodeInfo[], snap: Snapshot): Status | null;
}

export interface ScorePlugin extends Plugin {
  score(state: CycleState, pod: PodInfo, node: NodeInfo, snap: Snapshot): number;
  /**
   * Optional: Score for every node into `out` (same order). Not a kube-scheduler extension point:
   * a loop inside the plugin calls its own score, where the framework's one loop over every
   * plugin would make a call site shared by all of them (slower in JavaScript engines).
   */
  scoreNodes?(state: CycleState, pod: PodInfo, nodes: NodeInfo[], snap: Snapshot, out: ScoreList): void;
  /** Rewrites scores (one per node, same order) in place into 0..MAX_NODE_SCORE. */
  normalizeScore?(state: CycleState, pod: PodInfo, scores: ScoreList, nodes: NodeInfo[]): void;
}

export function isPreFilter(p: Plugin): p is PreFilterPlugin {
  return typeof (p as PreFilterPlugin).preFilter === 'function';
}
export function isFilter(p: Plugin): p is FilterPlugin {
  return typeof (p as FilterPlugin).filter === 'function';
}
export function isPreScore(p: Plugin): p is PreScorePlugin {
  return typeof (p as PreScorePlugin).preScore === 'function';
}
export function isScore(p: Plugin): p is ScorePlugin {
  return typeof (p as ScorePlugin).score === 'function';
}

/**
 * A change in the cluster that may make a rejected pod schedulable (fwk.ClusterEvent), with the
 * objects before and after. Plugins' queueing hints look at it.
 */
export interface ClusterEvent {
  resource: 'Node' | 'AssignedPod' | 'UnscheduledPod';
  action: 'Add' | 'Update' | 'Delete';
  old?: import('../../api/meta').KubeObject;
  obj?: import('../../api/meta').KubeObject;
}

/** Plugins that can reject pods say which events can undo that (EnqueueExtensions). */
export interface EnqueueExtensions {
  /** Returns true when the event may make `pod` (rejected by this plugin) schedulable. */
  isSchedulableAfter(pod: PodInfo, ev: ClusterEvent): boolean;
}

export function hasEnqueueExtensions(p: Plugin): p is Plugin & EnqueueExtensions {
  return typeof (p as unknown as EnqueueExtensions).isSchedulableAfter === 'function';
}

/** DefaultNormalizeScore (plugins/helper/normalize_score.go): scale to 0..max, optionally reversed. */
/** A plugin's scores for NormalizeScore, one per node (a view of the framework's score buffer). */
export type ScoreList = number[] | Float64Array;

export function defaultNormalizeScore(maxPriority: number, reverse: boolean, scores: ScoreList): void {
  let maxCount = 0;
  for (let i = 0; i < scores.length; i++) if (scores[i] > maxCount) maxCount = scores[i];
  if (maxCount === 0) {
    if (reverse) for (let i = 0; i < scores.length; i++) scores[i] = maxPriority;
    return;
  }
  for (let i = 0; i < scores.length; i++) {
    let s = Math.trunc((maxPriority * scores[i]) / maxCount);
    if (reverse) s = maxPriority - s;
    scores[i] = s;
  }
}
