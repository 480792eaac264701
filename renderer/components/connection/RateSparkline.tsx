import { memo, useMemo } from 'react';
import { Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatRate } from '../../format/bytes';
import { TRAFFIC_WINDOW_MS, type RateSample } from '../../stores/traffic';
import { RECEIVE_COLOR, SEND_COLOR } from '../charts/trafficPalette';
import { useT } from '../../i18n/useT';

const SEPARATOR = ' · ';

export interface SparkPoint {
  t: number;
  send: number;
  receive: number;
}

/**
 * The recorded samples as a step series over the window, ending at `now` with the rates in force:
 * a connection's rate holds between the ticks that moved it.
 */
export function sparkPoints(samples: readonly RateSample[], now: number, current: { send: number; receive: number } | null): SparkPoint[] {
  const from = now - TRAFFIC_WINDOW_MS;
  const points: SparkPoint[] = [];
  for (const s of samples) points.push({ t: Math.max(s.t, from), send: s.send, receive: s.receive });
  const last = points[points.length - 1];
  if (current && (!last || last.t < now)) points.push({ t: now, send: current.send, receive: current.receive });
  return points;
}

/** Send and receive rates of one connection over the last minutes (recorded while the app ran). */
export const RateSparkline = memo(function RateSparkline({ points }: { points: readonly SparkPoint[] }) {
  const t = useT();
  const { peakSend, peakReceive, span } = useMemo(() => {
    let peakSend = 0;
    let peakReceive = 0;
    for (const p of points) {
      peakSend = Math.max(peakSend, p.send);
      peakReceive = Math.max(peakReceive, p.receive);
    }
    const span = points.length > 1 ? (points[points.length - 1] as SparkPoint).t - (points[0] as SparkPoint).t : 0;
    return { peakSend, peakReceive, span };
  }, [points]);
  const minutes = Math.max(1, Math.round(span / 60_000));
  const summary =
    points.length < 2
      ? t('ui.traffic.spark.recording')
      : t('ui.traffic.spark.peak', {
          span: span < 60_000 ? t.fmt.duration(Math.max(1, Math.round(span / 1000)) * 1000) : t.fmt.duration(minutes * 60_000),
          send: formatRate(peakSend),
          receive: formatRate(peakReceive),
        });
  return (
    <figure className="sparkline" aria-label={t('ui.traffic.spark.label')}>
      <div className="sparkline-body" data-points={points.length}>
        {points.length < 2 ? null : (
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={points as SparkPoint[]} margin={{ top: 4, right: 4, bottom: 0, left: 4 }} accessibilityLayer={false}>
              <XAxis dataKey="t" type="number" domain={['dataMin', 'dataMax']} hide />
              <YAxis hide domain={[0, 'auto']} />
              <Tooltip
                isAnimationActive={false}
                labelFormatter={(time) => t.fmt.time(Number(time))}
                formatter={(v, name) => [formatRate(Number(v)), name === 'send' ? t('ui.traffic.sentUp') : t('ui.traffic.receivedDown')]}
              />
              <Line type="stepAfter" dataKey="send" stroke={SEND_COLOR} dot={false} strokeWidth={1.5} isAnimationActive={false} />
              <Line type="stepAfter" dataKey="receive" stroke={RECEIVE_COLOR} dot={false} strokeWidth={1.5} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        )}
      </div>
      <figcaption className="muted">
        <span className="legend-send">{t('ui.traffic.spark.sent')}</span> <span className="legend-receive">{t('ui.traffic.spark.received')}</span>
        {SEPARATOR}
        {summary}
      </figcaption>
    </figure>
  );
});
