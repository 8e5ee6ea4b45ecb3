// kubectl uncordon (k8s.io/kubectl/pkg/cmd/drain/drain.go): clear spec.unschedulable.
import type { Simulation } from '../../sim/simulation';
import type { KubectlResult, ParsedArgs } from '../types';
import { cordonNodes, selectNodes } from './cordon';

export function uncordon(sim: Simulation, a: ParsedArgs): KubectlResult {
  return { stdout: cordonNodes(sim, selectNodes(sim, a, 'uncordon'), false), stderr: '', exitCode: 0 };
}
