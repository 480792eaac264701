import { useMemo } from 'react';
import type { ReportDiff } from '../../../shared/contract';
import { VirtualTable } from '../../components/table/VirtualTable';
import type { Column } from '../../components/table/types';
import { VisibleText } from '../../components/text/VisibleText';
import { localAddressLabel, processLabel, protocolLabel } from '../../format/socket';
import { formatDateTime } from '../../format/time';
import { diffEntries, diffSummary, ownerText, type DiffEntry } from '../../features/reports/view';
import { perT, useT } from '../../i18n/useT';

const CHANGE_TEXT = {
  added: 'ui.reports.diff.added',
  removed: 'ui.reports.diff.removed',
  changed: 'ui.reports.diff.changed',
} as const satisfies Record<DiffEntry['change'], string>;

const diffColumns = perT((t): Column<DiffEntry>[] => [
  { id: 'change', label: t('ui.reports.diff.change'), width: '9.5rem', render: (e) => <span className="change-label">{t(CHANGE_TEXT[e.change])}</span> },
  { id: 'protocol', label: t('ui.dashboard.col.proto'), width: '4.5rem', render: (e) => protocolLabel(e.live.row) },
  { id: 'address', label: t('ui.dashboard.col.address'), width: 'minmax(9rem, 1.2fr)', render: (e) => localAddressLabel(e.live.row) },
  { id: 'port', label: t('ui.common.port'), width: '4.5rem', align: 'end', render: (e) => e.live.row.localPort },
  { id: 'service', label: t('ui.dashboard.col.service'), width: 'minmax(5rem, 0.7fr)', render: (e) => e.live.row.service ?? '' },
  { id: 'process', label: t('ui.dashboard.col.process'), width: 'minmax(7rem, 1fr)', render: (e) => <VisibleText text={processLabel(e.live.row, t)} /> },
  { id: 'pid', label: t('ui.dashboard.col.pid'), width: '5rem', align: 'end', render: (e) => e.live.row.pid ?? '' },
  {
    id: 'before',
    label: t('ui.reports.diff.inReport'),
    width: 'minmax(10rem, 1.4fr)',
    render: (e) => <VisibleText text={e.before ? ownerText(e.before, t) : e.change === 'removed' ? ownerText(e.live.row, t) : t('ui.reports.diff.notListening')} />,
  },
]);

const getKey = (e: DiffEntry) => e.key;
const getMark = (e: DiffEntry) => e.live.mark;

/** "What changed since this report": listeners added, gone, or with another owner, in TCPView's colours. */
export function DiffPanel({ diff, reportHost, comparing, onCompare }: { diff: ReportDiff; reportHost: string; comparing: boolean; onCompare: () => void }) {
  const t = useT();
  const entries = useMemo(() => diffEntries(diff), [diff]);
  return (
    <section className="panel table-panel" aria-labelledby="report-diff-h">
      <header className="panel-head">
        <h2 id="report-diff-h">{t('ui.reports.diff.title')}</h2>
        <div className="panel-controls">
          <span className="muted">{t('ui.reports.diff.compared', { time: formatDateTime(t.fmt, diff.comparedAt) })}</span>
          <button type="button" onClick={onCompare} disabled={comparing}>
            {comparing ? t('ui.reports.diff.comparing') : t('ui.reports.diff.again')}
          </button>
        </div>
      </header>
      {diff.hostname !== reportHost ? (
        <p className="banner banner-warn" role="note">
          {t.rich('ui.reports.diff.otherHost', { reportHost: <VisibleText text={reportHost} />, liveHost: <VisibleText text={diff.hostname} /> })}
        </p>
      ) : null}
      <p className="sr-only" role="status">
        {diffSummary(diff, t)}
      </p>
      <div className="diff-counts" aria-hidden="true">
        <span className="diff-chip added">{t('ui.reports.diff.chipAdded', { count: diff.added.length })}</span>
        <span className="diff-chip removed">{t('ui.reports.diff.chipRemoved', { count: diff.removed.length })}</span>
        <span className="diff-chip changed">{t('ui.reports.diff.chipChanged', { count: diff.changed.length })}</span>
        <span>{t('ui.reports.diff.chipUnchanged', { count: diff.unchanged })}</span>
      </div>
      <div className="report-table" style={{ height: Math.min(260, Math.max(132, 34 + entries.length * 28 + 6)) }}>
        <VirtualTable label={t('ui.reports.diff.tableLabel')} items={entries} columns={diffColumns(t)} getKey={getKey} getMark={getMark} empty={t('ui.reports.diff.none')} />
      </div>
    </section>
  );
}
