import { afterEach, describe, expect, it } from 'vitest';
import { createBridge } from '../../electron/app/bridge';
import { bindContract } from '../../electron/app/ipc';
import { withProcessIcons, type FileIconSource } from '../../electron/app/process-icons';
import { Engine } from '../../electron/engine/service';
import { inProcessLink } from '../../electron/host/engine-link';
import { appFrame, FakeIpcMain } from './fake-electron';

const PNG = 'data:image/png;base64,iVBORw0KGgo=';

/** Electron's app.getFileIcon, the one part that needs the Electron binary: records what it is asked. */
class FakeIcons implements FileIconSource {
  readonly asked: string[] = [];
  constructor(private readonly answer: (path: string) => string | Error) {}
  async getFileIcon(path: string) {
    this.asked.push(path);
    const a = this.answer(path);
    if (a instanceof Error) throw a;
    return { toDataURL: () => a, isEmpty: () => a === '' };
  }
}

let engine: Engine | null = null;
afterEach(() => engine?.dispose());

/** The real engine (real /proc), the real binding and preload bridge over the Electron fakes. */
function setup(icons: FakeIcons) {
  engine = new Engine();
  const ipcMain = new FakeIpcMain();
  bindContract({ ipcMain, link: withProcessIcons(inProcessLink(engine), icons) });
  return createBridge(ipcMain.connect(appFrame).ipc);
}

describe('process icons in the desktop app', () => {
  it('asks the desktop for the icon of the executable the engine names for the pid, once per program', async () => {
    const icons = new FakeIcons(() => PNG);
    const bridge = setup(icons);
    await expect(bridge.calls['process.icon']({ pid: process.pid })).resolves.toEqual({ available: true, dataUrl: PNG });
    await bridge.calls['process.icon']({ pid: process.pid });
    // This test's own process: node, by its real /proc/self/exe.
    expect(icons.asked).toEqual([process.execPath]);
  });

  it('answers no icon for a gone process, an empty image or a failing lookup, never an error', async () => {
    const icons = new FakeIcons((p) => (p === process.execPath ? new Error('no icon theme') : PNG));
    const bridge = setup(icons);
    await expect(bridge.calls['process.icon']({ pid: process.pid })).resolves.toEqual({ available: true, dataUrl: null });
    await expect(bridge.calls['process.icon']({ pid: 4_000_000 })).resolves.toEqual({ available: true, dataUrl: null });
    const empty = setup(new FakeIcons(() => ''));
    await expect(empty.calls['process.icon']({ pid: process.pid })).resolves.toEqual({ available: true, dataUrl: null });
  });

  it('never forwards process.icon to the engine, which has no icons (browser mode says so)', async () => {
    engine = new Engine();
    await expect(engine.handlers['process.icon']({ pid: process.pid })).resolves.toEqual({ available: false, dataUrl: null });
  });

  it('refuses a request that is not a pid before asking anyone', async () => {
    const icons = new FakeIcons(() => PNG);
    const bridge = setup(icons);
    const call = bridge.calls['process.icon'] as (req: unknown) => Promise<unknown>;
    await expect(call({ path: '/etc/shadow' })).rejects.toMatchObject({ code: 'bad-request' });
    expect(icons.asked).toEqual([]);
  });
});
