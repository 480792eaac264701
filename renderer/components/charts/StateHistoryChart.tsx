import { memo, useMemo } from 'react';
import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { SOCKET_STATES, type SocketState } from '../../../shared/contract';
import type { HistorySample } from '../../stores/sockets/store';
import { ChartCard } from './ChartCard';
import { STATE_COLORS } from './palette';

/** At most this many points are drawn: older samples are thinned, the newest kept. */
const MAX_POINTS = 150;

function thin(history: readonly HistorySample[]): readonly HistorySample[] {
  if (history.length <= MAX_POINTS) return history;
  const step = history.length / MAX_POINTS;
  const out: HistorySample[] = [];
  for (let i = 0; i < MAX_POINTS - 1; i++) out.push(history[Math.floor(i * step)] as HistorySample);
  out.push(history[history.length - 1] as HistorySample);
  return out;
}

const timeFmt = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

export const StateHistoryChart = memo(function StateHistoryChart({ history }: { history: readonly HistorySample[] }) {
  const { data, states } = useMemo(() => {
    const points = thin(history);
    const seen = new Set<SocketState>();
    for (const s of points) for (const k of Object.keys(s.counts) as SocketState[]) seen.add(k);
    const states = SOCKET_STATES.filter((s) => seen.has(s));
    const data = points.map((s) => {
      const point: Record<string, number> = { t: s.t };
      for (const st of states) point[st] = s.counts[st] ?? 0;
      return point;
    });
    return { data, states };
  }, [history]);
  const last = history[history.length - 1];
  const summary = last ? `${last.total.toLocaleString()} sockets now` : 'waiting for data';
  return (
    <ChartCard title="Sockets by state" summary={summary} className="wide">
      {data.length === 0 ? (
        <p className="chart-empty">No samples yet.</p>
      ) : (
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" className="chart-grid" />
            <XAxis dataKey="t" type="number" domain={['dataMin', 'dataMax']} tickFormatter={(t: number) => timeFmt.format(t)} tick={{ fontSize: 11 }} minTickGap={40} />
            <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={44} />
            <Tooltip labelFormatter={(t) => timeFmt.format(Number(t))} isAnimationActive={false} />
            <Legend iconSize={8} wrapperStyle={{ fontSize: 11 }} />
            {states.map((st) => (
              <Area key={st} type="monotone" dataKey={st} stackId="s" stroke={STATE_COLORS[st]} fill={STATE_COLORS[st]} fillOpacity={0.55} isAnimationActive={false} dot={false} />
            ))}
          </AreaChart>
        </ResponsiveContainer>
      )}
    </ChartCard>
  );
});
