// The kubelet and node-lifecycle constants against the shared constants table
// (../shared/conformance/constants.json), so a wrong default cannot slip in.
import { describe, expect, it } from 'vitest';
import { loadConformance } from '../conformance';
import { CRASH_BACKOFF_INITIAL_MS, CRASH_BACKOFF_MAX_MS, PULL_BACKOFF_INITIAL_MS, PULL_BACKOFF_MAX_MS } from '../../../src/engine/kubelet/constants';
import { NODE_EVICTION_INTERVAL_MS, NODE_STARTUP_GRACE_MS } from '../../../src/engine/controllers/nodelifecycle/node_lifecycle_controller';
import { DEFAULT_TIMINGS } from '../../../src/engine/sim/timings';
import { probeSettings } from '../../../src/engine/kubelet/probes/worker';
import { TAINT_DISK_PRESSURE, TAINT_MEMORY_PRESSURE, TAINT_NETWORK_UNAVAILABLE, TAINT_NOT_READY, TAINT_PID_PRESSURE, TAINT_UNREACHABLE, TAINT_UNSCHEDULABLE } from '../../../src/engine/controllers/nodelifecycle/taints';

interface Constant {
  area: string;
  name: string;
  value: any;
}

const constants = loadConformance<{ constants: Constant[] }>('constants.json').constants;
const value = (area: string, name: string) => {
  const c = constants.find((x) => x.area === area && x.name === name);
  if (!c) throw new Error(`constant ${area}/${name} missing from constants.json`);
  return c.value;
};

describe('kubelet and node constants (constants.json)', () => {
  it('container and image back-off', () => {
    expect(CRASH_BACKOFF_INITIAL_MS).toBe(value('kubelet', 'container restart backoff initial (backOffPeriod)') * 1000);
    expect(CRASH_BACKOFF_MAX_MS).toBe(value('kubelet', 'MaxContainerBackOff') * 1000);
    expect(2 * CRASH_BACKOFF_MAX_MS).toBe(value('kubelet', 'backoff entry reset') * 1000);
    expect(PULL_BACKOFF_INITIAL_MS).toBe(CRASH_BACKOFF_INITIAL_MS);
    expect(PULL_BACKOFF_MAX_MS).toBe(CRASH_BACKOFF_MAX_MS);
  });

  it('probe defaults', () => {
    const s = probeSettings({});
    expect(s.initialDelaySeconds).toBe(value('Pod', 'probe.initialDelaySeconds default'));
    expect(s.periodSeconds).toBe(value('Pod', 'probe.periodSeconds default'));
    expect(s.timeoutSeconds).toBe(value('Pod', 'probe.timeoutSeconds default'));
    expect(s.successThreshold).toBe(value('Pod', 'probe.successThreshold default'));
    expect(s.failureThreshold).toBe(value('Pod', 'probe.failureThreshold default'));
  });

  it('node lifecycle timings and taint keys', () => {
    expect(DEFAULT_TIMINGS.nodeMonitorGracePeriodMs).toBe(value('node', 'node-monitor-grace-period default') * 1000);
    expect(DEFAULT_TIMINGS.nodeMonitorPeriodMs).toBe(value('node', 'node-monitor-period default') * 1000);
    expect(NODE_STARTUP_GRACE_MS).toBe(value('node', 'node-startup-grace-period default') * 1000);
    expect(NODE_EVICTION_INTERVAL_MS).toBe(1000 / value('node', 'node eviction rates')['node-eviction-rate']);
    expect({
      notReady: TAINT_NOT_READY,
      unreachable: TAINT_UNREACHABLE,
      unschedulable: TAINT_UNSCHEDULABLE,
      memoryPressure: TAINT_MEMORY_PRESSURE,
      diskPressure: TAINT_DISK_PRESSURE,
      pidPressure: TAINT_PID_PRESSURE,
      networkUnavailable: TAINT_NETWORK_UNAVAILABLE,
    }).toEqual(Object.fromEntries(Object.entries(value('node', 'taint keys')).filter(([k]) => k !== 'outOfService')));
  });
});
