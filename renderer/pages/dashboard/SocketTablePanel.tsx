import { useCallback, useId, useMemo, useState, type ReactNode } from 'react';
import type { SocketRow } from '../../../shared/contract';
import { useServices, useUi } from '../../app/services';
import { VirtualTable } from '../../components/table/VirtualTable';
import type { Column, SortState } from '../../components/table/types';
import { DEFAULT_FILTER, filterRows, sortRows, type RowFilter, type SortKey } from '../../stores/sockets/query';
import { isUnidentified } from '../../stores/sockets/search';
import type { LiveRow } from '../../stores/sockets/table';
import type { ColumnPrefs, TableId } from '../../stores/ui';
import { localEndpoint, processLabel, protocolLabel, remoteEndpoint } from '../../format/socket';
import { perT, useT } from '../../i18n/useT';
import { ColumnChooser } from './ColumnChooser';

export interface SocketTablePanelProps {
  /** The dashboard's tables remember their columns under this id; without it (a saved report) nothing is remembered. */
  table?: TableId;
  title: string;
  /** Every row of this table (for the count); `visible` are those the filters let through. */
  rows: readonly LiveRow[];
  visible?: readonly LiveRow[];
  /** Instead of `visible`: filter `rows` here. */
  filter?: RowFilter;
  columns: readonly Column<LiveRow>[];
  initialSort: SortState;
  onOpen: (row: SocketRow) => void;
  /** Filters only this table has (exposure, state), rendered in its header. */
  controls?: ReactNode;
  empty: ReactNode;
}

const getKey = (l: LiveRow) => l.row.id;
const getMark = (l: LiveRow) => l.mark;
const getRowClass = (l: LiveRow) => (isUnidentified(l.row) ? 'row-unidentified' : undefined);
/** The row as one line for Ctrl+C (pasted into tickets): the same words the row shows. */
const rowTextFor = perT(
  (t) =>
    ({ row }: LiveRow) =>
      `${protocolLabel(row)} ${localEndpoint(row)} -> ${remoteEndpoint(row)} ${row.state} ${processLabel(row, t)}${row.pid !== null ? ` (${t('ui.common.pid', { pid: row.pid })})` : ''}`,
);

const NO_PREFS: ColumnPrefs = { hidden: [], widths: {} };

export function SocketTablePanel({ table, title, rows, visible: given, filter, columns, initialSort, onOpen, controls, empty }: SocketTablePanelProps) {
  const { ui } = useServices();
  const t = useT();
  const [sort, setSort] = useState<SortState>(initialSort);
  const headingId = useId();
  const prefs = useUi((s) => (table ? s.layout.columns[table] : NO_PREFS));
  const filtered = useMemo(() => given ?? filterRows(rows, filter ?? DEFAULT_FILTER), [given, rows, filter]);
  const visible = filtered;
  const shownColumns = useMemo(() => {
    const shown = columns.filter((c) => !prefs.hidden.includes(c.id));
    return shown.length > 0 ? shown : columns.slice(0, 1);
  }, [columns, prefs.hidden]);
  const sorted = useMemo(() => sortRows(visible, { key: sort.key as SortKey, dir: sort.dir }), [visible, sort]);
  const onSort = useCallback(
    (key: string) => setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: columns.find((c) => c.sortKey === key)?.firstSort ?? 'asc' })),
    [columns],
  );
  const onActivate = useCallback((l: LiveRow) => onOpen(l.row), [onOpen]);
  const onResize = useCallback((column: string, width: number | null) => table && ui.getState().setColumnWidth(table, column, width), [ui, table]);
  const live = rows.reduce((n, l) => (l.mark === 'closing' ? n : n + 1), 0);
  const narrowed = visible.length !== rows.length;

  return (
    <section className="panel table-panel" aria-labelledby={headingId}>
      <header className="panel-head">
        <h2 id={headingId}>
          {title} <span className="count">{narrowed ? t('ui.dashboard.table.countOf', { shown: visible.length, total: live }) : t.fmt.number(live)}</span>
        </h2>
        <div className="panel-controls">
          {controls}
          {table ? <ColumnChooser table={table} title={title} columns={columns} hidden={prefs.hidden} /> : null}
        </div>
      </header>
      <VirtualTable
        label={title}
        items={sorted}
        columns={shownColumns}
        getKey={getKey}
        getMark={getMark}
        getRowClass={getRowClass}
        onActivate={onActivate}
        copyText={rowTextFor(t)}
        sort={sort}
        onSort={onSort}
        widths={prefs.widths}
        onResize={table ? onResize : undefined}
        empty={rows.length > 0 && visible.length === 0 ? t('ui.dashboard.table.noMatch') : empty}
      />
    </section>
  );
}
