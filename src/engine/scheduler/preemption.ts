// DefaultPreemption, the PostFilter plugin (pkg/scheduler/framework/plugins/defaultpreemption,
// pkg/scheduler/framework/preemption): when no node fits, look for a node where evicting
// lower-priority pods would make room. Only nodes rejected as Unschedulable (not
// UnschedulableAndUnresolvable) are tried; on each, all lower-priority pods are removed, then as
// many as possible are reprieved (PDB-violating ones first, most important first). The best node
// has the fewest PDB violations, then the lowest highest victim priority, the lowest priority sum,
// the fewest victims, the latest start time. Victims get a DisruptionTarget condition, are
// deleted gracefully and get a Preempted event; the preemptor is nominated to the node.
import type { ApiServer } from '../apiserver/store';
import type { EventRecorder } from '../apiserver/events';
import type { KubeObject } from '../api/meta';
import type { Random } from '../sim/random';
import { CycleState } from './framework/cycleState';
import type { Snapshot, Status } from './framework/interface';
import { status } from './framework/interface';
import type { NodeInfo } from './framework/nodeInfo';
import type { PodInfo } from './framework/podInfo';
import type { Framework } from './framework/runtime';
import { fitErrorMessage, type Diagnosis } from './framework/fitError';
import { compileSelector, podPriority } from './framework/corev1';

export const MSG_NOT_HELPFUL = 'Preemption is not helpful for scheduling';
export const MSG_NO_VICTIMS = 'No preemption victims found for incoming pod';
const MIN_CANDIDATE_NODES_PERCENTAGE = 10;
const MIN_CANDIDATE_NODES_ABSOLUTE = 100;

export interface PreemptionHost {
  api: ApiServer;
  events: EventRecorder;
  random: Random;
  snap: Snapshot;
  fwk: Framework;
  nominatedPodsFor(node: string): PodInfo[];
  schedulerName: string;
  /** Simulated now as metav1.Time. */
  timestamp(): string;
}

export interface PostFilterOutcome {
  status: Status;
  /** undefined: leave status.nominatedNodeName as is; '': clear it; else nominate. */
  nominatedNode?: string;
  victims?: string[];
}

interface Candidate {
  node: string;
  victims: PodInfo[];
  numPDBViolations: number;
}

/** A snapshot with one node replaced by a modified copy (the dry run's view). */
class OverlaySnapshot implements Snapshot {
  readonly nodes: NodeInfo[];
  constructor(
    private readonly base: Snapshot,
    private readonly node: NodeInfo,
  ) {
    this.nodes = base.nodes.map((n) => (n.name === node.name ? node : n));
  }
  get(name: string) {
    return name === this.node.name ? this.node : this.base.get(name);
  }
  havePodsWithAffinity() {
    return this.nodes.filter((n) => n.podsWithAffinity > 0);
  }
  havePodsWithRequiredAntiAffinity() {
    return this.nodes.filter((n) => n.podsWithRequiredAntiAffinity > 0);
  }
  /** The clone keeps its node's position and labels, so the base's numbering holds. */
  topologyDomains(key: string) {
    return this.base.topologyDomains(key);
  }
  namespaceLabels(ns: string) {
    return this.base.namespaceLabels(ns);
  }
  list(kind: string, ns?: string) {
    return this.base.list(kind, ns);
  }
  getObject(kind: string, ns: string, name: string) {
    return this.base.getObject(kind, ns, name);
  }
}

/** util.MoreImportantPod: higher priority, then the earlier start time. */
function moreImportant(a: PodInfo, b: PodInfo): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  return startTime(a) < startTime(b);
}

function startTime(p: PodInfo): string {
  return p.pod.status?.startTime ?? p.pod.metadata.creationTimestamp ?? '';
}

/** PodEligibleToPreemptOthers. */
function eligible(host: PreemptionHost, pod: KubeObject, diagnosis: Diagnosis): string | undefined {
  if (pod.spec?.preemptionPolicy === 'Never') return 'not eligible due to preemptionPolicy=Never.';
  const nom: string | undefined = pod.status?.nominatedNodeName;
  if (nom) {
    if (diagnosis.nodeToStatus.get(nom)?.code === 'UnschedulableAndUnresolvable') return undefined;
    const n = host.snap.get(nom);
    const prio = podPriority(pod);
    if (n) {
      for (const p of n.pods) {
        if (p.priority >= prio || !p.pod.metadata.deletionTimestamp) continue;
        const dt = (p.pod.status?.conditions ?? []).find((c: { type: string }) => c.type === 'DisruptionTarget');
        if (dt && dt.status === 'True' && dt.reason === 'PreemptionByScheduler') return 'not eligible due to a terminating pod on the nominated node.';
      }
    }
  }
  return undefined;
}

/** filterPodsWithPDBViolation: split (keeping order) by whether evicting breaks a PDB. */
function splitByPDB(victims: PodInfo[], pdbs: KubeObject[]): [PodInfo[], PodInfo[]] {
  const allowed = pdbs.map((p) => (p.status?.disruptionsAllowed as number | undefined) ?? 0);
  const violating: PodInfo[] = [];
  const ok: PodInfo[] = [];
  for (const v of victims) {
    let violated = false;
    if (Object.keys(v.labels).length) {
      pdbs.forEach((pdb, i) => {
        if ((pdb.metadata.namespace ?? 'default') !== v.namespace) return;
        const sel = compileSelector(pdb.spec?.selector);
        if (!sel || sel.empty() || !sel.matches(v.labels)) return;
        if (pdb.status?.disruptedPods && v.pod.metadata.name in pdb.status.disruptedPods) return;
        allowed[i]--;
        if (allowed[i] < 0) violated = true;
      });
    }
    (violated ? violating : ok).push(v);
  }
  return [violating, ok];
}

function fits(host: PreemptionHost, pod: PodInfo, node: NodeInfo): Status | null {
  const snap = new OverlaySnapshot(host.snap, node);
  const state = new CycleState();
  const pre = host.fwk.runPreFilter(state, pod, snap);
  if (pre) return pre;
  if (state.preFilterNodeNames.size) for (const s of state.preFilterNodeNames.values()) if (!s.has(node.name)) return status('UnschedulableAndUnresolvable');
  return host.fwk.runFilterWithNominated(state, pod, node, snap, host.nominatedPodsFor(node.name));
}

/** SelectVictimsOnNode. */
function selectVictimsOnNode(host: PreemptionHost, pod: PodInfo, original: NodeInfo, pdbs: KubeObject[]): { victims: PodInfo[]; violations: number } | Status {
  const node = original.clone();
  const potential = node.pods.filter((p) => p.priority < pod.priority);
  if (potential.length === 0) return status('UnschedulableAndUnresolvable', MSG_NO_VICTIMS);
  for (const p of potential) node.removePod(p.key);
  const s = fits(host, pod, node);
  if (s) return s;
  potential.sort((a, b) => (moreImportant(a, b) ? -1 : moreImportant(b, a) ? 1 : 0));
  const [violating, nonViolating] = splitByPDB(potential, pdbs);
  const victims: PodInfo[] = [];
  let violations = 0;
  const reprieve = (p: PodInfo): boolean => {
    node.addPod(p);
    if (fits(host, pod, node)) {
      node.removePod(p.key);
      victims.push(p);
      return false;
    }
    return true;
  };
  for (const p of violating) if (!reprieve(p)) violations++;
  for (const p of nonViolating) reprieve(p);
  if (violating.length && nonViolating.length) victims.sort((a, b) => (moreImportant(a, b) ? -1 : moreImportant(b, a) ? 1 : 0));
  return { victims, violations };
}

/** pickOneNodeForPreemption. */
function pickOne(cands: Candidate[]): Candidate {
  const fns: ((c: Candidate) => number)[] = [
    (c) => -c.numPDBViolations,
    (c) => -c.victims[0].priority,
    (c) => -c.victims.reduce((s, v) => s + v.priority + 2147483648, 0),
    (c) => -c.victims.length,
    (c) => {
      // The latest start time among each node's highest-priority victims is preferable.
      const top = c.victims[0].priority;
      let earliest = '';
      for (const v of c.victims) if (v.priority === top && (earliest === '' || startTime(v) < earliest)) earliest = startTime(v);
      return Date.parse(earliest) || 0;
    },
  ];
  let all = cands;
  for (const f of fns) {
    let max = -Infinity;
    let sel: Candidate[] = [];
    for (const c of all) {
      const s = f(c);
      if (s > max) {
        max = s;
        sel = [];
      }
      if (s === max) sel.push(c);
    }
    if (sel.length === 1) return sel[0];
    all = sel;
  }
  return all[0];
}

export function defaultPreemption(host: PreemptionHost, _state: CycleState, pod: PodInfo, podObj: KubeObject, diagnosis: Diagnosis): PostFilterOutcome {
  const notEligible = eligible(host, podObj, diagnosis);
  if (notEligible) return { status: status('Unschedulable', `preemption: ${notEligible}`) };

  const all = host.snap.nodes;
  const potential = all.filter((n) => diagnosis.nodeToStatus.get(n.name)?.code === 'Unschedulable');
  const statuses = new Map<string, Status>();
  const cands: Candidate[] = [];
  if (potential.length) {
    const pdbs = host.api.list('PodDisruptionBudget');
    const offset = host.random.int(potential.length);
    let num = Math.trunc((potential.length * MIN_CANDIDATE_NODES_PERCENTAGE) / 100);
    if (num < MIN_CANDIDATE_NODES_ABSOLUTE) num = MIN_CANDIDATE_NODES_ABSOLUTE;
    if (num > potential.length) num = potential.length;
    let nonViolating = 0;
    for (let i = 0; i < potential.length; i++) {
      const n = potential[(offset + i) % potential.length];
      const r = selectVictimsOnNode(host, pod, n, pdbs);
      if ('victims' in r) {
        if (r.victims.length === 0) {
          statuses.set(n.name, status('Error', `expected at least one victim pod on node "${n.name}"`));
          continue;
        }
        cands.push({ node: n.name, victims: r.victims, numPDBViolations: r.violations });
        if (r.violations === 0) nonViolating++;
        if (nonViolating > 0 && cands.length >= num) break;
      } else {
        statuses.set(n.name, r);
      }
    }
  }
  if (cands.length === 0) {
    const msg = fitErrorMessage(all.length, { nodeToStatus: statuses, absentNodesStatus: status('UnschedulableAndUnresolvable', MSG_NOT_HELPFUL) });
    return { status: status('Unschedulable', `preemption: ${msg}`), nominatedNode: '' };
  }
  // Candidates that violate no PDB come first (DryRunPreemption's order).
  const ordered = [...cands.filter((c) => c.numPDBViolations === 0), ...cands.filter((c) => c.numPDBViolations > 0)];
  const best = pickOne(ordered);
  prepareCandidate(host, podObj, pod, best);
  return { status: status('Success'), nominatedNode: best.node, victims: best.victims.map((v) => v.key) };
}

/** prepareCandidate / PreemptPod: condition, graceful delete, event; then drop lower nominations. */
function prepareCandidate(host: PreemptionHost, preemptor: KubeObject, pod: PodInfo, c: Candidate): void {
  for (const v of c.victims) {
    const victim = host.api.get('Pod', v.namespace, v.pod.metadata.name);
    if (!victim || victim.metadata.deletionTimestamp) continue;
    host.api.mutate(
      'Pod',
      v.namespace,
      victim.metadata.name,
      (d) => {
        const st = (d.status = d.status ?? {});
        const conds: Record<string, unknown>[] = (st.conditions = st.conditions ?? []);
        const cond: Record<string, unknown> = {
          type: 'DisruptionTarget',
          status: 'True',
          reason: 'PreemptionByScheduler',
          message: `${preemptor.spec?.schedulerName ?? host.schedulerName}: preempting to accommodate a higher priority pod`,
          lastProbeTime: null,
          lastTransitionTime: host.timestamp(),
        };
        if (typeof d.metadata.generation === 'number') cond.observedGeneration = d.metadata.generation;
        const i = conds.findIndex((x) => x.type === 'DisruptionTarget');
        if (i >= 0) conds[i] = cond;
        else conds.push(cond);
      },
      { status: true },
    );
    host.api.delete('Pod', v.namespace, victim.metadata.name);
    host.events.record(victim, 'Normal', 'Preempted', `Preempted by pod ${preemptor.metadata.uid} on node ${c.node}`, { component: host.schedulerName });
  }
  for (const n of host.nominatedPodsFor(c.node)) {
    if (n.priority >= pod.priority || n.key === pod.key) continue;
    host.api.mutate('Pod', n.namespace, n.pod.metadata.name, (d) => {
      if (!d.status?.nominatedNodeName) return false;
      delete d.status.nominatedNodeName;
    }, { status: true });
  }
}
