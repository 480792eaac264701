import { useRef, useState } from 'react';
import { App } from '../../app/App';
import { createServices } from '../../app/createServices';
import { ServicesProvider, type AppServices } from '../../app/services';
import type { MachineConnector } from '../../contract/machines';
import type { RendererClient } from '../../contract/types';
import { MachineSwitcher } from './MachineSwitcher';
import { errorMessage } from '../../format/errors';

/** Stops what a machine's stores hold (the live feed, history polling) and its own connection. */
function disposeServices(services: AppServices, home: RendererClient): void {
  services.feed.dispose();
  services.history.getState().dispose();
  if (services.client !== home) services.client.dispose();
}

/**
 * One window, many machines: the app's stores are built for the machine being looked at and
 * rebuilt from scratch on a switch (a fresh snapshot, that machine's history), so nothing of
 * one machine's table shows under another's name. The page the user was on stays.
 */
export function MachineRoot({ connector, initial }: { connector: MachineConnector; initial: AppServices }) {
  const [current, setCurrent] = useState<{ id: string | null; services: AppServices }>({ id: null, services: initial });
  const [error, setError] = useState<string | null>(null);
  const [switching, setSwitching] = useState(false);
  const latest = useRef(0);

  const select = (id: string | null) => {
    if (id === current.id) return;
    const attempt = ++latest.current;
    setSwitching(true);
    setError(null);
    connector.open(id).then(
      (client) => {
        if (attempt !== latest.current) {
          if (client !== connector.home) client.dispose();
          return;
        }
        const page = current.services.ui.getState().page;
        disposeServices(current.services, connector.home);
        setCurrent({ id, services: createServices(client, page) });
        setSwitching(false);
      },
      (err: unknown) => {
        if (attempt !== latest.current) return;
        setError(errorMessage(err));
        setSwitching(false);
      },
    );
  };

  return (
    <ServicesProvider key={current.id ?? 'this-machine'} services={current.services}>
      <App machineSwitcher={<MachineSwitcher home={connector.home} selected={current.id} error={error} switching={switching} onSelect={select} />} />
    </ServicesProvider>
  );
}
