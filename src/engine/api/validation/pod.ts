// Pod create/update validation (pkg/apis/core/validation/validation.go ValidatePodCreate,
// ValidatePodUpdate). On update only images, activeDeadlineSeconds, added tolerations, removed
// scheduling gates and a negative grace period raised to 1 may change.
import { deepEqual, clone, type KubeObject } from '../meta';
import { fieldError, type FieldError } from '../fieldErrors';
import { validateObjectMeta } from './objectMeta';
import { nameIsDNSSubdomain } from './names';
import { validatePodSpec, validateTolerations } from './podSpec';

const MAX_INT32 = 2147483647;

function validatePodMetadataAndSpec(pod: KubeObject): FieldError[] {
  const errs = validateObjectMeta(pod, true, nameIsDNSSubdomain);
  errs.push(...validatePodSpec(pod.spec, 'spec'));
  if (!pod.spec?.serviceAccountName) {
    (pod.spec?.volumes ?? []).forEach((v: any, vi: number) => {
      (v?.projected?.sources ?? []).forEach((s: any, si: number) => {
        if (s?.serviceAccountToken) {
          errs.push(fieldError.forbidden(`spec.volumes[${vi}].projected.sources[${si}].serviceAccountToken`, 'must not be specified when serviceAccountName is not set'));
        }
      });
    });
  }
  return errs;
}

export function validatePodCreate(pod: KubeObject): FieldError[] {
  const errs = validatePodMetadataAndSpec(pod);
  if (Array.isArray(pod.spec?.ephemeralContainers) && pod.spec.ephemeralContainers.length) {
    errs.push(fieldError.forbidden('spec.ephemeralContainers', 'cannot be set on create'));
  }
  if (pod.spec?.nodeName && Array.isArray(pod.spec?.schedulingGates) && pod.spec.schedulingGates.length) {
    errs.push(fieldError.forbidden('spec.nodeName', 'cannot be set until all schedulingGates have been cleared'));
  }
  return errs;
}

function validateContainerUpdates(next: any[] | undefined, prev: any[] | undefined, path: string): { errs: FieldError[]; stop: boolean } {
  const a = Array.isArray(next) ? next : [];
  const b = Array.isArray(prev) ? prev : [];
  if (a.length !== b.length) return { errs: [fieldError.forbidden(path, 'pod updates may not add or remove containers')], stop: true };
  const errs: FieldError[] = [];
  a.forEach((c, i) => {
    if (!c?.image) errs.push(fieldError.required(`${path}[${i}].image`, ''));
    else if (c.image.trim().length !== c.image.length) errs.push(fieldError.invalid(`${path}[${i}].image`, c.image, 'must not have leading or trailing whitespace'));
  });
  return { errs, stop: false };
}

function validateOnlyAddedTolerations(next: any[] | undefined, prev: any[] | undefined, path: string): FieldError[] {
  const nt = Array.isArray(next) ? next : [];
  for (const old of Array.isArray(prev) ? prev : []) {
    const found = nt.some((t) => deepEqual({ ...old, tolerationSeconds: t?.tolerationSeconds }, t));
    if (!found) return [fieldError.forbidden(path, 'existing toleration can not be modified except its tolerationSeconds')];
  }
  return validateTolerations(nt, path);
}

function validateOnlyDeletedSchedulingGates(next: any[] | undefined, prev: any[] | undefined, path: string): FieldError[] {
  const old = new Set((Array.isArray(prev) ? prev : []).map((g) => g?.name));
  for (const g of Array.isArray(next) ? next : []) if (!old.has(g?.name)) return [fieldError.forbidden(path, 'only deletion is allowed, but found new scheduling gate \'' + g?.name + '\'')];
  return [];
}

/** A readable stand-in for upstream's cmp.Diff: the changed top-level fields, old then new. */
function specDiff(oldSpec: any, newSpec: any): string {
  const keys = [...new Set([...Object.keys(oldSpec ?? {}), ...Object.keys(newSpec ?? {})])].sort();
  const lines: string[] = ['  core.PodSpec{'];
  for (const k of keys) {
    if (deepEqual(oldSpec?.[k], newSpec?.[k])) continue;
    if (oldSpec?.[k] !== undefined) lines.push(`- \t${k}: ${JSON.stringify(oldSpec[k])},`);
    if (newSpec?.[k] !== undefined) lines.push(`+ \t${k}: ${JSON.stringify(newSpec[k])},`);
  }
  lines.push('  }');
  return lines.join('\n');
}

export const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

export function validatePodUpdate(pod: KubeObject, old: KubeObject): FieldError[] {
  const errs = validatePodMetadataAndSpec(pod);
  const ns = pod.spec ?? {};
  const os = old.spec ?? {};
  let r = validateContainerUpdates(ns.containers, os.containers, 'spec.containers');
  errs.push(...r.errs);
  if (r.stop) return errs;
  r = validateContainerUpdates(ns.initContainers, os.initContainers, 'spec.initContainers');
  errs.push(...r.errs);
  if (r.stop) return errs;
  if (ns.activeDeadlineSeconds !== undefined && ns.activeDeadlineSeconds !== null) {
    const v = ns.activeDeadlineSeconds;
    if (v < 0 || v > MAX_INT32) return [...errs, fieldError.invalid('spec.activeDeadlineSeconds', v, `must be between 0 and ${MAX_INT32}, inclusive`)];
    if (os.activeDeadlineSeconds !== undefined && os.activeDeadlineSeconds !== null && os.activeDeadlineSeconds < v) {
      return [...errs, fieldError.invalid('spec.activeDeadlineSeconds', v, 'must be less than or equal to previous value')];
    }
  } else if (os.activeDeadlineSeconds !== undefined && os.activeDeadlineSeconds !== null) {
    errs.push(fieldError.invalid('spec.activeDeadlineSeconds', null, 'must not update from a positive integer to nil value'));
  }
  errs.push(...validateOnlyAddedTolerations(ns.tolerations, os.tolerations, 'spec.tolerations'));
  errs.push(...validateOnlyDeletedSchedulingGates(ns.schedulingGates, os.schedulingGates, 'spec.schedulingGates'));
  if (deepEqual(ns, os)) return errs;
  // Munge the fields that may change, then anything left over is forbidden.
  const munged = clone(ns);
  (munged.containers ?? []).forEach((c: any, i: number) => (c.image = os.containers[i].image));
  (munged.initContainers ?? []).forEach((c: any, i: number) => (c.image = os.initContainers[i].image));
  munged.activeDeadlineSeconds = os.activeDeadlineSeconds;
  munged.schedulingGates = os.schedulingGates;
  munged.tolerations = os.tolerations;
  if (typeof os.terminationGracePeriodSeconds === 'number' && os.terminationGracePeriodSeconds < 0 && munged.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = os.terminationGracePeriodSeconds;
  }
  if (Array.isArray(os.schedulingGates) && os.schedulingGates.length) {
    // A gated pod may gain nodeSelector entries and node affinity.
    munged.nodeSelector = os.nodeSelector;
    munged.affinity = os.affinity;
  }
  if (!deepEqual(munged, os)) errs.push(fieldError.forbidden('spec', `${POD_UPDATE_FORBIDDEN}\n${specDiff(os, munged)}`));
  return errs;
}
