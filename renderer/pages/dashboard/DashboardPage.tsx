import { useCallback, useDeferredValue, useEffect, useId, useMemo, useRef } from 'react';
import { SOCKET_STATES, type SocketRow } from '../../../shared/contract';
import { useNames, useServices, useSockets, useUi } from '../../app/services';
import { listeningColumns, liveConnectionColumns } from '../../components/table/socketColumns';
import { exposureLabel, EXPOSURES } from '../../format/socket';
import { useT } from '../../i18n/useT';
import { useDebounced } from '../../hooks/useDebounced';
import { filterRows, isFiltering, type RowFilter } from '../../stores/sockets/query';
import { setSearchLanguage } from '../../stores/sockets/search';
import { splitRows } from '../../stores/sockets/stats';
import { DashboardCharts } from './DashboardCharts';
import { DashboardToolbar } from './DashboardToolbar';
import { ResolveSwitch } from './ResolveSwitch';
import { SocketTablePanel } from './SocketTablePanel';
import { TableSplitter } from './TableSplitter';
import { TableState } from './TableState';

/** Typing goes to the search box: `/` (as on GitHub) and Ctrl+F / Cmd+F (as in TCPView) from anywhere on the dashboard. */
function useSearchShortcut(search: React.RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = target?.closest('input, textarea, select, [contenteditable="true"]') !== null && target !== null;
      const find = (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f';
      if (!find && (e.key !== '/' || typing || e.ctrlKey || e.metaKey || e.altKey)) return;
      if (document.querySelector('[role="dialog"]')) return; // a modal owns the keyboard
      e.preventDefault();
      search.current?.focus();
      search.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [search]);
}

export function DashboardPage() {
  const { ui } = useServices();
  const t = useT();
  // Words typed into the search match the labels as this page shows them (and the English ones).
  setSearchLanguage(t.lang === 'en' ? null : t);
  // A tick re-sorts and re-filters 10,000 rows: deferred, React renders it at low priority and
  // keeps scrolling, typing and clicks ahead of it.
  const rows = useDeferredValue(useSockets((s) => s.table.rows));
  const processes = useDeferredValue(useSockets((s) => s.table.processes));
  // The search and filters live in the UI store: they are still there after a visit to Scan.
  const filter = useUi((s) => s.filter);
  const layout = useUi((s) => s.layout);
  const settledSearch = useDebounced(filter.search, 120);
  const exposureId = useId();
  const stateId = useId();
  const searchRef = useRef<HTMLInputElement>(null);
  useSearchShortcut(searchRef);
  const setFilter = useCallback((patch: Partial<RowFilter>) => ui.getState().setFilter(patch), [ui]);

  const { listening, connections } = useMemo(() => splitRows(rows), [rows]);
  const listenFilter = useMemo<RowFilter>(() => ({ ...filter, search: settledSearch, state: 'any' }), [filter, settledSearch]);
  const connFilter = useMemo<RowFilter>(() => ({ ...filter, search: settledSearch, exposure: 'any' }), [filter, settledSearch]);
  const listeningShown = useMemo(() => filterRows(listening, listenFilter, processes), [listening, listenFilter, processes]);
  const connectionsShown = useMemo(() => filterRows(connections, connFilter, processes), [connections, connFilter, processes]);
  const filtering = isFiltering(listenFilter) || isFiltering(connFilter);
  const open = useCallback((row: SocketRow) => ui.getState().select(row), [ui]);
  const openConnection = useCallback((row: SocketRow) => ui.getState().openConnection(row), [ui]);
  const tables = useRef<HTMLDivElement>(null);
  const names = useNames((s) => (s.enabled ? s.names : null));
  const connectionColumns = useMemo(() => liveConnectionColumns(t, names), [t, names]);

  return (
    <div className="dashboard">
      <DashboardToolbar searchRef={searchRef} filter={filter} onFilter={setFilter} />
      {layout.chartsCollapsed ? null : (
        <DashboardCharts listening={listeningShown} connections={connectionsShown} filtering={filtering} filterKey={JSON.stringify([listenFilter, connFilter])} />
      )}
      <div className="tables" ref={tables} style={{ gridTemplateRows: `minmax(0, ${layout.split}fr) auto minmax(0, ${1 - layout.split}fr)` }}>
        <SocketTablePanel
          table="listening"
          title={t('ui.dashboard.listening.title')}
          rows={listening}
          visible={listeningShown}
          columns={listeningColumns(t)}
          initialSort={{ key: 'localPort', dir: 'asc' }}
          onOpen={open}
          empty={<TableState what={t('ui.dashboard.listening.none')} />}
          controls={
            <>
              <label htmlFor={exposureId}>{t('ui.dashboard.col.exposure')}</label>
              <select id={exposureId} value={filter.exposure} onChange={(e) => setFilter({ exposure: e.target.value as RowFilter['exposure'] })}>
                <option value="any">{t('ui.dashboard.filter.any')}</option>
                {EXPOSURES.map((k) => (
                  <option key={k} value={k}>
                    {exposureLabel(t, k)}
                  </option>
                ))}
              </select>
            </>
          }
        />
        <TableSplitter container={tables} />
        <SocketTablePanel
          table="connections"
          title={t('ui.dashboard.connections.title')}
          rows={connections}
          visible={connectionsShown}
          columns={connectionColumns}
          initialSort={{ key: 'state', dir: 'asc' }}
          onOpen={openConnection}
          empty={<TableState what={t('ui.dashboard.connections.none')} />}
          controls={
            <>
              <ResolveSwitch rows={connectionsShown} />
              <label htmlFor={stateId}>{t('ui.dashboard.col.state')}</label>
              <select id={stateId} value={filter.state} onChange={(e) => setFilter({ state: e.target.value as RowFilter['state'] })}>
                <option value="any">{t('ui.dashboard.filter.any')}</option>
                <option value="no-time-wait">{t('ui.dashboard.filter.noTimeWait')}</option>
                {SOCKET_STATES.filter((s) => s !== 'LISTEN').map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </>
          }
        />
      </div>
    </div>
  );
}
