import { memo, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { HostResult, PortResult } from '../../../shared/contract';
import { ChartCard } from '../../components/charts/ChartCard';
import { outcomeLabel, rttHistogram } from '../../stores/scan/diff';
import { useT } from '../../i18n/useT';

const STATE_FILL = { open: '#2f9e44', closed: '#868e96', filtered: '#f59f00', 'open|filtered': '#ae3ec9' } as const;

export const ScanCharts = memo(function ScanCharts({ hosts, results }: { hosts: readonly HostResult[]; results: readonly PortResult[] }) {
  const t = useT();
  // Zero is left out (a log scale has no place for it); the counts are in the tooltip.
  const perHost = useMemo(
    () =>
      hosts.slice(0, 40).map((h) => {
        const row: Record<string, string | number | null> = { host: h.name ?? h.address };
        for (const s of Object.keys(STATE_FILL) as Array<keyof typeof STATE_FILL>) row[s] = h.counts[s] > 0 ? h.counts[s] : null;
        return row;
      }),
    [hosts],
  );
  const histogram = useMemo(
    () => rttHistogram(results, (v, decimals) => t.intl.formatNumber(v, { minimumFractionDigits: decimals, maximumFractionDigits: decimals })),
    [results, t],
  );
  const logAxis = useMemo(() => logTicks(hosts), [hosts]);
  const compact = useMemo(() => (n: number) => t.intl.formatNumber(n, { notation: 'compact' }), [t]);
  return (
    <section className="charts scan-charts" aria-label={t('ui.scan.charts.label')}>
      <ChartCard
        title={t('ui.scan.charts.perHost')}
        summary={hosts.length > 40 ? t('ui.scan.charts.firstHosts', { total: hosts.length }) : t('ui.scan.charts.hosts', { count: hosts.length })}
      >
        <ResponsiveContainer width="100%" height="100%">
          {/* Side by side on a log scale: 6 open ports next to 10,000 closed ones stay visible. */}
          <BarChart data={perHost} margin={{ top: 4, right: 8, bottom: 0, left: 0 }} barGap={1}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} className="chart-grid" />
            <XAxis dataKey="host" tick={{ fontSize: 11 }} />
            <YAxis scale="log" domain={[0.5, logAxis.top]} allowDataOverflow ticks={logAxis.ticks} tickFormatter={compact} tick={{ fontSize: 11 }} width={48} />
            <Tooltip isAnimationActive={false} />
            <Legend iconSize={8} wrapperStyle={{ fontSize: 11 }} />
            {(Object.keys(STATE_FILL) as Array<keyof typeof STATE_FILL>).map((s) => (
              <Bar key={s} dataKey={s} name={outcomeLabel(s, t)} fill={STATE_FILL[s]} minPointSize={2} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </ChartCard>
      <ChartCard title={t('ui.scan.charts.rtt')} summary={histogram.length ? t('ui.scan.charts.answers', { count: results.filter((r) => r.rttMs !== null).length }) : t('ui.scan.charts.noAnswers')}>
        {histogram.length === 0 ? (
          <p className="chart-empty">{t('ui.scan.charts.noRtt')}</p>
        ) : (
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={histogram} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} className="chart-grid" />
              <XAxis dataKey="label" tick={{ fontSize: 10 }} interval="preserveStartEnd" />
              <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={40} />
              <Tooltip isAnimationActive={false} />
              <Bar dataKey="count" name={t('ui.scan.charts.ports')} fill="#1c7ed6" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        )}
      </ChartCard>
    </section>
  );
});

/**
 * Powers of ten up to the first one above the largest count: the axis ends on a labelled tick (with
 * 'auto' it ended at the data's maximum, and ticks past it were drawn at the top edge).
 */
function logTicks(hosts: readonly HostResult[]): { ticks: number[]; top: number } {
  let max = 1;
  for (const h of hosts) for (const s of Object.keys(STATE_FILL) as Array<keyof typeof STATE_FILL>) max = Math.max(max, h.counts[s]);
  const ticks = [1];
  while (ticks[ticks.length - 1]! < max) ticks.push(ticks[ticks.length - 1]! * 10);
  return { ticks, top: ticks[ticks.length - 1]! };
}
