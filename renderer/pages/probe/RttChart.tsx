import { memo, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ProbeAttempt } from '../../../shared/contract';
import { ChartCard } from '../../components/charts/ChartCard';
import { formatMs } from '../../format/time';
import { useT } from '../../i18n/useT';

/** RTT per attempt; failed attempts leave a gap in the line and show as red marks on the axis. */
export const RttChart = memo(function RttChart({ attempts }: { attempts: readonly ProbeAttempt[] }) {
  const t = useT();
  const data = useMemo(() => attempts.map((a) => ({ seq: a.seq, rtt: a.ok ? a.rttMs : null, failed: a.ok ? null : 0 })), [attempts]);
  const ok = attempts.filter((a) => a.ok && a.rttMs !== null);
  const last = ok[ok.length - 1];
  return (
    <ChartCard
      title={t('ui.probe.chart.title')}
      summary={last ? t('ui.probe.chart.last', { time: formatMs(t.fmt, last.rttMs) }) : attempts.length ? t('ui.probe.chart.noSuccess') : undefined}
      className="wide rtt-chart"
    >
      {attempts.length === 0 ? (
        <p className="chart-empty">{t('ui.probe.chart.empty')}</p>
      ) : (
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 14, left: 4 }}>
            <CartesianGrid strokeDasharray="3 3" className="chart-grid" />
            <XAxis dataKey="seq" tick={{ fontSize: 11 }} allowDecimals={false} label={{ value: t('ui.probe.chart.attempt'), position: 'insideBottom', offset: -10, fontSize: 11 }} />
            <YAxis tick={{ fontSize: 11 }} width={64} tickFormatter={(v: number) => formatMs(t.fmt, v)} />
            <Tooltip isAnimationActive={false} formatter={(v) => (typeof v === 'number' ? formatMs(t.fmt, v) : String(v))} />
            <Line type="monotone" dataKey="rtt" name={t('ui.scan.col.rtt')} stroke="#1c7ed6" strokeWidth={2} dot={{ r: 3 }} connectNulls={false} isAnimationActive={false} />
            <Line dataKey="failed" name={t('ui.probe.chart.failed')} stroke="none" dot={{ r: 4, fill: '#e03131', stroke: '#e03131' }} isAnimationActive={false} legendType="none" />
          </LineChart>
        </ResponsiveContainer>
      )}
    </ChartCard>
  );
});
