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
            {/* At most ~3/5 of the card: longer (German, Dutch) labels wrap instead of squeezing the ring away. */}
            <Legend iconSize={8} wrapperStyle={{ fontSize: 11, maxWidth: '62%', lineHeight: 1.25 }} layout="vertical" align="right" verticalAlign="middle" />
          </PieChart>
        </ResponsiveContainer>
      )}
    </ChartCard>
  );
});
