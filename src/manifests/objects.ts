// From parsed documents to API objects, with the checks kubectl makes before it sends anything:
// a document must be a map with apiVersion and kind (kubectl's schema validation wording), and the
// kind must be one the server serves (the RESTMapper's "resource mapping not found").
import { kindInfo } from '../engine/api/kinds';
import type { KubeObject } from '../engine/api/meta';
import type { Diagnostic } from './diagnostics';
import type { ManifestDoc, ParsedManifests } from './parse';
import { checkTypes } from './decodeTypes';

export interface SourcedObject {
  object: KubeObject;
  doc: ManifestDoc;
  file: string;
}

export interface ObjectsResult {
  objects: SourcedObject[];
  diagnostics: Diagnostic[];
}

const VALIDATE_HINT = '; if you choose to ignore these errors, turn validation off with --validate=false';

/**
 * Turn every document into an object. `accept` lets a caller take documents of its own kinds
 * (the kubeplay Scenario) before the API-kind checks.
 */
export function toObjects(p: ParsedManifests, accept?: (v: Record<string, unknown>, doc: ManifestDoc) => boolean): ObjectsResult {
  const objects: SourcedObject[] = [];
  const diagnostics: Diagnostic[] = [...p.diagnostics];
  const err = (doc: ManifestDoc, path: string, message: string, key = false) => {
    const pos = key ? doc.keyPositionOf(path) : doc.positionOf(path);
    diagnostics.push({ file: p.file, line: pos.line, column: pos.column, endLine: pos.endLine, endColumn: pos.endColumn, message, severity: 'error' });
  };
  for (const doc of p.docs) {
    const v = doc.value;
    if (v === null || v === undefined) continue; // empty documents ("---" at the end) are skipped, as kubectl does
    if (typeof v !== 'object' || Array.isArray(v)) {
      const what = Array.isArray(v) ? 'array' : typeof v === 'string' ? 'string' : typeof v === 'number' ? 'number' : 'bool';
      err(doc, '', `unable to decode "${p.file}": json: cannot unmarshal ${what} into Go value of type map[string]interface {}`);
      continue;
    }
    const m = v as Record<string, unknown>;
    if (accept?.(m, doc)) continue;
    const missing: string[] = [];
    if (typeof m.apiVersion !== 'string' || !m.apiVersion) missing.push('apiVersion not set');
    if (typeof m.kind !== 'string' || !m.kind) missing.push('kind not set');
    if (missing.length) {
      const body = missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`;
      err(doc, '', `error validating "${p.file}": error validating data: ${body}${VALIDATE_HINT}`);
      continue;
    }
    const info = kindInfo(m.kind as string);
    if (!info || info.apiVersion !== m.apiVersion) {
      const md = (m.metadata ?? {}) as Record<string, unknown>;
      const name = typeof md.name === 'string' ? md.name : '';
      const ns = typeof md.namespace === 'string' ? md.namespace : '';
      err(doc, 'kind', `resource mapping not found for name: "${name}" namespace: "${ns}" from "${p.file}": no matches for kind "${m.kind}" in version "${m.apiVersion}"`);
      continue;
    }
    const typeErrs = checkTypes(m);
    if (typeErrs.length) {
      for (const te of typeErrs) {
        err(doc, te.path, `${info.kind} in version "${info.apiVersion.split('/').pop()}" cannot be handled as a ${info.kind}: ${te.message}`);
      }
      continue;
    }
    objects.push({ object: m as unknown as KubeObject, doc, file: p.file });
  }
  return { objects, diagnostics };
}
