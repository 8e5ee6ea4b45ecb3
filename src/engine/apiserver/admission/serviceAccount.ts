// The ServiceAccount admission plugin (plugin/pkg/admission/serviceaccount/admission.go): a pod
// without serviceAccountName runs as "default", and unless automounting is switched off it gets
// the projected API-token volume "kube-api-access-<5 chars>" mounted read-only in every container.
import type { AdmissionContext } from '../admission';
import { deepFreeze, type KubeObject } from '../../api/meta';
import { K8S_RAND_ALPHABET, Random } from '../../sim/random';

export const DEFAULT_SERVICE_ACCOUNT_NAME = 'default';
export const SERVICE_ACCOUNT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
const TOKEN_VOLUME_PREFIX = 'kube-api-access-';

// The projected sources are the same for every pod: one frozen value is shared by all of them
// (stored objects are immutable; clone() still gives a caller its own copy).
const TOKEN_PROJECTION = deepFreeze({
  defaultMode: 420,
  sources: [
    { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
    { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
    { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
  ],
});

function hasTokenMount(containers: unknown): boolean {
  if (!Array.isArray(containers)) return false;
  for (const c of containers) {
    const mounts = c?.volumeMounts;
    if (!Array.isArray(mounts)) continue;
    for (const m of mounts) if (m?.mountPath === SERVICE_ACCOUNT_MOUNT_PATH) return true;
  }
  return false;
}

function addTokenMount(containers: unknown, name: string): void {
  if (!Array.isArray(containers)) return;
  for (const c of containers) {
    if (!c || typeof c !== 'object') continue;
    c.volumeMounts = [...(c.volumeMounts ?? []), { mountPath: SERVICE_ACCOUNT_MOUNT_PATH, name, readOnly: true }];
  }
}

export function serviceAccountAdmission(pod: KubeObject, _old: KubeObject | undefined, ctx: AdmissionContext): void {
  if (pod.kind !== 'Pod' || ctx.op !== 'CREATE') return;
  const spec = (pod.spec = pod.spec ?? {});
  // Mirror pods (static pods) are left alone.
  if (pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined) return;
  if (!spec.serviceAccountName) spec.serviceAccountName = spec.serviceAccount || DEFAULT_SERVICE_ACCOUNT_NAME;
  // The v1 wire form also carries the deprecated alias.
  spec.serviceAccount = spec.serviceAccountName;
  const sa = ctx.get('ServiceAccount', pod.metadata.namespace, spec.serviceAccountName);
  const automount = spec.automountServiceAccountToken ?? sa?.automountServiceAccountToken ?? true;
  if (!automount) return;
  if (hasTokenMount(spec.initContainers) || hasTokenMount(spec.containers)) return;
  // Upstream draws the suffix at random; here it derives from the (seeded) uid.
  const name = TOKEN_VOLUME_PREFIX + new Random(0, `${TOKEN_VOLUME_PREFIX}${pod.metadata.uid}`).string(5, K8S_RAND_ALPHABET);
  spec.volumes = [...(spec.volumes ?? []), { name, projected: TOKEN_PROJECTION }];
  addTokenMount(spec.initContainers, name);
  addTokenMount(spec.containers, name);
}
