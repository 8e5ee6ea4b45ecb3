// The Deployment and ReplicaSet controllers together, through the API server, with a fake
// kubelet making pods ready (see fakeKubelet.ts).
import { describe, expect, test } from 'vitest';
import type { KubeObject } from '../../../src/engine/api/meta';
import { computeHash } from '../../../src/engine/controllers/controller_utils/hash';
import { replicaSetForRollback, rollbackTemplate } from '../../../src/engine/controllers/deployment/rollback';
import { FakeKubelet, deployment, newSim } from './fakeKubelet';
import type { Simulation } from '../../../src/engine/sim/simulation';

const RAND = '[bcdfghjklmnpqrstvwxz2456789]';

function rsOf(sim: Simulation, name: string): KubeObject[] {
  return sim.list('ReplicaSet', 'default').filter((rs) => rs.metadata.ownerReferences?.[0]?.name === name);
}

function rsByImage(sim: Simulation, name: string, image: string): KubeObject | undefined {
  return rsOf(sim, name).find((rs) => rs.spec.template.spec.containers[0].image === image);
}

function events(sim: Simulation, objName?: string): string[] {
  return sim
    .list('Event', 'default')
    .filter((e) => !objName || e.involvedObject.name === objName)
    .map((e) => `${e.reason}: ${e.message}`);
}

function setImage(sim: Simulation, name: string, image: string): void {
  sim.api.mutate('Deployment', 'default', name, (d) => void (d.spec.template.spec.containers[0].image = image));
}

function cond(obj: KubeObject | undefined, type: string) {
  return obj?.status?.conditions?.find((c: { type: string }) => c.type === type);
}

describe('Deployment creation', () => {
  test('a Deployment of 3 creates one ReplicaSet <name>-<hash> and 3 pods owned by it', () => {
    const sim = newSim();
    const k = new FakeKubelet(sim);
    const d = sim.api.create(deployment('web', 3));
    k.advance(100);

    const hash = computeHash(d.spec.template);
    const rss = sim.list('ReplicaSet', 'default');
    expect(rss).toHaveLength(1);
    const rs = rss[0];
    expect(rs.metadata.name).toBe(`web-${hash}`);
    expect(rs.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.metadata.annotations).toEqual({
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
      'deployment.kubernetes.io/revision': '1',
    });
    expect(rs.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: d.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(rs.spec.replicas).toBe(3);
    expect(rs.spec.selector).toEqual({ matchLabels: { app: 'web', 'pod-template-hash': hash } });
    expect(rs.spec.template.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash });

    const pods = sim.list('Pod', 'default');
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(new RegExp(`^web-${hash}-${RAND}{5}$`));
      expect(p.metadata.generateName).toBe(`web-${hash}-`);
      expect(p.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
      expect(p.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name, uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    }
    expect(sim.get('Deployment', 'default', 'web')!.metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '1' });
    expect(events(sim, 'web')).toEqual([`ScalingReplicaSet: Scaled up replica set web-${hash} from 0 to 3`]);
    expect(events(sim, rs.metadata.name).sort()).toEqual(pods.map((p) => `SuccessfulCreate: Created pod: ${p.metadata.name}`).sort());
    const created = sim.list('Event', 'default').find((e) => e.reason === 'SuccessfulCreate')!;
    expect(created.source).toEqual({ component: 'replicaset-controller' });
  });

  test('status and conditions follow the pods: Available and Progressing with upstream messages', () => {
    const sim = newSim();
    const k = new FakeKubelet(sim, { readyAfterMs: 2000 });
    sim.api.create(deployment('web', 3));
    k.advance(1000);
    let d = sim.get('Deployment', 'default', 'web')!;
    const rsName = sim.list('ReplicaSet', 'default')[0].metadata.name;
    expect(cond(d, 'Available')).toMatchObject({ status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' });
    expect(cond(d, 'Progressing')).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated', message: `ReplicaSet "${rsName}" is progressing.` });
    expect(d.status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, unavailableReplicas: 3 });

    k.advance(5000);
    d = sim.get('Deployment', 'default', 'web')!;
    expect(d.status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3, terminatingReplicas: 0 });
    expect(d.status.unavailableReplicas).toBeUndefined();
    expect(d.status.conditions.map((c: { type: string }) => c.type)).toEqual(['Available', 'Progressing']);
    expect(cond(d, 'Available')).toMatchObject({ status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' });
    expect(cond(d, 'Progressing')).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${rsName}" has successfully progressed.` });
    const rs = sim.get('ReplicaSet', 'default', rsName)!;
    expect(rs.status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, terminatingReplicas: 0, observedGeneration: 1 });
  });
});

describe('adoption', () => {
  test('a new Deployment adopts a matching orphan ReplicaSet with its template as the new one', () => {
    const sim = newSim();
    const k = new FakeKubelet(sim);
    const spec = deployment('web', 2).spec;
    sim.api.create({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web-legacy', namespace: 'default', labels: { app: 'web' } },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: spec.template },
    });
    k.advance(3000);
    const d = sim.api.create(deployment('web', 2));
    k.advance(100);
    expect(sim.list('ReplicaSet', 'default').map((rs) => rs.metadata.name)).toEqual(['web-legacy']);
    const rs = sim.get('ReplicaSet', 'default', 'web-legacy')!;
    expect(rs.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: d.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(rs.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '1' });
    const progressing = cond(sim.get('Deployment', 'default', 'web'), 'Progressing');
    expect(progressing).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable', message: 'ReplicaSet "web-legacy" has successfully progressed.' });
    expect(sim.list('Pod', 'default')).toHaveLength(2);
    expect(events(sim, 'web')).toEqual([]);
  });
});

describe('hash collisions', () => {
  test('a name taken by a foreign ReplicaSet bumps status.collisionCount and hashes again', () => {
    const sim = newSim();
    const k = new FakeKubelet(sim);
    const template = deployment('web', 1).spec.template;
    const stored = sim.api.create(deployment('web', 1));
    const taken = `web-${computeHash(stored.spec.template)}`;
    // Paused (as the store has no way to hold back a controller) while the squatter is created.
    sim.api.mutate('Deployment', 'default', 'web', (d) => void (d.spec.paused = true));
    k.advance(100);
    sim.api.create({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: taken, namespace: 'default', labels: { app: 'other' } },
      spec: { replicas: 0, selector: { matchLabels: { app: 'other' } }, template: { ...template, metadata: { labels: { app: 'other' } } } },
    });
    sim.api.mutate('Deployment', 'default', 'web', (d) => void (d.spec.paused = false));
    k.advance(1000);
    const d = sim.get('Deployment', 'default', 'web')!;
    expect(d.status.collisionCount).toBe(1);
    const own = rsOf(sim, 'web');
    expect(own.map((rs) => rs.metadata.name)).toEqual([`web-${computeHash(d.spec.template, 1)}`]);
    expect(own[0].spec.replicas).toBe(1);
  });
});

describe('RollingUpdate', () => {
  test('rolls step by step within maxSurge and maxUnavailable at every store change', () => {
    const sim = newSim(3);
    const k = new FakeKubelet(sim, { readyAfterMs: 3000, terminateAfterMs: 2000 });
    sim.api.create(deployment('web', 10));
    k.advance(10_000);
    const violations: string[] = [];
    let changes = 0;
    sim.onChange(() => {
      changes++;
      const rss = rsOf(sim, 'web');
      const specSum = rss.reduce((n, rs) => n + rs.spec.replicas, 0);
      const pods = sim.list('Pod', 'default').filter((p) => !p.metadata.deletionTimestamp);
      const ready = pods.filter((p) => p.status?.conditions?.some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True')).length;
      if (specSum > 13) violations.push(`t=${sim.now} Σspec=${specSum}`);
      if (pods.length > 13) violations.push(`t=${sim.now} pods=${pods.length}`);
      if (ready < 8) violations.push(`t=${sim.now} ready=${ready}`);
    });
    const oldRS = sim.list('ReplicaSet', 'default')[0];
    setImage(sim, 'web', 'nginx:1.28');
    k.advance(120_000);

    expect(violations).toEqual([]);
    expect(changes).toBeGreaterThan(50);
    const newRS = rsByImage(sim, 'web', 'nginx:1.28')!;
    expect(newRS.spec.replicas).toBe(10);
    expect(sim.get('ReplicaSet', 'default', oldRS.metadata.name)!.spec.replicas).toBe(0);
    expect(newRS.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('2');
    const scaling = events(sim, 'web').filter((e) => e.startsWith('ScalingReplicaSet'));
    expect(scaling.slice(0, 3)).toEqual([
      `ScalingReplicaSet: Scaled up replica set ${oldRS.metadata.name} from 0 to 10`,
      `ScalingReplicaSet: Scaled up replica set ${newRS.metadata.name} from 0 to 3`,
      `ScalingReplicaSet: Scaled down replica set ${oldRS.metadata.name} from 10 to 8`,
    ]);
    expect(scaling[scaling.length - 1]).toMatch(new RegExp(`Scaled (up replica set ${newRS.metadata.name} from \\d+ to 10|down replica set ${oldRS.metadata.name} from \\d+ to 0)$`));
    const d = sim.get('Deployment', 'default', 'web')!;
    expect(d.status).toMatchObject({ observedGeneration: 2, replicas: 10, updatedReplicas: 10, availableReplicas: 10 });
    expect(cond(d, 'Progressing')).toMatchObject({ reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${newRS.metadata.name}" has successfully progressed.` });
    expect(sim.get('Deployment', 'default', 'web')!.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('2');
  });

  test('scaling in the middle of a rollout is proportional, leftovers to the largest ReplicaSet', () => {
    const sim = newSim();
    // The new template never becomes ready: surge 3, old 10->8, new 3->5, then it is stuck.
    const k = new FakeKubelet(sim, { becomesReady: (p) => p.spec.containers[0].image !== 'nginx:broken' });
    sim.api.create(deployment('web', 10));
    k.advance(10_000);
    const oldName = sim.list('ReplicaSet', 'default')[0].metadata.name;
    setImage(sim, 'web', 'nginx:broken');
    k.advance(30_000);
    const newName = rsByImage(sim, 'web', 'nginx:broken')!.metadata.name;
    expect(sim.get('ReplicaSet', 'default', oldName)!.spec.replicas).toBe(8);
    expect(sim.get('ReplicaSet', 'default', newName)!.spec.replicas).toBe(5);

    sim.api.mutate('Deployment', 'default', 'web', (d) => void (d.spec.replicas = 20));
    k.advance(1000);
    // allowed 20+5=25, toAdd 12: old round(8*25/13)-8=7, new min(round(5*25/13)-5, 12-7)=5.
    const oldRS = sim.get('ReplicaSet', 'default', oldName)!;
    const newRS = sim.get('ReplicaSet', 'default', newName)!;
    expect(oldRS.spec.replicas).toBe(15);
    expect(newRS.spec.replicas).toBe(10);
    for (const rs of [oldRS, newRS]) {
      expect(rs.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/desired-replicas': '20', 'deployment.kubernetes.io/max-replicas': '25' });
    }
    expect(events(sim, 'web').slice(-2)).toEqual([
      `ScalingReplicaSet: Scaled up replica set ${oldName} from 8 to 15`,
      `ScalingReplicaSet: Scaled up replica set ${newName} from 5 to 10`,
    ]);
  });

  test('progressDeadlineSeconds: a stuck rollout becomes ProgressDeadlineExceeded after the deadline', () => {
    const sim = newSim();
    const k = new FakeKubelet(sim, { becomesReady: (p) => p.spec.containers[0].image !== 'nginx:broken' });
    sim.api.create(deployment('web', 2, { progressDeadlineSeconds: 30 }));
    k.advance(10_000);
    setImage(sim, 'web', 'nginx:broken');
    const start = sim.now;
    k.advance(5_000);
    const newName = rsByImage(sim, 'web', 'nginx:broken')!.metadata.name;
    const lastUpdate = Date.parse(cond(sim.get('Deployment', 'default', 'web'), 'Progressing').lastUpdateTime) - sim.clock.epochMs;
    k.runUntil(lastUpdate + 30_000);
    expect(cond(sim.get('Deployment', 'default', 'web'), 'Progressing')).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated' });
    k.runUntil(lastUpdate + 31_100);
    const c = cond(sim.get('Deployment', 'default', 'web'), 'Progressing');
    expect(c).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${newName}" has timed out progressing.` });
    expect(Date.parse(c.lastTransitionTime) - sim.clock.epochMs).toBeGreaterThan(start + 30_000);
  });
});

describe('Recreate', () => {
  test('scales the old ReplicaSet to 0 and creates the new one only when old pods are gone', () => {
    const sim = newSim();
    const k = new FakeKubelet(sim, { terminateAfterMs: 5000 });
    sim.api.create(deployment('db', 3, { strategy: { type: 'Recreate' } }));
    k.advance(10_000);
    const oldName = sim.list('ReplicaSet', 'default')[0].metadata.name;
    const overlap: number[] = [];
    sim.onChange(() => {
      const pods = sim.list('Pod', 'default');
      const oldPods = pods.filter((p) => p.metadata.ownerReferences?.[0]?.name === oldName);
      if (oldPods.length && pods.length > oldPods.length) overlap.push(sim.now);
    });
    setImage(sim, 'db', 'postgres:17');
    k.advance(4000);
    expect(rsOf(sim, 'db')).toHaveLength(1);
    expect(sim.get('ReplicaSet', 'default', oldName)!.spec.replicas).toBe(0);
    k.advance(30_000);
    expect(overlap).toEqual([]);
    const newRS = rsByImage(sim, 'db', 'postgres:17')!;
    expect(newRS.spec.replicas).toBe(3);
    expect(events(sim, 'db').slice(-2)).toEqual([
      `ScalingReplicaSet: Scaled down replica set ${oldName} from 3 to 0`,
      `ScalingReplicaSet: Scaled up replica set ${newRS.metadata.name} from 0 to 3`,
    ]);
  });
});

describe('revisions', () => {
  test('revisionHistoryLimit keeps only that many old ReplicaSets, lowest revisions deleted first', () => {
    const sim = newSim();
    const k = new FakeKubelet(sim, { readyAfterMs: 500, terminateAfterMs: 500 });
    sim.api.create(deployment('web', 2, { revisionHistoryLimit: 1 }));
    k.advance(5000);
    for (const tag of ['1.26', '1.27', '1.28']) {
      setImage(sim, 'web', `nginx:${tag}`);
      k.advance(20_000);
    }
    const revs = rsOf(sim, 'web').map((rs) => [rs.spec.template.spec.containers[0].image, rs.metadata.annotations!['deployment.kubernetes.io/revision']]).sort();
    expect(revs).toEqual([
      ['nginx:1.27', '3'],
      ['nginx:1.28', '4'],
    ]);
    expect(sim.get('Deployment', 'default', 'web')!.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('4');
  });

  test('rollback re-adopts the old ReplicaSet and bumps its revision, keeping revision-history', () => {
    const sim = newSim();
    const k = new FakeKubelet(sim, { readyAfterMs: 500, terminateAfterMs: 500 });
    sim.api.create(deployment('web', 2));
    k.advance(5000);
    const first = sim.list('ReplicaSet', 'default')[0].metadata.name;
    setImage(sim, 'web', 'nginx:1.28');
    k.advance(20_000);
    // What `kubectl rollout undo` does: copy the previous revision's template back.
    const target = replicaSetForRollback(sim.api, sim.get('Deployment', 'default', 'web')!)!;
    expect(target.metadata.name).toBe(first);
    sim.api.mutate('Deployment', 'default', 'web', (d) => void (d.spec.template = rollbackTemplate(target)));
    k.advance(20_000);
    expect(rsOf(sim, 'web')).toHaveLength(2);
    const rs = sim.get('ReplicaSet', 'default', first)!;
    expect(rs.spec.replicas).toBe(2);
    expect(rs.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '3', 'deployment.kubernetes.io/revision-history': '1' });
    expect(sim.get('Deployment', 'default', 'web')!.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('3');
  });
});

describe('pause and resume', () => {
  test('a paused Deployment does not roll out; its Progressing condition says so', () => {
    const sim = newSim();
    const k = new FakeKubelet(sim, { readyAfterMs: 500 });
    sim.api.create(deployment('web', 2));
    k.advance(5000);
    sim.api.mutate('Deployment', 'default', 'web', (d) => void (d.spec.paused = true));
    setImage(sim, 'web', 'nginx:1.28');
    k.advance(10_000);
    expect(rsOf(sim, 'web')).toHaveLength(1);
    expect(cond(sim.get('Deployment', 'default', 'web'), 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
    const reasons: string[] = [];
    sim.onChange((r) => {
      const c = r.object.kind === 'Deployment' ? cond(r.object, 'Progressing') : undefined;
      if (c && reasons[reasons.length - 1] !== `${c.status}/${c.reason}`) reasons.push(`${c.status}/${c.reason}`);
    });
    sim.api.mutate('Deployment', 'default', 'web', (d) => void (d.spec.paused = false));
    k.advance(20_000);
    expect(reasons.slice(0, 4)).toEqual(['Unknown/DeploymentPaused', 'Unknown/DeploymentResumed', 'True/NewReplicaSetCreated', 'True/ReplicaSetUpdated']);
    expect(reasons[reasons.length - 1]).toBe('True/NewReplicaSetAvailable');
    expect(rsByImage(sim, 'web', 'nginx:1.28')!.spec.replicas).toBe(2);
  });
});
