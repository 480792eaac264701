import { useEffect, useState, type FormEvent } from 'react';
import type { HistorySettings } from '../../../shared/contract/history';
import { useServices } from '../../app/services';
import { errorMessage } from '../../format/errors';
import { useT } from '../../i18n/useT';

/** Examples are data (program names and port numbers): the same in every language. */
const EXAMPLE_PROCESSES = 'sshd, nginx';
const EXAMPLE_PORTS = '22, 5353';

const list = (text: string) => text.split(/[\s,]+/).filter(Boolean);

/** Retention and alert rules, kept in the data folder's history-settings.json (the agent reads it too). */
export function HistorySettingsPanel() {
  const { client } = useServices();
  const t = useT();
  const [settings, setSettings] = useState<HistorySettings | null>(null);
  const [ignoreProcesses, setIgnoreProcesses] = useState('');
  const [ignorePorts, setIgnorePorts] = useState('');
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    void client.call('history.settings', {}).then(
      (s) => {
        setSettings(s);
        setIgnoreProcesses(s.ignoreProcesses.join(', '));
        setIgnorePorts(s.ignorePorts.join(', '));
      },
      (err: unknown) => setNote(errorMessage(err)),
    );
  }, [client]);

  if (!settings) return note ? <p className="error-text">{note}</p> : null;
  const ports = list(ignorePorts).map(Number);
  const portsValid = ports.every((p) => Number.isInteger(p) && p >= 0 && p <= 65535);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!portsValid) return;
    try {
      const saved = await client.call('history.settings', { ...settings, ignoreProcesses: list(ignoreProcesses), ignorePorts: ports });
      setSettings(saved);
      setNote(t('ui.history.settings.saved'));
    } catch (err) {
      setNote(errorMessage(err));
    }
  };
  const num = (key: 'retentionDays' | 'maxSizeMb', v: string) => setSettings({ ...settings, [key]: Math.max(1, Math.round(Number(v) || 0)) });
  return (
    <form className="history-settings" onSubmit={(e) => void save(e)} aria-label={t('ui.history.settings.label')}>
      <label>
        {t.rich('ui.history.settings.keep', {
          days: <input type="number" min={1} max={3650} value={settings.retentionDays} onChange={(e) => num('retentionDays', e.target.value)} size={4} />,
        })}
      </label>
      <label>
        {t.rich('ui.history.settings.cap', {
          size: <input type="number" min={10} max={1000000} value={settings.maxSizeMb} onChange={(e) => num('maxSizeMb', e.target.value)} size={6} />,
        })}
      </label>
      <label className="check">
        <input type="checkbox" checked={settings.alertEveryNewListener} onChange={(e) => setSettings({ ...settings, alertEveryNewListener: e.target.checked })} /> {t('ui.history.settings.alertNew')}
      </label>
      <label className="check">
        <input type="checkbox" checked={settings.alertServiceDown} onChange={(e) => setSettings({ ...settings, alertServiceDown: e.target.checked })} /> {t('ui.history.settings.alertGone')}
      </label>
      <label>
        {t('ui.history.settings.ignoreProcesses')} <input value={ignoreProcesses} onChange={(e) => setIgnoreProcesses(e.target.value)} placeholder={EXAMPLE_PROCESSES} />
      </label>
      <label>
        {t('ui.history.settings.ignorePorts')} <input value={ignorePorts} onChange={(e) => setIgnorePorts(e.target.value)} placeholder={EXAMPLE_PORTS} aria-invalid={!portsValid} />
      </label>
      <button type="submit" disabled={!portsValid}>
        {t('ui.history.settings.save')}
      </button>
      {note ? <span role="status">{note}</span> : null}
    </form>
  );
}
