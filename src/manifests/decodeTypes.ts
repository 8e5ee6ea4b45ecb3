// The Go types of the commonly written fields, enough to reject wrong JSON types the way the API
// server's decoder (sigs.k8s.io/json, encoding/json messages) does:
//   json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32
// Unlisted fields are not checked (they pass through as the server would decode or drop them).

type Scalar = 'string' | 'int32' | 'int64' | 'bool' | 'intstr' | 'any';
interface Struct {
  name: string;
  fields: Record<string, Type>;
}
type Type = Scalar | Struct | { array: Type; goName: string } | { map: Type; goName: string };

const S = (name: string, fields: Record<string, Type>): Struct => ({ name, fields });
const arr = (t: Type, goName: string): Type => ({ array: t, goName });
const strMap: Type = { map: 'string', goName: 'map[string]string' };

const objectMeta = S('ObjectMeta', {
  name: 'string', generateName: 'string', namespace: 'string', labels: strMap, annotations: strMap,
  finalizers: arr('string', '[]string'),
});
const labelSelector = S('LabelSelector', {
  matchLabels: strMap,
  matchExpressions: arr(S('LabelSelectorRequirement', { key: 'string', operator: 'string', values: arr('string', '[]string') }), '[]v1.LabelSelectorRequirement'),
});
const resources = S('ResourceRequirements', { limits: { map: 'any', goName: 'v1.ResourceList' }, requests: { map: 'any', goName: 'v1.ResourceList' } });
const probe = S('Probe', {
  initialDelaySeconds: 'int32', timeoutSeconds: 'int32', periodSeconds: 'int32', successThreshold: 'int32', failureThreshold: 'int32',
  terminationGracePeriodSeconds: 'int64',
  httpGet: S('HTTPGetAction', { path: 'string', port: 'intstr', host: 'string', scheme: 'string' }),
  tcpSocket: S('TCPSocketAction', { port: 'intstr', host: 'string' }),
  exec: S('ExecAction', { command: arr('string', '[]string') }),
  grpc: S('GRPCAction', { port: 'int32' }),
});
const containerPort = S('ContainerPort', { name: 'string', containerPort: 'int32', hostPort: 'int32', protocol: 'string', hostIP: 'string' });
const envVar = S('EnvVar', { name: 'string', value: 'string' });
const container = S('Container', {
  name: 'string', image: 'string', imagePullPolicy: 'string', command: arr('string', '[]string'), args: arr('string', '[]string'),
  workingDir: 'string', ports: arr(containerPort, '[]v1.ContainerPort'), env: arr(envVar, '[]v1.EnvVar'), resources,
  livenessProbe: probe, readinessProbe: probe, startupProbe: probe, restartPolicy: 'string',
  terminationMessagePath: 'string', terminationMessagePolicy: 'string', stdin: 'bool', tty: 'bool',
});
const toleration = S('Toleration', { key: 'string', operator: 'string', value: 'string', effect: 'string', tolerationSeconds: 'int64' });
const podSpec = S('PodSpec', {
  containers: arr(container, '[]v1.Container'), initContainers: arr(container, '[]v1.Container'),
  restartPolicy: 'string', terminationGracePeriodSeconds: 'int64', activeDeadlineSeconds: 'int64', dnsPolicy: 'string',
  nodeSelector: strMap, serviceAccountName: 'string', nodeName: 'string', hostNetwork: 'bool', schedulerName: 'string',
  tolerations: arr(toleration, '[]v1.Toleration'), priorityClassName: 'string', priority: 'int32', hostname: 'string', subdomain: 'string',
  enableServiceLinks: 'bool',
});
const podTemplate = S('PodTemplateSpec', { metadata: objectMeta, spec: podSpec });
const deploymentSpec = S('DeploymentSpec', {
  replicas: 'int32', selector: labelSelector, template: podTemplate, minReadySeconds: 'int32', revisionHistoryLimit: 'int32',
  paused: 'bool', progressDeadlineSeconds: 'int32',
  strategy: S('DeploymentStrategy', { type: 'string', rollingUpdate: S('RollingUpdateDeployment', { maxUnavailable: 'intstr', maxSurge: 'intstr' }) }),
});
const replicaSetSpec = S('ReplicaSetSpec', { replicas: 'int32', selector: labelSelector, template: podTemplate, minReadySeconds: 'int32' });
const statefulSetSpec = S('StatefulSetSpec', {
  replicas: 'int32', selector: labelSelector, template: podTemplate, serviceName: 'string', podManagementPolicy: 'string',
  minReadySeconds: 'int32', revisionHistoryLimit: 'int32',
});
const daemonSetSpec = S('DaemonSetSpec', { selector: labelSelector, template: podTemplate, minReadySeconds: 'int32', revisionHistoryLimit: 'int32' });
const jobSpec = S('JobSpec', {
  parallelism: 'int32', completions: 'int32', activeDeadlineSeconds: 'int64', backoffLimit: 'int32', selector: labelSelector,
  manualSelector: 'bool', template: podTemplate, ttlSecondsAfterFinished: 'int32', completionMode: 'string', suspend: 'bool',
});
const servicePort = S('ServicePort', { name: 'string', protocol: 'string', port: 'int32', targetPort: 'intstr', nodePort: 'int32' });

const top = (kind: string, spec?: Type, extra: Record<string, Type> = {}): Struct =>
  S(kind, { apiVersion: 'string', kind: 'string', metadata: objectMeta, ...(spec ? { spec } : {}), ...extra });

const KIND_SCHEMAS: Record<string, Struct> = {
  Pod: top('Pod', podSpec),
  Deployment: top('Deployment', deploymentSpec),
  ReplicaSet: top('ReplicaSet', replicaSetSpec),
  StatefulSet: top('StatefulSet', statefulSetSpec),
  DaemonSet: top('DaemonSet', daemonSetSpec),
  Job: top('Job', jobSpec),
  CronJob: top('CronJob', S('CronJobSpec', {
    schedule: 'string', timeZone: 'string', startingDeadlineSeconds: 'int64', concurrencyPolicy: 'string', suspend: 'bool',
    successfulJobsHistoryLimit: 'int32', failedJobsHistoryLimit: 'int32', jobTemplate: S('JobTemplateSpec', { metadata: objectMeta, spec: jobSpec }),
  })),
  Service: top('Service', S('ServiceSpec', {
    ports: arr(servicePort, '[]v1.ServicePort'), selector: strMap, clusterIP: 'string', type: 'string', publishNotReadyAddresses: 'bool',
  })),
  ConfigMap: top('ConfigMap', undefined, { data: strMap }),
  Namespace: top('Namespace'),
  Node: top('Node', S('NodeSpec', { unschedulable: 'bool', taints: arr(S('Taint', { key: 'string', value: 'string', effect: 'string' }), '[]v1.Taint') })),
  PriorityClass: top('PriorityClass', undefined, { value: 'int32', globalDefault: 'bool', description: 'string', preemptionPolicy: 'string' }),
};

export interface TypeError {
  /** Field path with indexes, to position the problem. */
  path: string;
  message: string;
}

function jsonKind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'boolean') return 'bool';
  return typeof v; // string | number
}

function goName(t: Type): string {
  if (typeof t === 'string') return t === 'any' ? 'interface {}' : t === 'intstr' ? 'intstr.IntOrString' : t;
  if ('fields' in t) return `v1.${t.name}`;
  return t.goName;
}

const INT_RANGE: Record<string, [number, number]> = {
  int32: [-2147483648, 2147483647],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

/** The first type error in the document, as encoding/json reports only the first. */
export function checkTypes(obj: Record<string, unknown>): TypeError[] {
  const schema = KIND_SCHEMAS[obj.kind as string] ?? top(String(obj.kind));
  const found: TypeError[] = [];
  // jsonPath has no indexes (Go's error names the field chain); fieldPath has them (for positions).
  const walk = (v: unknown, t: Type, jsonPath: string, fieldPath: string, struct: string): void => {
    if (found.length || v === null || v === undefined) return;
    const where = `Go struct field ${struct}.${jsonPath}`;
    const bad = (what: string): void => void found.push({ path: fieldPath, message: `json: cannot unmarshal ${what} into ${where} of type ${goName(t)}` });
    const k = jsonKind(v);
    if (typeof t === 'string') {
      if (t === 'any') return;
      if (t === 'intstr') {
        if (k !== 'string' && k !== 'number') bad(k);
        return;
      }
      if (t === 'string' && k !== 'string') return bad(k);
      if (t === 'bool' && k !== 'bool') return bad(k);
      if (t === 'int32' || t === 'int64') {
        if (k !== 'number') return bad(k);
        const n = v as number;
        const [lo, hi] = INT_RANGE[t];
        if (!Number.isInteger(n) || n < lo || n > hi) bad(`number ${formatNumber(n)}`);
      }
      return;
    }
    if ('fields' in t) {
      if (k !== 'object') return bad(k);
      for (const [f, ft] of Object.entries(t.fields)) {
        const fv = (v as Record<string, unknown>)[f];
        if (fv === undefined) continue;
        walk(fv, ft, jsonPath ? `${jsonPath}.${f}` : f, fieldPath ? `${fieldPath}.${f}` : f, t.name);
        if (found.length) return;
      }
      return;
    }
    if ('array' in t) {
      if (k !== 'array') return bad(k);
      (v as unknown[]).forEach((item, i) => walk(item, t.array, jsonPath, `${fieldPath}[${i}]`, struct));
      return;
    }
    if (k !== 'object') return bad(k);
    for (const [mk, mv] of Object.entries(v as Record<string, unknown>)) {
      walk(mv, t.map, jsonPath, `${fieldPath}[${mk}]`, struct);
      if (found.length) return;
    }
  };
  for (const [f, ft] of Object.entries(schema.fields)) {
    const fv = obj[f];
    if (fv !== undefined) walk(fv, ft, f, f, schema.name);
    if (found.length) break;
  }
  return found;
}

/** Go's %v of a float64 in these messages (strconv 'g'-like for big values). */
function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  return String(n).replace(/e\+?(-?)(\d)$/, 'e$1' + '0$2').replace('e', 'e+').replace('e+-', 'e-');
}
