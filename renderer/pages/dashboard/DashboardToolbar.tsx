import { useEffect, useId, useState, type RefObject } from 'react';
import { errorMessage } from '../../format/errors';
import { useServices, useSockets, useUi } from '../../app/services';
import type { RowFilter } from '../../stores/sockets/query';
import { useT } from '../../i18n/useT';
import { SearchHelp } from './SearchHelp';

export interface ToolbarProps {
  searchRef: RefObject<HTMLInputElement | null>;
  filter: RowFilter;
  onFilter: (patch: Partial<RowFilter>) => void;
}

/** Protocol names are not translated. */
const PROTO = { tcp: 'TCP', udp: 'UDP' } as const;
const INTERVALS = ['1000', '2000', '5000'];

export function DashboardToolbar({ searchRef, filter, onFilter }: ToolbarProps) {
  const { feed, client, sockets, ui } = useServices();
  const t = useT();
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
  // One sentence per part, joined with " · ": each part is a whole message in every language.
  const statusText = [
    paused ? t('ui.dashboard.toolbar.paused') : takenAt ? t('ui.dashboard.toolbar.updated', { time: t.fmt.time(new Date(takenAt)) }) : '',
    !paused && takenAt ? t('ui.dashboard.toolbar.changes', { count: changes }) : '',
    !paused && durationMs !== null ? t.fmt.duration(Math.round(durationMs)) : '',
    intervalError ? t('ui.dashboard.toolbar.intervalFailed', { error: intervalError }) : '',
  ]
    .filter((part) => part !== '')
    .join(' · ');

  return (
    <div className="toolbar" role="group" aria-label={t('ui.dashboard.toolbar.label')}>
      <label htmlFor={searchId} className="sr-only">
        {t('ui.dashboard.toolbar.search')}
      </label>
      <input
        ref={searchRef}
        id={searchId}
        type="search"
        className="search"
        placeholder={t('ui.dashboard.toolbar.searchPlaceholder')}
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
      <label htmlFor={protoId}>{t('ui.common.protocol')}</label>
      <select id={protoId} value={filter.protocol} onChange={(e) => onFilter({ protocol: e.target.value as RowFilter['protocol'] })}>
        <option value="any">{t('ui.dashboard.toolbar.tcpAndUdp')}</option>
        <option value="tcp">{PROTO.tcp}</option>
        <option value="udp">{PROTO.udp}</option>
      </select>
      {/* CurrPorts' "mark ports of unidentified applications", as a filter. */}
      <span className="check">
        <input id={onlyUnknownId} type="checkbox" checked={filter.unidentified} onChange={(e) => onFilter({ unidentified: e.target.checked })} />
        <label htmlFor={onlyUnknownId}>{t('ui.dashboard.toolbar.unknownOnly')}</label>
      </span>
      <button type="button" aria-expanded={!chartsCollapsed} onClick={() => ui.getState().setChartsCollapsed(!chartsCollapsed)}>
        {chartsCollapsed ? t('ui.dashboard.toolbar.showCharts') : t('ui.dashboard.toolbar.hideCharts')}
      </button>
      {/* TCPView's "update speed": how often the engine re-reads the socket table. */}
      <label htmlFor={intervalId}>{t('ui.dashboard.toolbar.refresh')}</label>
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
        {[...INTERVALS, ...(INTERVALS.includes(interval) ? [] : [interval])].map((ms) => (
          <option key={ms} value={ms}>
            {t('ui.dashboard.toolbar.every', { seconds: t.fmt.number(Number(ms) / 1000, 1) })}
          </option>
        ))}
      </select>
      <button type="button" className={paused ? 'primary' : ''} aria-pressed={paused} onClick={() => void (paused ? feed.resume() : feed.pause())}>
        {paused ? t('ui.dashboard.toolbar.resume') : t('ui.dashboard.toolbar.pause')}
      </button>
      <span className="toolbar-status" aria-live="polite" title={statusText}>
        {statusText}
      </span>
    </div>
  );
}
