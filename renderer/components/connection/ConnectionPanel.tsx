import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AddressName, SocketRow } from '../../../shared/contract';
import { useNames, useServices, useSockets, useTraffic, useUi } from '../../app/services';
import { formatBytes, formatCount, formatRate, formatRtt } from '../../format/bytes';
import { localEndpoint, OWNER_EXPLANATION, processLabel, protocolLabel, remoteEndpoint } from '../../format/socket';
import { trafficReason } from '../../format/traffic';
import { nameLabel } from '../../stores/names';
import { VisibleText } from '../text/VisibleText';
import { CloseConnection } from './CloseConnection';
import { RateSparkline, sparkPoints, type SparkPoint } from './RateSparkline';
import { closable } from './useCloseConnection';
import './connection.css';

/**
 * The panel that opens on a connection row: both endpoints (named when a name is known), the
 * owning process (its own panel one click away), state, bytes, rates, RTT and the rest of
 * tcp_info, the rates of the last minutes, and "Close connection…" for an established TCP one.
 * The row is read live from the socket store, so the figures move with each tick.
 */
export function ConnectionPanel() {
  const { ui } = useServices();
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
      aria-label="Connection details"
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
    local: nameLabel(localFromSwitch) ?? nameLabel(answers.get(row.localAddress)),
    remote: nameLabel(remoteFromSwitch) ?? nameLabel(answers.get(row.remoteAddress)),
  };
}

function ConnectionBody({ selected, onClose, panel }: { selected: SocketRow; onClose: () => void; panel: React.RefObject<HTMLElement | null> }) {
  const { ui, traffic } = useServices();
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
          {protocolLabel(row)} connection{' '}
          {gone ? <span className="muted">closed</span> : <span className={`state state-${row.state.toLowerCase()}`}>{row.state}</span>}
        </h2>
        <button type="button" className="icon" aria-label="Close connection details" onClick={onClose}>
          ✕
        </button>
      </header>
      {gone ? (
        <p role="status" className="muted">
          This connection has closed; the figures are the last ones seen.
        </p>
      ) : null}

      <section aria-label="Endpoints" className="panel-section">
        <dl className="fields">
          {endpointLine('Local', localEndpoint(row), names.local)}
          {endpointLine('Remote', remoteEndpoint(row), names.remote)}
          <dt>Process</dt>
          <dd>
            {row.pid !== null ? (
              <button type="button" className="link" onClick={() => ui.getState().select(row)} aria-label={`Show process ${processLabel(row)}, pid ${row.pid}`}>
                <VisibleText text={processLabel(row)} /> (pid {row.pid})
              </button>
            ) : (
              <span className="muted">{OWNER_EXPLANATION[row.ownerStatus] || processLabel(row)}</span>
            )}
          </dd>
          <dt>Service</dt>
          <dd>{row.service ? <>{row.service}{row.serviceDescription ? ` — ${row.serviceDescription}` : ''}</> : '—'}</dd>
        </dl>
      </section>

      <section aria-label="Traffic" className="panel-section">
        <h3>Traffic</h3>
        {counted ? null : <p className="muted">{trafficReason(row)}</p>}
        <dl className="fields traffic-fields">
          <dt>Sent</dt>
          <dd>{row.bytesSent !== null ? formatBytes(row.bytesSent) : '—'}</dd>
          <dt>Received</dt>
          <dd>{row.bytesReceived !== null ? formatBytes(row.bytesReceived) : '—'}</dd>
          <dt>Rate</dt>
          <dd>
            {row.sendRate === null && row.receiveRate === null ? (
              <span title={trafficReason(row, 'rate')}>—</span>
            ) : (
              <>
                ↑ {formatRate(row.sendRate ?? 0)} · ↓ {formatRate(row.receiveRate ?? 0)}
              </>
            )}
          </dd>
          <dt>RTT</dt>
          <dd>
            {row.rttMs !== null ? formatRtt(row.rttMs) : '—'}
            {info ? <span className="muted"> ± {formatRtt(info.rttVarMs)}</span> : null}
          </dd>
          {info ? (
            <>
              <dt>Retransmitted</dt>
              <dd>{formatBytes(info.bytesRetrans)}</dd>
              <dt>Segments</dt>
              <dd>
                {formatCount(info.segsOut)} out · {formatCount(info.segsIn)} in
              </dd>
              <dt>Congestion window</dt>
              <dd>{formatCount(info.cwnd)} segments</dd>
              <dt>Delivery rate</dt>
              <dd>{formatRate(info.deliveryRate)}</dd>
            </>
          ) : null}
        </dl>
        {counted ? <RateSparkline points={points} /> : null}
      </section>

      <div className="actions" role="group" aria-label="Actions">
        {offered.current ? (
          <CloseConnection row={row} localName={names.local} remoteName={names.remote} gone={gone} />
        ) : (
          <span className="muted">{gone ? 'Closed.' : 'Only an established TCP connection can be closed from here.'}</span>
        )}
      </div>
    </>
  );
}
