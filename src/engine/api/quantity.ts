// resource.Quantity (k8s.io/apimachinery/pkg/api/resource): parsing, canonical form, values.
// OWNER: api-machinery helper — replace the bodies with the real implementation.

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export class QuantityError extends Error {}

export interface Quantity {
  readonly format: QuantityFormat;
  /** Canonical String(), e.g. "250m", "1Gi". */
  toString(): string;
  /** MilliValue(), rounded up. */
  milliValue(): number;
  /** Value(), rounded up. */
  value(): number;
  sign(): -1 | 0 | 1;
}

/** resource.ParseQuantity: throws QuantityError("quantities must match the regular expression ...") when invalid. */
export function parseQuantity(_s: string | number): Quantity {
  throw new QuantityError('not implemented');
}

/** Canonical form of a quantity string (what the API server stores). */
export function canonicalQuantity(s: string | number): string {
  return parseQuantity(s).toString();
}
