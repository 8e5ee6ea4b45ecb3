// Defaults listed in ../shared/conformance/constants.json, checked against what the API server
// stores for freshly created objects.
import { describe, expect, it } from 'vitest';
import { loadConformance } from '../conformance';
import { Simulation } from '../../../src/engine/sim/simulation';
import { parseQuantity } from '../../../src/engine/api/quantity';
import type { KubeObject } from '../../../src/engine/api/meta';

interface Constant {
  area: string;
  name: string;
  value: unknown;
}
const constants: Constant[] = loadConformance('constants.json').constants;
const byName = (area: string, name: string) => {
  const c = constants.find((x) => x.area === area && x.name === name);
  if (!c) throw new Error(`constants.json has no ${area} / ${name}`);
  return c.value;
};

const podSpec = { containers: [{ name: 'c', image: 'busybox:1.36', livenessProbe: { exec: { command: ['true'] } } }] };
const template = (restartPolicy?: string) => ({ metadata: { labels: { app: 'x' } }, spec: { ...podSpec, ...(restartPolicy ? { restartPolicy } : {}) } });

function created(): Record<string, KubeObject> {
  const sim = new Simulation({ freezeObjects: true, seed: 11 });
  const sel = { matchLabels: { app: 'x' } };
  return {
    Deployment: sim.api.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { selector: sel, template: template() } }),
    StatefulSet: sim.api.create({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 's' }, spec: { selector: sel, template: template() } }),
    DaemonSet: sim.api.create({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'ds' }, spec: { selector: sel, template: template() } }),
    Job: sim.api.create({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, spec: { template: template('Never') } }),
    CronJob: sim.api.create({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'cj' },
      spec: { schedule: '@hourly', jobTemplate: { spec: { template: template('OnFailure') } } },
    }),
    Pod: sim.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: podSpec }),
    HorizontalPodAutoscaler: sim.api.create({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'h' },
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'd' }, maxReplicas: 3, behavior: {} },
    }),
  };
}

// constants.json entry -> where the default shows up.
const CHECKS: [string, string, (o: Record<string, KubeObject>) => unknown][] = [
  ['Deployment', 'spec.replicas default', (o) => o.Deployment.spec.replicas],
  ['Deployment', 'spec.strategy.type default', (o) => o.Deployment.spec.strategy.type],
  ['Deployment', 'rollingUpdate.maxSurge default', (o) => o.Deployment.spec.strategy.rollingUpdate.maxSurge],
  ['Deployment', 'rollingUpdate.maxUnavailable default', (o) => o.Deployment.spec.strategy.rollingUpdate.maxUnavailable],
  ['Deployment', 'spec.revisionHistoryLimit default', (o) => o.Deployment.spec.revisionHistoryLimit],
  ['Deployment', 'spec.progressDeadlineSeconds default', (o) => o.Deployment.spec.progressDeadlineSeconds],
  ['Deployment', 'spec.minReadySeconds default', (o) => o.Deployment.spec.minReadySeconds ?? 0],
  ['StatefulSet', 'spec.podManagementPolicy default', (o) => o.StatefulSet.spec.podManagementPolicy],
  ['StatefulSet', 'spec.updateStrategy.type default', (o) => o.StatefulSet.spec.updateStrategy.type],
  ['StatefulSet', 'rollingUpdate.partition default', (o) => o.StatefulSet.spec.updateStrategy.rollingUpdate.partition],
  ['StatefulSet', 'rollingUpdate.maxUnavailable default', (o) => o.StatefulSet.spec.updateStrategy.rollingUpdate.maxUnavailable],
  ['StatefulSet', 'spec.revisionHistoryLimit default', (o) => o.StatefulSet.spec.revisionHistoryLimit],
  ['StatefulSet', 'persistentVolumeClaimRetentionPolicy default', (o) => o.StatefulSet.spec.persistentVolumeClaimRetentionPolicy],
  ['DaemonSet', 'spec.updateStrategy.type default', (o) => o.DaemonSet.spec.updateStrategy.type],
  ['DaemonSet', 'rollingUpdate.maxUnavailable default', (o) => o.DaemonSet.spec.updateStrategy.rollingUpdate.maxUnavailable],
  ['DaemonSet', 'rollingUpdate.maxSurge default', (o) => o.DaemonSet.spec.updateStrategy.rollingUpdate.maxSurge],
  ['DaemonSet', 'spec.revisionHistoryLimit default', (o) => o.DaemonSet.spec.revisionHistoryLimit],
  ['Job', 'spec.backoffLimit default', (o) => o.Job.spec.backoffLimit],
  ['Job', 'spec.completionMode default', (o) => o.Job.spec.completionMode],
  ['Job', 'spec.suspend default', (o) => o.Job.spec.suspend],
  ['CronJob', 'spec.concurrencyPolicy default', (o) => o.CronJob.spec.concurrencyPolicy],
  ['CronJob', 'spec.suspend default', (o) => o.CronJob.spec.suspend],
  ['CronJob', 'spec.successfulJobsHistoryLimit default', (o) => o.CronJob.spec.successfulJobsHistoryLimit],
  ['CronJob', 'spec.failedJobsHistoryLimit default', (o) => o.CronJob.spec.failedJobsHistoryLimit],
  ['Pod', 'terminationGracePeriodSeconds default', (o) => o.Pod.spec.terminationGracePeriodSeconds],
  ['Pod', 'probe.initialDelaySeconds default', (o) => o.Pod.spec.containers[0].livenessProbe.initialDelaySeconds ?? 0],
  ['Pod', 'probe.timeoutSeconds default', (o) => o.Pod.spec.containers[0].livenessProbe.timeoutSeconds],
  ['Pod', 'probe.periodSeconds default', (o) => o.Pod.spec.containers[0].livenessProbe.periodSeconds],
  ['Pod', 'probe.successThreshold default', (o) => o.Pod.spec.containers[0].livenessProbe.successThreshold],
  ['Pod', 'probe.failureThreshold default', (o) => o.Pod.spec.containers[0].livenessProbe.failureThreshold],
  ['Pod', 'spec.restartPolicy default', (o) => o.Pod.spec.restartPolicy],
  ['Pod', 'spec.schedulerName default', (o) => o.Pod.spec.schedulerName],
  ['HPA', 'minReplicas default', (o) => o.HorizontalPodAutoscaler.spec.minReplicas],
  ['node', 'default not-ready / unreachable tolerationSeconds', (o) => o.Pod.spec.tolerations[0].tolerationSeconds],
];

describe('defaults from constants.json', () => {
  const objs = created();
  for (const [area, name, get] of CHECKS) {
    it(`${area}: ${name}`, () => {
      expect(get(objs)).toEqual(byName(area, name));
    });
  }
  it('Job: both completions and parallelism unset default to 1', () => {
    expect([objs.Job.spec.completions, objs.Job.spec.parallelism]).toEqual([1, 1]);
    expect(String(byName('Job', 'completions/parallelism defaults'))).toContain('both nil -> completions=1, parallelism=1');
  });
  it('HPA: default metric and behavior', () => {
    expect(byName('HPA', 'default metric')).toBe('CPU utilization 80%');
    expect(objs.HorizontalPodAutoscaler.spec.metrics[0].resource).toEqual({ name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } });
    const def = byName('HPA', 'default behavior') as any;
    const b = objs.HorizontalPodAutoscaler.spec.behavior;
    expect(b.scaleUp).toEqual(def.scaleUp);
    expect(b.scaleDown.policies).toEqual(def.scaleDown.policies);
    expect(b.scaleDown.selectPolicy).toEqual(def.scaleDown.selectPolicy);
  });
});

describe('Quantity constants', () => {
  it('BinarySI parse is capped at the int64 maximum', () => {
    const cap = byName('Quantity', 'int64 cap for BinarySI parse') as number;
    expect(Number(parseQuantity('9223372036854775807Ki').valueBig())).toBe(cap);
  });
  it('the smallest non-zero value is 1n, rounding up away from zero', () => {
    expect(String(byName('Quantity', 'smallest non-zero value'))).toMatch(/^1n/);
    expect(parseQuantity('0.1n').toString()).toBe('1n');
    expect(parseQuantity('-0.1n').toString()).toBe('-1n');
  });
});
