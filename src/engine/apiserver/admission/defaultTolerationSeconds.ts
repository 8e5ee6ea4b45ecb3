// The DefaultTolerationSeconds admission plugin (plugin/pkg/admission/defaulttolerationseconds):
// pods that do not already tolerate them get NoExecute tolerations for the not-ready and
// unreachable node taints, bounded by --default-not-ready-toleration-seconds and
// --default-unreachable-toleration-seconds (both 300). This is why pods leave a dead node after 5 minutes.
import type { AdmissionContext } from '../admission';
import { deepFreeze, type KubeObject } from '../../api/meta';

export const DEFAULT_NOT_READY_TOLERATION_SECONDS = 300;
export const DEFAULT_UNREACHABLE_TOLERATION_SECONDS = 300;
const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
// Nearly every pod gets the same two tolerations: frozen values shared by all pods, and so is the
// list for a pod that had none (stored objects are immutable; clone() still gives a caller its own copy).
const NOT_READY_TOLERATION = deepFreeze({ key: TAINT_NOT_READY, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_NOT_READY_TOLERATION_SECONDS });
const UNREACHABLE_TOLERATION = deepFreeze({ key: TAINT_UNREACHABLE, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_UNREACHABLE_TOLERATION_SECONDS });
const DEFAULT_TOLERATIONS = Object.freeze([NOT_READY_TOLERATION, UNREACHABLE_TOLERATION]);

export function defaultTolerationSecondsAdmission(pod: KubeObject, _old: KubeObject | undefined, _ctx: AdmissionContext): void {
  if (pod.kind !== 'Pod') return;
  const spec = (pod.spec = pod.spec ?? {});
  const tolerations: any[] = Array.isArray(spec.tolerations) ? spec.tolerations : [];
  let notReady = false;
  let unreachable = false;
  for (const t of tolerations) {
    const anyEffect = !t?.effect || t.effect === 'NoExecute';
    if ((t?.key === TAINT_NOT_READY || !t?.key) && anyEffect) notReady = true;
    if ((t?.key === TAINT_UNREACHABLE || !t?.key) && anyEffect) unreachable = true;
  }
  if (notReady && unreachable) return;
  if (!tolerations.length) {
    spec.tolerations = DEFAULT_TOLERATIONS;
    return;
  }
  const out = tolerations.slice();
  if (!notReady) out.push(NOT_READY_TOLERATION);
  if (!unreachable) out.push(UNREACHABLE_TOLERATION);
  spec.tolerations = out;
}
