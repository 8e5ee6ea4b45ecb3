// kubectl patch (k8s.io/kubectl/pkg/cmd/patch): --type strategic (the default) merges lists with a
// patchMergeKey item by item, --type merge is an RFC 7386 JSON merge patch, --type json applies
// RFC 6902 operations.
import { clone, deepEqual } from '../../api/meta';
import type { Simulation } from '../../sim/simulation';
import { parse as parseYaml } from 'yaml';
import { getObject, KubectlError, objectName, parseResourceArgs } from '../resources';
import { strategicMerge } from '../applyObject';
import { flagString, ok, type KubectlResult, type ParsedArgs } from '../types';

export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return clone(patch);
  const out: Record<string, unknown> = target && typeof target === 'object' && !Array.isArray(target) ? clone(target as Record<string, unknown>) : {};
  for (const [k, v] of Object.entries(patch as Record<string, unknown>)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

function jsonPointer(path: string): string[] {
  return path.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function jsonPatch(doc: any, ops: any[]): any {
  const out = clone(doc);
  for (const op of ops) {
    const parts = jsonPointer(op.path ?? '');
    const last = parts.pop()!;
    let parent = out;
    for (const p of parts) {
      parent = parent?.[Array.isArray(parent) ? Number(p) : p];
      if (parent === undefined) throw new KubectlError(`Error from server (UnprocessableEntity): the server rejected our request due to an error in our request`);
    }
    const key: any = Array.isArray(parent) ? (last === '-' ? parent.length : Number(last)) : last;
    if (op.op === 'add') Array.isArray(parent) ? parent.splice(key, 0, op.value) : (parent[key] = op.value);
    else if (op.op === 'replace') parent[key] = op.value;
    else if (op.op === 'remove') Array.isArray(parent) ? parent.splice(key, 1) : delete parent[key];
    else throw new KubectlError(`error: unsupported JSON patch operation "${op.op}"`);
  }
  return out;
}

export function patch(sim: Simulation, a: ParsedArgs): KubectlResult {
  const text = flagString(a, 'patch');
  if (!text) throw new KubectlError('error: must specify -p to patch');
  let body: unknown;
  try {
    body = parseYaml(text);
  } catch (e) {
    throw new KubectlError(`error: unable to parse "${text}": ${(e as Error).message}`);
  }
  const type = flagString(a, 'type', 'strategic');
  const refs = parseResourceArgs(a.args);
  if (!refs.length || !refs[0].name) throw new KubectlError('error: resource(s) were provided, but no name was specified');
  let stdout = '';
  for (const r of refs) {
    const o = getObject(sim, r.info, r.name!, a);
    if (type !== 'json' && type !== 'merge' && type !== 'strategic') throw new KubectlError(`error: --type must be one of [json merge strategic], not "${type}"`);
    const next = type === 'json' ? jsonPatch(o, body as any[]) : type === 'merge' ? (mergePatch(o, body) as typeof o) : (strategicMerge(o as never, body as never) as unknown as typeof o);
    delete next.metadata.resourceVersion;
    const stored = deepEqual({ ...next, metadata: { ...next.metadata, resourceVersion: o.metadata.resourceVersion } }, o) ? o : sim.api.update(next);
    stdout += `${objectName(o)} ${stored === o ? 'patched (no change)' : 'patched'}\n`;
  }
  return ok(stdout);
}
