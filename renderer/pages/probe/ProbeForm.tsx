import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ProbeRequest } from '../../../shared/contract';
import type { PortTarget } from '../../stores/ui';
import { useT } from '../../i18n/useT';

const PROTO = { tcp: 'TCP', udp: 'UDP' } as const;

/** "Probe this port" requests already put into the form (each once). */
const applied = new WeakSet<object>();

export function ProbeForm({ initial, last, busy, onStart, onCancel }: { initial: PortTarget | null; last: ProbeRequest | null; busy: boolean; onStart: (r: ProbeRequest) => void; onCancel: () => void }) {
  const t = useT();
  // Coming back to the page shows the last probe's settings; a new "probe this port" wins.
  const seed = initial && !applied.has(initial) ? initial : (last ?? initial);
  const [host, setHost] = useState(seed?.host ?? '127.0.0.1');
  const [port, setPort] = useState(seed ? String(seed.port) : '');
  const [protocol, setProtocol] = useState<'tcp' | 'udp'>(seed?.protocol ?? 'tcp');
  const [count, setCount] = useState(String(last?.count ?? 10));
  const [interval, setIntervalMs] = useState(String(last?.intervalMs ?? 500));
  const [timeout, setTimeoutMs] = useState(String(last?.timeoutMs ?? 2000));
  const [banner, setBanner] = useState(last?.banner ?? false);
  const ids = { host: useId(), port: useId(), count: useId(), interval: useId(), timeout: useId(), banner: useId() };

  // "Probe this port" from the process panel fills the form anew.
  useEffect(() => {
    if (!initial || applied.has(initial)) return;
    applied.add(initial);
    setHost(initial.host);
    setPort(String(initial.port));
    setProtocol(initial.protocol);
  }, [initial]);

  const portNum = Number(port);
  const valid = host.trim() !== '' && Number.isInteger(portNum) && portNum >= 1 && portNum <= 65535;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!valid) return;
    onStart({
      host: host.trim(),
      port: portNum,
      protocol,
      count: clamp(Number(count), 1, 10_000, 10),
      intervalMs: clamp(Number(interval), 0, 60_000, 500),
      timeoutMs: clamp(Number(timeout), 50, 60_000, 2000),
      banner: banner && protocol === 'tcp',
    });
  };

  return (
    <form className="form panel" onSubmit={submit} aria-label={t('ui.probe.form.label')}>
      <div className="field grow">
        <label htmlFor={ids.host}>{t('ui.scan.col.host')}</label>
        <input id={ids.host} value={host} onChange={(e) => setHost(e.target.value)} required spellCheck={false} />
      </div>
      <div className="field">
        <label htmlFor={ids.port}>{t('ui.common.port')}</label>
        <input id={ids.port} value={port} onChange={(e) => setPort(e.target.value)} inputMode="numeric" pattern="[0-9]*" required size={6} aria-invalid={port !== '' && !valid} />
      </div>
      <fieldset className="field">
        <legend>{t('ui.common.protocol')}</legend>
        <label className="check">
          <input type="radio" name="probe-protocol" checked={protocol === 'tcp'} onChange={() => setProtocol('tcp')} /> {PROTO.tcp}
        </label>
        <label className="check">
          <input type="radio" name="probe-protocol" checked={protocol === 'udp'} onChange={() => setProtocol('udp')} /> {PROTO.udp}
        </label>
      </fieldset>
      <div className="field">
        <label htmlFor={ids.count}>{t('ui.probe.form.attempts')}</label>
        <input id={ids.count} type="number" min={1} max={10000} value={count} onChange={(e) => setCount(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={ids.interval}>{t('ui.probe.form.interval')}</label>
        <input id={ids.interval} type="number" min={0} max={60000} value={interval} onChange={(e) => setIntervalMs(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={ids.timeout}>{t('ui.probe.form.timeout')}</label>
        <input id={ids.timeout} type="number" min={50} max={60000} value={timeout} onChange={(e) => setTimeoutMs(e.target.value)} />
      </div>
      <div className="field">
        <label className="check" htmlFor={ids.banner}>
          <input id={ids.banner} type="checkbox" checked={banner} disabled={protocol !== 'tcp'} onChange={(e) => setBanner(e.target.checked)} /> {t('ui.probe.form.banner')}
        </label>
      </div>
      <div className="field buttons">
        <button type="submit" className="primary" disabled={busy || !valid}>
          {t('ui.probe.form.start')}
        </button>
        <button type="button" onClick={onCancel} disabled={!busy}>
          {t('ui.common.cancel')}
        </button>
      </div>
    </form>
  );
}

function clamp(v: number, min: number, max: number, fallback: number): number {
  if (!Number.isFinite(v)) return fallback;
  return Math.min(max, Math.max(min, Math.round(v)));
}
