import { useEffect, useId, useRef } from 'react';
import { useStore } from 'zustand';
import type { HistoryEvent, KnownListener } from '../../../shared/contract/history';
import type { SocketRow } from '../../../shared/contract/sockets';
import { useServices, useUi } from '../../app/services';
import { eventAddress, TIMELINE_SPANS, type SinceChoice } from '../../stores/history';
import { HistorySettingsPanel } from './HistorySettingsPanel';
import { ownerStatusLabel } from '../../format/socket';
import { Timeline } from './Timeline';
import { useT, type T } from '../../i18n/useT';
import './history.css';

const SINCE_LABEL = {
  hour: 'ui.history.since.hour',
  yesterday: 'ui.history.since.yesterday',
  boot: 'ui.history.since.boot',
  baseline: 'ui.history.since.baseline',
} as const satisfies Record<Exclude<SinceChoice['kind'], 'report'>, string>;

/** The heading over the changes, per choice ("Since an hour ago: 2 new, 1 gone"). */
function changesHeading(t: T, since: SinceChoice, added: number, gone: number): string {
  switch (since.kind) {
    case 'hour':
      return t('ui.history.changes.hour', { added, gone });
    case 'yesterday':
      return t('ui.history.changes.yesterday', { added, gone });
    case 'boot':
      return t('ui.history.changes.boot', { added, gone });
    case 'baseline':
      return t('ui.history.changes.baseline', { added, gone });
    case 'report':
      return t('ui.history.changes.report', { added, gone, name: since.name, time: t.fmt.dateTime(new Date(since.at)) });
  }
}

const EVENT_KIND = {
  opened: 'ui.history.event.opened',
  closed: 'ui.history.event.closed',
  changed: 'ui.history.event.changed',
} as const satisfies Record<HistoryEvent['kind'], string>;

function listenerText(t: T, l: KnownListener): string {
  return `${l.protocol.toUpperCase()} ${l.localAddress.includes(':') ? `[${l.localAddress}]` : l.localAddress}:${l.localPort} — ${l.processName || t('ui.common.owner.notFound')}`;
}

const ADDED = '+';
const GONE = '−';

/** The live socket of a process that still runs (same pid and, when known, the same start time). */
function liveRowFor(pid: number | null, startTime: string | null, rows: Iterable<SocketRow>, startOf: (pid: number) => string | null | undefined): SocketRow | null {
  if (pid === null) return null;
  if (startTime && startOf(pid) && startOf(pid) !== startTime) return null;
  for (const r of rows) if (r.pid === pid) return r;
  return null;
}

export function HistoryPage() {
  const { history, sockets } = useServices();
  const t = useT();
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
      if (!at || !Number.isFinite(Date.parse(at))) throw new Error(t('ui.history.notReport'));
      await history.getState().setSince({ kind: 'report', at, name: file.name });
    } catch (err) {
      history.setState({ error: t('ui.history.readFailed', { name: file.name, error: err instanceof Error ? err.message : String(err) }) });
    }
  };

  const status = s.status;
  return (
    <div className="history-page">
      <section className="panel history-controls" aria-label={t('ui.history.controls')}>
        <div className="field">
          <label htmlFor={pickerId}>{t('ui.history.picker')}</label>
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
                {t(v)}
              </option>
            ))}
            <option value="report">{s.since.kind === 'report' ? t('ui.history.since.reportNamed', { name: s.since.name }) : t('ui.history.since.report')}</option>
          </select>
          <input ref={reportInput} type="file" accept=".json,application/json" hidden aria-label={t('ui.history.savedReport')} onChange={(e) => void onReport(e.target.files?.[0])} />
        </div>
        <button type="button" onClick={() => void history.getState().markAllKnown()}>
          {t('ui.history.markKnown')}
        </button>
        {s.notifyPermission !== 'unsupported' && s.notifyPermission !== 'granted' ? (
          <button type="button" onClick={() => void history.getState().enableNotifications()} disabled={s.notifyPermission === 'denied'}>
            {s.notifyPermission === 'denied' ? t('ui.history.notifyBlocked') : t('ui.history.notifyEnable')}
          </button>
        ) : null}
        <p className="muted grow" aria-live="polite">
          {status
            ? status.role === 'unavailable'
              ? t('ui.history.unavailable', { message: t.engine({ message: status.message ?? '', messageKey: status.messageKey, values: status.values }) })
              : t(status.oldest ? 'ui.history.recordingSince' : 'ui.history.recording', {
                  role: status.role === 'writer' || status.role === 'reader' ? status.role : 'off',
                  dir: status.dataDir,
                  since: status.oldest ? t.fmt.dateTime(new Date(status.oldest)) : '',
                })
            : t('ui.history.loading')}
        </p>
      </section>
      {s.message ? <p role="status">{s.message}</p> : null}
      {s.error ? (
        <p role="alert" className="error-text">
          {s.error}
        </p>
      ) : null}

      {s.changes ? (
        <section className="panel" aria-label={t('ui.history.changesLabel')}>
          <h2>{changesHeading(t, s.since, s.changes.added.length, s.changes.gone.length)}</h2>
          <ul className="history-changes">
            {s.changes.added.map((l) => (
              <li key={`+${listenerText(t, l)}`} className={`added exposure-${l.exposure}`}>
                <span className="mark">{ADDED}</span> {listenerText(t, l)}{' '}
                {alive(l.pid, null) ? (
                  <button type="button" className="link" onClick={() => openProcess({ owner: { pid: l.pid, name: l.processName, exe: l.exe, user: null, startTime: null, status: 'known' } })}>
                    {t('ui.history.process')}
                  </button>
                ) : null}
              </li>
            ))}
            {s.changes.gone.map((l) => (
              <li key={`-${listenerText(t, l)}`} className="gone">
                <span className="mark">{GONE}</span> {listenerText(t, l)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="panel" aria-label={t('ui.history.timeline')}>
        <div className="panel-head">
          <h2>{t('ui.history.timelineTitle')}</h2>
          <div className="panel-controls">
            <label>
              {t('ui.history.window')}{' '}
              <select value={s.spanHours} onChange={(e) => void history.getState().setSpan(Number(e.target.value) as (typeof TIMELINE_SPANS)[number])}>
                {TIMELINE_SPANS.map((h) => (
                  <option key={h} value={h}>
                    {h < 24 ? t('ui.history.hours', { count: h }) : t('ui.history.days', { count: h / 24 })}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('ui.history.lanes')}{' '}
              <select value={s.by} onChange={(e) => void history.getState().setBy(e.target.value as 'port' | 'process')}>
                <option value="port">{t('ui.history.byPort')}</option>
                <option value="process">{t('ui.history.byProcess')}</option>
              </select>
            </label>
          </div>
        </div>
        {s.timeline ? <Timeline data={s.timeline} /> : null}
      </section>

      <section className="panel" aria-label={t('ui.history.events')}>
        <h2>{t('ui.history.eventsTitle')}</h2>
        {s.changes && s.changes.events.length ? (
          <table className="history-events">
            <thead>
              <tr>
                <th>{t('ui.history.col.time')}</th>
                <th>{t('ui.history.col.event')}</th>
                <th>{t('ui.common.protocol')}</th>
                <th>{t('ui.dashboard.col.address')}</th>
                <th>{t('ui.history.col.owner')}</th>
                <th>{t('ui.history.col.now')}</th>
              </tr>
            </thead>
            <tbody>
              {[...s.changes.events].reverse().map((e) => (
                <tr key={e.id} className={`kind-${e.kind}`}>
                  <td>{t.fmt.dateTime(new Date(e.at))}</td>
                  <td>
                    {t(EVENT_KIND[e.kind])}
                    {e.note === 'present-at-start' ? t('ui.history.note.presentAtStart') : e.note === 'while-not-recording' ? t('ui.history.note.whileNotRecording') : ''}
                  </td>
                  <td>{e.protocol.toUpperCase()}</td>
                  <td>{eventAddress(e)}</td>
                  <td>
                    {alive(e.owner.pid, e.owner.startTime) ? (
                      <button type="button" className="link" onClick={() => openProcess(e)} title={t('ui.history.openProcess')}>
                        {t('ui.history.owner', { name: e.owner.name ?? '?', pid: e.owner.pid })}
                      </button>
                    ) : e.owner.pid ? (
                      t('ui.history.ownerExited', { name: e.owner.name ?? '?', pid: e.owner.pid })
                    ) : (
                      ownerStatusLabel(t, e.owner.status)
                    )}
                  </td>
                  <td>{e.stillOpen === null ? '' : e.stillOpen ? t('ui.history.stillOpen') : t('ui.history.gone')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">{t('ui.history.noEvents')}</p>
        )}
      </section>

      <section className="panel" aria-label={t('ui.history.alerts')}>
        <h2>{t('ui.history.alerts')}</h2>
        {s.alerts.length ? (
          <ul className="history-alerts">
            {s.alerts.map((a) => (
              <li key={`${a.id}-${a.at}-${a.localPort}`} className={`severity-${a.severity}`}>
                <time dateTime={a.at}>{t.fmt.dateTime(new Date(a.at))}</time> {t.engine(a)}{' '}
                {alive(a.pid, null) ? (
                  <button type="button" className="link" onClick={() => openProcess({ owner: { pid: a.pid, name: a.processName, exe: null, user: null, startTime: null, status: 'known' } })}>
                    {t('ui.history.process')}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('ui.history.noAlerts')}</p>
        )}
      </section>

      <details className="panel">
        <summary>{t('ui.history.settingsTitle')}</summary>
        <HistorySettingsPanel />
      </details>
    </div>
  );
}
