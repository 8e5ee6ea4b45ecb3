// Kubelet constants. Kubernetes' values where it has one (pkg/kubelet/kubelet.go,
// pkg/kubelet/kuberuntime, k8s.io/kubelet/config/v1beta1 defaults); the runtime latencies of the
// simulated containerd are ours, chosen to look like a kind cluster.

/** backOffPeriod and MaxContainerBackOff (pkg/kubelet/kubelet.go): container restart back-off. */
export const CRASH_BACKOFF_INITIAL_MS = 10_000;
export const CRASH_BACKOFF_MAX_MS = 300_000;
/** Image pull back-off (same constants, pkg/kubelet/kubelet.go imageBackOff). */
export const PULL_BACKOFF_INITIAL_MS = 10_000;
export const PULL_BACKOFF_MAX_MS = 300_000;
/** kuberuntime minimumGracePeriodInSeconds: a container always gets 2s between SIGTERM and SIGKILL. */
export const MIN_GRACE_SECONDS = 2;
/** Lease duration (nodeLeaseDurationSeconds) — renewed every quarter of it (10s). */
export const NODE_LEASE_DURATION_SECONDS = 40;
/** nodeStatusReportFrequency: the Node object is rewritten at least this often even with no change. */
export const NODE_STATUS_REPORT_MS = 5 * 60_000;
/** nodeStatusMaxImages. */
export const NODE_STATUS_MAX_IMAGES = 50;

// Simulated container runtime latencies.
/** RunPodSandbox + CNI ADD, until the pod has an IP. */
export const SANDBOX_MS = 500;
/** CreateContainer + StartContainer. */
export const CREATE_MS = 150;
/** Registry round trip before any layer is fetched (also the time a failing pull takes). */
export const PULL_LATENCY_MS = 300;
/** Pull bandwidth, bytes per millisecond (40 MB/s). */
export const PULL_BYTES_PER_MS = 40_000;
/** Time to resolve a reference that turns out not to exist. */
export const PULL_FAIL_MS = 1_200;
/** After ErrImagePull the pod is synced again this soon and shows ImagePullBackOff. */
export const RESYNC_AFTER_ERROR_MS = 1_000;

export const KUBELET_VERSION = 'v1.34.0';
export const CONTAINER_RUNTIME_VERSION = 'containerd://2.1.4';
export const PAUSE_IMAGE = 'registry.k8s.io/pause:3.10';
