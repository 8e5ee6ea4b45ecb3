import { describe, expect, test } from 'vitest';
import { ownershipLayout, placementLayout, SlotAllocator, tilePosition, type Card } from '../../../src/ui/model/layout';
import type { ViewRow } from '../../../src/worker/protocol';

let order = 0;
const row = (kind: string, name: string, extra: Partial<ViewRow> = {}): ViewRow => ({ key: `${kind}/${kind === 'Node' ? '' : 'default'}/${name}`, kind, name, namespace: kind === 'Node' ? '' : 'default', uid: `uid-${name}`, order: ++order, ...extra });

function positions(cards: Card[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const c of cards) for (const p of c.pods) {
    const t = tilePosition(c, p.slot);
    m.set(p.row.name, `${c.id}@${c.x + t.left},${c.y + t.top}`);
  }
  return m;
}

describe('stable layout', () => {
  test('slots: a new key takes the lowest free slot, existing keys never move', () => {
    const s = new SlotAllocator();
    expect([...s.assign('g', ['a', 'b', 'c']).entries()]).toEqual([['a', 0], ['b', 1], ['c', 2]]);
    const m = s.assign('g', ['a', 'c', 'd']);
    expect(m.get('a')).toBe(0);
    expect(m.get('c')).toBe(2);
    expect(m.get('d')).toBe(1);
  });

  test('ownership: Deployment above its ReplicaSets, pods inside their ReplicaSet', () => {
    const dep = row('Deployment', 'web', { desired: 3 });
    const rs1 = row('ReplicaSet', 'web-1', { ownerUid: dep.uid, desired: 3, revision: '1' });
    const pods = [0, 1, 2].map((i) => row('Pod', `web-1-p${i}`, { ownerUid: rs1.uid, phase: 'Running', ready: true }));
    const l = ownershipLayout([dep, rs1, ...pods], new SlotAllocator());
    const d = l.cards.find((c) => c.id === dep.key)!;
    const r = l.cards.find((c) => c.id === rs1.key)!;
    expect(d.y).toBeLessThan(r.y);
    expect(r.pods.map((p) => p.row.name)).toEqual(['web-1-p0', 'web-1-p1', 'web-1-p2']);
    expect(l.edges).toEqual([{ id: `${dep.key}->${rs1.key}`, source: dep.key, target: rs1.key }]);
  });

  test('ownership: a new pod or a new ReplicaSet never moves an existing pod', () => {
    const slots = new SlotAllocator();
    const dep = row('Deployment', 'api', { desired: 4 });
    const rs1 = row('ReplicaSet', 'api-1', { ownerUid: dep.uid, desired: 4 });
    const pods = [0, 1, 2, 3].map((i) => row('Pod', `api-1-p${i}`, { ownerUid: rs1.uid }));
    const before = positions(ownershipLayout([dep, rs1, ...pods], slots).cards);
    // One old pod goes, a surge pod arrives in a new ReplicaSet, and another old pod is replaced.
    const rs2 = row('ReplicaSet', 'api-2', { ownerUid: dep.uid, desired: 1 });
    const extra = row('Pod', 'api-2-p0', { ownerUid: rs2.uid });
    const after = positions(ownershipLayout([dep, rs1, rs2, pods[0], pods[2], pods[3], extra], slots).cards);
    for (const name of ['api-1-p0', 'api-1-p2', 'api-1-p3']) {
      expect(after.get(name)!.split('@')[0]).toBe(before.get(name)!.split('@')[0]);
    }
    const slotsOf = (l: ReturnType<typeof ownershipLayout>, name: string) => l.cards.flatMap((c) => c.pods).find((p) => p.row.name === name)!.slot;
    const l2 = ownershipLayout([dep, rs1, rs2, pods[0], pods[2], pods[3], extra, row('Pod', 'api-1-p4', { ownerUid: rs1.uid })], slots);
    expect(slotsOf(l2, 'api-1-p0')).toBe(0);
    expect(slotsOf(l2, 'api-1-p2')).toBe(2);
    expect(slotsOf(l2, 'api-1-p3')).toBe(3);
    expect(slotsOf(l2, 'api-1-p4')).toBe(1);
  });

  test('ownership: old ReplicaSets scaled to zero are hidden, the newest is always shown', () => {
    const dep = row('Deployment', 'w', { desired: 1 });
    const old = row('ReplicaSet', 'w-old', { ownerUid: dep.uid, desired: 0 });
    const cur = row('ReplicaSet', 'w-new', { ownerUid: dep.uid, desired: 0 });
    const ids = ownershipLayout([dep, old, cur], new SlotAllocator()).cards.map((c) => c.id);
    expect(ids).toEqual([dep.key, cur.key]);
  });

  test('ownership: pods without a controller get their own box per namespace', () => {
    const l = ownershipLayout([row('Pod', 'solo')], new SlotAllocator());
    expect(l.cards.map((c) => [c.type, c.id, c.pods.length])).toEqual([['bare', 'bare/default', 1]]);
  });

  test('placement: nodes as boxes with their pods, unscheduled pods in the Pending lane', () => {
    const n1 = row('Node', 'worker-1', { ready: true, cpuAllocMilli: 4000 });
    const n2 = row('Node', 'worker-2', { ready: true, cpuAllocMilli: 4000 });
    const a = row('Pod', 'a', { node: 'worker-1' });
    const b = row('Pod', 'b', { node: '' });
    const c = row('Pod', 'c', { node: 'worker-2' });
    const slots = new SlotAllocator();
    const l = placementLayout([n1, n2, a, b, c], slots);
    const byId = new Map(l.cards.map((x) => [x.id, x.pods.map((p) => p.row.name)]));
    expect(byId.get('lane/pending')).toEqual(['b']);
    expect(byId.get('node/worker-1')).toEqual(['a']);
    expect(byId.get('node/worker-2')).toEqual(['c']);
    // b gets scheduled to worker-1: a keeps its slot.
    const l2 = placementLayout([n1, n2, a, { ...b, node: 'worker-1' }, c], slots);
    const w1 = l2.cards.find((x) => x.id === 'node/worker-1')!;
    expect(w1.pods.map((p) => [p.row.name, p.slot])).toEqual([['a', 0], ['b', 1]]);
    expect(l2.cards.find((x) => x.id === 'lane/pending')!.pods).toEqual([]);
  });
});

describe('many applications', () => {
  test('families wrap into rows instead of one endless line', () => {
    const rows: ViewRow[] = [];
    for (let i = 0; i < 20; i++) rows.push(row('Deployment', `app-${i}`, { desired: 1 }));
    const l = ownershipLayout(rows, new SlotAllocator());
    const ys = new Set(l.cards.map((c) => c.y));
    expect(ys.size).toBeGreaterThan(1);
    expect(Math.max(...l.cards.map((c) => c.x + c.w))).toBeLessThanOrEqual(2600);
    // Order of first appearance is kept: reading order left-to-right, top-to-bottom.
    const sorted = [...l.cards].sort((a, b) => a.y - b.y || a.x - b.x).map((c) => c.title);
    expect(sorted).toEqual(rows.map((r) => r.name));
  });
});
