/**
 * Alerts carry their catalog key and values (catalogs/alert), so the app, the tray, notifications
 * and `watch --alert` show them in the reader's language; alerts read back from the history file
 * (also ones stored before the owner status was kept) translate the same way.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { insertAlerts, listAlerts } from '../../electron/engine/history/alertLog';
import { alertFor } from '../../electron/engine/history/alerts';
import type { HistoryEventRecord, TrackedSocket } from '../../electron/engine/history/events';
import { DEFAULT_SETTINGS } from '../../electron/engine/history/settings';
import { sqlite } from '../../electron/engine/history/sqlite';
import { HistoryStore } from '../../electron/engine/history/store';
import { engineCatalogs } from '../../shared/i18n/catalogs/engine';
import { createTranslator } from '../../shared/i18n/translate';
import { tempDataDir } from './support';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const socket = (over: Partial<TrackedSocket> = {}): TrackedSocket => ({
  key: 'k',
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
  owner: { pid: 42, name: 'python3', exe: '/usr/bin/python3', user: 'me', startTime: null, status: 'known' },
  ...over,
});
const event = (s: TrackedSocket, kind: 'opened' | 'closed' = 'opened'): HistoryEventRecord => ({ at: Date.UTC(2026, 11, 1, 22), kind, socket: s, previous: null, note: null });
const de = createTranslator('de', engineCatalogs);
const nl = createTranslator('nl', engineCatalogs);
const tr = (t: typeof de, a: { message: string; messageKey?: string | undefined; values?: Record<string, string | number> | undefined }) => t.maybe(a.messageKey, a.values, a.message);
const ownerless = { pid: null, name: null, exe: null, user: null, startTime: null, status: 'permission-denied' };

describe('alert texts', () => {
  it('the English is made from the key, and German and Dutch read as sentences', () => {
    const a = alertFor(event(socket()), null, DEFAULT_SETTINGS, () => false)!;
    expect(a.messageKey).toBe('alert.newListener');
    expect(createTranslator('en', engineCatalogs).maybe(a.messageKey, a.values, '')).toBe(a.message);
    expect(tr(de, a)).toBe('Neuer lauschender Port TCP 0.0.0.0:8080 von python3 (PID 42): von anderen Rechnern erreichbar');
    expect(tr(nl, a)).toBe('Nieuwe luisterende poort TCP 0.0.0.0:8080 van python3 (pid 42): bereikbaar vanaf andere computers');
  });

  it('an ownerless listener on a risky port of one address, in brackets for IPv6', () => {
    const a = alertFor(event(socket({ family: 6, localAddress: 'fd00::1', exposure: 'specific', localPort: 23, risky: true, owner: ownerless })), null, DEFAULT_SETTINGS, () => false)!;
    expect(a.reasons).toEqual(['exposed', 'risky-port', 'unknown-owner']);
    expect(a.message).toBe('New listener TCP [fd00::1]:23 by an unknown owner (access denied): reachable on fd00::1, a risky port');
    expect(tr(de, a)).toBe('Neuer lauschender Port TCP [fd00::1]:23 von einem unbekannten Besitzer (Zugriff verweigert): erreichbar über fd00::1, riskanter Port');
    expect(tr(nl, a)).toBe('Nieuwe luisterende poort TCP [fd00::1]:23 van een onbekende eigenaar (toegang geweigerd): bereikbaar op fd00::1, riskante poort');
  });

  it('a known service going down', () => {
    const a = alertFor(event(socket(), 'closed'), null, { ...DEFAULT_SETTINGS, alertServiceDown: true }, () => true)!;
    expect(a.message).toBe('TCP 0.0.0.0:8080 stopped listening (was python3 (pid 42))');
    expect(tr(de, a)).toBe('TCP 0.0.0.0:8080 lauscht nicht mehr (war python3 (PID 42))');
    expect(tr(nl, a)).toBe('TCP 0.0.0.0:8080 luistert niet meer (was python3 (pid 42))');
  });

  it('stored alerts come back with their key, also from a file of before the owner status was kept', () => {
    const t = tempDataDir();
    cleanups.push(t.remove);
    const store = HistoryStore.open(t.dir, { create: true });
    const draft = alertFor(event(socket({ owner: ownerless, localAddress: '127.0.0.1', exposure: 'loopback' })), null, DEFAULT_SETTINGS, () => false)!;
    const [inserted] = insertAlerts(store.db, [draft]);
    expect(inserted).not.toHaveProperty('ownerStatus');
    const [read] = listAlerts(store.db, 10);
    expect(read).toEqual(inserted);
    expect(tr(de, read!)).toBe('Neuer lauschender Port TCP 127.0.0.1:8080 von einem unbekannten Besitzer (Zugriff verweigert)');
    store.close();

    // A version-2 file: no owner_status column. Opening it adds the column; old rows read as NULL.
    const file = path.join(t.dir, 'history.sqlite');
    const db = new (sqlite().DatabaseSync)(file);
    db.exec('DROP TABLE alerts');
    db.exec(
      'CREATE TABLE alerts (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, reason TEXT NOT NULL, severity TEXT NOT NULL, message TEXT NOT NULL, protocol TEXT NOT NULL, local_address TEXT NOT NULL, local_port INTEGER NOT NULL, exposure TEXT NOT NULL, pid INTEGER, process_name TEXT)',
    );
    db.exec("INSERT INTO alerts (at, reason, severity, message, protocol, local_address, local_port, exposure, pid, process_name) VALUES (1, 'unknown-owner', 'warning', 'New listener TCP 127.0.0.1:9 by an unknown owner (not-found)', 'tcp', '127.0.0.1', 9, 'loopback', NULL, NULL)");
    db.exec('PRAGMA user_version = 2');
    db.close();
    const again = HistoryStore.open(t.dir, { create: false });
    try {
      const [old] = listAlerts(again.db, 10);
      expect(old!.message).toBe('New listener TCP 127.0.0.1:9 by an unknown owner (not-found)');
      expect(tr(nl, old!)).toBe('Nieuwe luisterende poort TCP 127.0.0.1:9 van een onbekende eigenaar');
      insertAlerts(again.db, [draft]);
      expect(listAlerts(again.db, 10)).toHaveLength(2);
    } finally {
      again.close();
    }
  });
});
