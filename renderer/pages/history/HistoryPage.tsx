import { useEffect, useId, useRef } from 'react';
import { useStore } from 'zustand';
import type { HistoryEvent, KnownListener } from '../../../shared/contract/history';
import type { SocketRow } from '../../../shared/contract/sockets';
import { useServices, useUi } from '../../app/services';
import { eventAddress, TIMELINE_SPANS, type SinceChoice } from '../../stores/history';
import { HistorySettingsPanel } from './HistorySettingsPanel';
import { Timeline } from './Timeline';
import './history.css';

const SINCE_LABEL: Record<Exclude<SinceChoice['kind'], 'report'>, string> = { hour: 'An hour ago', yesterday: 'Yesterday', boot: 'Since boot', baseline: 'Since the baseline' };

function listenerText(l: KnownListener): string {
  return `${l.protocol.toUpperCase()} ${l.localAddress.includes(':') ? `[${l.localAddress}]` : l.localAddress}:${l.localPort} — ${l.processName || 'unknown owner'}`;
}

/** The live socket of a process that still runs (same pid and, when known, the same start time). */
function liveRowFor(pid: number | null, startTime: string | null, rows: Iterable<SocketRow>, startOf: (pid: number) => string | null | undefined): SocketRow | null {
  if (pid === null) return null;
  if (startTime && startOf(pid) && startOf(pid) !== startTime) return null;
  for (const r of rows) if (r.pid === pid) return r;
  return null;
}

export function HistoryPage() {
  const { history, sockets } = useServices();
  const s = useStore(history);
  const table = useStore(sockets, (st) => st.table);
  const select = useUi((st) => st.select);
  const reportInput = useRef<HTMLInputElement>(null);
  const pickerId = useId();

  useEffect(() => {
    void history.getState().load();
  }, [history]);

  const openProcess = (e: Pick<HistoryEvent, 'owner'>) => {
    const row = liveRowFor(e.owner.pid, e.owner.startTime, [...table.rows.values()].map((r) => r.row), (pid) => table.processes.get(pid)?.startTime);
    if (row) select(row);
  };
  const alive = (pid: number | null, startTime: string | null) => liveRowFor(pid, startTime, [...table.rows.values()].map((r) => r.row), (p) => table.processes.get(p)?.startTime) !== null;

  const onReport = async (file: File | undefined) => {
    if (!file) return;
    try {
      const json = JSON.parse(await file.text()) as { generatedAt?: unknown; machine?: { takenAt?: unknown } };
      const at = typeof json.machine?.takenAt === 'string' ? json.machine.takenAt : typeof json.generatedAt === 'string' ? json.generatedAt : null;
      if (!at || !Number.isFinite(Date.parse(at))) throw new Error('not a Portscope JSON report');
      await history.getState().setSince({ kind: 'report', at, name: file.name });
    } catch (err) {
      history.setState({ error: `Could not read ${file.name}: ${err instanceof Error ? err.message : String(err)}` });
    }
  };

  const status = s.status;
  return (
    <div className="history-page">
      <section className="panel history-controls" aria-label="What changed since">
        <div className="field">
          <label htmlFor={pickerId}>What changed since…</label>
          <select
            id={pickerId}
            value={s.since.kind}
            onChange={(e) => {
              const kind = e.target.value as SinceChoice['kind'];
              if (kind === 'report') reportInput.current?.click();
              else void history.getState().setSince({ kind } as SinceChoice);
            }}
          >
            {Object.entries(SINCE_LABEL).map(([k, v]) => (
              <option key={k} value={k} disabled={k === 'baseline' && !status?.baseline}>
                {v}
              </option>
            ))}
            <option value="report">{s.since.kind === 'report' ? `Since report ${s.since.name}` : 'Since a saved report…'}</option>
          </select>
          <input ref={reportInput} type="file" accept=".json,application/json" hidden aria-label="Saved report" onChange={(e) => void onReport(e.target.files?.[0])} />
        </div>
        <button type="button" onClick={() => void history.getState().markAllKnown()}>
          Mark all as known
        </button>
        {s.notifyPermission !== 'unsupported' && s.notifyPermission !== 'granted' ? (
          <button type="button" onClick={() => void history.getState().enableNotifications()} disabled={s.notifyPermission === 'denied'}>
            {s.notifyPermission === 'denied' ? 'Notifications blocked by the browser' : 'Enable desktop notifications'}
          </button>
        ) : null}
        <p className="muted grow" aria-live="polite">
          {status
            ? status.role === 'unavailable'
              ? `History unavailable: ${status.message ?? ''}`
              : `${status.role === 'writer' ? 'Recording' : status.role === 'reader' ? 'Another Portscope records' : 'Not recording'} into ${status.dataDir}${status.oldest ? `, since ${new Date(status.oldest).toLocaleString()}` : ''}.`
            : 'Loading history…'}
        </p>
      </section>
      {s.message ? <p role="status">{s.message}</p> : null}
      {s.error ? (
        <p role="alert" className="error-text">
          {s.error}
        </p>
      ) : null}

      {s.changes ? (
        <section className="panel" aria-label="Changes">
          <h2>
            Since {s.changes.label}: {s.changes.added.length} new, {s.changes.gone.length} gone
          </h2>
          <ul className="history-changes">
            {s.changes.added.map((l) => (
              <li key={`+${listenerText(l)}`} className={`added exposure-${l.exposure}`}>
                <span className="mark">+</span> {listenerText(l)}{' '}
                {alive(l.pid, null) ? (
                  <button type="button" className="link" onClick={() => openProcess({ owner: { pid: l.pid, name: l.processName, exe: l.exe, user: null, startTime: null, status: 'known' } })}>
                    process
                  </button>
                ) : null}
              </li>
            ))}
            {s.changes.gone.map((l) => (
              <li key={`-${listenerText(l)}`} className="gone">
                <span className="mark">−</span> {listenerText(l)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="panel" aria-label="Timeline">
        <div className="panel-head">
          <h2>Listeners over time</h2>
          <div className="panel-controls">
            <label>
              Window{' '}
              <select value={s.spanHours} onChange={(e) => void history.getState().setSpan(Number(e.target.value) as (typeof TIMELINE_SPANS)[number])}>
                {TIMELINE_SPANS.map((h) => (
                  <option key={h} value={h}>
                    {h < 24 ? `${h} h` : `${h / 24} d`}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Lanes{' '}
              <select value={s.by} onChange={(e) => void history.getState().setBy(e.target.value as 'port' | 'process')}>
                <option value="port">by port</option>
                <option value="process">by process</option>
              </select>
            </label>
          </div>
        </div>
        {s.timeline ? <Timeline data={s.timeline} /> : null}
      </section>

      <section className="panel" aria-label="Events">
        <h2>Listener events</h2>
        {s.changes && s.changes.events.length ? (
          <table className="history-events">
            <thead>
              <tr>
                <th>Time</th>
                <th>Event</th>
                <th>Protocol</th>
                <th>Address</th>
                <th>Owner</th>
                <th>Now</th>
              </tr>
            </thead>
            <tbody>
              {[...s.changes.events].reverse().map((e) => (
                <tr key={e.id} className={`kind-${e.kind}`}>
                  <td>{new Date(e.at).toLocaleString()}</td>
                  <td>
                    {e.kind}
                    {e.note === 'present-at-start' ? ' (already open)' : e.note === 'while-not-recording' ? ' (while not recording)' : ''}
                  </td>
                  <td>{e.protocol.toUpperCase()}</td>
                  <td>{eventAddress(e)}</td>
                  <td>
                    {alive(e.owner.pid, e.owner.startTime) ? (
                      <button type="button" className="link" onClick={() => openProcess(e)} title="Open the process panel">
                        {e.owner.name ?? '?'} ({e.owner.pid})
                      </button>
                    ) : e.owner.pid ? (
                      `${e.owner.name ?? '?'} (${e.owner.pid}, exited)`
                    ) : (
                      `(${e.owner.status})`
                    )}
                  </td>
                  <td>{e.stillOpen === null ? '' : e.stillOpen ? 'still open' : 'gone'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">No listener events in this window.</p>
        )}
      </section>

      <section className="panel" aria-label="Alerts">
        <h2>Alerts</h2>
        {s.alerts.length ? (
          <ul className="history-alerts">
            {s.alerts.map((a) => (
              <li key={`${a.id}-${a.at}-${a.localPort}`} className={`severity-${a.severity}`}>
                <time dateTime={a.at}>{new Date(a.at).toLocaleString()}</time> {a.message}{' '}
                {alive(a.pid, null) ? (
                  <button type="button" className="link" onClick={() => openProcess({ owner: { pid: a.pid, name: a.processName, exe: null, user: null, startTime: null, status: 'known' } })}>
                    process
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No alerts. New listeners beyond loopback, on risky ports or without a known owner show up here.</p>
        )}
      </section>

      <details className="panel">
        <summary>Retention and alert rules</summary>
        <HistorySettingsPanel />
      </details>
    </div>
  );
}
