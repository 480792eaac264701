import { memo, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ProcessTraffic } from '../../../shared/contract';
import { visibleControls } from '../../../shared/text/visible';
import { formatBytesShort, formatRate } from '../../format/bytes';
import { ChartCard } from './ChartCard';
import { RECEIVE_COLOR, SEND_COLOR } from './trafficPalette';
import { useT } from '../../i18n/useT';

/** Bars that fit the card at a readable size; the tooltip and the table have the rest. */
export const TOP_TALKERS = 6;

/** The busiest processes by send + receive rate, from the engine's per-process totals. */
export function topTalkers(processes: readonly ProcessTraffic[], limit = TOP_TALKERS): Array<{ name: string; pid: number; send: number; receive: number }> {
  return processes
    .filter((p) => p.sendRate + p.receiveRate > 0)
    .sort((a, b) => b.sendRate + b.receiveRate - (a.sendRate + a.receiveRate) || a.pid - b.pid)
    .slice(0, limit)
    .map((p) => ({ name: `${p.name} (${p.pid})`, pid: p.pid, send: p.sendRate, receive: p.receiveRate }));
}

/** A live "top talkers" chart (nethogs' view without packet capture): processes by throughput. */
export const TopTalkersChart = memo(function TopTalkersChart({ processes, waiting }: { processes: readonly ProcessTraffic[]; waiting: boolean }) {
  const t = useT();
  // SVG text cannot hold styled escapes: hidden characters in names become plain `\u202e` text.
  const data = useMemo(() => topTalkers(processes).map((d) => ({ ...d, name: visibleControls(d.name) })), [processes]);
  const first = data[0];
  const summary = first ? t('ui.traffic.talkers.busiest', { name: first.name, send: formatRate(first.send), receive: formatRate(first.receive) }) : undefined;
  return (
    <ChartCard title={t('ui.traffic.talkers.title')} summary={summary} className="top-talkers">
      {data.length === 0 ? (
        <p className="chart-empty">{waiting ? t('ui.traffic.talkers.waiting') : t('ui.traffic.talkers.none')}</p>
      ) : (
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ top: 0, right: 12, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} className="chart-grid" />
            <XAxis type="number" tick={{ fontSize: 11 }} tickFormatter={formatBytesShort} />
            <YAxis type="category" dataKey="name" width={96} tick={{ fontSize: 11 }} interval={0} />
            <Tooltip isAnimationActive={false} formatter={(v, name) => [formatRate(Number(v)), name]} />
            <Bar dataKey="send" name={t('ui.traffic.sentUp')} stackId="r" fill={SEND_COLOR} isAnimationActive={false} />
            <Bar dataKey="receive" name={t('ui.traffic.receivedDown')} stackId="r" fill={RECEIVE_COLOR} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      )}
    </ChartCard>
  );
});
