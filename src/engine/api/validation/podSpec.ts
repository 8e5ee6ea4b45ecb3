// PodSpec validation (pkg/apis/core/validation/validation.go ValidatePodSpec and the container,
// port, probe, env, volume and toleration checks it runs), with upstream wording and field paths.
import { VOLUME_SOURCES } from '../volumeSources';
import { fieldError, type FieldError } from '../fieldErrors';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidPortName, isValidPortNum, isValidLabelValue } from './names';
import { validateLabelName, validateLabels, validateNonnegativeField, validateDNS1123Label } from './objectMeta';
import { validateResourceRequirements } from './resources';
import { goToleration, invalidGo } from './goValue';

const SUPPORTED_PORT_PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const SUPPORTED_HTTP_SCHEMES = ['HTTP', 'HTTPS'];
const MAX_INT32 = 2147483647;

/** ValidatePortNumOrName: an int must be a port number, a string an IANA_SVC_NAME. */
export function validatePortNumOrName(port: unknown, path: string): FieldError[] {
  if (typeof port === 'number') return isValidPortNum(port).map((m) => fieldError.invalid(path, port, m));
  if (typeof port === 'string') return isValidPortName(port).map((m) => fieldError.invalid(path, port, m));
  return [{ type: 'InternalError', field: path, detail: `unknown type: ${typeof port}` }];
}

function validateHandler(h: any, path: string, allowSleep: boolean): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  const one = (name: string, fn: () => FieldError[]) => {
    if (h?.[name] === undefined || h?.[name] === null) return;
    if (n > 0) errs.push(fieldError.forbidden(`${path}.${name}`, 'may not specify more than 1 handler type'));
    else {
      n++;
      errs.push(...fn());
    }
  };
  one('exec', () => (Array.isArray(h.exec.command) && h.exec.command.length ? [] : [fieldError.required(`${path}.exec.command`, '')]));
  one('httpGet', () => {
    const e: FieldError[] = [];
    const g = h.httpGet;
    if (!g.path) e.push(fieldError.required(`${path}.httpGet.path`, ''));
    e.push(...validatePortNumOrName(g.port, `${path}.httpGet.port`));
    if (!SUPPORTED_HTTP_SCHEMES.includes(g.scheme)) e.push(fieldError.notSupported(`${path}.httpGet.scheme`, g.scheme ?? '', SUPPORTED_HTTP_SCHEMES));
    return e;
  });
  one('tcpSocket', () => validatePortNumOrName(h.tcpSocket.port, `${path}.tcpSocket.port`));
  one('grpc', () => isValidPortNum(h.grpc.port).map((m) => fieldError.invalid(`${path}.grpc.port`, h.grpc.port, m)));
  if (allowSleep) {
    one('sleep', () => {
      const s = h.sleep.seconds;
      return typeof s === 'number' && s >= 0 ? [] : [fieldError.invalid(`${path}.sleep.seconds`, s, 'must be non-negative')];
    });
  }
  if (n === 0) errs.push(fieldError.required(path, 'must specify a handler type'));
  return errs;
}

function validateProbe(p: any, path: string, kind: 'liveness' | 'readiness' | 'startup'): FieldError[] {
  if (p === undefined || p === null) return [];
  const errs = validateHandler(p, path, false);
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    errs.push(...validateNonnegativeField(p[f], `${path}.${f}`));
  }
  if (p.terminationGracePeriodSeconds !== undefined && p.terminationGracePeriodSeconds <= 0) {
    errs.push(fieldError.invalid(`${path}.terminationGracePeriodSeconds`, p.terminationGracePeriodSeconds, 'must be greater than 0'));
  }
  if (kind === 'readiness' && p.terminationGracePeriodSeconds !== undefined) {
    errs.push(fieldError.invalid(`${path}.terminationGracePeriodSeconds`, p.terminationGracePeriodSeconds, 'must not be set for readinessProbes'));
  }
  if (kind !== 'readiness' && p.successThreshold !== 1) errs.push(fieldError.invalid(`${path}.successThreshold`, p.successThreshold, 'must be 1'));
  return errs;
}

function validateContainerPorts(ports: any[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (Array.isArray(ports) ? ports : []).forEach((port, i) => {
    const p = `${path}[${i}]`;
    if (port?.name) {
      const msgs = isValidPortName(port.name);
      if (msgs.length) for (const m of msgs) errs.push(fieldError.invalid(`${p}.name`, port.name, m));
      else if (names.has(port.name)) errs.push(fieldError.duplicate(`${p}.name`, port.name));
      else names.add(port.name);
    }
    if (!port?.containerPort) errs.push(fieldError.required(`${p}.containerPort`, ''));
    else for (const m of isValidPortNum(port.containerPort)) errs.push(fieldError.invalid(`${p}.containerPort`, port.containerPort, m));
    if (port?.hostPort) for (const m of isValidPortNum(port.hostPort)) errs.push(fieldError.invalid(`${p}.hostPort`, port.hostPort, m));
    if (!port?.protocol) errs.push(fieldError.required(`${p}.protocol`, ''));
    else if (!SUPPORTED_PORT_PROTOCOLS.includes(port.protocol)) errs.push(fieldError.notSupported(`${p}.protocol`, port.protocol, SUPPORTED_PORT_PROTOCOLS));
  });
  return errs;
}

const ENV_NAME_MSG = "a valid environment variable name must consist only of printable ASCII characters other than '='";

function validateEnv(env: any[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (Array.isArray(env) ? env : []).forEach((ev, i) => {
    const p = `${path}[${i}]`;
    if (!ev?.name) errs.push(fieldError.required(`${p}.name`, ''));
    else if (!/^[\x20-\x3c\x3e-\x7e]+$/.test(ev.name)) errs.push(fieldError.invalid(`${p}.name`, ev.name, ENV_NAME_MSG));
    const vf = ev?.valueFrom;
    if (vf) {
      const sources = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef', 'fileKeyRef'].filter((s) => vf[s]);
      if (sources.length === 0) errs.push(fieldError.invalid(`${p}.valueFrom`, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
      else if (sources.length > 1) {
        errs.push(fieldError.invalid(`${p}.valueFrom`, '', 'may not have more than one field specified at a time'));
      }
      if (ev.value) errs.push(fieldError.invalid(`${p}.valueFrom`, '', 'may not be specified when `value` is not empty'));
      for (const s of ['configMapKeyRef', 'secretKeyRef']) {
        if (vf[s]) {
          if (!vf[s].key) errs.push(fieldError.required(`${p}.valueFrom.${s}.key`, ''));
          if (!vf[s].name) errs.push(fieldError.required(`${p}.valueFrom.${s}.name`, ''));
        }
      }
      if (vf.fieldRef && !vf.fieldRef.fieldPath) errs.push(fieldError.required(`${p}.valueFrom.fieldRef.fieldPath`, ''));
    }
  });
  return errs;
}

/**
 * Whether an entry before index `end` has this value at `key`. The lists checked for duplicates
 * (volumes, containers, mounts) hold a handful of entries: a scan beats a Set per list per pod.
 */
function seenBefore(list: any[], end: number, key: string, value: unknown): boolean {
  for (let j = 0; j < end; j++) if (list[j]?.[key] === value) return true;
  return false;
}

function validateVolumeMounts(mounts: any[] | undefined, volumes: any[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!Array.isArray(mounts)) return errs;
  mounts.forEach((m, i) => {
    const p = `${path}[${i}]`;
    if (!m?.name) errs.push(fieldError.required(`${p}.name`, ''));
    else if (!seenBefore(volumes, volumes.length, 'name', m.name)) errs.push({ type: 'FieldValueNotFound', field: `${p}.name`, value: m.name });
    if (!m?.mountPath) errs.push(fieldError.required(`${p}.mountPath`, ''));
    else if (seenBefore(mounts, i, 'mountPath', m.mountPath)) errs.push(fieldError.invalid(`${p}.mountPath`, m.mountPath, 'must be unique'));
  });
  return errs;
}

const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];

function validateContainerCommon(c: any, volumes: any[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!c?.name) errs.push(fieldError.required(`${path}.name`, ''));
  else for (const m of isDNS1123Label(c.name)) errs.push(fieldError.invalid(`${path}.name`, c.name, m));
  if (!c?.image) errs.push(fieldError.required(`${path}.image`, ''));
  const tmp = c?.terminationMessagePolicy;
  if (!tmp) errs.push(fieldError.required(`${path}.terminationMessagePolicy`, "must be 'File' or 'FallbackToLogsOnError'"));
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') {
    errs.push(fieldError.notSupported(`${path}.terminationMessagePolicy`, tmp, ['File', 'FallbackToLogsOnError']));
  }
  // The optional lists and resources are visited only when set: this runs for every pod created,
  // and their field paths need not be built for nothing.
  if (Array.isArray(c?.ports)) errs.push(...validateContainerPorts(c.ports, `${path}.ports`));
  if (Array.isArray(c?.env)) errs.push(...validateEnv(c.env, `${path}.env`));
  if (Array.isArray(c?.volumeMounts)) errs.push(...validateVolumeMounts(c.volumeMounts, volumes, `${path}.volumeMounts`));
  const pp = c?.imagePullPolicy;
  if (!pp) errs.push(fieldError.required(`${path}.imagePullPolicy`, ''));
  else if (!PULL_POLICIES.includes(pp)) errs.push(fieldError.notSupported(`${path}.imagePullPolicy`, pp, PULL_POLICIES));
  if (c?.resources && typeof c.resources === 'object') errs.push(...validateResourceRequirements(c.resources, `${path}.resources`));
  return errs;
}

function validateContainers(containers: any[] | undefined, volumes: any[], path: string): FieldError[] {
  if (!Array.isArray(containers) || containers.length === 0) return [fieldError.required(path, '')];
  const errs: FieldError[] = [];
  containers.forEach((c, i) => {
    const p = `${path}[${i}]`;
    errs.push(...validateContainerCommon(c, volumes, p));
    if (seenBefore(containers, i, 'name', c?.name)) errs.push(fieldError.duplicate(`${p}.name`, c.name));
    if (c?.lifecycle) {
      if (c.lifecycle.postStart) errs.push(...validateHandler(c.lifecycle.postStart, `${p}.lifecycle.postStart`, true));
      if (c.lifecycle.preStop) errs.push(...validateHandler(c.lifecycle.preStop, `${p}.lifecycle.preStop`, true));
    }
    if (c?.livenessProbe !== undefined && c.livenessProbe !== null) errs.push(...validateProbe(c.livenessProbe, `${p}.livenessProbe`, 'liveness'));
    if (c?.readinessProbe !== undefined && c.readinessProbe !== null) errs.push(...validateProbe(c.readinessProbe, `${p}.readinessProbe`, 'readiness'));
    if (c?.startupProbe !== undefined && c.startupProbe !== null) errs.push(...validateProbe(c.startupProbe, `${p}.startupProbe`, 'startup'));
    if (c?.restartPolicy !== undefined) errs.push(fieldError.forbidden(`${p}.restartPolicy`, 'may not be set for non-init containers'));
  });
  return errs;
}

function validateInitContainers(inits: any[] | undefined, containers: any[] | undefined, volumes: any[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const regular: any[] = Array.isArray(containers) ? containers : [];
  (Array.isArray(inits) ? inits : []).forEach((c, i, list) => {
    const p = `${path}[${i}]`;
    errs.push(...validateContainerCommon(c, volumes, p));
    if (seenBefore(regular, regular.length, 'name', c?.name) || seenBefore(list, i, 'name', c?.name)) errs.push(fieldError.duplicate(`${p}.name`, c.name));
    const sidecar = c?.restartPolicy === 'Always';
    if (c?.restartPolicy !== undefined && !sidecar) errs.push(fieldError.notSupported(`${p}.restartPolicy`, c.restartPolicy, ['Always']));
    if (!sidecar) {
      if (c?.lifecycle) errs.push(fieldError.forbidden(`${p}.lifecycle`, 'may not be set for init containers without restartPolicy=Always'));
      if (c?.livenessProbe) errs.push(fieldError.forbidden(`${p}.livenessProbe`, 'may not be set for init containers without restartPolicy=Always'));
      if (c?.readinessProbe) errs.push(fieldError.forbidden(`${p}.readinessProbe`, 'may not be set for init containers without restartPolicy=Always'));
      if (c?.startupProbe) errs.push(fieldError.forbidden(`${p}.startupProbe`, 'may not be set for init containers without restartPolicy=Always'));
    } else {
      errs.push(...validateProbe(c?.livenessProbe, `${p}.livenessProbe`, 'liveness'));
      errs.push(...validateProbe(c?.readinessProbe, `${p}.readinessProbe`, 'readiness'));
      errs.push(...validateProbe(c?.startupProbe, `${p}.startupProbe`, 'startup'));
    }
  });
  return errs;
}

function validateVolumes(volumes: any[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  volumes.forEach((v, i) => {
    const p = `${path}[${i}]`;
    if (!v?.name) errs.push(fieldError.required(`${p}.name`, ''));
    else {
      for (const m of isDNS1123Label(v.name)) errs.push(fieldError.invalid(`${p}.name`, v.name, m));
      if (seenBefore(volumes, i, 'name', v.name)) errs.push(fieldError.duplicate(`${p}.name`, v.name));
    }
    let sources = 0;
    for (const src of VOLUME_SOURCES) {
      if (v?.[src] === undefined || v?.[src] === null) continue;
      if (sources > 0) errs.push(fieldError.forbidden(`${p}.${src}`, 'may not specify more than 1 volume type'));
      sources++;
    }
    if (sources === 0) errs.push(fieldError.required(p, 'must specify a volume type'));
    if (v?.configMap && !v.configMap.name) errs.push(fieldError.required(`${p}.configMap.name`, ''));
    if (v?.secret && !v.secret.secretName) errs.push(fieldError.required(`${p}.secret.secretName`, ''));
    if (v?.persistentVolumeClaim && !v.persistentVolumeClaim.claimName) errs.push(fieldError.required(`${p}.persistentVolumeClaim.claimName`, ''));
    if (v?.hostPath && !v.hostPath.path) errs.push(fieldError.required(`${p}.hostPath.path`, ''));
  });
  return errs;
}

const CONTAINER_LISTS = ['containers', 'initContainers'];

/** AccumulateUniqueHostPorts: one hostPort/protocol pair per pod. */
function validateHostPorts(spec: any, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let seen: Set<string> | undefined;
  for (const field of CONTAINER_LISTS) {
    const list = spec?.[field];
    if (!Array.isArray(list)) continue;
    for (let i = 0; i < list.length; i++) {
      const ports = list[i]?.ports;
      if (!Array.isArray(ports)) continue;
      for (let j = 0; j < ports.length; j++) {
        const p = ports[j];
        if (!p?.hostPort) continue;
        const key = `${p.hostPort}/${p.protocol ?? 'TCP'}`;
        seen ??= new Set();
        if (seen.has(key)) errs.push(fieldError.duplicate(`${path}.${field}[${i}].ports[${j}].hostPort`, key));
        seen.add(key);
      }
    }
  }
  return errs;
}

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

export function validateTaintEffect(effect: string | undefined, allowEmpty: boolean, path: string): FieldError[] {
  if (!allowEmpty && !effect) return [fieldError.required(path, '')];
  return TAINT_EFFECTS.includes(effect ?? '') ? [] : [fieldError.notSupported(path, effect ?? '', TAINT_EFFECTS)];
}

/** A toleration field's path, built only for an error: every pod has two default tolerations. */
function tolerationField(path: string, i: number, field: string): string {
  return `${path}[${i}].${field}`;
}

export function validateTolerations(tolerations: any[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!Array.isArray(tolerations)) return errs;
  tolerations.forEach((t, i) => {
    if (t?.key) for (const m of isQualifiedName(t.key)) errs.push(fieldError.invalid(tolerationField(path, i, 'key'), t.key, m));
    if (!t?.key && t?.operator !== 'Exists') {
      errs.push(fieldError.invalid(tolerationField(path, i, 'operator'), t?.operator ?? '', 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (t?.tolerationSeconds !== undefined && t?.tolerationSeconds !== null && t?.effect !== 'NoExecute') {
      errs.push(fieldError.invalid(tolerationField(path, i, 'effect'), t?.effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    const op = t?.operator ?? '';
    if (op === 'Equal' || op === '') {
      const m = isValidLabelValue(t?.value ?? '');
      if (m.length) errs.push(fieldError.invalid(tolerationField(path, i, 'operator'), t?.value ?? '', m.join(';')));
    } else if (op === 'Exists') {
      if (t?.value) errs.push(invalidGo(tolerationField(path, i, 'operator'), t, goToleration(t), "value must be empty when `operator` is 'Exists'"));
    } else {
      errs.push(fieldError.notSupported(tolerationField(path, i, 'operator'), op, ['Equal', 'Exists']));
    }
    if (t?.effect && !TAINT_EFFECTS.includes(t.effect)) errs.push(...validateTaintEffect(t.effect, true, tolerationField(path, i, 'effect')));
  });
  return errs;
}

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];

function validateNodeSelectorTerms(affinity: any, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const na = affinity?.nodeAffinity;
  const req = na?.requiredDuringSchedulingIgnoredDuringExecution;
  if (req) {
    const tp = `${path}.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms`;
    if (!Array.isArray(req.nodeSelectorTerms) || req.nodeSelectorTerms.length === 0) errs.push(fieldError.required(tp, 'must have at least one node selector term'));
    (req.nodeSelectorTerms ?? []).forEach((term: any, i: number) => {
      (term?.matchExpressions ?? []).forEach((e: any, j: number) => errs.push(...validateNodeSelectorRequirement(e, `${tp}[${i}].matchExpressions[${j}]`)));
    });
  }
  (na?.preferredDuringSchedulingIgnoredDuringExecution ?? []).forEach((t: any, i: number) => {
    const p = `${path}.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[${i}]`;
    if (typeof t?.weight !== 'number' || t.weight < 1 || t.weight > 100) errs.push(fieldError.invalid(`${p}.weight`, t?.weight, 'must be in the range 1-100'));
    (t?.preference?.matchExpressions ?? []).forEach((e: any, j: number) => errs.push(...validateNodeSelectorRequirement(e, `${p}.preference.matchExpressions[${j}]`)));
  });
  return errs;
}

function validateNodeSelectorRequirement(rq: any, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const vals: unknown[] = Array.isArray(rq?.values) ? rq.values : [];
  switch (rq?.operator) {
    case 'In':
    case 'NotIn':
      if (vals.length === 0) errs.push(fieldError.required(`${path}.values`, 'must be specified when `operator` is \'In\' or \'NotIn\''));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (vals.length > 0) errs.push(fieldError.forbidden(`${path}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    case 'Gt':
    case 'Lt':
      if (vals.length !== 1) errs.push(fieldError.required(`${path}.values`, "must be specified single value when `operator` is 'Lt' or 'Gt'"));
      break;
    default:
      errs.push(fieldError.invalid(`${path}.operator`, rq?.operator ?? '', 'not a valid selector operator'));
  }
  errs.push(...validateLabelName(rq?.key ?? '', `${path}.key`));
  return errs;
}

const WHEN_UNSATISFIABLE = ['DoNotSchedule', 'ScheduleAnyway'];

function validateTopologySpreadConstraints(cs: any[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (Array.isArray(cs) ? cs : []).forEach((c, i) => {
    const p = `${path}[${i}]`;
    if (typeof c?.maxSkew !== 'number' || c.maxSkew <= 0) errs.push(fieldError.invalid(`${p}.maxSkew`, c?.maxSkew ?? 0, 'must be greater than zero'));
    if (!c?.topologyKey) errs.push(fieldError.required(`${p}.topologyKey`, 'can not be empty'));
    else errs.push(...validateLabelName(c.topologyKey, `${p}.topologyKey`));
    if (!WHEN_UNSATISFIABLE.includes(c?.whenUnsatisfiable)) errs.push(fieldError.notSupported(`${p}.whenUnsatisfiable`, c?.whenUnsatisfiable ?? '', WHEN_UNSATISFIABLE));
  });
  return errs;
}

/** ValidatePodSpec(spec, podMeta, "spec"). */
export function validatePodSpec(spec: any, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!spec || typeof spec !== 'object') return [fieldError.required(`${path}.containers`, '')];
  const volumes: any[] = Array.isArray(spec.volumes) ? spec.volumes : [];
  if (volumes.length) errs.push(...validateVolumes(volumes, `${path}.volumes`));
  errs.push(...validateContainers(spec.containers, volumes, `${path}.containers`));
  if (Array.isArray(spec.initContainers)) errs.push(...validateInitContainers(spec.initContainers, spec.containers, volumes, `${path}.initContainers`));
  errs.push(...validateHostPorts(spec, path));
  const rp = spec.restartPolicy;
  if (!rp) errs.push(fieldError.required(`${path}.restartPolicy`, ''));
  else if (!RESTART_POLICIES.includes(rp)) errs.push(fieldError.notSupported(`${path}.restartPolicy`, rp, RESTART_POLICIES));
  const dp = spec.dnsPolicy;
  if (!dp) errs.push(fieldError.required(`${path}.dnsPolicy`, ''));
  else if (!DNS_POLICIES.includes(dp)) errs.push(fieldError.notSupported(`${path}.dnsPolicy`, dp, DNS_POLICIES));
  if (spec.nodeSelector) errs.push(...validateLabels(spec.nodeSelector, `${path}.nodeSelector`));
  if (spec.affinity?.nodeAffinity) errs.push(...validateNodeSelectorTerms(spec.affinity, `${path}.affinity`));
  if (Array.isArray(spec.topologySpreadConstraints)) {
    errs.push(...validateTopologySpreadConstraints(spec.topologySpreadConstraints, `${path}.topologySpreadConstraints`));
  }
  if (spec.serviceAccountName) {
    for (const m of isDNS1123Subdomain(spec.serviceAccountName)) errs.push(fieldError.invalid(`${path}.serviceAccountName`, spec.serviceAccountName, m));
  }
  if (spec.nodeName) for (const m of isDNS1123Subdomain(spec.nodeName)) errs.push(fieldError.invalid(`${path}.nodeName`, spec.nodeName, m));
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null) {
    const v = spec.activeDeadlineSeconds;
    if (v < 1 || v > MAX_INT32) errs.push(fieldError.invalid(`${path}.activeDeadlineSeconds`, v, `must be between 1 and ${MAX_INT32}, inclusive`));
  }
  if (spec.hostname) errs.push(...validateDNS1123Label(spec.hostname, `${path}.hostname`));
  if (spec.subdomain) errs.push(...validateDNS1123Label(spec.subdomain, `${path}.subdomain`));
  if (Array.isArray(spec.tolerations) && spec.tolerations.length) errs.push(...validateTolerations(spec.tolerations, `${path}.tolerations`));
  if (spec.priorityClassName) {
    for (const m of isDNS1123Subdomain(spec.priorityClassName)) errs.push(fieldError.invalid(`${path}.priorityClassName`, spec.priorityClassName, m));
  }
  if (Array.isArray(spec.schedulingGates)) {
    const gates = new Set<string>();
    spec.schedulingGates.forEach((g: any, i: number) => {
      const p = `${path}.schedulingGates[${i}]`;
      for (const m of isQualifiedName(g?.name ?? '')) errs.push(fieldError.invalid(p, g?.name ?? '', m));
      if (gates.has(g?.name)) errs.push(fieldError.duplicate(p, g.name));
      gates.add(g?.name);
    });
  }
  return errs;
}
