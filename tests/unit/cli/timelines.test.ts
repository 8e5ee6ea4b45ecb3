// Issue 3's timeline table, run through the CLI (`kubeplay run ... --trace`): each expectation is
// derived from Kubernetes' defaults, and the derivation is written next to it. Times are simulated
// milliseconds read from the trace.
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from './helpers';

interface Rec {
  t: number;
  type: string;
  object: any;
}

function trace(file: string, until: string): Rec[] {
  const r = runCli(['run', fixture(`timelines/${file}`), '--until', until, '-o', 'json', '--trace', '/trace.jsonl']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.files['/trace.jsonl'].trimEnd().split('\n').map((l) => JSON.parse(l));
}

const events = (recs: Rec[], reason: string) => recs.filter((r) => r.object.kind === 'Event' && r.object.reason === reason);
/** Times at which a pod's container status changed to `state` (running/terminated/waiting). */
function stateChanges(recs: Rec[], state: string): number[] {
  const out: number[] = [];
  let prev = '';
  for (const r of recs) {
    if (r.object.kind !== 'Pod') continue;
    const cs = r.object.status?.containerStatuses?.[0];
    const cur = cs ? `${Object.keys(cs.state ?? {})[0]}/${cs.restartCount}` : '';
    if (cur !== prev && cur.startsWith(`${state}/`)) out.push(r.t);
    prev = cur;
  }
  return out;
}

describe('pod lifecycle timelines through the CLI', () => {
  it('liveness on a closed port: killed at the 3rd failure, restarted at once, then 10s, 20s, 40s back-off', () => {
    const recs = trace('liveness-closed-port.yaml', '200s');
    // The kubelet sees the pod 100ms after the bind (5ms), so its probe worker ticks every
    // periodSeconds=10 from 105ms; the container runs from 2,859ms (sandbox 500ms, pull of
    // nginx:1.27 2,104ms, create 150ms). Port 8080 is not declared, so every probe is refused.
    expect(stateChanges(recs, 'running')[0]).toBe(2_859);
    const unhealthy = events(recs, 'Unhealthy');
    expect(unhealthy.slice(0, 3).map((r) => r.t)).toEqual([10_105, 20_105, 30_105]);
    expect(unhealthy[0].object.message).toBe('Liveness probe failed: Get "http://10.244.1.2:8080/healthz": dial tcp 10.244.1.2:8080: connect: connection refused');
    // failureThreshold=3: the third consecutive failure (30.1s, ~27s after the start) kills it.
    const killing = events(recs, 'Killing');
    expect(killing[0].t).toBe(30_105);
    expect(killing[0].object.message).toBe('Container web failed liveness probe, will be restarted');
    // CrashLoopBackOff: the first restart is immediate (create 150ms + sync), later ones wait
    // 10s, 20s, 40s after the exit (kubelet back-off: initial 10s, doubling, max 300s).
    const terminated = stateChanges(recs, 'terminated');
    expect(terminated).toEqual([30_105, 60_105, 100_105, 150_105]);
    const restarts = stateChanges(recs, 'running').slice(1);
    expect(restarts).toEqual([30_355, 70_255, 120_255, 190_255]);
    expect(restarts[1] - terminated[1]).toBe(10_150);
    expect(restarts[2] - terminated[2]).toBe(20_150);
    expect(restarts[3] - terminated[3]).toBe(40_150);
    const backoff = events(recs, 'BackOff');
    expect(backoff[0].t).toBe(60_205);
    expect(backoff[0].object.message).toMatch(/^Back-off restarting failed container web in pod live_default\([0-9a-f-]{36}\)$/);
    const last = recs.filter((r) => r.object.kind === 'Pod').at(-1)!.object;
    expect(last.status.phase).toBe('Running'); // a crash-looping pod is Running (getPhase)
    expect(last.status.containerStatuses[0].restartCount).toBe(4);
  });

  it('readiness that never passes: the Deployment goes ProgressDeadlineExceeded after progressDeadlineSeconds (600s)', () => {
    const recs = trace('readiness-never.yaml', '700s');
    const conds = (r: Rec) => Object.fromEntries((r.object.status?.conditions ?? []).map((c: any) => [c.type, c]));
    const deploys = recs.filter((r) => r.object.kind === 'Deployment');
    const progressing = deploys.map((r) => [r.t, conds(r).Progressing?.reason]).filter(([, reason]) => reason);
    // Progressing True/ReplicaSetUpdated from the first sync (lastUpdateTime 00:00:00, second
    // precision). requeueStuckDeployment checks again at lastUpdateTime + 600s + 1s (upstream adds
    // a second against AddAfter skew), when lastUpdateTime + 600s < now holds: 601s.
    expect(progressing.find(([, r]) => r === 'ProgressDeadlineExceeded')![0]).toBe(601_000);
    const final = conds(deploys.at(-1)!);
    expect(final.Progressing).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "web-5db8bdf6b5" has timed out progressing.' });
    expect(final.Available).toMatchObject({ status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' });
    // Pods keep running, never Ready; every probe logs an Unhealthy event.
    const pods = recs.filter((r) => r.object.kind === 'Pod').map((r) => r.object);
    expect(pods.at(-1).status.phase).toBe('Running');
    expect(pods.at(-1).status.conditions.find((c: any) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady' });
  });

  it('a stopped node goes Unknown 40-60s later and its pods are evicted 300s after the NoExecute taint', () => {
    const recs = trace('node-stop.yaml', '500s');
    const node = recs.filter((r) => r.object.kind === 'Node' && r.object.metadata.name === 'worker-2');
    const readyAt = (status: string) => node.find((r) => r.object.status.conditions?.find((c: any) => c.type === 'Ready')?.status === status)?.t;
    // Stopped at 30s; its Lease was last renewed at 20s (every 10s). node-monitor-grace-period
    // 50s is passed strictly after 70s, seen by the next node-monitor-period (5s) tick: 75s.
    expect(readyAt('Unknown')).toBe(75_000);
    const unknown = node.find((r) => r.t === 75_000)!.object.status.conditions.find((c: any) => c.type === 'Ready');
    expect(unknown).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    const taints = node.at(-1)!.object.spec.taints.map((t: any) => `${t.key}:${t.effect}`);
    expect(taints).toEqual(['node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule']);
    // The pod on worker-2 has the default toleration {unreachable, NoExecute, 300s}: it is marked
    // for deletion 300s after the taint (75s + 300s + 5ms controller latency), gets 30s of grace,
    // and stays Terminating because no kubelet is there to finish it.
    const eviction = events(recs, 'TaintManagerEviction')[0];
    expect(eviction.t).toBe(375_005);
    const victim = eviction.object.involvedObject.name;
    expect(eviction.object.message).toBe(`Marking for deletion Pod default/${victim}`);
    const finalVictim = recs.filter((r) => r.object.kind === 'Pod' && r.object.metadata.name === victim).at(-1)!;
    expect(finalVictim.type).toBe('MODIFIED');
    expect(finalVictim.object.metadata.deletionTimestamp).toBe('2025-01-01T00:06:45Z');
    expect(finalVictim.object.spec.nodeName).toBe('worker-2');
    // The ReplicaSet replaces it elsewhere at once.
    const replacement = recs.find((r) => r.object.kind === 'Pod' && r.type === 'ADDED' && r.t > 375_000)!;
    expect(replacement.t).toBe(375_010);
    const placed = recs.filter((r) => r.object.kind === 'Pod' && r.object.metadata.name === replacement.object.metadata.name).at(-1)!.object;
    expect(placed.spec.nodeName).not.toBe('worker-2');
    expect(placed.status.conditions.find((c: any) => c.type === 'Ready').status).toBe('True');
  });
});
