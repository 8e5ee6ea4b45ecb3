// Score vectors from kube-scheduler's own unit tests (least_allocated_test.go,
// balanced_allocation_test.go), driven directly against the plugin score functions.
import { describe, expect, it } from 'vitest';
import { loadConformance } from '../conformance';
import { NodeInfo } from '../../../src/engine/scheduler/framework/nodeInfo';
import { newPodInfo } from '../../../src/engine/scheduler/framework/podInfo';
import {
  balancedAllocationScore,
  leastAllocatedScore,
  podRequestList,
  validateScoringResources,
  type ResourceSpec,
} from '../../../src/engine/scheduler/plugins/resourceAllocation';
import { NodeResourcesBalancedAllocation } from '../../../src/engine/scheduler/plugins/NodeResourcesBalancedAllocation';
import { CycleState } from '../../../src/engine/scheduler/framework/cycleState';
import type { KubeObject } from '../../../src/engine/api/meta';

interface VectorPod {
  containers: { requests?: Record<string, string> }[];
  nodeName?: string;
}
interface Vector {
  source: { case: string };
  scoringStrategy?: { resources: ResourceSpec[] | null };
  args?: { resources: ResourceSpec[] };
  runPreScore?: boolean;
  requiresDRA?: boolean;
  featureGates?: Record<string, boolean>;
  input: { pod: VectorPod; nodes: { name: string; allocatable: Record<string, string> }[]; existingPods: VectorPod[] };
  expected: { scores?: Record<string, number>; scoreStatus?: string; configError?: string; preScoreStatus?: string };
}

const data = loadConformance<{ leastAllocated: Vector[]; balancedAllocation: Vector[] }>('scheduler_scores.json');

function podObject(p: VectorPod, i: number): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `p${i}`, namespace: 'default', uid: `u${i}` },
    spec: { nodeName: p.nodeName, containers: p.containers.map((c, j) => ({ name: `c${j}`, image: 'x', resources: { requests: c.requests ?? {} } })) },
  };
}

function nodeInfos(v: Vector): NodeInfo[] {
  return v.input.nodes.map((n) => {
    const info = new NodeInfo(n.name);
    info.setNode({ apiVersion: 'v1', kind: 'Node', metadata: { name: n.name }, status: { allocatable: n.allocatable } });
    v.input.existingPods.forEach((p, i) => {
      if (p.nodeName === n.name) info.addPod(newPodInfo(podObject(p, i)));
    });
    return info;
  });
}

// Vectors that need a DRA-backed extended resource (a ResourceSlice and a DeviceClass) the
// simulator does not model.
const skipped = (v: Vector) => v.requiresDRA === true || Object.values(v.featureGates ?? {}).some(Boolean);

describe('NodeResourcesFit LeastAllocated (least_allocated_test.go)', () => {
  for (const v of data.leastAllocated.filter((x) => !skipped(x))) {
    it(v.source.case, () => {
      const resources = v.scoringStrategy?.resources ?? null;
      if (v.expected.configError) {
        expect(validateScoringResources(resources)).toContain(v.expected.configError);
        return;
      }
      expect(validateScoringResources(resources)).toEqual([]);
      const pod = podObject(v.input.pod, 999);
      const got: Record<string, number> = {};
      let statusCode = 'Success';
      for (const n of nodeInfos(v)) {
        try {
          got[n.name] = leastAllocatedScore(n, podRequestList(pod.spec, resources ?? [], false), resources ?? []);
        } catch {
          statusCode = 'Error';
          got[n.name] = 0;
        }
      }
      expect(statusCode).toBe(v.expected.scoreStatus);
      expect(got).toEqual(v.expected.scores);
    });
  }
});

describe('NodeResourcesBalancedAllocation (balanced_allocation_test.go, 2026 formula)', () => {
  for (const v of data.balancedAllocation.filter((x) => !skipped(x))) {
    it(v.source.case, () => {
      const resources = v.args!.resources;
      const pod = podObject(v.input.pod, 999);
      if (v.runPreScore) {
        const plugin = new NodeResourcesBalancedAllocation(resources);
        const st = plugin.preScore(new CycleState(), newPodInfo(pod));
        if (v.expected.preScoreStatus) {
          expect(st?.code).toBe(v.expected.preScoreStatus);
          return;
        }
        expect(st).toBeNull();
      }
      const got: Record<string, number> = {};
      for (const n of nodeInfos(v)) got[n.name] = balancedAllocationScore(n, podRequestList(pod.spec, resources, true), resources);
      expect(got).toEqual(v.expected.scores);
    });
  }
  it('only DRA vectors are skipped', () => {
    expect(data.balancedAllocation.filter(skipped).map((v) => v.source.case)).toEqual([
      'include DRA resource on a node for balanced resource allocation',
      'include DRA resource on a node for balanced resource allocation if PreScore not called',
    ]);
    expect(data.leastAllocated.filter(skipped)).toEqual([]);
  });
});
