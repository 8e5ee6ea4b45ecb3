// The command interface every kubectl verb implements (k8s.io/kubectl/pkg/cmd/<verb>), shared by
// the dispatcher in index.ts and verbs living in other areas (cordon, drain, taint...).
import type { Simulation } from '../sim/simulation';

export interface KubectlResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** A parsed command line: the verb path, positional arguments and flags, as cobra/pflag splits them. */
export interface ParsedArgs {
  /** The verb, e.g. "get", "rollout". */
  verb: string;
  /** Positional arguments after the verb (for "rollout status deploy/web": ["status", "deploy/web"]). */
  args: string[];
  /**
   * Flags by long name without dashes ("namespace", "output", "selector", "filename"...). Short
   * flags are translated to their long names. A flag given without a value is `true`; a flag
   * repeated keeps its last value, and every value is also listed in `multi`.
   */
  flags: Record<string, string | boolean>;
  multi: Record<string, string[]>;
  /** Text for "-f -" (the UI console and scenario steps pass manifests this way). */
  stdin?: string;
}

export type KubectlCommand = (sim: Simulation, args: ParsedArgs) => KubectlResult;

export function ok(stdout: string): KubectlResult {
  return { stdout, stderr: '', exitCode: 0 };
}

export function fail(stderr: string, stdout = ''): KubectlResult {
  return { stdout, stderr: stderr.endsWith('\n') ? stderr : stderr + '\n', exitCode: 1 };
}

/** A flag as a string ('' when absent or given bare). */
export function flagString(a: ParsedArgs, name: string, dflt = ''): string {
  const v = a.flags[name];
  return typeof v === 'string' ? v : dflt;
}

/** A boolean flag: present bare, or "=true"/"=false". */
export function flagBool(a: ParsedArgs, name: string, dflt = false): boolean {
  const v = a.flags[name];
  if (v === undefined) return dflt;
  if (typeof v === 'boolean') return v;
  return v !== 'false';
}
