import { useId, useMemo, useState } from 'react';
import { diffScans, outcomeLabel } from '../../stores/scan/diff';
import type { ScanRecord } from '../../stores/scan/store';
import { formatDuration } from '../../format/time';

const timeFmt = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** Long target or port lists are cut to fit a line (the full text is in the title). */
function short(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Every port, however it was written (`-`, `1-65535`), reads as the All preset does. */
export function portsLabel(ports: string): string {
  return ports.trim() === '-' || ports.trim() === '1-65535' ? '1-65535 (all)' : ports;
}

function describe(r: ScanRecord, history: readonly ScanRecord[]): string {
  return `#${history.length - history.indexOf(r)} ${timeFmt.format(new Date(r.result.startedAt))} — ${short(r.request.targets.join(', '))} · ${short(portsLabel(r.request.ports))} · ${r.result.protocol.toUpperCase()}`;
}

/** Recent scans (kept across reloads), and what changed between two of them (like nmap's ndiff). */
export function ScanHistory({ history }: { history: readonly ScanRecord[] }) {
  const [aId, setA] = useState<string>('');
  const [bId, setB] = useState<string>('');
  const ids = { a: useId(), b: useId() };
  const a = history.find((h) => h.scanId === aId) ?? history[1];
  const b = history.find((h) => h.scanId === bId) ?? history[0];
  const changes = useMemo(() => (a && b && a !== b ? diffScans(a.result, b.result) : null), [a, b]);

  if (history.length === 0) return null;
  return (
    <section className="panel scan-history" aria-label="Scan history">
      <header className="panel-head">
        <h2>
          Recent scans <span className="count">{history.length}</span>
        </h2>
      </header>
      <table className="mini-table" aria-label="Recent scans">
        <thead>
          <tr>
            <th scope="col">Scan</th>
            <th scope="col">Open</th>
            <th scope="col">Closed</th>
            <th scope="col">Filtered</th>
            <th scope="col">Took</th>
          </tr>
        </thead>
        <tbody>
          {history.map((h) => (
            <tr key={h.scanId}>
              <td title={`${h.request.targets.join(', ')} · ${portsLabel(h.request.ports)}`}>
                {describe(h, history)}
                {h.result.cancelled ? <span className="muted"> (cancelled)</span> : null}
              </td>
              <td>{h.result.summary.counts.open}</td>
              <td>{h.result.summary.counts.closed}</td>
              <td>{h.result.summary.counts.filtered + h.result.summary.counts['open|filtered']}</td>
              <td>{formatDuration(h.result.summary.durationMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {history.length >= 2 ? (
        <div className="diff">
          <div className="form-row">
            <label htmlFor={ids.a}>Compare</label>
            <select id={ids.a} value={a?.scanId ?? ''} onChange={(e) => setA(e.target.value)}>
              {history.map((h) => (
                <option key={h.scanId} value={h.scanId}>
                  {describe(h, history)}
                </option>
              ))}
            </select>
            <label htmlFor={ids.b}>with</label>
            <select id={ids.b} value={b?.scanId ?? ''} onChange={(e) => setB(e.target.value)}>
              {history.map((h) => (
                <option key={h.scanId} value={h.scanId}>
                  {describe(h, history)}
                </option>
              ))}
            </select>
          </div>
          {changes === null ? (
            <p className="muted">Pick two different scans.</p>
          ) : changes.length === 0 ? (
            <p>No port changed state between these scans (only ports both probed are compared).</p>
          ) : (
            <>
            <p className="muted">Only ports both scans probed are compared.</p>
            <table className="mini-table" aria-label="Differences between the two scans">
              <thead>
                <tr>
                  <th scope="col">Host</th>
                  <th scope="col">Port</th>
                  <th scope="col">Before</th>
                  <th scope="col">After</th>
                </tr>
              </thead>
              <tbody>
                {changes.map((c) => (
                  <tr key={`${c.protocol}|${c.host}|${c.port}`} className={c.after === 'open' ? 'diff-opened' : c.before === 'open' ? 'diff-closed' : ''}>
                    <td>{c.host}</td>
                    <td>
                      {c.port}/{c.protocol}
                    </td>
                    <td>{outcomeLabel(c.before)}</td>
                    <td>{outcomeLabel(c.after)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            </>
          )}
        </div>
      ) : null}
    </section>
  );
}
