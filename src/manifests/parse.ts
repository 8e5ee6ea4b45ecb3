// Multi-document YAML parsing that keeps source positions, so problems the API server reports by
// field path ("spec.replicas") can be shown at the line and column of that field.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node as YamlNode } from 'yaml';
import type { Diagnostic } from './diagnostics';
import { parseFieldPath, type PathSegment } from './fieldPath';

export interface Position {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface ManifestDoc {
  /** 0-based index of the document in its file. */
  index: number;
  /** The plain JavaScript value of the document (null for an empty document). */
  value: unknown;
  /** Where the document starts. */
  start: Position;
  /** Position of a field path inside this document (the value, or the nearest parent that exists). */
  positionOf(path: string | PathSegment[]): Position;
  /** Position of the key of a field (falls back to positionOf). */
  keyPositionOf(path: string | PathSegment[]): Position;
}

export interface ParsedManifests {
  file: string;
  docs: ManifestDoc[];
  diagnostics: Diagnostic[];
}

/** Parse every document of a file; syntax errors become diagnostics with their positions. */
export function parseManifests(text: string, file: string): ParsedManifests {
  const lc = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  let parsed: Document.Parsed[];
  try {
    const r = parseAllDocuments(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true, merge: true });
    parsed = Array.isArray(r) ? r : [];
  } catch (e) {
    diagnostics.push({ file, line: 1, column: 1, message: `error converting YAML to JSON: ${(e as Error).message}`, severity: 'error' });
    return { file, docs: [], diagnostics };
  }
  const pos = (offset: number): Position => {
    const p = lc.linePos(Math.max(0, Math.min(offset, text.length)));
    return { line: p.line, column: p.col };
  };
  const range = (node: { range?: [number, number, number] | null } | null | undefined): Position | undefined => {
    if (!node?.range) return undefined;
    const s = pos(node.range[0]);
    const e = pos(node.range[1]);
    return { ...s, endLine: e.line, endColumn: e.column };
  };

  const docs: ManifestDoc[] = [];
  parsed.forEach((doc, index) => {
    if (doc.errors.length) {
      for (const err of doc.errors) {
        const p = pos(err.pos[0]);
        diagnostics.push({ file, line: p.line, column: p.column, message: yamlErrorMessage(err.code, err.message, text.slice(err.pos[0], err.pos[1])), severity: 'error' });
      }
      return;
    }
    for (const w of doc.warnings) {
      const p = pos(w.pos[0]);
      diagnostics.push({ file, line: p.line, column: p.column, message: w.message.split('\n')[0], severity: 'warning' });
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 1000 });
    } catch (e) {
      const p = range(doc.contents) ?? { line: 1, column: 1 };
      diagnostics.push({ file, line: p.line, column: p.column, message: `error converting YAML to JSON: ${(e as Error).message}`, severity: 'error' });
      return;
    }
    const docStart = range(doc.contents) ?? pos(doc.range[0]);
    const find = (path: string | PathSegment[], key: boolean): Position => {
      const segs = typeof path === 'string' ? parseFieldPath(path) : path;
      let node: unknown = doc.contents;
      let best: Position = docStart;
      for (const seg of segs) {
        if (isMap(node)) {
          const pair = node.items.find((it) => isPair(it) && keyString(it.key) === String(seg));
          if (!pair) return best;
          const kp = range(pair.key as YamlNode);
          const vp = range(pair.value as YamlNode | null);
          best = key ? (kp ?? best) : (vp ?? kp ?? best);
          node = pair.value;
        } else if (isSeq(node) && typeof seg === 'number') {
          const item = node.items[seg];
          if (item === undefined) return best;
          best = range(item as YamlNode) ?? best;
          node = item;
        } else {
          return best;
        }
      }
      return best;
    };
    docs.push({
      index,
      value: value === undefined ? null : value,
      start: docStart,
      positionOf: (p) => find(p, false),
      keyPositionOf: (p) => find(p, true),
    });
  });
  return { file, docs, diagnostics };
}

function keyString(k: unknown): string {
  if (isScalar(k)) return String(k.value);
  return String(k);
}

/**
 * kubectl reports YAML problems through sigs.k8s.io/yaml (go-yaml), so the common ones get
 * go-yaml's wording; the rest keep the JavaScript parser's first line. The line number go-yaml
 * puts in the text is left out: the diagnostic's own position says where.
 */
function yamlErrorMessage(code: string, m: string, source: string): string {
  const first = m.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  const go: Record<string, string> = {
    BLOCK_AS_IMPLICIT_KEY: 'mapping values are not allowed in this context',
    TAB_AS_INDENT: 'found character that cannot start any token',
    DUPLICATE_KEY: `unmarshal errors: mapping key ${JSON.stringify(source.replace(/:$/, '').trim())} already defined`,
  };
  let text = go[code];
  if (!text && /^Flow sequence/.test(first)) text = "did not find expected ',' or ']'";
  if (!text && /^Flow map/.test(first)) text = "did not find expected ',' or '}'";
  if (!text && /^Missing closing "?quote/.test(first)) text = 'found unexpected end of stream';
  return `error converting YAML to JSON: yaml: ${text ?? first.charAt(0).toLowerCase() + first.slice(1)}`;
}
