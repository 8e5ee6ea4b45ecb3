// deployment_rolling.json (pkg/controller/deployment/rolling_test.go) and deployment_scale.json
// (sync_test.go): the planning functions the controller applies each sync.
import { describe, expect, test } from 'vitest';
import { loadConformance } from '../conformance';
import {
  planCleanupUnhealthyReplicas,
  planReconcileNewReplicaSet,
  planReconcileOldReplicaSets,
  planScaleDownOldReplicaSetsForRollingUpdate,
} from '../../../src/engine/controllers/deployment/rolling';
import { generateReplicaSetName, maxSurge } from '../../../src/engine/controllers/deployment/util/deployment_util';
import { planCleanupDeployment, planScale, scaleOpNeedsUpdate } from '../../../src/engine/controllers/deployment/sync';
import { setReplicasAnnotations } from '../../../src/engine/controllers/deployment/util/annotations';
import { cases, mkDeployment, mkRS } from './vectors';

const R = loadConformance('deployment_rolling.json');
const S = loadConformance('deployment_scale.json');

/**
 * Gated vectors: DeploymentReplicaSetTerminatingReplicas is beta and on (implemented); the alpha
 * DeploymentPodReplacementPolicy is off by default and not implemented, so only vectors whose
 * Deployment uses its TerminationComplete policy are left out.
 */
const runnable = (v: any) => !(v.featureGates?.DeploymentPodReplacementPolicy && v.input?.deployment?.podReplacementPolicy === 'TerminationComplete');

describe('reconcileNewReplicaSet', () => {
  test.each(cases(R.reconcileNewReplicaSet.filter(runnable)))('%s', (_n, v: any) => {
    const i = v.input;
    const d = mkDeployment(i.deployment);
    const newRS = mkRS({ name: i.newRS.name, specReplicas: i.newRS.specReplicas, status: i.newRS.status });
    const oldRS = mkRS({ name: i.oldRS.name, specReplicas: i.oldRS.specReplicas, status: i.oldRS.status });
    const next = planReconcileNewReplicaSet(d, [newRS, oldRS], newRS);
    expect(next !== undefined).toBe(v.expected.scaled);
    if (v.expected.scaled) expect(next).toBe(v.expected.newRSReplicas);
  });
});

describe('reconcileOldReplicaSets', () => {
  test.each(cases(R.reconcileOldReplicaSets))('%s', (_n, v: any) => {
    const i = v.input;
    const d = mkDeployment(i.deployment);
    const oldRS = mkRS(i.oldRS);
    const newRS = mkRS(i.newRS);
    const steps = planReconcileOldReplicaSets([oldRS, newRS], [oldRS], newRS, d);
    expect(steps.length > 0).toBe(v.expected.scaled);
    if (v.expected.scaled) expect(steps[steps.length - 1].newReplicas).toBe(v.expected.oldRSReplicas);
  });
});

describe('cleanupUnhealthyReplicas', () => {
  test.each(cases(R.cleanupUnhealthyReplicas))('%s', (_n, v: any) => {
    const i = v.input;
    const { cleaned, steps } = planCleanupUnhealthyReplicas([mkRS(i.oldRS)], i.maxCleanupCount);
    expect(cleaned).toBe(v.expected.cleanupCount);
    expect(steps.length).toBe(v.expected.cleanupCount > 0 ? 1 : 0);
  });
});

describe('scaleDownOldReplicaSetsForRollingUpdate', () => {
  test.each(cases(R.scaleDownOldReplicaSetsForRollingUpdate))('%s', (_n, v: any) => {
    const i = v.input;
    const d = mkDeployment(i.deployment);
    const rs = mkRS(i.oldRS);
    const { steps } = planScaleDownOldReplicaSetsForRollingUpdate([rs], [rs], d);
    expect(steps.length > 0).toBe(v.expected.scaled);
    if (v.expected.scaled) expect(steps[0].newReplicas).toBe(v.expected.oldRSReplicas);
  });
});

/** Apply planScale to the vector's RSs: final size and annotations of every RS. */
function runScale(d: any, newRS: any, oldRSs: any[]) {
  const ops = planScale(d, newRS ?? undefined, oldRSs);
  const byName = new Map<string, { replicas: number; annotations: Record<string, string>; updated: boolean }>();
  for (const rs of [newRS, ...oldRSs].filter(Boolean)) byName.set(rs.metadata.name, { replicas: rs.spec.replicas, annotations: { ...(rs.metadata.annotations ?? {}) }, updated: false });
  const replicas = d.spec.replicas;
  for (const op of ops) {
    const e = byName.get(op.rs.metadata.name)!;
    if (!scaleOpNeedsUpdate(op, d)) continue;
    e.replicas = op.newReplicas;
    e.updated = true;
    setReplicasAnnotations(e.annotations, replicas, replicas + maxSurge(d));
  }
  return byName;
}

describe('scale (proportional scaling)', () => {
  test.each(cases(S.TestScale))('%s', (_n, v: any) => {
    const i = v.input;
    const d = mkDeployment(i.deployment);
    const newRS = i.newRS ? mkRS(i.newRS) : undefined;
    const oldRSs = i.oldRSs.map(mkRS);
    const got = runScale(d, newRS, oldRSs);
    if (v.expected.newRSReplicas !== null) expect(got.get(i.newRS.name)!.replicas).toBe(v.expected.newRSReplicas);
    for (const [n, r] of Object.entries(v.expected.oldRSReplicas)) expect(got.get(n)!.replicas).toBe(r);
    for (const n of v.expected.notUpdated ?? []) expect(got.get(n)!.updated).toBe(false);
  });

  test.each(cases(S.TestScale_featureGated.filter(runnable)))('gated (terminating replicas only): %s', (_n, v: any) => {
    const i = v.input;
    const d = mkDeployment(i.deployment);
    // The harness sizes RSs for the previous Deployment: desired = old replicas, max = + surge.
    const withHarnessAnnotations = (r: any) => ({
      ...r,
      annotations: r.annotations ?? {
        'deployment.kubernetes.io/desired-replicas': String(i.oldDeployment.replicas),
        'deployment.kubernetes.io/max-replicas': String(i.oldDeployment.replicas + i.oldDeployment.maxSurge),
      },
    });
    const newRS = mkRS(withHarnessAnnotations(i.newRS));
    const oldRSs = i.oldRSs.map((r: any) => mkRS(withHarnessAnnotations(r)));
    const got = runScale(d, newRS, oldRSs);
    for (const e of [v.expected.newRS, ...v.expected.oldRSs]) {
      expect(got.get(e.name)!.replicas).toBe(e.specReplicas);
      expect(got.get(e.name)!.annotations).toEqual(e.annotations);
    }
  });
});

describe('cleanupDeployment (revisionHistoryLimit)', () => {
  test.each(cases(S.cleanupDeployment))('%s', (_n, v: any) => {
    const d = mkDeployment({ replicas: 1 }, { spec: { revisionHistoryLimit: v.input.revisionHistoryLimit } });
    expect(planCleanupDeployment(v.input.oldRSs.map(mkRS), d)).toHaveLength(v.expected.deletions);
  });
  test.each(cases(S.cleanupDeploymentOrder))('order: %s', (_n, v: any) => {
    const d = mkDeployment({ replicas: 1 }, { spec: { revisionHistoryLimit: v.input.revisionHistoryLimit } });
    expect(planCleanupDeployment(v.input.oldRSs.map(mkRS), d).map((r) => r.metadata.name)).toEqual(v.expected.deletedReplicaSets);
  });
});

describe('generateReplicaSetName', () => {
  const expand = (x: any) => (typeof x === 'string' ? x : x.repeat.repeat(x.times));
  test.each(cases(S.generateReplicaSetName, (_v, i) => String(i)))('vector %s', (_i, v: any) => {
    const got = generateReplicaSetName(expand(v.input.deploymentName), expand(v.input.hash));
    const expected = v.expected.includes("'")
      ? v.expected.split(' + ').map((part: string) => {
          const m = /^'(.)'\*(\d+)$/.exec(part);
          return m ? m[1].repeat(Number(m[2])) : part.replace(/^'|'$/g, '');
        }).join('')
      : v.expected;
    expect(got).toBe(expected);
  });
});
