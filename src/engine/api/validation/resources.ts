// ResourceRequirements validation (pkg/apis/core/validation/validation.go
// ValidateResourceRequirements, validateContainerResourceName, ValidateResourceQuantityValue).
import { fieldError, type FieldError } from '../fieldErrors';
import { parseQuantity, type QuantityValue } from '../quantity';
import { IS_NEGATIVE_ERROR_MSG } from './objectMeta';
import { isQualifiedName } from './names';

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

function isHugePage(name: string): boolean {
  return name.startsWith('hugepages-');
}

/** A native resource has no domain or lives under kubernetes.io. */
function isNative(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

function isExtended(name: string): boolean {
  if (isNative(name) || name.startsWith('requests.')) return false;
  return isQualifiedName(`requests.${name}`).length === 0;
}

function isOvercommitAllowed(name: string): boolean {
  return isNative(name) && !isHugePage(name);
}

function validateContainerResourceName(name: string, path: string): FieldError[] {
  // cpu, memory and ephemeral-storage are valid qualified names: nothing to check.
  if (STANDARD_CONTAINER_RESOURCES.has(name)) return [];
  const errs = isQualifiedName(name).map((m) => fieldError.invalid(path, name, m));
  if (!name.includes('/')) {
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !isHugePage(name)) return [...errs, fieldError.invalid(path, name, 'must be a standard resource for containers')];
  } else if (!isNative(name) && !isExtended(name)) {
    return [...errs, fieldError.invalid(path, name, "doesn't follow extended resource name standard")];
  }
  return errs;
}

function quantityOf(v: unknown): QuantityValue | undefined {
  try {
    return parseQuantity(v as string);
  } catch {
    return undefined;
  }
}

function validateQuantityValue(name: string, q: QuantityValue, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (q.sign() < 0) errs.push(fieldError.invalid(path, q.toString(), IS_NEGATIVE_ERROR_MSG));
  if (isExtended(name) && q.milliValueBig() % 1000n !== 0n) errs.push(fieldError.invalid(path, q.toString(), 'must be an integer'));
  return errs;
}

/** `<path>.limits[cpu]`: built only past the standard-resource fast path below (every container of every pod passes here). */
function resourceField(path: string, list: string, name: string): string {
  return `${path}.${list}[${name}]`;
}

/** The name and value checks of one entry; a standard resource with a non-negative value has nothing to report. */
function validateResourceEntry(name: string, q: QuantityValue | undefined, path: string, list: string, errs: FieldError[]): void {
  const standard = STANDARD_CONTAINER_RESOURCES.has(name);
  if (!standard) errs.push(...validateContainerResourceName(name, resourceField(path, list, name)));
  if (q && (!standard || q.sign() < 0)) errs.push(...validateQuantityValue(name, q, resourceField(path, list, name)));
}

export function validateResourceRequirements(res: any, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!res || typeof res !== 'object') return errs;
  const limits: Record<string, unknown> = res.limits && typeof res.limits === 'object' ? res.limits : {};
  const requests: Record<string, unknown> = res.requests && typeof res.requests === 'object' ? res.requests : {};
  for (const name of Object.keys(limits)) validateResourceEntry(name, quantityOf(limits[name]), path, 'limits', errs);
  for (const name of Object.keys(requests)) {
    const q = quantityOf(requests[name]);
    validateResourceEntry(name, q, path, 'requests', errs);
    if (!q) continue;
    if (name in limits) {
      const lim = quantityOf(limits[name]);
      if (!lim) continue;
      if (q.cmp(lim) !== 0 && !isOvercommitAllowed(name)) {
        errs.push(fieldError.invalid(`${path}.requests`, q.toString(), `must be equal to ${name} limit of ${lim.toString()}`));
      } else if (q.cmp(lim) > 0) {
        errs.push(fieldError.invalid(`${path}.requests`, q.toString(), `must be less than or equal to ${name} limit of ${lim.toString()}`));
      }
    } else if (!isOvercommitAllowed(name)) {
      errs.push(fieldError.required(`${path}.limits`, 'Limit must be set for non overcommitable resources'));
    }
  }
  return errs;
}
