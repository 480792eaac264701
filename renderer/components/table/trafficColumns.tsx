import type { SocketRow } from '../../../shared/contract';
import { formatBytes, formatRate, formatRtt } from '../../format/bytes';
import { NO_VALUE, ratesText, trafficReason } from '../../format/traffic';
import type { LiveRow } from '../../stores/sockets/table';
import type { Column } from './types';
import './traffic.css';

/** "—" with the reason as its tooltip (and said to screen readers), where the OS gives no figure. */
function Missing({ reason }: { reason: string }) {
  return (
    <span className="traffic-missing" title={reason} aria-label={`not available: ${reason}`}>
      {NO_VALUE}
    </span>
  );
}

function bytesCell(n: number | null, row: SocketRow) {
  return n === null ? <Missing reason={trafficReason(row)} /> : formatBytes(n);
}

function RateCell({ row }: { row: SocketRow }) {
  if (row.sendRate === null && row.receiveRate === null) return <Missing reason={trafficReason(row, 'rate')} />;
  return (
    <span className={row.sendRate || row.receiveRate ? 'rates' : 'rates rates-idle'} title={`sending ${formatRate(row.sendRate ?? 0)}, receiving ${formatRate(row.receiveRate ?? 0)}`}>
      <span className="rate-up">↑ {formatRate(row.sendRate ?? 0)}</span> <span className="rate-down">↓ {formatRate(row.receiveRate ?? 0)}</span>
    </span>
  );
}

/**
 * Byte counters, rates and RTT for the connections table (TCPView's Sent/Received columns).
 * Numeric sorts, busiest first on the first click; rows without figures sort last.
 */
export const TRAFFIC_COLUMNS: Column<LiveRow>[] = [
  {
    id: 'sent',
    label: 'Sent',
    width: '5.5rem',
    sortKey: 'sent',
    firstSort: 'desc',
    align: 'end',
    render: (l) => bytesCell(l.row.bytesSent, l.row),
    text: (l) => (l.row.bytesSent === null ? NO_VALUE : formatBytes(l.row.bytesSent)),
  },
  {
    id: 'received',
    label: 'Received',
    width: '5.5rem',
    sortKey: 'received',
    firstSort: 'desc',
    align: 'end',
    render: (l) => bytesCell(l.row.bytesReceived, l.row),
    text: (l) => (l.row.bytesReceived === null ? NO_VALUE : formatBytes(l.row.bytesReceived)),
  },
  {
    id: 'rate',
    label: 'Rate',
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
    label: 'RTT',
    width: '4.5rem',
    sortKey: 'rtt',
    firstSort: 'desc',
    align: 'end',
    render: (l) => (l.row.rttMs === null ? <Missing reason={trafficReason(l.row, 'round-trip time')} /> : formatRtt(l.row.rttMs)),
    text: (l) => (l.row.rttMs === null ? NO_VALUE : formatRtt(l.row.rttMs)),
  },
];
