// kubectl, shared by scenario steps, the CLI and the UI console.
// OWNER: kubectl helper — replace with the real implementation.
import type { Simulation } from '../sim/simulation';

export interface KubectlResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Run one kubectl command line (without the leading "kubectl") against the simulation. */
export function runKubectl(_sim: Simulation, _command: string | string[]): KubectlResult {
  return { stdout: '', stderr: 'error: kubectl is not implemented yet\n', exitCode: 1 };
}
