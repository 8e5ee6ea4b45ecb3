// kubectl get (k8s.io/kubectl/pkg/cmd/get/get.go): tables per kind (-o wide adds columns),
// -o name|json|yaml, -l, -n, -A, --show-labels, --no-headers, several types at once and "all".
import type { KubeObject } from '../../api/meta';
import { resolveResource, type KindInfo } from '../../api/kinds';
import type { Simulation } from '../../sim/simulation';
import { asList, toJson, toYaml } from '../printers/serialize';
import { jsonPath, JsonPathError } from '../printers/jsonpath';
import { tableFor } from '../printers/tables';
import { tabwrite } from '../printers/tabwriter';
import { allNamespaces, formatError, getObject, kindName, KubectlError, listObjects, namespaceOf, objectName, parseResourceArgs, type ResourceRef } from '../resources';
import { flagBool, flagString, type KubectlResult, type ParsedArgs } from '../types';

/** The "all" category (kubectl api-resources --categories all). */
const ALL = ['pods', 'services', 'daemonsets', 'deployments', 'replicasets', 'statefulsets', 'horizontalpodautoscalers', 'cronjobs', 'jobs'];

export function get(sim: Simulation, a: ParsedArgs): KubectlResult {
  if (a.args.length === 0) {
    throw new KubectlError(
      "You must specify the type of resource to get. Use \"kubectl api-resources\" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse \"kubectl explain <resource>\" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples",
    );
  }
  const expanded = a.args[0] === 'all' || a.args[0].split(',').includes('all')
    ? [a.args[0].split(',').flatMap((t) => (t === 'all' ? ALL : [t])).join(','), ...a.args.slice(1)]
    : a.args;
  const refs = parseResourceArgs(expanded);
  const output = flagString(a, 'output');
  const errors: string[] = [];
  const groups: { info: KindInfo; objs: KubeObject[] }[] = [];
  const groupOf = (info: KindInfo) => {
    let g = groups.find((x) => x.info.kind === info.kind);
    if (!g) groups.push((g = { info, objs: [] }));
    return g;
  };
  const singleNamed = refs.length === 1 && refs[0].name !== undefined;
  for (const r of refs as ResourceRef[]) {
    if (r.name !== undefined) {
      try {
        const o = getObject(sim, r.info, r.name, a);
        groupOf(r.info).objs.push(o);
      } catch (e) {
        if (!flagBool(a, 'ignore-not-found')) errors.push(formatError(e));
      }
    } else {
      const objs = listObjects(sim, r.info, a);
      // "get all" leaves out the types with nothing to show; an explicit type shows "No resources".
      if (objs.length) groupOf(r.info).objs.push(...objs);
    }
  }
  const sortBy = flagString(a, 'sort-by');
  if (sortBy) {
    // --sort-by: a JSONPath per object, compared as numbers or strings (kubectl's RuntimeSort).
    const key = (o: KubeObject) => {
      try {
        return jsonPath(sortBy.startsWith('{') ? sortBy : `{${sortBy}}`, o);
      } catch {
        return '';
      }
    };
    for (const g of groups) {
      const keyed = g.objs.map((o) => ({ o, k: key(o) }));
      keyed.sort((x, y) => {
        const nx = Number(x.k);
        const ny = Number(y.k);
        if (x.k !== '' && y.k !== '' && !Number.isNaN(nx) && !Number.isNaN(ny)) return nx - ny;
        return x.k < y.k ? -1 : x.k > y.k ? 1 : 0;
      });
      g.objs = keyed.map((x) => x.o);
    }
  }
  const objs = groups.flatMap((g) => g.objs);
  let stdout = '';
  let stderr = '';
  if (output === 'json' || output === 'yaml') {
    const body = singleNamed && objs.length === 1 ? objs[0] : asList(objs);
    stdout = objs.length || !singleNamed ? (output === 'json' ? toJson(body) : toYaml(body)) : '';
  } else if (output.startsWith('jsonpath=') || output.startsWith('jsonpath-as-json=')) {
    const tpl = output.slice(output.indexOf('=') + 1);
    const body = singleNamed && objs.length === 1 ? objs[0] : asList(objs);
    try {
      stdout = jsonPath(tpl, body);
    } catch (e) {
      if (e instanceof JsonPathError) throw new KubectlError(`error: error executing jsonpath ${JSON.stringify(tpl)}: ${e.message}`);
      throw e;
    }
  } else if (output.startsWith('custom-columns=')) {
    // custom-columns=HEADER:.json.path,...: one column per spec, "<none>" when the path is missing.
    const specs = output.slice('custom-columns='.length).split(',').filter(Boolean).map((c) => {
      const i = c.indexOf(':');
      if (i < 0) throw new KubectlError(`error: unexpected custom-columns spec: ${c}, expected <header>:<json-path-expr>`);
      const path = c.slice(i + 1).trim();
      return { header: c.slice(0, i), path: path.startsWith('{') ? path : `{${path.startsWith('.') ? path : '.' + path}}` };
    });
    const rows = objs.map((o) =>
      specs.map((sp) => {
        try {
          return jsonPath(sp.path, o) || '<none>';
        } catch {
          return '<none>';
        }
      }),
    );
    stdout = tabwrite(flagBool(a, 'no-headers') ? rows : [specs.map((sp) => sp.header), ...rows]);
  } else if (output === 'name') {
    stdout = objs.map((o) => objectName(o) + '\n').join('');
  } else if (output === '' || output === 'wide') {
    const wide = output === 'wide';
    const withKind = groups.length > 1 || new Set(refs.map((r) => r.info.kind)).size > 1;
    const withNs = allNamespaces(a);
    stdout = groups
      .map((g) =>
        renderTable(sim, g.info, g.objs, {
          wide,
          withKind,
          withNs,
          showLabels: flagBool(a, 'show-labels'),
          noHeaders: flagBool(a, 'no-headers'),
          labelColumns: (a.multi['label-columns'] ?? []).flatMap((x) => x.split(',')).filter(Boolean),
        }),
      )
      .join('\n');
  } else {
    throw new KubectlError(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: custom-columns,json,jsonpath,name,wide,yaml`);
  }
  if (objs.length === 0 && errors.length === 0 && output !== 'json' && output !== 'yaml') {
    const nsScoped = refs.some((r) => r.info.namespaced) && !allNamespaces(a);
    stderr += nsScoped ? `No resources found in ${namespaceOf(sim, a)} namespace.\n` : 'No resources found\n';
  }
  for (const e of errors) stderr += e + '\n';
  return { stdout, stderr, exitCode: errors.length ? 1 : 0 };
}

export interface TableOptions {
  wide?: boolean;
  withKind?: boolean;
  withNs?: boolean;
  showLabels?: boolean;
  noHeaders?: boolean;
  /** -L: one column per label key, titled with the key upper-cased. */
  labelColumns?: string[];
}

export function renderTable(sim: Simulation, info: KindInfo, objs: KubeObject[], o: TableOptions = {}): string {
  const def = tableFor(info.kind);
  const header = o.wide && def.wideColumns ? [...def.wideColumns] : [...def.columns, ...(o.wide ? (def.wide ?? []) : [])];
  if (o.withNs && info.namespaced) header.unshift('NAMESPACE');
  for (const l of o.labelColumns ?? []) header.push(l.slice(l.lastIndexOf('/') + 1).toUpperCase());
  if (o.showLabels) header.push('LABELS');
  const rows: string[][] = o.noHeaders ? [] : [header];
  for (const obj of objs) {
    const cells = def.row(sim, obj, !!o.wide);
    if (o.withKind && def.columns[0] === 'NAME') cells[0] = `${kindName(info)}/${cells[0]}`;
    if (o.withNs && info.namespaced) cells.unshift(obj.metadata.namespace ?? '');
    for (const l of o.labelColumns ?? []) cells.push(obj.metadata.labels?.[l] ?? '');
    if (o.showLabels) cells.push(Object.entries(obj.metadata.labels ?? {}).sort(([x], [y]) => (x < y ? -1 : 1)).map(([k, v]) => `${k}=${v}`).join(',') || '<none>');
    rows.push(cells);
  }
  return tabwrite(rows);
}

/** Convenience for the CLI's -o table: every served kind with objects, one table each. */
export function renderAllTables(sim: Simulation, kinds: string[]): string {
  const parts: string[] = [];
  for (const k of kinds) {
    const info = resolveResource(k);
    if (!info) continue;
    const objs = listObjects(sim, info, { verb: 'get', args: [], flags: { 'all-namespaces': true }, multi: {} });
    if (objs.length) parts.push(renderTable(sim, info, objs, { withNs: true, withKind: true }));
  }
  return parts.join('\n');
}
