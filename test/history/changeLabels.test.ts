import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../shared/contract/sockets';
import { ContractError } from '../../shared/contract/errors';
import { engineCatalogs } from '../../shared/i18n/catalogs/engine';
import { createTranslator } from '../../shared/i18n/translate';
import type { TrackedSocket } from '../../electron/engine/history/events';
import { historyHandlers } from '../../electron/engine/history/handlers';
import { timeline } from '../../electron/engine/history/query';
import { HistoryStore } from '../../electron/engine/history/store';
import { tempDataDir } from './support';

/**
 * What the History page shows from the engine in words: the timeline lane of listeners without
 * a known owner, what "since" meant, and why the history could not be read. English on the wire
 * as before, keys beside it, German and Dutch by key.
 */
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** The ContractError a call was refused with (fails the test when it was not refused). */
async function refusal(call: Promise<unknown>): Promise<ContractError> {
  const err = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ContractError);
  return err as ContractError;
}

const de = createTranslator('de', engineCatalogs);
const nl = createTranslator('nl', engineCatalogs);

function listener(over: Partial<TrackedSocket> = {}): TrackedSocket {
  return {
    key: `l${Math.random()}`,
    listener: true,
    protocol: 'tcp',
    family: 4,
    localAddress: '0.0.0.0',
    localPort: 8080,
    remoteAddress: '0.0.0.0',
    remotePort: 0,
    servicePort: 8080,
    state: 'LISTEN',
    exposure: 'all',
    risky: false,
    owner: { pid: null, name: null, exe: null, user: null, startTime: null, status: 'permission-denied' },
    ...over,
  };
}

const emptySnapshot: Snapshot = { seq: 1, takenAt: new Date().toISOString(), hostname: 'test', rows: [], processes: [], durationMs: 0, warnings: [] };

function store(): { dir: string; s: HistoryStore } {
  const t = tempDataDir();
  cleanups.push(t.remove);
  const s = HistoryStore.open(t.dir, { create: true });
  cleanups.unshift(() => s.close());
  expect(s.tryAcquireWriter('test')).toBe(true);
  return { dir: t.dir, s };
}

describe('history texts the page shows are keyed', () => {
  it('the lane of listeners whose owner is unknown: "(unknown owner)" on the wire, translated by key; program lanes stay names', () => {
    const { s } = store();
    const t0 = Date.now() - 60_000;
    s.writeTick([
      { at: t0, kind: 'opened', socket: listener(), previous: null, note: null },
      { at: t0, kind: 'opened', socket: listener({ localPort: 22, owner: { pid: 7, name: 'sshd', exe: null, user: null, startTime: null, status: 'known' } }), previous: null, note: null },
    ], t0);
    const lanes = timeline(s.db, t0 - 1000, Date.now(), 'process').lanes;
    const unknown = lanes.find((l) => l.label === '(unknown owner)')!;
    expect(unknown.labelText).toEqual({ key: 'engine.history.unknownOwnerLane' });
    expect(de.maybe(unknown.labelText?.key, undefined, unknown.label)).toBe('(Besitzer unbekannt)');
    expect(nl.maybe(unknown.labelText?.key, undefined, unknown.label)).toBe('(eigenaar onbekend)');
    expect(lanes.find((l) => l.label === 'sshd')!.labelText).toBeUndefined();
  });

  it('what "since" meant, and a time that is none, in German and Dutch', async () => {
    const { dir } = store();
    const h = historyHandlers({ dataDir: dir, snapshot: async () => emptySnapshot, recorder: () => null });
    const hour = await h['history.changes']({ since: 'hour' });
    expect(hour.label).toBe('an hour ago');
    expect(de.maybe(hour.labelText?.key, hour.labelText?.values, hour.label)).toBe('vor einer Stunde');
    expect(nl.maybe(hour.labelText?.key, hour.labelText?.values, hour.label)).toBe('een uur geleden');
    const boot = await h['history.changes']({ since: 'boot' });
    expect(boot.label).toBe('boot');
    expect(de.maybe(boot.labelText?.key, boot.labelText?.values, boot.label)).toBe('Systemstart');
    const at = await h['history.changes']({ since: { at: '2026-01-01T00:00:00.000Z' } });
    expect(at.label).toBe('2026-01-01T00:00:00.000Z');
    expect(nl.maybe(at.labelText?.key, at.labelText?.values, at.label)).toBe('2026-01-01T00:00:00.000Z');

    const bad = await refusal(h['history.timeline']({ since: '2026-01-02T00:00:00.000Z', until: '2026-01-01T00:00:00.000Z', by: 'port' }));
    expect(bad.message).toBe('the timeline needs since < until, as ISO times');
    expect(de.maybe(bad.messageKey, bad.values, bad.message)).toBe('die Zeitleiste braucht since < until, als ISO-Zeiten');
  });

  it('a history that cannot be opened: the reason in the language, the error as the database said it', async () => {
    const t = tempDataDir();
    cleanups.push(t.remove);
    const dataDir = path.join(t.dir, 'file');
    writeFileSync(dataDir, 'not a folder');
    const h = historyHandlers({ dataDir, snapshot: async () => emptySnapshot, recorder: () => null });
    const err = await refusal(h['history.baselineSave']({}));
    expect(err.messageKey).toBe('engine.history.cannotOpen');
    const error = String(err.values!.error);
    expect(err.message).toBe(`cannot open the history in ${dataDir}: ${error}`);
    expect(de.maybe(err.messageKey, err.values, err.message)).toBe(`der Verlauf in ${dataDir} lässt sich nicht öffnen: ${error}`);
    expect(nl.maybe(err.messageKey, err.values, err.message)).toBe(`de geschiedenis in ${dataDir} kan niet worden geopend: ${error}`);
  });
});
