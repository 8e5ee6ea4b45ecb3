// core/v1 validation for Service, Namespace, Node, ConfigMap, Secret, ServiceAccount, PVC and
// scheduling.k8s.io PriorityClass (pkg/apis/core/validation, pkg/apis/scheduling/validation).
import { fieldError, type FieldError } from '../fieldErrors';
import { deepEqual, type KubeObject } from '../meta';
import { goServicePortKey, goSlice, goTaint, invalidGo } from './goValue';
import { isDNS1123Subdomain, nameIsDNS1035Label, nameIsDNSLabel, nameIsDNSSubdomain } from './names';
import { validateDNS1123Label, validateLabelName, validateLabels, validateObjectMeta, FIELD_IMMUTABLE_ERROR_MSG } from './objectMeta';
import { validatePortNumOrName, validateTaintEffect } from './podSpec';
import { isValidLabelValue, isValidPortNum, isQualifiedName } from './names';

const SUPPORTED_PORT_PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const SESSION_AFFINITY = ['ClientIP', 'None'];

export function validateService(svc: KubeObject): FieldError[] {
  const errs = validateObjectMeta(svc, true, nameIsDNS1035Label);
  const s = svc.spec ?? {};
  const headless = s.clusterIP === 'None';
  const ports: any[] = Array.isArray(s.ports) ? s.ports : [];
  if (ports.length === 0 && !headless && s.type !== 'ExternalName') errs.push(fieldError.required('spec.ports', ''));
  if (s.type === 'ExternalName') {
    if (Array.isArray(s.clusterIPs) && s.clusterIPs.length) errs.push(fieldError.forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
    const clean = String(s.externalName ?? '').replace(/\.$/, '');
    for (const m of isDNS1123Subdomain(clean)) errs.push(fieldError.invalid('spec.externalName', s.externalName ?? '', m));
  }
  const names = new Set<string>();
  ports.forEach((sp, i) => {
    const p = `spec.ports[${i}]`;
    if (ports.length > 1 && !sp?.name) errs.push(fieldError.required(`${p}.name`, ''));
    else if (sp?.name) {
      errs.push(...validateDNS1123Label(sp.name, `${p}.name`));
      if (names.has(sp.name)) errs.push(fieldError.duplicate(`${p}.name`, sp.name));
      else names.add(sp.name);
    }
    for (const m of isValidPortNum(sp?.port)) errs.push(fieldError.invalid(`${p}.port`, sp?.port ?? 0, m));
    if (!sp?.protocol) errs.push(fieldError.required(`${p}.protocol`, ''));
    else if (!SUPPORTED_PORT_PROTOCOLS.includes(sp.protocol)) errs.push(fieldError.notSupported(`${p}.protocol`, sp.protocol, SUPPORTED_PORT_PROTOCOLS));
    errs.push(...validatePortNumOrName(sp?.targetPort, `${p}.targetPort`));
    if (sp?.appProtocol) for (const m of isQualifiedName(sp.appProtocol)) errs.push(fieldError.invalid(`${p}.appProtocol`, sp.appProtocol, m));
  });
  if (s.selector) errs.push(...validateLabels(s.selector, 'spec.selector'));
  if (!s.sessionAffinity) errs.push(fieldError.required('spec.sessionAffinity', ''));
  else if (!SESSION_AFFINITY.includes(s.sessionAffinity)) errs.push(fieldError.notSupported('spec.sessionAffinity', s.sessionAffinity, SESSION_AFFINITY));
  if (!s.type) errs.push(fieldError.required('spec.type', ''));
  else if (!SERVICE_TYPES.includes(s.type)) errs.push(fieldError.notSupported('spec.type', s.type, SERVICE_TYPES));
  if (s.type === 'ClusterIP') {
    ports.forEach((sp, i) => {
      if (sp?.nodePort) errs.push(fieldError.forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });
  }
  const seen = new Set<string>();
  ports.forEach((sp, i) => {
    const key = `${sp?.protocol}/${sp?.port}`;
    if (seen.has(key)) errs.push({ type: 'FieldValueDuplicate', field: `spec.ports[${i}]`, value: sp, omitValue: true, detail: goServicePortKey(sp?.protocol, sp?.port) });
    seen.add(key);
  });
  return errs;
}

/** ValidateServiceUpdate: an allocated clusterIP may not change. */
export function validateServiceUpdate(svc: KubeObject, old: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const oldIPs = old.spec?.clusterIPs ?? [];
  const newIPs = svc.spec?.clusterIPs ?? [];
  if (oldIPs.length && newIPs.length && svc.spec?.type !== 'ExternalName' && oldIPs[0] !== newIPs[0]) {
    errs.push(invalidGo('spec.clusterIPs[0]', newIPs, goSlice(newIPs), 'may not change once set'));
  }
  return errs;
}

export function validateNamespace(ns: KubeObject): FieldError[] {
  const errs = validateObjectMeta(ns, false, nameIsDNSLabel);
  (ns.spec?.finalizers ?? []).forEach((f: string) => {
    const m = isQualifiedName(f);
    if (m.length) errs.push(fieldError.invalid('spec.finalizers', f, m.join(';')));
  });
  return errs;
}

export function validateNode(node: KubeObject): FieldError[] {
  const errs = validateObjectMeta(node, false, nameIsDNSSubdomain);
  const seen = new Map<string, Set<string>>();
  (node.spec?.taints ?? []).forEach((t: any, i: number) => {
    const p = `spec.taints[${i}]`;
    errs.push(...validateLabelName(t?.key ?? '', `${p}.key`));
    const m = isValidLabelValue(t?.value ?? '');
    if (m.length) errs.push(fieldError.invalid(`${p}.value`, t?.value ?? '', m.join(';')));
    errs.push(...validateTaintEffect(t?.effect, false, `${p}.effect`));
    const keys = seen.get(t?.effect) ?? new Set<string>();
    if (keys.has(t?.key)) {
      errs.push({ type: 'FieldValueDuplicate', field: p, value: t, omitValue: true, detail: `${goTaint(t)}: taints must be unique by key and effect pair` });
      return;
    }
    keys.add(t?.key);
    seen.set(t?.effect, keys);
  });
  return errs;
}

const CONFIG_KEY_RE = /^[-._a-zA-Z0-9]+$/;

function validateConfigKeys(data: Record<string, unknown> | undefined, path: string, seen: Set<string>): FieldError[] {
  const errs: FieldError[] = [];
  for (const k of Object.keys(data ?? {})) {
    if (!CONFIG_KEY_RE.test(k)) {
      errs.push(fieldError.invalid(path, k, "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"));
    }
    if (seen.has(k)) errs.push(fieldError.invalid(path, k, 'duplicate of key present in binaryData'));
    seen.add(k);
  }
  return errs;
}

export function validateConfigMap(cm: KubeObject): FieldError[] {
  const errs = validateObjectMeta(cm, true, nameIsDNSSubdomain);
  const seen = new Set<string>();
  errs.push(...validateConfigKeys(cm.data, 'data', seen));
  errs.push(...validateConfigKeys(cm.binaryData, 'binaryData', seen));
  return errs;
}

export function validateImmutableConfig(obj: KubeObject, old: KubeObject): FieldError[] {
  if (old.immutable !== true) return [];
  const errs: FieldError[] = [];
  if (obj.immutable !== true) errs.push(fieldError.forbidden('immutable', 'field is immutable when `immutable` is set'));
  if (!deepEqual(obj.data, old.data) || !deepEqual(obj.binaryData, old.binaryData) || !deepEqual(obj.stringData, old.stringData)) {
    errs.push(fieldError.forbidden('data', 'field is immutable when `immutable` is set'));
  }
  return errs;
}

export function validateSimpleNamed(obj: KubeObject): FieldError[] {
  return validateObjectMeta(obj, true, nameIsDNSSubdomain);
}

export function validatePersistentVolumeClaim(pvc: KubeObject): FieldError[] {
  const errs = validateObjectMeta(pvc, true, nameIsDNSSubdomain);
  const s = pvc.spec ?? {};
  if (!Array.isArray(s.accessModes) || s.accessModes.length === 0) errs.push(fieldError.required('spec.accessModes', 'at least 1 access mode is required'));
  if (!s.resources?.requests?.storage && !s.dataSource && !s.dataSourceRef) errs.push(fieldError.required('spec.resources[storage]', ''));
  return errs;
}

const HIGHEST_USER_DEFINABLE_PRIORITY = 1000000000;

export function validatePriorityClass(pc: KubeObject): FieldError[] {
  const errs = validateObjectMeta(pc, false, nameIsDNSSubdomain);
  if (pc.metadata.name?.startsWith('system-') && !['system-node-critical', 'system-cluster-critical'].includes(pc.metadata.name)) {
    errs.push(fieldError.forbidden('metadata.name', "priority class names with 'system-' prefix are reserved for system use only"));
  }
  if (typeof pc.value !== 'number' || (pc.value > HIGHEST_USER_DEFINABLE_PRIORITY && !pc.metadata.name?.startsWith('system-'))) {
    errs.push(fieldError.forbidden('value', `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}`));
  }
  if (pc.preemptionPolicy && !['PreemptLowerPriority', 'Never'].includes(pc.preemptionPolicy)) {
    errs.push(fieldError.notSupported('preemptionPolicy', pc.preemptionPolicy, ['Never', 'PreemptLowerPriority']));
  }
  return errs;
}

export function validatePriorityClassUpdate(pc: KubeObject, old: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  if (pc.value !== old.value) errs.push(fieldError.forbidden('value', 'may not be changed in an update.'));
  if (pc.preemptionPolicy !== old.preemptionPolicy) errs.push(fieldError.invalid('preemptionPolicy', pc.preemptionPolicy, FIELD_IMMUTABLE_ERROR_MSG));
  return errs;
}
