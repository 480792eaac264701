import { useId, useMemo, useState } from 'react';
import type { PortResult } from '../../../shared/contract';
import { VirtualTable } from '../../components/table/VirtualTable';
import type { Column, SortState } from '../../components/table/types';
import { formatMs } from '../../format/time';
import { VisibleText } from '../../components/text/VisibleText';
import { visibleControls } from '../../../shared/text/visible';

function hintText(r: PortResult): string {
  const h = r.hint;
  if (!h) return '';
  const parts: string[] = [];
  if (h.guess) parts.push(h.guess);
  if (h.http) parts.push(h.http.statusLine + (h.http.server ? ` (${h.http.server})` : ''));
  if (h.tls) parts.push(`TLS ${h.tls.protocol ?? ''}${h.tls.subject ? ` ${h.tls.subject}` : ''}${h.tls.selfSigned ? ' self-signed' : ''}`);
  if (h.banner) parts.push(h.banner);
  return parts.join(' · ');
}

const COLUMNS: Column<PortResult>[] = [
  { id: 'host', label: 'Host', width: 'minmax(9rem, 1fr)', sortKey: 'host', render: (r) => <VisibleText text={r.host} /> },
  { id: 'port', label: 'Port', width: '5rem', sortKey: 'port', align: 'end', render: (r) => r.port },
  { id: 'proto', label: 'Proto', width: '4rem', render: (r) => r.protocol.toUpperCase() },
  { id: 'state', label: 'State', width: '7.5rem', sortKey: 'state', render: (r) => <span className={`pstate pstate-${r.state.replace('|', '-')}`}>{r.state}</span> },
  { id: 'reason', label: 'Reason', width: '8rem', render: (r) => <VisibleText text={r.reason} /> },
  { id: 'rtt', label: 'RTT', width: '6rem', sortKey: 'rtt', align: 'end', render: (r) => (r.rttMs === null ? '' : formatMs(r.rttMs)) },
  { id: 'service', label: 'Service', width: 'minmax(6rem, 0.6fr)', sortKey: 'service', render: (r) => <VisibleText text={r.service ?? ''} /> },
  { id: 'hint', label: 'Service hint', width: 'minmax(10rem, 1.5fr)', render: (r) => <span title={visibleControls(hintText(r))}><VisibleText text={hintText(r)} /></span> },
];

const STATE_ORDER = { open: 0, 'open|filtered': 1, filtered: 2, closed: 3 } as const;

function sortValue(r: PortResult, key: string): string | number {
  switch (key) {
    case 'host':
      return r.host;
    case 'state':
      return STATE_ORDER[r.state];
    case 'rtt':
      return r.rttMs ?? Number.MAX_VALUE;
    case 'service':
      return r.service ?? '\uffff';
    default:
      return r.port;
  }
}

const getKey = (r: PortResult) => `${r.protocol}|${r.host}|${r.port}`;
const rowText = (r: PortResult) => `${r.host}:${r.port}/${r.protocol} ${r.state} ${r.reason}${r.rttMs !== null ? ` ${formatMs(r.rttMs)}` : ''}${r.service ? ` ${r.service}` : ''}`;

export function ScanResults({ results, closedOmitted, running = false }: { results: readonly PortResult[]; closedOmitted: number; running?: boolean }) {
  const [onlyOpen, setOnlyOpen] = useState(false);
  const [sort, setSort] = useState<SortState>({ key: 'host', dir: 'asc' });
  const checkId = useId();
  const rows = useMemo(() => {
    const filtered = onlyOpen ? results.filter((r) => r.state === 'open') : results.slice();
    const sign = sort.dir === 'asc' ? 1 : -1;
    return filtered.sort((a, b) => {
      const x = sortValue(a, sort.key);
      const y = sortValue(b, sort.key);
      return (x < y ? -sign : x > y ? sign : 0) || a.port - b.port;
    });
  }, [results, onlyOpen, sort]);

  return (
    // A few results get a short table; many get a scrolling one.
    <section className="panel table-panel scan-results" aria-label="Scan results" style={{ height: Math.min(460, Math.max(170, 80 + rows.length * 28)) }}>
      <header className="panel-head">
        <h2>
          Results <span className="count">{rows.length.toLocaleString()}</span>
          {closedOmitted > 0 ? <span className="muted"> · {closedOmitted.toLocaleString()} closed ports not shown</span> : null}
        </h2>
        <div className="panel-controls">
          <label className="check" htmlFor={checkId}>
            <input id={checkId} type="checkbox" checked={onlyOpen} onChange={(e) => setOnlyOpen(e.target.checked)} /> Open only
          </label>
        </div>
      </header>
      <VirtualTable
        label="Scan results"
        items={rows}
        columns={COLUMNS}
        getKey={getKey}
        copyText={rowText}
        sort={sort}
        onSort={(key) => setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' }))}
        empty={running ? 'Scanning… open ports appear here as soon as they are found.' : 'No ports to show.'}
      />
    </section>
  );
}
