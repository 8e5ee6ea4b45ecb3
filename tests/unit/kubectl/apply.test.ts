import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../src/engine/sim/simulation';
import { runKubectl } from '../../../src/engine/kubectl/index';
import { LAST_APPLIED, threeWayMerge } from '../../../src/engine/kubectl/applyObject';

const DEPLOY = (replicas: number, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}${extra}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
`;

describe('kubectl apply', () => {
  it('creates, then reports unchanged and configured, keeping the last-applied annotation as kubectl writes it', () => {
    const sim = new Simulation({ seed: 1, freezeObjects: true });
    expect(runKubectl(sim, 'apply -f -', { stdin: DEPLOY(3) })).toEqual({ stdout: 'deployment.apps/web created\n', stderr: '', exitCode: 0 });
    const d = sim.get('Deployment', 'default', 'web')!;
    expect(d.metadata.annotations![LAST_APPLIED]).toBe(
      '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"labels":{"app":"web"},"name":"web","namespace":"default"},' +
        '"spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"image":"nginx:1.27","name":"web"}]}}}}\n',
    );
    expect(runKubectl(sim, 'apply -f -', { stdin: DEPLOY(3) }).stdout).toBe('deployment.apps/web unchanged\n');
    expect(runKubectl(sim, 'apply -f -', { stdin: DEPLOY(5) }).stdout).toBe('deployment.apps/web configured\n');
    expect(sim.get('Deployment', 'default', 'web')!.spec.replicas).toBe(5);
    expect(sim.get('Deployment', 'default', 'web')!.metadata.generation).toBe(2);
  });

  it('removes fields that were applied before and are gone now, and keeps fields others set', () => {
    const sim = new Simulation({ seed: 1, freezeObjects: true });
    runKubectl(sim, 'apply -f -', { stdin: DEPLOY(3, '\n  annotations: {team: a}') });
    runKubectl(sim, 'annotate deployment web owner=ops');
    expect(runKubectl(sim, 'apply -f -', { stdin: DEPLOY(3) }).stdout).toBe('deployment.apps/web configured\n');
    const ann = sim.get('Deployment', 'default', 'web')!.metadata.annotations!;
    expect(ann.team).toBeUndefined();
    expect(ann.owner).toBe('ops');
  });

  it('merges three ways: modified wins, removed-from-last-applied goes, live-only stays', () => {
    expect(threeWayMerge({ a: 1, b: 2 }, { a: 3 }, { a: 1, b: 2, c: 4 })).toEqual({ a: 3, c: 4 });
  });

  it('reports server errors per document and keeps applying the others', () => {
    const sim = new Simulation({ seed: 1, freezeObjects: true });
    const r = runKubectl(sim, 'apply -f -', { stdin: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: nope}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n` });
    expect(r).toEqual({
      stdout: 'configmap/b created\n',
      stderr: 'Error from server (NotFound): error when creating "STDIN": namespaces "nope" not found\n',
      exitCode: 1,
    });
  });

  it('refuses documents without a name the way kubectl apply does', () => {
    const sim = new Simulation({ seed: 1, freezeObjects: true });
    expect(runKubectl(sim, 'apply -f -', { stdin: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {labels: {a: b}}\n' }).stderr).toBe(
      'error: error when retrieving current configuration of: Resource: "/v1, Resource=configmaps", GroupVersionKind: "/v1, Kind=ConfigMap" Name: "", Namespace: "default" from server for: "STDIN": resource name may not be empty\n',
    );
    expect(runKubectl(sim, 'apply -f -', { stdin: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {generateName: x-}\n' }).stderr).toBe('error: from STDIN: cannot use generate name with apply\n');
    expect(runKubectl(sim, 'create -f -', { stdin: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {generateName: x-}\n' }).stdout).toMatch(/^configmap\/x-[bcdfghjklmnpqrstvwxz2456789]{5} created\n$/);
  });

  it('create refuses an existing object with the API server wording', () => {
    const sim = new Simulation({ seed: 1, freezeObjects: true });
    expect(runKubectl(sim, 'create -f -', { stdin: DEPLOY(1) }).stdout).toBe('deployment.apps/web created\n');
    expect(runKubectl(sim, 'create -f -', { stdin: DEPLOY(1) })).toEqual({
      stdout: '',
      stderr: 'Error from server (AlreadyExists): error when creating "STDIN": deployments.apps "web" already exists\n',
      exitCode: 1,
    });
    expect(runKubectl(sim, 'create deployment api --image=registry.k8s.io/pause:3.10 --replicas=2').stdout).toBe('deployment.apps/api created\n');
    const api = sim.get('Deployment', 'default', 'api')!;
    expect(api.spec.template.spec.containers[0]).toMatchObject({ name: 'pause', image: 'registry.k8s.io/pause:3.10' });
    expect(api.spec.replicas).toBe(2);
  });
});

describe('kubectl delete, scale, set image, label, annotate', () => {
  it('prints what kubectl prints', () => {
    const sim = new Simulation({ seed: 1, freezeObjects: true });
    runKubectl(sim, 'apply -f -', { stdin: DEPLOY(3) });
    expect(runKubectl(sim, 'scale deployment/web --replicas=2').stdout).toBe('deployment.apps/web scaled\n');
    expect(sim.get('Deployment', 'default', 'web')!.spec.replicas).toBe(2);
    expect(runKubectl(sim, 'scale deploy web').stderr).toBe('error: required flag(s) "replicas" not set\n');
    expect(runKubectl(sim, 'set image deployment/web web=nginx:1.28').stdout).toBe('deployment.apps/web image updated\n');
    expect(runKubectl(sim, 'set image deployment/web web=nginx:1.28')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(runKubectl(sim, 'set image deployment/web nope=nginx')).toEqual({ stdout: '', stderr: 'error: unable to find container named "nope"\n', exitCode: 1 });
    expect(runKubectl(sim, 'label deploy web tier=fe').stdout).toBe('deployment.apps/web labeled\n');
    expect(runKubectl(sim, 'label deploy web tier=be').stderr).toBe("error: 'tier' already has a value (fe), and --overwrite is false\n");
    expect(runKubectl(sim, 'label deploy web tier=be --overwrite').stdout).toBe('deployment.apps/web labeled\n');
    expect(runKubectl(sim, 'label deploy web tier-').stdout).toBe('deployment.apps/web unlabeled\n');
    expect(runKubectl(sim, 'annotate deploy web a=1').stdout).toBe('deployment.apps/web annotated\n');
    expect(runKubectl(sim, 'annotate deploy web a=2').stderr).toBe("error: --overwrite is false but found the following declared annotation(s): 'a' already has a value (1)\n");
    expect(runKubectl(sim, 'patch deploy web -p \'{"spec":{"replicas":4}}\'').stdout).toBe('deployment.apps/web patched\n');
    expect(runKubectl(sim, 'patch deploy web -p \'{"spec":{"replicas":4}}\'').stdout).toBe('deployment.apps/web patched (no change)\n');
    expect(runKubectl(sim, 'delete deployment web --cascade=orphan').stdout).toBe('deployment.apps "web" deleted from default namespace\n');
    expect(sim.get('Deployment', 'default', 'web')!.metadata.finalizers).toEqual(['orphan']);
    expect(runKubectl(sim, 'delete deployment nope')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n', exitCode: 1 });
    expect(runKubectl(sim, 'delete deployment nope --ignore-not-found')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(runKubectl(sim, 'delete node worker-3').stdout).toBe('node "worker-3" deleted\n');
    expect(runKubectl(sim, 'frobnicate')).toEqual({ stdout: '', stderr: 'error: unknown command "frobnicate" for "kubectl"\n', exitCode: 1 });
  });
});

describe('strategic merge of lists with a merge key', () => {
  it('merges containers and env by name, keeping entries others added', () => {
    const original = { containers: [{ name: 'web', image: 'a', env: [{ name: 'X', value: '1' }] }] };
    const modified = { containers: [{ name: 'web', image: 'b', env: [{ name: 'X', value: '1' }] }] };
    const current: any = {
      containers: [
        { name: 'web', image: 'a', imagePullPolicy: 'IfNotPresent', env: [{ name: 'X', value: '1' }, { name: 'Y', value: 'set-env' }] },
        { name: 'sidecar', image: 'injected' },
      ],
    };
    expect(threeWayMerge(original, modified, current)).toEqual({
      containers: [
        { name: 'web', image: 'b', imagePullPolicy: 'IfNotPresent', env: [{ name: 'X', value: '1' }, { name: 'Y', value: 'set-env' }] },
        { name: 'sidecar', image: 'injected' },
      ],
    });
    // Removed from the manifest (it was applied before): removed from the object.
    expect(threeWayMerge({ env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] }, { env: [{ name: 'A', value: '1' }] }, { env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] })).toEqual({
      env: [{ name: 'A', value: '1' }],
    });
    // Lists without a merge key are replaced.
    expect(threeWayMerge({ args: ['a'] }, { args: ['b'] }, { args: ['a', 'c'] })).toEqual({ args: ['b'] });
  });
});

describe('kubectl patch', () => {
  it('merges containers by name with the default strategic type, replaces lists with --type merge', () => {
    const sim = new Simulation({ seed: 1, freezeObjects: true });
    runKubectl(sim, 'apply -f -', { stdin: DEPLOY(1).replace('        image: nginx:1.27\n', '        image: nginx:1.27\n      - name: log\n        image: busybox\n') });
    const p = `patch deploy web -p '{"spec":{"template":{"spec":{"containers":[{"name":"log","image":"busybox:1.37"}]}}}}'`;
    expect(runKubectl(sim, p).stdout).toBe('deployment.apps/web patched\n');
    const cs = sim.get('Deployment', 'default', 'web')!.spec.template.spec.containers;
    expect(cs.map((c: any) => `${c.name}=${c.image}`)).toEqual(['web=nginx:1.27', 'log=busybox:1.37']);
    expect(cs[0].terminationMessagePath).toBe('/dev/termination-log');
    runKubectl(sim, p.replace("patch deploy web", 'patch deploy web --type merge'));
    expect(sim.get('Deployment', 'default', 'web')!.spec.template.spec.containers.map((c: any) => c.name)).toEqual(['log']);
    expect(runKubectl(sim, `patch deploy web --type json -p '[{"op":"replace","path":"/spec/replicas","value":2}]'`).stdout).toBe('deployment.apps/web patched\n');
    expect(sim.get('Deployment', 'default', 'web')!.spec.replicas).toBe(2);
  });
});
