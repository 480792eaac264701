import type { SocketRow } from '../../../shared/contract';
import { formatBytes, formatRate, formatRtt } from '../../format/bytes';
import { NO_VALUE, ratesText, trafficReason } from '../../format/traffic';
import { perT, useT } from '../../i18n/useT';
import type { LiveRow } from '../../stores/sockets/table';
import type { Column } from './types';
import './traffic.css';

const UP = '↑';
const DOWN = '↓';

/** "—" with the reason as its tooltip (and said to screen readers), where the OS gives no figure. */
function Missing({ reason }: { reason: string }) {
  const t = useT();
  return (
    <span className="traffic-missing" title={reason} aria-label={t('ui.traffic.missing', { reason })}>
      {NO_VALUE}
    </span>
  );
}

function BytesCell({ n, row }: { n: number | null; row: SocketRow }) {
  const t = useT();
  return n === null ? <Missing reason={trafficReason(row, 'counters', t)} /> : <>{formatBytes(n)}</>;
}

function RateCell({ row }: { row: SocketRow }) {
  const t = useT();
  if (row.sendRate === null && row.receiveRate === null) return <Missing reason={trafficReason(row, 'rate', t)} />;
  const send = formatRate(row.sendRate ?? 0);
  const receive = formatRate(row.receiveRate ?? 0);
  return (
    <span className={row.sendRate || row.receiveRate ? 'rates' : 'rates rates-idle'} title={t('ui.traffic.rateTitle', { send, receive })}>
      <span className="rate-up">
        {UP} {send}
      </span>{' '}
      <span className="rate-down">
        {DOWN} {receive}
      </span>
    </span>
  );
}

function RttCell({ row }: { row: SocketRow }) {
  const t = useT();
  return row.rttMs === null ? <Missing reason={trafficReason(row, 'rtt', t)} /> : <>{formatRtt(row.rttMs)}</>;
}

/**
 * Byte counters, rates and RTT for the connections table (TCPView's Sent/Received columns).
 * Numeric sorts, busiest first on the first click; rows without figures sort last.
 */
export const trafficColumns = perT((t): Column<LiveRow>[] => [
  {
    id: 'sent',
    label: t('ui.traffic.col.sent'),
    width: '5.5rem',
    sortKey: 'sent',
    firstSort: 'desc',
    align: 'end',
    render: (l) => <BytesCell n={l.row.bytesSent} row={l.row} />,
    text: (l) => (l.row.bytesSent === null ? NO_VALUE : formatBytes(l.row.bytesSent, t.lang)),
  },
  {
    id: 'received',
    label: t('ui.traffic.col.received'),
    width: '5.5rem',
    sortKey: 'received',
    firstSort: 'desc',
    align: 'end',
    render: (l) => <BytesCell n={l.row.bytesReceived} row={l.row} />,
    text: (l) => (l.row.bytesReceived === null ? NO_VALUE : formatBytes(l.row.bytesReceived, t.lang)),
  },
  {
    id: 'rate',
    label: t('ui.traffic.col.rate'),
    width: '11rem',
    sortKey: 'rate',
    firstSort: 'desc',
    align: 'end',
    render: (l) => <RateCell row={l.row} />,
    // Sized for a wide value, so the column does not grow with every busier tick.
    text: (l) => (l.row.sendRate === null && l.row.receiveRate === null ? NO_VALUE : ratesText({ sendRate: 9.99 * 1024 * 1024, receiveRate: 9.99 * 1024 * 1024 })),
  },
  {
    id: 'rtt',
    label: t('ui.scan.col.rtt'),
    width: '4.5rem',
    sortKey: 'rtt',
    firstSort: 'desc',
    align: 'end',
    render: (l) => <RttCell row={l.row} />,
    text: (l) => (l.row.rttMs === null ? NO_VALUE : formatRtt(l.row.rttMs)),
  },
]);
