import { useId, useState, type FormEvent } from 'react';
import { PORT_PRESETS } from '../../../shared/catalog/presets';
import { TIMING_PROFILES, type ScanRequest, type TimingProfile } from '../../../shared/contract';
import { useT, type T } from '../../i18n/useT';

/** What the All preset writes in the Ports field (and so in the history); sent as 1-65535. */
export const ALL_PORTS = '1-65535 (all)';

/** The port spec as the engine reads it: the All preset's words dropped. */
export function portSpec(field: string): string {
  return field.trim().replace(/\s*\(all\)$/i, '');
}

const PRESET_NAME: Record<string, 'ui.scan.preset.basic' | 'ui.scan.preset.web' | 'ui.scan.preset.games' | 'ui.scan.preset.malicious'> = {
  basic: 'ui.scan.preset.basic',
  web: 'ui.scan.preset.web',
  games: 'ui.scan.preset.games',
  malicious: 'ui.scan.preset.malicious',
};

function presets(t: T) {
  return [
    ...PORT_PRESETS.map((p) => {
      const name = PRESET_NAME[p.id];
      return { id: p.id, label: t('ui.scan.preset.withCount', { name: name ? t(name) : p.label, count: p.ports.length }) };
    }),
    { id: 'top100', label: t('ui.scan.preset.top100') },
    { id: 'well-known', label: t('ui.scan.preset.wellKnown') },
    { id: ALL_PORTS, label: t('ui.scan.preset.all') },
  ];
}

/** The profile names are what `--timing` takes: they stay; the explanation is translated. */
const TIMING_TEXT = {
  polite: 'ui.scan.timing.polite',
  normal: 'ui.scan.timing.normal',
  aggressive: 'ui.scan.timing.aggressive',
  insane: 'ui.scan.timing.insane',
} as const satisfies Record<TimingProfile, string>;

const PROTO = { tcp: 'TCP', udp: 'UDP' } as const;

export function ScanForm({ busy, onStart, onCancel, canCancel }: { busy: boolean; canCancel: boolean; onStart: (r: ScanRequest) => void; onCancel: () => void }) {
  const t = useT();
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
    <form className="form panel" onSubmit={submit} aria-label={t('ui.scan.form.label')}>
      <div className="field grow">
        <label htmlFor={ids.targets}>{t('ui.scan.form.targets')}</label>
        <input id={ids.targets} value={targets} onChange={(e) => setTargets(e.target.value)} placeholder={t('ui.scan.form.targetsPlaceholder')} required spellCheck={false} />
        <small>{t('ui.scan.form.targetsHelp')}</small>
      </div>
      <div className="field grow">
        <label htmlFor={ids.ports}>{t('ui.scan.form.ports')}</label>
        <input id={ids.ports} value={ports} onChange={(e) => setPorts(e.target.value)} placeholder={t('ui.scan.form.portsPlaceholder')} required spellCheck={false} />
        <small>{t('ui.scan.form.portsHelp')}</small>
      </div>
      <div className="field">
        <label htmlFor={ids.preset}>{t('ui.scan.form.preset')}</label>
        <select id={ids.preset} value="" onChange={(e) => e.target.value && setPorts(e.target.value)}>
          <option value="">{t('ui.scan.form.choose')}</option>
          {presets(t).map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field">
        <legend>{t('ui.common.protocol')}</legend>
        <label className="check">
          <input type="radio" name="scan-protocol" value="tcp" checked={protocol === 'tcp'} onChange={() => setProtocol('tcp')} /> {PROTO.tcp}
        </label>
        <label className="check">
          <input type="radio" name="scan-protocol" value="udp" checked={protocol === 'udp'} onChange={() => setProtocol('udp')} /> {PROTO.udp}
        </label>
      </fieldset>
      <div className="field">
        <label htmlFor={ids.timing}>{t('ui.scan.form.timing')}</label>
        <select id={ids.timing} value={timing} onChange={(e) => setTiming(e.target.value as TimingProfile)}>
          {TIMING_PROFILES.map((profile) => (
            <option key={profile} value={profile}>
              {t(TIMING_TEXT[profile])}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="check" htmlFor={ids.hints}>
          <input id={ids.hints} type="checkbox" checked={hints} disabled={protocol !== 'tcp'} onChange={(e) => setHints(e.target.checked)} /> {t('ui.scan.form.hints')}
        </label>
      </div>
      <div className="field buttons">
        <button type="submit" className="primary" disabled={busy}>
          {t('ui.scan.form.start')}
        </button>
        <button type="button" onClick={onCancel} disabled={!canCancel}>
          {t('ui.common.cancel')}
        </button>
      </div>
    </form>
  );
}
