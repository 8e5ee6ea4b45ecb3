// The DefaultTolerationSeconds admission plugin (plugin/pkg/admission/defaulttolerationseconds):
// pods that do not already tolerate them get NoExecute tolerations for the not-ready and
// unreachable node taints, bounded by --default-not-ready-toleration-seconds and
// --default-unreachable-toleration-seconds (both 300). This is why pods leave a dead node after 5 minutes.
import type { AdmissionContext } from '../admission';
import type { KubeObject } from '../../api/meta';

export const DEFAULT_NOT_READY_TOLERATION_SECONDS = 300;
export const DEFAULT_UNREACHABLE_TOLERATION_SECONDS = 300;
const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';

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
  const out = [...tolerations];
  if (!notReady) {
    out.push({ key: TAINT_NOT_READY, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_NOT_READY_TOLERATION_SECONDS });
  }
  if (!unreachable) {
    out.push({ key: TAINT_UNREACHABLE, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_UNREACHABLE_TOLERATION_SECONDS });
  }
  spec.tolerations = out;
}
