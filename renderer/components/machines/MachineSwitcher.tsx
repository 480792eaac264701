import { useState } from 'react';
import type { RendererClient } from '../../contract/types';
import { AddMachineDialog } from './AddMachineDialog';
import type { MachineList } from './useMachineList';
import './machines.css';

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

  const current = machines.find((m) => m.id === selected) ?? null;
  const remove = async () => {
    if (!current || !window.confirm(`Remove ${current.label} from the list? Its token and pinned fingerprint are forgotten.`)) return;
    onSelect(null);
    await home.call('machines.remove', { id: current.id }).catch(() => undefined);
    refresh();
  };

  return (
    <div className="machine-switcher">
      <label>
        <span className="sr-only">Machine</span>
        <select
          aria-label="Machine"
          value={selected ?? ''}
          disabled={switching}
          onChange={(e) => {
            if (e.target.value === ADD) setAdding(true);
            else onSelect(e.target.value === '' ? null : e.target.value);
          }}
        >
          <option value="">This machine</option>
          {machines.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
              {m.hostname && m.hostname !== m.label ? ` (${m.hostname})` : ''}
              {m.status === 'error' ? ' — unreachable' : ''}
            </option>
          ))}
          <option value={ADD}>Add machine…</option>
        </select>
      </label>
      {switching ? <span className="muted">Connecting…</span> : null}
      {current && current.control === false ? (
        <span className="machine-badge" title="The agent runs without --allow-control: End process and Close connection are off.">
          read-only
        </span>
      ) : null}
      {current ? (
        <button type="button" className="link-button" onClick={() => void remove()}>
          Remove
        </button>
      ) : null}
      {error || listError ? (
        <span className="error-text machine-error" role="alert" title={error ?? listError ?? undefined}>
          {error ?? listError}
        </span>
      ) : null}
      {error && onDismissError ? (
        <button type="button" className="link-button" aria-label="Dismiss the machine note" onClick={onDismissError}>
          ×
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
