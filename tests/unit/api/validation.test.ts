// Validation with the API server's own wording and field paths (pkg/apis/*/validation).
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../src/engine/sim/simulation';
import type { ApiError } from '../../../src/engine/apiserver/errors';
import { fieldErrorMessage } from '../../../src/engine/api/fieldErrors';
import type { KubeObject } from '../../../src/engine/api/meta';
import { reject } from './reject';

const sim = () => new Simulation({ freezeObjects: true, seed: 3 });

const causes = (e: ApiError) => e.causes.map(fieldErrorMessage);

const template = (container: Record<string, unknown>, labels: Record<string, string> | undefined = { app: 'web' }) => ({
  metadata: { labels },
  spec: { containers: [container] },
});

const deployment = (spec: Record<string, unknown>, name = 'web'): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name },
  spec: { selector: { matchLabels: { app: 'web' } }, template: template({ name: 'web', image: 'nginx:1.27' }), ...spec },
});

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

describe('Deployment', () => {
  it('requires a selector, and then the template labels do not match it', () => {
    const e = reject(() => sim().api.create(deployment({ selector: undefined })));
    expect(e.code).toBe(422);
    expect(e.reason).toBe('Invalid');
    expect(e.message).toBe(
      'Deployment.apps "web" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`]',
    );
    expect(e.causes.map((c) => c.field)).toEqual(['spec.selector', 'spec.template.metadata.labels']);
  });

  it('reports a selector that does not match the template labels', () => {
    const e = reject(() => sim().api.create(deployment({ selector: { matchLabels: { app: 'api' } } })));
    expect(e.message).toBe(
      'Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    );
  });

  it('rejects a name that is not a DNS subdomain, and a container without an image', () => {
    const e = reject(() => sim().api.create(deployment({ template: template({ name: 'web' }) }, 'Web_1')));
    expect(causes(e)).toEqual([`metadata.name: Invalid value: "Web_1": ${SUBDOMAIN_MSG}`, 'spec.template.spec.containers[0].image: Required value']);
  });

  it('checks replicas, requests against limits, and maxSurge/maxUnavailable both 0', () => {
    const e = reject(() =>
      sim().api.create(
        deployment({
          replicas: -1,
          strategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } },
          template: template({ name: 'web', image: 'x:1', resources: { requests: { cpu: '1' }, limits: { cpu: '500m' } } }),
        }),
      ),
    );
    expect(causes(e)).toEqual([
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      'spec.template.spec.containers[0].resources.requests: Invalid value: "1": must be less than or equal to cpu limit of 500m',
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0',
    ]);
  });

  it('checks percent strings and the 100% cap', () => {
    const e = reject(() => sim().api.create(deployment({ strategy: { rollingUpdate: { maxSurge: 'lots', maxUnavailable: '150%' } } })));
    expect(causes(e)).toEqual([
      "spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"lots\"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%',
    ]);
  });

  it('requires progressDeadlineSeconds > minReadySeconds and a non-negative revisionHistoryLimit', () => {
    const e = reject(() => sim().api.create(deployment({ minReadySeconds: 600, revisionHistoryLimit: -2 })));
    expect(causes(e)).toEqual([
      'spec.revisionHistoryLimit: Invalid value: -2: must be greater than or equal to 0',
      'spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds',
    ]);
  });

  it('forbids rollingUpdate with Recreate and an unknown strategy type', () => {
    const s = sim();
    expect(causes(reject(() => s.api.create(deployment({ strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } }))))).toEqual([
      "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
    ]);
    expect(causes(reject(() => s.api.create(deployment({ strategy: { type: 'BlueGreen' } }))))).toEqual([
      'spec.strategy: Unsupported value: "BlueGreen": supported values: "Recreate", "RollingUpdate"',
    ]);
  });

  it('requires restartPolicy Always in the template', () => {
    const e = reject(() =>
      sim().api.create(deployment({ template: { metadata: { labels: { app: 'web' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'w', image: 'x:1' }] } } })),
    );
    expect(causes(e)).toEqual(['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"']);
  });

  it('keeps the selector immutable on update', () => {
    const s = sim();
    s.api.create(deployment({}));
    const e = reject(() =>
      s.api.mutate('Deployment', 'default', 'web', (d) => {
        d.spec.selector = { matchLabels: { app: 'web2' } };
        d.spec.template.metadata.labels = { app: 'web2' };
      }),
    );
    expect(e.message).toBe(
      'Deployment.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    );
    // Scaling and changing the image are fine.
    const d = s.api.mutate('Deployment', 'default', 'web', (x) => {
      x.spec.replicas = 5;
      x.spec.template.spec.containers[0].image = 'nginx:1.28';
    });
    expect(d.spec.replicas).toBe(5);
    expect(d.metadata.generation).toBe(2);
  });
});

describe('Pod', () => {
  it('container names must be unique DNS labels; restartPolicy must be known', () => {
    const e = reject(() =>
      sim().api.create({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p' },
        spec: { restartPolicy: 'Sometimes', containers: [{ name: 'a', image: 'x' }, { name: 'a', image: 'y' }, { name: 'B', image: 'z' }] },
      }),
    );
    expect(causes(e)).toEqual([
      'spec.containers[1].name: Duplicate value: "a"',
      "spec.containers[2].name: Invalid value: \"B\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ]);
  });

  it('requires at least one container', () => {
    const e = reject(() => sim().api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [] } }));
    expect(e.message).toBe('Pod "p" is invalid: spec.containers: Required value');
  });

  it('checks ports and probes', () => {
    const e = reject(() =>
      sim().api.create({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p' },
        spec: {
          containers: [
            {
              name: 'a',
              image: 'x:1',
              ports: [{ containerPort: 70000 }, { name: 'http', containerPort: 80, protocol: 'HTTP' }, { name: 'http', containerPort: 81 }],
              livenessProbe: { httpGet: { port: 'metrics-endpoint-x' }, successThreshold: 2 },
              readinessProbe: { periodSeconds: -1, tcpSocket: { port: 80 } },
              startupProbe: { periodSeconds: 5 },
            },
          ],
        },
      }),
    );
    expect(causes(e)).toEqual([
      'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      'spec.containers[0].ports[1].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
      'spec.containers[0].ports[2].name: Duplicate value: "http"',
      'spec.containers[0].livenessProbe.httpGet.port: Invalid value: "metrics-endpoint-x": must be no more than 15 characters',
      'spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
      'spec.containers[0].readinessProbe.periodSeconds: Invalid value: -1: must be greater than or equal to 0',
      'spec.containers[0].startupProbe: Required value: must specify a handler type',
    ]);
  });

  it('rejects negative quantities and non-integer extended resources', () => {
    const e = reject(() =>
      sim().api.create({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p' },
        spec: { containers: [{ name: 'a', image: 'x:1', resources: { requests: { memory: '-1Gi' }, limits: { 'example.com/gpu': '500m', cpu: '1', memory: '1Gi' } } }] },
      }),
    );
    expect(causes(e)).toEqual([
      'spec.containers[0].resources.limits[example.com/gpu]: Invalid value: "500m": must be an integer',
      'spec.containers[0].resources.requests[memory]: Invalid value: "-1Gi": must be greater than or equal to 0',
      // Requests were defaulted from the limits, so the extended resource shows up there too.
      'spec.containers[0].resources.requests[example.com/gpu]: Invalid value: "500m": must be an integer',
    ]);
  });

  it('validates labels with the qualified-name message', () => {
    const e = reject(() =>
      sim().api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels: { 'bad key!': 'v' } }, spec: { containers: [{ name: 'a', image: 'x' }] } }),
    );
    expect(e.message).toBe(
      "Pod \"p\" is invalid: metadata.labels: Invalid value: \"bad key!\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    );
  });

  it('checks tolerations', () => {
    const e = reject(() =>
      sim().api.create({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p' },
        spec: { tolerations: [{ operator: 'Equal', value: 'x' }, { key: 'k', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 5 }], containers: [{ name: 'a', image: 'x' }] },
      }),
    );
    expect(causes(e)).toEqual([
      'spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
      'spec.tolerations[1].effect: Invalid value: "NoSchedule": effect must be \'NoExecute\' when `tolerationSeconds` is set',
    ]);
  });

  it('allows image updates and forbids other spec changes', () => {
    const s = sim();
    s.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'x:1' }] } });
    const p = s.api.mutate('Pod', 'default', 'p', (d) => {
      d.spec.containers[0].image = 'x:2';
    });
    expect(p.spec.containers[0].image).toBe('x:2');
    const e = reject(() =>
      s.api.mutate('Pod', 'default', 'p', (d) => {
        d.spec.restartPolicy = 'Never';
      }),
    );
    expect(e.causes).toHaveLength(1);
    expect(e.causes[0].field).toBe('spec');
    expect(fieldErrorMessage(e.causes[0]).split('\n')[0]).toBe(
      'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    );
    expect(e.message).toContain('- \trestartPolicy: "Always",\n+ \trestartPolicy: "Never",');
    const c = reject(() =>
      s.api.mutate('Pod', 'default', 'p', (d) => {
        d.spec.containers.push({ name: 'b', image: 'y' });
      }),
    );
    expect(causes(c)).toEqual(['spec.containers: Forbidden: pod updates may not add or remove containers']);
    // DefaultTolerationSeconds runs on update too, so dropping its tolerations just brings them back...
    const again = s.api.mutate('Pod', 'default', 'p', (d) => {
      d.spec.tolerations = [];
    });
    expect(again.spec.tolerations).toHaveLength(2);
    // ...but a toleration the user gave cannot be taken away or changed.
    s.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'q' }, spec: { tolerations: [{ key: 'gpu', operator: 'Exists' }], containers: [{ name: 'a', image: 'x:1' }] } });
    const t = reject(() =>
      s.api.mutate('Pod', 'default', 'q', (d) => {
        d.spec.tolerations = d.spec.tolerations.filter((x: any) => x.key !== 'gpu');
      }),
    );
    expect(causes(t)).toEqual(['spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds']);
    const added = s.api.mutate('Pod', 'default', 'q', (d) => {
      d.spec.tolerations.push({ key: 'spot', operator: 'Exists', effect: 'NoSchedule' });
    });
    expect(added.spec.tolerations.map((x: any) => x.key)).toContain('spot');
  });
});

describe('Service, Namespace, Node', () => {
  it('Service names are DNS-1035 labels; several ports need names', () => {
    const e = reject(() => sim().api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: '1web' }, spec: { ports: [{ port: 80 }, { port: 81, protocol: 'ICMP' }] } }));
    expect(causes(e)).toEqual([
      "metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
      'spec.ports[0].name: Required value',
      'spec.ports[1].name: Required value',
      'spec.ports[1].protocol: Unsupported value: "ICMP": supported values: "SCTP", "TCP", "UDP"',
    ]);
  });

  it('a NodePort may not be given to a ClusterIP service; a taken clusterIP is refused', () => {
    const s = sim();
    const e = reject(() => s.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'a' }, spec: { ports: [{ port: 80, nodePort: 30001 }] } }));
    expect(causes(e)).toEqual(["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"]);
    s.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'dns' }, spec: { clusterIP: '10.96.0.10', ports: [{ port: 53 }] } });
    const taken = reject(() => s.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'b' }, spec: { clusterIP: '10.96.0.10', ports: [{ port: 53 }] } }));
    expect(taken.message).toBe(
      'Service "b" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated',
    );
  });

  it('Namespace names are DNS labels', () => {
    const e = reject(() => sim().api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team.a' } }));
    expect(e.message).toBe('Namespace "team.a" is invalid: metadata.name: Invalid value: "team.a": must not contain dots');
  });

  it('Node taints need a known effect and must be unique by key and effect', () => {
    const e = reject(() =>
      sim().api.create({
        apiVersion: 'v1',
        kind: 'Node',
        metadata: { name: 'n1' },
        spec: { taints: [{ key: 'a', effect: 'NoSchedule' }, { key: 'a', effect: 'NoSchedule' }, { key: 'b', effect: 'Sometimes' }, { key: 'c' }] },
      }),
    );
    expect(causes(e)).toEqual([
      'spec.taints[1]: Duplicate value: core.Taint{Key:"a", Value:"", Effect:"NoSchedule", TimeAdded:(*v1.Time)(nil)}: taints must be unique by key and effect pair',
      'spec.taints[2].effect: Unsupported value: "Sometimes": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
      'spec.taints[3].effect: Required value',
    ]);
  });
});

describe('ReplicaSet, StatefulSet, DaemonSet, Job', () => {
  it('ReplicaSet selector must match and may not change', () => {
    const s = sim();
    const rs = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'rs' }, spec: { selector: { matchLabels: { app: 'x' } }, template: template({ name: 'x', image: 'x:1' }, { app: 'y' }) } };
    expect(causes(reject(() => s.api.create(rs)))).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"y"}: `selector` does not match template `labels`',
    ]);
  });

  it('Job pods must not restart Always', () => {
    const e = reject(() =>
      sim().api.create({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, spec: { template: { spec: { containers: [{ name: 'j', image: 'x:1' }] } } } }),
    );
    expect(causes(e)).toEqual(['spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"']);
  });

  it('DaemonSet requires a selector', () => {
    const e = reject(() =>
      sim().api.create({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'ds' }, spec: { template: template({ name: 'x', image: 'x:1' }) } }),
    );
    expect(causes(e)[0]).toBe('spec.selector: Required value');
  });

  it('StatefulSet accepts a well-formed set', () => {
    const ss = sim().api.create({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db' },
      spec: { serviceName: 'db', selector: { matchLabels: { app: 'web' } }, template: template({ name: 'db', image: 'postgres:16' }) },
    });
    expect(ss.metadata.generation).toBe(1);
  });
});
