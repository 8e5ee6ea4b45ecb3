// The kubeplay Scenario document (apiVersion kubeplay.dev/v1, kind Scenario): a seed and timed
// steps that replay the same way every time.
export const SCENARIO_API_VERSION = 'kubeplay.dev/v1';
export const SCENARIO_KIND = 'Scenario';

export type NodeAction = 'stop' | 'start';
/** What a pod step does to the pod's running process (the kubelet's app actions). */
export type PodAction = 'crash' | 'break-readiness' | 'break-liveness' | 'heal';
export const POD_ACTIONS: readonly PodAction[] = ['break-liveness', 'break-readiness', 'crash', 'heal'];

export interface ScenarioStep {
  /** Simulated milliseconds since the start. */
  at: number;
  kubectl?: string;
  apply?: string;
  node?: { name: string; action: NodeAction };
  /** Without container, the action applies to every regular container of the pod. */
  pod?: { name: string; namespace: string; container?: string; action: PodAction };
  /** Where the step is written, for messages. */
  source?: { file: string; line: number; column: number };
}

export interface Scenario {
  name: string;
  seed?: number;
  steps: ScenarioStep[];
  /** Optional spec.timings overrides (milliseconds), see sim/timings.ts. */
  timings?: Record<string, number>;
}

/** What a step did, kept in the runner's state (the UI's step log, the CLI's warnings). */
export interface StepResult {
  t: number;
  index: number;
  stdout: string;
  stderr: string;
  exitCode: number;
}
