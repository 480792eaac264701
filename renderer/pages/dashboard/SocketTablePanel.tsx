import { useCallback, useId, useMemo, useState, type ReactNode } from 'react';
import type { SocketRow } from '../../../shared/contract';
import { VirtualTable } from '../../components/table/VirtualTable';
import type { Column, SortState } from '../../components/table/types';
import { filterRows, sortRows, type RowFilter, type SortKey } from '../../stores/sockets/query';
import type { LiveRow } from '../../stores/sockets/table';
import { localEndpoint, processLabel, protocolLabel, remoteEndpoint } from '../../format/socket';

export interface SocketTablePanelProps {
  title: string;
  rows: readonly LiveRow[];
  columns: readonly Column<LiveRow>[];
  filter: RowFilter;
  initialSort: SortState;
  onOpen: (row: SocketRow) => void;
  /** Filters only this table has (exposure, state), rendered in its header. */
  controls?: ReactNode;
  empty: ReactNode;
}

const getKey = (l: LiveRow) => l.row.id;
const getMark = (l: LiveRow) => l.mark;
const rowText = ({ row }: LiveRow) =>
  `${protocolLabel(row)} ${localEndpoint(row)} -> ${remoteEndpoint(row)} ${row.state} ${processLabel(row)}${row.pid !== null ? ` (pid ${row.pid})` : ''}`;

export function SocketTablePanel({ title, rows, columns, filter, initialSort, onOpen, controls, empty }: SocketTablePanelProps) {
  const [sort, setSort] = useState<SortState>(initialSort);
  const headingId = useId();
  const visible = useMemo(() => sortRows(filterRows(rows, filter), { key: sort.key as SortKey, dir: sort.dir }), [rows, filter, sort]);
  const onSort = useCallback((key: string) => setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' })), []);
  const onActivate = useCallback((l: LiveRow) => onOpen(l.row), [onOpen]);
  const live = rows.reduce((n, l) => (l.mark === 'closing' ? n : n + 1), 0);
  const filtered = visible.length !== rows.length;

  return (
    <section className="panel table-panel" aria-labelledby={headingId}>
      <header className="panel-head">
        <h2 id={headingId}>
          {title} <span className="count">{filtered ? `${visible.length.toLocaleString()} of ${live.toLocaleString()}` : live.toLocaleString()}</span>
        </h2>
        <div className="panel-controls">{controls}</div>
      </header>
      <VirtualTable
        label={title}
        items={visible}
        columns={columns}
        getKey={getKey}
        getMark={getMark}
        onActivate={onActivate}
        copyText={rowText}
        sort={sort}
        onSort={onSort}
        empty={rows.length > 0 && visible.length === 0 ? 'No socket matches the search and filters.' : empty}
      />
    </section>
  );
}
