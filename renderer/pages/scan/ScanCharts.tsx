import { memo, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { HostResult, PortResult } from '../../../shared/contract';
import { ChartCard } from '../../components/charts/ChartCard';
import { rttHistogram } from '../../stores/scan/diff';

const STATE_FILL = { open: '#2f9e44', closed: '#868e96', filtered: '#f59f00', 'open|filtered': '#ae3ec9' } as const;

export const ScanCharts = memo(function ScanCharts({ hosts, results }: { hosts: readonly HostResult[]; results: readonly PortResult[] }) {
  const perHost = useMemo(() => hosts.slice(0, 40).map((h) => ({ host: h.name ?? h.address, ...h.counts })), [hosts]);
  const histogram = useMemo(() => rttHistogram(results), [results]);
  return (
    <section className="charts scan-charts" aria-label="Scan charts">
      <ChartCard title="States per host" summary={hosts.length > 40 ? `first 40 of ${hosts.length} hosts` : `${hosts.length} host${hosts.length === 1 ? '' : 's'}`}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={perHost} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} className="chart-grid" />
            <XAxis dataKey="host" tick={{ fontSize: 11 }} />
            <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={48} />
            <Tooltip isAnimationActive={false} />
            <Legend iconSize={8} wrapperStyle={{ fontSize: 11 }} />
            {(Object.keys(STATE_FILL) as Array<keyof typeof STATE_FILL>).map((s) => (
              <Bar key={s} dataKey={s} stackId="s" fill={STATE_FILL[s]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </ChartCard>
      <ChartCard title="Round-trip times" summary={histogram.length ? plural(results.filter((r) => r.rttMs !== null).length, 'answer') : 'no answers with a time'}>
        {histogram.length === 0 ? (
          <p className="chart-empty">No round-trip times.</p>
        ) : (
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={histogram} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} className="chart-grid" />
              <XAxis dataKey="label" tick={{ fontSize: 10 }} interval="preserveStartEnd" />
              <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={40} />
              <Tooltip isAnimationActive={false} />
              <Bar dataKey="count" name="ports" fill="#1c7ed6" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        )}
      </ChartCard>
    </section>
  );
});

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
