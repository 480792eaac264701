import { useState } from 'react';
import type { RendererClient } from '../../contract/types';
import { AddMachineDialog } from './AddMachineDialog';
import type { MachineList } from './useMachineList';
import './machines.css';
import type { MachineInfo } from '../../../shared/contract';
import { useT, type T } from '../../i18n/useT';

const DISMISS = '×';

/** "nas (nas.lan) — unreachable": the label, the host name where it differs, and whether it answers. */
function machineText(t: T, m: MachineInfo): string {
  const name = m.hostname && m.hostname !== m.label ? t('ui.machines.withHost', { label: m.label, host: m.hostname }) : m.label;
  return m.status === 'error' ? t('ui.machines.unreachable', { name }) : name;
}

export interface MachineSwitcherProps {
  home: RendererClient;
  /** The host's machine list (polled by MachineRoot, which also watches the selected one's status). */
  list: MachineList;
  /** The machine the window looks at (null: this one). */
  selected: string | null;
  /** Why the last switch failed, or why the window fell back to this machine; null when nothing to say. */
  error: string | null;
  switching: boolean;
  onSelect: (id: string | null) => void;
  onDismissError?: () => void;
}

const ADD = '__add__';

/** The header's machine picker: This machine, the added ones, and Add machine. */
export function MachineSwitcher({ home, list, selected, error, switching, onSelect, onDismissError }: MachineSwitcherProps) {
  const { machines, error: listError, refresh } = list;
  const [adding, setAdding] = useState(false);
  const t = useT();

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
        <span className="error-text machine-error" role="alert" title={error ?? listError ?? undefined}>
          {error ?? listError}
        </span>
      ) : null}
      {error && onDismissError ? (
        <button type="button" className="link-button" aria-label={t('ui.machines.dismiss')} onClick={onDismissError}>
          {DISMISS}
        </button>
      ) : null}
      {adding ? (
        <AddMachineDialog
          home={home}
          onCancel={() => setAdding(false)}
          onAdded={(m) => {
            setAdding(false);
            list.add(m);
            onSelect(m.id);
          }}
        />
      ) : null}
    </div>
  );
}
