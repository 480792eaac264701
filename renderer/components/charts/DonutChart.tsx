import { memo, useCallback, useState } from 'react';
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

/**
 * Below this chart height the legend goes beside the ring (the two short donut cards of the
 * 1024-1279 px layout); above it, under the ring, where a German or Dutch name has the card's
 * whole width and wraps instead of being cut.
 */
const LEGEND_BELOW_MIN_HEIGHT = 100;

/** `empty`: what an all-zero chart says (default: nothing listening). */
export const DonutChart = memo(function DonutChart({ title, data, empty }: { title: string; data: readonly Slice[]; empty?: string }) {
  const t = useT();
  const total = data.reduce((n, s) => n + s.value, 0);
  const summary = data.map((s) => `${s.name}: ${t.fmt.number(s.value)}`).join(', ');
  const [below, setBelow] = useState(true);
  const onResize = useCallback((_width: number, height: number) => setBelow(height >= LEGEND_BELOW_MIN_HEIGHT), []);
  return (
    <ChartCard title={title} summary={total ? summary : undefined} className={below ? 'donut-legend-below' : undefined}>
      {total === 0 ? (
        <p className="chart-empty">{empty ?? t('ui.charts.donut.nothingListening')}</p>
      ) : (
        <ResponsiveContainer width="100%" height="100%" onResize={onResize}>
          <PieChart accessibilityLayer={false}>
            <Pie rootTabIndex={-1} data={data as Slice[]} dataKey="value" nameKey="name" innerRadius="50%" outerRadius="80%" isAnimationActive={false} stroke="none">
              {data.map((s, i) => (
                <Cell key={s.name} fill={s.color ?? SERIES[i % SERIES.length]} />
              ))}
            </Pie>
            <Tooltip isAnimationActive={false} />
            {below ? (
              <Legend iconSize={8} wrapperStyle={{ fontSize: 11, lineHeight: 1.25 }} layout="horizontal" align="center" verticalAlign="bottom" formatter={legendLabel} />
            ) : (
              /* Beside the ring, one line per slice, leaving the ring ~36 px: a longer name is cut with
                 an ellipsis rather than pushing the legend over the title; the full name is its tooltip. */
              <Legend
                iconSize={8}
                wrapperStyle={{ fontSize: 11, maxWidth: 'calc(100% - 36px)', lineHeight: 1.25, whiteSpace: 'nowrap', overflow: 'hidden' }}
                layout="vertical"
                align="right"
                verticalAlign="middle"
                formatter={legendLabel}
              />
            )}
          </PieChart>
        </ResponsiveContainer>
      )}
    </ChartCard>
  );
});
