import { useId, useMemo, useState } from 'react';
import { forEachPort, type HostResult, type PortResult } from '../../../shared/contract';
import { VirtualTable } from '../../components/table/VirtualTable';
import type { Column, SortState } from '../../components/table/types';
import { formatMs } from '../../format/time';
import { VisibleText } from '../../components/text/VisibleText';
import { visibleControls } from '../../../shared/text/visible';
import { perT, useT, type T } from '../../i18n/useT';
import { outcomeLabel } from '../../stores/scan/diff';

function hintText(t: T, r: PortResult): string {
  const h = r.hint;
  if (!h) return '';
  const parts: string[] = [];
  if (h.guess) parts.push(h.guess);
  if (h.http) parts.push(h.http.statusLine + (h.http.server ? ` (${h.http.server})` : ''));
  if (h.tls) parts.push(`TLS ${h.tls.protocol ?? ''}${h.tls.subject ? ` ${h.tls.subject}` : ''}${h.tls.selfSigned ? ` ${t('ui.scan.hint.selfSigned')}` : ''}`);
  if (h.banner) parts.push(h.banner);
  return parts.join(' · ');
}

const scanColumns = perT((t): Column<PortResult>[] => [
  { id: 'host', label: t('ui.scan.col.host'), width: 'minmax(9rem, 1fr)', sortKey: 'host', render: (r) => <VisibleText text={r.host} /> },
  { id: 'port', label: t('ui.common.port'), width: '5rem', sortKey: 'port', align: 'end', render: (r) => r.port },
  { id: 'proto', label: t('ui.dashboard.col.proto'), width: '4.75rem', render: (r) => r.protocol.toUpperCase() },
  { id: 'state', label: t('ui.dashboard.col.state'), width: '7.5rem', sortKey: 'state', render: (r) => <span className={`pstate pstate-${r.state.replace('|', '-')}`}>{outcomeLabel(r.state, t)}</span> },
  { id: 'reason', label: t('ui.scan.col.reason'), width: '8rem', render: (r) => <VisibleText text={r.reason} /> },
  { id: 'rtt', label: t('ui.scan.col.rtt'), width: '6rem', sortKey: 'rtt', align: 'end', render: (r) => (r.rttMs === null ? '' : formatMs(t.fmt, r.rttMs)) },
  // What the port answered beats what the IANA registry says (8000 is "irdmi" there, http here).
  {
    id: 'service',
    label: t('ui.dashboard.col.service'),
    width: 'minmax(6rem, 0.6fr)',
    sortKey: 'service',
    render: (r) => (
      <span title={r.hint?.guess && r.service ? t('ui.scan.registeredFor', { service: r.service }) : undefined}>
        <VisibleText text={serviceName(r)} />
      </span>
    ),
  },
  { id: 'hint', label: t('ui.scan.col.hint'), width: 'minmax(10rem, 1.5fr)', render: (r) => <span title={visibleControls(hintText(t, r))}><VisibleText text={hintText(t, r)} /></span> },
]);

export function serviceName(r: PortResult): string {
  return r.hint?.guess ?? r.service ?? '';
}

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
      return serviceName(r) || '\uffff';
    default:
      return r.port;
  }
}

const getKey = (r: PortResult) => `${r.protocol}|${r.host}|${r.port}`;
const rowTextFor = perT((t) => (r: PortResult) => `${r.host}:${r.port}/${r.protocol} ${outcomeLabel(r.state, t)} ${r.reason}${r.rttMs !== null ? ` ${formatMs(t.fmt, r.rttMs)}` : ''}${serviceName(r) ? ` ${serviceName(r)}` : ''}`);

/**
 * Closed ports a scan only counted come back from each host's compact list, so every finished
 * scan shows the same rows whatever its size (without their round-trip times, which were not kept).
 */
function withCountedClosed(results: readonly PortResult[], hosts: readonly HostResult[], protocol: PortResult['protocol']): PortResult[] {
  const out = results.slice();
  for (const h of hosts) {
    if (h.closedOmitted === 0 || typeof h.closedPorts !== 'string') continue;
    const listed = new Set(results.filter((r) => r.host === h.address && r.state === 'closed').map((r) => r.port));
    const reason = protocol === 'udp' ? 'port-unreach' : 'conn-refused';
    forEachPort(h.closedPorts, (port) => {
      if (!listed.has(port)) out.push({ host: h.address, port, protocol, state: 'closed', reason, rttMs: null, service: null, hint: null });
    });
  }
  return out;
}

export function ScanResults({
  results,
  hosts = [],
  protocol = 'tcp',
  running = false,
  closedOmitted,
}: {
  results: readonly PortResult[];
  hosts?: readonly HostResult[];
  /** Without `hosts`: closed ports counted but not listed (older callers). */
  closedOmitted?: number;
  protocol?: PortResult['protocol'];
  running?: boolean;
}) {
  const t = useT();
  const [onlyOpen, setOnlyOpen] = useState(false);
  const [sort, setSort] = useState<SortState>({ key: 'host', dir: 'asc' });
  const checkId = useId();
  // Closed ports of older results that kept no list of them: counted, not recorded.
  const notRecorded = closedOmitted ?? hosts.reduce((n, h) => n + (typeof h.closedPorts === 'string' ? 0 : h.closedOmitted), 0);
  const rows = useMemo(() => {
    const filtered = onlyOpen ? results.filter((r) => r.state === 'open') : withCountedClosed(results, hosts, protocol);
    const sign = sort.dir === 'asc' ? 1 : -1;
    return filtered.sort((a, b) => {
      const x = sortValue(a, sort.key);
      const y = sortValue(b, sort.key);
      return (x < y ? -sign : x > y ? sign : 0) || a.port - b.port;
    });
  }, [results, hosts, protocol, onlyOpen, sort]);

  return (
    // A few results get a short table; many get a scrolling one.
    <section className="panel table-panel scan-results" aria-label={t('ui.scan.results.label')} style={{ height: Math.min(460, Math.max(170, 80 + rows.length * 28)) }}>
      <header className="panel-head">
        <h2>
          {t('ui.scan.results.title')} <span className="count">{t.fmt.number(rows.length)}</span>
          {notRecorded > 0 ? <span className="muted">{t('ui.scan.results.notRecorded', { count: notRecorded })}</span> : null}
        </h2>
        <div className="panel-controls">
          <label className="check" htmlFor={checkId}>
            <input id={checkId} type="checkbox" checked={onlyOpen} onChange={(e) => setOnlyOpen(e.target.checked)} /> {t('ui.scan.results.openOnly')}
          </label>
        </div>
      </header>
      <VirtualTable
        label={t('ui.scan.results.label')}
        items={rows}
        columns={scanColumns(t)}
        getKey={getKey}
        copyText={rowTextFor(t)}
        sort={sort}
        onSort={(key) => setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' }))}
        empty={running ? t('ui.scan.results.scanning') : t('ui.scan.results.none')}
      />
    </section>
  );
}
