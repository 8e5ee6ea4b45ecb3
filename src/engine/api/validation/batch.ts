// batch/v1 validation (pkg/apis/batch/validation/validation.go).
import { fieldError, type FieldError } from '../fieldErrors';
import { labelSelectorAsSelector } from '../labels';
import { deepEqual, type KubeObject } from '../meta';
import { goStringMap, invalidGo } from './goValue';
import { nameIsDNSSubdomain } from './names';
import { FIELD_IMMUTABLE_ERROR_MSG, validateNonnegativeField, validateObjectMeta } from './objectMeta';
import { validateLabelSelector } from './labelSelector';
import { validatePodTemplateSpec } from './apps';

const COMPLETION_MODES = ['NonIndexed', 'Indexed'];

function validateJobTemplate(t: any, path: string): FieldError[] {
  const errs = validatePodTemplateSpec(t, path);
  const rp = t?.spec?.restartPolicy;
  if (rp !== 'OnFailure' && rp !== 'Never') {
    errs.push(fieldError.required(`${path}.spec.restartPolicy`, 'valid values: "OnFailure", "Never"'));
  }
  return errs;
}

export function validateJobSpec(s: any, path: string, checkSelector: boolean): FieldError[] {
  const errs: FieldError[] = [];
  if (s?.parallelism !== undefined && s?.parallelism !== null) errs.push(...validateNonnegativeField(s.parallelism, `${path}.parallelism`));
  if (s?.completions !== undefined && s?.completions !== null) errs.push(...validateNonnegativeField(s.completions, `${path}.completions`));
  if (s?.activeDeadlineSeconds !== undefined && s?.activeDeadlineSeconds !== null) {
    errs.push(...validateNonnegativeField(s.activeDeadlineSeconds, `${path}.activeDeadlineSeconds`));
  }
  if (s?.backoffLimit !== undefined && s?.backoffLimit !== null) errs.push(...validateNonnegativeField(s.backoffLimit, `${path}.backoffLimit`));
  if (s?.ttlSecondsAfterFinished !== undefined && s?.ttlSecondsAfterFinished !== null) {
    errs.push(...validateNonnegativeField(s.ttlSecondsAfterFinished, `${path}.ttlSecondsAfterFinished`));
  }
  if (s?.completionMode && !COMPLETION_MODES.includes(s.completionMode)) {
    errs.push(fieldError.notSupported(`${path}.completionMode`, s.completionMode, COMPLETION_MODES));
  }
  if (s?.completionMode === 'Indexed' && (s.completions === undefined || s.completions === null)) {
    errs.push(fieldError.required(`${path}.completions`, 'when completion mode is Indexed'));
  }
  if (checkSelector) {
    if (!s?.selector) errs.push(fieldError.required(`${path}.selector`, ''));
    else {
      errs.push(...validateLabelSelector(s.selector, `${path}.selector`));
      try {
        const sel = labelSelectorAsSelector(s.selector);
        const labels = s.template?.metadata?.labels;
        if (!sel.matches(labels ?? {})) {
          errs.push(invalidGo(`${path}.template.metadata.labels`, labels, goStringMap(labels), '`selector` does not match template `labels`'));
        }
      } catch {
        /* reported by validateLabelSelector */
      }
    }
  }
  errs.push(...validateJobTemplate(s?.template, `${path}.template`));
  return errs;
}

export function validateJob(job: KubeObject): FieldError[] {
  const errs = validateObjectMeta(job, true, nameIsDNSSubdomain);
  errs.push(...validateJobSpec(job.spec ?? {}, 'spec', true));
  return errs;
}

/** Selector, template and completions of a Job are immutable once created (apart from a few scheduling fields). */
export function validateJobUpdate(job: KubeObject, old: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  if (!deepEqual(job.spec?.selector, old.spec?.selector)) errs.push(fieldError.invalid('spec.selector', job.spec?.selector, FIELD_IMMUTABLE_ERROR_MSG));
  if (!deepEqual(job.spec?.template, old.spec?.template)) errs.push(fieldError.invalid('spec.template', job.spec?.template, FIELD_IMMUTABLE_ERROR_MSG));
  if (!deepEqual(job.spec?.completions, old.spec?.completions) && job.spec?.completionMode !== 'Indexed') {
    errs.push(fieldError.invalid('spec.completions', job.spec?.completions, FIELD_IMMUTABLE_ERROR_MSG));
  }
  if (!deepEqual(job.spec?.completionMode, old.spec?.completionMode)) {
    errs.push(fieldError.invalid('spec.completionMode', job.spec?.completionMode, FIELD_IMMUTABLE_ERROR_MSG));
  }
  return errs;
}

const CONCURRENCY_POLICIES = ['Allow', 'Forbid', 'Replace'];

export function validateCronJob(cj: KubeObject): FieldError[] {
  const errs = validateObjectMeta(cj, true, nameIsDNSSubdomain);
  // A CronJob name leaves 11 characters for the Job name suffix.
  if (cj.metadata.name && cj.metadata.name.length > 52) errs.push(fieldError.invalid('metadata.name', cj.metadata.name, 'must be no more than 52 characters'));
  const s = cj.spec ?? {};
  if (!s.schedule) errs.push(fieldError.required('spec.schedule', ''));
  else if (typeof s.schedule === 'string' && s.schedule.trim().split(/\s+/).length !== 5 && !s.schedule.trim().startsWith('@')) {
    errs.push(fieldError.invalid('spec.schedule', s.schedule, `Expected exactly 5 fields, found ${s.schedule.trim().split(/\s+/).length}: ${s.schedule}`));
  }
  if (s.startingDeadlineSeconds !== undefined && s.startingDeadlineSeconds !== null) {
    errs.push(...validateNonnegativeField(s.startingDeadlineSeconds, 'spec.startingDeadlineSeconds'));
  }
  if (!s.concurrencyPolicy) errs.push(fieldError.required('spec.concurrencyPolicy', ''));
  else if (!CONCURRENCY_POLICIES.includes(s.concurrencyPolicy)) errs.push(fieldError.notSupported('spec.concurrencyPolicy', s.concurrencyPolicy, CONCURRENCY_POLICIES));
  errs.push(...validateNonnegativeField(s.successfulJobsHistoryLimit, 'spec.successfulJobsHistoryLimit'));
  errs.push(...validateNonnegativeField(s.failedJobsHistoryLimit, 'spec.failedJobsHistoryLimit'));
  if (s.jobTemplate?.spec?.manualSelector === true || s.jobTemplate?.spec?.selector) {
    // A CronJob's jobs get generated selectors; only validate what was given.
    errs.push(...validateLabelSelector(s.jobTemplate.spec.selector, 'spec.jobTemplate.spec.selector'));
  }
  errs.push(...validateJobSpec(s.jobTemplate?.spec ?? {}, 'spec.jobTemplate.spec', false));
  return errs;
}
