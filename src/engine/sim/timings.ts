// Timings of the simulated control plane. Kubernetes' defaults unless noted; a Scenario may
// override them (spec.timings). Values are milliseconds unless the name says otherwise.
export interface Timings {
  /** Informer delivery + workqueue latency before a controller reacts (real: a few ms). */
  controllerLatencyMs: number;
  /** Scheduler: time from a pod entering the queue to the bind (real: a few ms). */
  schedulingLatencyMs: number;
  /** Kubelet: time from a watch event on its node to the pod worker acting (real: ~100ms). */
  kubeletLatencyMs: number;
  /** kubelet --node-status-update-frequency (10s) and lease renew interval (10s). */
  nodeStatusUpdateFrequencyMs: number;
  /** kube-controller-manager --node-monitor-period. */
  nodeMonitorPeriodMs: number;
  /** kube-controller-manager --node-monitor-grace-period (50s since v1.32). */
  nodeMonitorGracePeriodMs: number;
  /** ReplicaSet/Deployment expectations timeout (controller_utils.go ExpectationsTimeout). */
  expectationsTimeoutMs: number;
}

export const DEFAULT_TIMINGS: Timings = {
  controllerLatencyMs: 5,
  schedulingLatencyMs: 5,
  kubeletLatencyMs: 100,
  nodeStatusUpdateFrequencyMs: 10_000,
  nodeMonitorPeriodMs: 5_000,
  nodeMonitorGracePeriodMs: 50_000,
  expectationsTimeoutMs: 5 * 60_000,
};
