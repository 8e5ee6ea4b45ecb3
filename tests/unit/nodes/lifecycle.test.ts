// Node heartbeats and failure, with Kubernetes' defaults:
//  - the kubelet renews its Lease every 10s (t = 0, 10s, 20s ...) and rewrites Node status only on
//    change or every 5 minutes;
//  - the node lifecycle controller looks every 5s (node-monitor-period) and notes the time it
//    saw a heartbeat change; more than 50s (node-monitor-grace-period) without one makes the
//    node's conditions Unknown, marks its pods not Ready and taints it unreachable (NoExecute
//    through the zone rate limiter, NoSchedule from the node update);
//  - the taint eviction controller deletes pods once their tolerationSeconds (300s, added by the
//    DefaultTolerationSeconds admission plugin) have passed since it saw the taint (+5ms latency);
//  - a deleted pod on an unreachable node stays Terminating until its kubelet comes back.
// Stopping worker-1 at 60s (a scenario step queued at t=0, so it runs before the Lease renew due
// at the same instant): the last renew is at 50s and is seen by the 50s check; 100s is not yet
// past the grace, so the node goes Unknown at the 105s check — 45s after the stop (40s..60s
// depending on the phase of the timers).
import { describe, expect, it } from 'vitest';
import { condition, getPod, newSim, pod, times, web } from '../kubelet/helpers';

describe('node heartbeats', () => {
  it('registers the node and renews its Lease every 10s', () => {
    const { sim, events } = newSim();
    sim.runUntil(25_000);
    const lease = sim.get('Lease', 'kube-node-lease', 'worker-1')!;
    expect(lease.spec).toEqual({ holderIdentity: 'worker-1', leaseDurationSeconds: 40, renewTime: '2025-01-01T00:00:20.000000Z' });
    expect(lease.metadata.ownerReferences?.[0]).toMatchObject({ apiVersion: 'v1', kind: 'Node', name: 'worker-1' });
    const node = sim.get('Node', undefined, 'worker-1')!;
    expect(node.status.conditions.map((c: any) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
      ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
      ['PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
      ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'],
    ]);
    expect(node.status.addresses).toEqual([
      { address: '172.18.0.3', type: 'InternalIP' },
      { address: 'worker-1', type: 'Hostname' },
    ]);
    expect(node.status.nodeInfo).toMatchObject({ kubeletVersion: 'v1.34.0', containerRuntimeVersion: 'containerd://2.1.4', operatingSystem: 'linux', architecture: 'amd64' });
    expect(node.status.daemonEndpoints).toEqual({ kubeletEndpoint: { Port: 10250 } });
    expect(events.filter((e) => e.object === 'worker-1').map((e) => [e.source, e.reason, e.message])).toEqual([
      ['kubelet', 'Starting', 'Starting kubelet.'],
      ['kubelet', 'NodeHasSufficientMemory', 'Node worker-1 status is now: NodeHasSufficientMemory'],
      ['kubelet', 'NodeHasNoDiskPressure', 'Node worker-1 status is now: NodeHasNoDiskPressure'],
      ['kubelet', 'NodeHasSufficientPID', 'Node worker-1 status is now: NodeHasSufficientPID'],
      ['kubelet', 'NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods'],
      ['kubelet', 'NodeReady', 'Node worker-1 status is now: NodeReady'],
      ['node-controller', 'RegisteredNode', 'Node worker-1 event: Registered Node worker-1 in Controller'],
    ]);
  });

  it('posts a Node status heartbeat every 5 minutes', () => {
    const { sim } = newSim();
    const beats: number[] = [];
    sim.onChange((r) => {
      if (r.object.kind === 'Node' && r.object.metadata.name === 'worker-2') beats.push(r.t);
    });
    sim.runUntil(11 * 60_000);
    expect(beats).toEqual([0, 300_000, 600_000]);
    expect(condition(sim.get('Node', undefined, 'worker-2'), 'Ready')).toMatchObject({ lastHeartbeatTime: '2025-01-01T00:10:00Z', lastTransitionTime: '2025-01-01T00:00:00Z' });
  });
});

describe('node failure', () => {
  it('a stopped node goes Unknown, is tainted, and its pods are evicted 300s later', () => {
    const { sim, events } = newSim();
    sim.api.create(pod('web', { containers: [web()] }));
    sim.api.create(pod('fast', { containers: [web()], tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 }] }));
    sim.api.create(pod('stay', { containers: [web()], tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' }] }));
    sim.scheduleAt(60_000, 'kubelet', 'node-action', { name: 'worker-1', action: 'stop' });
    sim.runUntil(104_999);
    expect(condition(sim.get('Node', undefined, 'worker-1'), 'Ready').status).toBe('True');
    sim.runUntil(105_010);
    const node = sim.get('Node', undefined, 'worker-1')!;
    for (const type of ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready']) {
      expect(condition(node, type)).toMatchObject({
        status: 'Unknown',
        reason: 'NodeStatusUnknown',
        message: 'Kubelet stopped posting node status.',
        lastTransitionTime: '2025-01-01T00:01:45Z',
      });
    }
    expect(node.spec.taints).toEqual([
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: '2025-01-01T00:01:45Z' },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule', timeAdded: '2025-01-01T00:01:45Z' },
    ]);
    expect(events.filter((e) => e.reason === 'NodeNotReady').map((e) => [e.t, e.object, e.source, e.message])).toEqual([
      [105_000, 'worker-1', 'node-controller', 'Node worker-1 status is now: NodeNotReady'],
      [105_000, 'fast', 'node-controller', 'Node is not ready'],
      [105_000, 'stay', 'node-controller', 'Node is not ready'],
      [105_000, 'web', 'node-controller', 'Node is not ready'],
    ]);
    expect(condition(getPod(sim, 'web'), 'Ready')).toMatchObject({ status: 'False', lastTransitionTime: '2025-01-01T00:01:45Z' });

    sim.runUntil(500_000);
    // fast: 60s after the taint was seen (105005); web: 300s (DefaultTolerationSeconds); stay: never.
    expect(times(events, 'TaintManagerEviction').length).toBe(2);
    expect(events.filter((e) => e.reason === 'TaintManagerEviction').map((e) => [e.t, e.object, e.source, e.message])).toEqual([
      [165_005, 'fast', 'taint-eviction-controller', 'Marking for deletion Pod default/fast'],
      [405_005, 'web', 'taint-eviction-controller', 'Marking for deletion Pod default/web'],
    ]);
    const w = getPod(sim, 'web')!;
    expect(w.metadata.deletionTimestamp).toBe('2025-01-01T00:07:15Z');
    expect(condition(w, 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' });
    // Still there: only its kubelet can finish the deletion.
    expect(getPod(sim, 'fast')).toBeDefined();
    expect(getPod(sim, 'stay')!.metadata.deletionTimestamp).toBeUndefined();

    sim.scheduleAt(500_000, 'kubelet', 'node-action', { name: 'worker-1', action: 'start' });
    sim.runUntil(506_000);
    expect(getPod(sim, 'web')).toBeUndefined();
    expect(getPod(sim, 'fast')).toBeUndefined();
    expect(getPod(sim, 'stay')!.status.phase).toBe('Running');
    const back = sim.get('Node', undefined, 'worker-1')!;
    expect(condition(back, 'Ready')).toMatchObject({ status: 'True', reason: 'KubeletReady', lastTransitionTime: '2025-01-01T00:08:20Z' });
    expect(back.spec.taints).toBeUndefined();
    expect(condition(getPod(sim, 'stay'), 'Ready').status).toBe('True');
  });

  it('taints nodes of one zone for NoExecute at --node-eviction-rate (0.1 node/s)', () => {
    // control-plane and worker-1 are both in zone-a: both go Unknown at 105s, but the zone's
    // limiter lets one NoExecute taint through every 10s (control-plane first, by name).
    const { sim } = newSim();
    for (const n of ['control-plane', 'worker-1']) sim.scheduleAt(60_000, 'kubelet', 'node-action', { name: n, action: 'stop' });
    sim.runUntil(130_000);
    const noExec = (n: string) => sim.get('Node', undefined, n)!.spec.taints.find((t: any) => t.effect === 'NoExecute')?.timeAdded;
    expect(noExec('control-plane')).toBe('2025-01-01T00:01:45Z');
    expect(noExec('worker-1')).toBe('2025-01-01T00:01:55Z');
  });

  it('does not evict anything when every node is down (the control plane is the one cut off)', () => {
    const { sim } = newSim();
    sim.api.create(pod('web', { containers: [web()] }));
    for (const n of ['control-plane', 'worker-1', 'worker-2', 'worker-3']) sim.scheduleAt(30_000, 'kubelet', 'node-action', { name: n, action: 'stop' });
    sim.runUntil(600_000);
    expect(sim.get('Node', undefined, 'worker-1')!.spec.taints).toEqual([
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule', timeAdded: '2025-01-01T00:01:15Z' },
    ]);
    expect(getPod(sim, 'web')!.metadata.deletionTimestamp).toBeUndefined();
  });

  it('the same scenario and seed give a byte-identical trace, also across a snapshot', () => {
    const run = (withSnapshot: boolean) => {
      const { sim } = newSim(3);
      const trace: string[] = [];
      sim.onChange((r) => trace.push(JSON.stringify(r)));
      sim.api.create(pod('web', { containers: [web({ livenessProbe: { httpGet: { port: 8080 } } })] }, { 'kubeplay.dev/crash-after': '45s' }));
      sim.scheduleAt(100_000, 'kubelet', 'node-action', { name: 'worker-1', action: 'stop' });
      sim.scheduleAt(200_000, 'kubelet', 'node-action', { name: 'worker-1', action: 'start' });
      sim.runUntil(150_000);
      if (withSnapshot) {
        const snap = JSON.parse(JSON.stringify(sim.snapshot()));
        sim.runUntil(170_000);
        sim.restore(snap);
        trace.length = trace.findIndex((l) => JSON.parse(l).t > 150_000) >= 0 ? trace.findIndex((l) => JSON.parse(l).t > 150_000) : trace.length;
      }
      sim.runUntil(400_000);
      return trace;
    };
    const a = run(false);
    expect(run(false)).toEqual(a);
    expect(run(true)).toEqual(a);
  });
});
