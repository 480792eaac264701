import { useId } from 'react';
import { useServices, useSockets } from '../../app/services';
import type { RowFilter } from '../../stores/sockets/query';

export interface ToolbarProps {
  search: string;
  onSearch: (value: string) => void;
  protocol: RowFilter['protocol'];
  onProtocol: (value: RowFilter['protocol']) => void;
}

const timeFmt = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

export function DashboardToolbar({ search, onSearch, protocol, onProtocol }: ToolbarProps) {
  const { feed } = useServices();
  const paused = useSockets((s) => s.paused);
  const takenAt = useSockets((s) => s.takenAt);
  const changes = useSockets((s) => s.lastTickChanges);
  const durationMs = useSockets((s) => s.durationMs);
  const searchId = useId();
  const protoId = useId();

  return (
    <div className="toolbar" role="group" aria-label="Dashboard controls">
      <label htmlFor={searchId} className="sr-only">
        Search sockets
      </label>
      <input
        id={searchId}
        type="search"
        className="search"
        placeholder="Search: port, process, address, state…"
        value={search}
        onChange={(e) => onSearch(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onSearch('');
        }}
        autoComplete="off"
        spellCheck={false}
      />
      <label htmlFor={protoId}>Protocol</label>
      <select id={protoId} value={protocol} onChange={(e) => onProtocol(e.target.value as RowFilter['protocol'])}>
        <option value="any">TCP and UDP</option>
        <option value="tcp">TCP</option>
        <option value="udp">UDP</option>
      </select>
      <button type="button" className={paused ? 'primary' : ''} aria-pressed={paused} onClick={() => void (paused ? feed.resume() : feed.pause())}>
        {paused ? '▶ Resume' : '❚❚ Pause'}
      </button>
      <span className="toolbar-status" aria-live="polite">
        {paused ? 'Paused — the table is frozen.' : takenAt ? `Updated ${timeFmt.format(new Date(takenAt))}` : ''}
        {!paused && takenAt ? ` · ${changes} change${changes === 1 ? '' : 's'}` : ''}
        {!paused && durationMs !== null ? ` · ${Math.round(durationMs)} ms` : ''}
      </span>
    </div>
  );
}
