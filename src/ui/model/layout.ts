// Canvas layout for the two views, computed from view rows. Stability is the rule: a pod keeps
// its slot in its box for as long as it lives there (a new pod takes a free slot and never moves
// another), and boxes are ordered by first appearance.
import type { ViewRow } from '../../worker/protocol';

export const TILE = 52;
export const TILE_GAP = 6;
/** Above this many pods in a view, tiles are compact (glyph only), so a thousand stay cheap to draw. */
export const COMPACT_ABOVE = 150;
export const COMPACT_TILE = 24;
export const COMPACT_GAP = 4;
export const CARD_PAD = 12;
export const HEADER_H = 92;
export const GAP_X = 48;
export const GAP_Y = 90;
/** Wide enough for a generated ReplicaSet name and a summary line at projector type size. */
export const MIN_CARD_W = 330;
/** Families of controllers wrap to a new row past this width (keeps many small apps legible). */
export const MAX_ROW_W = 2600;

/** Remembers which slot each pod occupies in each group. */
export class SlotAllocator {
  private groups = new Map<string, Map<string, number>>();

  /** Slots of `keys` in `group`, keeping existing ones and filling the lowest free slots. */
  assign(group: string, keys: string[]): Map<string, number> {
    let m = this.groups.get(group);
    if (!m) this.groups.set(group, (m = new Map()));
    const live = new Set(keys);
    for (const k of [...m.keys()]) if (!live.has(k)) m.delete(k);
    const used = new Set(m.values());
    let next = 0;
    for (const k of keys) {
      if (m.has(k)) continue;
      while (used.has(next)) next++;
      m.set(k, next);
      used.add(next);
    }
    return m;
  }

  /** Forget groups that no longer exist. */
  retain(groups: Set<string>): void {
    for (const g of [...this.groups.keys()]) if (!groups.has(g)) this.groups.delete(g);
  }
}

export interface PlacedPod {
  row: ViewRow;
  slot: number;
}

export interface Card {
  id: string;
  /** 'controller' (a workload object), 'node', 'pending' (unscheduled lane), 'bare' (pods without a controller). */
  type: 'controller' | 'node' | 'pending' | 'bare';
  row?: ViewRow;
  title: string;
  namespace: string;
  x: number;
  y: number;
  w: number;
  h: number;
  cols: number;
  /** Tile size in px (TILE, or COMPACT_TILE when the view holds many pods). */
  tile: number;
  gap: number;
  pods: PlacedPod[];
}

export interface Edge {
  id: string;
  source: string;
  target: string;
}

export interface Layout {
  cards: Card[];
  edges: Edge[];
}

function byOrder(a: ViewRow, b: ViewRow): number {
  return a.order - b.order;
}

interface Sizing {
  tile: number;
  gap: number;
}

const NORMAL: Sizing = { tile: TILE, gap: TILE_GAP };
const COMPACT: Sizing = { tile: COMPACT_TILE, gap: COMPACT_GAP };

function sizingFor(podCount: number): Sizing {
  return podCount > COMPACT_ABOVE ? COMPACT : NORMAL;
}

function podCard(id: string, type: Card['type'], title: string, namespace: string, pods: ViewRow[], cols: number, slots: SlotAllocator, sz: Sizing, row?: ViewRow, minRows = 1): Card {
  pods.sort(byOrder);
  const m = slots.assign(id, pods.map((p) => p.key));
  const placed = pods.map((p) => ({ row: p, slot: m.get(p.key)! }));
  const maxSlot = placed.reduce((n, p) => Math.max(n, p.slot), -1);
  if (sz === COMPACT) cols = Math.round(cols * 2.2);
  const rows = Math.max(minRows, Math.ceil((maxSlot + 1) / cols));
  const w = Math.max(MIN_CARD_W, CARD_PAD * 2 + cols * sz.tile + (cols - 1) * sz.gap);
  const h = HEADER_H + (rows > 0 ? CARD_PAD + rows * (sz.tile + sz.gap) : 0);
  return { id, type, row, title, namespace, x: 0, y: 0, w, h, cols, tile: sz.tile, gap: sz.gap, pods: placed };
}

/** Columns of a pod grid: wide enough for the expected number of pods. */
function colsFor(n: number): number {
  if (n <= 4) return 4;
  if (n <= 36) return 6;
  return Math.min(16, Math.ceil(Math.sqrt(n * 2)));
}

const ROOT_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'CronJob', 'ReplicaSet', 'Job']);

/** Ownership: controllers above what they own (Deployment -> ReplicaSets -> Pods). */
export function ownershipLayout(rows: Iterable<ViewRow>, slots: SlotAllocator): Layout {
  const byUid = new Map<string, ViewRow>();
  const children = new Map<string, ViewRow[]>();
  const pods = new Map<string, ViewRow[]>();
  const all: ViewRow[] = [];
  for (const r of rows) {
    if (r.kind === 'Node') continue;
    all.push(r);
    byUid.set(r.uid, r);
  }
  const bare = new Map<string, ViewRow[]>();
  const sz = sizingFor(all.filter((r) => r.kind === 'Pod').length);
  for (const r of all) {
    const owner = r.ownerUid ? byUid.get(r.ownerUid) : undefined;
    if (r.kind === 'Pod') {
      if (owner) {
        let l = pods.get(owner.uid);
        if (!l) pods.set(owner.uid, (l = []));
        l.push(r);
      } else {
        let l = bare.get(r.namespace);
        if (!l) bare.set(r.namespace, (l = []));
        l.push(r);
      }
    } else if (owner) {
      let l = children.get(owner.uid);
      if (!l) children.set(owner.uid, (l = []));
      l.push(r);
    }
  }
  const roots = all.filter((r) => ROOT_KINDS.has(r.kind) && !(r.ownerUid && byUid.has(r.ownerUid))).sort(byOrder);
  const cards: Card[] = [];
  const edges: Edge[] = [];
  const live = new Set<string>();
  let x = 0;
  let y = 0;
  let rowH = 0;
  const place = (w: number, h: number): { x: number; y: number } => {
    if (x > 0 && x + w > MAX_ROW_W) {
      x = 0;
      y += rowH + GAP_Y;
      rowH = 0;
    }
    const at = { x, y };
    x += w + GAP_X * 2;
    rowH = Math.max(rowH, h);
    return at;
  };
  const controllerCard = (r: ViewRow): Card => {
    const ps = pods.get(r.uid) ?? [];
    const c = podCard(r.key, 'controller', r.name, r.namespace, ps, colsFor(Math.max(r.desired ?? 0, ps.length)), slots, sz, r, r.kind === 'Deployment' || r.kind === 'CronJob' ? 0 : 1);
    live.add(c.id);
    return c;
  };
  for (const root of roots) {
    const rootCard = controllerCard(root);
    const kids = (children.get(root.uid) ?? []).sort(byOrder);
    // Old ReplicaSets scaled to zero stay in the store as revision history; only the newest is drawn.
    const newest = kids[kids.length - 1];
    const shown = kids.filter((k) => k === newest || (k.desired ?? 0) > 0 || (pods.get(k.uid)?.length ?? 0) > 0 || (k.kind === 'Job' && k.current));
    const kidCards = shown.map(controllerCard);
    const kidsW = kidCards.reduce((n, c) => n + c.w, 0) + Math.max(0, kidCards.length - 1) * GAP_X;
    const famW = Math.max(rootCard.w, kidsW);
    const famH = rootCard.h + (kidCards.length ? GAP_Y + Math.max(...kidCards.map((k) => k.h)) : 0);
    const at = place(famW, famH);
    rootCard.x = at.x + (famW - rootCard.w) / 2;
    rootCard.y = at.y;
    cards.push(rootCard);
    let kx = at.x + (famW - kidsW) / 2;
    for (const k of kidCards) {
      k.x = kx;
      k.y = at.y + rootCard.h + GAP_Y;
      kx += k.w + GAP_X;
      cards.push(k);
      edges.push({ id: `${rootCard.id}->${k.id}`, source: rootCard.id, target: k.id });
    }
  }
  for (const ns of [...bare.keys()].sort()) {
    const ps = bare.get(ns)!;
    const c = podCard(`bare/${ns}`, 'bare', 'Pods without a controller', ns, ps, colsFor(ps.length), slots, sz);
    const at = place(c.w, c.h);
    c.x = at.x;
    c.y = at.y;
    live.add(c.id);
    cards.push(c);
  }
  slots.retain(live);
  return { cards, edges };
}

const NODE_COLS = 6;
const PENDING = 'lane/pending';

/** Placement: nodes as boxes with their pods inside, plus a lane of unscheduled pods. */
export function placementLayout(rows: Iterable<ViewRow>, slots: SlotAllocator): Layout {
  const nodes: ViewRow[] = [];
  const onNode = new Map<string, ViewRow[]>();
  const pending: ViewRow[] = [];
  for (const r of rows) {
    if (r.kind === 'Node') nodes.push(r);
    else if (r.kind === 'Pod') {
      if (!r.node) pending.push(r);
      else {
        let l = onNode.get(r.node);
        if (!l) onNode.set(r.node, (l = []));
        l.push(r);
      }
    }
  }
  nodes.sort(byOrder);
  const cards: Card[] = [];
  const sz = sizingFor(pending.length + [...onNode.values()].reduce((n, l) => n + l.length, 0));
  const lane = podCard(PENDING, 'pending', 'Pending', '', pending, 4, slots, sz, undefined, 2);
  lane.x = 0;
  lane.y = 0;
  cards.push(lane);
  const perRow = nodes.length <= 4 ? 2 : Math.ceil(Math.sqrt(nodes.length));
  const maxPods = Math.max(0, ...[...onNode.values()].map((l) => l.length));
  const cols = Math.max(NODE_COLS, colsFor(maxPods));
  let y = 0;
  let rowH = 0;
  const x0 = lane.w + GAP_X * 2;
  nodes.forEach((n, i) => {
    const c = podCard(`node/${n.name}`, 'node', n.name, '', onNode.get(n.name) ?? [], cols, slots, sz, n, 2);
    const col = i % perRow;
    if (col === 0 && i > 0) {
      y += rowH + GAP_Y / 2;
      rowH = 0;
    }
    c.x = x0 + col * (c.w + GAP_X);
    c.y = y;
    rowH = Math.max(rowH, c.h);
    cards.push(c);
  });
  // Pods bound to a node the view does not have (yet) still show, in their own box.
  for (const [name, ps] of onNode) {
    if (nodes.some((n) => n.name === name)) continue;
    const c = podCard(`node/${name}`, 'node', name, '', ps, cols, slots, sz, undefined, 1);
    y += rowH + GAP_Y / 2;
    rowH = c.h;
    c.x = x0;
    c.y = y;
    cards.push(c);
  }
  slots.retain(new Set(cards.map((c) => c.id)));
  return { cards, edges: [] };
}

/** Top-left of a pod's tile inside its card. */
export function tilePosition(card: Card, slot: number): { left: number; top: number } {
  const col = slot % card.cols;
  const row = Math.floor(slot / card.cols);
  return { left: CARD_PAD + col * (card.tile + card.gap), top: HEADER_H + row * (card.tile + card.gap) };
}
