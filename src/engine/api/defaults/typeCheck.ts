// Type errors the API server's JSON decoder reports before any defaulting (sigs.k8s.io/json,
// encoding/json UnmarshalTypeError): "json: cannot unmarshal string into Go struct field
// DeploymentSpec.spec.replicas of type int32". Only the fields a manifest author most often gets
// wrong are checked; the rest of the shape is trusted.
import type { KubeObject } from '../meta';
import { DecodeError } from './decode';

type GoType = 'int32' | 'int64' | 'string' | '[]v1.Container' | '[]v1.ContainerPort' | '[]v1.ServicePort' | 'bool';

function jsonKind(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'number' : `number ${v}`;
  if (Array.isArray(v)) return 'array';
  return 'object';
}

function fits(v: unknown, t: GoType): boolean {
  switch (t) {
    case 'int32':
      return typeof v === 'number' && Number.isInteger(v) && v >= -2147483648 && v <= 2147483647;
    case 'int64':
      return typeof v === 'number' && Number.isInteger(v);
    case 'string':
      return typeof v === 'string';
    case 'bool':
      return typeof v === 'boolean';
    default:
      return Array.isArray(v);
  }
}

/**
 * The field's path is parent + "." + field, joined only when the check fails: it runs for every
 * pod created, and nearly always passes. The path has indices ("spec.containers[0].image"); Go's
 * message drops them.
 */
function check(v: unknown, struct: string, parent: string, field: string, t: GoType): void {
  if (v === undefined || v === null || fits(v, t)) return;
  const fieldPath = `${parent}.${field}`;
  const goPath = fieldPath.replace(/\[\d+\]/g, '');
  const what = jsonKind(v);
  // A number that does not fit the integer type is reported with its value.
  const value = (t === 'int32' || t === 'int64') && typeof v === 'number' ? `number ${v}` : what;
  throw new DecodeError(fieldPath, v, `json: cannot unmarshal ${value} into Go struct field ${struct}.${goPath} of type ${t}`);
}

const CONTAINER_LISTS = ['containers', 'initContainers'];
const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'];
const PROBE_INTS = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'];

function checkPodSpec(spec: any, path: string): void {
  if (!spec || typeof spec !== 'object') return;
  check(spec.terminationGracePeriodSeconds, 'PodSpec', path, 'terminationGracePeriodSeconds', 'int64');
  check(spec.activeDeadlineSeconds, 'PodSpec', path, 'activeDeadlineSeconds', 'int64');
  for (const field of CONTAINER_LISTS) {
    const list = spec[field];
    check(list, 'PodSpec', path, field, '[]v1.Container');
    if (!Array.isArray(list)) continue;
    for (let i = 0; i < list.length; i++) {
      const c = list[i];
      if (!c || typeof c !== 'object') continue;
      const p = `${path}.${field}[${i}]`;
      check(c.name, 'Container', p, 'name', 'string');
      check(c.image, 'Container', p, 'image', 'string');
      check(c.ports, 'Container', p, 'ports', '[]v1.ContainerPort');
      if (Array.isArray(c.ports)) {
        for (let j = 0; j < c.ports.length; j++) {
          check(c.ports[j]?.containerPort, 'ContainerPort', `${p}.ports[${j}]`, 'containerPort', 'int32');
          check(c.ports[j]?.hostPort, 'ContainerPort', `${p}.ports[${j}]`, 'hostPort', 'int32');
        }
      }
      for (const probe of PROBES) {
        const pr = c[probe];
        if (pr === undefined || pr === null) continue;
        for (const f of PROBE_INTS) check(pr[f], 'Probe', `${p}.${probe}`, f, 'int32');
      }
    }
  }
}

const WORKLOAD_INTS: Record<string, [string, string[]]> = {
  Deployment: ['DeploymentSpec', ['replicas', 'minReadySeconds', 'revisionHistoryLimit', 'progressDeadlineSeconds']],
  ReplicaSet: ['ReplicaSetSpec', ['replicas', 'minReadySeconds']],
  StatefulSet: ['StatefulSetSpec', ['replicas', 'minReadySeconds', 'revisionHistoryLimit']],
  DaemonSet: ['DaemonSetSpec', ['minReadySeconds', 'revisionHistoryLimit']],
  Job: ['JobSpec', ['parallelism', 'completions', 'backoffLimit']],
};

export function checkTypes(obj: KubeObject): void {
  const s = obj.spec;
  if (!s || typeof s !== 'object') return;
  const w = WORKLOAD_INTS[obj.kind];
  if (w) for (const f of w[1]) check(s[f], w[0], 'spec', f, 'int32');
  if (obj.kind === 'Pod') checkPodSpec(s, 'spec');
  else if (obj.kind === 'CronJob') checkPodSpec(s.jobTemplate?.spec?.template?.spec, 'spec.jobTemplate.spec.template.spec');
  else if (s.template) checkPodSpec(s.template.spec, 'spec.template.spec');
  if (obj.kind === 'Service') {
    check(s.ports, 'ServiceSpec', 'spec', 'ports', '[]v1.ServicePort');
    (Array.isArray(s.ports) ? s.ports : []).forEach((p: any, i: number) => {
      check(p?.port, 'ServicePort', `spec.ports[${i}]`, 'port', 'int32');
      check(p?.nodePort, 'ServicePort', `spec.ports[${i}]`, 'nodePort', 'int32');
    });
  }
}
