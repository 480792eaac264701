import { useCallback, useEffect, useState } from 'react';
import type { MachineInfo } from '../../../shared/contract';
import type { RendererClient } from '../../contract/types';
import { AddMachineDialog } from './AddMachineDialog';
import './machines.css';
import { errorMessage } from '../../format/errors';
import { useT, type T } from '../../i18n/useT';

export interface MachineSwitcherProps {
  home: RendererClient;
  /** The machine the window looks at (null: this one). */
  selected: string | null;
  /** Why the last switch failed, or null. */
  error: string | null;
  switching: boolean;
  onSelect: (id: string | null) => void;
}

const ADD = '__add__';

/** "nas (nas.lan) — unreachable": the label, the host name where it differs, and whether it answers. */
function machineText(t: T, m: MachineInfo): string {
  const name = m.hostname && m.hostname !== m.label ? t('ui.machines.withHost', { label: m.label, host: m.hostname }) : m.label;
  return m.status === 'error' ? t('ui.machines.unreachable', { name }) : name;
}

/** The header's machine picker: This machine, the added ones, and Add machine. */
export function MachineSwitcher({ home, selected, error, switching, onSelect }: MachineSwitcherProps) {
  const t = useT();
  const [machines, setMachines] = useState<MachineInfo[]>([]);
  const [adding, setAdding] = useState(false);
  const [listError, setListError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    home.call('machines.list', {}).then(
      (r) => {
        setMachines(r.machines);
        setListError(null);
      },
      (err: unknown) => setListError(errorMessage(err)),
    );
  }, [home]);
  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, 5000);
    return () => clearInterval(timer);
  }, [refresh, selected]);

  const current = machines.find((m) => m.id === selected) ?? null;
  const remove = async () => {
    if (!current || !window.confirm(t('ui.machines.removeConfirm', { label: current.label }))) return;
    onSelect(null);
    await home.call('machines.remove', { id: current.id }).catch(() => undefined);
    refresh();
  };

  return (
    <div className="machine-switcher">
      <label>
        <span className="sr-only">{t('ui.machines.label')}</span>
        <select
          aria-label={t('ui.machines.label')}
          value={selected ?? ''}
          disabled={switching}
          onChange={(e) => {
            if (e.target.value === ADD) setAdding(true);
            else onSelect(e.target.value === '' ? null : e.target.value);
          }}
        >
          <option value="">{t('ui.machines.thisMachine')}</option>
          {machines.map((m) => (
            <option key={m.id} value={m.id}>
              {machineText(t, m)}
            </option>
          ))}
          <option value={ADD}>{t('ui.machines.addOption')}</option>
        </select>
      </label>
      {switching ? <span className="muted">{t('ui.machines.connecting')}</span> : null}
      {current && current.control === false ? (
        <span className="machine-badge" title={t('ui.machines.readOnlyTitle')}>
          {t('ui.machines.readOnly')}
        </span>
      ) : null}
      {current ? (
        <button type="button" className="link-button" onClick={() => void remove()}>
          {t('ui.machines.remove')}
        </button>
      ) : null}
      {error || listError ? (
        <span className="error-text machine-error" role="alert">
          {error ?? listError}
        </span>
      ) : null}
      {adding ? (
        <AddMachineDialog
          home={home}
          onCancel={() => setAdding(false)}
          onAdded={(m) => {
            setAdding(false);
            setMachines((list) => [...list.filter((x) => x.id !== m.id), m]);
            onSelect(m.id);
          }}
        />
      ) : null}
    </div>
  );
}
