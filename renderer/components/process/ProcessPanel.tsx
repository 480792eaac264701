import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProcessInfo, SocketRow } from '../../../shared/contract';
import { useServices, useSockets, useUi } from '../../app/services';
import { copyText } from '../../format/clipboard';
import { localEndpoint, ownerExplanation, protocolLabel, remoteEndpoint } from '../../format/socket';
import { useT } from '../../i18n/useT';
import { targetOf } from '../../format/target';
import { formatAge, formatDateTime } from '../../format/time';
import { useProcessDetails } from '../../hooks/useProcessDetails';
import { ExposureBadge } from '../badges/ExposureBadge';
import { RiskNote } from '../badges/RiskNote';
import { VisibleText } from '../text/VisibleText';
import { EndProcess } from './EndProcess';
import { processAsText } from './processText';

const CLOSE_ICON = '✕';
const ARROW = ' → ';
const SEPARATOR = ' · ';

/** Sockets listed in the panel; a process with more says how many were left out. */
const SOCKET_LIMIT = 300;

/**
 * The panel that opens on a row: the socket, its process and every socket of that process.
 * Everything here came from other processes (names, command lines): React text nodes only.
 */
export function ProcessPanel() {
  const { ui } = useServices();
  const t = useT();
  const row = useUi((s) => s.selected);
  const ref = useRef<HTMLElement>(null);
  // Where the keyboard was when the panel opened: it goes back there when the panel closes.
  const opener = useRef<HTMLElement | null>(null);
  const close = useCallback(() => {
    const id = ui.getState().selected?.id;
    ui.getState().select(null);
    // The row itself, if it is still on screen (a virtualized table may have re-created its
    // element), else whatever opened the panel, else the table the row was in.
    const rowEl = id ? document.querySelector<HTMLElement>(`[role="table"] [data-key="${CSS.escape(id)}"]`) : null;
    const back = rowEl ?? (opener.current?.isConnected ? opener.current : null) ?? document.querySelector<HTMLElement>('[role="table"]');
    back?.focus({ preventScroll: true });
  }, [ui]);

  useEffect(() => {
    if (!row) return;
    if (!ref.current?.contains(document.activeElement) && document.activeElement instanceof HTMLElement && document.activeElement !== document.body) {
      opener.current = document.activeElement;
    }
    ref.current?.focus();
  }, [row]);

  if (!row) return null;
  return (
    <aside
      ref={ref}
      className="process-panel"
      aria-label={t('ui.process.label')}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) close();
      }}
    >
      <PanelBody key={row.id} row={row} onClose={close} />
    </aside>
  );
}

function PanelBody({ row, onClose }: { row: SocketRow; onClose: () => void }) {
  const { ui } = useServices();
  const t = useT();
  // The panel can walk up to the parent process; the socket section stays the one clicked.
  const [shownPid, setShownPid] = useState<number | null>(row.pid);
  const { state, reload } = useProcessDetails(shownPid);
  const [copied, setCopied] = useState<string | null>(null);
  const process = state.status === 'ready' ? state.details.process : null;
  // After "End process" the details reload and find the process gone; the end-process control
  // keeps the last known process so its outcome ("ended after SIGTERM") stays on screen.
  const lastProcess = useRef<ProcessInfo | null>(null);
  if (process) lastProcess.current = process;
  const endable = process ?? (lastProcess.current?.pid === shownPid ? lastProcess.current : null);
  const sockets = state.status === 'ready' ? state.details.sockets : [];
  const target = targetOf(row);
  // The socket's row closing is the first sign its process may have exited: ask again, so the
  // panel says so and "End process…" is no longer offered as if it could act.
  const rowLive = useSockets((s) => {
    const live = s.table.rows.get(row.id);
    return live !== undefined && live.mark !== 'closing';
  });
  useEffect(() => {
    if (!rowLive && shownPid === row.pid) reload();
  }, [rowLive, shownPid, row.pid, reload]);
  const exited = state.status === 'gone';

  return (
    <>
      <header className="panel-head">
        <h2>
          <VisibleText text={(shownPid === row.pid ? row.processName : process?.name) ?? t('ui.process.socket')} />
          {shownPid !== null ? (
            <span className="muted">
              {SEPARATOR}
              {t('ui.common.pid', { pid: shownPid })}
            </span>
          ) : null}
        </h2>
        <button type="button" className="icon" aria-label={t('ui.process.close')} onClick={onClose}>
          {CLOSE_ICON}
        </button>
      </header>

      <section aria-label={t('ui.process.socket')} className="panel-section">
        <p className="socket-line">
          <strong>{protocolLabel(row)}</strong> {localEndpoint(row)}
          {ARROW}
          {remoteEndpoint(row)} <span className={`state state-${row.state.toLowerCase()}`}>{row.state}</span>
        </p>
        <p>
          {row.service ? (
            <>
              {row.serviceDescription ? t('ui.process.serviceWithDescription', { service: row.service, description: row.serviceDescription }) : row.service}
              {SEPARATOR}
            </>
          ) : null}
          <ExposureBadge exposure={row.exposure} />
        </p>
        {row.risks.length > 0 ? <p><RiskNote risks={row.risks} /></p> : null}
      </section>

      <div className="actions" role="group" aria-label={t('ui.process.actions')}>
        <button
          type="button"
          onClick={() => void copyText(processAsText(t, process, row, sockets)).then((ok) => setCopied(ok ? t('ui.process.copied') : t('ui.process.copyFailed')))}
        >
          {t('ui.process.copy')}
        </button>
        <button type="button" onClick={() => ui.getState().probe(target)} disabled={target.port === 0}>
          {t('ui.process.probe')}
        </button>
        <button type="button" onClick={() => ui.getState().diagnose(target)} disabled={target.port === 0}>
          {t('ui.process.diagnose')}
        </button>
        {/* pid 1 is init: ending it takes the whole system (or container) down. */}
        {endable && endable.pid > 1 ? <EndProcess process={endable} onEnded={reload} exited={exited} /> : null}
        <span aria-live="polite" className="muted">
          {copied}
        </span>
      </div>

      {row.pid === null ? <p className="muted">{ownerExplanation(t, row.ownerStatus)}</p> : null}
      {shownPid !== row.pid ? (
        <p>
          {t('ui.process.parentChain', { pid: shownPid })}{' '}
          <button type="button" onClick={() => setShownPid(row.pid)}>
            {t('ui.process.backTo', { pid: row.pid })}
          </button>
        </p>
      ) : null}
      {state.status === 'loading' ? <p role="status">{t('ui.process.loading')}</p> : null}
      {state.status === 'gone' ? <p>{t('ui.process.gone', { pid: shownPid })}</p> : null}
      {state.status === 'error' ? (
        <p role="alert" className="error-text">
          {t('ui.process.readFailed', { error: state.message })}{' '}
          <button type="button" onClick={reload}>
            {t('ui.common.retry')}
          </button>
        </p>
      ) : null}
      {process ? <ProcessFields process={process} onOpenParent={setShownPid} /> : null}
      {state.status === 'ready' ? <ProcessSockets sockets={sockets} current={row.id} /> : null}
    </>
  );
}

const NONE = '—';

function ProcessFields({ process, onOpenParent }: { process: ProcessInfo; onOpenParent: (pid: number) => void }) {
  const t = useT();
  const unavailable = new Map(process.unavailable.map((u) => [u.field, u.reason]));
  const missing = (field: string) => (unavailable.has(field) ? <span className="muted">{t('ui.process.notReadable', { reason: unavailable.get(field) })}</span> : NONE);
  return (
    <dl className="fields">
      <dt>{t('ui.dashboard.col.pid')}</dt>
      <dd>{process.pid}</dd>
      <dt>{t('ui.process.field.name')}</dt>
      <dd><VisibleText text={process.name} /></dd>
      <dt>{t('ui.process.field.exe')}</dt>
      <dd className="mono">{process.exe !== null ? <VisibleText text={process.exe} /> : missing('exe')}</dd>
      <dt>{t('ui.process.field.commandLine')}</dt>
      <dd className="mono cmdline">{process.commandLine ? <VisibleText text={process.commandLine} /> : missing('commandLine')}</dd>
      <dt>{t('ui.dashboard.col.user')}</dt>
      <dd>
        {process.user !== null ? <VisibleText text={process.user} /> : missing('user')}
        {process.uid !== null ? <span className="muted">{t('ui.process.uid', { uid: process.uid })}</span> : null}
      </dd>
      <dt>{t('ui.process.field.started')}</dt>
      <dd>
        {formatDateTime(t.fmt, process.startTime)}
        {process.startTime ? <span className="muted">{t('ui.process.ago', { age: formatAge(t.fmt, process.startTime) })}</span> : null}
      </dd>
      <dt>{t('ui.process.field.parent')}</dt>
      <dd>
        {process.ppid ? (
          <button type="button" className="link" onClick={() => onOpenParent(process.ppid as number)} aria-label={t('ui.process.showParent', { pid: process.ppid })}>
            {process.ppid}
          </button>
        ) : (
          NONE
        )}
      </dd>
      <dt>{t('ui.process.field.unit')}</dt>
      <dd><VisibleText text={[process.unit, process.container].filter(Boolean).join(SEPARATOR) || NONE} /></dd>
    </dl>
  );
}

function ProcessSockets({ sockets, current }: { sockets: readonly SocketRow[]; current: string }) {
  const t = useT();
  const shown = sockets.slice(0, SOCKET_LIMIT);
  return (
    <section className="panel-section" aria-label={t('ui.process.sockets.label')}>
      <h3>
        {t('ui.process.sockets.title')} <span className="count">{t.fmt.number(sockets.length)}</span>
      </h3>
      <table className="mini-table">
        <thead>
          <tr>
            <th scope="col">{t('ui.dashboard.col.proto')}</th>
            <th scope="col">{t('ui.dashboard.col.local')}</th>
            <th scope="col">{t('ui.dashboard.col.remote')}</th>
            <th scope="col">{t('ui.dashboard.col.state')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((s) => (
            <tr key={s.id} aria-current={s.id === current ? 'true' : undefined}>
              <td>{protocolLabel(s)}</td>
              <td className="mono">{localEndpoint(s)}</td>
              <td className="mono">{remoteEndpoint(s)}</td>
              <td>{s.state}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {sockets.length > shown.length ? <p className="muted">{t('ui.process.sockets.more', { count: sockets.length - shown.length })}</p> : null}
    </section>
  );
}
