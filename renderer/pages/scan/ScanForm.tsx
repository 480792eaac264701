import { useId, useState, type FormEvent } from 'react';
import { PORT_PRESETS } from '../../../shared/catalog/presets';
import { TIMING_PROFILES, type ScanRequest, type TimingProfile } from '../../../shared/contract';

/** What the All preset writes in the Ports field (and so in the history); sent as 1-65535. */
export const ALL_PORTS = '1-65535 (all)';

/** The port spec as the engine reads it: the All preset's words dropped. */
export function portSpec(field: string): string {
  return field.trim().replace(/\s*\(all\)$/i, '');
}

const PRESETS = [...PORT_PRESETS.map((p) => ({ id: p.id, label: `${p.label} (${p.ports.length} ports)` })), { id: 'top100', label: 'Top 100' }, { id: 'well-known', label: 'Well-known (1–1023)' }, { id: ALL_PORTS, label: 'All (1–65535)' }];

const TIMING_TEXT: Record<TimingProfile, string> = {
  polite: 'polite — slow, gentle on the network',
  normal: 'normal',
  aggressive: 'aggressive — fast, for good networks',
  insane: 'insane — fastest, may miss ports',
};

export function ScanForm({ busy, onStart, onCancel, canCancel }: { busy: boolean; canCancel: boolean; onStart: (r: ScanRequest) => void; onCancel: () => void }) {
  const [targets, setTargets] = useState('127.0.0.1');
  const [ports, setPorts] = useState('basic');
  const [protocol, setProtocol] = useState<'tcp' | 'udp'>('tcp');
  const [timing, setTiming] = useState<TimingProfile>('normal');
  const [hints, setHints] = useState(false);
  const ids = { targets: useId(), ports: useId(), preset: useId(), timing: useId(), hints: useId() };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const list = targets
      .split(/[\s,]+/)
      .map((t) => t.trim())
      .filter(Boolean);
    if (list.length === 0 || !ports.trim()) return;
    onStart({ targets: list, ports: portSpec(ports), protocol, timing, serviceHints: hints && protocol === 'tcp' });
  };

  return (
    <form className="form panel" onSubmit={submit} aria-label="Scan settings">
      <div className="field grow">
        <label htmlFor={ids.targets}>Targets</label>
        <input id={ids.targets} value={targets} onChange={(e) => setTargets(e.target.value)} placeholder="127.0.0.1, ::1, 192.168.1.0/24, host.lan" required spellCheck={false} />
        <small>Addresses, names, CIDR blocks or ranges, separated by commas or spaces.</small>
      </div>
      <div className="field grow">
        <label htmlFor={ids.ports}>Ports</label>
        <input id={ids.ports} value={ports} onChange={(e) => setPorts(e.target.value)} placeholder="22,80,443,8000-8100 or a preset" required spellCheck={false} />
        <small>Numbers, ranges and presets; mix them: basic,8080.</small>
      </div>
      <div className="field">
        <label htmlFor={ids.preset}>Preset</label>
        <select id={ids.preset} value="" onChange={(e) => e.target.value && setPorts(e.target.value)}>
          <option value="">choose…</option>
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field">
        <legend>Protocol</legend>
        <label className="check">
          <input type="radio" name="scan-protocol" value="tcp" checked={protocol === 'tcp'} onChange={() => setProtocol('tcp')} /> TCP
        </label>
        <label className="check">
          <input type="radio" name="scan-protocol" value="udp" checked={protocol === 'udp'} onChange={() => setProtocol('udp')} /> UDP
        </label>
      </fieldset>
      <div className="field">
        <label htmlFor={ids.timing}>Timing</label>
        <select id={ids.timing} value={timing} onChange={(e) => setTiming(e.target.value as TimingProfile)}>
          {TIMING_PROFILES.map((t) => (
            <option key={t} value={t}>
              {TIMING_TEXT[t]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="check" htmlFor={ids.hints}>
          <input id={ids.hints} type="checkbox" checked={hints} disabled={protocol !== 'tcp'} onChange={(e) => setHints(e.target.checked)} /> Service hints (banner, HTTP, TLS)
        </label>
      </div>
      <div className="field buttons">
        <button type="submit" className="primary" disabled={busy}>
          Start scan
        </button>
        <button type="button" onClick={onCancel} disabled={!canCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
