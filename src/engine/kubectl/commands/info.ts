// kubectl api-resources and kubectl top (the simulated cluster runs no metrics-server, so top
// fails as it does on a cluster without one).
import { KINDS } from '../../api/kinds';
import type { Simulation } from '../../sim/simulation';
import { tabwrite } from '../printers/tabwriter';
import { fail, ok, type KubectlResult, type ParsedArgs } from '../types';

export function apiResources(_sim: Simulation, a: ParsedArgs): KubectlResult {
  const rows = [...KINDS].sort((x, y) => {
    const gx = x.apiVersion.includes('/') ? x.apiVersion.split('/')[0] : '';
    const gy = y.apiVersion.includes('/') ? y.apiVersion.split('/')[0] : '';
    return gx < gy ? -1 : gx > gy ? 1 : x.plural < y.plural ? -1 : 1;
  });
  if (a.flags.output === 'name') {
    return ok(rows.map((k) => (k.apiVersion.includes('/') ? `${k.plural}.${k.apiVersion.split('/')[0]}` : k.plural) + '\n').join(''));
  }
  return ok(tabwrite([['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND'], ...rows.map((k) => [k.plural, k.shortNames.join(','), k.apiVersion, String(k.namespaced), k.kind])]));
}

export function top(): KubectlResult {
  return fail('error: Metrics API not available');
}
