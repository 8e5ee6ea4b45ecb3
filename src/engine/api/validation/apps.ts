// apps/v1 validation (pkg/apis/apps/validation/validation.go, and the immutable selector check
// in pkg/registry/apps/<kind>/strategy.go ValidateUpdate).
import { fieldError, type FieldError } from '../fieldErrors';
import { labelSelectorAsSelector, type Selector } from '../labels';
import { deepEqual, type KubeObject } from '../meta';
import { goIntOrString, goLabelSelector, goStringMap, invalidGo } from './goValue';
import { nameIsDNSSubdomain, regexError } from './names';
import { FIELD_IMMUTABLE_ERROR_MSG, validateAnnotations, validateLabels, validateNonnegativeField, validateObjectMeta } from './objectMeta';
import { validateLabelSelector } from './labelSelector';
import { validatePodSpec } from './podSpec';

/** ValidatePodTemplateSpec: labels are reported at template.labels (no "metadata"), as upstream does. */
export function validatePodTemplateSpec(t: any, path: string): FieldError[] {
  const errs: FieldError[] = [];
  errs.push(...validateLabels(t?.metadata?.labels, `${path}.labels`));
  errs.push(...validateAnnotations(t?.metadata?.annotations, `${path}.annotations`));
  errs.push(...validatePodSpec(t?.spec, `${path}.spec`));
  if (Array.isArray(t?.spec?.ephemeralContainers) && t.spec.ephemeralContainers.length) {
    errs.push(fieldError.forbidden(`${path}.spec.ephemeralContainers`, 'ephemeral containers not allowed in pod template'));
  }
  return errs;
}

/** ValidatePodTemplateSpecForReplicaSet (also used for Deployments and StatefulSets/DaemonSets' own variants). */
function validateTemplateForSelector(t: any, selector: Selector, path: string, restartAlways: boolean, what: string): FieldError[] {
  if (!t || typeof t !== 'object') return [fieldError.required(path, '')];
  const errs: FieldError[] = [];
  const labels = t.metadata?.labels;
  if (!selector.empty() && !selector.matches(labels ?? {})) {
    errs.push(invalidGo(`${path}.metadata.labels`, labels, goStringMap(labels), '`selector` does not match template `labels`'));
  }
  errs.push(...validatePodTemplateSpec(t, path));
  if (restartAlways && t.spec?.restartPolicy !== 'Always') {
    errs.push(fieldError.notSupported(`${path}.spec.restartPolicy`, t.spec?.restartPolicy ?? '', ['Always']));
  }
  if (t.spec?.activeDeadlineSeconds !== undefined && t.spec?.activeDeadlineSeconds !== null) {
    errs.push(fieldError.forbidden(`${path}.spec.activeDeadlineSeconds`, `activeDeadlineSeconds in ${what} is not Supported`));
  }
  return errs;
}

function selectorAndTemplate(spec: any, what: string, emptyMsg: string): FieldError[] {
  const errs: FieldError[] = [];
  if (spec.selector === null || spec.selector === undefined) errs.push(fieldError.required('spec.selector', ''));
  else {
    errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
    const n = Object.keys(spec.selector.matchLabels ?? {}).length + (spec.selector.matchExpressions ?? []).length;
    if (n === 0) errs.push(invalidGo('spec.selector', spec.selector, goLabelSelector(spec.selector), emptyMsg));
  }
  let selector: Selector | undefined;
  try {
    selector = labelSelectorAsSelector(spec.selector);
  } catch {
    errs.push(invalidGo('spec.selector', spec.selector, goLabelSelector(spec.selector), 'invalid label selector'));
  }
  if (selector) errs.push(...validateTemplateForSelector(spec.template, selector, 'spec.template', true, what));
  return errs;
}

const PERCENT_FMT = '[0-9]+%';

function validatePositiveIntOrPercent(v: unknown, path: string): FieldError[] {
  if (typeof v === 'string') {
    if (!/^[0-9]+%$/.test(v)) {
      return [invalidGo(path, v, goIntOrString(v), regexError("a valid percent string must be a numeric string followed by an ending '%'", PERCENT_FMT, '1%', '93%'))];
    }
    return [];
  }
  if (typeof v === 'number') return validateNonnegativeField(v, path);
  return [];
}

function intOrPercentValue(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^[0-9]+%$/.test(v)) return Number(v.slice(0, -1));
  return -1;
}

function isNotMoreThan100Percent(v: unknown, path: string): FieldError[] {
  if (typeof v === 'string' && /^[0-9]+%$/.test(v) && Number(v.slice(0, -1)) > 100) {
    return [invalidGo(path, v, goIntOrString(v), 'must not be greater than 100%')];
  }
  return [];
}

function validateDeploymentStrategy(st: any, path: string): FieldError[] {
  const errs: FieldError[] = [];
  switch (st?.type) {
    case 'Recreate':
      if (st.rollingUpdate) errs.push(fieldError.forbidden(`${path}.rollingUpdate`, "may not be specified when strategy `type` is 'Recreate'"));
      break;
    case 'RollingUpdate': {
      const ru = st.rollingUpdate;
      if (!ru) {
        errs.push(fieldError.required(`${path}.rollingUpdate`, 'this should be defaulted and never be nil'));
        break;
      }
      const p = `${path}.rollingUpdate`;
      errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, `${p}.maxUnavailable`));
      errs.push(...validatePositiveIntOrPercent(ru.maxSurge, `${p}.maxSurge`));
      if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
        errs.push(invalidGo(`${p}.maxUnavailable`, ru.maxUnavailable, goIntOrString(ru.maxUnavailable), 'may not be 0 when `maxSurge` is 0'));
      }
      errs.push(...isNotMoreThan100Percent(ru.maxUnavailable, `${p}.maxUnavailable`));
      break;
    }
    default:
      errs.push(fieldError.notSupported(path, st?.type ?? '', ['Recreate', 'RollingUpdate']));
  }
  return errs;
}

export function validateDeployment(d: KubeObject): FieldError[] {
  const errs = validateObjectMeta(d, true, nameIsDNSSubdomain);
  const s = d.spec ?? {};
  errs.push(...validateNonnegativeField(s.replicas, 'spec.replicas'));
  errs.push(...selectorAndTemplate(s, 'ReplicaSet', 'empty selector is invalid for deployment'));
  errs.push(...validateDeploymentStrategy(s.strategy, 'spec.strategy'));
  errs.push(...validateNonnegativeField(s.minReadySeconds, 'spec.minReadySeconds'));
  if (s.revisionHistoryLimit !== undefined && s.revisionHistoryLimit !== null) {
    errs.push(...validateNonnegativeField(s.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  }
  if (s.progressDeadlineSeconds !== undefined && s.progressDeadlineSeconds !== null) {
    errs.push(...validateNonnegativeField(s.progressDeadlineSeconds, 'spec.progressDeadlineSeconds'));
    if (s.progressDeadlineSeconds <= (s.minReadySeconds ?? 0)) {
      errs.push(fieldError.invalid('spec.progressDeadlineSeconds', s.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
    }
  }
  return errs;
}

export function validateReplicaSet(rs: KubeObject): FieldError[] {
  const errs = validateObjectMeta(rs, true, nameIsDNSSubdomain);
  const s = rs.spec ?? {};
  errs.push(...validateNonnegativeField(s.replicas, 'spec.replicas'));
  errs.push(...validateNonnegativeField(s.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...selectorAndTemplate(s, 'ReplicaSet', 'empty selector is invalid for deployment'));
  return errs;
}

const POD_MANAGEMENT_POLICIES = ['OrderedReady', 'Parallel'];

export function validateStatefulSet(ss: KubeObject): FieldError[] {
  const errs = validateObjectMeta(ss, true, nameIsDNSSubdomain);
  const s = ss.spec ?? {};
  if (!s.podManagementPolicy) errs.push(fieldError.required('spec.podManagementPolicy', ''));
  else if (!POD_MANAGEMENT_POLICIES.includes(s.podManagementPolicy)) {
    errs.push(fieldError.invalid('spec.podManagementPolicy', s.podManagementPolicy, `must be '${POD_MANAGEMENT_POLICIES[0]}' or '${POD_MANAGEMENT_POLICIES[1]}'`));
  }
  const us = s.updateStrategy ?? {};
  if (us.type === 'OnDelete') {
    if (us.rollingUpdate) errs.push(fieldError.invalid('spec.updateStrategy.rollingUpdate', us.rollingUpdate, "only allowed for updateStrategy 'RollingUpdate'"));
  } else if (us.type === 'RollingUpdate') {
    if (us.rollingUpdate) {
      errs.push(...validateNonnegativeField(us.rollingUpdate.partition, 'spec.updateStrategy.rollingUpdate.partition'));
    }
  } else {
    errs.push(fieldError.invalid('spec.updateStrategy', us.type ?? '', "must be 'RollingUpdate' or 'OnDelete'"));
  }
  errs.push(...validateNonnegativeField(s.replicas, 'spec.replicas'));
  errs.push(...validateNonnegativeField(s.minReadySeconds, 'spec.minReadySeconds'));
  if (s.selector === null || s.selector === undefined) errs.push(fieldError.required('spec.selector', ''));
  else {
    errs.push(...validateLabelSelector(s.selector, 'spec.selector'));
    const n = Object.keys(s.selector.matchLabels ?? {}).length + (s.selector.matchExpressions ?? []).length;
    if (n === 0) errs.push(invalidGo('spec.selector', s.selector, goLabelSelector(s.selector), 'empty selector is invalid for statefulset'));
  }
  let selector: Selector | undefined;
  try {
    selector = labelSelectorAsSelector(s.selector);
  } catch {
    errs.push(invalidGo('spec.selector', s.selector, goLabelSelector(s.selector), 'invalid label selector'));
  }
  if (selector && s.template) {
    const labels = s.template.metadata?.labels;
    if (!selector.empty() && !selector.matches(labels ?? {})) {
      errs.push(invalidGo('spec.template.metadata.labels', labels, goStringMap(labels), '`selector` does not match template `labels`'));
    }
    errs.push(...validatePodTemplateSpec(s.template, 'spec.template'));
    if (s.template.spec?.restartPolicy !== 'Always') {
      errs.push(fieldError.notSupported('spec.template.spec.restartPolicy', s.template.spec?.restartPolicy ?? '', ['Always']));
    }
    if (s.template.spec?.activeDeadlineSeconds !== undefined) {
      errs.push(fieldError.forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in StatefulSet is not Supported'));
    }
  }
  return errs;
}

export function validateDaemonSet(ds: KubeObject): FieldError[] {
  const errs = validateObjectMeta(ds, true, nameIsDNSSubdomain);
  const s = ds.spec ?? {};
  errs.push(...validateLabelSelector(s.selector, 'spec.selector'));
  let selector: Selector | undefined;
  try {
    selector = labelSelectorAsSelector(s.selector);
  } catch {
    errs.push(invalidGo('spec.selector', s.selector, goLabelSelector(s.selector), 'invalid label selector'));
  }
  if (selector && selector.empty()) errs.push(invalidGo('spec.selector', s.selector, goLabelSelector(s.selector), 'empty selector is invalid for daemonset'));
  if (s.selector === null || s.selector === undefined) errs.unshift(fieldError.required('spec.selector', ''));
  if (selector && !selector.matches(s.template?.metadata?.labels ?? {})) {
    const labels = s.template?.metadata?.labels;
    errs.push(invalidGo('spec.template.metadata.labels', labels, goStringMap(labels), '`selector` does not match template `labels`'));
  }
  errs.push(...validatePodTemplateSpec(s.template, 'spec.template'));
  if (s.template?.spec?.restartPolicy !== 'Always') {
    errs.push(fieldError.notSupported('spec.template.spec.restartPolicy', s.template?.spec?.restartPolicy ?? '', ['Always']));
  }
  errs.push(...validateNonnegativeField(s.minReadySeconds, 'spec.minReadySeconds'));
  const us = s.updateStrategy ?? {};
  if (us.type === 'RollingUpdate') {
    const ru = us.rollingUpdate ?? {};
    errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, 'spec.updateStrategy.rollingUpdate.maxUnavailable'));
    errs.push(...validatePositiveIntOrPercent(ru.maxSurge, 'spec.updateStrategy.rollingUpdate.maxSurge'));
    if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
      errs.push(invalidGo('spec.updateStrategy.rollingUpdate.maxUnavailable', ru.maxUnavailable, goIntOrString(ru.maxUnavailable), 'may not be 0 when `maxSurge` is 0'));
    }
    errs.push(...isNotMoreThan100Percent(ru.maxUnavailable, 'spec.updateStrategy.rollingUpdate.maxUnavailable'));
  } else if (us.type !== 'OnDelete') {
    errs.push(fieldError.notSupported('spec.updateStrategy.type', us.type ?? '', ['OnDelete', 'RollingUpdate']));
  }
  if (s.revisionHistoryLimit !== undefined && s.revisionHistoryLimit !== null) {
    errs.push(...validateNonnegativeField(s.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  }
  return errs;
}

/** The selector of apps/v1 workloads may not change (strategy ValidateUpdate). */
export function validateSelectorImmutable(obj: KubeObject, old: KubeObject): FieldError[] {
  if (deepEqual(obj.spec?.selector, old.spec?.selector)) return [];
  return [invalidGo('spec.selector', obj.spec?.selector, goLabelSelector(obj.spec?.selector), FIELD_IMMUTABLE_ERROR_MSG)];
}

const STS_UPDATABLE = ['replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds'];

/** ValidateStatefulSetUpdate: only some spec fields may change. */
export function validateStatefulSetUpdate(ss: KubeObject, old: KubeObject): FieldError[] {
  const a = { ...(ss.spec ?? {}) };
  const b = { ...(old.spec ?? {}) };
  for (const f of STS_UPDATABLE) {
    delete a[f];
    delete b[f];
  }
  if (deepEqual(a, b)) return [];
  return [
    fieldError.forbidden(
      'spec',
      "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    ),
  ];
}
