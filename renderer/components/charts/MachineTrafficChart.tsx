import { memo, useMemo } from 'react';
import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatBytesShort, formatRate } from '../../format/bytes';
import { TRAFFIC_WINDOW_MS, type RateSample } from '../../stores/traffic';
import { ChartCard } from './ChartCard';
import { RECEIVE_COLOR, SEND_COLOR } from './trafficPalette';
import { useT, type T } from '../../i18n/useT';

/** At most this many points are drawn: older samples are thinned, the newest kept. */
const MAX_POINTS = 150;

function thin(samples: readonly RateSample[]): readonly RateSample[] {
  if (samples.length <= MAX_POINTS) return samples;
  const step = samples.length / MAX_POINTS;
  const out: RateSample[] = [];
  for (let i = 0; i < MAX_POINTS - 1; i++) out.push(samples[Math.floor(i * step)] as RateSample);
  out.push(samples[samples.length - 1] as RateSample);
  return out;
}

function ago(tr: T, t: number, now: number): string {
  const s = Math.round((now - t) / 1000);
  if (s <= 0) return tr('ui.charts.history.now');
  return s < 60 ? tr('ui.charts.history.secondsAgo', { seconds: s }) : tr('ui.charts.history.minutesAgo', { minutes: Math.round(s / 60) });
}
/** Axis ticks without "/s": the title says it is a rate. */
const axisRate = formatBytesShort;

/** The machine's total receive and send rate over the counted sockets, the last five minutes. */
export const MachineTrafficChart = memo(function MachineTrafficChart({ samples }: { samples: readonly RateSample[] }) {
  const tr = useT();
  const data = useMemo(() => thin(samples), [samples]);
  const last = samples[samples.length - 1];
  const now = last?.t ?? 0;
  const span = Math.min(TRAFFIC_WINDOW_MS, Math.max(20_000, now - (data[0]?.t ?? now)));
  const summary = last ? tr('ui.traffic.machine.now', { send: formatRate(last.send), receive: formatRate(last.receive) }) : tr('ui.charts.history.waiting');
  return (
    <ChartCard title={tr('ui.traffic.machine.title')} summary={summary} className="machine-traffic">
      {data.length === 0 ? (
        <p className="chart-empty">{tr('ui.charts.history.noSamples')}</p>
      ) : (
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={data as RateSample[]} margin={{ top: 4, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" className="chart-grid" />
            <XAxis
              dataKey="t"
              type="number"
              domain={[now - span, now]}
              ticks={[2, 1, 0].map((k) => now - (k * span) / 2)}
              tickFormatter={(t: number) => ago(tr, t, now)}
              tick={{ fontSize: 11 }}
              allowDataOverflow
            />
            <YAxis tick={{ fontSize: 11 }} width={56} tickFormatter={axisRate} />
            <Tooltip labelFormatter={(t) => tr.fmt.time(Number(t))} formatter={(v, name) => [formatRate(Number(v)), name]} isAnimationActive={false} />
            <Legend iconSize={8} wrapperStyle={{ fontSize: 11 }} />
            <Area type="monotone" dataKey="receive" name={tr('ui.traffic.machine.in')} stroke={RECEIVE_COLOR} fill={RECEIVE_COLOR} fillOpacity={0.35} isAnimationActive={false} dot={false} />
            {/* Dashed and lighter: on loopback in and out are the same bytes, and both must show. */}
            <Area type="monotone" dataKey="send" name={tr('ui.traffic.machine.out')} stroke={SEND_COLOR} strokeDasharray="4 3" strokeWidth={1.5} fill={SEND_COLOR} fillOpacity={0.12} isAnimationActive={false} dot={false} />
          </AreaChart>
        </ResponsiveContainer>
      )}
    </ChartCard>
  );
});
