// Resource arguments as kubectl's resource.Builder reads them: "TYPE NAME...", "TYPE/NAME...",
// "TYPE1,TYPE2", plus the names kubectl prints ("deployment.apps/web") and its error wording.
import { kindInfo, resolveResource, type KindInfo } from '../api/kinds';
import type { KubeObject } from '../api/meta';
import { ApiError } from '../apiserver/errors';
import { fieldErrorMessage } from '../api/fieldErrors';
import { parseSelector } from '../api/labels';
import type { Simulation } from '../sim/simulation';
import { flagBool, flagString, type ParsedArgs } from './types';
import { fieldSelectorPredicate } from './fieldSelector';

export interface ResourceRef {
  info: KindInfo;
  /** Absent: every object of the type. */
  name?: string;
}

export class KubectlError extends Error {}

function group(info: KindInfo): string {
  return info.apiVersion.includes('/') ? info.apiVersion.split('/')[0] : '';
}

/** "deployment.apps", "pod": the resource kind as kubectl's name printer and messages use it. */
export function kindName(info: KindInfo): string {
  const g = group(info);
  return g ? `${info.singular}.${g}` : info.singular;
}

/** "deployments.apps", "pods". */
export function resourceName(info: KindInfo): string {
  const g = group(info);
  return g ? `${info.plural}.${g}` : info.plural;
}

/** printers.NamePrinter: "deployment.apps/web". */
export function objectName(obj: KubeObject): string {
  const info = kindInfo(obj.kind);
  return info ? `${kindName(info)}/${obj.metadata.name}` : `${obj.kind.toLowerCase()}/${obj.metadata.name}`;
}

export function resolveType(t: string): KindInfo {
  const info = resolveResource(t);
  if (!info) throw new KubectlError(`error: the server doesn't have a resource type "${t}"`);
  return info;
}

/** Parse the positional resource arguments of get/describe/delete/label... */
export function parseResourceArgs(args: string[]): ResourceRef[] {
  if (args.length === 0) return [];
  if (args.some((a) => a.includes('/'))) {
    return args.map((a) => {
      const i = a.indexOf('/');
      if (i < 0) throw new KubectlError(`error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`);
      const name = a.slice(i + 1);
      if (!name) throw new KubectlError(`error: arguments in resource/name form must have a single resource and name`);
      return { info: resolveType(a.slice(0, i)), name };
    });
  }
  const types = args[0].split(',').filter(Boolean).map(resolveType);
  const names = args.slice(1);
  if (names.length === 0) return types.map((info) => ({ info }));
  if (types.length > 1) throw new KubectlError(`error: arguments in resource/name form must have a single resource and name`);
  return names.map((name) => ({ info: types[0], name }));
}

/** The request namespace: -n, else "default" (kubeplay has no kubeconfig context). */
export function namespaceOf(_sim: Simulation, a: ParsedArgs): string {
  return flagString(a, 'namespace') || 'default';
}

export function allNamespaces(a: ParsedArgs): boolean {
  return flagBool(a, 'all-namespaces');
}

/** Objects of a type in scope, filtered by -l, sorted by namespace then name as the API lists them. */
export function listObjects(sim: Simulation, info: KindInfo, a: ParsedArgs): KubeObject[] {
  const sel = flagString(a, 'selector');
  let pred: ((l: Record<string, string>) => boolean) | undefined;
  if (sel) {
    try {
      const s = parseSelector(sel);
      pred = (l) => s.matches(l);
    } catch (e) {
      throw new KubectlError(`error: ${(e as Error).message}`);
    }
  }
  const ns = info.namespaced && !allNamespaces(a) ? namespaceOf(sim, a) : undefined;
  const fsel = flagString(a, 'field-selector');
  const fieldPred = fsel ? fieldSelectorPredicate(info, fsel) : undefined;
  const objs = sim.api.list(info.kind, { namespace: ns, labels: pred }).filter((o) => !fieldPred || fieldPred(o));
  return objs.sort(
    (x, y) => (x.metadata.namespace ?? '').localeCompare(y.metadata.namespace ?? '') || compareNames(x.metadata.name, y.metadata.name),
  );
}

/** etcd keys are sorted bytewise, so LIST returns names in byte order. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One named object or a NotFound error with the API server's wording. */
export function getObject(sim: Simulation, info: KindInfo, name: string, a: ParsedArgs): KubeObject {
  const ns = info.namespaced ? namespaceOf(sim, a) : undefined;
  const o = sim.api.get(info.kind, ns, name);
  if (!o) throw new ApiError('NotFound', `${resourceName(info)} "${name}" not found`);
  return o;
}

/** kubectl's rendering of an error (cmdutil.StandardErrorMessage). */
export function formatError(e: unknown): string {
  if (e instanceof KubectlError) return e.message;
  if (e instanceof ApiError) {
    if (e.reason === 'Invalid') {
      const m = /^(\S+?)(?:\.[a-z0-9.-]+)? "([^"]*)" is invalid/.exec(e.message);
      if (m && e.causes.length) {
        const msgs = e.causes.map(fieldErrorMessage);
        return `The ${m[1]} "${m[2]}" is invalid: ${msgs.length === 1 ? msgs[0] : `[${msgs.join(', ')}]`}`;
      }
    }
    return `Error from server (${e.reason}): ${e.message}`;
  }
  return `error: ${(e as Error)?.message ?? String(e)}`;
}
