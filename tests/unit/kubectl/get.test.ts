// kubectl get tables with exact output. Objects are written straight into the store and the clock
// is moved without running events, so no component reacts and every field is the test's own.
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../src/engine/sim/simulation';
import { runKubectl } from '../../../src/engine/kubectl/index';
import type { KubeObject } from '../../../src/engine/api/meta';

function world() {
  const sim = new Simulation({ seed: 1, freezeObjects: true });
  const at = (ms: number) => sim.clock.timestamp(ms);
  const pod = (name: string, status: Record<string, unknown>, extra: Partial<KubeObject> = {}) => {
    sim.api.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, labels: { app: 'web' }, ...(extra.metadata ?? {}) },
      spec: { containers: [{ name: 'web', image: 'nginx:1.27' }], ...(extra.spec ?? {}) },
    });
    sim.api.mutate('Pod', 'default', name, (d) => {
      d.status = status;
    }, { status: true });
  };
  return { sim, at, pod };
}

const running = (ready: boolean, restartCount = 0, lastFinished?: string) => ({
  name: 'web',
  ready,
  restartCount,
  state: { running: { startedAt: '2025-01-01T00:00:01Z' } },
  ...(lastFinished ? { lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: lastFinished } } } : {}),
});

describe('kubectl get pods', () => {
  it('prints READY, STATUS and RESTARTS as printPod computes them', () => {
    const { sim, at, pod } = world();
    pod('a-running', { phase: 'Running', podIP: '10.244.1.5', podIPs: [{ ip: '10.244.1.5' }], containerStatuses: [running(true)] }, { spec: { nodeName: 'worker-1', containers: [{ name: 'web', image: 'nginx' }] } });
    pod('b-pending', { phase: 'Pending' });
    pod('c-creating', { phase: 'Pending', containerStatuses: [{ name: 'web', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }] });
    pod('d-crashloop', {
      phase: 'Running',
      containerStatuses: [{ name: 'web', ready: false, restartCount: 5, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: at(40_000) } } }],
    });
    pod('e-completed', { phase: 'Succeeded', containerStatuses: [{ name: 'web', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }] });
    pod('f-errimagepull', { phase: 'Pending', containerStatuses: [{ name: 'web', ready: false, restartCount: 0, state: { waiting: { reason: 'ErrImagePull' } } }] });
    pod('g-init', { phase: 'Pending', initContainerStatuses: [{ name: 'init', ready: false, restartCount: 0, state: { running: {} } }] }, { spec: { initContainers: [{ name: 'init', image: 'busybox' }], containers: [{ name: 'web', image: 'nginx' }] } });
    pod('h-notready', { phase: 'Running', containerStatuses: [running(false, 2, at(50_000))] });
    pod('i-exitcode', { phase: 'Failed', containerStatuses: [{ name: 'web', ready: false, restartCount: 0, state: { terminated: { exitCode: 3 } } }] });
    sim.clock.now = 65_000;
    expect(runKubectl(sim, 'get pods')).toEqual({
      stdout: [
        'NAME             READY   STATUS              RESTARTS      AGE',
        'a-running        1/1     Running             0             65s',
        'b-pending        0/1     Pending             0             65s',
        'c-creating       0/1     ContainerCreating   0             65s',
        'd-crashloop      0/1     CrashLoopBackOff    5 (25s ago)   65s',
        'e-completed      0/1     Completed           0             65s',
        'f-errimagepull   0/1     ErrImagePull        0             65s',
        'g-init           0/1     Init:0/1            0             65s',
        'h-notready       0/1     Running             2 (15s ago)   65s',
        'i-exitcode       0/1     ExitCode:3          0             65s',
        '',
      ].join('\n'),
      stderr: '',
      exitCode: 0,
    });
  });

  it('shows Terminating for a pod being deleted, and -o wide adds IP and NODE', () => {
    const { sim, pod } = world();
    pod('web-1', { phase: 'Running', podIP: '10.244.1.5', podIPs: [{ ip: '10.244.1.5' }], containerStatuses: [running(true)] }, { spec: { nodeName: 'worker-1', containers: [{ name: 'web', image: 'nginx' }] } });
    sim.clock.now = 3_000;
    expect(runKubectl(sim, 'delete pod web-1').stdout).toBe('pod "web-1" deleted from default namespace\n');
    expect(runKubectl(sim, 'get pods -o wide').stdout).toBe(
      'NAME    READY   STATUS        RESTARTS   AGE   IP           NODE       NOMINATED NODE   READINESS GATES\n' +
        'web-1   1/1     Terminating   0          3s    10.244.1.5   worker-1   <none>           <none>\n',
    );
  });

  it('filters by label, lists all namespaces, prints names and reports nothing found', () => {
    const { sim, pod } = world();
    pod('web-1', { phase: 'Pending' });
    pod('db-1', { phase: 'Pending' }, { metadata: { name: 'db-1', labels: { app: 'db' } } });
    expect(runKubectl(sim, 'get pods -l app=db -o name').stdout).toBe('pod/db-1\n');
    expect(runKubectl(sim, 'get po -A --no-headers').stdout).toBe('default   db-1    0/1   Pending   0     0s\ndefault   web-1   0/1   Pending   0     0s\n');
    expect(runKubectl(sim, 'get pods -n kube-system')).toEqual({ stdout: '', stderr: 'No resources found in kube-system namespace.\n', exitCode: 0 });
    expect(runKubectl(sim, 'get pod nope')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 });
    expect(runKubectl(sim, 'get widgets')).toEqual({ stdout: '', stderr: 'error: the server doesn\'t have a resource type "widgets"\n', exitCode: 1 });
  });
});

describe('kubectl get other kinds', () => {
  it('prints nodes with STATUS, ROLES and VERSION', () => {
    const sim = new Simulation({ seed: 1, freezeObjects: true });
    sim.api.mutate('Node', undefined, 'worker-1', (d) => {
      d.status = { ...d.status, conditions: [{ type: 'Ready', status: 'True' }], nodeInfo: { kubeletVersion: 'v1.34.1' } };
    }, { status: true });
    sim.api.mutate('Node', undefined, 'worker-2', (d) => {
      d.spec.unschedulable = true;
    });
    sim.clock.now = 3_600_000;
    expect(runKubectl(sim, 'get nodes').stdout).toBe(
      'NAME            STATUS                       ROLES           AGE   VERSION\n' +
        'control-plane   Unknown                      control-plane   60m   \n' +
        'worker-1        Ready                        <none>          60m   v1.34.1\n' +
        'worker-2        Unknown,SchedulingDisabled   <none>          60m   \n' +
        'worker-3        Unknown                      <none>          60m   \n',
    );
  });

  it('prints deployments and replicasets, prefixing names when several types are asked for', () => {
    const sim = new Simulation({ seed: 1, freezeObjects: true });
    const tpl = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } };
    sim.api.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: tpl } });
    sim.api.mutate('Deployment', 'default', 'web', (d) => {
      d.status = { replicas: 3, updatedReplicas: 3, readyReplicas: 2, availableReplicas: 2 };
    }, { status: true });
    sim.api.create({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-5f84b7585b' }, spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: tpl } });
    sim.clock.now = 150_000;
    expect(runKubectl(sim, 'get deploy -o wide').stdout).toBe(
      'NAME   READY   UP-TO-DATE   AVAILABLE   AGE     CONTAINERS   IMAGES       SELECTOR\nweb    2/3     3            2           2m30s   web          nginx:1.27   app=web\n',
    );
    expect(runKubectl(sim, 'get deploy,rs').stdout).toBe(
      'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE\ndeployment.apps/web   2/3     3            2           2m30s\n\n' +
        'NAME                             DESIRED   CURRENT   READY   AGE\nreplicaset.apps/web-5f84b7585b   3         0         0       2m30s\n',
    );
  });

  it('prints -o yaml with sorted keys and -o json as a List for several objects', () => {
    const sim = new Simulation({ seed: 1, freezeObjects: true });
    sim.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { b: '2', a: '1' } });
    const y = runKubectl(sim, 'get cm cfg -o yaml').stdout;
    expect(y).toMatch(/^apiVersion: v1\ndata:\n  a: "1"\n  b: "2"\nkind: ConfigMap\nmetadata:\n  creationTimestamp: "2025-01-01T00:00:00Z"\n  name: cfg\n  namespace: default\n/);
    const j = JSON.parse(runKubectl(sim, 'get cm -o json').stdout);
    expect(j).toMatchObject({ apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' } });
    expect(j.items.map((o: KubeObject) => o.metadata.name)).toEqual(['cfg']);
    expect(runKubectl(sim, 'get cm').stdout).toBe('NAME   DATA   AGE\ncfg    2      0s\n');
  });
});

describe('kubectl get -o jsonpath', () => {
  it('evaluates the expressions people use', () => {
    const sim = new Simulation({ seed: 1, freezeObjects: true });
    for (const [name, phase] of [['a', 'Running'], ['b', 'Pending'], ['c', 'Running']]) {
      sim.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } });
      sim.api.mutate('Pod', 'default', name, (d) => {
        d.status = { phase };
      }, { status: true });
    }
    expect(runKubectl(sim, `get pods -o jsonpath='{.items[*].metadata.name}'`).stdout).toBe('a b c');
    expect(runKubectl(sim, `get pod b -o jsonpath={.status.phase}`).stdout).toBe('Pending');
    expect(runKubectl(sim, `get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}'`).stdout).toBe('a\tRunning\nb\tPending\nc\tRunning\n');
    expect(runKubectl(sim, `get pods -o jsonpath='{.items[?(@.status.phase=="Running")].metadata.name}'`).stdout).toBe('a c');
    expect(runKubectl(sim, `get pods -o jsonpath='{.items[-1].metadata.name}'`).stdout).toBe('c');
    expect(runKubectl(sim, `get pod a -o jsonpath='{.metadata.labels}'`).stdout).toBe('{"app":"web"}');
  });
});

describe('kubectl get events', () => {
  it('prints LAST SEEN, OBJECT and MESSAGE, sorts with --sort-by, and has its own wide layout', () => {
    const sim = new Simulation({ seed: 1, freezeObjects: true });
    sim.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'zeta' } });
    sim.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'alpha' } });
    sim.clock.now = 10_000;
    sim.events.record(sim.get('ConfigMap', 'default', 'zeta')!, 'Normal', 'Touched', 'first', { component: 'tester' });
    sim.clock.now = 20_000;
    sim.events.record(sim.get('ConfigMap', 'default', 'alpha')!, 'Warning', 'Touched', 'second', { component: 'tester', host: 'worker-1' });
    sim.clock.now = 30_000;
    expect(runKubectl(sim, 'get events').stdout).toBe(
      'LAST SEEN   TYPE      REASON    OBJECT            MESSAGE\n10s         Warning   Touched   configmap/alpha   second\n20s         Normal    Touched   configmap/zeta    first\n',
    );
    expect(runKubectl(sim, 'get events --sort-by=.lastTimestamp -o name').stdout).toMatch(/^event\/zeta\.[0-9a-f]+\nevent\/alpha\.[0-9a-f]+\n$/);
    const wide = runKubectl(sim, 'get ev -o wide').stdout.split('\n');
    expect(wide[0]).toBe('LAST SEEN   TYPE      REASON    OBJECT            SUBOBJECT   SOURCE             MESSAGE   FIRST SEEN   COUNT   NAME');
    expect(wide[1]).toMatch(/^10s         Warning   Touched   configmap\/alpha               tester, worker-1   second    10s          1       alpha\.[0-9a-f]+$/);
  });
});

describe('kubectl get --field-selector', () => {
  it('filters on the fields the API server registers and rejects others with its message', () => {
    const sim = new Simulation({ seed: 1, freezeObjects: true });
    for (const [name, phase] of [['a', 'Running'], ['b', 'Pending']]) {
      sim.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
      sim.api.mutate('Pod', 'default', name, (d) => {
        d.status = { phase };
      }, { status: true });
    }
    expect(runKubectl(sim, 'get pods --field-selector status.phase=Running -o name').stdout).toBe('pod/a\n');
    expect(runKubectl(sim, 'get pods --field-selector status.phase!=Running,metadata.name=b -o name').stdout).toBe('pod/b\n');
    expect(runKubectl(sim, 'get pods --field-selector spec.foo=x')).toEqual({
      stdout: '',
      stderr: 'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "spec.foo=x": field label not supported: spec.foo\n',
      exitCode: 1,
    });
  });
});

describe('kubectl get -o custom-columns', () => {
  it('prints one column per spec with <none> for missing fields', () => {
    const sim = new Simulation({ seed: 1, freezeObjects: true });
    sim.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' }, spec: { nodeName: 'worker-1', containers: [{ name: 'c', image: 'nginx' }] } });
    sim.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'b' }, spec: { containers: [{ name: 'c', image: 'busybox' }] } });
    expect(runKubectl(sim, 'get pods -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName,IMAGE:.spec.containers[*].image').stdout).toBe(
      'NAME   NODE       IMAGE\na      worker-1   nginx\nb      <none>     busybox\n',
    );
  });
});
