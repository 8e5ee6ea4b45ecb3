// The inspector: a describe-like view of the selected object (kubectl describe when the engine
// provides it), its conditions, its events, and the raw object as YAML.
import { useState } from 'react';
import { stringify } from 'yaml';
import { useApp } from '../store';
import { humanDuration } from '../model/format';
import { nodeAction, podAction, select } from '../controller';

interface Cond {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

export function Inspector() {
  const sel = useApp((s) => s.selection);
  const detail = useApp((s) => s.detail);
  const t = useApp((s) => s.view.t);
  const [tab, setTab] = useState<'describe' | 'yaml'>('describe');
  if (!sel) {
    return (
      <aside className="inspector inspector--empty" aria-label="Inspector">
        <p className="muted">Select a pod, a controller or a node on the canvas to inspect it.</p>
      </aside>
    );
  }
  const obj = detail?.object as { metadata?: any; spec?: any; status?: any } | undefined;
  const conds: Cond[] = obj?.status?.conditions ?? [];
  return (
    <aside className="inspector" aria-label="Inspector" data-testid="inspector" data-kind={sel.kind} data-name={sel.name} data-namespace={sel.namespace}>
      <header className="inspector__head">
        <h2>
          <span className={`kind kind--${sel.kind}`}>{sel.kind}</span> {sel.name}
        </h2>
        <button type="button" className="mini" aria-label="Close inspector" onClick={() => select(null)}>
          ✕
        </button>
      </header>
      {sel.namespace ? <div className="muted">namespace {sel.namespace}</div> : null}
      {sel.kind === 'Node' && obj ? (
        <div className="inspector__actions">
          <button type="button" className="btn" onClick={() => void nodeAction(sel.name, 'stop')}>
            ■ Stop kubelet
          </button>
          <button type="button" className="btn" onClick={() => void nodeAction(sel.name, 'start')}>
            ▶ Start kubelet
          </button>
        </div>
      ) : null}
      {sel.kind === 'Pod' && obj?.spec?.nodeName ? (
        <div className="inspector__actions" role="group" aria-label="Live actions on the simulated process">
          <button type="button" className="btn" data-action="pod-crash" onClick={() => void podAction(sel.namespace, sel.name, 'crash')} title="The process exits now (its restartPolicy decides what happens next)">
            ✕ Crash
          </button>
          <button type="button" className="btn" data-action="pod-break-readiness" onClick={() => void podAction(sel.namespace, sel.name, 'break-readiness')} title="The readiness endpoint starts failing">
            ◐ Break readiness
          </button>
          <button type="button" className="btn" data-action="pod-break-liveness" onClick={() => void podAction(sel.namespace, sel.name, 'break-liveness')} title="The liveness endpoint starts failing">
            ⚠ Break liveness
          </button>
          <button type="button" className="btn" data-action="pod-heal" onClick={() => void podAction(sel.namespace, sel.name, 'heal')} title="Health endpoints answer again">
            ✓ Heal
          </button>
        </div>
      ) : null}
      {detail?.explain ? (
        <section>
          <h3>Why is it not scheduled?</h3>
          <pre className="inspector__pre" data-testid="explain">
            {detail.explain}
          </pre>
        </section>
      ) : null}
      {!detail ? <p className="muted">{obj === undefined && detail === null ? 'Loading… (or the object is gone)' : ''}</p> : null}
      {detail ? (
        <>
          <div className="tabs" role="tablist">
            <button type="button" role="tab" aria-selected={tab === 'describe'} className={tab === 'describe' ? 'is-active' : ''} onClick={() => setTab('describe')}>
              Describe
            </button>
            <button type="button" role="tab" aria-selected={tab === 'yaml'} className={tab === 'yaml' ? 'is-active' : ''} onClick={() => setTab('yaml')}>
              YAML
            </button>
          </div>
          {tab === 'yaml' ? (
            <pre className="inspector__pre">{stringify(detail.object, { lineWidth: 0 })}</pre>
          ) : detail.describe ? (
            <pre className="inspector__pre" data-testid="describe">
              {detail.describe}
            </pre>
          ) : (
            <div className="inspector__body">
              <Summary obj={obj} />
              {conds.length ? (
                <section>
                  <h3>Conditions</h3>
                  <table className="kv">
                    <thead>
                      <tr>
                        <th>Type</th>
                        <th>Status</th>
                        <th>Reason</th>
                      </tr>
                    </thead>
                    <tbody>
                      {conds.map((c) => (
                        <tr key={c.type} title={c.message}>
                          <td>{c.type}</td>
                          <td className={c.status === 'True' ? 'ok' : 'bad'}>{c.status}</td>
                          <td>{c.reason ?? ''}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </section>
              ) : null}
              <section>
                <h3>Events</h3>
                {detail.events.length === 0 ? (
                  <p className="muted">&lt;none&gt;</p>
                ) : (
                  <table className="kv">
                    <thead>
                      <tr>
                        <th>Type</th>
                        <th>Reason</th>
                        <th>Age</th>
                        <th>From</th>
                        <th>Message</th>
                      </tr>
                    </thead>
                    <tbody>
                      {detail.events.map((e) => (
                        <tr key={e.key} className={e.type === 'Warning' ? 'is-warning' : undefined}>
                          <td>{e.type}</td>
                          <td>{e.reason}</td>
                          <td>{humanDuration(t - e.t)}</td>
                          <td>{e.source}</td>
                          <td>{e.message}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </section>
            </div>
          )}
        </>
      ) : null}
    </aside>
  );
}

function Summary({ obj }: { obj: { metadata?: any; spec?: any; status?: any } | undefined }) {
  if (!obj) return null;
  const md = obj.metadata ?? {};
  const rows: [string, string][] = [];
  const push = (k: string, v: unknown) => {
    if (v !== undefined && v !== null && v !== '') rows.push([k, typeof v === 'string' ? v : JSON.stringify(v)]);
  };
  push('Created', md.creationTimestamp);
  push('Labels', md.labels ? Object.entries(md.labels).map(([k, v]) => `${k}=${v}`).join(', ') : undefined);
  push('Controlled By', md.ownerReferences?.find((r: any) => r.controller) ? `${md.ownerReferences.find((r: any) => r.controller).kind}/${md.ownerReferences.find((r: any) => r.controller).name}` : undefined);
  push('Node', obj.spec?.nodeName);
  push('Status', obj.status?.phase);
  push('IP', obj.status?.podIP);
  push('Replicas', obj.spec?.replicas);
  push('Deleting', md.deletionTimestamp);
  for (const c of obj.status?.containerStatuses ?? []) {
    const state = Object.keys(c.state ?? {})[0] ?? 'unknown';
    const reason = c.state?.[state]?.reason;
    push(`Container ${c.name}`, `${state}${reason ? ` (${reason})` : ''}, ready=${c.ready}, restarts=${c.restartCount}`);
  }
  return (
    <table className="kv">
      <tbody>
        {rows.map(([k, v]) => (
          <tr key={k}>
            <th>{k}</th>
            <td>{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
