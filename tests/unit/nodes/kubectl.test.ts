// kubectl cordon / uncordon / taint / drain with kubectl's output (k8s.io/kubectl/pkg/cmd/drain,
// pkg/drain/filters.go, pkg/cmd/taint). The node lifecycle controller turns spec.unschedulable
// into the node.kubernetes.io/unschedulable:NoSchedule taint 5ms after the update.
import { describe, expect, it } from 'vitest';
import type { Simulation } from '../../../src/engine/sim/simulation';
import type { KubeObject } from '../../../src/engine/api/meta';
import { runKubectl, type KubectlResult } from '../../../src/engine/kubectl/index';
import { getPod, newSim, pod, times, web } from '../kubelet/helpers';

function kubectl(sim: Simulation, line: string): KubectlResult {
  return runKubectl(sim, line);
}

/** A pod whose controller is `owner` (an existing object, so the garbage collector keeps it). */
function owned(name: string, owner: KubeObject) {
  const p = pod(name, { containers: [web()] });
  p.metadata.ownerReferences = [{ apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true }];
  return p;
}

/** Owners: a DaemonSet (its pods are DaemonSet-managed) and a plain object standing in for any other controller. */
function owners(sim: Simulation) {
  const ds = sim.api.create({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'agent' } }, spec: { nodeSelector: { pool: 'none' }, containers: [web()] } } } });
  const other = sim.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'owner', namespace: 'default' } });
  return { ds, other };
}

describe('kubectl cordon / uncordon', () => {
  it('cordons and uncordons, and the controller keeps the unschedulable taint in step', () => {
    const { sim, events } = newSim();
    sim.runUntil(1000);
    expect(kubectl(sim, 'cordon worker-1')).toEqual({ stdout: 'node/worker-1 cordoned\n', stderr: '', exitCode: 0 });
    expect(sim.get('Node', undefined, 'worker-1')!.spec.unschedulable).toBe(true);
    sim.runUntil(1005);
    expect(sim.get('Node', undefined, 'worker-1')!.spec.taints).toEqual([
      { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: '2025-01-01T00:00:01Z' },
    ]);
    expect(kubectl(sim, 'cordon worker-1').stdout).toBe('node/worker-1 already cordoned\n');
    sim.runUntil(2000);
    expect(events.filter((e) => e.object === 'worker-1' && e.reason === 'NodeNotSchedulable').map((e) => [e.source, e.message])).toEqual([
      ['kubelet', 'Node worker-1 status is now: NodeNotSchedulable'],
    ]);
    expect(kubectl(sim, 'uncordon node/worker-1').stdout).toBe('node/worker-1 uncordoned\n');
    expect(kubectl(sim, 'uncordon worker-1').stdout).toBe('node/worker-1 already uncordoned\n');
    sim.runUntil(3000);
    expect(sim.get('Node', undefined, 'worker-1')!.spec.taints).toBeUndefined();
    expect(kubectl(sim, 'cordon nope')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): nodes "nope" not found\n', exitCode: 1 });
  });
});

describe('kubectl taint', () => {
  it('adds, refuses duplicates without --overwrite, modifies, and removes', () => {
    const { sim } = newSim();
    expect(kubectl(sim, 'taint nodes worker-2 dedicated=gpu:NoSchedule').stdout).toBe('node/worker-2 tainted\n');
    expect(sim.get('Node', undefined, 'worker-2')!.spec.taints).toEqual([{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }]);
    expect(kubectl(sim, 'taint nodes worker-2 dedicated=ml:NoSchedule')).toEqual({
      stdout: '',
      stderr: 'error: node worker-2 already has dedicated taint(s) with same effect(s) and --overwrite is false\n',
      exitCode: 1,
    });
    expect(kubectl(sim, 'taint nodes worker-2 dedicated=ml:NoSchedule --overwrite').stdout).toBe('node/worker-2 modified\n');
    expect(kubectl(sim, 'taint node worker-2 dedicated:NoSchedule-').stdout).toBe('node/worker-2 untainted\n');
    expect(kubectl(sim, 'taint node worker-2 dedicated:NoSchedule-').stderr).toBe('error: taint "dedicated:NoSchedule" not found\n');
    expect(kubectl(sim, 'taint node worker-2 a=b:Sometimes').stderr).toBe('error: invalid taint effect: Sometimes, unsupported taint effect\n');
  });

  it('a NoExecute taint evicts pods that do not tolerate it, at once', () => {
    const { sim, events } = newSim();
    sim.api.create(pod('web', { containers: [web()] }));
    sim.api.create(pod('tolerant', { containers: [web()], tolerations: [{ key: 'maintenance', operator: 'Exists', effect: 'NoExecute' }] }));
    sim.runUntil(10_000);
    kubectl(sim, 'taint nodes worker-1 maintenance=now:NoExecute');
    sim.runUntil(20_000);
    // Seen 5ms after the node update; deleted with its 30s grace; its kubelet finishes it 100ms later.
    expect(times(events, 'TaintManagerEviction', 'web')).toEqual([10_005]);
    expect(getPod(sim, 'web')).toBeUndefined();
    expect(getPod(sim, 'tolerant')!.status.phase).toBe('Running');
  });
});

describe('kubectl drain', () => {
  it('refuses pods without a controller, DaemonSet pods and emptyDir pods, listing them', () => {
    // Drained at t=0, before any controller reacts to the hand-made pods.
    const { sim } = newSim();
    const { ds, other } = owners(sim);
    sim.api.create(pod('bare', { containers: [web()] }));
    sim.api.create(owned('agent-x7k2p', ds));
    const scratch = owned('cache-5d8f9-abcde', other);
    scratch.spec.volumes = [{ name: 'tmp', emptyDir: {} }];
    sim.api.create(scratch);
    const r = kubectl(sim, 'drain worker-1');
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('node/worker-1 cordoned\n');
    expect(r.stderr).toBe(
      'error: unable to drain node "worker-1" due to error: [cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): default/agent-x7k2p, ' +
        'cannot delete Pods that declare no controller (use --force to override): default/bare, ' +
        'cannot delete Pods with local storage (use --delete-emptydir-data to override): default/cache-5d8f9-abcde], continuing command...\n' +
        'There are pending nodes to be drained:\n' +
        ' worker-1\n' +
        'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): default/agent-x7k2p\n' +
        'cannot delete Pods that declare no controller (use --force to override): default/bare\n' +
        'cannot delete Pods with local storage (use --delete-emptydir-data to override): default/cache-5d8f9-abcde\n',
    );
    expect(getPod(sim, 'bare')!.metadata.deletionTimestamp).toBeUndefined();
  });

  it('evicts what it may with --ignore-daemonsets --delete-emptydir-data --force', () => {
    const { sim } = newSim();
    const { ds, other } = owners(sim);
    sim.api.create(pod('bare', { containers: [web()] }));
    sim.api.create(owned('agent-x7k2p', ds));
    const scratch = owned('web-5d8f9-abcde', other);
    scratch.spec.volumes = [{ name: 'tmp', emptyDir: {} }];
    sim.api.create(scratch);
    const r = kubectl(sim, 'drain worker-1 --ignore-daemonsets --delete-emptydir-data --force --grace-period=10');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(
      'node/worker-1 cordoned\n' +
        'evicting pod default/bare\n' +
        'evicting pod default/web-5d8f9-abcde\n' +
        'pod/bare evicted\n' +
        'pod/web-5d8f9-abcde evicted\n' +
        'node/worker-1 drained\n',
    );
    // The emptyDir pod's "deleting Pods with local storage" warning is dropped because a later
    // filter returns Okay for it — kubectl does the same (see the TODO in pkg/drain/filters.go).
    expect(r.stderr).toBe('Warning: ignoring DaemonSet-managed Pods: default/agent-x7k2p; deleting Pods that declare no controller: default/bare\n');
    const bare = getPod(sim, 'bare')!;
    expect(bare.metadata.deletionGracePeriodSeconds).toBe(10);
    expect(bare.status.conditions.find((c: any) => c.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting' });
    expect(getPod(sim, 'agent-x7k2p')!.metadata.deletionTimestamp).toBeUndefined();
    sim.runUntil(1000);
    // Its kubelet had not started it yet: it deletes it at once when it sees it (t=100).
    expect(getPod(sim, 'bare')).toBeUndefined();
  });

  it('evicts running pods, which terminate on their node', () => {
    const { sim, events } = newSim();
    const { other } = owners(sim);
    sim.api.create(owned('web-5d8f9-abcde', other));
    sim.runUntil(10_000);
    const r = kubectl(sim, 'drain worker-1');
    expect(r.stdout).toBe('node/worker-1 cordoned\nevicting pod default/web-5d8f9-abcde\npod/web-5d8f9-abcde evicted\nnode/worker-1 drained\n');
    sim.runUntil(11_000);
    expect(events.filter((e) => e.reason === 'Killing').map((e) => [e.t, e.message])).toEqual([[10_100, 'Stopping container web']]);
    expect(getPod(sim, 'web-5d8f9-abcde')).toBeUndefined();
  });

  it('a PodDisruptionBudget with no disruptions allowed refuses the eviction', () => {
    const { sim } = newSim();
    const { other } = owners(sim);
    const p = owned('web-5d8f9-abcde', other);
    p.metadata.labels = { app: 'web' };
    sim.api.create(p);
    sim.api.create({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web', namespace: 'default' }, spec: { minAvailable: 1, selector: { matchLabels: { app: 'web' } } } });
    const r = kubectl(sim, 'drain worker-1');
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('node/worker-1 cordoned\nevicting pod default/web-5d8f9-abcde\n');
    expect(r.stderr).toContain('error when evicting pods/"web-5d8f9-abcde" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod\'s disruption budget.\n');
    expect(getPod(sim, 'web-5d8f9-abcde')!.metadata.deletionTimestamp).toBeUndefined();
  });
});
