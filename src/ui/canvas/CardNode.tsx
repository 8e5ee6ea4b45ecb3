// A box on the canvas: a controller (Deployment, ReplicaSet, ...) with its pods, a node with its
// capacity bars and pods, or the lane of unscheduled pods.
import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { Card, PlacedPod } from '../model/layout';
import { CARD_PAD, HEADER_H } from '../model/layout';
import { isProbeFailing } from '../model/podLook';
import { PodTile } from './PodTile';
import type { ViewRow } from '../../worker/protocol';
import { nodeAction, select } from '../controller';

export type CardNodeData = { card: Card; now: number; selectedKey: string | null };
export type CardFlowNode = Node<CardNodeData, 'card'>;

const selectRow = (r: ViewRow) => select({ kind: r.kind, namespace: r.namespace, name: r.name });

function Bar({ label, used, total, fmt }: { label: string; used: number; total: number; fmt: (n: number) => string }) {
  const pct = total > 0 ? Math.min(100, (used / total) * 100) : 0;
  const level = pct >= 90 ? 'high' : pct >= 70 ? 'mid' : 'low';
  return (
    <div className="bar" title={`${label}: ${fmt(used)} of ${fmt(total)} requested (${pct.toFixed(0)}%)`}>
      <span className="bar__label">{label}</span>
      <span className="bar__track">
        <span className={`bar__fill bar__fill--${level}`} style={{ width: `${pct}%` }} />
      </span>
      <span className="bar__value">{pct.toFixed(0)}%</span>
    </div>
  );
}

const cpuFmt = (m: number) => (m % 1000 === 0 ? `${m / 1000}` : `${m}m`);
const memFmt = (b: number) => (b >= 2 ** 30 ? `${(b / 2 ** 30).toFixed(1)}Gi` : `${Math.round(b / 2 ** 20)}Mi`);

function controllerSummary(r: ViewRow): string {
  switch (r.kind) {
    case 'Deployment':
      return `ready ${r.readyReplicas ?? 0}/${r.desired ?? 0} · up-to-date ${r.updated ?? 0} · available ${r.available ?? 0}`;
    case 'ReplicaSet':
      return `desired ${r.desired ?? 0} · current ${r.current ?? 0} · ready ${r.readyReplicas ?? 0}`;
    case 'StatefulSet':
      return `ready ${r.readyReplicas ?? 0}/${r.desired ?? 0}`;
    case 'DaemonSet':
      return `desired ${r.desired ?? 0} · ready ${r.readyReplicas ?? 0} · available ${r.available ?? 0}`;
    case 'Job':
      return `active ${r.current ?? 0} · succeeded ${r.readyReplicas ?? 0}/${r.desired ?? 1} · failed ${r.available ?? 0}`;
    default:
      return '';
  }
}

function Header({ card }: { card: Card }) {
  const r = card.row;
  if (card.type === 'node') {
    const pods = card.pods.filter((p) => p.row.phase !== 'Succeeded' && p.row.phase !== 'Failed');
    const cpu = pods.reduce((n, p) => n + (p.row.cpuMilli ?? 0), 0);
    const mem = pods.reduce((n, p) => n + (p.row.memBytes ?? 0), 0);
    const ready = r?.ready ?? false;
    return (
      <div className="card__header">
        <div className="card__title">
          <span className={`badge badge--${ready ? 'ok' : 'bad'}`}>{ready ? '✓ Ready' : '✕ NotReady'}</span>
          <span className="card__name">{card.title}</span>
          {r?.unschedulable ? <span className="badge badge--warn">SchedulingDisabled</span> : null}
          <span className="card__meta">{[r?.role, r?.zone].filter(Boolean).join(' · ')}</span>
          <span className="spacer" />
          {r ? (
            <button
              type="button"
              className="mini"
              data-action={ready ? 'stop-node' : 'start-node'}
              title={ready ? 'Stop this node’s kubelet (it stops heartbeating)' : 'Start this node’s kubelet again'}
              onClick={(e) => {
                e.stopPropagation();
                void nodeAction(card.title, ready ? 'stop' : 'start');
              }}
            >
              {ready ? '■ stop' : '▶ start'}
            </button>
          ) : null}
        </div>
        {r ? (
          <div className="card__bars">
            <Bar label="CPU" used={cpu} total={r.cpuAllocMilli ?? 0} fmt={cpuFmt} />
            <Bar label="Mem" used={mem} total={r.memAllocBytes ?? 0} fmt={memFmt} />
            <Bar label="Pods" used={pods.length} total={r.podsAlloc ?? 0} fmt={String} />
          </div>
        ) : null}
      </div>
    );
  }
  if (card.type === 'controller' && r) {
    return (
      <div className="card__header">
        <div className="card__title">
          <span className={`kind kind--${r.kind}`}>{r.kind}</span>
          <span className="card__name">{r.name}</span>
          {r.revision ? <span className="badge">rev {r.revision}</span> : null}
          {r.terminating ? <span className="badge badge--bad">⊘ deleting</span> : null}
        </div>
        <div className="card__summary">{controllerSummary(r)}</div>
        {r.image ? <div className="card__image">{r.image}</div> : null}
      </div>
    );
  }
  return (
    <div className="card__header">
      <div className="card__title">
        <span className="card__name">{card.title}</span>
        <span className="badge">{card.pods.length}</span>
      </div>
      {card.namespace ? <div className="card__summary">namespace {card.namespace}</div> : null}
    </div>
  );
}

/**
 * Pods are drawn in chunks of whole grid rows (about CHUNK slots each). Each chunk is its own
 * small, size-contained grid: a pod that changes re-renders, re-lays-out and repaints its chunk,
 * never the other thousand pods.
 */
const CHUNK = 48;

interface ChunkProps {
  pods: PlacedPod[];
  cols: number;
  /** Index of the chunk's first slot. */
  first: number;
  top: number;
  width: number;
  height: number;
  tile: number;
  gap: number;
  compact: boolean;
  now: number;
  selectedKey: string | null;
}

function PodChunkImpl({ pods, cols, first, top, width, height, tile, gap, compact, now, selectedKey }: ChunkProps) {
  return (
    <div className="pod-chunk" style={{ top, left: CARD_PAD, width, height, gridTemplateColumns: `repeat(${cols}, ${tile}px)`, gridAutoRows: tile, gap }}>
      {pods.map((p) => (
        <PodTile
          key={p.row.key}
          row={p.row}
          col={((p.slot - first) % cols) + 1}
          gridRow={Math.floor((p.slot - first) / cols) + 1}
          probeFailing={isProbeFailing(p.row, now)}
          selected={selectedKey === p.row.key}
          compact={compact}
          onSelect={selectRow}
        />
      ))}
    </div>
  );
}

function hasSelected(pods: PlacedPod[], key: string | null): boolean {
  return key !== null && pods.some((p) => p.row.key === key);
}

function hasProbe(pods: PlacedPod[]): boolean {
  return pods.some((p) => p.row.probeFailedAt !== undefined);
}

/** Re-render a chunk only when one of its pods, their slots, or what they show changed. */
function sameChunk(a: ChunkProps, b: ChunkProps): boolean {
  if (a.cols !== b.cols || a.compact !== b.compact || a.top !== b.top || a.width !== b.width || a.tile !== b.tile || a.pods.length !== b.pods.length) return false;
  for (let i = 0; i < a.pods.length; i++) if (a.pods[i].row !== b.pods[i].row || a.pods[i].slot !== b.pods[i].slot) return false;
  if (a.selectedKey !== b.selectedKey && (hasSelected(a.pods, a.selectedKey) || hasSelected(b.pods, b.selectedKey))) return false;
  if (a.now !== b.now && hasProbe(b.pods)) return false;
  return true;
}

const PodChunk = memo(PodChunkImpl, sameChunk);

function PodGrid({ card, now, selectedKey }: { card: Card; now: number; selectedKey: string | null }) {
  const rowsPerChunk = Math.max(1, Math.round(CHUNK / card.cols));
  const size = rowsPerChunk * card.cols;
  const groups: PlacedPod[][] = [];
  for (const p of card.pods) (groups[Math.floor(p.slot / size)] ??= []).push(p);
  const pitch = card.tile + card.gap;
  const width = card.cols * pitch - card.gap;
  const height = rowsPerChunk * pitch - card.gap;
  return (
    <div className="card__pods">
      {groups.map((pods, i) =>
        pods ? (
          <PodChunk key={i} pods={pods} cols={card.cols} first={i * size} top={HEADER_H + i * rowsPerChunk * pitch} width={width} height={height} tile={card.tile} gap={card.gap} compact={card.tile < 40} now={now} selectedKey={selectedKey} />
        ) : null,
      )}
    </div>
  );
}

function CardNodeImpl({ data }: NodeProps<CardFlowNode>) {
  const { card, now, selectedKey } = data;
  const r = card.row;
  const attrs: Record<string, string> = {};
  if (r) {
    attrs['data-kind'] = r.kind;
    attrs['data-name'] = r.name;
    attrs['data-namespace'] = r.namespace;
    if (r.kind === 'Node') {
      attrs['data-ready'] = r.ready ? 'true' : 'false';
      attrs['data-unschedulable'] = r.unschedulable ? 'true' : 'false';
    } else {
      attrs['data-replicas'] = String(r.desired ?? 0);
      attrs['data-ready-replicas'] = String(r.readyReplicas ?? 0);
      if (r.revision) attrs['data-revision'] = r.revision;
    }
  } else attrs['data-lane'] = card.type;
  const selected = r ? selectedKey === r.key : false;
  return (
    <div
      className={`card card--${card.type}${r?.kind === 'Node' && !r.ready ? ' card--down' : ''}${selected ? ' is-selected' : ''}`}
      style={{ width: card.w, height: card.h }}
      {...attrs}
      onClick={r ? () => selectRow(r) : undefined}
    >
      <Handle type="target" position={Position.Top} className="handle" isConnectable={false} />
      <Header card={card} />
      <PodGrid card={card} now={now} selectedKey={selectedKey} />
      <Handle type="source" position={Position.Bottom} className="handle" isConnectable={false} />
    </div>
  );
}

export const CardNode = memo(CardNodeImpl);
