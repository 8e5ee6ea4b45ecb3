// autoscaling/v2 HorizontalPodAutoscaler (pkg/apis/autoscaling/validation) and policy/v1
// PodDisruptionBudget (pkg/apis/policy/validation) validation.
import { fieldError, type FieldError } from '../fieldErrors';
import type { KubeObject } from '../meta';
import { goIntOrString, invalidGo } from './goValue';
import { nameIsDNSSubdomain, regexError } from './names';
import { validateLabelSelector } from './labelSelector';
import { validateObjectMeta, validateNonnegativeField } from './objectMeta';

export function validateHorizontalPodAutoscaler(hpa: KubeObject): FieldError[] {
  const errs = validateObjectMeta(hpa, true, nameIsDNSSubdomain);
  const s = hpa.spec ?? {};
  const min = s.minReplicas ?? 1;
  if (min < 1) errs.push(fieldError.invalid('spec.minReplicas', min, 'must be greater than or equal to 1'));
  if (typeof s.maxReplicas !== 'number' || s.maxReplicas < 1) errs.push(fieldError.invalid('spec.maxReplicas', s.maxReplicas ?? 0, 'must be greater than 0'));
  else if (s.maxReplicas < min) errs.push(fieldError.invalid('spec.maxReplicas', s.maxReplicas, 'must be greater than or equal to `minReplicas`'));
  const ref = s.scaleTargetRef ?? {};
  if (!ref.kind) errs.push(fieldError.required('spec.scaleTargetRef.kind', ''));
  if (!ref.name) errs.push(fieldError.required('spec.scaleTargetRef.name', ''));
  return errs;
}

export function validatePodDisruptionBudget(pdb: KubeObject): FieldError[] {
  const errs = validateObjectMeta(pdb, true, nameIsDNSSubdomain);
  const s = pdb.spec ?? {};
  if (s.minAvailable !== undefined && s.maxUnavailable !== undefined) {
    errs.push(invalidGo('spec', s, 'policy.PodDisruptionBudgetSpec{...}', 'minAvailable and maxUnavailable cannot be both set'));
  }
  for (const f of ['minAvailable', 'maxUnavailable']) {
    const v = s[f];
    if (typeof v === 'number') errs.push(...validateNonnegativeField(v, `spec.${f}`));
    else if (typeof v === 'string') {
      if (!/^[0-9]+%$/.test(v)) {
        errs.push(invalidGo(`spec.${f}`, v, goIntOrString(v), regexError("a valid percent string must be a numeric string followed by an ending '%'", '[0-9]+%', '1%', '93%')));
      } else if (Number(v.slice(0, -1)) > 100) errs.push(invalidGo(`spec.${f}`, v, goIntOrString(v), 'must not be greater than 100%'));
    }
  }
  errs.push(...validateLabelSelector(s.selector, 'spec.selector'));
  return errs;
}
