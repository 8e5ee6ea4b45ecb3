// Failures that happen while the API server decodes a request body (before defaulting and
// validation), e.g. a resource quantity that does not parse. The real server answers 400
// BadRequest: `Deployment in version "v1" cannot be handled as a Deployment: <reason>`.
import { ApiError } from '../../apiserver/errors';
import type { FieldError } from '../fieldErrors';
import type { KubeObject } from '../meta';
import { canonicalMilliQuantity } from '../quantity';

export class DecodeError extends Error {
  constructor(
    readonly field: string,
    readonly value: unknown,
    message: string,
  ) {
    super(message);
  }

  /** The same failure, its field path under `prefix` (built only when a request fails). */
  under(prefix: string): DecodeError {
    return new DecodeError(`${prefix}.${this.field}`, this.value, this.message);
  }
}

export function decodeFailure(obj: KubeObject, e: DecodeError): ApiError {
  const version = obj.apiVersion.includes('/') ? obj.apiVersion.split('/')[1] : obj.apiVersion;
  // The cause is not part of the real message; it lets the editor point at the offending line.
  const cause: FieldError = { type: 'FieldValueInvalid', field: e.field, value: e.value, detail: e.message };
  return new ApiError('BadRequest', `${obj.kind} in version "${version}" cannot be handled as a ${obj.kind}: ${e.message}`, [cause]);
}

/**
 * SetDefaults_ResourceList: every quantity is rounded up to milli precision and stored in its
 * canonical form ("0.25" -> "250m", "1024Mi" -> "1Gi").
 */
export function defaultResourceList(list: Record<string, unknown> | undefined, path: string): void {
  if (!list || typeof list !== 'object') return;
  for (const key of Object.keys(list)) {
    const v = list[key];
    if (typeof v !== 'string' && typeof v !== 'number') {
      throw new DecodeError(`${path}.${key}`, v, 'quantities must be strings or numbers');
    }
    try {
      list[key] = canonicalMilliQuantity(v);
    } catch (err) {
      throw new DecodeError(`${path}.${key}`, v, (err as Error).message);
    }
  }
}
