// Node heartbeats (pkg/kubelet/kubelet_node_status.go, nodestatus/setters.go, nodelease):
// the Lease in kube-node-lease is renewed every 10s (a quarter of its 40s duration); the Node's
// status (conditions, addresses, nodeInfo, images, daemonEndpoints) is written at registration,
// whenever it changes, and at least every nodeStatusReportFrequency (5 min).
import { clone, deepEqual, type KubeObject } from '../api/meta';
import type { KubeletHost } from './host';
import type { NodeAgent } from './types';
import { CONTAINER_RUNTIME_VERSION, KUBELET_VERSION, NODE_LEASE_DURATION_SECONDS, NODE_STATUS_MAX_IMAGES, NODE_STATUS_REPORT_MS, PAUSE_IMAGE } from './constants';
import { imageDigest, imageSize, parseImage } from '../workload/images';

export function nodeIndex(k: KubeletHost, name: string): number {
  const nodes = k.ctx.api
    .list('Node')
    .slice()
    .sort((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') || a.metadata.name.localeCompare(b.metadata.name));
  const i = nodes.findIndex((n) => n.metadata.name === name);
  return i < 0 ? nodes.length : i;
}

/** The node's InternalIP (kind-style 172.18.0.N). */
export function internalIP(agent: NodeAgent, node?: KubeObject): string {
  // Read at every pod status write: a plain loop, no closure.
  for (const a of node?.status?.addresses ?? []) if (a.type === 'InternalIP') return a.address ?? `172.18.0.${agent.index + 2}`;
  return `172.18.0.${agent.index + 2}`;
}

/** The pod CIDR the node IPAM would give: spec.podCIDR, else 10.244.<index>.0/24. */
export function podCIDRBase(agent: NodeAgent, node?: KubeObject): string {
  const cidr: string | undefined = node?.spec?.podCIDR;
  const m = cidr ? /^(\d+\.\d+\.\d+)\.\d+\/\d+$/.exec(cidr) : null;
  return m ? m[1] : `10.244.${agent.index}`;
}

/** host-local IPAM: the next free address of the node's /24, from .2 on, wrapping. */
export function allocatePodIP(k: KubeletHost, agent: NodeAgent): string {
  const node = k.ctx.api.get('Node', undefined, agent.name);
  const ip = `${podCIDRBase(agent, node)}.${agent.nextIp}`;
  agent.nextIp = agent.nextIp >= 254 ? 2 : agent.nextIp + 1;
  return ip;
}

function hex(k: KubeletHost, n: number): string {
  const r = k.ctx.random('node-ids');
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[r.int(16)];
  return s;
}

export function newAgent(k: KubeletHost, name: string): NodeAgent {
  const agent: NodeAgent = {
    name,
    running: true,
    epoch: 0,
    index: nodeIndex(k, name),
    nextIp: 2,
    images: {},
    pullFreeAt: 0,
    inflight: {},
    lastStatusReport: -NODE_STATUS_REPORT_MS,
    bootID: '',
  };
  const pause = parseImage(PAUSE_IMAGE);
  if (pause.ok) agent.images[pause.ref.full] = 320_368;
  agent.bootID = `${hex(k, 8)}-${hex(k, 4)}-4${hex(k, 3)}-a${hex(k, 3)}-${hex(k, 12)}`;
  return agent;
}

const CONDITIONS: [string, string, string, string][] = [
  ['MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
  ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
  ['PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
  ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'],
];

function nodeImages(agent: NodeAgent): any[] {
  return Object.entries(agent.images)
    .map(([full, size]) => {
      const p = parseImage(full);
      const names = p.ok ? [`${p.ref.domain}/${p.ref.path}@${imageDigest(p.ref)}`, full] : [full];
      return { names, sizeBytes: size || (p.ok ? imageSize(p.ref) : 0) };
    })
    .sort((a, b) => b.sizeBytes - a.sizeBytes)
    .slice(0, NODE_STATUS_MAX_IMAGES);
}

/** The status the kubelet would post now (setters.go), keeping lastTransitionTime of unchanged conditions. */
export function desiredNodeStatus(k: KubeletHost, agent: NodeAgent, node: KubeObject, heartbeat: boolean): any {
  const now = k.ctx.clock.timestamp();
  const old = node.status ?? {};
  const conditions = CONDITIONS.map(([type, status, reason, message]) => {
    const prev = (old.conditions ?? []).find((c: any) => c.type === type);
    const same = prev && prev.status === status;
    return {
      lastHeartbeatTime: heartbeat || !prev ? now : prev.lastHeartbeatTime,
      lastTransitionTime: same ? prev.lastTransitionTime : now,
      message,
      reason,
      status,
      type,
    };
  });
  const status = clone(old);
  status.conditions = [...conditions, ...(old.conditions ?? []).filter((c: any) => !CONDITIONS.some(([t]) => t === c.type))];
  status.addresses = old.addresses ?? [
    { address: internalIP(agent, node), type: 'InternalIP' },
    { address: agent.name, type: 'Hostname' },
  ];
  status.daemonEndpoints = { kubeletEndpoint: { Port: 10250 } };
  status.nodeInfo = {
    architecture: node.metadata.labels?.['kubernetes.io/arch'] ?? 'amd64',
    bootID: agent.bootID,
    containerRuntimeVersion: CONTAINER_RUNTIME_VERSION,
    kernelVersion: '6.8.0-86-generic',
    kubeProxyVersion: '',
    kubeletVersion: KUBELET_VERSION,
    machineID: agent.bootID.replace(/-/g, ''),
    operatingSystem: node.metadata.labels?.['kubernetes.io/os'] ?? 'linux',
    osImage: 'Debian GNU/Linux 12 (bookworm)',
    systemUUID: agent.bootID,
  };
  status.images = nodeImages(agent);
  return status;
}

/** Post the node status if it changed, or as a heartbeat when the report interval passed. */
export function syncNodeStatus(k: KubeletHost, agent: NodeAgent, force = false): void {
  const node = k.ctx.api.get('Node', undefined, agent.name);
  if (!node) return;
  const due = force || k.now() - agent.lastStatusReport >= NODE_STATUS_REPORT_MS;
  const next = desiredNodeStatus(k, agent, node, due);
  if (!due && deepEqual(next, node.status ?? {})) return;
  const wasReady = (node.status?.conditions ?? []).find((c: any) => c.type === 'Ready')?.status === 'True';
  k.ctx.api.mutate('Node', undefined, agent.name, (d) => {
    d.status = next;
  }, { status: true });
  agent.lastStatusReport = k.now();
  if (!wasReady) nodeEvent(k, agent.name, 'Normal', 'NodeReady', `Node ${agent.name} status is now: NodeReady`);
}

export function nodeEvent(k: KubeletHost, name: string, type: 'Normal' | 'Warning', reason: string, message: string): void {
  const ref: KubeObject = { apiVersion: 'v1', kind: 'Node', metadata: { name, uid: name } };
  k.ctx.events.record(ref, type, reason, message, { component: 'kubelet', host: name });
}

/** Kubelet start: the events it records while it registers the node. */
export function recordStartup(k: KubeletHost, name: string): void {
  nodeEvent(k, name, 'Normal', 'Starting', 'Starting kubelet.');
  for (const [, , reason] of CONDITIONS.slice(0, 3)) {
    const ev = reason.replace(/^Kubelet/, 'Node');
    nodeEvent(k, name, 'Normal', ev, `Node ${name} status is now: ${ev}`);
  }
  nodeEvent(k, name, 'Normal', 'NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods');
}

/** nodelease controller: create or renew kube-node-lease/<node>. */
export function renewLease(k: KubeletHost, agent: NodeAgent): void {
  const api = k.ctx.api;
  const now = k.ctx.clock.microTimestamp();
  const node = api.get('Node', undefined, agent.name);
  const lease = api.get('Lease', 'kube-node-lease', agent.name);
  if (!lease) {
    if (!api.get('Namespace', undefined, 'kube-node-lease')) return;
    api.create({
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: {
        name: agent.name,
        namespace: 'kube-node-lease',
        ownerReferences: node ? [{ apiVersion: 'v1', kind: 'Node', name: agent.name, uid: node.metadata.uid! }] : undefined,
      },
      spec: { holderIdentity: agent.name, leaseDurationSeconds: NODE_LEASE_DURATION_SECONDS, renewTime: now },
    });
    return;
  }
  api.mutate('Lease', 'kube-node-lease', agent.name, (d) => {
    d.spec = { ...(d.spec ?? {}), holderIdentity: agent.name, leaseDurationSeconds: NODE_LEASE_DURATION_SECONDS, renewTime: now };
  });
}
