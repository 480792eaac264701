import { memo, useMemo } from 'react';
import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { SOCKET_STATES, type SocketState } from '../../../shared/contract';
import type { HistorySample } from '../../stores/sockets/store';
import { useT, type T } from '../../i18n/useT';
import { ChartCard } from './ChartCard';
import { STATE_COLORS } from './palette';

/** At most this many points are drawn: older samples are thinned, the newest kept. */
const MAX_POINTS = 150;
/** The chart shows at most the last five minutes. */
export const WINDOW_MS = 5 * 60_000;

function thin(history: readonly HistorySample[]): readonly HistorySample[] {
  const last = history[history.length - 1];
  const recent = last ? history.filter((s) => s.t >= last.t - WINDOW_MS) : history;
  if (recent.length <= MAX_POINTS) return recent;
  const step = recent.length / MAX_POINTS;
  const out: HistorySample[] = [];
  for (let i = 0; i < MAX_POINTS - 1; i++) out.push(recent[Math.floor(i * step)] as HistorySample);
  out.push(recent[recent.length - 1] as HistorySample);
  return out;
}

/** "now", "−30 s", "−2 min": where a sample sits in the window. */
function ago(tr: T, t: number, now: number): string {
  const s = Math.round((now - t) / 1000);
  if (s <= 0) return tr('ui.charts.history.now');
  return s < 60 ? tr('ui.charts.history.secondsAgo', { seconds: s }) : tr('ui.charts.history.minutesAgo', { minutes: Math.round(s / 60) });
}

/** `filtered`: the history of what the search and filters let through, not of the whole table. */
export const StateHistoryChart = memo(function StateHistoryChart({ history, filtered = false }: { history: readonly HistorySample[]; filtered?: boolean }) {
  const tr = useT();
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
  const now = last?.t ?? 0;
  // Up to five minutes; a young session spans what it has (at least 20 s), so the areas show.
  const span = Math.min(WINDOW_MS, Math.max(20_000, now - (data[0]?.t ?? now)));
  const summary = last ? tr(filtered ? 'ui.charts.history.matchingNow' : 'ui.charts.history.socketsNow', { count: last.total }) : tr('ui.charts.history.waiting');
  return (
    <ChartCard title={tr('ui.charts.history.title')} summary={summary} className="wide">
      {data.length === 0 ? (
        <p className="chart-empty">{tr('ui.charts.history.noSamples')}</p>
      ) : (
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" className="chart-grid" />
            <XAxis
              dataKey="t"
              type="number"
              domain={[now - span, now]}
              ticks={[4, 3, 2, 1, 0].map((k) => now - (k * span) / 4)}
              tickFormatter={(t: number) => ago(tr, t, now)}
              tick={{ fontSize: 11 }}
              allowDataOverflow
            />
            <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={44} />
            <Tooltip labelFormatter={(t) => tr.fmt.time(Number(t))} isAnimationActive={false} />
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
