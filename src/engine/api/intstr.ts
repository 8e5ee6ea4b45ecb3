// intstr.IntOrString and GetScaledValueFromIntOrPercent (k8s.io/apimachinery/pkg/util/intstr).
// OWNER: api-machinery helper — replace the bodies with the real implementation.
export type IntOrString = number | string;

/** Percent strings "25%" scale against total, rounding up or down; ints are returned as they are; other strings throw. */
export function getScaledValueFromIntOrPercent(_v: IntOrString | null | undefined, _total: number, _roundUp: boolean): number {
  throw new Error('not implemented');
}
