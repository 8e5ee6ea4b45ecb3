// Per-node explanation of a pod's last scheduling attempt, as a table (`kubeplay run --explain`).
// OWNER: scheduler helper — replace with the real implementation.
import type { Simulation } from '../sim/simulation';

export function explainPodTable(_sim: Simulation, namespace: string, name: string): string {
  return `no scheduling attempt recorded for pod ${namespace}/${name}\n`;
}
