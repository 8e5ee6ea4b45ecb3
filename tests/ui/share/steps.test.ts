import { describe, expect, test } from 'vitest';
import { withRecordedSteps } from '../../../src/share/steps';
import { loadScenario } from '../../../src/engine/scenario/index';

// Written the way the yaml library prints it, so the documents after the Scenario read back as-is.
const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
`;

describe('live changes as Scenario steps', () => {
  test('every kind of live change, pod actions included, becomes a step a link replays', () => {
    const yaml = withRecordedSteps(
      POD,
      [
        { at: 5_000, kind: 'kubectl', line: 'label pod web tier=front' },
        { at: 20_000, kind: 'app', namespace: 'default', name: 'web', action: 'crash' },
        { at: 45_500, kind: 'app', namespace: 'shop', name: 'api-0', action: 'break-readiness' },
        { at: 60_000, kind: 'app', namespace: 'default', name: 'web', action: 'heal' },
        { at: 90_000, kind: 'node', name: 'worker-2', action: 'stop' },
      ],
      9,
    );
    expect(yaml).toBe(`apiVersion: kubeplay.dev/v1
kind: Scenario
metadata:
  name: shared
spec:
  seed: 9
  steps:
    - at: 5s
      kubectl: label pod web tier=front
    - at: 20s
      pod:
        name: web
        action: crash
    - at: 45.5s
      pod:
        name: api-0
        namespace: shop
        action: break-readiness
    - at: 1m
      pod:
        name: web
        action: heal
    - at: 1m30s
      node:
        name: worker-2
        action: stop
---
${POD}`);
    const { diagnostics, scenario } = loadScenario(yaml, { file: 'shared.yaml' });
    expect(diagnostics).toEqual([]);
    expect(scenario.steps.map(({ at, pod }) => [at, pod])).toEqual([
      [5_000, undefined],
      [20_000, { name: 'web', namespace: 'default', action: 'crash' }],
      [45_500, { name: 'api-0', namespace: 'shop', action: 'break-readiness' }],
      [60_000, { name: 'web', namespace: 'default', action: 'heal' }],
      [90_000, undefined],
    ]);
  });

  test('pod steps are appended to an existing Scenario document after its own steps', () => {
    const base = `apiVersion: kubeplay.dev/v1\nkind: Scenario\nmetadata: {name: mine}\nspec:\n  seed: 4\n  steps:\n  - at: 10s\n    kubectl: delete pod web\n---\n${POD}`;
    const yaml = withRecordedSteps(base, [{ at: 3_000, kind: 'app', namespace: 'default', name: 'web', action: 'break-liveness' }], 4);
    const { diagnostics, scenario } = loadScenario(yaml, { file: 'shared.yaml' });
    expect(diagnostics).toEqual([]);
    expect(scenario.name).toBe('mine');
    expect(scenario.steps.map((s) => [s.at, s.kubectl ?? s.pod?.action])).toEqual([
      [10_000, 'delete pod web'],
      [3_000, 'break-liveness'],
    ]);
  });

  test('no live changes leave the text as it is', () => {
    expect(withRecordedSteps(POD, [], 1)).toBe(POD);
  });
});
