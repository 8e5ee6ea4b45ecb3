// The canvas (React Flow): ownership or placement view of the same rows.
import { useDeferredValue, useEffect, useMemo, useRef } from 'react';
import { ReactFlow, ReactFlowProvider, Background, Controls, MarkerType, useReactFlow, type Edge as FlowEdge } from '@xyflow/react';
import { useApp } from '../store';
import { ownershipLayout, placementLayout, SlotAllocator } from '../model/layout';
import { CardNode, type CardFlowNode } from './CardNode';
import { select } from '../controller';

const nodeTypes = { card: CardNode };

/** Re-fit the viewport when boxes appear or disappear (not when pods inside them change). */
function AutoFit({ signature }: { signature: string }) {
  const flow = useReactFlow();
  useEffect(() => {
    // After React Flow has seen the new container size (its ResizeObserver runs a frame later).
    const id = setTimeout(() => void flow.fitView({ padding: 0.15, maxZoom: 1.2, duration: 300 }), 80);
    return () => clearTimeout(id);
  }, [signature, flow]);
  return null;
}

export function Canvas() {
  return (
    <ReactFlowProvider>
      <CanvasInner />
    </ReactFlowProvider>
  );
}

function CanvasInner() {
  // Deferred: a large update renders in the background, in slices, instead of in one long frame.
  const rows = useDeferredValue(useApp((s) => s.view.rows));
  const t = useDeferredValue(useApp((s) => s.view.t));
  const canvasView = useApp((s) => s.canvasView);
  const selection = useApp((s) => s.selection);
  const showEditor = useApp((s) => s.showEditor);
  const slots = useRef({ ownership: new SlotAllocator(), placement: new SlotAllocator() });
  const layout = useMemo(
    () => (canvasView === 'placement' ? placementLayout(rows.values(), slots.current.placement) : ownershipLayout(rows.values(), slots.current.ownership)),
    [rows, canvasView],
  );
  const selectedKey = selection ? `${selection.kind}/${selection.namespace}/${selection.name}` : null;
  const nodes: CardFlowNode[] = useMemo(
    () =>
      layout.cards.map((c) => ({
        id: c.id,
        type: 'card' as const,
        position: { x: c.x, y: c.y },
        data: { card: c, now: t, selectedKey },
        width: c.w,
        height: c.h,
        draggable: false,
        selectable: false,
        connectable: false,
      })),
    [layout, t, selectedKey],
  );
  const edges: FlowEdge[] = useMemo(
    () => layout.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, type: 'smoothstep', markerEnd: { type: MarkerType.ArrowClosed }, className: 'owner-edge' })),
    [layout],
  );
  // Also refit when the inspector opens or closes (the canvas changes width).
  const signature = `${canvasView}|${selection ? 1 : 0}|${showEditor ? 1 : 0}|` + layout.cards.map((c) => c.id).join(',');
  const empty = layout.cards.length === 0 || (canvasView === 'ownership' && !layout.cards.some((c) => c.type !== 'pending'));
  return (
    <div className="canvas" data-view={canvasView}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        fitView
        fitViewOptions={{ padding: 0.15, maxZoom: 1.2 }}
        minZoom={0.1}
        maxZoom={2.5}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        onPaneClick={() => select(null)}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={24} />
        <Controls showInteractive={false} />
        <AutoFit signature={signature} />
      </ReactFlow>
      {empty ? <div className="canvas__empty">No workloads yet — apply a Deployment, Job or Pod from the editor.</div> : null}
    </div>
  );
}
