// Reading "-f" input: the manifests text comes from the caller (there is no filesystem in the
// browser), parsed with positions; problems are reported with kubectl's wording.
import type { KubeObject } from '../api/meta';
import { parseManifests } from '../../manifests/parse';
import { toObjects } from '../../manifests/objects';
import { KubectlError } from './resources';
import { flagString, type ParsedArgs } from './types';

export interface InputObjects {
  source: string;
  objects: KubeObject[];
}

export function readFilenameObjects(a: ParsedArgs): InputObjects {
  const f = flagString(a, 'filename');
  if (!f) throw new KubectlError('error: must specify one of -f and -k');
  const source = f === '-' ? 'STDIN' : f;
  if (a.stdin === undefined) throw new KubectlError(`error: the path "${f}" does not exist`);
  const parsed = parseManifests(a.stdin, source);
  const { objects, diagnostics } = toObjects(parsed);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new KubectlError(errors.map((d) => `error: ${d.message}`).join('\n'));
  if (objects.length === 0) throw new KubectlError('error: no objects passed to apply');
  return { source, objects: objects.map((o) => o.object) };
}
