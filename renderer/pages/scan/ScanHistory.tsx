import { useId, useMemo, useState } from 'react';
import { diffScans, outcomeLabel } from '../../stores/scan/diff';
import type { ScanRecord } from '../../stores/scan/store';
import { formatDuration } from '../../format/time';
import { useT, type T } from '../../i18n/useT';
import { ALL_PORTS } from './ScanForm';

/** Long target or port lists are cut to fit a line (the full text is in the title). */
function short(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Every port, however it was written (`-`, `1-65535`), reads as the All preset does. */
export function portsLabel(ports: string): string {
  return ports.trim() === '-' || ports.trim() === '1-65535' ? ALL_PORTS : ports;
}

function describe(t: T, r: ScanRecord, history: readonly ScanRecord[]): string {
  return `#${history.length - history.indexOf(r)} ${t.fmt.time(new Date(r.result.startedAt))} — ${short(r.request.targets.join(', '))} · ${short(portsLabel(r.request.ports))} · ${r.result.protocol.toUpperCase()}`;
}

/** Targets and ports, not shortened (the row's tooltip). */
const fullDescription = (h: ScanRecord) => `${h.request.targets.join(', ')} · ${portsLabel(h.request.ports)}`;
const portSlashProtocol = (c: { port: number; protocol: string }) => `${c.port}/${c.protocol}`;

/** Recent scans (kept across reloads), and what changed between two of them (like nmap's ndiff). */
export function ScanHistory({ history }: { history: readonly ScanRecord[] }) {
  const t = useT();
  const [aId, setA] = useState<string>('');
  const [bId, setB] = useState<string>('');
  const ids = { a: useId(), b: useId() };
  const a = history.find((h) => h.scanId === aId) ?? history[1];
  const b = history.find((h) => h.scanId === bId) ?? history[0];
  const changes = useMemo(() => (a && b && a !== b ? diffScans(a.result, b.result) : null), [a, b]);

  if (history.length === 0) return null;
  return (
    <section className="panel scan-history" aria-label={t('ui.scan.history.label')}>
      <header className="panel-head">
        <h2>
          {t('ui.scan.history.title')} <span className="count">{history.length}</span>
        </h2>
      </header>
      <table className="mini-table" aria-label={t('ui.scan.history.title')}>
        <thead>
          <tr>
            <th scope="col">{t('ui.scan.history.scan')}</th>
            <th scope="col">{t('ui.scan.history.open')}</th>
            <th scope="col">{t('ui.scan.history.closed')}</th>
            <th scope="col">{t('ui.scan.history.filtered')}</th>
            <th scope="col">{t('ui.scan.history.took')}</th>
          </tr>
        </thead>
        <tbody>
          {history.map((h) => (
            <tr key={h.scanId}>
              <td title={fullDescription(h)}>
                {describe(t, h, history)}
                {h.result.cancelled ? <span className="muted">{t('ui.scan.history.cancelled')}</span> : null}
              </td>
              <td>{h.result.summary.counts.open}</td>
              <td>{h.result.summary.counts.closed}</td>
              <td>{h.result.summary.counts.filtered + h.result.summary.counts['open|filtered']}</td>
              <td>{formatDuration(t.fmt, h.result.summary.durationMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {history.length >= 2 ? (
        <div className="diff">
          <div className="form-row">
            <label htmlFor={ids.a}>{t('ui.scan.history.compare')}</label>
            <select id={ids.a} value={a?.scanId ?? ''} onChange={(e) => setA(e.target.value)}>
              {history.map((h) => (
                <option key={h.scanId} value={h.scanId}>
                  {describe(t, h, history)}
                </option>
              ))}
            </select>
            <label htmlFor={ids.b}>{t('ui.scan.history.with')}</label>
            <select id={ids.b} value={b?.scanId ?? ''} onChange={(e) => setB(e.target.value)}>
              {history.map((h) => (
                <option key={h.scanId} value={h.scanId}>
                  {describe(t, h, history)}
                </option>
              ))}
            </select>
          </div>
          {changes === null ? (
            <p className="muted">{t('ui.scan.history.pickTwo')}</p>
          ) : changes.length === 0 ? (
            <p>{t('ui.scan.history.noChange')}</p>
          ) : (
            <>
            <p className="muted">{t('ui.scan.history.onlyBoth')}</p>
            <table className="mini-table" aria-label={t('ui.scan.history.diffLabel')}>
              <thead>
                <tr>
                  <th scope="col">{t('ui.scan.col.host')}</th>
                  <th scope="col">{t('ui.common.port')}</th>
                  <th scope="col">{t('ui.scan.history.before')}</th>
                  <th scope="col">{t('ui.scan.history.after')}</th>
                </tr>
              </thead>
              <tbody>
                {changes.map((c) => (
                  <tr key={`${c.protocol}|${c.host}|${c.port}`} className={c.after === 'open' ? 'diff-opened' : c.before === 'open' ? 'diff-closed' : ''}>
                    <td>{c.host}</td>
                    <td>
                      {portSlashProtocol(c)}
                    </td>
                    <td>{outcomeLabel(c.before, t)}</td>
                    <td>{outcomeLabel(c.after, t)}</td>
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
