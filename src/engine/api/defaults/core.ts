// Scheme defaulting for core/v1 (pkg/apis/core/v1/defaults.go, SetDefaults_*). Applied at
// decode time to every object that embeds the type, so a Deployment's pod template gets the
// PodSpec defaults too; the Pod-only ones (requests from limits, enableServiceLinks) do not.
import { VOLUME_SOURCES } from '../volumeSources';
import { deepFreeze, type KubeObject } from '../meta';
import { parseImageName } from '../imageRef';
import { DecodeError, defaultResourceList } from './decode';

type Obj = Record<string, any>;

export const DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;
export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';
export const TERMINATION_MESSAGE_PATH_DEFAULT = '/dev/termination-log';
export const DEFAULT_CLIENT_IP_SERVICE_AFFINITY_SECONDS = 10800;
const DEFAULT_MODE = 0o644; // 420


function defaultProbe(p: Obj | undefined): void {
  if (!p || typeof p !== 'object') return;
  // SetDefaults_Probe: zero means unset for these int32 fields.
  if (!p.timeoutSeconds) p.timeoutSeconds = 1;
  if (!p.periodSeconds) p.periodSeconds = 10;
  if (!p.successThreshold) p.successThreshold = 1;
  if (!p.failureThreshold) p.failureThreshold = 3;
  if (p.httpGet && typeof p.httpGet === 'object') {
    if (!p.httpGet.path) p.httpGet.path = '/';
    if (!p.httpGet.scheme) p.httpGet.scheme = 'HTTP';
  }
  if (p.grpc && typeof p.grpc === 'object' && p.grpc.service === undefined) p.grpc.service = '';
}

function defaultLifecycleHandler(h: Obj | undefined): void {
  if (h?.httpGet && typeof h.httpGet === 'object') {
    if (!h.httpGet.path) h.httpGet.path = '/';
    if (!h.httpGet.scheme) h.httpGet.scheme = 'HTTP';
  }
}

function defaultEnv(env: Obj[] | undefined): void {
  for (const e of Array.isArray(env) ? env : []) {
    // SetDefaults_ObjectFieldSelector
    if (e?.valueFrom?.fieldRef && !e.valueFrom.fieldRef.apiVersion) e.valueFrom.fieldRef.apiVersion = 'v1';
  }
}

/**
 * SetDefaults_Container plus the nested ContainerPort, Probe, Lifecycle and ResourceList defaults.
 * A DecodeError's field is relative to the container (the caller prefixes it).
 */
export function defaultContainer(c: Obj): void {
  if (!c || typeof c !== 'object') return;
  if (!c.imagePullPolicy) {
    const ref = typeof c.image === 'string' ? parseImageName(c.image) : undefined;
    c.imagePullPolicy = ref?.tag === 'latest' ? 'Always' : 'IfNotPresent';
  }
  if (!c.terminationMessagePath) c.terminationMessagePath = TERMINATION_MESSAGE_PATH_DEFAULT;
  if (!c.terminationMessagePolicy) c.terminationMessagePolicy = 'File';
  if (Array.isArray(c.ports)) {
    for (const p of c.ports) {
      if (!p || typeof p !== 'object') continue;
      if (!p.protocol) p.protocol = 'TCP';
    }
  }
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
  defaultLifecycleHandler(c.lifecycle?.postStart);
  defaultLifecycleHandler(c.lifecycle?.preStop);
  defaultEnv(c.env);
  // Resources is a struct, not a pointer: it always serializes, as `resources: {}` when empty.
  if (!c.resources || typeof c.resources !== 'object') c.resources = {};
  if (c.resources.limits) defaultResourceList(c.resources.limits, 'resources.limits');
  if (c.resources.requests) defaultResourceList(c.resources.requests, 'resources.requests');
}

const MODE_SOURCES = ['secret', 'configMap', 'downwardAPI', 'projected'];

function defaultVolume(v: Obj): void {
  if (!v || typeof v !== 'object') return;
  // SetDefaults_Volume: a volume with no source is an emptyDir.
  if (!VOLUME_SOURCES.some((s) => v[s] !== undefined && v[s] !== null)) v.emptyDir = {};
  for (const src of MODE_SOURCES) {
    if (v[src] && typeof v[src] === 'object' && v[src].defaultMode === undefined) v[src].defaultMode = DEFAULT_MODE;
  }
  if (v.hostPath && typeof v.hostPath === 'object' && v.hostPath.type === undefined) v.hostPath.type = '';
  if (v.iscsi && typeof v.iscsi === 'object' && !v.iscsi.iscsiInterface) v.iscsi.iscsiInterface = 'default';
  if (v.downwardAPI && Array.isArray(v.downwardAPI.items)) {
    for (const it of v.downwardAPI.items) if (it?.fieldRef && !it.fieldRef.apiVersion) it.fieldRef.apiVersion = 'v1';
  }
}

const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'];

/** SetDefaults_PodSpec and everything it embeds (containers, volumes). */
export function defaultPodSpec(spec: Obj | undefined, path: string): void {
  if (!spec || typeof spec !== 'object') return;
  if (!spec.dnsPolicy) spec.dnsPolicy = 'ClusterFirst';
  if (!spec.restartPolicy) spec.restartPolicy = 'Always';
  if (!spec.securityContext) spec.securityContext = {};
  if (spec.terminationGracePeriodSeconds === undefined || spec.terminationGracePeriodSeconds === null) {
    spec.terminationGracePeriodSeconds = DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS;
  }
  if (!spec.schedulerName) spec.schedulerName = DEFAULT_SCHEDULER_NAME;
  for (const field of CONTAINER_LISTS) {
    const list = spec[field];
    if (!Array.isArray(list)) continue;
    for (let i = 0; i < list.length; i++) {
      // The container's field path is built only for an error: this runs for every pod created.
      try {
        defaultContainer(list[i]);
      } catch (e) {
        throw e instanceof DecodeError ? e.under(`${path}.${field}[${i}]`) : e;
      }
    }
  }
  if (Array.isArray(spec.volumes)) spec.volumes.forEach(defaultVolume);
  if (spec.overhead) defaultResourceList(spec.overhead, `${path}.overhead`);
}

const NONE: Obj[] = [];
// The resize policy a container gets for cpu and memory. The entries, and the lists when the
// container gave none, are frozen values shared by all pods (stored objects are immutable;
// clone() still gives a caller its own copy).
const RESIZE_CPU = deepFreeze({ resourceName: 'cpu', restartPolicy: 'NotRequired' });
const RESIZE_MEMORY = deepFreeze({ resourceName: 'memory', restartPolicy: 'NotRequired' });
const RESIZE_CPU_ONLY: readonly Obj[] = Object.freeze([RESIZE_CPU]);
const RESIZE_MEMORY_ONLY: readonly Obj[] = Object.freeze([RESIZE_MEMORY]);
const RESIZE_CPU_AND_MEMORY: readonly Obj[] = Object.freeze([RESIZE_CPU, RESIZE_MEMORY]);

function hasResizePolicy(given: Obj[], resource: string): boolean {
  for (const p of given) if (p?.resourceName === resource) return true;
  return false;
}

/** The container's resizePolicy with NotRequired added for requested cpu and memory, or undefined when nothing is added. */
function defaultResizePolicy(given: Obj[], requests: Obj): readonly Obj[] | undefined {
  const cpu = 'cpu' in requests && !hasResizePolicy(given, 'cpu');
  const memory = 'memory' in requests && !hasResizePolicy(given, 'memory');
  if (!cpu && !memory) return undefined;
  const added = cpu && memory ? RESIZE_CPU_AND_MEMORY : cpu ? RESIZE_CPU_ONLY : RESIZE_MEMORY_ONLY;
  return given.length ? given.concat(added) : added;
}
const POD_CONTAINER_LISTS = ['containers', 'initContainers'];

/** SetDefaults_Pod: defaults that only a Pod gets, never a pod template. */
export function defaultPod(pod: KubeObject): void {
  pod.spec = pod.spec ?? {};
  const spec = pod.spec;
  defaultPodSpec(spec, 'spec');
  for (const field of POD_CONTAINER_LISTS) {
    for (const c of Array.isArray(spec[field]) ? spec[field] : NONE) {
      // Requests default to limits when only limits are set.
      const lim = c?.resources?.limits;
      if (lim && typeof lim === 'object') {
        c.resources.requests = c.resources.requests ?? {};
        for (const k of Object.keys(lim)) if (!(k in c.resources.requests)) c.resources.requests[k] = lim[k];
      }
      // InPlacePodVerticalScaling (on by default): regular containers may resize cpu/memory in place.
      const req = c?.resources?.requests;
      if (field === 'containers' && req && typeof req === 'object') {
        const policy = defaultResizePolicy(Array.isArray(c.resizePolicy) ? c.resizePolicy : NONE, req);
        if (policy) c.resizePolicy = policy;
      }
    }
  }
  if (spec.enableServiceLinks === undefined || spec.enableServiceLinks === null) spec.enableServiceLinks = true;
  if (spec.hostNetwork === true) {
    // With host networking every container port is also a host port.
    for (const field of ['containers', 'initContainers']) {
      for (const c of Array.isArray(spec[field]) ? spec[field] : []) {
        for (const p of Array.isArray(c?.ports) ? c.ports : []) if (p && !p.hostPort) p.hostPort = p.containerPort;
      }
    }
  }
}

function base64(text: string): string {
  let bin = '';
  for (const b of new TextEncoder().encode(text)) bin += String.fromCharCode(b);
  return btoa(bin);
}

export function defaultSecret(secret: KubeObject): void {
  if (!secret.type) secret.type = 'Opaque';
  // Conversion to the internal type folds the write-only stringData into data (it wins on conflicts).
  if (secret.stringData && typeof secret.stringData === 'object') {
    secret.data = { ...(secret.data ?? {}) };
    for (const [k, v] of Object.entries(secret.stringData as Record<string, string>)) secret.data[k] = base64(String(v));
    delete secret.stringData;
  }
}

export function defaultEndpoints(ep: KubeObject): void {
  for (const ss of Array.isArray(ep.subsets) ? ep.subsets : []) {
    for (const p of Array.isArray(ss?.ports) ? ss.ports : []) if (p && !p.protocol) p.protocol = 'TCP';
  }
}

/** A PodTemplateSpec embedded in a workload: only PodSpec defaults. */
export function defaultPodTemplate(t: Obj | undefined, path: string): void {
  if (!t || typeof t !== 'object') return;
  defaultPodSpec(t.spec, `${path}.spec`);
}

export function defaultService(svc: KubeObject): void {
  svc.spec = svc.spec ?? {};
  const s = svc.spec;
  if (!s.sessionAffinity) s.sessionAffinity = 'None';
  if (s.sessionAffinity === 'None') delete s.sessionAffinityConfig;
  if (s.sessionAffinity === 'ClientIP' && s.sessionAffinityConfig?.clientIP?.timeoutSeconds === undefined) {
    s.sessionAffinityConfig = { clientIP: { timeoutSeconds: DEFAULT_CLIENT_IP_SERVICE_AFFINITY_SECONDS } };
  }
  if (!s.type) s.type = 'ClusterIP';
  for (const p of Array.isArray(s.ports) ? s.ports : []) {
    if (!p || typeof p !== 'object') continue;
    if (!p.protocol) p.protocol = 'TCP';
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  const externallyAccessible =
    s.type === 'LoadBalancer' || s.type === 'NodePort' || (s.type === 'ClusterIP' && Array.isArray(s.externalIPs) && s.externalIPs.length > 0);
  if (externallyAccessible && !s.externalTrafficPolicy) s.externalTrafficPolicy = 'Cluster';
  if (!s.internalTrafficPolicy && (s.type === 'NodePort' || s.type === 'LoadBalancer' || s.type === 'ClusterIP')) {
    s.internalTrafficPolicy = 'Cluster';
  }
  if (s.type === 'LoadBalancer' && s.allocateLoadBalancerNodePorts === undefined) s.allocateLoadBalancerNodePorts = true;
}

export function defaultNamespace(ns: KubeObject): void {
  // The kubernetes.io/metadata.name label mirrors the name (immutable-label feature, GA 1.22).
  if (ns.metadata.name) ns.metadata.labels = { ...(ns.metadata.labels ?? {}), 'kubernetes.io/metadata.name': ns.metadata.name };
}

export function defaultNode(node: KubeObject): void {
  const st = node.status;
  if (st && typeof st === 'object') {
    defaultResourceList(st.capacity, 'status.capacity');
    // SetDefaults_NodeStatus: allocatable defaults to capacity.
    if (st.allocatable === undefined && st.capacity) st.allocatable = { ...st.capacity };
    defaultResourceList(st.allocatable, 'status.allocatable');
  }
}

export function defaultPersistentVolumeClaim(pvc: KubeObject): void {
  pvc.spec = pvc.spec ?? {};
  if (!pvc.spec.volumeMode) pvc.spec.volumeMode = 'Filesystem';
  defaultResourceList(pvc.spec.resources?.requests, 'spec.resources.requests');
  defaultResourceList(pvc.spec.resources?.limits, 'spec.resources.limits');
}

export function defaultLimitRange(lr: KubeObject): void {
  (lr.spec?.limits ?? []).forEach((l: Obj, i: number) => {
    for (const f of ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio']) defaultResourceList(l?.[f], `spec.limits[${i}].${f}`);
    // SetDefaults_LimitRangeItem: a container limit range's default and defaultRequest fall back to max.
    if (l?.type === 'Container') {
      l.default = l.default ?? {};
      for (const k of Object.keys(l.max ?? {})) if (!(k in l.default)) l.default[k] = l.max[k];
      l.defaultRequest = l.defaultRequest ?? {};
      for (const k of Object.keys(l.default)) if (!(k in l.defaultRequest)) l.defaultRequest[k] = l.default[k];
      for (const k of Object.keys(l.min ?? {})) if (!(k in l.defaultRequest)) l.defaultRequest[k] = l.min[k];
      if (!Object.keys(l.default).length) delete l.default;
      if (!Object.keys(l.defaultRequest).length) delete l.defaultRequest;
    }
  });
}

export function defaultResourceQuota(q: KubeObject): void {
  defaultResourceList(q.spec?.hard, 'spec.hard');
}
