// -o jsonpath (k8s.io/client-go/util/jsonpath), the subset people type: {.a.b}, {.items[*].x},
// {.items[0].x}, {.items[-1].x}, {..name}, {range .items[*]}...{end}, {"\n"} literals and
// [?(@.field=="value")] filters. Several results of one expression are joined by a space.

type Node = { kind: 'text'; text: string } | { kind: 'expr'; path: string } | { kind: 'range'; path: string; body: Node[] };

export class JsonPathError extends Error {}

function parseTemplate(tpl: string): Node[] {
  const root: Node[] = [];
  const stack: Node[][] = [root];
  let i = 0;
  while (i < tpl.length) {
    const open = tpl.indexOf('{', i);
    if (open < 0) {
      stack[stack.length - 1].push({ kind: 'text', text: tpl.slice(i) });
      break;
    }
    if (open > i) stack[stack.length - 1].push({ kind: 'text', text: tpl.slice(i, open) });
    let depth = 0;
    let j = open;
    let quote: string | null = null;
    for (; j < tpl.length; j++) {
      const c = tpl[j];
      if (quote) {
        if (c === quote) quote = null;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) break;
    }
    if (j >= tpl.length) throw new JsonPathError(`unclosed action`);
    const inner = tpl.slice(open + 1, j).trim();
    i = j + 1;
    if (/^range\s/.test(inner)) {
      const node: Node = { kind: 'range', path: inner.slice(6).trim(), body: [] };
      stack[stack.length - 1].push(node);
      stack.push(node.body);
    } else if (inner === 'end') {
      if (stack.length === 1) throw new JsonPathError('not in range, nothing to end');
      stack.pop();
    } else if (/^(["']).*\1$/s.test(inner)) {
      const lit = inner.slice(1, -1).replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\r/g, '\r');
      stack[stack.length - 1].push({ kind: 'text', text: lit });
    } else {
      stack[stack.length - 1].push({ kind: 'expr', path: inner });
    }
  }
  if (stack.length > 1) throw new JsonPathError('unclosed range');
  return root;
}

type Step = { t: 'field'; name: string } | { t: 'all' } | { t: 'index'; i: number } | { t: 'slice'; a?: number; b?: number } | { t: 'recurse'; name: string } | { t: 'filter'; path: string; op?: string; value?: string };

function parsePath(p: string): Step[] {
  const steps: Step[] = [];
  let s = p.trim();
  if (s.startsWith('$')) s = s.slice(1);
  let i = 0;
  while (i < s.length) {
    if (s.startsWith('..', i)) {
      const m = /^\.\.([\w-]+)/.exec(s.slice(i));
      if (!m) throw new JsonPathError(`invalid path ${p}`);
      steps.push({ t: 'recurse', name: m[1] });
      i += m[0].length;
    } else if (s[i] === '.') {
      const m = /^\.([^.[\]]*)/.exec(s.slice(i))!;
      if (m[1] === '*') steps.push({ t: 'all' });
      else if (m[1]) steps.push({ t: 'field', name: m[1] });
      i += m[0].length;
    } else if (s[i] === '[') {
      const end = s.indexOf(']', i);
      if (end < 0) throw new JsonPathError(`unterminated array in ${p}`);
      const inner = s.slice(i + 1, end).trim();
      i = end + 1;
      if (inner === '*') steps.push({ t: 'all' });
      else if (/^-?\d+$/.test(inner)) steps.push({ t: 'index', i: Number(inner) });
      else if (/^-?\d*:-?\d*$/.test(inner)) {
        const [a, b] = inner.split(':');
        steps.push({ t: 'slice', a: a ? Number(a) : undefined, b: b ? Number(b) : undefined });
      } else if (/^'.*'$|^".*"$/.test(inner)) steps.push({ t: 'field', name: inner.slice(1, -1) });
      else {
        const f = /^\?\(@((?:\.[\w-]+)+)\s*(?:(==|!=|<=|>=|<|>)\s*(.+?))?\s*\)$/.exec(inner);
        if (!f) throw new JsonPathError(`unrecognized filter ${inner}`);
        steps.push({ t: 'filter', path: f[1], op: f[2], value: f[3]?.replace(/^(["'])(.*)\1$/, '$2') });
      }
    } else {
      const m = /^([\w-]+)/.exec(s.slice(i));
      if (!m) throw new JsonPathError(`invalid path ${p}`);
      steps.push({ t: 'field', name: m[1] });
      i += m[0].length;
    }
  }
  return steps;
}

function evalPath(data: unknown, path: string, allowMissing: boolean): unknown[] {
  let cur: unknown[] = [data];
  for (const st of parsePath(path)) {
    const next: unknown[] = [];
    for (const v of cur) {
      if (st.t === 'field') {
        if (v && typeof v === 'object' && !Array.isArray(v) && st.name in (v as object)) next.push((v as Record<string, unknown>)[st.name]);
        else if (!allowMissing) throw new JsonPathError(`${st.name} is not found`);
      } else if (st.t === 'all') {
        if (Array.isArray(v)) next.push(...v);
        else if (v && typeof v === 'object') next.push(...Object.values(v));
      } else if (st.t === 'index') {
        if (!Array.isArray(v)) continue;
        const i = st.i < 0 ? v.length + st.i : st.i;
        if (i < 0 || i >= v.length) throw new JsonPathError(`array index out of bounds: index ${st.i}, length ${v.length}`);
        next.push(v[i]);
      } else if (st.t === 'slice') {
        if (Array.isArray(v)) next.push(...v.slice(st.a, st.b));
      } else if (st.t === 'recurse') {
        const walk = (x: unknown) => {
          if (Array.isArray(x)) x.forEach(walk);
          else if (x && typeof x === 'object') {
            for (const [k, y] of Object.entries(x)) {
              if (k === st.name) next.push(y);
              walk(y);
            }
          }
        };
        walk(v);
      } else {
        const items = Array.isArray(v) ? v : [];
        for (const item of items) {
          const got = evalPath(item, st.path, true);
          if (!st.op) {
            if (got.length) next.push(item);
            continue;
          }
          const left = got.length ? got[0] : undefined;
          const l = typeof left === 'number' ? left : String(left);
          const r = typeof left === 'number' ? Number(st.value) : String(st.value);
          const ok =
            st.op === '==' ? l === r : st.op === '!=' ? l !== r : st.op === '<' ? l < r : st.op === '>' ? l > r : st.op === '<=' ? l <= r : l >= r;
          if (left !== undefined && ok) next.push(item);
        }
      }
    }
    cur = next;
  }
  return cur;
}

/** Go's fmt %v of JSON values, as the jsonpath printer writes them. */
function show(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export function jsonPath(template: string, data: unknown, allowMissing = true): string {
  const tpl = /^\{.*\}$/s.test(template.trim()) || template.includes('{') ? template : `{${template}}`;
  const run = (nodes: Node[], ctx: unknown): string => {
    let out = '';
    for (const n of nodes) {
      if (n.kind === 'text') out += n.text;
      else if (n.kind === 'expr') out += evalPath(ctx, n.path.startsWith('@') ? n.path.slice(1) : n.path, allowMissing).map(show).join(' ');
      else for (const item of evalPath(ctx, n.path, allowMissing)) out += run(n.body, item);
    }
    return out;
  };
  return run(parseTemplate(tpl), data);
}
