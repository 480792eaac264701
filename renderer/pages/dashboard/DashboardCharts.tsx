import { useDeferredValue, useMemo } from 'react';
import { useSockets } from '../../app/services';
import { DonutChart } from '../../components/charts/DonutChart';
import { StateHistoryChart } from '../../components/charts/StateHistoryChart';
import { TopProcessesChart } from '../../components/charts/TopProcessesChart';
import { exposureSlices, portClassSlices, topProcesses } from '../../stores/sockets/stats';
import type { LiveRow } from '../../stores/sockets/table';

export function DashboardCharts({ listening }: { listening: readonly LiveRow[] }) {
  // Charts are the least urgent part of a tick: rendered in time slices, after the tables.
  const history = useDeferredValue(useSockets((s) => s.history));
  const rows = useDeferredValue(useSockets((s) => s.table.rows));
  // Six bars fit the card at a readable size; the tooltip and the table have the rest.
  const top = useMemo(() => topProcesses(rows, 6), [rows]);
  const exposure = useMemo(() => exposureSlices(listening), [listening]);
  const classes = useMemo(() => portClassSlices(listening), [listening]);
  return (
    <section className="charts" aria-label="Charts">
      <StateHistoryChart history={history} />
      <TopProcessesChart data={top} />
      <DonutChart title="Exposure" data={exposure} />
      <DonutChart title="Port classes" data={classes} />
    </section>
  );
}
