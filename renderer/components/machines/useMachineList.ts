import { useCallback, useEffect, useRef, useState } from 'react';
import type { MachineInfo } from '../../../shared/contract';
import type { RendererClient } from '../../contract/types';
import { errorMessage, isConnectionLoss } from '../../format/errors';

export interface MachineList {
  machines: MachineInfo[];
  /** The machine the host remembers as selected last (reopened on start); undefined before the first answer. */
  remembered: string | null | undefined;
  error: string | null;
  /** Whether the list has been read at least once. */
  loaded: boolean;
  refresh(): void;
  /** Puts a machine in the list before the next poll (just added). */
  add(machine: MachineInfo): void;
}

/**
 * The host's machine list, polled: every 2 s while a remote machine is looked at (its status is
 * how the window learns the agent went away or came back), every 5 s otherwise.
 */
export function useMachineList(home: RendererClient, selected: string | null, onList?: (machines: MachineInfo[]) => void): MachineList {
  const [machines, setMachines] = useState<MachineInfo[]>([]);
  const [remembered, setRemembered] = useState<string | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const onListRef = useRef(onList);
  onListRef.current = onList;

  const refresh = useCallback(() => {
    home.call('machines.list', {}).then(
      (r) => {
        setMachines(r.machines);
        setRemembered(r.selected ?? null);
        setError(null);
        setLoaded(true);
        onListRef.current?.(r.machines);
      },
      (err: unknown) => {
        // A lost connection is the banner's to tell; the header keeps the last list meanwhile.
        setError(isConnectionLoss(err) ? null : errorMessage(err));
        setLoaded(true);
      },
    );
  }, [home]);
  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, selected === null ? 5000 : 2000);
    return () => clearInterval(timer);
  }, [refresh, selected]);

  const add = useCallback((m: MachineInfo) => setMachines((list) => [...list.filter((x) => x.id !== m.id), m]), []);
  return { machines, remembered, error, loaded, refresh, add };
}
