import { useCallback, useDeferredValue, useId, useMemo, useState } from 'react';
import { SOCKET_STATES, type SocketRow } from '../../../shared/contract';
import { useServices, useSockets } from '../../app/services';
import { CONNECTION_COLUMNS, LISTENING_COLUMNS } from '../../components/table/socketColumns';
import { EXPOSURE_LABEL } from '../../format/socket';
import { useDebounced } from '../../hooks/useDebounced';
import { DEFAULT_FILTER, type RowFilter } from '../../stores/sockets/query';
import { splitRows } from '../../stores/sockets/stats';
import { DashboardCharts } from './DashboardCharts';
import { DashboardToolbar } from './DashboardToolbar';
import { SocketTablePanel } from './SocketTablePanel';
import { TableState } from './TableState';

export function DashboardPage() {
  const { ui } = useServices();
  // A tick re-sorts and re-filters 10,000 rows: deferred, React renders it at low priority and
  // keeps scrolling, typing and clicks ahead of it.
  const rows = useDeferredValue(useSockets((s) => s.table.rows));
  const [search, setSearch] = useState('');
  const [protocol, setProtocol] = useState<RowFilter['protocol']>('any');
  const [exposure, setExposure] = useState<RowFilter['exposure']>('any');
  const [state, setState] = useState<RowFilter['state']>('any');
  const settledSearch = useDebounced(search, 120);
  const exposureId = useId();
  const stateId = useId();

  const { listening, connections } = useMemo(() => splitRows(rows), [rows]);
  const listenFilter = useMemo<RowFilter>(() => ({ ...DEFAULT_FILTER, search: settledSearch, protocol, exposure }), [settledSearch, protocol, exposure]);
  const connFilter = useMemo<RowFilter>(() => ({ ...DEFAULT_FILTER, search: settledSearch, protocol, state }), [settledSearch, protocol, state]);
  const open = useCallback((row: SocketRow) => ui.getState().select(row), [ui]);

  return (
    <div className="dashboard">
      <DashboardToolbar search={search} onSearch={setSearch} protocol={protocol} onProtocol={setProtocol} />
      <DashboardCharts listening={listening} />
      <div className="tables">
        <SocketTablePanel
          title="Listening ports"
          rows={listening}
          columns={LISTENING_COLUMNS}
          filter={listenFilter}
          initialSort={{ key: 'localPort', dir: 'asc' }}
          onOpen={open}
          empty={<TableState what="listening sockets" />}
          controls={
            <>
              <label htmlFor={exposureId}>Exposure</label>
              <select id={exposureId} value={exposure} onChange={(e) => setExposure(e.target.value as RowFilter['exposure'])}>
                <option value="any">any</option>
                {(Object.keys(EXPOSURE_LABEL) as Array<SocketRow['exposure']>).map((k) => (
                  <option key={k} value={k}>
                    {EXPOSURE_LABEL[k]}
                  </option>
                ))}
              </select>
            </>
          }
        />
        <SocketTablePanel
          title="Connections"
          rows={connections}
          columns={CONNECTION_COLUMNS}
          filter={connFilter}
          initialSort={{ key: 'state', dir: 'asc' }}
          onOpen={open}
          empty={<TableState what="connections" />}
          controls={
            <>
              <label htmlFor={stateId}>State</label>
              <select id={stateId} value={state} onChange={(e) => setState(e.target.value as RowFilter['state'])}>
                <option value="any">any</option>
                <option value="no-time-wait">all but TIME_WAIT</option>
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
