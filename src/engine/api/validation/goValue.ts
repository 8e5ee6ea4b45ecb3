// Go's %#v rendering of the values the API server prints in field errors for map and struct
// types (field.Error.ErrorBody falls back to %#v for them), e.g.
// `map[string]string{"app":"web"}` or `intstr.IntOrString{Type:0, IntVal:0, StrVal:""}`.
import type { FieldError } from '../fieldErrors';

function goQuote(s: string): string {
  return JSON.stringify(s);
}

export function goStringMap(m: Record<string, string> | undefined | null): string {
  if (!m) return 'map[string]string(nil)';
  const keys = Object.keys(m).sort();
  return `map[string]string{${keys.map((k) => `${goQuote(k)}:${goQuote(String(m[k]))}`).join(', ')}}`;
}

export function goIntOrString(v: unknown): string {
  if (typeof v === 'string') return `intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(v)}}`;
  const n = typeof v === 'number' ? v : 0;
  return `intstr.IntOrString{Type:0, IntVal:${n}, StrVal:""}`;
}

function goStringSlice(v: unknown): string {
  if (!Array.isArray(v)) return '[]string(nil)';
  return `[]string{${v.map((x) => goQuote(String(x))).join(', ')}}`;
}

export function goLabelSelector(sel: any): string {
  if (sel === null || sel === undefined) return 'null';
  const exprs = Array.isArray(sel.matchExpressions)
    ? `[]v1.LabelSelectorRequirement{${sel.matchExpressions
        .map((e: any) => `v1.LabelSelectorRequirement{Key:${goQuote(e?.key ?? '')}, Operator:${goQuote(e?.operator ?? '')}, Values:${goStringSlice(e?.values)}}`)
        .join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return `v1.LabelSelector{MatchLabels:${goStringMap(sel.matchLabels)}, MatchExpressions:${exprs}}`;
}

export function goSlice(v: unknown): string {
  return goStringSlice(v);
}

/** field.Invalid whose value Go prints with %#v. */
export function invalidGo(field: string, value: unknown, rendered: string, detail: string): FieldError {
  return { type: 'FieldValueInvalid', field, value, omitValue: true, detail: detail ? `${rendered}: ${detail}` : rendered };
}

function goInt64Ptr(v: unknown): string {
  return typeof v === 'number' ? `(*int64)(${v})` : '(*int64)(nil)';
}

export function goToleration(t: any): string {
  return `core.Toleration{Key:${goQuote(t?.key ?? '')}, Operator:${goQuote(t?.operator ?? '')}, Value:${goQuote(t?.value ?? '')}, Effect:${goQuote(t?.effect ?? '')}, TolerationSeconds:${goInt64Ptr(t?.tolerationSeconds)}}`;
}

export function goTaint(t: any): string {
  return `core.Taint{Key:${goQuote(t?.key ?? '')}, Value:${goQuote(t?.value ?? '')}, Effect:${goQuote(t?.effect ?? '')}, TimeAdded:(*v1.Time)(nil)}`;
}

/** The (protocol, port) key validation builds to find duplicate Service ports. */
export function goServicePortKey(protocol: string, port: number): string {
  return `core.ServicePort{Name:"", Protocol:${goQuote(protocol ?? '')}, AppProtocol:(*string)(nil), Port:${port ?? 0}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`;
}
