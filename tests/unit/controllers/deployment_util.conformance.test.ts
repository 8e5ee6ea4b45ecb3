// deployment_util.json: vectors from pkg/controller/deployment/util/deployment_util_test.go.
import { describe, expect, test } from 'vitest';
import { loadConformance } from '../conformance';
import * as du from '../../../src/engine/controllers/deployment/util/deployment_util';
import * as ann from '../../../src/engine/controllers/deployment/util/annotations';
import { clone, deepFreeze } from '../../../src/engine/api/meta';
import { NOW, cases, mkDeployment, mkRS } from './vectors';

const V = loadConformance('deployment_util.json');

describe('ResolveFenceposts', () => {
  test.each(cases(V.ResolveFenceposts))('%s', (_n, v: any) => {
    const { maxSurge, maxUnavailable, desired } = v.input;
    if (v.expected.error) {
      expect(() => du.resolveFenceposts(maxSurge, maxUnavailable, desired)).toThrow();
    } else {
      expect(du.resolveFenceposts(maxSurge, maxUnavailable, desired)).toEqual({ surge: v.expected.surge, unavailable: v.expected.unavailable });
    }
  });
});

describe('NewRSNewReplicas', () => {
  test.each(cases(V.NewRSNewReplicas))('%s', (_n, v: any) => {
    const i = v.input;
    const d = mkDeployment({ replicas: i.deploymentReplicas, strategy: i.strategy, maxSurge: i.maxSurge, maxUnavailable: i.maxUnavailable });
    const newRS = mkRS({ name: 'new', specReplicas: i.newRSReplicas });
    expect(du.newRSNewReplicas(d, i.allRSs.map(mkRS), newRS)).toBe(v.expected.newReplicas);
  });
});

describe('MaxUnavailable and MinAvailable', () => {
  test.each(cases(V.MaxUnavailable))('MaxUnavailable %s', (_n, v: any) => {
    expect(du.maxUnavailable(mkDeployment(v.input))).toBe(v.expected);
  });
  test.each(cases(V.MinAvailable))('MinAvailable %s', (_n, v: any) => {
    expect(du.minAvailable(mkDeployment(v.input))).toBe(v.expected);
  });
});

describe('getReplicaSetFraction', () => {
  test.each(cases(V.getReplicaSetFraction))('%s', (_n, v: any) => {
    const dd = v.input.deployment;
    const d = mkDeployment(dd);
    d.status = { replicas: dd.statusReplicas };
    expect(du.getReplicaSetFraction(mkRS(v.input.rs), d)).toBe(v.expected.fraction);
  });
});

describe('DeploymentComplete / Progressing / TimedOut', () => {
  test.each(cases(V.DeploymentComplete))('complete: %s', (_n, v: any) => {
    const s = v.input.spec;
    const d = mkDeployment({ replicas: s.replicas, maxSurge: s.maxSurge, maxUnavailable: s.maxUnavailable }, { generation: v.input.generation });
    expect(du.deploymentComplete(d, v.input.status)).toBe(v.expected);
  });
  test.each(cases(V.DeploymentProgressing))('progressing: %s', (_n, v: any) => {
    const d = mkDeployment({ replicas: 10 }, { status: v.input.oldStatus });
    expect(du.deploymentProgressing(d, v.input.newStatus)).toBe(v.expected);
  });
  test.each(cases(V.DeploymentTimedOut))('timed out: %s', (_n, v: any) => {
    const i = v.input;
    const spec = i.progressDeadlineSeconds === null ? {} : { progressDeadlineSeconds: i.progressDeadlineSeconds };
    const d = mkDeployment({ replicas: 1 }, { spec });
    const cond = { type: 'Progressing', ...i.progressingCondition };
    const now = i.now === null ? NOW : Date.parse(i.now);
    expect(du.deploymentTimedOut(d, { conditions: [cond] }, now)).toBe(v.expected);
  });
});

describe('replica counts', () => {
  test.each(cases(V.ReplicaCounts))('%s', (_n, v: any) => {
    const rss = v.input.replicaSets.map(mkRS);
    const e = v.expected;
    expect(du.getReplicaCountForReplicaSets(rss)).toBe(e['GetReplicaCountForReplicaSets(sum spec.replicas)']);
    expect(du.getActualReplicaCountForReplicaSets(rss)).toBe(e['GetActualReplicaCountForReplicaSets(sum status.replicas)']);
    expect(du.getTerminatingReplicaCountForReplicaSets(rss)).toBe(e.GetTerminatingReplicaCountForReplicaSets);
  });
});

describe('EqualIgnoreHash', () => {
  test.each(cases(V.EqualIgnoreHash))('%s', (_n, v: any) => {
    const a = deepFreeze(clone(v.input.former));
    const b = deepFreeze(clone(v.input.latter));
    expect(du.equalIgnoreHash(a, b)).toBe(v.expected);
    expect(du.equalIgnoreHash(b, a)).toBe(v.expected);
    expect(a).toEqual(v.input.former);
  });
});

/** The finder vectors describe RSs by whether their template equals the Deployment's. */
function finderFixture(input: any): { d: any; rss: any[] } {
  const template = { metadata: { labels: { name: 'foo' } }, spec: { containers: [{ name: 'foo', image: 'foo' }] } };
  const other = { metadata: { labels: { name: 'foo' } }, spec: { containers: [{ name: 'foo', image: 'bar' }] } };
  const d = mkDeployment({ replicas: 1 }, { spec: { template } });
  const order: string[] = input.order ?? Object.keys(input.replicaSets);
  const rss = order.map((n) => {
    const r = input.replicaSets[n];
    const t = clone(r.templateEqualsDeploymentIgnoringHash ? template : other) as any;
    if (r.podTemplateHash) t.metadata.labels['pod-template-hash'] = r.podTemplateHash;
    return mkRS({ name: n, specReplicas: r.specReplicas, creationTimestamp: r.creationTimestamp }, t);
  });
  return { d, rss };
}

describe('FindNewReplicaSet / FindOldReplicaSets', () => {
  test.each(cases(V.FindNewReplicaSet))('new: %s', (_n, v: any) => {
    const { d, rss } = finderFixture(v.input);
    expect(du.findNewReplicaSet(d, rss)?.metadata.name ?? null).toBe(v.expected);
  });
  test.each(cases(V.FindOldReplicaSets))('old: %s', (_n, v: any) => {
    const { d, rss } = finderFixture(v.input);
    const got = du.findOldReplicaSets(d, rss);
    expect(got.all.map((r) => r.metadata.name).sort()).toEqual([...v.expected.allOldRSs].sort());
    expect(got.withReplicas.map((r) => r.metadata.name).sort()).toEqual([...v.expected.oldRSsWithReplicas].sort());
  });
});

describe('annotations', () => {
  test.each(cases(V.getNonNegativeInt32FromAnnotation))('getNonNegativeInt32FromAnnotation %s', (_n, v: any) => {
    const a: Record<string, string> = v.input.annotationValue === null ? {} : { k: v.input.annotationValue };
    const got = ann.getNonNegativeInt32FromAnnotation(a, 'k');
    expect(got.value).toBe(v.expected.value);
    expect(got.ok).toBe(v.expected.valid);
    if (v.expected.errorContains === null) expect(got.error).toBeUndefined();
    else expect(got.error).toContain(v.expected.errorContains);
  });

  test.each(cases(V.ReplicasAnnotationsNeedUpdate))('ReplicasAnnotationsNeedUpdate %s', (_n, v: any) => {
    expect(ann.replicasAnnotationsNeedUpdate(v.input.rsAnnotations, v.input.desiredReplicas, v.input.maxReplicas)).toBe(v.expected);
  });

  test('SetNewReplicaSetAnnotations keeps the highest revision and a bounded revision-history', () => {
    const v = V.SetNewReplicaSetAnnotations_revisionHistory[0];
    const d = mkDeployment({ replicas: 1 });
    d.metadata.annotations = { ...v.input.deploymentAnnotations };
    const rs = mkRS({ name: 'rs' });
    if (v.input.rsAnnotationsInitially) rs.metadata.annotations = { ...v.input.rsAnnotationsInitially };
    for (const step of v.expected.steps) {
      ann.setNewReplicaSetAnnotations(d, rs, step.newRevision, v.input.exists, v.input.revHistoryLimitInChars);
      expect(rs.metadata.annotations![ann.REVISION_ANNOTATION]).toBe(step.expectedRevision);
      if (step.expectedRevisionHistory !== undefined) expect(rs.metadata.annotations![ann.REVISION_HISTORY_ANNOTATION]).toBe(step.expectedRevisionHistory);
    }
  });

  test('SetReplicasAnnotations and IsSaturated', () => {
    const [set, sat] = V.SetReplicasAnnotations_and_IsSaturated;
    const a: Record<string, string> = {};
    expect(ann.setReplicasAnnotations(a, set.input.setReplicasAnnotations.desired, set.input.setReplicasAnnotations.max)).toBe(set.expected.updated);
    expect(a).toEqual(set.expected.annotations);
    const d = mkDeployment({ replicas: sat.input.deploymentReplicas });
    const rs = mkRS({ name: 'rs', specReplicas: sat.input.rs.specReplicas, availableReplicas: sat.input.rs.availableReplicas, annotations: sat.input.rs.annotations });
    expect(ann.isSaturated(d, rs)).toBe(sat.expected);
  });
});
