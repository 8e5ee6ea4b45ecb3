// One pod on the canvas: colour + shape + glyph for its state, badges for restarts and probe
// failures, and the data-* attributes end-to-end tests read.
import { memo } from 'react';
import type { ViewRow } from '../../worker/protocol';
import { podLook, shortPodName } from '../model/podLook';

interface Props {
  row: ViewRow;
  /** 1-based grid cell (a CSS grid, so a thousand tiles need no positioned layers). */
  col: number;
  gridRow: number;
  probeFailing: boolean;
  selected: boolean;
  /** Glyph only, small: used when a view holds many pods. */
  compact: boolean;
  onSelect(row: ViewRow): void;
}

function PodTileImpl({ row, col, gridRow, probeFailing, selected, compact, onSelect }: Props) {
  const look = podLook(row);
  const title = `pod/${row.name}\n${look.label}${row.ready ? ', ready' : ', not ready'}${row.node ? `\nnode: ${row.node}` : ''}${row.restarts ? `\nrestarts: ${row.restarts}` : ''}${probeFailing ? `\n${row.probeKind ?? 'Probe'} probe failing` : ''}`;
  return (
    <button
      type="button"
      className={`pod pod--${look.state} shape-${look.shape}${compact ? ' pod--compact' : ''}${row.restarts || probeFailing ? ' pod--badged' : ''}${selected ? ' is-selected' : ''}`}
      style={{ gridColumn: col, gridRow }}
      data-kind="Pod"
      data-name={row.name}
      data-namespace={row.namespace}
      data-phase={row.phase ?? 'Pending'}
      data-ready={row.ready ? 'true' : 'false'}
      data-node={row.node ?? ''}
      data-restarts={String(row.restarts ?? 0)}
      data-status={row.status ?? ''}
      data-terminating={row.terminating ? 'true' : 'false'}
      data-probe-failing={probeFailing ? 'true' : 'false'}
      title={title}
      aria-label={`Pod ${row.name}: ${look.label}${row.ready ? ', ready' : ', not ready'}`}
      onClick={(e) => {
        e.stopPropagation();
        onSelect(row);
      }}
    >
      {compact ? (
        look.icon
      ) : (
        <span className="pod__icon" aria-hidden="true">
          {look.icon}
        </span>
      )}
      {compact ? null : <span className="pod__name">{shortPodName(row.name)}</span>}
      {row.restarts ? (
        <span className="pod__badge pod__badge--restarts" aria-hidden="true">
          ↻{row.restarts}
        </span>
      ) : null}
      {probeFailing ? (
        <span className="pod__badge pod__badge--probe" aria-hidden="true">
          ⚠
        </span>
      ) : null}
    </button>
  );
}

export const PodTile = memo(PodTileImpl);
