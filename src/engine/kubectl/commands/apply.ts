// kubectl apply -f (k8s.io/kubectl/pkg/cmd/apply/apply.go), client-side apply.
import { ApiError } from '../../apiserver/errors';
import type { Simulation } from '../../sim/simulation';
import { applyObject } from '../applyObject';
import { readFilenameObjects } from '../manifestInput';
import { formatError, objectName } from '../resources';
import { flagString, type KubectlResult, type ParsedArgs } from '../types';

export function apply(sim: Simulation, a: ParsedArgs): KubectlResult {
  const { source, objects } = readFilenameObjects(a);
  const ns = flagString(a, 'namespace') || 'default';
  let stdout = '';
  let stderr = '';
  for (const obj of objects) {
    try {
      const r = applyObject(sim, obj, ns, source);
      stdout += `${objectName(r.object)} ${r.outcome}\n`;
    } catch (e) {
      stderr += withSource(e, 'creating', source) + '\n';
    }
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}

/** cmdutil.AddSourceToErr: 'error when creating "x.yaml": ...' (Invalid errors print without it). */
export function withSource(e: unknown, verb: string, source: string): string {
  if (e instanceof ApiError && e.reason !== 'Invalid') {
    return `Error from server (${e.reason}): error when ${verb} "${source}": ${e.message}`;
  }
  return formatError(e);
}
