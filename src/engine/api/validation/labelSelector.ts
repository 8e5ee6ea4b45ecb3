// metav1 LabelSelector validation (staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/validation).
import { fieldError, type FieldError } from '../fieldErrors';
import { isValidLabelValue } from './names';
import { validateLabelName, validateLabels } from './objectMeta';

export function validateLabelSelector(sel: any, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (sel === null || sel === undefined) return errs;
  errs.push(...validateLabels(sel.matchLabels, `${path}.matchLabels`));
  (Array.isArray(sel.matchExpressions) ? sel.matchExpressions : []).forEach((sr: any, i: number) => {
    const p = `${path}.matchExpressions[${i}]`;
    const vals: unknown[] = Array.isArray(sr?.values) ? sr.values : [];
    switch (sr?.operator) {
      case 'In':
      case 'NotIn':
        if (vals.length === 0) errs.push(fieldError.required(`${p}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (vals.length > 0) errs.push(fieldError.forbidden(`${p}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        break;
      default:
        errs.push(fieldError.invalid(`${p}.operator`, sr?.operator ?? '', 'not a valid selector operator'));
    }
    errs.push(...validateLabelName(sr?.key ?? '', `${p}.key`));
    vals.forEach((v, j) => {
      for (const m of isValidLabelValue(String(v))) errs.push(fieldError.invalid(`${p}.values[${j}]`, v, m));
    });
  });
  return errs;
}
