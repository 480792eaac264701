import { useEffect, useRef, useState } from 'react';
import type { MachineInfo } from '../../../shared/contract';
import { App } from '../../app/App';
import { createServices } from '../../app/createServices';
import { ServicesProvider, type AppServices } from '../../app/services';
import { withMachineHealth, type MachineHealthClient } from '../../contract/machineHealth';
import type { MachineConnector } from '../../contract/machines';
import { errorMessage } from '../../format/errors';
import type { RendererClient } from '../../contract/types';
import { MachineSwitcher } from './MachineSwitcher';
import { useMachineList } from './useMachineList';
import { currentLang } from '../../i18n/current';
import { plainT } from '../../i18n/plain';

/** Stops what a machine's stores hold (the live feed, history polling) and its own connection. */
function disposeServices(services: AppServices, home: RendererClient): void {
  services.feed.dispose();
  services.history.getState().dispose();
  if (services.client !== home) services.client.dispose();
}

interface Current {
  id: string | null;
  services: AppServices;
  /** The remote machine's client, fed the host's view of its agent; null for this machine. */
  health: MachineHealthClient | null;
}

/**
 * One window, many machines: the app's stores are built for the machine being looked at and
 * rebuilt from scratch on a switch (a fresh snapshot, that machine's history), so nothing of
 * one machine's table shows under another's name. The page the user was on stays.
 *
 * On start it reopens the machine chosen last (the host keeps it in machines.json); a machine
 * that is gone or cannot be reached falls back to this one with a note, as does a machine that
 * another tab or window removes while this one looks at it.
 */
export function MachineRoot({ connector, initial }: { connector: MachineConnector; initial: AppServices }) {
  const [current, setCurrent] = useState<Current>({ id: null, services: initial, health: null });
  const [error, setError] = useState<string | null>(null);
  const [switching, setSwitching] = useState(false);
  const latest = useRef(0);
  const currentRef = useRef(current);
  currentRef.current = current;
  /** Labels of machines seen in the list, for notes about a machine that is gone from it. */
  const labels = useRef(new Map<string, string>());

  const select = (id: string | null, onFail?: (reason: string) => string) => {
    if (id === currentRef.current.id && !onFail) return;
    const attempt = ++latest.current;
    setSwitching(true);
    setError(null);
    const onRemoved = () => {
      if (currentRef.current.id === id && id !== null) fallBack(`${labelOf(id)} was removed from the machine list in another window or tab; showing this machine.`);
    };
    connector.open(id, { onRemoved }).then(
      (client) => {
        if (attempt !== latest.current) {
          if (client !== connector.home) client.dispose();
          return;
        }
        const page = currentRef.current.services.ui.getState().page;
        disposeServices(currentRef.current.services, connector.home);
        const health = client === connector.home ? null : withMachineHealth(client);
        setCurrent({ id, services: createServices(health ?? client, page), health });
        setSwitching(false);
      },
      (err: unknown) => {
        if (attempt !== latest.current) return;
        const reason = errorMessage(err);
        setSwitching(false);
        // Going back to this machine cannot fall back any further: say why and stay.
        if (onFail && id !== null) fallBack(onFail(reason));
        else setError(onFail ? onFail(reason) : reason);
      },
    );
  };
  /** Back to this machine, saying why. */
  const fallBack = (note: string) => {
    select(null, () => note);
    setError(note);
  };
  const labelOf = (id: string) => labels.current.get(id) ?? plainT(currentLang())('ui.machines.theMachine');

  const onList = (machines: MachineInfo[]) => {
    for (const m of machines) labels.current.set(m.id, m.label);
    const { id, health } = currentRef.current;
    if (id === null || switching) return;
    const mine = machines.find((m) => m.id === id);
    // Removed elsewhere (Electron has no close code to say so; the list does).
    if (!mine) fallBack(plainT(currentLang())('ui.machines.gone', { label: labelOf(id) }));
    else health?.update(mine);
  };
  const list = useMachineList(connector.home, current.id, onList);

  // Reopen the machine looked at last, once, when the list first answers.
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current || list.remembered === undefined) return;
    restored.current = true;
    const id = list.remembered;
    if (id === null || currentRef.current.id !== null || latest.current !== 0) return;
    if (!list.machines.some((m) => m.id === id)) {
      setError(plainT(currentLang())('ui.machines.lastGone'));
      return;
    }
    select(id, (reason) => plainT(currentLang())('ui.machines.reopenFailed', { label: labelOf(id), reason }));
    // select and labelOf read refs only; this runs once, on the first answer.
  }, [list.remembered, list.machines]);

  return (
    <ServicesProvider key={current.id ?? 'this-machine'} services={current.services}>
      <App
        machineSwitcher={
          <MachineSwitcher
            home={connector.home}
            list={list}
            selected={current.id}
            error={error}
            switching={switching}
            onSelect={(id) => select(id)}
            onDismissError={() => setError(null)}
          />
        }
      />
    </ServicesProvider>
  );
}
