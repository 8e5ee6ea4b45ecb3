// describe's PrefixWriter (k8s.io/kubectl/pkg/describe/describe.go): lines at indentation levels
// through a tabwriter (minwidth 0, padding 2), flushed in segments where describe calls Flush().
import type { KubeObject } from '../../api/meta';
import type { Simulation } from '../../sim/simulation';
import { LAST_APPLIED } from '../applyObject';
import { goTabwrite } from '../printers/tabwriter';
import { since } from '../printers/duration';

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;

export class PrefixWriter {
  private segments: string[] = [''];

  write(level: number, text: string): void {
    this.segments[this.segments.length - 1] += '  '.repeat(level) + text;
  }

  flush(): void {
    this.segments.push('');
  }

  toString(): string {
    return this.segments.map((s) => goTabwrite(s, { minwidth: 0, padding: 2 })).join('');
  }
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** time.RFC1123Z in UTC: "Wed, 01 Jan 2025 00:00:05 +0000". */
export function rfc1123z(sim: Simulation, ts: string | undefined | null): string {
  const ms = sim.clock.parse(ts ?? undefined);
  if (ms === undefined) return '<unset>';
  const d = new Date(sim.clock.epochMs + ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** printLabelsMultiline: sorted key=value, one per line, "<none>" when empty. */
export function printLabelsMultiline(w: PrefixWriter, title: string, labels: Record<string, string> | undefined, skip: Set<string> = new Set()): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = Object.keys(labels ?? {}).filter((k) => !skip.has(k)).sort();
  if (!keys.length) {
    w.write(LEVEL_0, '<none>\n');
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, `${k}=${labels![k]}\n`);
  });
}

const MAX_ANNOTATION_LEN = 140;

/** printAnnotationsMultiline: like labels, without last-applied-configuration, long values cut. */
export function printAnnotationsMultiline(w: PrefixWriter, title: string, ann: Record<string, string> | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = Object.keys(ann ?? {}).filter((k) => k !== LAST_APPLIED).sort();
  if (!keys.length) {
    w.write(LEVEL_0, '<none>\n');
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    let v = ann![k];
    if (v.length > MAX_ANNOTATION_LEN) v = v.slice(0, MAX_ANNOTATION_LEN) + '...';
    const lines = v.replace(/\n$/, '').split('\n');
    w.write(LEVEL_0, `${k}: ${lines[0]}\n`);
    for (const l of lines.slice(1)) w.write(LEVEL_0, `\t  ${l}\n`);
  });
}

/** printPodTolerationsMultiline / printNodeTaintsMultiline share this shape. */
export function printTolerations(w: PrefixWriter, title: string, tolerations: any[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (!tolerations?.length) {
    w.write(LEVEL_0, '<none>\n');
    return;
  }
  tolerations.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, s + '\n');
  });
}

/** printController: "ReplicaSet/web-7d4b9c". */
export function controllerOf(o: KubeObject): string {
  const ref = o.metadata.ownerReferences?.find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

/**
 * Events about an object, as describe's field selector finds them (involvedObject name, kind,
 * uid). Node events from the kubelet carry the node's name as uid, so describe node matches both.
 */
export function eventsFor(sim: Simulation, o: KubeObject): KubeObject[] {
  const uids = new Set([o.metadata.uid, ...(o.kind === 'Node' ? [o.metadata.name] : [])]);
  return sim.api
    .list('Event', { namespace: o.metadata.namespace ?? 'default' })
    .filter((e) => e.involvedObject?.name === o.metadata.name && e.involvedObject?.kind === o.kind && (!e.involvedObject?.uid || uids.has(e.involvedObject.uid)));
}

/** DescribeEvents: sorted by last timestamp, "(x3 over 2m)" for repeats. */
export function describeEvents(sim: Simulation, events: KubeObject[], w: PrefixWriter): void {
  if (!events.length) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const ts = (e: KubeObject) => sim.clock.parse(e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp) ?? 0;
  const sorted = [...events].sort((a, b) => ts(a) - ts(b));
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = e.eventTime ? since(sim, e.eventTime) : since(sim, e.firstTimestamp);
    let interval = first;
    if (e.series) interval = `${since(sim, e.series.lastObservedTime)} (x${e.series.count} over ${first})`;
    else if ((e.count ?? 1) > 1) interval = `${since(sim, e.lastTimestamp)} (x${e.count} over ${first})`;
    const source = e.source?.component || e.reportingComponent || '';
    w.write(LEVEL_1, `${e.type}\t${e.reason}\t${interval}\t${source}\t${String(e.message ?? '').trim()}\n`);
  }
}
