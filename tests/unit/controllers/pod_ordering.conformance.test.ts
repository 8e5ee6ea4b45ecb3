// replicaset_pod_ordering.json (pkg/controller/controller_utils_test.go): which pods a
// ReplicaSet deletes first when it scales down.
import { describe, expect, test } from 'vitest';
import { loadConformance } from '../conformance';
import {
  activePodsLess,
  activePodsWithRanksLess,
  sortActivePods,
  sortActivePodsRankedByNode,
  sortActivePodsWithRanks,
} from '../../../src/engine/controllers/controller_utils/active_pods';
import { NOW, cases, mkPod } from './vectors';

const V = loadConformance('replicaset_pod_ordering.json');

describe('ActivePods', () => {
  test.each(cases(V.ActivePods))('%s', (_n, v: any) => {
    const pods = v.input.pods.map(mkPod);
    // The upstream test shuffles 20 times; rotate and reverse deterministically instead.
    for (let k = 0; k < pods.length; k++) {
      const input = [...pods.slice(k), ...pods.slice(0, k)];
      if (k % 2) input.reverse();
      expect(sortActivePods(input).map((p) => p.metadata.name)).toEqual(v.expected.order);
    }
    for (let i = 0; i + 1 < pods.length; i++) expect(activePodsLess(pods[i + 1], pods[i])).toBe(false);
  });
});

describe('ActivePodsWithRanks', () => {
  test.each(cases(V.ActivePodsWithRanks))('%s', (_n, v: any) => {
    const i = v.input;
    const now = i.now === 'now' ? NOW : undefined;
    const f = { logarithmicScaleDown: v.featureGates.LogarithmicScaleDown, podDeletionCost: v.featureGates.PodDeletionCost };
    if (i.p1) {
      const [p1, p2] = [mkPod(i.p1), mkPod(i.p2)];
      expect(activePodsWithRanksLess(p1, i.ranks[0], p2, i.ranks[1], now, f)).toBe(v.expected['less(p1,p2)']);
      expect(activePodsWithRanksLess(p2, i.ranks[1], p1, i.ranks[0], now, f)).toBe(v.expected['less(p2,p1)']);
    } else {
      const [a, b] = [mkPod(i.lesser), mkPod(i.greater)];
      expect(activePodsWithRanksLess(a, i.lesserRank, b, i.greaterRank, now, f)).toBe(v.expected['less(lesser,greater)']);
      expect(activePodsWithRanksLess(b, i.greaterRank, a, i.lesserRank, now, f)).toBe(v.expected['less(greater,lesser)']);
    }
  });
});

describe('sortActivePodsRankedByNode (the ReplicaSet scale-down path)', () => {
  test('orders exactly as sortActivePodsWithRanks with ranks looked up per node', () => {
    // Every pod of every vector, spread over three nodes (the unscheduled stay unscheduled).
    const inputs: any[] = [...V.ActivePods.flatMap((v: any) => v.input.pods), ...V.ActivePodsWithRanks.flatMap((v: any) => [v.input.p1, v.input.p2, v.input.lesser, v.input.greater].filter(Boolean))];
    const pods = inputs.map((p, i) => mkPod({ ...p, name: `${i}-${p.name}`, nodeName: p.nodeName ? `node-${i % 3}` : '' }));
    const onNode = new Map([['node-0', 4], ['node-1', 1], ['node-2', 9]]);
    const ranks = pods.map((p: any) => onNode.get(p.spec.nodeName ?? '') ?? 0);
    for (const now of [NOW, undefined]) {
      const want = sortActivePodsWithRanks(pods, ranks, now).map((p) => p.metadata.name);
      expect(sortActivePodsRankedByNode(pods, onNode, now).map((p) => p.metadata.name)).toEqual(want);
    }
    expect(pods.length).toBeGreaterThan(10);
  });
});
