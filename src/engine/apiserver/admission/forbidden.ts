// admission.NewForbidden: `pods "web-7c5d-" is forbidden: <reason>`. Name generation happens
// after mutating admission upstream, so a generateName object is named by its prefix.
import { ApiError, qualifiedResource } from '../errors';
import type { Operation } from '../admission';
import { kindInfo } from '../../api/kinds';
import type { KubeObject } from '../../api/meta';

export function admissionName(obj: KubeObject, op: Operation): string {
  const md = obj.metadata;
  if (op === 'CREATE' && md.generateName && md.name.startsWith(md.generateName.slice(0, 58)) && md.name.length === Math.min(md.generateName.length, 58) + 5) {
    return md.generateName;
  }
  return md.name || 'Unknown';
}

export function forbidden(obj: KubeObject, op: Operation, reason: string): ApiError {
  const info = kindInfo(obj.kind);
  const resource = info ? qualifiedResource(info.plural, info.apiVersion) : obj.kind.toLowerCase();
  return new ApiError('Forbidden', `${resource} "${admissionName(obj, op)}" is forbidden: ${reason}`);
}
