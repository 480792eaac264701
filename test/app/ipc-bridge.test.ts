import { afterEach, describe, expect, it } from 'vitest';
import { calls, ContractError, events, IPC_PREFIX } from '../../shared/contract';
import type { PortscopeBridge } from '../../shared/contract/bridge';
import { fromBridgeError } from '../../shared/contract/bridgeError';
import { engineCatalogs } from '../../shared/i18n/catalogs/engine';
import { engineText } from '../../electron/engine/localizedText';
import { createBridgeClient } from '../../renderer/contract/bridgeClient';
import { errorMessage } from '../../renderer/format/errors';
import { setCurrentLang } from '../../renderer/i18n/current';
import { createBridge } from '../../electron/app/bridge';
import { bindContract } from '../../electron/app/ipc';
import { FakeLink } from '../host/support/fake-link';
import { appFrame, FakeIpcMain } from './fake-electron';

function setup() {
  const ipcMain = new FakeIpcMain();
  const link = new FakeLink();
  const logs: string[] = [];
  const binding = bindContract({ ipcMain, link, log: (m) => logs.push(m) });
  return { ipcMain, link, logs, binding };
}

describe('bindContract', () => {
  it('binds every call of the contract, each on its own prefixed channel', () => {
    const { ipcMain } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.keys(calls).map((n) => `${IPC_PREFIX}${n}`).sort());
  });

  it('dispose removes every handler and listener', () => {
    const { ipcMain, binding } = setup();
    binding.dispose();
    expect(ipcMain.handlers.size).toBe(0);
    expect([...ipcMain.listeners.values()].every((s) => s.size === 0)).toBe(true);
  });
});

describe('the preload bridge over the binding', () => {
  it('offers one function per call and per event, and nothing else', () => {
    const { ipcMain } = setup();
    const bridge = createBridge(ipcMain.connect(appFrame).ipc);
    expect(Object.keys(bridge.calls).sort()).toEqual(Object.keys(calls).sort());
    expect(Object.keys(bridge.events).sort()).toEqual(Object.keys(events).sort());
    expect(Object.keys(bridge).sort()).toEqual(['calls', 'events', 'version']);
  });

  it('calls the engine for the app page and returns its answer', async () => {
    const { ipcMain, link } = setup();
    const bridge = createBridge(ipcMain.connect(appFrame).ipc);
    await expect(bridge.calls['contract.hello']({ version: '1.0.0' })).resolves.toMatchObject({ transport: 'browser' });
    expect(link.requests).toEqual([{ name: 'contract.hello', request: { version: '1.0.0' } }]);
  });

  it('rejects a bad payload with bad-request before the engine sees it', async () => {
    const { ipcMain, link } = setup();
    const bridge = createBridge(ipcMain.connect(appFrame).ipc);
    const call = bridge.calls['process.details'] as (req: unknown) => Promise<unknown>;
    await expect(call({ pid: 'one' })).rejects.toMatchObject({ code: 'bad-request', message: expect.stringMatching(/^\[bad-request\] .*pid/) });
    await expect(call(null)).rejects.toMatchObject({ code: 'bad-request' });
    expect(link.requests).toEqual([]);
  });

  it('passes engine error codes through', async () => {
    const { ipcMain } = setup();
    const bridge = createBridge(ipcMain.connect(appFrame).ipc);
    await expect(bridge.calls['process.details']({ pid: 4242 })).rejects.toMatchObject({ code: 'not-found', message: '[not-found] No process 4242.' });
  });

  it.each([
    ['another origin', { url: 'https://evil.example/', parent: null }],
    ['a file:// page', { url: 'file:///tmp/download.html', parent: null }],
    ['a subframe of the app', { url: 'portscope-app://app/index.html', parent: {} }],
    ['a frame that is gone', null],
  ])('denies calls and subscriptions from %s', async (_what, frame) => {
    const { ipcMain, link, logs } = setup();
    const bridge = createBridge(ipcMain.connect(frame).ipc);
    await expect(bridge.calls['contract.hello']({ version: '1.0.0' })).rejects.toMatchObject({ code: 'denied' });
    // Keyed, like the engine's errors: the page would show it in its language.
    const denied = fromBridgeError(await bridge.calls['contract.hello']({ version: '1.0.0' }).catch((e: unknown) => e));
    expect(denied).toMatchObject({ message: 'This page may not use the Portscope engine.', messageKey: 'desktop.error.engineDenied' });
    setCurrentLang('nl');
    try {
      expect(errorMessage(denied)).toBe('Deze pagina mag de Portscope-engine niet gebruiken.');
    } finally {
      setCurrentLang('en');
    }
    bridge.events['monitor.error'](() => {});
    expect(link.requests).toEqual([]);
    expect(link.subscriberCount('monitor.error')).toBe(0);
    expect(logs.length).toBeGreaterThan(0);
  });

  it('forwards events to the subscribed window only, and unsubscribes', async () => {
    const { ipcMain, link } = setup();
    const one = ipcMain.connect(appFrame);
    const two = ipcMain.connect(appFrame);
    const a = createBridge(one.ipc);
    const b = createBridge(two.ipc);
    const gotA: unknown[] = [];
    const gotB: unknown[] = [];
    const offA = a.events['monitor.error']((p) => gotA.push(p));
    const offA2 = a.events['monitor.error']((p) => gotA.push(p));
    b.events['sockets.delta']((p) => gotB.push(p));
    link.emit('monitor.error', { at: 't', message: 'boom' });
    expect(gotA).toEqual([{ at: 't', message: 'boom' }, { at: 't', message: 'boom' }]);
    expect(gotB).toEqual([]);
    offA();
    offA(); // idempotent
    expect(link.subscriberCount('monitor.error')).toBe(1);
    offA2();
    expect(link.subscriberCount('monitor.error')).toBe(0);
    link.emit('monitor.error', { at: 't', message: 'again' });
    expect(gotA).toHaveLength(2);
  });

  it('drops a window\'s subscriptions when it is destroyed, and sends nothing to it', () => {
    const { ipcMain, link } = setup();
    const page = ipcMain.connect(appFrame);
    createBridge(page.ipc).events['sockets.delta'](() => {});
    expect(link.subscriberCount('sockets.delta')).toBe(1);
    page.contents.destroy();
    expect(link.subscriberCount('sockets.delta')).toBe(0);
  });

  it('ignores subscriptions to unknown streams sent around the bridge', () => {
    const { ipcMain, link } = setup();
    const page = ipcMain.connect(appFrame);
    page.ipc.send(`${IPC_PREFIX}@subscribe`, 'no.such.stream');
    page.ipc.send(`${IPC_PREFIX}@subscribe`, { toString: 'x' });
    expect(link.listeners.size).toBe(0);
  });

  it('refuses a listener that is not a function', () => {
    const { ipcMain } = setup();
    const bridge = createBridge(ipcMain.connect(appFrame).ipc);
    expect(() => (bridge.events['sockets.delta'] as (l: unknown) => unknown)('nope')).toThrow(TypeError);
  });
});

/** What contextBridge does to a rejection on its way into the page: only the message survives. */
function throughContextBridge(bridge: PortscopeBridge): PortscopeBridge {
  const calls = Object.fromEntries(
    Object.entries(bridge.calls).map(([name, fn]) => [
      name,
      async (request: unknown) => {
        try {
          return await (fn as (r: unknown) => Promise<unknown>)(request);
        } catch (err) {
          // eslint-disable-next-line preserve-caught-error -- dropping everything but the message is the point
          throw new Error((err as Error).message);
        }
      },
    ]),
  );
  return { ...bridge, calls } as unknown as PortscopeBridge;
}

describe('engine errors across contextBridge', () => {
  afterEach(() => setCurrentLang('en'));

  it('keep their code, catalog key and values, so the page shows them in its language', async () => {
    const { ipcMain, link } = setup();
    link.answers['history.changes'] = () => {
      throw new ContractError('not-found', engineText('engine.history.none', { dir: '/data' }), { messageKey: 'engine.history.none', values: { dir: '/data' } });
    };
    const client = createBridgeClient(throughContextBridge(createBridge(ipcMain.connect(appFrame).ipc)));
    const err = await client.call('history.changes', { since: 'hour' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ContractError);
    expect(err).toMatchObject({ code: 'not-found', message: engineText('engine.history.none', { dir: '/data' }), messageKey: 'engine.history.none', values: { dir: '/data' } });
    setCurrentLang('de');
    expect(errorMessage(err)).toBe(engineCatalogs.de['engine.history.none'].replace('{dir}', '/data'));
    setCurrentLang('nl');
    expect(errorMessage(err)).toBe(engineCatalogs.nl['engine.history.none'].replace('{dir}', '/data'));
  });

  it('without a key keep their code and English; a forged trailer is ignored', async () => {
    const { ipcMain } = setup();
    const client = createBridgeClient(throughContextBridge(createBridge(ipcMain.connect(appFrame).ipc)));
    await expect(client.call('process.details', { pid: 4242 })).rejects.toMatchObject({ code: 'not-found', message: 'No process 4242.' });
    const forged = fromBridgeError(new Error('[denied] no\n\u2063portscope-error:{"messageKey":"","values":{"a":{}}}'));
    expect(forged).toBeInstanceOf(ContractError);
    expect(forged).toMatchObject({ code: 'denied', message: 'no' });
    expect((forged as ContractError).messageKey).toBeUndefined();
    const plain = new Error('something else');
    expect(fromBridgeError(plain)).toBe(plain);
  });
});
