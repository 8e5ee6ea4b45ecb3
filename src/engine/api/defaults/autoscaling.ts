// Scheme defaulting for autoscaling/v2 (pkg/apis/autoscaling/v2/defaults.go), policy/v1 and
// scheduling.k8s.io/v1 (PriorityClass).
import type { KubeObject } from '../meta';

export const DEFAULT_CPU_UTILIZATION = 80;

function scaleUpRules(r: any): any {
  const def = {
    stabilizationWindowSeconds: 0,
    selectPolicy: 'Max',
    policies: [
      { type: 'Pods', value: 4, periodSeconds: 15 },
      { type: 'Percent', value: 100, periodSeconds: 15 },
    ],
  };
  if (!r) return def;
  if (!r.selectPolicy) r.selectPolicy = def.selectPolicy;
  if (!r.policies) r.policies = def.policies;
  if (r.stabilizationWindowSeconds === undefined || r.stabilizationWindowSeconds === null) r.stabilizationWindowSeconds = 0;
  return r;
}

function scaleDownRules(r: any): any {
  // stabilizationWindowSeconds stays unset: the controller's --horizontal-pod-autoscaler-downscale-stabilization (300s) applies.
  const def = { selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] };
  if (!r) return def;
  if (!r.selectPolicy) r.selectPolicy = def.selectPolicy;
  if (!r.policies) r.policies = def.policies;
  return r;
}

export function defaultHorizontalPodAutoscaler(hpa: KubeObject): void {
  hpa.spec = hpa.spec ?? {};
  const s = hpa.spec;
  if (s.minReplicas === undefined || s.minReplicas === null) s.minReplicas = 1;
  if (!Array.isArray(s.metrics) || s.metrics.length === 0) {
    s.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: DEFAULT_CPU_UTILIZATION } } }];
  }
  // Behavior is only filled in when the user gave one.
  if (s.behavior && typeof s.behavior === 'object') {
    s.behavior.scaleUp = scaleUpRules(s.behavior.scaleUp);
    s.behavior.scaleDown = scaleDownRules(s.behavior.scaleDown);
  }
}

export function defaultPriorityClass(pc: KubeObject): void {
  if (!pc.preemptionPolicy) pc.preemptionPolicy = 'PreemptLowerPriority';
}
