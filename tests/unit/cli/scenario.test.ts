import { describe, expect, it } from 'vitest';
import { loadScenario, parseGoDuration, SCENARIO_COMPONENT, type ScenarioRunner } from '../../../src/engine/scenario/index';
import { runKubectl } from '../../../src/engine/kubectl/index';
import { explainPodTable } from '../../../src/engine/scheduler/explain';
import { runCli } from './helpers';

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.26
`;

describe('Go durations', () => {
  it.each([
    ['90s', 90_000], ['5m', 300_000], ['1h30m', 5_400_000], ['1.5s', 1_500], ['300ms', 300], ['0', 0], ['2m3.5s', 123_500],
  ])('%s', (s, ms) => expect(parseGoDuration(s)).toBe(ms));

  it('rejects what Go rejects', () => {
    expect(() => parseGoDuration('5')).toThrow('time: missing unit in duration "5"');
    expect(() => parseGoDuration('abc')).toThrow('time: invalid duration "abc"');
    expect(() => parseGoDuration('5x')).toThrow('time: unknown unit "x" in duration "5x"');
  });
});

describe('loadScenario', () => {
  it('takes the seed from the Scenario, lets the caller override it, and runs steps at their times', () => {
    const text = `apiVersion: kubeplay.dev/v1\nkind: Scenario\nmetadata: {name: s}\nspec:\n  seed: 42\n  steps:\n  - at: 20s\n    kubectl: kubectl scale deployment/web --replicas=4\n  - at: 30s\n    apply: |\n      apiVersion: v1\n      kind: ConfigMap\n      metadata: {name: late}\n---\n${DEPLOY}`;
    const { sim, diagnostics, scenario } = loadScenario(text, { file: 's.yaml', freezeObjects: true });
    expect(diagnostics).toEqual([]);
    expect(sim.seed).toBe(42);
    expect(scenario.steps.map((s) => s.at)).toEqual([20_000, 30_000]);
    expect(loadScenario(text, { seed: 3 }).sim.seed).toBe(3);

    sim.runUntil(19_999);
    expect(sim.get('Deployment', 'default', 'web')!.spec.replicas).toBe(2);
    sim.runUntil(20_000);
    expect(sim.get('Deployment', 'default', 'web')!.spec.replicas).toBe(4);
    expect(sim.get('ConfigMap', 'default', 'late')).toBeUndefined();
    sim.runUntil(30_000);
    expect(sim.get('ConfigMap', 'default', 'late')!.metadata.creationTimestamp).toBe('2025-01-01T00:00:30Z');
    const runner = sim.component<ScenarioRunner>(SCENARIO_COMPONENT)!;
    expect(runner.log.map((l) => [l.t, l.stdout, l.exitCode])).toEqual([
      [20_000, 'deployment.apps/web scaled\n', 0],
      [30_000, 'configmap/late created\n', 0],
    ]);
  });

  it('positions problems in the Scenario document', () => {
    const text = `apiVersion: kubeplay.dev/v1\nkind: Scenario\nmetadata: {name: s}\nspec:\n  seed: -1\n  steps:\n  - at: soon\n    kubectl: get pods\n  - at: 5s\n  - at: 6s\n    kubectl: frobnicate pods\n  - at: 6s\n    node: {name: worker-9, action: stop}\n  - at: 7s\n    node: {name: worker-1, action: reboot}\n`;
    const { diagnostics } = loadScenario(text, { file: 's.yaml' });
    expect(diagnostics.map((d) => `${d.line}:${d.column}: ${d.message}`)).toEqual([
      '5:9: spec.seed: Invalid value: -1: must be an integer between 0 and 4294967295',
      '7:9: spec.steps[0].at: Invalid value: "soon": time: invalid duration "soon"',
      '9:5: spec.steps[1]: Invalid value: exactly one of kubectl, apply, node or pod must be set',
      '11:14: error: unknown command "frobnicate" for "kubectl"',
      '12:5: nodes "worker-9" not found',
      '15:36: spec.steps[4].node.action: Unsupported value: "reboot": supported values: "start", "stop"',
    ]);
  });

  it('positions problems inside an apply step at their line in the file', () => {
    const text = `apiVersion: kubeplay.dev/v1\nkind: Scenario\nmetadata: {name: s}\nspec:\n  steps:\n  - at: 5s\n    apply: |\n      apiVersion: v1\n      kind: ConfigMap\n      metadata: {name: c}\n      data: {a: 1, b: [x]}\n`;
    const { diagnostics } = loadScenario(text, { file: 's.yaml' });
    expect(diagnostics.map((d) => `${d.line}:${d.column}: ${d.message}`)).toEqual([
      '11:17: ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field ConfigMap.data of type string',
    ]);
  });

  it('reports step failures in the CLI as positioned warnings without failing the run', () => {
    const text = `apiVersion: kubeplay.dev/v1\nkind: Scenario\nmetadata: {name: s}\nspec:\n  steps:\n  - at: 1s\n    kubectl: scale deployment/nope --replicas=1\n`;
    const r = runCli(['run', 's.yaml', '--until', '2s', '-o', 'json'], { 's.yaml': text });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('s.yaml:6:5: step at 1s: Error from server (NotFound): deployments.apps "nope" not found\n');
  });

  it('--explain prints the scheduler explanation for a pod', () => {
    const text = `apiVersion: v1\nkind: Pod\nmetadata: {name: big}\nspec:\n  containers:\n  - name: c\n    image: nginx\n    resources: {requests: {cpu: "64"}}\n`;
    const r = runCli(['run', 'p.yaml', '--until', '10s', '--explain', 'default/big'], { 'p.yaml': text });
    const { sim } = loadScenario(text, { file: 'p.yaml' });
    sim.runUntil(10_000);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(explainPodTable(sim, 'default', 'big'));
    expect(runCli(['run', 'p.yaml', '--until', '1s', '--explain', 'nope'], { 'p.yaml': text })).toMatchObject({ code: 1, stderr: 'Error from server (NotFound): pods "nope" not found\n' });
  });
});

describe('scenario steps and snapshots', () => {
  it('replays the same way after restoring a snapshot taken between steps', () => {
    const text = `apiVersion: kubeplay.dev/v1\nkind: Scenario\nmetadata: {name: s}\nspec:\n  steps:\n  - at: 5s\n    kubectl: scale deployment/web --replicas=3\n  - at: 25s\n    kubectl: set image deployment/web web=nginx:1.27\n---\n${DEPLOY}`;
    const { sim } = loadScenario(text, { file: 's.yaml' });
    sim.runUntil(10_000);
    const snap = sim.snapshot();
    const trace: string[] = [];
    const off = sim.onChange((r) => trace.push(JSON.stringify(r)));
    sim.runUntil(60_000);
    off();
    const first = JSON.stringify(sim.all());
    sim.restore(snap);
    const again: string[] = [];
    sim.onChange((r) => again.push(JSON.stringify(r)));
    sim.runUntil(60_000);
    expect(again).toEqual(trace);
    expect(JSON.stringify(sim.all())).toBe(first);
    expect(sim.component<ScenarioRunner>(SCENARIO_COMPONENT)!.log.map((l) => l.t)).toEqual([5_000, 25_000]);
  });
});

describe('kubectl rollout against the real controllers', () => {
  it('history, undo, pause, resume and restart', () => {
    const { sim } = loadScenario(DEPLOY, { file: 'd.yaml', freezeObjects: true });
    sim.runUntil(30_000);
    expect(runKubectl(sim, 'rollout status deployment/web').stdout).toBe('deployment "web" successfully rolled out\n');
    runKubectl(sim, 'set image deployment/web web=nginx:1.27');
    expect(runKubectl(sim, 'rollout status deployment/web').stdout).toBe('Waiting for deployment spec update to be observed...\n');
    sim.runUntil(90_000);
    expect(runKubectl(sim, 'rollout history deployment/web').stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
    expect(runKubectl(sim, 'rollout undo deployment/web --to-revision=2').stdout).toBe('deployment.apps/web skipped rollback (current template already matches revision 2)\n');
    expect(runKubectl(sim, 'rollout undo deployment/web --to-revision=7')).toEqual({ stdout: '', stderr: 'error: unable to find specified revision 7 in history\n', exitCode: 1 });
    expect(runKubectl(sim, 'rollout undo deployment/web').stdout).toBe('deployment.apps/web rolled back\n');
    expect(sim.get('Deployment', 'default', 'web')!.spec.template.spec.containers[0].image).toBe('nginx:1.26');
    sim.runUntil(150_000);
    // The controller re-adopts the revision-1 ReplicaSet as new and gives it revision 3.
    expect(runKubectl(sim, 'rollout history deployment/web').stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n');
    expect(runKubectl(sim, 'rollout pause deployment/web').stdout).toBe('deployment.apps/web paused\n');
    expect(runKubectl(sim, 'rollout undo deployment/web').stderr).toBe("error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/web' and try again\n");
    expect(runKubectl(sim, 'rollout resume deployment/web').stdout).toBe('deployment.apps/web resumed\n');
    expect(runKubectl(sim, 'rollout resume deployment/web').stderr).toBe('error: deployments.apps "web" is not paused\n');
    expect(runKubectl(sim, 'rollout restart deployment/web').stdout).toBe('deployment.apps/web restarted\n');
    expect(sim.get('Deployment', 'default', 'web')!.spec.template.metadata.annotations).toEqual({ 'kubectl.kubernetes.io/restartedAt': '2025-01-01T00:02:30Z' });
  });
});
