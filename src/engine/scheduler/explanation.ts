// What the scheduler remembers of a pod's last scheduling attempt, for `--explain` and the UI:
// each node's filter verdict, and each score plugin's raw and normalised scores. Plain JSON.
import type { PluginScores } from './framework/runtime';

export interface FilterVerdict {
  plugin: string;
  code: string;
  reasons: string[];
}

export interface PreemptionSummary {
  message?: string;
  nominatedNode?: string;
  victims?: string[];
}

export interface Attempt {
  /** Simulated ms of the attempt. */
  at: number;
  attempt: number;
  result: 'Scheduled' | 'Unschedulable' | 'Error';
  node?: string;
  message?: string;
  /** Every node in the cluster at the time, in evaluation order; nodes after the search stopped are absent from filter and feasible. */
  nodes: string[];
  /** Rejected nodes: the first filter that rejected each. */
  filter: Record<string, FilterVerdict>;
  /** Nodes that passed every filter, in the order scores are given. */
  feasible: string[];
  scores: PluginScores[];
  totals: number[];
  preemption?: PreemptionSummary;
}
