import { useMemo } from 'react';
import type { ReportDiff } from '../../../shared/contract';
import { VirtualTable } from '../../components/table/VirtualTable';
import type { Column } from '../../components/table/types';
import { VisibleText } from '../../components/text/VisibleText';
import { localAddressLabel, processLabel, protocolLabel } from '../../format/socket';
import { formatDateTime } from '../../format/time';
import { diffEntries, diffSummary, ownerText, type DiffEntry } from '../../features/reports/view';

const CHANGE_TEXT: Record<DiffEntry['change'], string> = { added: 'listening now', removed: 'gone', changed: 'new owner' };

const COLUMNS: Column<DiffEntry>[] = [
  { id: 'change', label: 'Change', width: '9.5rem', render: (e) => <span className="change-label">{CHANGE_TEXT[e.change]}</span> },
  { id: 'protocol', label: 'Proto', width: '4.5rem', render: (e) => protocolLabel(e.live.row) },
  { id: 'address', label: 'Address', width: 'minmax(9rem, 1.2fr)', render: (e) => localAddressLabel(e.live.row) },
  { id: 'port', label: 'Port', width: '4.5rem', align: 'end', render: (e) => e.live.row.localPort },
  { id: 'service', label: 'Service', width: 'minmax(5rem, 0.7fr)', render: (e) => e.live.row.service ?? '' },
  { id: 'process', label: 'Process', width: 'minmax(7rem, 1fr)', render: (e) => <VisibleText text={processLabel(e.live.row)} /> },
  { id: 'pid', label: 'PID', width: '5rem', align: 'end', render: (e) => e.live.row.pid ?? '' },
  { id: 'before', label: 'In the report', width: 'minmax(10rem, 1.4fr)', render: (e) => <VisibleText text={e.before ? ownerText(e.before) : e.change === 'removed' ? ownerText(e.live.row) : 'not listening'} /> },
];

const getKey = (e: DiffEntry) => e.key;
const getMark = (e: DiffEntry) => e.live.mark;

/** "What changed since this report": listeners added, gone, or with another owner, in TCPView's colours. */
export function DiffPanel({ diff, reportHost, comparing, onCompare }: { diff: ReportDiff; reportHost: string; comparing: boolean; onCompare: () => void }) {
  const entries = useMemo(() => diffEntries(diff), [diff]);
  return (
    <section className="panel table-panel" aria-labelledby="report-diff-h">
      <header className="panel-head">
        <h2 id="report-diff-h">What changed since this report</h2>
        <div className="panel-controls">
          <span className="muted">compared {formatDateTime(diff.comparedAt)}</span>
          <button type="button" onClick={onCompare} disabled={comparing}>
            {comparing ? 'Comparing…' : 'Compare again'}
          </button>
        </div>
      </header>
      {diff.hostname !== reportHost ? (
        <p className="banner banner-warn" role="note">
          This report was taken on <VisibleText text={reportHost} />; the live state is this machine, <VisibleText text={diff.hostname} />. The comparison says what differs between the two machines.
        </p>
      ) : null}
      <p className="sr-only" role="status">
        {diffSummary(diff)}
      </p>
      <div className="diff-counts" aria-hidden="true">
        <span className="diff-chip added">{diff.added.length} listening now</span>
        <span className="diff-chip removed">{diff.removed.length} gone</span>
        <span className="diff-chip changed">{diff.changed.length} new owner</span>
        <span>{diff.unchanged} unchanged</span>
      </div>
      <div className="report-table" style={{ height: Math.min(260, Math.max(132, 34 + entries.length * 28 + 6)) }}>
        <VirtualTable label="Changes since the report" items={entries} columns={COLUMNS} getKey={getKey} getMark={getMark} empty="No listening port changed since this report." />
      </div>
    </section>
  );
}
