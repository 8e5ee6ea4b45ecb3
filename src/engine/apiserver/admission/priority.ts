// The Priority admission plugin (plugin/pkg/admission/priority/admission.go): resolves
// spec.priorityClassName to spec.priority and spec.preemptionPolicy, falling back to the
// globalDefault PriorityClass or to priority 0 / PreemptLowerPriority. The two system classes
// exist in every cluster (created by the API server at startup).
import type { AdmissionContext } from '../admission';
import type { KubeObject } from '../../api/meta';
import { forbidden } from './forbidden';

export const SYSTEM_PRIORITY_CLASSES: Record<string, number> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};

function lookup(ctx: AdmissionContext, name: string): { value: number; preemptionPolicy?: string } | undefined {
  const pc = ctx.get('PriorityClass', undefined, name);
  if (pc) return { value: pc.value ?? 0, preemptionPolicy: pc.preemptionPolicy ?? 'PreemptLowerPriority' };
  if (name in SYSTEM_PRIORITY_CLASSES) return { value: SYSTEM_PRIORITY_CLASSES[name], preemptionPolicy: 'PreemptLowerPriority' };
  return undefined;
}

/** The globalDefault PriorityClass with the lowest value (the first listed on a tie). */
function globalDefault(ctx: AdmissionContext): KubeObject | undefined {
  let def: KubeObject | undefined;
  for (const pc of ctx.list('PriorityClass')) {
    if (pc.globalDefault === true && (!def || (pc.value ?? 0) < (def.value ?? 0))) def = pc;
  }
  return def;
}

export function priorityAdmission(pod: KubeObject, old: KubeObject | undefined, ctx: AdmissionContext): void {
  if (pod.kind !== 'Pod') return;
  const spec = (pod.spec = pod.spec ?? {});
  if (ctx.op === 'UPDATE') {
    // An update that leaves them out keeps what admission computed on create.
    if (spec.priority === undefined && old?.spec?.priority !== undefined) spec.priority = old.spec.priority;
    if (spec.preemptionPolicy === undefined && old?.spec?.preemptionPolicy !== undefined) spec.preemptionPolicy = old.spec.preemptionPolicy;
    return;
  }
  let priority: number;
  let preemptionPolicy: string | undefined;
  if (!spec.priorityClassName) {
    const def = globalDefault(ctx);
    if (def) {
      spec.priorityClassName = def.metadata.name;
      priority = def.value ?? 0;
      preemptionPolicy = def.preemptionPolicy ?? 'PreemptLowerPriority';
    } else {
      priority = 0;
      preemptionPolicy = 'PreemptLowerPriority';
    }
  } else {
    const pc = lookup(ctx, spec.priorityClassName);
    if (!pc) throw forbidden(pod, ctx.op, `no PriorityClass with name ${spec.priorityClassName} was found`);
    priority = pc.value;
    preemptionPolicy = pc.preemptionPolicy;
  }
  if (spec.priority !== undefined && spec.priority !== null && spec.priority !== priority) {
    throw forbidden(
      pod,
      ctx.op,
      `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`,
    );
  }
  spec.priority = priority;
  if (preemptionPolicy) {
    if (spec.preemptionPolicy && spec.preemptionPolicy !== preemptionPolicy) {
      throw forbidden(
        pod,
        ctx.op,
        `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${preemptionPolicy} from the given PriorityClass name`,
      );
    }
    spec.preemptionPolicy = preemptionPolicy;
  }
}
