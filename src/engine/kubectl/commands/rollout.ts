// kubectl rollout status|history|undo|pause|resume|restart for Deployments
// (k8s.io/kubectl/pkg/cmd/rollout, polymorphichelpers rollout_status.go, history.go,
// rollback.go, objectpauser.go, objectrestarter.go). Undo is client-side in apps/v1: the
// template of the ReplicaSet with the target revision is copied into the Deployment.
import { clone, deepEqual, type KubeObject } from '../../api/meta';
import type { Simulation } from '../../sim/simulation';
import { getObject, KubectlError, objectName, parseResourceArgs } from '../resources';
import { flagString, ok, type KubectlResult, type ParsedArgs } from '../types';
import { LAST_APPLIED } from '../applyObject';

export const REVISION = 'deployment.kubernetes.io/revision';
const CHANGE_CAUSE = 'kubernetes.io/change-cause';
const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';
/** Annotations a rollback does not copy from the ReplicaSet (deploymentutil annotationsToSkip). */
const SKIP_ANNOTATIONS = new Set([
  LAST_APPLIED,
  REVISION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

export function rollout(sim: Simulation, a: ParsedArgs): KubectlResult {
  const [sub, ...rest] = a.args;
  const subs: Record<string, (sim: Simulation, d: KubeObject, a: ParsedArgs) => KubectlResult> = { status, history, undo, pause, resume, restart };
  const fn = subs[sub ?? ''];
  if (!fn) throw new KubectlError(sub ? `error: unknown command "${sub}" for "kubectl rollout"` : 'error: required resource not specified');
  const refs = parseResourceArgs(rest);
  if (!refs.length || !refs[0].name) throw new KubectlError('error: required resource not specified');
  let stdout = '';
  let stderr = '';
  let exitCode = 0;
  for (const r of refs) {
    if (!r.name) throw new KubectlError('error: resource(s) were provided, but no name was specified');
    const o = getObject(sim, r.info, r.name, a);
    if (o.kind !== 'Deployment') {
      stderr += `error: ${sub === 'status' ? 'no status viewer' : sub === 'history' ? 'no history viewer' : sub === 'undo' ? 'no rollbacker' : sub === 'restart' ? 'no restarter' : 'no pauser'} has been implemented for {"${o.apiVersion.split('/')[0]}" "${o.kind}"}\n`;
      exitCode = 1;
      continue;
    }
    const res = fn(sim, o, a);
    stdout += res.stdout;
    stderr += res.stderr;
    exitCode = Math.max(exitCode, res.exitCode);
  }
  return { stdout, stderr, exitCode };
}

/** The ReplicaSets a Deployment controls (deploymentutil.GetAllReplicaSets). */
export function ownedReplicaSets(sim: Simulation, d: KubeObject): KubeObject[] {
  return sim.api
    .list('ReplicaSet', { namespace: d.metadata.namespace })
    .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid));
}

export function revisionOf(o: KubeObject): number {
  const v = Number(o.metadata.annotations?.[REVISION] ?? '0');
  return Number.isFinite(v) ? v : 0;
}

/** The current status line (kubectl rollout status --watch=false). */
function status(_sim: Simulation, d: KubeObject): KubectlResult {
  const name = d.metadata.name;
  const st = d.status ?? {};
  if ((d.metadata.generation ?? 0) <= (st.observedGeneration ?? 0)) {
    const prog = (st.conditions ?? []).find((c: any) => c.type === 'Progressing');
    if (prog?.reason === 'ProgressDeadlineExceeded') return { stdout: '', stderr: `error: deployment "${name}" exceeded its progress deadline\n`, exitCode: 1 };
    const want = d.spec?.replicas ?? 1;
    const updated = st.updatedReplicas ?? 0;
    const replicas = st.replicas ?? 0;
    const available = st.availableReplicas ?? 0;
    if (updated < want) return ok(`Waiting for deployment "${name}" rollout to finish: ${updated} out of ${want} new replicas have been updated...\n`);
    if (replicas > updated) return ok(`Waiting for deployment "${name}" rollout to finish: ${replicas - updated} old replicas are pending termination...\n`);
    if (available < updated) return ok(`Waiting for deployment "${name}" rollout to finish: ${available} of ${updated} updated replicas are available...\n`);
    return ok(`deployment "${name}" successfully rolled out\n`);
  }
  return ok('Waiting for deployment spec update to be observed...\n');
}

function history(sim: Simulation, d: KubeObject, a: ParsedArgs): KubectlResult {
  const byRev = new Map<number, KubeObject>();
  for (const rs of ownedReplicaSets(sim, d)) {
    const v = revisionOf(rs);
    if (v > 0 || rs.metadata.annotations?.[REVISION] !== undefined) byRev.set(v, rs);
  }
  const want = Number(flagString(a, 'revision', '0'));
  if (want > 0) {
    const rs = byRev.get(want);
    if (!rs) return { stdout: '', stderr: `error: unable to find the specified revision\n`, exitCode: 1 };
    const t = rs.spec?.template ?? {};
    const labels = Object.entries(t.metadata?.labels ?? {}).map(([k, v]) => `${k}=${v}`);
    let out = `${objectName(d)} with revision #${want}\nPod Template:\n  Labels:\t${labels.join('\n\t') || '<none>'}\n  Containers:\n`;
    for (const c of t.spec?.containers ?? []) out += `   ${c.name}:\n    Image:\t${c.image}\n`;
    return ok(out + '\n');
  }
  const revs = [...byRev.keys()].sort((x, y) => x - y);
  const rows = [['REVISION', 'CHANGE-CAUSE'], ...revs.map((r) => [String(r), byRev.get(r)!.metadata.annotations?.[CHANGE_CAUSE] || '<none>'])];
  // history.go uses its own tabwriter (minwidth 0, padding 2).
  const w = Math.max(...rows.map((r) => r[0].length)) + 2;
  const table = rows.map((r) => r[0].padEnd(w) + r[1] + '\n').join('');
  return ok(`${objectName(d)} \n${table}\n`);
}

function undo(sim: Simulation, d: KubeObject, a: ParsedArgs): KubectlResult {
  const toRevision = Number(flagString(a, 'to-revision', '0'));
  const rss = ownedReplicaSets(sim, d);
  let target: KubeObject | undefined;
  if (toRevision === 0) {
    // deploymentutil LastRevision: the second-highest revision.
    let max = 0;
    let second = 0;
    let maxRs: KubeObject | undefined;
    let secondRs: KubeObject | undefined;
    for (const rs of rss) {
      const v = revisionOf(rs);
      if (v >= max) {
        second = max;
        secondRs = maxRs;
        max = v;
        maxRs = rs;
      } else if (v > second) {
        second = v;
        secondRs = rs;
      }
    }
    target = secondRs;
    if (!target) return { stdout: '', stderr: `error: no rollout history found for deployment "${d.metadata.name}"\n`, exitCode: 1 };
  } else {
    target = rss.find((rs) => revisionOf(rs) === toRevision);
    if (!target) return { stdout: '', stderr: `error: unable to find specified revision ${toRevision} in history\n`, exitCode: 1 };
  }
  // rollback.go: the revision is looked up first, then a paused Deployment is refused.
  if (d.spec?.paused) {
    return { stdout: '', stderr: `error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/${d.metadata.name}' and try again\n`, exitCode: 1 };
  }
  const template = clone(target.spec?.template ?? {});
  if (template.metadata?.labels) {
    delete template.metadata.labels['pod-template-hash'];
  }
  if (deepEqual(template, d.spec?.template)) {
    return ok(`${objectName(d)} skipped rollback (current template already matches revision ${revisionOf(target)})\n`);
  }
  sim.api.mutate('Deployment', d.metadata.namespace, d.metadata.name, (draft) => {
    draft.spec.template = template;
    // The patch replaces metadata.annotations: the Deployment keeps only the skipped ones of its
    // own and takes every other annotation from the ReplicaSet.
    const ann: Record<string, string> = {};
    for (const [k, v] of Object.entries(draft.metadata.annotations ?? {})) if (SKIP_ANNOTATIONS.has(k)) ann[k] = v as string;
    for (const [k, v] of Object.entries(target!.metadata.annotations ?? {})) if (!SKIP_ANNOTATIONS.has(k)) ann[k] = v;
    if (Object.keys(ann).length) draft.metadata.annotations = ann;
    else delete draft.metadata.annotations;
  });
  return ok(`${objectName(d)} rolled back\n`);
}

function pause(sim: Simulation, d: KubeObject): KubectlResult {
  if (d.spec?.paused) return { stdout: '', stderr: `error: deployments.apps "${d.metadata.name}" is already paused\n`, exitCode: 1 };
  sim.api.mutate('Deployment', d.metadata.namespace, d.metadata.name, (draft) => {
    draft.spec.paused = true;
  });
  return ok(`${objectName(d)} paused\n`);
}

function resume(sim: Simulation, d: KubeObject): KubectlResult {
  if (!d.spec?.paused) return { stdout: '', stderr: `error: deployments.apps "${d.metadata.name}" is not paused\n`, exitCode: 1 };
  sim.api.mutate('Deployment', d.metadata.namespace, d.metadata.name, (draft) => {
    draft.spec.paused = false;
  });
  return ok(`${objectName(d)} resumed\n`);
}

function restart(sim: Simulation, d: KubeObject): KubectlResult {
  if (d.spec?.paused) return { stdout: '', stderr: `error: deployments.apps "${d.metadata.name}" can't restart paused deployment (run rollout resume first)\n`, exitCode: 1 };
  sim.api.mutate('Deployment', d.metadata.namespace, d.metadata.name, (draft) => {
    const t = (draft.spec.template ??= {});
    t.metadata = t.metadata ?? {};
    t.metadata.annotations = { ...(t.metadata.annotations ?? {}), [RESTARTED_AT]: sim.clock.timestamp() };
  });
  return ok(`${objectName(d)} restarted\n`);
}
