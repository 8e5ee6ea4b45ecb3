import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { KubeObject } from '../../../src/engine/api/meta';
import { fixture, runCli, spawnCli } from './helpers';

const items = (stdout: string): KubeObject[] => {
  const list = JSON.parse(stdout);
  expect(list.apiVersion).toBe('v1');
  expect(list.kind).toBe('List');
  return list.items;
};

describe('kubeplay run (subprocess, as a user runs it)', () => {
  it('runs a rolling update and prints the final state as a v1 List', () => {
    const r = spawnCli(['run', fixture('rolling.yaml'), '--until', '2m', '-o', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const objs = items(r.stdout);
    const deploy = objs.find((o) => o.kind === 'Deployment')!;
    expect(deploy.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('2');
    expect(deploy.status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 2 });
    const rss = objs.filter((o) => o.kind === 'ReplicaSet');
    expect(rss.map((rs) => [rs.spec.template.spec.containers[0].image, rs.spec.replicas]).sort()).toEqual([['nginx:1.26', 0], ['nginx:1.27', 3]]);
    const pods = objs.filter((o) => o.kind === 'Pod');
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.spec.containers[0].image).toBe('nginx:1.27');
      expect(p.status.phase).toBe('Running');
      expect(p.status.conditions.find((c: any) => c.type === 'Ready').status).toBe('True');
      expect(p.metadata.name).toMatch(/^web-[4-9bcdf]{1,10}-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    }
    expect(objs.filter((o) => o.kind === 'Node').map((n) => n.metadata.name)).toEqual(['control-plane', 'worker-1', 'worker-2', 'worker-3']);
  }, 60_000);

  it('is deterministic: same seed gives byte-identical output and trace; another seed other pod names', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kubeplay-'));
    const t1 = path.join(dir, 'a.jsonl');
    const t2 = path.join(dir, 'b.jsonl');
    const a = spawnCli(['run', fixture('rolling.yaml'), '--until', '90s', '-o', 'json', '--trace', t1]);
    const b = spawnCli(['run', fixture('rolling.yaml'), '--until', '90s', '-o', 'json', '--trace', t2]);
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    const trace1 = readFileSync(t1, 'utf8');
    expect(readFileSync(t2, 'utf8')).toBe(trace1);
    const lines = trace1.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ t: 0, type: 'ADDED', object: { kind: 'Namespace', metadata: { name: 'default' } } });
    expect(lines.some((l) => l.type === 'DELETED' && l.object.kind === 'Pod')).toBe(true);
    for (let i = 1; i < lines.length; i++) expect(lines[i].t).toBeGreaterThanOrEqual(lines[i - 1].t);
    expect(Object.keys(lines[5]).sort()).toEqual(['object', 't', 'type']);

    const c = spawnCli(['run', fixture('rolling.yaml'), '--until', '90s', '-o', 'json', '--seed', '8']);
    const names = (out: string) => items(out).filter((o) => o.kind === 'Pod').map((p) => p.metadata.name).sort();
    expect(names(c.stdout)).not.toEqual(names(a.stdout));
    expect(names(c.stdout)).toHaveLength(3);
  }, 120_000);

  it('rejects bad input with FILE:LINE:COL lines and exit code 1, without running', () => {
    const f = fixture('bad.yaml');
    const r = spawnCli(['run', f]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        `${f}:6:13: Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32`,
        `${f}:9:7: resource mapping not found for name: "w" namespace: "" from "${f}": no matches for kind "Widget" in version "v1"`,
        `${f}:13:1: unable to decode "${f}": json: cannot unmarshal array into Go value of type map[string]interface {}`,
        `${f}:16:1: error validating "${f}": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false`,
        '',
      ].join('\n'),
    );
  }, 60_000);
});

describe('kubeplay run (in-process)', () => {
  it('reports API validation errors at the fields they name, with the API server wording', () => {
    const r = runCli(['run', 'invalid.yaml'], { 'invalid.yaml': readFileSync(fixture('invalid.yaml'), 'utf8') });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'invalid.yaml:6:13: Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n' +
        'invalid.yaml:13:9: Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`\n',
    );
  });

  it('reports a quantity the API server cannot decode at its field, in kubectl wording', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: a\n    image: nginx\n    resources: {requests: {cpu: 1x}}\n';
    const r = runCli(['run', 'q.yaml'], { 'q.yaml': text });
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toBe(
      'q.yaml:9:33: Error from server (BadRequest): error when creating "q.yaml": Pod in version "v1" cannot be handled as a Pod: ' +
        "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'\n",
    );
  });

  it('reports YAML syntax errors with their position', () => {
    const r = runCli(['run', 'broken.yaml'], { 'broken.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  labels: {a: b\n' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^broken\.yaml:\d+:\d+: error converting YAML to JSON: yaml: .+\n$/);
  });

  it('never crashes on odd input', () => {
    for (const text of ['', '---\n', '42\n', 'null\n', '[]\n', '"str"\n', 'kind: Pod\napiVersion: v1\nmetadata: 5\n', 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: 3}\n']) {
      const r = runCli(['run', 'x.yaml', '--until', '1s', '-o', 'json'], { 'x.yaml': text });
      expect([0, 1]).toContain(r.code);
      expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    }
    expect(runCli(['run', 'x.yaml'], { 'x.yaml': 'apiVersion: v1\nkind: Secret\nmetadata: [a]\n' })).toMatchObject({
      code: 1,
      stderr: 'x.yaml:3:11: Secret in version "v1" cannot be handled as a Secret: json: cannot unmarshal array into Go struct field Secret.metadata of type v1.ObjectMeta\n',
    });
    const huge = runCli(['run', 'x.yaml', '--until', '1s'], { 'x.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: 1e12\n' });
    expect(huge).toMatchObject({ code: 1, stdout: '' });
    expect(huge.stderr).toBe('x.yaml:5:13: Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number 1000000000000 into Go struct field DeploymentSpec.spec.replicas of type int32\n');
  });

  it('stops a runaway run with a message instead of exhausting memory', () => {
    const text = readFileSync(fixture('rolling.yaml'), 'utf8').replace('replicas: 3', 'replicas: 2147483647');
    const r = runCli(['run', 'huge.yaml', '--until', '10s', '-o', 'json'], { 'huge.yaml': text });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: the simulation stopped at t=\d+(\.\d+)?s: more than 50000 objects in the store \(kubeplay's limit for a headless run\)\n$/);
  }, 120_000);

  it('checks its own flags', () => {
    expect(runCli(['run', 'x.yaml', '--until', 'soon'])).toMatchObject({ code: 1, stderr: 'error: invalid argument "soon" for "--until" flag: time: invalid duration "soon"\n' });
    expect(runCli(['run', 'x.yaml', '-o', 'xml'])).toMatchObject({ code: 1, stderr: 'error: invalid argument "xml" for "-o" flag: must be one of json, yaml, table\n' });
    expect(runCli(['run'])).toMatchObject({ code: 1, stderr: 'error: no input files: kubeplay run FILE...\n' });
    expect(runCli(['run', '/nonexistent/x.yaml'])).toMatchObject({ code: 1, stderr: 'error: the path "/nonexistent/x.yaml" does not exist\n' });
    expect(runCli(['frob'])).toMatchObject({ code: 1 });
  });

  it('concatenates several files in order and prints tables with -o table', () => {
    const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata: {a: "1"}\n';
    const ns = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: team}\n';
    const r = runCli(['run', 'ns.yaml', 'cm.yaml', '--until', '5s', '-o', 'table'], { 'ns.yaml': ns, 'cm.yaml': cm.replace('{name: cfg}', '{name: cfg, namespace: team}') });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('NAME                        STATUS   AGE\nnamespace/default           Active   5s\n');
    expect(r.stdout).toContain('namespace/team              Active   5s\n');
    expect(r.stdout).toContain('NAMESPACE   NAME            DATA   AGE\nteam        configmap/cfg   1      5s\n');
  });

  it('prints YAML with -o yaml', () => {
    const r = runCli(['run', 'cm.yaml', '--until', '1s', '-o', 'yaml'], { 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata: {a: "1"}\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Namespace\n/);
    expect(r.stdout).toMatch(/\nkind: List\nmetadata:\n  resourceVersion: ""\n$/);
  });

  it('replaces the default cluster with Node documents and runs node steps', () => {
    const r = runCli(['run', fixture('nodes.yaml'), '--until', '120s', '-o', 'json']);
    expect(r.stderr).toBe('');
    const nodes = items(r.stdout).filter((o) => o.kind === 'Node');
    expect(nodes.map((n) => n.metadata.name)).toEqual(['big', 'small']);
    expect(nodes[0].status.capacity).toMatchObject({ cpu: '16', memory: '64Gi', pods: '110' });
    expect(nodes[0].metadata.labels).toMatchObject({ 'kubernetes.io/hostname': 'big', 'topology.kubernetes.io/zone': 'zone-a' });
    const ready = (n: KubeObject) => n.status.conditions.find((c: any) => c.type === 'Ready');
    expect(ready(nodes[0])).toMatchObject({ status: 'True', reason: 'KubeletReady' });
    // Stopped at 10s: no heartbeat after that; the node lifecycle controller marks it Unknown once
    // node-monitor-grace-period (50s) has passed and taints it unreachable.
    expect(ready(nodes[1])).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    expect(nodes[1].spec.taints.map((t: any) => `${t.key}:${t.effect}`).sort()).toEqual(['node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule']);
  });

  it('writes the trace with every change from time zero', () => {
    const r = runCli(['run', 'cm.yaml', '--until', '1s', '-o', 'json', '--trace', 'out.jsonl'], { 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\n' });
    const lines = r.files['out.jsonl'].trimEnd().split('\n').map((l) => JSON.parse(l));
    const cm = lines.find((l) => l.object.kind === 'ConfigMap');
    expect(cm).toMatchObject({ t: 0, type: 'ADDED', object: { metadata: { name: 'cfg', namespace: 'default', resourceVersion: expect.any(String) } } });
    expect(lines.filter((l) => l.object.kind === 'Node' && l.type === 'ADDED').map((l) => l.object.metadata.name)).toEqual(['control-plane', 'worker-1', 'worker-2', 'worker-3']);
  });
});
