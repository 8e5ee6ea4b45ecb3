// Events as `kubectl get events -w` prints them: LAST SEEN, TYPE, REASON, OBJECT, MESSAGE.
import { memo, useDeferredValue, useState } from 'react';
import { useApp } from '../store';
import { humanDuration } from '../model/format';
import { select } from '../controller';
import type { EventRow } from '../../worker/protocol';

export function EventStream() {
  const events = useDeferredValue(useApp((s) => s.view.events));
  const t = useDeferredValue(useApp((s) => s.view.t));
  const [warningsOnly, setWarningsOnly] = useState(false);
  return <EventTable events={events} t={Math.floor(t / 1000) * 1000} warningsOnly={warningsOnly} setWarningsOnly={setWarningsOnly} />;
}

const EventTable = memo(function EventTable({ events, t, warningsOnly, setWarningsOnly }: { events: EventRow[]; t: number; warningsOnly: boolean; setWarningsOnly(v: boolean): void }) {
  const shown = (warningsOnly ? events.filter((e) => e.type === 'Warning') : events).slice(-80);
  return (
    <div className="events">
      <div className="panel__tools">
        <label>
          <input type="checkbox" checked={warningsOnly} onChange={(e) => setWarningsOnly(e.target.checked)} /> Warnings only
        </label>
        <span className="muted">{events.length} events</span>
      </div>
      {/* column-reverse keeps the newest line in view without reading layout from script */}
      <div className="events__scroll">
        <table className="events__table" data-testid="events">
          <colgroup>
            <col style={{ width: '7em' }} />
            <col style={{ width: '8em' }} />
            <col style={{ width: '14em' }} />
            <col style={{ width: '24em' }} />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th>LAST SEEN</th>
              <th>TYPE</th>
              <th>REASON</th>
              <th>OBJECT</th>
              <th>MESSAGE</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e) => (
              <tr key={e.key} className={e.type === 'Warning' ? 'is-warning' : undefined} data-reason={e.reason}>
                <td>{humanDuration(t - e.t)}</td>
                <td>{e.type === 'Warning' ? '⚠ Warning' : e.type}</td>
                <td>{e.reason}</td>
                <td>
                  <button type="button" className="link" onClick={() => select({ kind: e.objectKind, namespace: e.namespace, name: e.objectName })}>
                    {e.object}
                  </button>
                </td>
                <td>
                  {e.message}
                  {e.count > 1 ? <span className="muted"> (x{e.count})</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
});
