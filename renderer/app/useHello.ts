import { useEffect, useState } from 'react';
import { CONTRACT_VERSION } from '../../shared/contract/version';
import type { HelloResponse } from '../../shared/contract/calls';
import type { RendererClient } from '../contract/types';
import { useServices } from './services';

// One hello per client: the platform and its capabilities do not change while it is connected.
const answers = new WeakMap<RendererClient, Promise<HelloResponse | null>>();

/** The engine's hello (platform, capabilities), or null until it answered or when it failed. */
export function useHello(): HelloResponse | null {
  const { client } = useServices();
  const [hello, setHello] = useState<HelloResponse | null>(null);
  useEffect(() => {
    let answer = answers.get(client);
    if (!answer) {
      answer = client.call('contract.hello', { version: CONTRACT_VERSION }).catch(() => null);
      answers.set(client, answer);
    }
    let live = true;
    void answer.then((h) => live && setHello(h));
    return () => {
      live = false;
    };
  }, [client]);
  return hello;
}
