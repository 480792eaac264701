import { memo, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { visibleControls } from '../../../shared/text/visible';
import { useT } from '../../i18n/useT';
import { ChartCard } from './ChartCard';

export interface ProcessCount {
  name: string;
  count: number;
}

export const TopProcessesChart = memo(function TopProcessesChart({ data: raw }: { data: readonly ProcessCount[] }) {
  const t = useT();
  // SVG text cannot hold styled escapes: hidden characters in names become plain `\u202e` text,
  // so a bidi override cannot turn "evil\u202efdp.exe" into "evilexe.pdf" on an axis label.
  const data = useMemo(() => raw.map((d) => ({ ...d, name: visibleControls(d.name) })), [raw]);
  return (
    <ChartCard title={t('ui.charts.top.title')} summary={data[0] ? t('ui.charts.top.most', { name: data[0].name, count: data[0].count }) : undefined}>
      {data.length === 0 ? (
        <p className="chart-empty">{t('ui.charts.top.none')}</p>
      ) : (
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ top: 0, right: 12, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} className="chart-grid" />
            <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
            <YAxis type="category" dataKey="name" width={96} tick={{ fontSize: 11 }} interval={0} />
            <Tooltip isAnimationActive={false} />
            <Bar dataKey="count" name={t('ui.charts.top.sockets')} fill="#1c7ed6" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      )}
    </ChartCard>
  );
});
