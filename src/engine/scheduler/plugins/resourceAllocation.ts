// resourceAllocationScorer (pkg/scheduler/framework/plugins/noderesources/resource_allocation.go,
// least_allocated.go, balanced_allocation.go): how NodeResourcesFit (LeastAllocated) and
// NodeResourcesBalancedAllocation turn a node's requested/allocatable into a 0..100 score.
import { MAX_NODE_SCORE } from '../framework/interface';
import type { NodeInfo } from '../framework/nodeInfo';
import { isScalarResourceName, podRequests, type Resource } from '../framework/resources';
import type { KubeObject } from '../../api/meta';

export interface ResourceSpec {
  name: string;
  weight: number;
}

export const DEFAULT_RESOURCES: ResourceSpec[] = [
  { name: 'cpu', weight: 1 },
  { name: 'memory', weight: 1 },
];

/** validation.ValidateNodeResourcesFitArgs: each weight in 1..100; returns the bad field paths. */
export function validateScoringResources(resources: ResourceSpec[] | null | undefined, path = 'scoringStrategy.resources'): string[] {
  const errs: string[] = [];
  (resources ?? []).forEach((r, i) => {
    if (!(r.weight >= 1 && r.weight <= MAX_NODE_SCORE)) errs.push(`${path}[${i}].weight`);
  });
  return errs;
}

function pick(r: Resource, name: string): number {
  if (name === 'cpu') return r.milliCPU;
  if (name === 'memory') return r.memory;
  if (name === 'ephemeral-storage') return r.ephemeralStorage;
  return r.scalar[name] ?? 0;
}

/** calculatePodResourceRequestList: exact requests, or with the non-zero defaults (useRequested=false). */
export function podRequestList(spec: KubeObject['spec'], resources: ResourceSpec[], useRequested: boolean): number[] {
  const r = podRequests(spec, !useRequested);
  return resources.map((res) => pick(r, res.name));
}

/** calculateResourceAllocatableRequest: [allocatable, requested-including-pod]. */
function allocatableRequest(node: NodeInfo, name: string, podRequest: number, useRequested: boolean): [number, number] {
  if (podRequest === 0 && isScalarResourceName(name)) return [0, 0];
  switch (name) {
    case 'cpu':
      return [node.allocatable.milliCPU, (useRequested ? node.requested.milliCPU : node.nonZeroCPU) + podRequest];
    case 'memory':
      return [node.allocatable.memory, (useRequested ? node.requested.memory : node.nonZeroMemory) + podRequest];
    case 'ephemeral-storage':
      return [node.allocatable.ephemeralStorage, node.requested.ephemeralStorage + podRequest];
    default:
      if (name in node.allocatable.scalar) return [node.allocatable.scalar[name], (node.requested.scalar[name] ?? 0) + podRequest];
      return [0, 0];
  }
}

function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/** NodeResourcesFit with the LeastAllocated strategy. Throws "resources not found" without resources. */
export function leastAllocatedScore(node: NodeInfo, podReqs: number[], resources: ResourceSpec[]): number {
  if (resources.length === 0) throw new Error('resources not found');
  let nodeScore = 0;
  let weightSum = 0;
  for (let i = 0; i < resources.length; i++) {
    const res = resources[i];
    const [alloc, req] = allocatableRequest(node, res.name, podReqs[i], false);
    if (alloc === 0) continue;
    nodeScore += leastRequestedScore(req, alloc) * res.weight;
    weightSum += res.weight;
  }
  return weightSum === 0 ? 0 : Math.trunc(nodeScore / weightSum);
}

/** (1 - std) * 100 of the usage fractions, truncated: higher is more balanced. */
function balance(fractions: number[]): number {
  let std = 0;
  if (fractions.length === 2) {
    std = Math.abs((fractions[0] - fractions[1]) / 2);
  } else if (fractions.length > 2) {
    let total = 0;
    for (const f of fractions) total += f;
    const mean = total / fractions.length;
    let sum = 0;
    for (const f of fractions) sum = sum + (f - mean) * (f - mean);
    std = Math.sqrt(sum / fractions.length);
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

/**
 * NodeResourcesBalancedAllocation, 2026 formula (kubernetes PR #135573): scores the change in
 * balance the pod causes, 50 + (50 + balance(with pod) - balance(without)) / 2, so 75 means "no
 * change" and the range is 50..100.
 */
export function balancedAllocationScore(node: NodeInfo, podReqs: number[], resources: ResourceSpec[]): number {
  if (resources.length === 0) throw new Error('resources not found');
  const withPod: number[] = [];
  const without: number[] = [];
  for (let i = 0; i < resources.length; i++) {
    const [alloc, req] = allocatableRequest(node, resources[i].name, podReqs[i], true);
    if (alloc === 0) continue;
    withPod.push(Math.min(1, req / alloc));
    without.push(Math.min(1, (req - podReqs[i]) / alloc));
  }
  return 50 + Math.trunc((50 + balance(withPod) - balance(without)) / 2);
}
