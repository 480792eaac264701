import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AddressName, SocketRow } from '../../../shared/contract';
import { useNames, useServices, useSockets, useTraffic, useUi } from '../../app/services';
import { formatBytes, formatRate, formatRtt } from '../../format/bytes';
import { localEndpoint, ownerExplanation, processLabel, protocolLabel, remoteEndpoint } from '../../format/socket';
import { useT } from '../../i18n/useT';
import { trafficReason } from '../../format/traffic';
import { nameLabel } from '../../stores/names';
import { VisibleText } from '../text/VisibleText';
import { CloseConnection } from './CloseConnection';
import { RateSparkline, sparkPoints, type SparkPoint } from './RateSparkline';
import { closable } from './useCloseConnection';
import './connection.css';

const CLOSE_ICON = '✕';
const NONE = '—';
const UP = '↑';
const DOWN = '↓';
const SEPARATOR = ' · ';

/**
 * The panel that opens on a connection row: both endpoints (named when a name is known), the
 * owning process (its own panel one click away), state, bytes, rates, RTT and the rest of
 * tcp_info, the rates of the last minutes, and "Close connection…" for an established TCP one.
 * The row is read live from the socket store, so the figures move with each tick.
 */
export function ConnectionPanel() {
  const { ui } = useServices();
  const t = useT();
  const selected = useUi((s) => s.connection);
  const ref = useRef<HTMLElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const close = useCallback(() => {
    const id = ui.getState().connection?.id;
    ui.getState().openConnection(null);
    const rowEl = id ? document.querySelector<HTMLElement>(`[role="table"] [data-key="${CSS.escape(id)}"]`) : null;
    const back = rowEl ?? (opener.current?.isConnected ? opener.current : null) ?? document.querySelector<HTMLElement>('[role="table"]');
    back?.focus({ preventScroll: true });
  }, [ui]);
  useEffect(() => {
    if (!selected) return;
    if (!ref.current?.contains(document.activeElement) && document.activeElement instanceof HTMLElement && document.activeElement !== document.body) {
      opener.current = document.activeElement;
    }
    ref.current?.focus();
  }, [selected]);
  if (!selected) return null;
  return (
    <aside
      ref={ref}
      className="process-panel connection-panel"
      aria-label={t('ui.traffic.panel.label')}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) close();
      }}
    >
      <ConnectionBody key={selected.id} selected={selected} onClose={close} panel={ref} />
    </aside>
  );
}

/** Names for the two endpoints: what the engine knows at once (this machine, hosts file, cache). */
function useEndpointNames(row: SocketRow): { local: string | null; remote: string | null } {
  const { client } = useServices();
  const t = useT();
  const [answers, setAnswers] = useState<ReadonlyMap<string, AddressName>>(new Map());
  // Two selectors, each returning a stored object: a fresh array here would re-render forever.
  const localFromSwitch = useNames((s) => (s.enabled ? s.names.get(row.localAddress) : undefined));
  const remoteFromSwitch = useNames((s) => (s.enabled ? s.names.get(row.remoteAddress) : undefined));
  useEffect(() => {
    let live = true;
    const addresses = [...new Set([row.localAddress, row.remoteAddress])].filter((a) => a !== '0.0.0.0' && a !== '::' && a !== '*');
    // dns: false: opening a panel never starts a reverse lookup; the switch in the table does.
    client.call('names.lookup', { addresses, dns: false }).then(
      (r) => live && setAnswers(new Map(r.names.map((n) => [n.address, n]))),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client, row.localAddress, row.remoteAddress]);
  return {
    local: nameLabel(localFromSwitch, t) ?? nameLabel(answers.get(row.localAddress), t),
    remote: nameLabel(remoteFromSwitch, t) ?? nameLabel(answers.get(row.remoteAddress), t),
  };
}

function ConnectionBody({ selected, onClose, panel }: { selected: SocketRow; onClose: () => void; panel: React.RefObject<HTMLElement | null> }) {
  const { ui, traffic } = useServices();
  const t = useT();
  const live = useSockets((s) => s.table.rows.get(selected.id));
  // After it closed, the panel keeps the last figures it had.
  const lastRow = useRef(selected);
  if (live) lastRow.current = live.row;
  const row = lastRow.current;
  const gone = !live || live.mark === 'closing';
  const names = useEndpointNames(row);
  // "Close connection…" is disabled once the connection is gone: if it had the focus, the panel
  // takes it back, so Escape still closes the panel instead of falling to <body>.
  useEffect(() => {
    if (gone && (document.activeElement === document.body || document.activeElement === null)) panel.current?.focus({ preventScroll: true });
  }, [gone, panel]);
  const version = useTraffic((s) => s.version);
  // Once the connection is gone the store forgets its history: the panel keeps the last picture.
  const lastPoints = useRef<SparkPoint[]>([]);
  const points = useMemo(() => {
    void version; // re-read the recorded history on every tick
    if (gone) return lastPoints.current;
    const current = row.sendRate === null && row.receiveRate === null ? null : { send: row.sendRate ?? 0, receive: row.receiveRate ?? 0 };
    return (lastPoints.current = sparkPoints(traffic.getState().historyOf(row.id), Date.now(), current));
  }, [traffic, row, version, gone]);
  const endpointLine = (label: string, text: string, name: string | null) => (
    <>
      <dt>{label}</dt>
      <dd>
        {name ? (
          <>
            <VisibleText text={name} /> <span className="mono muted">{text}</span>
          </>
        ) : (
          <span className="mono">{text}</span>
        )}
      </dd>
    </>
  );
  const counted = row.trafficUnavailable === null;
  // Once offered, "Close connection" stays (disabled when gone) so its outcome keeps its place.
  const offered = useRef(false);
  if (closable(row) && !gone) offered.current = true;
  const info = row.tcpInfo;

  return (
    <>
      <header className="panel-head">
        <h2>
          {t('ui.traffic.panel.title', { protocol: protocolLabel(row) })}{' '}
          {gone ? <span className="muted">{t('ui.traffic.panel.closed')}</span> : <span className={`state state-${row.state.toLowerCase()}`}>{row.state}</span>}
        </h2>
        <button type="button" className="icon" aria-label={t('ui.traffic.panel.close')} onClick={onClose}>
          {CLOSE_ICON}
        </button>
      </header>
      {gone ? (
        <p role="status" className="muted">
          {t('ui.traffic.panel.gone')}
        </p>
      ) : null}

      <section aria-label={t('ui.traffic.panel.endpoints')} className="panel-section">
        <dl className="fields">
          {endpointLine(t('ui.dashboard.col.local'), localEndpoint(row), names.local)}
          {endpointLine(t('ui.dashboard.col.remote'), remoteEndpoint(row), names.remote)}
          <dt>{t('ui.dashboard.col.process')}</dt>
          <dd>
            {row.pid !== null ? (
              <button
                type="button"
                className="link"
                onClick={() => ui.getState().select(row)}
                aria-label={t('ui.traffic.panel.showProcess', { name: processLabel(row, t), pid: row.pid })}
              >
                {t.rich('ui.process.end.who', { name: <VisibleText text={processLabel(row, t)} />, pid: row.pid })}
              </button>
            ) : (
              <span className="muted">{ownerExplanation(t, row.ownerStatus) || processLabel(row, t)}</span>
            )}
          </dd>
          <dt>{t('ui.dashboard.col.service')}</dt>
          <dd>
            {row.service
              ? row.serviceDescription
                ? t('ui.process.serviceWithDescription', { service: row.service, description: row.serviceDescription })
                : row.service
              : NONE}
          </dd>
        </dl>
      </section>

      <section aria-label={t('ui.traffic.panel.traffic')} className="panel-section">
        <h3>{t('ui.traffic.panel.traffic')}</h3>
        {counted ? null : <p className="muted">{trafficReason(row, 'counters', t)}</p>}
        <dl className="fields traffic-fields">
          <dt>{t('ui.traffic.col.sent')}</dt>
          <dd>{row.bytesSent !== null ? formatBytes(row.bytesSent) : NONE}</dd>
          <dt>{t('ui.traffic.col.received')}</dt>
          <dd>{row.bytesReceived !== null ? formatBytes(row.bytesReceived) : NONE}</dd>
          <dt>{t('ui.traffic.col.rate')}</dt>
          <dd>
            {row.sendRate === null && row.receiveRate === null ? (
              <span title={trafficReason(row, 'rate', t)}>{NONE}</span>
            ) : (
              <>
                {UP} {formatRate(row.sendRate ?? 0)}
                {SEPARATOR}
                {DOWN} {formatRate(row.receiveRate ?? 0)}
              </>
            )}
          </dd>
          <dt>{t('ui.scan.col.rtt')}</dt>
          <dd>
            {row.rttMs !== null ? formatRtt(row.rttMs) : NONE}
            {info ? <span className="muted">{t('ui.traffic.panel.rttVar', { value: formatRtt(info.rttVarMs) })}</span> : null}
          </dd>
          {info ? (
            <>
              <dt>{t('ui.traffic.panel.retransmitted')}</dt>
              <dd>{formatBytes(info.bytesRetrans)}</dd>
              <dt>{t('ui.traffic.panel.segments')}</dt>
              <dd>{t('ui.traffic.panel.segmentsValue', { out: info.segsOut, in: info.segsIn })}</dd>
              <dt>{t('ui.traffic.panel.cwnd')}</dt>
              <dd>{t('ui.traffic.panel.cwndValue', { count: info.cwnd })}</dd>
              <dt>{t('ui.traffic.panel.deliveryRate')}</dt>
              <dd>{formatRate(info.deliveryRate)}</dd>
            </>
          ) : null}
        </dl>
        {counted ? <RateSparkline points={points} /> : null}
      </section>

      <div className="actions" role="group" aria-label={t('ui.process.actions')}>
        {offered.current ? (
          <CloseConnection row={row} localName={names.local} remoteName={names.remote} gone={gone} />
        ) : (
          <span className="muted">{gone ? t('ui.traffic.panel.closedShort') : t('ui.traffic.panel.onlyEstablished')}</span>
        )}
      </div>
    </>
  );
}
