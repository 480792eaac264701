import { useEffect, useId, useState, type RefObject } from 'react';
import { errorMessage } from '../../format/errors';
import { useServices, useSockets, useUi } from '../../app/services';
import type { RowFilter } from '../../stores/sockets/query';
import { SearchHelp } from './SearchHelp';

export interface ToolbarProps {
  searchRef: RefObject<HTMLInputElement | null>;
  filter: RowFilter;
  onFilter: (patch: Partial<RowFilter>) => void;
}

const timeFmt = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

export function DashboardToolbar({ searchRef, filter, onFilter }: ToolbarProps) {
  const { feed, client, sockets, ui } = useServices();
  const chartsCollapsed = useUi((s) => s.layout.chartsCollapsed);
  const onlyUnknownId = useId();
  const [interval, setIntervalMs] = useState('1000');
  const [intervalError, setIntervalError] = useState<string | null>(null);
  const intervalId = useId();
  // What the engine runs at now (an empty configure changes nothing and answers the settings).
  useEffect(() => {
    let live = true;
    client.call('monitor.configure', {}).then(
      (s) => {
        if (!live) return;
        setIntervalMs(String(s.intervalMs));
        // Paused from another window: show it, so "Resume" is the button on offer.
        if (s.paused && !sockets.getState().paused) sockets.getState().setPaused(true);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client, sockets]);
  const paused = useSockets((s) => s.paused);
  const takenAt = useSockets((s) => s.takenAt);
  const changes = useSockets((s) => s.lastTickChanges);
  const durationMs = useSockets((s) => s.durationMs);
  const searchId = useId();
  const protoId = useId();
  const statusText =
    (paused ? 'Paused — the table is frozen.' : takenAt ? `Updated ${timeFmt.format(new Date(takenAt))}` : '') +
    (!paused && takenAt ? ` · ${changes} change${changes === 1 ? '' : 's'}` : '') +
    (!paused && durationMs !== null ? ` · ${Math.round(durationMs)} ms` : '') +
    (intervalError ? ` · could not change the refresh: ${intervalError}` : '');

  return (
    <div className="toolbar" role="group" aria-label="Dashboard controls">
      <label htmlFor={searchId} className="sr-only">
        Search sockets
      </label>
      <input
        ref={searchRef}
        id={searchId}
        type="search"
        className="search"
        placeholder="Search (/): port:443 proc:nginx -state:time_wait…"
        value={filter.search}
        onChange={(e) => onFilter({ search: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && filter.search) {
            e.preventDefault();
            onFilter({ search: '' });
          }
        }}
        autoComplete="off"
        spellCheck={false}
      />
      <SearchHelp />
      <label htmlFor={protoId}>Protocol</label>
      <select id={protoId} value={filter.protocol} onChange={(e) => onFilter({ protocol: e.target.value as RowFilter['protocol'] })}>
        <option value="any">TCP and UDP</option>
        <option value="tcp">TCP</option>
        <option value="udp">UDP</option>
      </select>
      {/* CurrPorts' "mark ports of unidentified applications", as a filter. */}
      <span className="check">
        <input id={onlyUnknownId} type="checkbox" checked={filter.unidentified} onChange={(e) => onFilter({ unidentified: e.target.checked })} />
        <label htmlFor={onlyUnknownId}>Unknown owners only</label>
      </span>
      <button type="button" aria-expanded={!chartsCollapsed} onClick={() => ui.getState().setChartsCollapsed(!chartsCollapsed)}>
        {chartsCollapsed ? 'Show charts' : 'Hide charts'}
      </button>
      {/* TCPView's "update speed": how often the engine re-reads the socket table. */}
      <label htmlFor={intervalId}>Refresh</label>
      <select
        id={intervalId}
        value={interval}
        onChange={(e) => {
          const value = e.target.value;
          setIntervalMs(value);
          client.call('monitor.configure', { intervalMs: Number(value) }).then(
            (s) => {
              setIntervalMs(String(s.intervalMs));
              setIntervalError(null);
            },
            (err: unknown) => setIntervalError(errorMessage(err)),
          );
        }}
      >
        <option value="1000">every 1 s</option>
        <option value="2000">every 2 s</option>
        <option value="5000">every 5 s</option>
        {['1000', '2000', '5000'].includes(interval) ? null : <option value={interval}>every {Number(interval) / 1000} s</option>}
      </select>
      <button type="button" className={paused ? 'primary' : ''} aria-pressed={paused} onClick={() => void (paused ? feed.resume() : feed.pause())}>
        {paused ? '▶ Resume' : '❚❚ Pause'}
      </button>
      <span className="toolbar-status" aria-live="polite" title={statusText}>
        {statusText}
      </span>
    </div>
  );
}
