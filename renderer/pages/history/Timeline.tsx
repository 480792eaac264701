import type { Timeline as TimelineData } from '../../../shared/contract/history';
import { useT, type T } from '../../i18n/useT';

const LANE_H = 22;
const LABEL_W = 110;
// Wide enough that the SVG's user units are about CSS pixels on a desktop-sized page.
const WIDTH = 1360;

function clock(t: T, ms: number, spanMs: number): string {
  const d = new Date(ms);
  const hm = d.toLocaleTimeString(t.fmt.locale, { hour: '2-digit', minute: '2-digit' });
  return spanMs > 36 * 3_600_000 ? `${d.toLocaleDateString(t.fmt.locale, { month: 'short', day: 'numeric' })} ${hm}` : hm;
}

/**
 * Listeners over time: one lane per port (or program), a bar for each time something listened
 * there. Bars reaching the right edge are still open; a faded start means it opened before the
 * window (or before recording began). Text comes from other processes: React text only.
 */
export function Timeline({ data }: { data: TimelineData }) {
  const tr = useT();
  const from = Date.parse(data.since);
  const to = Date.parse(data.until);
  const span = Math.max(1, to - from);
  const x = (ms: number) => LABEL_W + ((Math.min(Math.max(ms, from), to) - from) / span) * (WIDTH - LABEL_W - 8);
  const height = data.lanes.length * LANE_H + 24;
  const ticks = Array.from({ length: 5 }, (_, i) => from + (span * i) / 4);
  if (data.lanes.length === 0) return <p className="muted">{tr('ui.history.timeline.none')}</p>;
  return (
    <svg
      className="history-timeline"
      role="img"
      aria-label={tr('ui.history.timeline.label', { from: tr.fmt.dateTime(new Date(from)), to: tr.fmt.dateTime(new Date(to)) })} viewBox={`0 0 ${WIDTH} ${height}`} width="100%">
      {ticks.map((t, i) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={0} y2={height - 18} className="history-grid" />
          <text x={x(t)} y={height - 4} className="history-tick" textAnchor={i === 0 ? 'start' : i === ticks.length - 1 ? 'end' : 'middle'}>
            {clock(tr, t, span)}
          </text>
        </g>
      ))}
      {data.lanes.map((lane, i) => (
        <g key={lane.key} transform={`translate(0 ${i * LANE_H})`}>
          <text x={4} y={15} className="history-lane-label">
            {tr.engineKeyed(lane.labelText, lane.label)}
          </text>
          {lane.spans.map((s, j) => {
            const start = Date.parse(s.from);
            const end = s.to ? Date.parse(s.to) : to;
            const who = s.pid ? tr('ui.history.owner', { name: s.processName ?? tr('ui.common.owner.notFound'), pid: s.pid }) : (s.processName ?? tr('ui.common.owner.notFound'));
            return (
              <rect
                key={j}
                x={x(start)}
                y={4}
                width={Math.max(2, x(end) - x(start))}
                height={LANE_H - 8}
                rx={3}
                className={`history-span exposure-${s.exposure}${s.openedBefore ? ' opened-before' : ''}${s.to ? '' : ' still-open'}`}
              >
                <title>
                  {tr(s.openedBefore ? 'ui.history.timeline.spanBefore' : 'ui.history.timeline.span', {
                    who,
                    address: s.localAddress,
                    from: tr.fmt.dateTime(new Date(start)),
                    to: s.to ? tr.fmt.dateTime(new Date(end)) : tr('ui.history.stillOpen'),
                  })}
                </title>
              </rect>
            );
          })}
        </g>
      ))}
    </svg>
  );
}
