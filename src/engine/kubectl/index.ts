// kubectl, shared by scenario steps, the CLI and the UI console: one file per verb under
// commands/ (as k8s.io/kubectl/pkg/cmd/<verb>), printers under printers/.
import type { Simulation } from '../sim/simulation';
import { ArgError, parseArgs, tokenize } from './args';
import { COMMANDS } from './commands/registry';
import { formatError } from './resources';
import { fail, type KubectlResult, type ParsedArgs } from './types';

export type { KubectlResult, ParsedArgs } from './types';
/** For the UI's inspector and panels: kubectl describe of one object, the pod STATUS column, ages. */
export { describeObject } from './commands/describe';
export { podSummary } from './printers/pods';
export { humanDuration } from './printers/duration';

export interface KubectlOptions {
  /** Text read by "-f -" (manifests typed in the UI, scenario steps). */
  stdin?: string;
}

/** Run one kubectl command line (without the leading "kubectl") against the simulation. */
export function runKubectl(sim: Simulation, command: string | string[], opts: KubectlOptions = {}): KubectlResult {
  let args: ParsedArgs;
  try {
    args = parseArgs(typeof command === 'string' ? tokenize(command) : command);
  } catch (e) {
    if (e instanceof ArgError) return fail(`error: ${e.message}`);
    throw e;
  }
  if (opts.stdin !== undefined) args.stdin = opts.stdin;
  if (!args.verb) return fail('error: you must specify a command, e.g. "kubectl get pods"');
  const cmd = COMMANDS[args.verb];
  if (!cmd) return fail(`error: unknown command "${args.verb}" for "kubectl"`);
  try {
    return cmd(sim, args);
  } catch (e) {
    return fail(formatError(e));
  }
}
