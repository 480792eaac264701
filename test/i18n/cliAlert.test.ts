/**
 * `portscope watch --alert` in each language: the alert line is "<severity>: <message>", with the
 * severity word said once. (German used to print "WARNUNG Warnung: …": the line's own label and
 * the translated severity named the same thing twice.)
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN } from '../support/cli';
import { SocketBag } from '../support/sockets';
import { tempDataDir, waitUntil } from '../history/support';
import { createTranslator } from '../../shared/i18n/translate';
import { alertCatalogs } from '../../shared/i18n/catalogs/alert';
import { cliCatalogs } from '../../shared/i18n/catalogs/cli';
import { LANGS } from '../../shared/i18n/locale';

/** Two neighbouring words that are the same word, whatever the case: "WARNUNG Warnung". */
const DOUBLED = /(?<!\p{L})(\p{L}+)[\s:!]+\1(?!\p{L})/iu;

describe('the alert line', () => {
  for (const lang of LANGS) {
    it(`names the severity once (${lang}, catalog)`, () => {
      const severity = createTranslator(lang, alertCatalogs);
      const cli = createTranslator(lang, cliCatalogs);
      for (const level of ['danger', 'warning', 'info']) {
        const word = severity('alert.severity', { severity: level });
        const line = cli('cli.watch.alertLine', { severity: word, message: 'M' });
        expect(line).toBe(`${word}: M`);
        expect(line).not.toMatch(DOUBLED);
      }
    });
  }

  it('catches a doubled word (the check itself)', () => {
    expect('WARNUNG Warnung: M').toMatch(DOUBLED);
    expect('12:00:00 ! Warnung: Neuer lauschender Port').not.toMatch(DOUBLED);
  });

  const bag = new SocketBag();
  const cleanups: Array<() => void> = [];
  afterEach(async () => {
    await bag.closeAll();
    for (const c of cleanups.splice(0)) c();
  });

  const cases = [
    { lang: 'de', started: /\d+ Sockets? (?:wird|werden) alle \d+ ms beobachtet/, line: (p: number) => new RegExp(`^\\d\\d:\\d\\d:\\d\\d ! Hinweis: Neuer lauschender Port TCP 127\\.0\\.0\\.1:${p} von node \\(PID \\d+\\)$`, 'm') },
    { lang: 'nl', started: /\d+ sockets?/, line: (p: number) => new RegExp(`^\\d\\d:\\d\\d:\\d\\d ! info: .*127\\.0\\.0\\.1:${p}`, 'm') },
  ] as const;
  for (const c of cases) {
    it(`is printed by the real watch --alert without a doubled word (${c.lang})`, async () => {
      const { dir, remove } = tempDataDir();
      cleanups.push(remove);
      // Every new listener alerts (severity info), so a loopback listener is enough.
      writeFileSync(`${dir}/history-settings.json`, JSON.stringify({ alertEveryNewListener: true }));
      const child = spawn(process.execPath, [BIN, '--lang', c.lang, 'watch', '--alert', '--data-dir', dir, '--interval', '250ms'], { stdio: ['ignore', 'pipe', 'pipe'] });
      cleanups.push(() => child.kill('SIGKILL'));
      let stdout = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      await waitUntil('watch started', () => c.started.test(stdout));
      const server = await bag.listen('127.0.0.1');
      const port = (server.address() as net.AddressInfo).port;
      await waitUntil('alert line', () => c.line(port).test(stdout));
      const line = stdout.split('\n').find((l) => l.includes(' ! ') && l.includes(`:${port}`))!;
      expect(line).not.toMatch(DOUBLED);
      expect(line).not.toMatch(/ALERT|WARNUNG|MELDING/);
    });
  }
});
