// A rolling update and a `rollout undo` as Scenario steps, run through the CLI on the real
// scheduler and kubelets. The invariants kube-controller-manager's rolling update keeps
// (pkg/controller/deployment/rolling.go) are checked at every store change of the trace:
//   Σ ReplicaSet spec.replicas <= replicas + maxSurge        (6 + 2 = 8)
//   ready, non-terminating pods >= replicas - maxUnavailable  (6 - 1 = 5), once first available
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from './helpers';

describe('rolling update and rollout undo in a Scenario', () => {
  it('keeps maxSurge and maxUnavailable at every store change, and undo reuses the revision-1 ReplicaSet', () => {
    const r = runCli(['run', fixture('timelines/rollout-undo.yaml'), '--until', '180s', '-o', 'json', '--trace', '/t.jsonl']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const recs = r.files['/t.jsonl'].trimEnd().split('\n').map((l) => JSON.parse(l));

    const rsReplicas = new Map<string, number>();
    const pods = new Map<string, any>();
    const rsNames: string[] = [];
    let firstAvailable = -1;
    let maxTotal = 0;
    let minReady = Infinity;
    for (const { t, type, object: o } of recs) {
      if (o.kind === 'ReplicaSet') {
        if (type === 'DELETED') rsReplicas.delete(o.metadata.name);
        else rsReplicas.set(o.metadata.name, o.spec.replicas);
        if (type === 'ADDED') rsNames.push(o.metadata.name);
      } else if (o.kind === 'Pod') {
        if (type === 'DELETED') pods.delete(o.metadata.name);
        else pods.set(o.metadata.name, o);
      } else continue;
      const total = [...rsReplicas.values()].reduce((a, b) => a + b, 0);
      maxTotal = Math.max(maxTotal, total);
      expect(total, `Σ ReplicaSet replicas at ${t}ms`).toBeLessThanOrEqual(8);
      const ready = [...pods.values()].filter(
        (p) => !p.metadata.deletionTimestamp && p.status?.conditions?.some((c: any) => c.type === 'Ready' && c.status === 'True'),
      ).length;
      if (firstAvailable < 0 && ready >= 5) firstAvailable = t;
      if (firstAvailable >= 0) {
        minReady = Math.min(minReady, ready);
        expect(ready, `ready pods at ${t}ms`).toBeGreaterThanOrEqual(5);
      }
    }
    // The surge and the unavailability budget are both used to the full, never beyond.
    expect(maxTotal).toBe(8);
    expect(minReady).toBe(5);

    // Two ReplicaSets only: the undo re-adopts the first one (revision 1 -> 3) instead of creating a third.
    expect(rsNames).toHaveLength(2);
    const items = JSON.parse(r.stdout).items;
    const rss = items.filter((o: any) => o.kind === 'ReplicaSet');
    const byName = Object.fromEntries(rss.map((o: any) => [o.metadata.name, o]));
    const [first, second] = rsNames.map((n) => byName[n]);
    expect(first.metadata.annotations['deployment.kubernetes.io/revision']).toBe('3');
    expect(first.metadata.annotations['deployment.kubernetes.io/revision-history']).toBe('1');
    expect(first.spec.replicas).toBe(6);
    expect(first.spec.template.spec.containers[0].image).toBe('nginx:1.26');
    expect(second.metadata.annotations['deployment.kubernetes.io/revision']).toBe('2');
    expect(second.spec.replicas).toBe(0);
    const d = items.find((o: any) => o.kind === 'Deployment');
    expect(d.metadata.annotations['deployment.kubernetes.io/revision']).toBe('3');
    expect(d.status).toMatchObject({ replicas: 6, updatedReplicas: 6, readyReplicas: 6, availableReplicas: 6 });
    const progressing = d.status.conditions.find((c: any) => c.type === 'Progressing');
    expect(progressing).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${first.metadata.name}" has successfully progressed.` });
    const scaling = items
      .filter((o: any) => o.kind === 'Event' && o.reason === 'ScalingReplicaSet')
      .map((o: any) => o.message);
    expect(scaling[0]).toBe(`Scaled up replica set ${first.metadata.name} from 0 to 6`);
    expect(scaling).toContain(`Scaled up replica set ${second.metadata.name} from 0 to 2`);
    expect(scaling).toContain(`Scaled down replica set ${first.metadata.name} from 6 to 5`);
  });
});
