// The default cluster of DESIGN.md: one control-plane node with its NoSchedule taint and three
// workers in zones a, b, c, each 4 CPU / 8 GiB / 110 pods. Node objects carry what a kubelet
// registers (labels, capacity); their status conditions are kept fresh by the kubelet.
import type { KubeObject } from '../api/meta';

export interface NodeShape {
  name: string;
  cpu?: string;
  memory?: string;
  pods?: string;
  zone?: string;
  controlPlane?: boolean;
  labels?: Record<string, string>;
}

export const DEFAULT_REGION = 'region-1';

export function nodeManifest(n: NodeShape): KubeObject {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': n.name,
    'kubernetes.io/os': 'linux',
  };
  if (n.zone) {
    labels['topology.kubernetes.io/region'] = DEFAULT_REGION;
    labels['topology.kubernetes.io/zone'] = n.zone;
  }
  if (n.controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  Object.assign(labels, n.labels ?? {});
  const capacity = {
    cpu: n.cpu ?? '4',
    'ephemeral-storage': '100Gi',
    memory: n.memory ?? '8Gi',
    pods: n.pods ?? '110',
  };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: n.name, labels },
    spec: n.controlPlane ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } : {},
    status: { capacity, allocatable: { ...capacity } },
  };
}

export function defaultCluster(): KubeObject[] {
  return [
    nodeManifest({ name: 'control-plane', controlPlane: true, zone: 'zone-a' }),
    nodeManifest({ name: 'worker-1', zone: 'zone-a' }),
    nodeManifest({ name: 'worker-2', zone: 'zone-b' }),
    nodeManifest({ name: 'worker-3', zone: 'zone-c' }),
  ];
}
