// Per-node explanation of a pod's last scheduling attempt, as a table (`kubeplay run --explain POD`):
// each node's filter verdict (the first plugin that rejected it and why) and, for the feasible
// nodes, every score plugin's raw score, normalised score and weighted contribution.
import type { Simulation } from '../sim/simulation';
import type { Scheduler } from './scheduler';
import type { Attempt } from './explanation';

function pad(rows: string[][]): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('   ').trimEnd()).join('\n');
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(3).replace(/\.?0+$/, '')}s`;
}

/** The attempt as text (exported for the UI inspector and tests). */
export function formatAttempt(namespace: string, name: string, a: Attempt): string {
  const head =
    a.result === 'Scheduled'
      ? `Pod ${namespace}/${name}: attempt ${a.attempt} at ${seconds(a.at)} scheduled to ${a.node}`
      : `Pod ${namespace}/${name}: attempt ${a.attempt} at ${seconds(a.at)} ${a.result === 'Error' ? 'failed' : 'unschedulable'}: ${a.message}`;
  const header = ['NODE', 'FILTER', ...a.scores.map((s) => `${s.plugin} (x${s.weight})`), ...(a.scores.length ? ['TOTAL'] : [])];
  const rows: string[][] = [header];
  const feasibleIndex = new Map(a.feasible.map((n, i) => [n, i]));
  for (const node of a.nodes) {
    const f = a.filter[node];
    const i = feasibleIndex.get(node);
    const row = [node];
    if (f) row.push(`${f.plugin}: ${f.reasons.join(', ')}`);
    else if (i !== undefined) row.push('passed');
    else row.push('not evaluated');
    if (a.scores.length) {
      for (const s of a.scores) row.push(i === undefined ? '' : `${s.raw[i]} -> ${s.normalized[i]} = ${s.normalized[i] * s.weight}`);
      row.push(i === undefined ? '' : `${a.totals[i]}${node === a.node ? '  <- selected' : ''}`);
    } else if (node === a.node) {
      row.push(a.feasible.length === 1 ? 'selected (only feasible node; scoring skipped)' : 'selected');
    }
    rows.push(row);
  }
  for (const n of Object.keys(a.filter)) if (!a.nodes.includes(n)) rows.push([n, `${a.filter[n].plugin}: ${a.filter[n].reasons.join(', ')}`]);
  let out = `${head}\n\n${pad(rows)}\n`;
  if (a.scores.length) out += '\nScores: raw -> normalised (0-100) = weighted; the highest total wins, ties broken at random.\n';
  if (a.preemption) {
    if (a.preemption.nominatedNode) out += `\nPreemption: nominated node ${a.preemption.nominatedNode}, victims: ${(a.preemption.victims ?? []).join(', ')}\n`;
    else if (a.preemption.message) out += `\n${a.preemption.message}\n`;
  }
  return out;
}

export function explainPodTable(sim: Simulation, namespace: string, name: string): string {
  const sched = sim.component<Scheduler>('default-scheduler');
  const a = sched?.explain(namespace, name);
  if (!a) return `no scheduling attempt recorded for pod ${namespace}/${name}\n`;
  return formatAttempt(namespace, name, a);
}
