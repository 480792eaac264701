import { memo } from 'react';
import { Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip } from 'recharts';
import { ChartCard } from './ChartCard';
import { useT } from '../../i18n/useT';
import { SERIES } from './palette';

export interface Slice {
  name: string;
  value: number;
  color?: string;
}

const legendLabel = (value: string) => (
  <span className="legend-label" title={value}>
    {value}
  </span>
);

/** `empty`: what an all-zero chart says (default: nothing listening). */
export const DonutChart = memo(function DonutChart({ title, data, empty }: { title: string; data: readonly Slice[]; empty?: string }) {
  const t = useT();
  const total = data.reduce((n, s) => n + s.value, 0);
  const summary = data.map((s) => `${s.name}: ${t.fmt.number(s.value)}`).join(', ');
  return (
    <ChartCard title={title} summary={total ? summary : undefined}>
      {total === 0 ? (
        <p className="chart-empty">{empty ?? t('ui.charts.donut.nothingListening')}</p>
      ) : (
        <ResponsiveContainer width="100%" height="100%">
          <PieChart accessibilityLayer={false}>
            <Pie rootTabIndex={-1} data={data as Slice[]} dataKey="value" nameKey="name" innerRadius="50%" outerRadius="80%" isAnimationActive={false} stroke="none">
              {data.map((s, i) => (
                <Cell key={s.name} fill={s.color ?? SERIES[i % SERIES.length]} />
              ))}
            </Pie>
            <Tooltip isAnimationActive={false} />
            {/* One line per slice, at most ~3/4 of the card: a longer (German, Dutch) name is cut with
                an ellipsis rather than pushing the legend over the title; the full name is its tooltip. */}
            <Legend
              iconSize={8}
              wrapperStyle={{ fontSize: 11, maxWidth: '72%', lineHeight: 1.25, whiteSpace: 'nowrap', overflow: 'hidden' }}
              layout="vertical"
              align="right"
              verticalAlign="middle"
              formatter={legendLabel}
            />
          </PieChart>
        </ResponsiveContainer>
      )}
    </ChartCard>
  );
});
