// Scheme defaulting for batch/v1 (pkg/apis/batch/v1/defaults.go).
import type { KubeObject } from '../meta';
import { defaultPodTemplate } from './core';

const MAX_INT32 = 2147483647;

export function defaultJob(job: KubeObject): void {
  job.spec = job.spec ?? {};
  const s = job.spec;
  const unset = (v: unknown) => v === undefined || v === null;
  // A non-parallel job may leave both unset; both then default to 1.
  if (unset(s.completions) && unset(s.parallelism)) {
    s.completions = 1;
    s.parallelism = 1;
  }
  if (unset(s.parallelism)) s.parallelism = 1;
  if (unset(s.backoffLimit)) s.backoffLimit = unset(s.backoffLimitPerIndex) ? 6 : MAX_INT32;
  const tl = s.template?.metadata?.labels;
  if (tl && Object.keys(job.metadata.labels ?? {}).length === 0) job.metadata.labels = { ...tl };
  if (!s.completionMode) s.completionMode = 'NonIndexed';
  if (unset(s.suspend)) s.suspend = false;
  for (const rule of s.podFailurePolicy?.rules ?? []) {
    for (const pattern of rule?.onPodConditions ?? []) if (pattern && !pattern.status) pattern.status = 'True';
  }
  if (!s.podReplacementPolicy) s.podReplacementPolicy = s.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed';
  defaultPodTemplate(s.template, 'spec.template');
}

export function defaultCronJob(cj: KubeObject): void {
  cj.spec = cj.spec ?? {};
  const s = cj.spec;
  if (!s.concurrencyPolicy) s.concurrencyPolicy = 'Allow';
  if (s.suspend === undefined || s.suspend === null) s.suspend = false;
  if (s.successfulJobsHistoryLimit === undefined || s.successfulJobsHistoryLimit === null) s.successfulJobsHistoryLimit = 3;
  if (s.failedJobsHistoryLimit === undefined || s.failedJobsHistoryLimit === null) s.failedJobsHistoryLimit = 1;
  // The job template's JobSpec gets no Job defaults (those belong to the Job type), only PodSpec ones.
  defaultPodTemplate(s.jobTemplate?.spec?.template, 'spec.jobTemplate.spec.template');
}
