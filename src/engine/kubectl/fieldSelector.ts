// --field-selector as the API server supports it: only the fields each kind registers
// (pkg/registry/*/strategy.go ...ToSelectableFields), with =, == and !=.
import type { KindInfo } from '../api/kinds';
import type { KubeObject } from '../api/meta';
import { ApiError } from '../apiserver/errors';

const COMMON = ['metadata.name', 'metadata.namespace'];
const SELECTABLE: Record<string, string[]> = {
  Pod: ['spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.nominatedNodeName'],
  Event: ['involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid', 'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type'],
  Node: ['spec.unschedulable'],
  Secret: ['type'],
  Namespace: ['status.phase'],
  ReplicaSet: ['status.replicas'],
  Job: ['status.successful'],
};

interface Req {
  field: string;
  value: string;
  negate: boolean;
}

function valueOf(o: KubeObject, field: string): string {
  if (field === 'source') return o.source?.component ?? '';
  if (field === 'status.successful') return String(o.status?.succeeded ?? 0);
  let v: any = o;
  for (const part of field.split('.')) v = v?.[part];
  if (v === undefined || v === null) return field === 'spec.unschedulable' || field === 'spec.hostNetwork' ? 'false' : '';
  return String(v);
}

/** Parse and compile a field selector for a kind; unsupported fields fail as the server fails. */
export function fieldSelectorPredicate(info: KindInfo, selector: string): (o: KubeObject) => boolean {
  const reqs: Req[] = [];
  for (const term of selector.split(',').map((t) => t.trim()).filter(Boolean)) {
    const m = /^([^!=]+?)\s*(==|=|!=)\s*(.*)$/.exec(term);
    if (!m) throw new ApiError('BadRequest', `invalid selector: '${selector}'; can't understand '${term}'`);
    const field = m[1].trim();
    if (![...COMMON, ...(SELECTABLE[info.kind] ?? [])].includes(field)) {
      const group = info.apiVersion.includes('/') ? info.apiVersion.split('/')[0] : '';
      const version = info.apiVersion.split('/').pop();
      throw new ApiError('BadRequest', `Unable to find "${group}/${version}, Resource=${info.plural}" that match label selector "", field selector "${selector}": field label not supported: ${field}`);
    }
    reqs.push({ field, value: m[3].trim(), negate: m[2] === '!=' });
  }
  return (o) => reqs.every((r) => (valueOf(o, r.field) === r.value) !== r.negate);
}
