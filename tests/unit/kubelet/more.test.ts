// Smaller kubelet behaviours: sidecar containers (restartable init containers), hostNetwork pods,
// pods bound to a stopped node, and nodes that join later.
import { describe, expect, it } from 'vitest';
import { condition, cstatus, getPod, newSim, pod, times, web } from './helpers';
import { nodeManifest } from '../../../src/engine/sim/cluster';

describe('kubelet: more', () => {
  it('a sidecar starts before the app, keeps running, and counts for readiness', () => {
    const { sim, events } = newSim();
    sim.api.create(
      pod('mesh', {
        initContainers: [{ name: 'proxy', image: 'envoyproxy/envoy:v1.35.0', restartPolicy: 'Always', ports: [{ containerPort: 15021 }], readinessProbe: { httpGet: { path: '/ready', port: 15021 } } }],
        containers: [web()],
      }, { 'kubeplay.dev/readiness-fails-after.proxy': '0s' }),
    );
    sim.runUntil(60_000);
    const started = events.filter((e) => e.object === 'mesh' && e.reason === 'Started').map((e) => e.fieldPath);
    expect(started).toEqual(['spec.initContainers{proxy}', 'spec.containers{web}']);
    const p = getPod(sim, 'mesh')!;
    expect(p.status.phase).toBe('Running');
    expect(cstatus(sim, 'mesh', 'proxy', true)).toMatchObject({ started: true, ready: false, state: { running: {} } });
    expect(condition(p, 'Initialized').status).toBe('True');
    expect(condition(p, 'Ready')).toMatchObject({ status: 'False', message: 'containers with unready status: [proxy]' });
  });

  it('a hostNetwork pod gets the node IP', () => {
    const { sim } = newSim();
    sim.api.create(pod('hn', { hostNetwork: true, containers: [web()] }, {}, 'worker-2'));
    sim.runUntil(5_000);
    const p = getPod(sim, 'hn')!;
    expect(p.status.podIP).toBe('172.18.0.4');
    expect(p.status.hostIP).toBe('172.18.0.4');
  });

  it('a pod bound to a stopped node waits for its kubelet', () => {
    const { sim, kubelet, events } = newSim();
    sim.runUntil(1_000);
    kubelet.setNodeRunning('worker-3', false);
    sim.api.create(pod('late', { containers: [web()] }, {}, 'worker-3'));
    sim.runUntil(30_000);
    expect(getPod(sim, 'late')!.status?.containerStatuses).toBeUndefined();
    kubelet.setNodeRunning('worker-3', true);
    sim.runUntil(35_000);
    expect(getPod(sim, 'late')!.status.phase).toBe('Running');
    expect(times(events, 'Starting', 'worker-3')).toEqual([0, 30_000]);
  });

  it('a node that joins later registers, heartbeats and runs pods', () => {
    const { sim } = newSim();
    sim.runUntil(10_000);
    sim.api.create(nodeManifest({ name: 'worker-4', zone: 'zone-a' }));
    sim.api.create(pod('w4', { containers: [web()] }, {}, 'worker-4'));
    sim.runUntil(20_000);
    expect(condition(sim.get('Node', undefined, 'worker-4'), 'Ready').status).toBe('True');
    expect(sim.get('Lease', 'kube-node-lease', 'worker-4')).toBeDefined();
    // Fifth node in creation order: pod CIDR 10.244.4.0/24, InternalIP 172.18.0.6.
    expect(getPod(sim, 'w4')!.status).toMatchObject({ phase: 'Running', podIP: '10.244.4.2', hostIP: '172.18.0.6' });
  });

  it('activeDeadlineSeconds fails the pod and kills its containers', () => {
    // startTime is 0 (seconds precision); the deadline passes at 20s.
    const { sim, events } = newSim();
    sim.api.create(pod('dl', { activeDeadlineSeconds: 20, restartPolicy: 'Never', containers: [web()] }, { 'kubeplay.dev/run-seconds': '60' }));
    sim.runUntil(25_000);
    const p = getPod(sim, 'dl')!;
    expect(p.status).toMatchObject({ phase: 'Failed', reason: 'DeadlineExceeded', message: 'Pod was active on the node longer than the specified deadline' });
    expect(times(events, 'DeadlineExceeded', 'dl')).toEqual([20_000]);
    expect(times(events, 'Killing', 'dl')).toEqual([20_000]);
    expect(cstatus(sim, 'dl').state.terminated).toMatchObject({ exitCode: 143, reason: 'Error' });
  });

  it('a changed container image restarts the container in place', () => {
    const { sim, events } = newSim();
    sim.api.create(pod('web', { containers: [web()] }));
    sim.runUntil(10_000);
    sim.api.mutate('Pod', 'default', 'web', (d) => {
      d.spec.containers[0].image = 'nginx:1.28';
    });
    sim.runUntil(20_000);
    expect(events.filter((e) => e.reason === 'Killing').map((e) => [e.t, e.message])).toEqual([[10_100, 'Container web definition changed, will be restarted']]);
    const cs = cstatus(sim, 'web');
    expect(cs).toMatchObject({ image: 'docker.io/library/nginx:1.28', restartCount: 1, ready: true });
    expect(times(events, 'BackOff', 'web')).toEqual([]);
  });
});
