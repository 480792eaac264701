import { useDeferredValue, useMemo, useRef } from 'react';
import type { ProcessTraffic } from '../../../shared/contract';
import { useSockets, useTraffic } from '../../app/services';
import { DonutChart } from '../../components/charts/DonutChart';
import { MachineTrafficChart } from '../../components/charts/MachineTrafficChart';
import { StateHistoryChart } from '../../components/charts/StateHistoryChart';
import { TopProcessesChart } from '../../components/charts/TopProcessesChart';
import { TopTalkersChart } from '../../components/charts/TopTalkersChart';
import { exposureSlices, portClassSlices, topProcesses } from '../../stores/sockets/stats';
import { HISTORY_LIMIT, type HistorySample } from '../../stores/sockets/store';
import { countByState, type LiveRow } from '../../stores/sockets/table';
import { useT } from '../../i18n/useT';
import './charts-layout.css';

export interface DashboardChartsProps {
  /** The rows the tables show, after the search and filters: the charts count the same ones. */
  listening: readonly LiveRow[];
  connections: readonly LiveRow[];
  filtering: boolean;
  /** Changes when the filter does: the filtered history starts again. */
  filterKey: string;
}

/**
 * The history of what the filter lets through. The store keeps the whole table's history; a
 * filtered one can only be sampled from the moment the filter was set, once per tick.
 */
function useFilteredHistory(all: readonly HistorySample[], rows: readonly LiveRow[], filtering: boolean, filterKey: string): readonly HistorySample[] {
  const kept = useRef<{ key: string; samples: HistorySample[] }>({ key: '', samples: [] });
  return useMemo(() => {
    if (!filtering) return all;
    const t = all[all.length - 1]?.t ?? 0;
    const prev = kept.current.key === filterKey ? kept.current.samples : [];
    const counts = countByState(rows);
    let total = 0;
    for (const n of Object.values(counts)) total += n ?? 0;
    const sample: HistorySample = { t, counts, total };
    const samples = prev.length > 0 && prev[prev.length - 1]!.t === t ? [...prev.slice(0, -1), sample] : [...prev.slice(-(HISTORY_LIMIT - 1)), sample];
    kept.current = { key: filterKey, samples };
    return samples;
  }, [all, rows, filtering, filterKey]);
}

const NO_PROCESSES: readonly ProcessTraffic[] = [];

export function DashboardCharts({ listening, connections, filtering, filterKey }: DashboardChartsProps) {
  const t = useT();
  // Charts are the least urgent part of a tick: rendered in time slices, after the tables.
  const history = useDeferredValue(useSockets((s) => s.history));
  const shownListening = useDeferredValue(listening);
  const shownConnections = useDeferredValue(connections);
  const everything = useMemo(() => [...shownListening, ...shownConnections], [shownListening, shownConnections]);
  const filteredHistory = useFilteredHistory(history, everything, filtering, filterKey);
  // Six bars fit the card at a readable size; the tooltip and the table have the rest.
  const top = useMemo(() => topProcesses(everything, 6), [everything]);
  const exposure = useMemo(() => exposureSlices(shownListening, t), [shownListening, t]);
  const classes = useMemo(() => portClassSlices(shownListening, t), [shownListening, t]);
  // Traffic is the whole machine's (the engine's totals), whatever the table's filter.
  const machine = useDeferredValue(useTraffic((s) => s.machine));
  const talkers = useDeferredValue(useTraffic((s) => s.summary));
  return (
    <section className="charts" aria-label={filtering ? t('ui.charts.labelFiltered') : t('ui.charts.label')}>
      <StateHistoryChart history={filteredHistory} filtered={filtering} />
      <MachineTrafficChart samples={machine} />
      <TopTalkersChart processes={talkers?.processes ?? NO_PROCESSES} waiting={talkers === null} />
      <TopProcessesChart data={top} />
      <DonutChart title={t('ui.charts.exposure')} data={exposure} />
      <DonutChart title={t('ui.charts.portClasses')} data={classes} />
    </section>
  );
}
