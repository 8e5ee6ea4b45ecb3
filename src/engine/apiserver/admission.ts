// The admission chain, in the API server's order: defaulting (at decode), strategy
// PrepareForCreate/PrepareForUpdate, mutating admission plugins, then validation (strategy
// Validate + validating admission). Plugins are plain functions registered by name.
import type { FieldError } from '../api/fieldErrors';
import type { KubeObject } from '../api/meta';

export type Operation = 'CREATE' | 'UPDATE';

export interface AdmissionContext {
  op: Operation;
  /** Simulated now, RFC 3339. */
  now: string;
  /** Read access to the store for plugins that look things up (PriorityClass, Namespace...). */
  get(kind: string, namespace: string | undefined, name: string): KubeObject | undefined;
  list(kind: string, namespace?: string): KubeObject[];
}

/** Mutates `obj` in place (it is the server's private copy). */
export type MutatingPlugin = (obj: KubeObject, old: KubeObject | undefined, ctx: AdmissionContext) => void;
/** Returns field errors; any error rejects the request with 422 Invalid. */
export type ValidatingPlugin = (obj: KubeObject, old: KubeObject | undefined, ctx: AdmissionContext) => readonly FieldError[];
/** A plugin that rejects with a non-field error (e.g. Forbidden), by throwing an ApiError. */

/** A plugin's "no errors", shared: nearly every request passes every plugin. */
export const NO_ERRORS: readonly FieldError[] = Object.freeze([]);

export class AdmissionChain {
  readonly mutating: { name: string; fn: MutatingPlugin }[] = [];
  readonly validating: { name: string; fn: ValidatingPlugin }[] = [];

  addMutating(name: string, fn: MutatingPlugin): void {
    this.mutating.push({ name, fn });
  }

  addValidating(name: string, fn: ValidatingPlugin): void {
    this.validating.push({ name, fn });
  }

  mutate(obj: KubeObject, old: KubeObject | undefined, ctx: AdmissionContext): void {
    for (const p of this.mutating) p.fn(obj, old, ctx);
  }

  validate(obj: KubeObject, old: KubeObject | undefined, ctx: AdmissionContext): FieldError[] {
    let errs: FieldError[] | undefined;
    for (const p of this.validating) {
      const e = p.fn(obj, old, ctx);
      if (e.length) errs = errs ? errs.concat(e) : [...e];
    }
    return errs ?? [];
  }
}
