// Defaulting as the real API server applies it: scheme SetDefaults_*, admission plugins and the
// registry's PrepareForCreate, observed through what the store keeps.
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../src/engine/sim/simulation';
import { ApiError } from '../../../src/engine/apiserver/errors';
import type { KubeObject } from '../../../src/engine/api/meta';

const sim = () => new Simulation({ freezeObjects: true, seed: 7 });

const deployment = (spec: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }], resources: { limits: { cpu: 0.25, memory: '1024Mi' } } }] },
    },
    ...spec,
  },
});

const pod = (spec: Record<string, unknown>, metadata: Record<string, unknown> = { name: 'p' }): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: metadata as KubeObject['metadata'],
  spec,
});

describe('Deployment defaults (SetDefaults_Deployment)', () => {
  it('fills replicas, strategy, history limit, progress deadline, and the template pod spec', () => {
    const d = sim().api.create(deployment());
    expect(d.spec.replicas).toBe(1);
    expect(d.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } });
    expect(d.spec.revisionHistoryLimit).toBe(10);
    expect(d.spec.progressDeadlineSeconds).toBe(600);
    expect(d.status).toEqual({});
    const t = d.spec.template.spec;
    expect(t).toMatchObject({
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      securityContext: {},
    });
    // Pod-only defaults are not applied to templates.
    expect(t.enableServiceLinks).toBeUndefined();
    expect(t.containers[0].resources).toEqual({ limits: { cpu: '250m', memory: '1Gi' } });
    expect(t.containers[0]).toMatchObject({
      imagePullPolicy: 'IfNotPresent',
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
      ports: [{ containerPort: 80, protocol: 'TCP' }],
    });
  });

  it('keeps what the user set, and gives Recreate no rollingUpdate', () => {
    const d = sim().api.create(deployment({ replicas: 0, strategy: { type: 'Recreate' }, revisionHistoryLimit: 2 }));
    expect(d.spec.replicas).toBe(0);
    expect(d.spec.strategy).toEqual({ type: 'Recreate' });
    expect(d.spec.revisionHistoryLimit).toBe(2);
  });

  it('fills only the missing half of rollingUpdate', () => {
    const d = sim().api.create(deployment({ strategy: { rollingUpdate: { maxSurge: 1 } } }));
    expect(d.spec.strategy.rollingUpdate).toEqual({ maxSurge: 1, maxUnavailable: '25%' });
  });
});

describe('Pod defaults', () => {
  it('applies PodSpec, Pod, ServiceAccount, Priority and DefaultTolerationSeconds defaults and starts Pending', () => {
    const p = sim().api.create(pod({ containers: [{ name: 'app', image: 'nginx' }] }));
    expect(p.spec).toMatchObject({
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      securityContext: {},
      enableServiceLinks: true,
      priority: 0,
      preemptionPolicy: 'PreemptLowerPriority',
      serviceAccountName: 'default',
      serviceAccount: 'default',
    });
    expect(p.spec.tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ]);
    expect(p.spec.containers[0].imagePullPolicy).toBe('Always');
    expect(p.spec.containers[0].resources).toEqual({});
    expect(p.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });

  it('mounts the service-account token volume in every container', () => {
    const p = sim().api.create(pod({ containers: [{ name: 'a', image: 'busybox' }, { name: 'b', image: 'busybox' }] }));
    const vol = p.spec.volumes.find((v: any) => v.projected);
    expect(vol.name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    for (const c of p.spec.containers) {
      expect(c.volumeMounts).toEqual([{ mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: vol.name, readOnly: true }]);
    }
    const none = sim().api.create(pod({ automountServiceAccountToken: false, containers: [{ name: 'a', image: 'busybox' }] }));
    expect(none.spec.volumes).toBeUndefined();
  });

  it('picks imagePullPolicy from the tag: Always only for latest or no tag', () => {
    const s = sim();
    const images = { a: 'nginx', b: 'nginx:latest', c: 'nginx:1.27', d: 'registry.example.com:5000/team/app', e: `nginx@sha256:${'a'.repeat(64)}` };
    const p = s.api.create(pod({ containers: Object.entries(images).map(([name, image]) => ({ name, image })) }));
    expect(p.spec.containers.map((c: any) => c.imagePullPolicy)).toEqual(['Always', 'Always', 'IfNotPresent', 'Always', 'IfNotPresent']);
  });

  it('copies limits to missing requests and stores canonical quantities; QoS follows', () => {
    const s = sim();
    const g = s.api.create(pod({ containers: [{ name: 'a', image: 'x:1', resources: { limits: { cpu: '0.5', memory: '1024Mi' } } }] }, { name: 'g' }));
    expect(g.spec.containers[0].resources).toEqual({ limits: { cpu: '500m', memory: '1Gi' }, requests: { cpu: '500m', memory: '1Gi' } });
    expect(g.status.qosClass).toBe('Guaranteed');
    const b = s.api.create(
      pod({ containers: [{ name: 'a', image: 'x:1', resources: { requests: { cpu: '100m' }, limits: { cpu: '1', memory: '64Mi' } } }] }, { name: 'b' }),
    );
    expect(b.spec.containers[0].resources.requests).toEqual({ cpu: '100m', memory: '64Mi' });
    expect(b.status.qosClass).toBe('Burstable');
    const tiny = s.api.create(pod({ containers: [{ name: 'a', image: 'x:1', resources: { requests: { cpu: '100u' } } }] }, { name: 'tiny' }));
    // SetDefaults_ResourceList rounds up to milli precision.
    expect(tiny.spec.containers[0].resources.requests.cpu).toBe('1m');
  });

  it('gives containers with requests the in-place resize policy, and host-network pods host ports', () => {
    const s = sim();
    const p = s.api.create(pod({ containers: [{ name: 'a', image: 'x:1', resources: { requests: { memory: '64Mi' } } }, { name: 'b', image: 'x:1' }] }));
    expect(p.spec.containers[0].resizePolicy).toEqual([{ resourceName: 'memory', restartPolicy: 'NotRequired' }]);
    expect(p.spec.containers[1].resizePolicy).toBeUndefined();
    const h = s.api.create(pod({ hostNetwork: true, containers: [{ name: 'a', image: 'x:1', ports: [{ containerPort: 9100 }] }] }, { name: 'h' }));
    expect(h.spec.containers[0].ports).toEqual([{ containerPort: 9100, protocol: 'TCP', hostPort: 9100 }]);
    const d = s.api.create(deployment({ template: { metadata: { labels: { app: 'web' } }, spec: { hostNetwork: true, containers: [{ name: 'a', image: 'x:1', ports: [{ containerPort: 9100 }] }] } } }));
    // Templates do not get host ports (DefaultHostNetworkHostPortsInPodTemplates is off).
    expect(d.spec.template.spec.containers[0].ports).toEqual([{ containerPort: 9100, protocol: 'TCP' }]);
  });

  it('Secrets default to type Opaque and fold stringData into data', () => {
    const secret = sim().api.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { password: 'héllo' } });
    expect(secret.type).toBe('Opaque');
    expect(secret.data).toEqual({ password: 'aMOpbGxv' });
    expect(secret.stringData).toBeUndefined();
  });

  it('defaults probes: timeout 1, period 10, success 1, failure 3, httpGet path / scheme HTTP', () => {
    const p = sim().api.create(
      pod({ containers: [{ name: 'a', image: 'x:1', livenessProbe: { httpGet: { port: 8080 } }, readinessProbe: { tcpSocket: { port: 80 }, periodSeconds: 5 } }] }),
    );
    expect(p.spec.containers[0].livenessProbe).toEqual({
      httpGet: { port: 8080, path: '/', scheme: 'HTTP' },
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    });
    expect(p.spec.containers[0].readinessProbe).toEqual({ tcpSocket: { port: 80 }, timeoutSeconds: 1, periodSeconds: 5, successThreshold: 1, failureThreshold: 3 });
  });

  it('keeps a toleration that already covers the taints', () => {
    const p = sim().api.create(pod({ tolerations: [{ operator: 'Exists' }], containers: [{ name: 'a', image: 'x:1' }] }));
    expect(p.spec.tolerations).toEqual([{ operator: 'Exists' }]);
  });

  it('resolves priorityClassName, and rejects unknown classes with the admission message', () => {
    const s = sim();
    s.api.create({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 1000 });
    expect(s.get('PriorityClass', undefined, 'high')!.preemptionPolicy).toBe('PreemptLowerPriority');
    const p = s.api.create(pod({ priorityClassName: 'high', containers: [{ name: 'a', image: 'x:1' }] }));
    expect(p.spec.priority).toBe(1000);
    const crit = s.api.create(pod({ priorityClassName: 'system-node-critical', containers: [{ name: 'a', image: 'x:1' }] }, { name: 'crit' }));
    expect(crit.spec.priority).toBe(2000001000);
    let err: ApiError | undefined;
    try {
      s.api.create(pod({ priorityClassName: 'nope', containers: [{ name: 'a', image: 'x:1' }] }, { generateName: 'web-7c5d-' }));
    } catch (e) {
      err = e as ApiError;
    }
    expect(err?.code).toBe(403);
    expect(err?.message).toBe('pods "web-7c5d-" is forbidden: no PriorityClass with name nope was found');
  });

  it('rejects an unparsable quantity as the decoder does', () => {
    let err: ApiError | undefined;
    try {
      sim().api.create(deployment({ template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'x:1', resources: { requests: { cpu: '1.1.M' } } }] } } }));
    } catch (e) {
      err = e as ApiError;
    }
    expect(err?.code).toBe(400);
    expect(err?.message).toBe(
      "Deployment in version \"v1\" cannot be handled as a Deployment: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    );
    expect(err?.causes[0].field).toBe('spec.template.spec.containers[0].resources.requests.cpu');
  });
});

describe('decode-time type errors', () => {
  it('reports a string where an integer belongs as the JSON decoder does', () => {
    const e = (() => {
      try {
        sim().api.create(deployment({ replicas: '3' }));
      } catch (x) {
        return x as ApiError;
      }
      return undefined;
    })();
    expect(e?.code).toBe(400);
    expect(e?.message).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
    expect(e?.causes[0].field).toBe('spec.replicas');
  });

  it('names the full field path without list indices', () => {
    let msg = '';
    try {
      sim().api.create(pod({ containers: [{ name: 'a', image: 'x:1', ports: [{ containerPort: 80.5 }] }] }));
    } catch (x) {
      msg = (x as ApiError).message;
    }
    expect(msg).toBe(
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number 80.5 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
    );
  });
});

describe('Pods created by controllers get the same defaults', () => {
  it('a pod made from a defaulted template is fully defaulted', () => {
    const s = sim();
    const d = s.api.create(deployment());
    const p = s.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { generateName: 'web-abc-', labels: d.spec.template.metadata.labels } as KubeObject['metadata'], spec: d.spec.template.spec });
    expect(p.spec.enableServiceLinks).toBe(true);
    expect(p.spec.containers[0].resources.requests).toEqual({ cpu: '250m', memory: '1Gi' });
    expect(p.status.qosClass).toBe('Guaranteed');
  });
});

describe('other kinds', () => {
  it('ReplicaSet, StatefulSet, DaemonSet', () => {
    const s = sim();
    const tmpl = { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'x', image: 'x:1' }] } };
    const rs = s.api.create({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'rs' }, spec: { selector: { matchLabels: { app: 'x' } }, template: tmpl } });
    expect(rs.spec.replicas).toBe(1);
    expect(rs.status).toEqual({ replicas: 0 });
    const ss = s.api.create({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' }, spec: { serviceName: 'db', selector: { matchLabels: { app: 'x' } }, template: tmpl } });
    expect(ss.spec).toMatchObject({
      replicas: 1,
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0, maxUnavailable: 1 } },
      revisionHistoryLimit: 10,
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
    });
    const ds = s.api.create({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent' }, spec: { selector: { matchLabels: { app: 'x' } }, template: tmpl } });
    expect(ds.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
    expect(ds.spec.revisionHistoryLimit).toBe(10);
  });

  it('Job gets completions, parallelism, backoffLimit and a generated selector', () => {
    const s = sim();
    const job = s.api.create({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'pi' },
      spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl:5.34' }] } } },
    });
    const uid = job.metadata.uid;
    expect(job.spec).toMatchObject({ completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false, podReplacementPolicy: 'TerminatingOrFailed' });
    expect(job.spec.selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': uid } });
    expect(job.spec.template.metadata.labels).toEqual({
      'batch.kubernetes.io/controller-uid': uid,
      'batch.kubernetes.io/job-name': 'pi',
      'controller-uid': uid,
      'job-name': 'pi',
    });
    expect(job.metadata.labels).toEqual(job.spec.template.metadata.labels);
  });

  it('CronJob', () => {
    const cj = sim().api.create({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'hello' },
      spec: { schedule: '*/1 * * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'h', image: 'busybox:1.36' }] } } } } },
    });
    expect(cj.spec).toMatchObject({ concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 });
    expect(cj.spec.jobTemplate.spec.backoffLimit).toBeUndefined();
    expect(cj.spec.jobTemplate.spec.template.spec.containers[0].imagePullPolicy).toBe('IfNotPresent');
  });

  it('Service: ClusterIP type, TCP, targetPort = port, a cluster IP from 10.96.0.0/12', () => {
    const s = sim();
    const svc = s.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    expect(svc.spec).toMatchObject({
      type: 'ClusterIP',
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
    });
    expect(svc.spec.externalTrafficPolicy).toBeUndefined();
    expect(svc.spec.clusterIP).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/);
    expect(svc.spec.clusterIPs).toEqual([svc.spec.clusterIP]);
    expect(svc.status).toEqual({ loadBalancer: {} });
    // Services, like Nodes and Namespaces, carry no metadata.generation.
    expect(svc.metadata.generation).toBeUndefined();
    const np = s.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'np' }, spec: { type: 'NodePort', ports: [{ port: 80, targetPort: 'http' }] } });
    expect(np.spec.externalTrafficPolicy).toBe('Cluster');
    expect(np.spec.ports[0].targetPort).toBe('http');
    expect(np.spec.ports[0].nodePort).toBeGreaterThanOrEqual(30000);
    expect(np.spec.ports[0].nodePort).toBeLessThanOrEqual(32767);
    const headless = s.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'db' }, spec: { clusterIP: 'None', ports: [{ port: 5432 }] } });
    expect(headless.spec.clusterIPs).toEqual(['None']);
  });

  it('Service updates keep the cluster IP, and node ports follow the type', () => {
    const s = sim();
    const svc = s.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { ports: [{ port: 80 }] } });
    const np = s.api.mutate('Service', 'default', 'web', (x) => {
      x.spec.type = 'NodePort';
      delete x.spec.clusterIP;
      delete x.spec.clusterIPs;
    });
    expect(np.spec.clusterIP).toBe(svc.spec.clusterIP);
    const port = np.spec.ports[0].nodePort;
    expect(port).toBeGreaterThanOrEqual(30000);
    const back = s.api.mutate('Service', 'default', 'web', (x) => {
      x.spec.type = 'ClusterIP';
    });
    expect(back.spec.ports[0].nodePort).toBeUndefined();
    expect(back.spec.externalTrafficPolicy).toBeUndefined();
  });

  it('Namespace gets its name label, the kubernetes finalizer and phase Active', () => {
    const ns = sim().api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } });
    expect(ns.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'team-a' });
    expect(ns.spec).toEqual({ finalizers: ['kubernetes'] });
    expect(ns.status).toEqual({ phase: 'Active' });
    expect(ns.metadata.generation).toBeUndefined();
  });

  it('Node capacity is canonical and allocatable defaults to capacity', () => {
    const n = sim().api.create({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' }, status: { capacity: { cpu: '2', memory: '4096Mi', pods: '110' } } });
    expect(n.status.capacity).toEqual({ cpu: '2', memory: '4Gi', pods: '110' });
    expect(n.status.allocatable).toEqual({ cpu: '2', memory: '4Gi', pods: '110' });
  });

  it('HorizontalPodAutoscaler defaults minReplicas and the CPU 80% metric', () => {
    const hpa = sim().api.create({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web' },
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, maxReplicas: 5 },
    });
    expect(hpa.spec.minReplicas).toBe(1);
    expect(hpa.spec.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }]);
    expect(hpa.spec.behavior).toBeUndefined();
  });
});
