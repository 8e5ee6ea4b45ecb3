// Which taints the node lifecycle controller keeps on a node (pkg/controller/nodelifecycle
// node_lifecycle_controller.go nodeConditionToTaintKeyStatusMap, doNoScheduleTaintingPass,
// doNoExecuteTaintingPass; well-known keys from k8s.io/api/core/v1/well_known_taints.go).
import type { KubeObject } from '../../api/meta';

export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';
export const TAINT_MEMORY_PRESSURE = 'node.kubernetes.io/memory-pressure';
export const TAINT_DISK_PRESSURE = 'node.kubernetes.io/disk-pressure';
export const TAINT_PID_PRESSURE = 'node.kubernetes.io/pid-pressure';
export const TAINT_NETWORK_UNAVAILABLE = 'node.kubernetes.io/network-unavailable';

export interface Taint {
  key: string;
  value?: string;
  effect: string;
  timeAdded?: string;
}

const CONDITION_TAINTS: [string, string, string][] = [
  ['Ready', 'False', TAINT_NOT_READY],
  ['Ready', 'Unknown', TAINT_UNREACHABLE],
  ['MemoryPressure', 'True', TAINT_MEMORY_PRESSURE],
  ['DiskPressure', 'True', TAINT_DISK_PRESSURE],
  ['NetworkUnavailable', 'True', TAINT_NETWORK_UNAVAILABLE],
  ['PIDPressure', 'True', TAINT_PID_PRESSURE],
];

const NO_SCHEDULE_KEYS = new Set([...CONDITION_TAINTS.map(([, , k]) => k), TAINT_UNSCHEDULABLE]);

export function readyStatus(node: KubeObject): string | undefined {
  return (node.status?.conditions ?? []).find((c: any) => c.type === 'Ready')?.status;
}

/** The NoSchedule taints the node's conditions and spec.unschedulable call for. */
export function desiredNoScheduleKeys(node: KubeObject): string[] {
  const out: string[] = [];
  for (const [type, status, key] of CONDITION_TAINTS) {
    if ((node.status?.conditions ?? []).some((c: any) => c.type === type && c.status === status)) out.push(key);
  }
  if (node.spec?.unschedulable) out.push(TAINT_UNSCHEDULABLE);
  return out;
}

/** The NoExecute taint for the Ready condition: not-ready for False, unreachable for Unknown. */
export function desiredNoExecuteKey(node: KubeObject): string | undefined {
  const s = readyStatus(node);
  if (s === 'False') return TAINT_NOT_READY;
  if (s === 'Unknown') return TAINT_UNREACHABLE;
  return undefined;
}

/**
 * SwapNodeControllerTaint: remove `remove` (key+effect) and append `add` with timeAdded, on a
 * draft node. Returns whether anything changed.
 */
export function swapTaints(draft: KubeObject, add: Taint[], remove: Taint[], now: string): boolean {
  const taints: Taint[] = draft.spec?.taints ?? [];
  const kept = taints.filter((t) => !remove.some((r) => r.key === t.key && r.effect === t.effect));
  let changed = kept.length !== taints.length;
  for (const a of add) {
    if (kept.some((t) => t.key === a.key && t.effect === a.effect)) continue;
    kept.push({ ...a, timeAdded: now });
    changed = true;
  }
  if (!changed) return false;
  draft.spec = { ...(draft.spec ?? {}) };
  if (kept.length) draft.spec.taints = kept;
  else delete draft.spec.taints;
  return true;
}

/** NoSchedule taints the controller manages that are on the node now. */
export function managedNoSchedule(node: KubeObject): Taint[] {
  return (node.spec?.taints ?? []).filter((t: Taint) => t.effect === 'NoSchedule' && NO_SCHEDULE_KEYS.has(t.key));
}
