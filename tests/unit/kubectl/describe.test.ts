// kubectl describe layouts, exact. The pod is written straight into the store (no component runs)
// so every field is the test's own.
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../src/engine/sim/simulation';
import { runKubectl } from '../../../src/engine/kubectl/index';
import { loadScenario } from '../../../src/engine/scenario/index';

describe('kubectl describe pod', () => {
  it('prints the describePod layout with tab-aligned blocks and the Events table', () => {
    const sim = new Simulation({ seed: 1, freezeObjects: true });
    sim.api.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web-1', labels: { app: 'web', tier: 'fe' } },
      spec: {
        nodeName: 'worker-1',
        containers: [
          {
            name: 'web',
            image: 'nginx:1.27',
            ports: [{ containerPort: 80, protocol: 'TCP' }],
            readinessProbe: { httpGet: { path: '/healthz', port: 80, scheme: 'HTTP' }, periodSeconds: 5, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3, initialDelaySeconds: 0 },
            env: [{ name: 'MODE', value: 'prod' }],
            resources: { requests: { cpu: '100m' }, limits: { cpu: '200m' } },
          },
        ],
        tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }],
      },
    });
    sim.api.mutate('Pod', 'default', 'web-1', (d) => {
      d.status = {
        phase: 'Running',
        hostIP: '172.18.0.3',
        podIP: '10.244.1.7',
        podIPs: [{ ip: '10.244.1.7' }],
        startTime: '2025-01-01T00:00:01Z',
        conditions: [
          { type: 'Ready', status: 'False' },
          { type: 'PodScheduled', status: 'True' },
        ],
        containerStatuses: [
          {
            name: 'web',
            ready: false,
            restartCount: 1,
            containerID: 'containerd://abc',
            imageID: 'docker.io/library/nginx@sha256:1',
            state: { running: { startedAt: '2025-01-01T00:00:20Z' } },
            lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: '2025-01-01T00:00:05Z', finishedAt: '2025-01-01T00:00:19Z' } },
          },
        ],
      };
    }, { status: true });
    const pod = sim.get('Pod', 'default', 'web-1')!;
    sim.events.record(pod, 'Warning', 'Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 503', { component: 'kubelet', host: 'worker-1' });
    sim.clock.now = 30_000;
    sim.events.record(pod, 'Warning', 'Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 503', { component: 'kubelet', host: 'worker-1' });
    sim.clock.now = 40_000;
    // Admission (ServiceAccount, DefaultTolerationSeconds, Priority) added these, as in a real cluster.
    const vol = sim.get('Pod', 'default', 'web-1')!.spec.volumes[0].name;
    expect(vol).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    const r = runKubectl(sim, 'describe pod web-1');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        'Name:             web-1',
        'Namespace:        default',
        'Priority:         0',
        'Service Account:  default',
        'Node:             worker-1/172.18.0.3',
        'Start Time:       Wed, 01 Jan 2025 00:00:01 +0000',
        'Labels:           app=web',
        '                  tier=fe',
        'Annotations:      <none>',
        'Status:           Running',
        'IP:               10.244.1.7',
        'IPs:',
        '  IP:  10.244.1.7',
        'Containers:',
        '  web:',
        '    Container ID:   containerd://abc',
        '    Image:          nginx:1.27',
        '    Image ID:       docker.io/library/nginx@sha256:1',
        '    Port:           80/TCP',
        '    Host Port:      0/TCP',
        '    State:          Running',
        '      Started:      Wed, 01 Jan 2025 00:00:20 +0000',
        '    Last State:     Terminated',
        '      Reason:       OOMKilled',
        '      Exit Code:    137',
        '      Started:      Wed, 01 Jan 2025 00:00:05 +0000',
        '      Finished:     Wed, 01 Jan 2025 00:00:19 +0000',
        '    Ready:          False',
        '    Restart Count:  1',
        '    Limits:',
        '      cpu:  200m',
        '    Requests:',
        '      cpu:      100m',
        '    Readiness:  http-get http://:80/healthz delay=0s timeout=1s period=5s #success=1 #failure=3',
        '    Environment:',
        '      MODE:  prod',
        '    Mounts:',
        `      /var/run/secrets/kubernetes.io/serviceaccount from ${vol} (ro)`,
        'Conditions:',
        '  Type           Status',
        '  Ready          False ',
        '  PodScheduled   True ',
        'Volumes:',
        `  ${vol}:`,
        '    Type:                    Projected (a volume that contains injected data from multiple sources)',
        '    TokenExpirationSeconds:  3607',
        '    ConfigMapName:           kube-root-ca.crt',
        '    Optional:                false',
        '    DownwardAPI:             true',
        'QoS Class:                   Burstable',
        'Node-Selectors:              <none>',
        'Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
        '                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
        'Events:',
        '  Type     Reason     Age                From     Message',
        '  ----     ------     ----               ----     -------',
        '  Warning  Unhealthy  10s (x2 over 40s)  kubelet  Readiness probe failed: HTTP probe failed with statuscode: 503',
        '',
      ].join('\n'),
    );
  });
});

describe('kubectl describe deployment and node (real controllers)', () => {
  it('shows replicas, strategy, template, conditions, ReplicaSets and events', () => {
    const { sim } = loadScenario(
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: web, image: "nginx:1.27"}]\n',
      { file: 'd.yaml' },
    );
    sim.runUntil(60_000);
    const out = runKubectl(sim, 'describe deployment web').stdout;
    const rs = sim.list('ReplicaSet')[0].metadata.name;
    expect(out).toContain('Name:                   web\nNamespace:              default\nCreationTimestamp:      Wed, 01 Jan 2025 00:00:00 +0000\n');
    expect(out).toContain('Replicas:               2 desired | 2 updated | 2 total | 2 available | 0 unavailable\nStrategyType:           RollingUpdate\nMinReadySeconds:        0\nRollingUpdateStrategy:  25% max unavailable, 25% max surge\n');
    expect(out).toContain('Pod Template:\n  Labels:  app=web\n  Containers:\n   web:\n    Image:         nginx:1.27\n    Port:          <none>\n    Host Port:     <none>\n    Environment:   <none>\n    Mounts:        <none>\n  Volumes:         <none>\n');
    expect(out).toContain(`OldReplicaSets:  <none>\nNewReplicaSet:   ${rs} (2/2 replicas created)\n`);
    expect(out).toContain(`  Normal  ScalingReplicaSet  60s   deployment-controller  Scaled up replica set ${rs} from 0 to 2\n`);

    const node = runKubectl(sim, 'describe node worker-1').stdout;
    expect(node).toMatch(/^Name:               worker-1\nRoles:              <none>\nLabels:             beta\.kubernetes\.io\/arch=amd64\n/);
    expect(node).toContain('Capacity:\n  cpu:                4\n  ephemeral-storage:  100Gi\n  memory:             8Gi\n  pods:               110\n');
    expect(node).toContain('Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n  Resource           Requests  Limits\n  --------           --------  ------\n');
    expect(runKubectl(sim, 'describe pod nope')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 });
  });
});
