import type { AddressName, RiskNote as Risk } from '../../../shared/contract';
import { nameLabel } from '../../stores/names';
import type { LiveRow } from '../../stores/sockets/table';
import { EXPOSURE_LABEL, localAddressLabel, localEndpoint, processLabel, protocolLabel, remoteEndpoint } from '../../format/socket';
import { ExposureBadge } from '../badges/ExposureBadge';
import { RiskNote } from '../badges/RiskNote';
import { ProcessCell } from '../process/ProcessCell';
import { VisibleText } from '../text/VisibleText';
import { RemoteCell } from './RemoteCell';
import { TRAFFIC_COLUMNS } from './trafficColumns';
import type { Column } from './types';

const MARK_TEXT = { new: 'new', changed: 'changed', closing: 'closing' } as const;

/** Colour is not the only cue: the row mark is also said in text (hidden visually). */
function MarkText({ live }: { live: LiveRow }) {
  return live.mark ? <span className="sr-only"> ({MARK_TEXT[live.mark]})</span> : null;
}

const RANK = { danger: 3, warning: 2, info: 1 } as const;
function topRisk(risks: readonly Risk[]): string {
  let top: Risk | null = null;
  for (const r of risks) if (!top || RANK[r.severity] > RANK[top.severity]) top = r;
  return top?.message ?? '';
}

const processColumn: Column<LiveRow> = {
  id: 'process',
  label: 'Process',
  width: 'minmax(7rem, 1fr)',
  sortKey: 'process',
  render: (l) => <ProcessCell row={l.row} />,
  text: (l) => processLabel(l.row),
  extra: 22, // the icon
};
const pidColumn: Column<LiveRow> = { id: 'pid', label: 'PID', width: '5rem', sortKey: 'pid', align: 'end', render: (l) => l.row.pid ?? '', text: (l) => String(l.row.pid ?? '') };
const userColumn: Column<LiveRow> = { id: 'user', label: 'User', width: '6rem', sortKey: 'user', render: (l) => <VisibleText text={l.row.user ?? ''} />, text: (l) => l.row.user ?? '' };

export const LISTENING_COLUMNS: Column<LiveRow>[] = [
  {
    id: 'protocol',
    label: 'Proto',
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
  { id: 'address', label: 'Address', width: 'minmax(9rem, 1.3fr)', sortKey: 'local', render: (l) => localAddressLabel(l.row), text: (l) => localAddressLabel(l.row) },
  { id: 'port', label: 'Port', width: '4.5rem', sortKey: 'localPort', align: 'end', render: (l) => l.row.localPort, text: (l) => String(l.row.localPort) },
  {
    id: 'service',
    label: 'Service',
    width: 'minmax(6rem, 0.8fr)',
    sortKey: 'service',
    render: (l) => <span title={l.row.serviceDescription ?? undefined}>{l.row.service ?? ''}</span>,
    text: (l) => l.row.service ?? '',
  },
  { id: 'exposure', label: 'Exposure', width: '8rem', sortKey: 'exposure', render: (l) => <ExposureBadge exposure={l.row.exposure} />, text: (l) => EXPOSURE_LABEL[l.row.exposure], extra: 16 },
  { id: 'risk', label: 'Risk', width: 'minmax(8rem, 1.4fr)', sortKey: 'risk', render: (l) => <RiskNote risks={l.row.risks} />, text: (l) => topRisk(l.row.risks), extra: 18 },
  processColumn,
  pidColumn,
  userColumn,
];

export const CONNECTION_COLUMNS: Column<LiveRow>[] = [
  {
    id: 'state',
    label: 'State',
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
  { id: 'protocol', label: 'Proto', width: '4.5rem', sortKey: 'protocol', render: (l) => protocolLabel(l.row), text: (l) => protocolLabel(l.row) },
  { id: 'local', label: 'Local', width: 'minmax(10rem, 1.2fr)', sortKey: 'local', render: (l) => localEndpoint(l.row), text: (l) => localEndpoint(l.row) },
  { id: 'remote', label: 'Remote', width: 'minmax(10rem, 1.2fr)', sortKey: 'remote', render: (l) => remoteEndpoint(l.row), text: (l) => remoteEndpoint(l.row) },
  { id: 'service', label: 'Service', width: 'minmax(5rem, 0.6fr)', sortKey: 'service', render: (l) => l.row.service ?? '', text: (l) => l.row.service ?? '' },
  ...TRAFFIC_COLUMNS,
  processColumn,
  pidColumn,
  userColumn,
];

/**
 * The dashboard's connections: the remote column shows names when "Resolve addresses" is on
 * (`names`, null when off). Rebuilt when names arrive, so the column sizes to the names too. A
 * saved report keeps plain addresses (this machine's names may not hold for another's report).
 */
export function liveConnectionColumns(names: ReadonlyMap<string, AddressName> | null): Column<LiveRow>[] {
  return CONNECTION_COLUMNS.map((c) =>
    c.id === 'remote'
      ? {
          ...c,
          render: (l: LiveRow) => <RemoteCell row={l.row} />,
          text: (l: LiveRow) => {
            const label = names ? nameLabel(names.get(l.row.remoteAddress)) : null;
            return label ? `${label}:${l.row.remotePort}` : remoteEndpoint(l.row);
          },
        }
      : c,
  );
}
