// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { Canvas } from '../../../src/ui/canvas/Canvas';
import { PodTile } from '../../../src/ui/canvas/PodTile';
import { EventStream } from '../../../src/ui/panels/EventStream';
import { TimeBar } from '../../../src/ui/panels/TimeBar';
import { useApp } from '../../../src/ui/store';
import { applyBatch, emptyView } from '../../../src/ui/model/view';
import type { Batch, ViewRow } from '../../../src/worker/protocol';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLDivElement;
let root: Root;
beforeEach(() => {
  host = document.createElement('div');
  host.style.width = '1200px';
  host.style.height = '800px';
  document.body.appendChild(host);
  root = createRoot(host);
  useApp.setState({ view: emptyView(), selection: null, canvasView: 'ownership' });
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

let order = 0;
const row = (kind: string, name: string, extra: Partial<ViewRow> = {}): ViewRow => ({ key: `${kind}/${kind === 'Node' ? '' : 'default'}/${name}`, kind, name, namespace: kind === 'Node' ? '' : 'default', uid: `uid-${name}`, order: ++order, ...extra });
const batch = (b: Partial<Batch>): Batch => ({ t: 0, added: [], updated: [], removed: [], events: [], horizon: 0, playing: false, speed: 1, ...b });

describe('pod tiles', () => {
  test('carry the data-* testing contract and a non-colour cue', () => {
    const p = row('Pod', 'web-abc-x1y2z', { phase: 'Running', ready: false, node: 'worker-2', restarts: 3, status: 'Running' });
    act(() => root.render(<PodTile row={p} col={1} gridRow={1} probeFailing selected={false} compact={false} onSelect={() => {}} />));
    const el = host.querySelector('[data-kind="Pod"]') as HTMLElement;
    expect({ ...el.dataset }).toMatchObject({ kind: 'Pod', name: 'web-abc-x1y2z', namespace: 'default', phase: 'Running', ready: 'false', node: 'worker-2', restarts: '3', probeFailing: 'true' });
    expect(el.className).toContain('shape-ring');
    expect(el.textContent).toContain('◐');
    expect(el.textContent).toContain('↻3');
    expect(el.textContent).toContain('⚠');
    expect(el.getAttribute('aria-label')).toBe('Pod web-abc-x1y2z: Running, not ready');
  });
});

describe('the canvas', () => {
  test('draws controllers and pods with data attributes; clicking a pod selects it', async () => {
    const dep = row('Deployment', 'web', { desired: 2, readyReplicas: 1, revision: '1' });
    const rs = row('ReplicaSet', 'web-5d9', { ownerUid: dep.uid, desired: 2, revision: '1' });
    const pods = [row('Pod', 'web-5d9-aaaaa', { ownerUid: rs.uid, phase: 'Running', ready: true, node: 'worker-1', restarts: 0 }), row('Pod', 'web-5d9-bbbbb', { ownerUid: rs.uid, phase: 'Pending', ready: false, node: '', restarts: 0 })];
    act(() => useApp.getState().applyBatch(batch({ reset: true, added: [row('Node', 'worker-1', { ready: true }), dep, rs, ...pods] })));
    await act(async () => root.render(<Canvas />));
    const kinds = [...host.querySelectorAll('[data-kind]')].map((e) => `${(e as HTMLElement).dataset.kind}/${(e as HTMLElement).dataset.name}`);
    expect(kinds).toEqual(expect.arrayContaining(['Deployment/web', 'ReplicaSet/web-5d9', 'Pod/web-5d9-aaaaa', 'Pod/web-5d9-bbbbb']));
    const rsEl = host.querySelector('[data-kind="ReplicaSet"]') as HTMLElement;
    expect(rsEl.dataset.revision).toBe('1');
    expect(rsEl.querySelectorAll('[data-kind="Pod"]').length).toBe(2);
    act(() => (host.querySelector('[data-name="web-5d9-aaaaa"]') as HTMLElement).click());
    expect(useApp.getState().selection).toEqual({ kind: 'Pod', namespace: 'default', name: 'web-5d9-aaaaa' });
  });

  test('placement view: nodes with data-ready and their pods inside', async () => {
    act(() =>
      useApp.getState().applyBatch(
        batch({ reset: true, added: [row('Node', 'worker-1', { ready: true, cpuAllocMilli: 4000 }), row('Node', 'worker-2', { ready: false }), row('Pod', 'solo', { phase: 'Running', ready: true, node: 'worker-2' }), row('Pod', 'waiting', { phase: 'Pending', node: '' })] }),
      ),
    );
    useApp.setState({ canvasView: 'placement' });
    await act(async () => root.render(<Canvas />));
    const w2 = host.querySelector('[data-kind="Node"][data-name="worker-2"]') as HTMLElement;
    expect(w2.dataset.ready).toBe('false');
    expect(w2.querySelector('[data-kind="Pod"][data-name="solo"]')).not.toBeNull();
    expect((host.querySelector('[data-kind="Node"][data-name="worker-1"]') as HTMLElement).dataset.ready).toBe('true');
    const lane = host.querySelector('[data-lane="pending"]') as HTMLElement;
    expect(lane.querySelector('[data-name="waiting"]')).not.toBeNull();
  });
});

describe('panels', () => {
  test('the event stream prints kubectl get events columns with ages from the simulated clock', () => {
    useApp.setState({ view: applyBatch(emptyView(), batch({ t: 65_000, events: [{ key: 'default/e1', type: 'Warning', reason: 'BackOff', object: 'pod/w-1', objectKind: 'Pod', objectName: 'w-1', namespace: 'default', message: 'Back-off restarting failed container', count: 4, t: 5_000, source: 'kubelet' }] })) });
    act(() => root.render(<EventStream />));
    const cells = [...host.querySelectorAll('tbody td')].map((td) => td.textContent);
    expect(cells).toEqual(['60s', '⚠ Warning', 'BackOff', 'pod/w-1', 'Back-off restarting failed container (x4)']);
    expect([...host.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']);
  });

  test('the time bar shows the simulated clock and play state', () => {
    useApp.setState({ view: applyBatch(emptyView(), batch({ t: 83_400, horizon: 90_000, playing: true, speed: 10 })) });
    act(() => root.render(<TimeBar />));
    expect(host.querySelector('[data-testid="clock"]')!.textContent).toBe('1m23.4s');
    expect(host.querySelector('[data-action="pause"]')).not.toBeNull();
    expect((host.querySelector('[data-action="speed"]') as HTMLSelectElement).value).toBe('10');
  });
});
