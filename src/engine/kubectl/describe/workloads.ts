// describeDeployment and describeReplicaSet (k8s.io/kubectl/pkg/describe/describe.go).
import { deepEqual, type KubeObject } from '../../api/meta';
import { formatLabelSelector } from '../../api/labels';
import type { Simulation } from '../../sim/simulation';
import { describePodTemplate } from './containers';
import { controllerOf, describeEvents, eventsFor, LEVEL_0, LEVEL_1, PrefixWriter, printAnnotationsMultiline, printLabelsMultiline, rfc1123z } from './writer';

function selectorText(sel: any): string {
  try {
    return formatLabelSelector(sel);
  } catch {
    return Object.entries(sel?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
  }
}

const ownedBy = (o: KubeObject, owner: KubeObject) => o.metadata.ownerReferences?.some((r) => r.controller && r.uid === owner.metadata.uid);

function withoutHash(t: any): any {
  const c = JSON.parse(JSON.stringify(t ?? {}));
  if (c.metadata?.labels) delete c.metadata.labels['pod-template-hash'];
  return c;
}

/** printReplicaSetsByLabels: "web-7d4b9c (3/3 replicas created)". */
function rsList(rss: KubeObject[]): string {
  if (!rss.length) return '<none>';
  return rss.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(', ');
}

export function describeDeployment(sim: Simulation, d: KubeObject): string {
  const w = new PrefixWriter();
  const spec = d.spec ?? {};
  const st = d.status ?? {};
  w.write(LEVEL_0, `Name:\t${d.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${d.metadata.namespace}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(sim, d.metadata.creationTimestamp)}\n`);
  printLabelsMultiline(w, 'Labels', d.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', d.metadata.annotations);
  w.write(LEVEL_0, `Selector:\t${selectorText(spec.selector)}\n`);
  w.write(
    LEVEL_0,
    `Replicas:\t${spec.replicas ?? 1} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`,
  );
  w.write(LEVEL_0, `StrategyType:\t${spec.strategy?.type ?? ''}\n`);
  w.write(LEVEL_0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`);
  const ru = spec.strategy?.rollingUpdate;
  if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${ru.maxUnavailable ?? ''} max unavailable, ${ru.maxSurge ?? ''} max surge\n`);
  describePodTemplate(sim, spec.template, w);
  if (st.conditions?.length) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(LEVEL_1, '----\t------\t------\n');
    for (const c of st.conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
  }
  const rss = sim.api.list('ReplicaSet', { namespace: d.metadata.namespace }).filter((rs) => ownedBy(rs, d));
  // FindNewReplicaSet: the oldest RS whose template equals the Deployment's, ignoring the hash label.
  const byAge = [...rss].sort(
    (a, b) => (sim.clock.parse(a.metadata.creationTimestamp) ?? 0) - (sim.clock.parse(b.metadata.creationTimestamp) ?? 0) || (a.metadata.name < b.metadata.name ? -1 : 1),
  );
  const newRS = byAge.find((rs) => deepEqual(withoutHash(rs.spec?.template), withoutHash(spec.template)));
  const oldRSs = byAge.filter((rs) => rs !== newRS && (rs.spec?.replicas ?? 0) !== 0);
  w.write(LEVEL_0, `OldReplicaSets:\t${rsList(oldRSs)}\n`);
  w.write(LEVEL_0, `NewReplicaSet:\t${rsList(newRS ? [newRS] : [])}\n`);
  describeEvents(sim, eventsFor(sim, d), w);
  return w.toString();
}

export function describeReplicaSet(sim: Simulation, rs: KubeObject): string {
  const w = new PrefixWriter();
  const spec = rs.spec ?? {};
  w.write(LEVEL_0, `Name:\t${rs.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${rs.metadata.namespace}\n`);
  w.write(LEVEL_0, `Selector:\t${selectorText(spec.selector)}\n`);
  printLabelsMultiline(w, 'Labels', rs.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', rs.metadata.annotations);
  const ctl = controllerOf(rs);
  if (ctl) w.write(LEVEL_0, `Controlled By:\t${ctl}\n`);
  w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${spec.replicas ?? 1} desired\n`);
  const pods = sim.api.list('Pod', { namespace: rs.metadata.namespace }).filter((p) => ownedBy(p, rs));
  const count = (phase: string) => pods.filter((p) => p.status?.phase === phase).length;
  w.write(LEVEL_0, `Pods Status:\t${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed\n`);
  describePodTemplate(sim, spec.template, w);
  if (rs.status?.conditions?.length) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(LEVEL_1, '----\t------\t------\n');
    for (const c of rs.status.conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
  }
  describeEvents(sim, eventsFor(sim, rs), w);
  return w.toString();
}
