// StatusError as the API server returns it (metav1.Status), with kubectl's wording.
import { fieldErrorMessage, type FieldError } from '../api/fieldErrors';

export type StatusReason = 'NotFound' | 'AlreadyExists' | 'Conflict' | 'Invalid' | 'BadRequest' | 'Forbidden' | 'MethodNotAllowed' | 'TooManyRequests';

const CODES: Record<StatusReason, number> = {
  NotFound: 404,
  AlreadyExists: 409,
  Conflict: 409,
  Invalid: 422,
  BadRequest: 400,
  Forbidden: 403,
  MethodNotAllowed: 405,
  TooManyRequests: 429,
};

export class ApiError extends Error {
  readonly code: number;
  constructor(
    readonly reason: StatusReason,
    message: string,
    readonly causes: FieldError[] = [],
  ) {
    super(message);
    this.code = CODES[reason];
  }
}

/** errors.NewNotFound: `deployments.apps "web" not found`. */
export function notFound(resource: string, name: string): ApiError {
  return new ApiError('NotFound', `${resource} "${name}" not found`);
}

export function alreadyExists(resource: string, name: string): ApiError {
  return new ApiError('AlreadyExists', `${resource} "${name}" already exists`);
}

/** errors.NewInvalid: `Deployment.apps "web" is invalid: [a, b]` (one cause printed bare). */
export function invalid(kind: string, group: string, name: string, errs: FieldError[]): ApiError {
  const qualified = group ? `${kind}.${group}` : kind;
  const msgs = errs.map(fieldErrorMessage);
  const body = msgs.length === 1 ? msgs[0] : `[${msgs.join(', ')}]`;
  return new ApiError('Invalid', `${qualified} "${name}" is invalid: ${body}`, errs);
}

/** The REST resource name kubectl prints in errors: "pods", "deployments.apps". */
export function qualifiedResource(plural: string, apiVersion: string): string {
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  return group ? `${plural}.${group}` : plural;
}
