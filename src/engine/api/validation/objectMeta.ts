// ObjectMeta validation (staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta.go and
// pkg/apis/meta/v1/validation): names, namespace, labels, annotations, owner references.
import { fieldError, type FieldError } from '../fieldErrors';
import type { KubeObject } from '../meta';
import { byteLen, isQualifiedName, isValidLabelValue, isDNS1123Label, type ValidateNameFunc } from './names';

export const IS_NEGATIVE_ERROR_MSG = 'must be greater than or equal to 0';
export const FIELD_IMMUTABLE_ERROR_MSG = 'field is immutable';
export const TOTAL_ANNOTATION_SIZE_LIMIT_B = 256 * (1 << 10);

export function validateLabelName(name: string, path: string): FieldError[] {
  return isQualifiedName(name).map((m) => fieldError.invalid(path, name, m));
}

export function validateLabels(labels: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!labels || typeof labels !== 'object') return errs;
  for (const k of Object.keys(labels)) {
    const v = labels[k];
    // validateLabelName, without a list per label: every pod create passes here.
    for (const m of isQualifiedName(k)) errs.push(fieldError.invalid(path, k, m));
    for (const m of isValidLabelValue(String(v ?? ''))) errs.push(fieldError.invalid(path, v, m));
  }
  return errs;
}

export function validateAnnotations(annotations: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!annotations || typeof annotations !== 'object') return errs;
  let size = 0;
  for (const k of Object.keys(annotations)) {
    const v = annotations[k];
    // QualifiedName, except that case does not matter.
    for (const m of isQualifiedName(k.toLowerCase())) errs.push(fieldError.invalid(path, k, m));
    size += byteLen(k) + byteLen(String(v ?? ''));
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT_B) errs.push(fieldError.tooLong(path, '', TOTAL_ANNOTATION_SIZE_LIMIT_B));
  return errs;
}

export function validateNonnegativeField(value: unknown, path: string): FieldError[] {
  return typeof value === 'number' && value < 0 ? [fieldError.invalid(path, value, IS_NEGATIVE_ERROR_MSG)] : [];
}

export function validateDNS1123Label(value: string, path: string): FieldError[] {
  return isDNS1123Label(value).map((m) => fieldError.invalid(path, value, m));
}

/** ValidateObjectMeta(meta, requiresNamespace, nameFn, "metadata"). */
export function validateObjectMeta(obj: KubeObject, requiresNamespace: boolean, nameFn: ValidateNameFunc, path = 'metadata'): FieldError[] {
  const md = obj.metadata ?? ({} as KubeObject['metadata']);
  const errs: FieldError[] = [];
  if (md.generateName) for (const m of nameFn(md.generateName, true)) errs.push(fieldError.invalid(`${path}.generateName`, md.generateName, m));
  if (!md.name) errs.push(fieldError.required(`${path}.name`, 'name or generateName is required'));
  else for (const m of nameFn(md.name, false)) errs.push(fieldError.invalid(`${path}.name`, md.name, m));
  if (requiresNamespace) {
    if (!md.namespace) errs.push(fieldError.required(`${path}.namespace`, ''));
    else for (const m of isDNS1123Label(md.namespace)) errs.push(fieldError.invalid(`${path}.namespace`, md.namespace, m));
  } else if (md.namespace) {
    errs.push(fieldError.forbidden(`${path}.namespace`, 'not allowed on this type'));
  }
  // Optional fields are visited only when set (their field paths are not built for nothing).
  if (typeof md.generation === 'number') errs.push(...validateNonnegativeField(md.generation, `${path}.generation`));
  if (md.labels) errs.push(...validateLabels(md.labels, `${path}.labels`));
  if (md.annotations) errs.push(...validateAnnotations(md.annotations, `${path}.annotations`));
  if (Array.isArray(md.ownerReferences)) errs.push(...validateOwnerReferences(md.ownerReferences, `${path}.ownerReferences`));
  return errs;
}

function validateOwnerReferences(refs: any[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!Array.isArray(refs)) return errs;
  let controllers = 0;
  for (const r of refs) {
    if (!r?.apiVersion) errs.push(fieldError.invalid(`${path}.apiVersion`, r?.apiVersion ?? '', 'version must not be empty'));
    if (!r?.kind) errs.push(fieldError.invalid(`${path}.kind`, r?.kind ?? '', 'must not be empty'));
    if (!r?.name) errs.push(fieldError.invalid(`${path}.name`, r?.name ?? '', 'must not be empty'));
    if (!r?.uid) errs.push(fieldError.invalid(`${path}.uid`, r?.uid ?? '', 'must not be empty'));
    if (r?.controller === true) controllers++;
  }
  if (controllers > 1) {
    errs.push(fieldError.invalid(path, refs, `Only one reference can have Controller set to true. Found "true" in references for ${refs.filter((r) => r?.controller).map((r) => `${r.kind}/${r.name}`).join(' and ')}`));
  }
  return errs;
}
