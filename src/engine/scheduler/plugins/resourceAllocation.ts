// resourceAllocationScorer (pkg/scheduler/framework/plugins/noderesources/resource_allocation.go,
// least_allocated.go, balanced_allocation.go): how NodeResourcesFit (LeastAllocated) and
// NodeResourcesBalancedAllocation turn a node's requested/allocatable into a 0..100 score.
import { MAX_NODE_SCORE, type ScoreList } from '../framework/interface';
import { PreScoreMemo, type CycleState } from '../framework/cycleState';
import type { NodeInfo } from '../framework/nodeInfo';
import { isScalarResourceName, podRequests, type Resource } from '../framework/resources';
import type { KubeObject } from '../../api/meta';
import type { PodInfo } from '../framework/podInfo';

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

/**
 * A pod's request per scored resource, in the order of the plugin's resources. A Float64Array
 * rather than number[]: memory in bytes is a small integer for some pods and not for others, and
 * a plain array would change its elements kind between the two, deoptimizing the score loops.
 */
export type RequestList = Float64Array;

/** calculatePodResourceRequestList: exact requests, or with the non-zero defaults (useRequested=false). */
export function podRequestList(spec: KubeObject['spec'], resources: ResourceSpec[], useRequested: boolean): RequestList {
  const r = podRequests(spec, !useRequested);
  const out = new Float64Array(resources.length);
  for (let i = 0; i < resources.length; i++) out[i] = pick(r, resources[i].name);
  return out;
}

/** The same from a PodInfo, which already holds both kinds of requests. */
export function podInfoRequestList(pi: PodInfo, resources: ResourceSpec[], useRequested: boolean): RequestList {
  const out = new Float64Array(resources.length);
  for (let i = 0; i < resources.length; i++) {
    const name = resources[i].name;
    if (!useRequested && name === 'cpu') out[i] = pi.nonZeroCPU;
    else if (!useRequested && name === 'memory') out[i] = pi.nonZeroMemory;
    else out[i] = pick(pi.requests, name);
  }
  return out;
}

/** calculateResourceAllocatableRequest, allocatable half: 0 when the node does not have the resource. */
function allocatableFor(node: NodeInfo, name: string, podRequest: number): number {
  if (podRequest === 0 && isScalarResourceName(name)) return 0;
  switch (name) {
    case 'cpu':
      return node.allocatable.milliCPU;
    case 'memory':
      return node.allocatable.memory;
    case 'ephemeral-storage':
      return node.allocatable.ephemeralStorage;
    default:
      return node.allocatable.scalar[name] ?? 0;
  }
}

/** calculateResourceAllocatableRequest, requested half: what the node's pods request, plus the pod. */
function requestedWith(node: NodeInfo, name: string, podRequest: number, useRequested: boolean): number {
  switch (name) {
    case 'cpu':
      return (useRequested ? node.requested.milliCPU : node.nonZeroCPU) + podRequest;
    case 'memory':
      return (useRequested ? node.requested.memory : node.nonZeroMemory) + podRequest;
    case 'ephemeral-storage':
      return node.requested.ephemeralStorage + podRequest;
    default:
      return (node.requested.scalar[name] ?? 0) + podRequest;
  }
}

function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/** NodeResourcesFit with the LeastAllocated strategy. Throws "resources not found" without resources. */
export function leastAllocatedScore(node: NodeInfo, podReqs: RequestList, resources: ResourceSpec[]): number {
  if (resources.length === 0) throw new Error('resources not found');
  let nodeScore = 0;
  let weightSum = 0;
  for (let i = 0; i < resources.length; i++) {
    const res = resources[i];
    const alloc = allocatableFor(node, res.name, podReqs[i]);
    if (alloc === 0) continue;
    nodeScore += leastRequestedScore(requestedWith(node, res.name, podReqs[i], false), alloc) * res.weight;
    weightSum += res.weight;
  }
  return weightSum === 0 ? 0 : Math.trunc(nodeScore / weightSum);
}

let fracWith = new Float64Array(8);
let fracWithout = new Float64Array(8);

/** (1 - std) * 100 of the first n usage fractions, truncated: higher is more balanced. */
function balance(fractions: Float64Array, n: number): number {
  let std = 0;
  if (n === 2) {
    std = Math.abs((fractions[0] - fractions[1]) / 2);
  } else if (n > 2) {
    let total = 0;
    for (let i = 0; i < n; i++) total += fractions[i];
    const mean = total / n;
    let sum = 0;
    for (let i = 0; i < n; i++) sum = sum + (fractions[i] - mean) * (fractions[i] - mean);
    std = Math.sqrt(sum / n);
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

/**
 * NodeResourcesBalancedAllocation, 2026 formula (kubernetes PR #135573): scores the change in
 * balance the pod causes, 50 + (50 + balance(with pod) - balance(without)) / 2, so 75 means "no
 * change" and the range is 50..100.
 */
export function balancedAllocationScore(node: NodeInfo, podReqs: RequestList, resources: ResourceSpec[]): number {
  if (resources.length === 0) throw new Error('resources not found');
  if (resources.length > fracWith.length) {
    fracWith = new Float64Array(resources.length);
    fracWithout = new Float64Array(resources.length);
  }
  let n = 0;
  for (let i = 0; i < resources.length; i++) {
    const alloc = allocatableFor(node, resources[i].name, podReqs[i]);
    if (alloc === 0) continue;
    const req = requestedWith(node, resources[i].name, podReqs[i], true);
    fracWith[n] = Math.min(1, req / alloc);
    fracWithout[n] = Math.min(1, (req - podReqs[i]) / alloc);
    n++;
  }
  return 50 + Math.trunc((50 + balance(fracWith, n) - balance(fracWithout, n)) / 2);
}

/**
 * resourceAllocationScorer as both plugins embed it: the pod's request list (computed in PreScore
 * and kept for the cycle) scored against every node by the plugin's strategy.
 */
export class ResourceAllocationScorer {
  private readonly preScored: PreScoreMemo<RequestList>;

  constructor(
    preScoreKey: string,
    readonly resources: ResourceSpec[],
    private readonly useRequested: boolean,
    private readonly scorer: (node: NodeInfo, podReqs: RequestList, resources: ResourceSpec[]) => number,
  ) {
    this.preScored = new PreScoreMemo(preScoreKey);
  }

  requests(pod: PodInfo): RequestList {
    return podInfoRequestList(pod, this.resources, this.useRequested);
  }

  /** PreScore's result for the cycle. */
  keep(state: CycleState, reqs: RequestList): void {
    this.preScored.write(state, reqs);
  }

  scoreNodes(state: CycleState, pod: PodInfo, nodes: NodeInfo[], out: ScoreList): void {
    const reqs = this.podReqs(state, pod);
    for (let i = 0; i < nodes.length; i++) out[i] = this.scorer(nodes[i], reqs, this.resources);
  }

  score(state: CycleState, pod: PodInfo, node: NodeInfo): number {
    return this.scorer(node, this.podReqs(state, pod), this.resources);
  }

  private podReqs(state: CycleState, pod: PodInfo): RequestList {
    return this.preScored.read(state) ?? this.requests(pod);
  }
}
