// A stand-in for the scheduler and kubelet in controller tests: it binds new pods to fake node
// names (which no real kubelet serves), marks them Running and Ready after a delay, and finishes
// graceful deletions. It writes only through the API server, at simulated times, between the
// simulation's own events, as a real kubelet would.
import { Simulation } from '../../../src/engine/sim/simulation';
import type { KubeObject } from '../../../src/engine/api/meta';

export interface FakeKubeletOptions {
  /** ms from creation to the bind. */
  bindAfterMs?: number;
  /** ms from the bind to Running+Ready. */
  readyAfterMs?: number;
  /** ms from deletionTimestamp to the pod leaving the store. */
  terminateAfterMs?: number;
  nodes?: string[];
  /** Pods for which this returns false start Running but never become Ready. */
  becomesReady?: (pod: KubeObject) => boolean;
}

type Action = { at: number; seq: number; run: () => void };

export class FakeKubelet {
  private actions: Action[] = [];
  private seq = 0;
  private next = 0;
  private readonly o: Required<FakeKubeletOptions>;
  private seen = new Set<string>();
  private terminating = new Set<string>();

  constructor(
    readonly sim: Simulation,
    opts: FakeKubeletOptions = {},
  ) {
    this.o = {
      bindAfterMs: opts.bindAfterMs ?? 1,
      readyAfterMs: opts.readyAfterMs ?? 2000,
      terminateAfterMs: opts.terminateAfterMs ?? 1000,
      nodes: opts.nodes ?? ['node-a', 'node-b', 'node-c'],
      becomesReady: opts.becomesReady ?? (() => true),
    };
    sim.onChange((rec) => {
      if (rec.object.kind !== 'Pod' || rec.type === 'DELETED') return;
      const pod = rec.object;
      const key = `${pod.metadata.namespace}/${pod.metadata.name}/${pod.metadata.uid}`;
      if (!this.seen.has(key)) {
        this.seen.add(key);
        this.later(this.o.bindAfterMs, () => this.bind(pod));
      }
      if (pod.metadata.deletionTimestamp && !this.terminating.has(key)) {
        this.terminating.add(key);
        this.later(this.o.terminateAfterMs, () => this.finishDeletion(pod));
      }
    });
  }

  /** Run the simulation and this fake until time t (ms). */
  runUntil(t: number): void {
    for (;;) {
      const simAt = this.sim.nextEventAt();
      this.actions.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const mine = this.actions[0]?.at;
      const nextAt = Math.min(simAt ?? Infinity, mine ?? Infinity);
      if (nextAt > t) break;
      if (mine !== undefined && mine <= (simAt ?? Infinity)) {
        this.sim.runUntil(mine);
        const due = this.actions.filter((a) => a.at <= mine);
        this.actions = this.actions.filter((a) => a.at > mine);
        for (const a of due) a.run();
      } else {
        this.sim.runUntil(simAt!);
      }
    }
    this.sim.runUntil(t);
  }

  advance(ms: number): void {
    this.runUntil(this.sim.now + ms);
  }

  private later(ms: number, run: () => void): void {
    this.actions.push({ at: this.sim.now + ms, seq: this.seq++, run });
  }

  private current(pod: KubeObject): KubeObject | undefined {
    const cur = this.sim.api.get('Pod', pod.metadata.namespace, pod.metadata.name);
    return cur && cur.metadata.uid === pod.metadata.uid ? cur : undefined;
  }

  private bind(pod: KubeObject): void {
    const cur = this.current(pod);
    if (!cur || cur.spec?.nodeName || cur.metadata.deletionTimestamp) return;
    const node = this.o.nodes[this.next++ % this.o.nodes.length];
    this.sim.api.bind(cur.metadata.namespace!, cur.metadata.name, node);
    this.later(this.o.readyAfterMs, () => this.start(pod));
  }

  private start(pod: KubeObject): void {
    const cur = this.current(pod);
    if (!cur || cur.metadata.deletionTimestamp) return;
    const ready = this.o.becomesReady(cur);
    const now = this.sim.clock.timestamp();
    this.sim.api.mutate('Pod', cur.metadata.namespace, cur.metadata.name, (d) => {
      const conds = (d.status.conditions ?? []).filter((c: { type: string }) => c.type === 'PodScheduled');
      for (const type of ['Initialized', 'Ready', 'ContainersReady']) {
        conds.push({ type, status: type === 'Initialized' || ready ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: now });
      }
      d.status = {
        ...d.status,
        phase: 'Running',
        conditions: conds,
        startTime: now,
        containerStatuses: (d.spec.containers ?? []).map((c: { name: string; image: string }) => ({ name: c.name, image: c.image, ready, restartCount: 0, started: true, state: { running: { startedAt: now } } })),
      };
    }, { status: true });
  }

  private finishDeletion(pod: KubeObject): void {
    const cur = this.current(pod);
    if (!cur) return;
    this.sim.api.delete('Pod', cur.metadata.namespace, cur.metadata.name, { gracePeriodSeconds: 0 });
  }
}

export function newSim(seed = 1): Simulation {
  return new Simulation({ freezeObjects: true, seed, nodes: [] });
}

export function deployment(name: string, replicas: number, extra: Record<string, any> = {}): KubeObject {
  const { image = 'nginx:1.27', strategy, ...spec } = extra;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: name, image }] } },
      strategy: strategy ?? { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      ...spec,
    },
  };
}
