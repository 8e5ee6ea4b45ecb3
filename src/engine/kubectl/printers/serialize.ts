// -o json / -o yaml as kubectl prints them: objects decoded as unstructured maps, so keys come
// out sorted; JSON indented by 4 spaces; YAML as sigs.k8s.io/yaml (go-yaml) writes it.
import { stringify } from 'yaml';

export function sortKeysDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeysDeep);
  if (v && typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) o[k] = sortKeysDeep(x);
    }
    return o;
  }
  return v;
}

export function toJson(v: unknown): string {
  return JSON.stringify(sortKeysDeep(v), null, 4) + '\n';
}

export function toYaml(v: unknown): string {
  return stringify(sortKeysDeep(v), { indentSeq: false, lineWidth: 0, version: '1.1', aliasDuplicateObjects: false });
}

/** What kubectl prints for more than one object: a v1 List. */
export function asList(items: unknown[]): Record<string, unknown> {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}
