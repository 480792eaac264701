import type { AddressName, RiskNote as Risk } from '../../../shared/contract';
import { nameLabel } from '../../stores/names';
import type { LiveRow } from '../../stores/sockets/table';
import { exposureLabel, localAddressLabel, localEndpoint, processLabel, protocolLabel, remoteEndpoint } from '../../format/socket';
import { perT, useT, type T } from '../../i18n/useT';
import { ExposureBadge } from '../badges/ExposureBadge';
import { RiskNote } from '../badges/RiskNote';
import { ProcessCell } from '../process/ProcessCell';
import { VisibleText } from '../text/VisibleText';
import { RemoteCell } from './RemoteCell';
import { trafficColumns } from './trafficColumns';
import type { Column } from './types';

const MARK_TEXT = { new: 'ui.dashboard.mark.new', changed: 'ui.dashboard.mark.changed', closing: 'ui.dashboard.mark.closing' } as const;

/** Colour is not the only cue: the row mark is also said in text (hidden visually). */
function MarkText({ live }: { live: LiveRow }) {
  const t = useT();
  return live.mark ? <span className="sr-only">{t(MARK_TEXT[live.mark])}</span> : null;
}

const RANK = { danger: 3, warning: 2, info: 1 } as const;
function topRisk(t: T, risks: readonly Risk[]): string {
  let top: Risk | null = null;
  for (const r of risks) if (!top || RANK[r.severity] > RANK[top.severity]) top = r;
  return top ? t.engine(top) : '';
}

const ownerColumns = (t: T): Column<LiveRow>[] => [
  {
  id: 'process',
  label: t('ui.dashboard.col.process'),
  width: 'minmax(7rem, 1fr)',
  sortKey: 'process',
  render: (l) => <ProcessCell row={l.row} />,
  text: (l) => processLabel(l.row, t),
  extra: 22, // the icon
  },
  { id: 'pid', label: t('ui.dashboard.col.pid'), width: '5rem', sortKey: 'pid', align: 'end', render: (l) => l.row.pid ?? '', text: (l) => String(l.row.pid ?? '') },
  { id: 'user', label: t('ui.dashboard.col.user'), width: '6rem', sortKey: 'user', render: (l) => <VisibleText text={l.row.user ?? ''} />, text: (l) => l.row.user ?? '' },
];

/** The listening table's columns, labelled in the reader's language (made once per language). */
export const listeningColumns = perT((t): Column<LiveRow>[] => [
  {
    id: 'protocol',
    label: t('ui.dashboard.col.proto'),
    width: '4.5rem',
    sortKey: 'protocol',
    render: (l) => (
      <>
        {protocolLabel(l.row)}
        <MarkText live={l} />
      </>
    ),
    text: (l) => protocolLabel(l.row),
  },
  { id: 'address', label: t('ui.dashboard.col.address'), width: 'minmax(9rem, 1.3fr)', sortKey: 'local', render: (l) => localAddressLabel(l.row), text: (l) => localAddressLabel(l.row) },
  { id: 'port', label: t('ui.dashboard.col.port'), width: '4.5rem', sortKey: 'localPort', align: 'end', render: (l) => l.row.localPort, text: (l) => String(l.row.localPort) },
  {
    id: 'service',
    label: t('ui.dashboard.col.service'),
    width: 'minmax(6rem, 0.8fr)',
    sortKey: 'service',
    render: (l) => <span title={l.row.serviceDescription ?? undefined}>{l.row.service ?? ''}</span>,
    text: (l) => l.row.service ?? '',
  },
  { id: 'exposure', label: t('ui.dashboard.col.exposure'), width: '8rem', sortKey: 'exposure', render: (l) => <ExposureBadge exposure={l.row.exposure} />, text: (l) => exposureLabel(t, l.row.exposure), extra: 16 },
  { id: 'risk', label: t('ui.dashboard.col.risk'), width: 'minmax(8rem, 1.4fr)', sortKey: 'risk', render: (l) => <RiskNote risks={l.row.risks} />, text: (l) => topRisk(t, l.row.risks), extra: 18 },
  ...ownerColumns(t),
]);

/** The connections table's columns. */
export const connectionColumns = perT((t): Column<LiveRow>[] => [
  {
    id: 'state',
    label: t('ui.dashboard.col.state'),
    width: '8.5rem',
    sortKey: 'state',
    render: (l) => (
      <>
        <span className={`state state-${l.row.state.toLowerCase()}`}>{l.row.state}</span>
        <MarkText live={l} />
      </>
    ),
    text: (l) => l.row.state,
  },
  { id: 'protocol', label: t('ui.dashboard.col.proto'), width: '4.5rem', sortKey: 'protocol', render: (l) => protocolLabel(l.row), text: (l) => protocolLabel(l.row) },
  { id: 'local', label: t('ui.dashboard.col.local'), width: 'minmax(10rem, 1.2fr)', sortKey: 'local', render: (l) => localEndpoint(l.row), text: (l) => localEndpoint(l.row) },
  { id: 'remote', label: t('ui.dashboard.col.remote'), width: 'minmax(10rem, 1.2fr)', sortKey: 'remote', render: (l) => remoteEndpoint(l.row), text: (l) => remoteEndpoint(l.row) },
  { id: 'service', label: t('ui.dashboard.col.service'), width: 'minmax(5rem, 0.6fr)', sortKey: 'service', render: (l) => l.row.service ?? '', text: (l) => l.row.service ?? '' },
  ...trafficColumns(t),
  ...ownerColumns(t),
]);

/**
 * The dashboard's connections: the remote column shows names when "Resolve addresses" is on
 * (`names`, null when off). Rebuilt when names arrive, so the column sizes to the names too. A
 * saved report keeps plain addresses (this machine's names may not hold for another's report).
 */
export function liveConnectionColumns(t: T, names: ReadonlyMap<string, AddressName> | null): Column<LiveRow>[] {
  return connectionColumns(t).map((c) =>
    c.id === 'remote'
      ? {
          ...c,
          render: (l: LiveRow) => <RemoteCell row={l.row} />,
          text: (l: LiveRow) => {
            const label = names ? nameLabel(names.get(l.row.remoteAddress), t) : null;
            return label ? `${label}:${l.row.remotePort}` : remoteEndpoint(l.row);
          },
        }
      : c,
  );
}
