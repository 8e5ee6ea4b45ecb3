// ClusterIP and NodePort allocation done by the Service REST storage on create
// (pkg/registry/core/service/storage/alloc.go, ipallocator, portallocator). Upstream picks a
// random free address; here the pick is a hash of the Service's uid (itself drawn from the
// seeded stream), probing linearly, so runs stay reproducible. The lower "static" band of the
// range is left for user-chosen addresses, as upstream does.
import type { AdmissionContext } from '../../apiserver/admission';
import { invalid } from '../../apiserver/errors';
import type { FieldError } from '../fieldErrors';
import type { KubeObject } from '../meta';
import { goSlice, invalidGo } from '../validation/goValue';
import { fnv32aString as fnv } from '../../sim/fnv';

export const SERVICE_CIDR = '10.96.0.0/12';
const BASE = (10 << 24) | (96 << 16); // 10.96.0.0
const SIZE = 1 << 20; // /12
const STATIC_BAND = Math.min(Math.max(16, SIZE / 16), 256);
export const NODE_PORT_RANGE = { base: 30000, size: 2768 };

function ipToString(n: number): string {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

function parseIPv4(s: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
}

function usedIPs(ctx: AdmissionContext, self: KubeObject): Set<string> {
  const used = new Set<string>();
  for (const s of ctx.list('Service')) {
    if (s.metadata.uid === self.metadata.uid) continue;
    for (const ip of s.spec?.clusterIPs ?? (s.spec?.clusterIP ? [s.spec.clusterIP] : [])) used.add(ip);
  }
  return used;
}

function usedNodePorts(ctx: AdmissionContext, self: KubeObject): Set<number> {
  const used = new Set<number>();
  for (const s of ctx.list('Service')) {
    if (s.metadata.uid === self.metadata.uid) continue;
    for (const p of s.spec?.ports ?? []) if (p.nodePort) used.add(p.nodePort);
  }
  return used;
}

function allocateIP(svc: KubeObject, used: Set<string>): string {
  const dynamic = SIZE - 2 - STATIC_BAND;
  const start = fnv(`${svc.metadata.uid}/clusterIP`) % dynamic;
  for (let i = 0; i < dynamic; i++) {
    const ip = ipToString((BASE + 1 + STATIC_BAND + ((start + i) % dynamic)) >>> 0);
    if (!used.has(ip)) return ip;
  }
  throw invalid('Service', '', svc.metadata.name, [
    { type: 'FieldValueInvalid', field: 'spec.clusterIPs', value: [], detail: 'failed to allocate IP: range is full' },
  ]);
}

function allocateNodePort(svc: KubeObject, idx: number, used: Set<number>): number {
  const start = fnv(`${svc.metadata.uid}/nodePort/${idx}`) % NODE_PORT_RANGE.size;
  for (let i = 0; i < NODE_PORT_RANGE.size; i++) {
    const p = NODE_PORT_RANGE.base + ((start + i) % NODE_PORT_RANGE.size);
    if (!used.has(p)) return p;
  }
  throw invalid('Service', '', svc.metadata.name, [
    { type: 'FieldValueInvalid', field: `spec.ports[${idx}].nodePort`, value: 0, detail: 'range is full' },
  ]);
}

const NODE_PORT_TYPES = new Set(['NodePort', 'LoadBalancer']);

function wantsNodePorts(s: any): boolean {
  return s.type === 'NodePort' || (s.type === 'LoadBalancer' && s.allocateLoadBalancerNodePorts !== false);
}

/**
 * Update: keep what was allocated when the request leaves it out (patchAllocatedValues), drop what
 * the new type no longer uses (dropTypeDependentFields), and allocate node ports for a Service
 * that just became a NodePort or LoadBalancer.
 */
function updateAddresses(svc: KubeObject, old: KubeObject, ctx: AdmissionContext): void {
  const s = svc.spec;
  const os = old.spec ?? {};
  if (s.type === 'ExternalName') {
    if (os.type !== 'ExternalName' && (s.clusterIP === os.clusterIP || !s.clusterIP)) {
      delete s.clusterIP;
      delete s.clusterIPs;
      delete s.ipFamilies;
      delete s.ipFamilyPolicy;
    }
  } else if (!s.clusterIP && os.clusterIP) {
    s.clusterIP = os.clusterIP;
    s.clusterIPs = os.clusterIPs;
    if (!s.ipFamilies && os.ipFamilies) s.ipFamilies = os.ipFamilies;
    if (!s.ipFamilyPolicy && os.ipFamilyPolicy) s.ipFamilyPolicy = os.ipFamilyPolicy;
  }
  const external = (x: any) => NODE_PORT_TYPES.has(x.type) || (x.type === 'ClusterIP' && (x.externalIPs ?? []).length > 0);
  if (external(os) && !external(s) && s.externalTrafficPolicy === os.externalTrafficPolicy) delete s.externalTrafficPolicy;
  const oldPorts: any[] = os.ports ?? [];
  const sameAsOld = (p: any) => oldPorts.find((o) => o.port === p.port && (o.protocol ?? 'TCP') === (p.protocol ?? 'TCP'));
  for (const p of s.ports ?? []) {
    if (!p || typeof p !== 'object') continue;
    const was = sameAsOld(p);
    if (!NODE_PORT_TYPES.has(s.type)) {
      // Leaving NodePort/LoadBalancer releases node ports the request merely carried over.
      if (p.nodePort && NODE_PORT_TYPES.has(os.type) && was?.nodePort === p.nodePort) delete p.nodePort;
    } else if (!p.nodePort && was?.nodePort && NODE_PORT_TYPES.has(os.type)) {
      p.nodePort = was.nodePort;
    }
  }
  if (wantsNodePorts(s)) {
    const used = usedNodePorts(ctx, svc);
    (s.ports ?? []).forEach((p: any, i: number) => {
      if (p && typeof p === 'object' && !p.nodePort) {
        p.nodePort = allocateNodePort(svc, i, used);
        used.add(p.nodePort);
      }
    });
  }
}

/** Allocate on create (ipallocator / portallocator); see updateAddresses for updates. */
export function allocateServiceAddresses(svc: KubeObject, old: KubeObject | undefined, ctx: AdmissionContext): void {
  const s = svc.spec;
  if (!s || typeof s !== 'object') return;
  if (old) {
    updateAddresses(svc, old, ctx);
    return;
  }
  if (s.type === 'ExternalName') return;
  const errs: FieldError[] = [];
  const requested: string | undefined = s.clusterIP || s.clusterIPs?.[0];
  if (requested === 'None') {
    s.clusterIP = 'None';
    s.clusterIPs = ['None'];
  } else if (requested) {
    const n = parseIPv4(requested);
    const inRange = n !== undefined && n > BASE >>> 0 && n < (BASE + SIZE - 1) >>> 0;
    if (!inRange) {
      errs.push(
        invalidGo('spec.clusterIPs', [requested], goSlice([requested]), `failed to allocate IP ${requested}: the provided IP (${requested}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`),
      );
    } else if (usedIPs(ctx, svc).has(requested)) {
      errs.push(invalidGo('spec.clusterIPs', [requested], goSlice([requested]), `failed to allocate IP ${requested}: provided IP is already allocated`));
    } else {
      s.clusterIP = requested;
      s.clusterIPs = [requested];
    }
  } else {
    const ip = allocateIP(svc, usedIPs(ctx, svc));
    s.clusterIP = ip;
    s.clusterIPs = [ip];
  }
  if (!s.ipFamilies) s.ipFamilies = ['IPv4'];
  if (!s.ipFamilyPolicy) s.ipFamilyPolicy = 'SingleStack';
  if (wantsNodePorts(s)) {
    const used = usedNodePorts(ctx, svc);
    (s.ports ?? []).forEach((p: any, i: number) => {
      if (!p || typeof p !== 'object') return;
      if (p.nodePort) {
        if (used.has(p.nodePort)) {
          errs.push({ type: 'FieldValueInvalid', field: `spec.ports[${i}].nodePort`, value: p.nodePort, detail: 'provided port is already allocated' });
        } else if (p.nodePort < NODE_PORT_RANGE.base || p.nodePort >= NODE_PORT_RANGE.base + NODE_PORT_RANGE.size) {
          errs.push({
            type: 'FieldValueInvalid',
            field: `spec.ports[${i}].nodePort`,
            value: p.nodePort,
            detail: `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_RANGE.base}-${NODE_PORT_RANGE.base + NODE_PORT_RANGE.size - 1}`,
          });
        }
        used.add(p.nodePort);
      } else {
        p.nodePort = allocateNodePort(svc, i, used);
        used.add(p.nodePort);
      }
    });
  }
  if (errs.length) throw invalid('Service', '', svc.metadata.name, errs);
}
