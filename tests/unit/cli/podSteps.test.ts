// Scenario `pod` steps: the UI's live pod actions (crash, break readiness/liveness, heal) as timed
// steps, run through the kubelet like the live action, so a shared link replays them.
import { describe, expect, it } from 'vitest';
import { loadScenario, SCENARIO_COMPONENT, type ScenarioRunner } from '../../../src/engine/scenario/index';
import { fixture, runCli } from './helpers';

interface Rec {
  t: number;
  type: string;
  object: any;
}

const POD = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: web
    image: nginx:1.27
`;
const scenario = (steps: string) => `apiVersion: kubeplay.dev/v1\nkind: Scenario\nmetadata: {name: s}\nspec:\n  steps:\n${steps}---\n${POD}`;

describe('pod steps through the CLI', () => {
  const r = runCli(['run', fixture('timelines/pod-actions.yaml'), '--until', '120s', '-o', 'json', '--trace', '/trace.jsonl']);
  const recs: Rec[] = r.files['/trace.jsonl'].trimEnd().split('\n').map((l) => JSON.parse(l));
  const pods = recs.filter((x) => x.object.kind === 'Pod' && x.object.metadata.name === 'web');
  const at = (t: number) => [...pods].reverse().find((x) => x.t <= t)!.object;
  const ready = (t: number) => at(t).status.conditions.find((c: any) => c.type === 'Ready');

  it('a step on a missing pod is a positioned warning, the run still succeeds', () => {
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`${fixture('timelines/pod-actions.yaml')}:13:5: step at 100s: Error from server (NotFound): pods "gone" not found\n`);
  });

  it('crash at 30s: exit code 1 (Error) at 30s, restarted at once with restartCount 1 and lastState terminated', () => {
    // Running from 2,859ms (sandbox 500ms, pull 2,104ms, create 150ms).
    expect(at(29_999).status.containerStatuses[0]).toMatchObject({ restartCount: 0, state: { running: { startedAt: '2025-01-01T00:00:02Z' } } });
    const crashed = at(30_000).status.containerStatuses[0];
    expect(crashed.state.terminated).toMatchObject({ exitCode: 1, reason: 'Error', startedAt: '2025-01-01T00:00:02Z', finishedAt: '2025-01-01T00:00:30Z' });
    expect(crashed.restartCount).toBe(0);
    expect(ready(30_000)).toMatchObject({ status: 'False', reason: 'ContainersNotReady', lastTransitionTime: '2025-01-01T00:00:30Z' });
    // The first restart has no back-off: kubelet sync (100ms) + create (150ms).
    const restarted = pods.find((x) => x.object.status?.containerStatuses?.[0]?.restartCount === 1)!;
    expect(restarted.t).toBe(30_250);
    const cs = restarted.object.status.containerStatuses[0];
    expect(cs.state).toEqual({ running: { startedAt: '2025-01-01T00:00:30Z' } });
    expect(cs.lastState).toEqual({ terminated: { ...crashed.state.terminated } });
    expect(cs.containerID).not.toBe(crashed.containerID);
    const evs = recs.filter((x) => x.object.kind === 'Event' && x.t >= 30_000 && x.t < 31_000).map((x) => `${x.t} ${x.object.reason}: ${x.object.message}`);
    expect(evs).toEqual([
      '30100 Pulled: Container image "nginx:1.27" already present on machine and can be accessed by the pod',
      '30250 Created: Container created',
      '30250 Started: Container started',
    ]);
    expect(at(119_999).status.containerStatuses[0].restartCount).toBe(1);
  });

  it('break-readiness at 60s: the probe (every 5s from 105ms) fails 3 times, unready at 70.105s; heal at 90s: ready at the next probe', () => {
    const unhealthy = recs.filter((x) => x.object.kind === 'Event' && x.object.reason === 'Unhealthy');
    expect(unhealthy.map((x) => x.t)).toEqual([60_105, 65_105, 70_105, 75_105, 80_105, 85_105]);
    expect(unhealthy[0].object.message).toBe('Readiness probe failed: HTTP probe failed with statuscode: 503');
    expect(ready(70_104).status).toBe('True');
    expect(ready(70_105)).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [web]', lastTransitionTime: '2025-01-01T00:01:10Z' });
    // Breaking readiness does not restart the container.
    expect(at(89_999).status.containerStatuses[0]).toMatchObject({ restartCount: 1, ready: false, state: { running: { startedAt: '2025-01-01T00:00:30Z' } } });
    expect(ready(90_104).status).toBe('False');
    expect(ready(90_105)).toMatchObject({ status: 'True', lastTransitionTime: '2025-01-01T00:01:30Z' });
  });
});

describe('pod steps in the runner', () => {
  it('prints a kubectl-like line for each action, and errors for a missing pod, container or process', () => {
    const text = scenario(
      ['  - at: 10s\n    pod: {name: web, action: break-liveness}', '  - at: 11s\n    pod: {name: web, action: heal}', '  - at: 12s\n    pod: {name: web, action: break-readiness, container: web}', '  - at: 13s\n    pod: {name: web, container: sidecar, action: crash}', '  - at: 14s\n    pod: {name: web, namespace: other, action: heal}', '  - at: 15s\n    pod: {name: web, action: crash}', '  - at: 15s\n    pod: {name: web, action: crash}'].join('\n') + '\n',
    );
    const { sim, diagnostics } = loadScenario(text, { file: 's.yaml', freezeObjects: true, seed: 1 });
    expect(diagnostics).toEqual([]);
    sim.runUntil(20_000);
    const log = sim.component<ScenarioRunner>(SCENARIO_COMPONENT)!.log.map((l) => [l.t, l.stdout || l.stderr, l.exitCode]);
    expect(log).toEqual([
      [10_000, 'pod/web liveness broken\n', 0],
      [11_000, 'pod/web healed\n', 0],
      [12_000, 'pod/web readiness broken\n', 0],
      [13_000, 'error: container sidecar is not valid for pod web\n', 1],
      [14_000, 'Error from server (NotFound): pods "web" not found\n', 1],
      [15_000, 'pod/web crashed\n', 0],
      // The process already exited at the same instant: nothing is running to crash.
      [15_000, 'error: pod "web" has no running container\n', 1],
    ]);
  });

  it('break-liveness: the kubelet kills and restarts the container after 3 failed probes', () => {
    const text = scenario('  - at: 10s\n    pod: {name: web, action: break-liveness}\n').replace('image: nginx:1.27', 'image: nginx:1.27\n    livenessProbe:\n      httpGet: {path: /healthz, port: 80}');
    const { sim } = loadScenario(text, { file: 's.yaml', freezeObjects: true, seed: 1 });
    const killing: number[] = [];
    sim.onChange((rec) => {
      if (rec.type === 'ADDED' && rec.object.kind === 'Event' && rec.object.reason === 'Killing') killing.push(rec.t);
    });
    sim.runUntil(45_000);
    // Probes every 10s from 105ms: failures at 10.105s, 20.105s, 30.105s (failureThreshold 3).
    expect(killing).toEqual([30_105]);
    expect(sim.get('Pod', 'default', 'web')!.status.containerStatuses[0].restartCount).toBe(1);
  });

  it('replays the same way after restoring a snapshot taken before the step', () => {
    const { sim } = loadScenario(scenario('  - at: 30s\n    pod: {name: web, action: crash}\n'), { file: 's.yaml', seed: 4 });
    sim.runUntil(20_000);
    const snap = sim.snapshot();
    const first: string[] = [];
    const off = sim.onChange((rec) => first.push(JSON.stringify(rec)));
    sim.runUntil(60_000);
    off();
    sim.restore(snap);
    const again: string[] = [];
    sim.onChange((rec) => again.push(JSON.stringify(rec)));
    sim.runUntil(60_000);
    expect(again).toEqual(first);
    expect(sim.get('Pod', 'default', 'web')!.status.containerStatuses[0].restartCount).toBe(1);
  });
});

describe('pod step diagnostics', () => {
  it('positions each problem at the field, in field.Error wording', () => {
    const text = [
      'apiVersion: kubeplay.dev/v1',
      'kind: Scenario',
      'metadata: {name: s}',
      'spec:',
      '  steps:',
      '  - at: 5s',
      '    pod: {action: crash}',
      '  - at: 6s',
      '    pod: {name: web, action: reboot}',
      '  - at: 7s',
      '    pod:',
      '      name: web',
      '  - at: 8s',
      '    pod: {name: web, container: 3, action: heal}',
      '  - at: 9s',
      '    pod: web',
      '  - at: 10s',
      '    pod: {name: web, action: crash}',
      '    node: {name: worker-1, action: stop}',
      '  - at: 11s',
      '    pod: {name: "", action: crash}',
      '',
    ].join('\n');
    const { diagnostics, scenario: s } = loadScenario(text, { file: 's.yaml' });
    expect(diagnostics.map((d) => `${d.line}:${d.column}: ${d.message}`)).toEqual([
      '7:10: spec.steps[0].pod.name: Required value',
      '9:30: spec.steps[1].pod.action: Unsupported value: "reboot": supported values: "break-liveness", "break-readiness", "crash", "heal"',
      '12:7: spec.steps[2].pod.action: Required value',
      '14:33: spec.steps[3].pod.container: Invalid value: 3: must be a container name',
      '16:10: spec.steps[4].pod: Invalid value: must be a map',
      '17:5: spec.steps[5]: Invalid value: exactly one of kubectl, apply, node or pod must be set',
      '21:17: spec.steps[6].pod.name: Required value',
    ]);
    expect(s.steps).toEqual([]);
  });

  it('defaults the namespace to "default" and keeps an explicit one and the container', () => {
    const text = scenario('  - at: 1m\n    pod: {name: web, action: crash}\n  - at: 2m\n    pod: {name: api-0, namespace: shop, container: app, action: break-readiness}\n');
    const { diagnostics, scenario: s } = loadScenario(text, { file: 's.yaml' });
    expect(diagnostics).toEqual([]);
    expect(s.steps.map(({ at, pod }) => ({ at, pod }))).toEqual([
      { at: 60_000, pod: { name: 'web', namespace: 'default', action: 'crash' } },
      { at: 120_000, pod: { name: 'api-0', namespace: 'shop', container: 'app', action: 'break-readiness' } },
    ]);
  });
});
