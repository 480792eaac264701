/**
 * The real `portscope` in English, German and Dutch: the language from LANG (and LC_ALL /
 * LC_MESSAGES) or --lang, help and a usage error in each, English for a language Portscope lacks,
 * translated tables and verdicts, and JSON that stays English.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../support/cli';
import { cliCatalogs } from '../../shared/i18n/catalogs/cli';
import { engineCatalogs } from '../../shared/i18n/catalogs/engine';
import { socketCatalogs } from '../../shared/i18n/catalogs/socket';

/** Runs the CLI with exactly these locale variables (the test runner's own are removed). */
function run(args: string[], locale: Readonly<Record<string, string | undefined>> = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['LANG', 'LANGUAGE', 'LC_ALL', 'LC_MESSAGES']) delete env[name];
  for (const [name, value] of Object.entries(locale)) if (value !== undefined) env[name] = value;
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 20_000, env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const de = cliCatalogs.de;
const nl = cliCatalogs.nl;
const en = cliCatalogs.en;

describe('portscope --help', () => {
  const cases = [
    { name: 'English (no locale)', locale: {}, args: [] as string[], usage: 'Usage:', options: 'Options:', commands: 'Commands:', description: en['cli.program.description'] },
    { name: 'German via LANG', locale: { LANG: 'de_DE.UTF-8' }, args: [], usage: 'Aufruf:', options: 'Optionen:', commands: 'Befehle:', description: de['cli.program.description'] },
    { name: 'Dutch via LANG', locale: { LANG: 'nl_NL.UTF-8' }, args: [], usage: 'Gebruik:', options: 'Opties:', commands: 'Opdrachten:', description: nl['cli.program.description'] },
    { name: 'German via --lang', locale: { LANG: 'en_US.UTF-8' }, args: ['--lang', 'de'], usage: 'Aufruf:', options: 'Optionen:', commands: 'Befehle:', description: de['cli.program.description'] },
    { name: 'Dutch via --lang=nl over a German LANG', locale: { LANG: 'de_DE.UTF-8' }, args: ['--lang=nl'], usage: 'Gebruik:', options: 'Opties:', commands: 'Opdrachten:', description: nl['cli.program.description'] },
    { name: 'English for French (fr_FR)', locale: { LANG: 'fr_FR.UTF-8' }, args: [], usage: 'Usage:', options: 'Options:', commands: 'Commands:', description: en['cli.program.description'] },
  ];
  for (const c of cases) {
    it(`is in ${c.name}`, () => {
      const r = run([...c.args, '--help'], c.locale);
      expect(r.code, r.stderr).toBe(0);
      // Commander wraps long lines: compare with whitespace folded.
      const text = r.stdout.replace(/\s+/g, ' ');
      expect(text).toContain(`${c.usage} portscope`);
      expect(r.stdout).toMatch(new RegExp(`^${c.options}$`, 'm'));
      expect(r.stdout).toMatch(new RegExp(`^${c.commands}$`, 'm'));
      expect(text).toContain(c.description.replace(/\s+/g, ' '));
    });
  }

  it('uses LC_ALL over LC_MESSAGES over LANG', () => {
    expect(run(['--help'], { LANG: 'de_DE.UTF-8', LC_MESSAGES: 'nl_NL.UTF-8' }).stdout).toMatch(/^Gebruik:/);
    expect(run(['--help'], { LANG: 'de_DE.UTF-8', LC_MESSAGES: 'nl_NL.UTF-8', LC_ALL: 'C' }).stdout).toMatch(/^Usage:/);
  });

  // Every command's help, in German and Dutch: no description or option text is left in English.
  const commands = ['list', 'who', 'watch', 'close', 'scan', 'probe', 'diagnose', 'report', 'import', 'history', 'serve', 'agent', 'baseline save', 'baseline check'];
  for (const [lang, catalog] of [['de', de], ['nl', nl]] as const) {
    it(`leaves no English in any command's help (${lang})`, () => {
      // English texts that differ from the translation and are long enough not to be a shared term.
      const english = (Object.keys(en) as Array<keyof typeof en>)
        .filter((k) => /^cli\.(filter|list|who|watch|close|scan|probe|diagnose|report|import|history|serve|agent|baseline|help|option|program|arg)\./.test(k))
        .map((k) => ({ key: k, en: en[k], own: catalog[k] }))
        .filter((m) => m.en !== m.own && m.en.length > 14 && !/[{}]/.test(m.en));
      for (const command of commands) {
        const r = run(['--lang', lang, ...command.split(' '), '--help']);
        expect(r.code, `${command}: ${r.stderr}`).toBe(0);
        const text = r.stdout.replace(/\s+/g, ' ');
        for (const m of english) expect(text, `${command} --help shows ${m.key} in English`).not.toContain(m.en);
        expect(text, command).not.toMatch(/\bUsage:|\bOptions:|display help for command/);
      }
    });
  }
});

describe('a usage error', () => {
  const cases = [
    { locale: {}, args: [], want: /^portscope: port 99999 is out of range: ports go from 1 to 65535\n$/ },
    { locale: { LANG: 'de_DE.UTF-8' }, args: [], want: /^portscope: Port 99999 gibt es nicht: gültige Ports sind 1 bis 65535\n$/ },
    { locale: { LANG: 'nl_NL.UTF-8' }, args: [], want: /^portscope: poort 99999 valt buiten het bereik: poorten lopen van 1 tot en met 65535\n$/ },
    { locale: {}, args: ['--lang', 'de'], want: /^portscope: Port 99999 gibt es nicht/ },
    { locale: { LANG: 'de_DE.UTF-8' }, args: ['--lang', 'nl'], want: /^portscope: poort 99999 valt buiten/ },
    { locale: { LANG: 'fr_FR.UTF-8' }, args: [], want: /^portscope: port 99999 is out of range/ },
  ];
  for (const c of cases) {
    it(`is one line in the chosen language (${JSON.stringify(c.locale)} ${c.args.join(' ')})`, () => {
      const r = run([...c.args, 'who', '99999'], c.locale);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(c.want);
    });
  }

  it("comes from commander too: an unknown option, in the user's language", () => {
    expect(run(['list', '--bogus'], { LANG: 'de_DE.UTF-8' }).stderr).toBe('portscope: unbekannte Option „--bogus“\n');
    expect(run(['list', '--bogus'], { LANG: 'nl_NL.UTF-8' }).stderr).toBe('portscope: onbekende optie ‘--bogus’\n');
    expect(run(['list', '--bogus']).stderr).toBe("portscope: unknown option '--bogus'\n");
    const choice = run(['watch', '--sort', 'loudest'], { LANG: 'de_DE.UTF-8' });
    expect(choice.code).toBe(2);
    expect(choice.stderr).toMatch(/^portscope: Option „--sort <Reihenfolge>“: „loudest“ ist nicht zulässig\. Möglich sind port, rate, sent, received\.\n$/);
  });

  it('says which target a bad port came from, as one sentence per language', () => {
    const r = run(['probe', '127.0.0.1:99999'], { LANG: 'de_DE.UTF-8' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('portscope: Port 99999 in „127.0.0.1:99999“ gibt es nicht: gültige Ports sind 1 bis 65535\n');
    expect(run(['probe', '127.0.0.1:http'], { LANG: 'nl_NL.UTF-8' }).stderr).toBe('portscope: de poort in ‘127.0.0.1:http’ moet een getal van 1 tot en met 65535 zijn, niet ‘http’\n');
    expect(run(['who', 'http'], { LANG: 'de_DE.UTF-8' }).stderr).toBe('portscope: Der Port muss eine Zahl von 1 bis 65535 sein, nicht „http“\n');
  });

  it('names the languages there are for --lang fr, in the environment’s language', () => {
    const r = run(['--lang', 'fr', 'list'], { LANG: 'de_DE.UTF-8' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('portscope: Sprache „fr“ wird nicht unterstützt: en, de oder nl verwenden\n');
    expect(run(['--lang', 'fr', 'list']).stderr).toBe('portscope: unsupported language "fr": use en, de or nl\n');
  });
});

describe('output in German and Dutch', () => {
  let server: net.Server;
  let port = 0;
  beforeAll(async () => {
    server = net.createServer((s) => s.destroy());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('translates the socket table headings, not the states, protocols or data', () => {
    const r = run(['list', '--tcp', '--port', String(port)], { LANG: 'de_DE.UTF-8' });
    expect(r.code, r.stderr).toBe(0);
    const [header, ...rows] = r.stdout.split('\n');
    for (const k of ['socket.column.local', 'socket.column.state', 'socket.column.service', 'socket.column.process', 'socket.column.user'] as const) {
      expect(header).toContain(socketCatalogs.de[k]);
    }
    expect(header).not.toContain('Local address');
    const row = rows.find((l) => l.includes(`127.0.0.1:${port}`));
    expect(row).toMatch(/^tcp\s+127\.0\.0\.1:\d+\s+LISTEN\s/);
    expect(row).toContain('Loopback');
    expect(r.stdout).toMatch(/^1 Socket, 1 mit bekanntem Besitzer\.$/m);
    const nlList = run(['list', '--tcp', '--port', String(port)], { LANG: 'nl_NL.UTF-8' });
    expect(nlList.stdout.split('\n')[0]).toContain(socketCatalogs.nl['socket.column.local']);
    expect(nlList.stdout).toMatch(/^1 socket, 1 met een bekende eigenaar\.$/m);
  });

  it('who: the start time in the language\'s date format, PID written as the language does', () => {
    const r = run(['who', String(port)], { LANG: 'de_DE.UTF-8' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^node \\(PID ${process.pid}\\)$`, 'm'));
    expect(r.stdout).toMatch(/^ {2}Gestartet +\d\d\.\d\d\.\d{4}, \d\d:\d\d:\d\d$/m);
    expect(r.stdout).not.toMatch(/\d{4}-\d\d-\d\dT/);
    expect(run(['who', String(port)], { LANG: 'nl_NL.UTF-8' }).stdout).toMatch(/^ {2}Gestart +\d{1,2} [a-z]{3} \d{4}, \d\d:\d\d:\d\d$/m);
  });

  it('diagnose marks its steps in the language, the messages lined up under the step names', () => {
    const r = run(['diagnose', String(port), '--loopback-only', '-w', '500'], { LANG: 'de_DE.UTF-8' });
    expect(r.stdout).toMatch(/^1\. \[ {3}ok {3}\] Lauscht ein Prozess/m);
    expect(r.stdout).toMatch(/^3\. \[Achtung \] /m);
    expect(r.stdout).not.toMatch(/\[(?:warn|FAIL|skip)\]/);
    const lines = r.stdout.split('\n');
    const head = lines.findIndex((l) => l.startsWith('1. '));
    expect(lines[head + 1]!.indexOf('Port')).toBe(lines[head]!.indexOf('Lauscht'));
  });

  it('scan --report writes the HTML and Markdown in the language', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'portscope-i18n-scan-'));
    try {
      const r = run(['--lang', 'de', 'scan', '127.0.0.1', '-p', String(port), '--report', path.join(dir, 'scan.md')]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^Host ist erreichbar \(/m);
      expect(r.stderr).toMatch(/^Scan-Bericht \(MD, \d+(?:,\d+)?\s(?:B|KiB)\) nach .*scan\.md geschrieben$/m);
      const md = readFileSync(path.join(dir, 'scan.md'), 'utf8');
      expect(md).toMatch(/^# Portscope-Scan von 127\.0\.0\.1$/m);
      expect(md).toContain('## Scan-Ergebnisse (1)');
      expect(md).toMatch(/_Erstellt von portscope \S+ am \d\d\.\d\d\.\d{4}, \d\d:\d\d:\d\d\._/);
      expect(md).not.toMatch(/Made on|Generated by|Scan results/);
      run(['--lang', 'nl', 'scan', '127.0.0.1', '-p', String(port), '--report', path.join(dir, 'scan.html')]);
      const html = readFileSync(path.join(dir, 'scan.html'), 'utf8');
      expect(html).toContain('<title>Portscope-scan van 127.0.0.1</title>');
      // The JSON carries no language: no title unless the user gave one.
      run(['--lang', 'de', 'scan', '127.0.0.1', '-p', String(port), '--report', path.join(dir, 'scan.json')]);
      expect((JSON.parse(readFileSync(path.join(dir, 'scan.json'), 'utf8')) as { title: unknown }).title).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps JSON keys and values English', () => {
    const english = JSON.parse(run(['list', '--json', '--tcp', '--port', String(port)]).stdout) as unknown[];
    const german = JSON.parse(run(['list', '--json', '--tcp', '--port', String(port)], { LANG: 'de_DE.UTF-8' }).stdout) as Array<Record<string, unknown>>;
    expect(Object.keys(german[0]!)).toEqual(Object.keys(english[0] as object));
    expect(german[0]!.state).toBe('LISTEN');
    expect(german[0]!.exposure).toBe('loopback');
  });

  it('gives the diagnosis, its steps, verdict and next step in the language, the JSON in English', () => {
    const r = run(['diagnose', String(port), '--loopback-only', '-w', '500'], { LANG: 'de_DE.UTF-8' });
    expect([0, 1]).toContain(r.code);
    expect(r.stdout).toContain(`Diagnose von Port ${port}/tcp auf diesem Rechner`);
    expect(r.stdout).toContain(engineCatalogs.de['engine.diagnose.listening.name']);
    expect(r.stdout).toContain(`Port ${port}/tcp nimmt Verbindungen an (1 lauschender Socket).`);
    expect(r.stdout).toMatch(/^Ergebnis: nur dieser Rechner: Port \d+\/tcp lauscht nur auf Loopback/m);
    expect(r.stdout).toMatch(/^Nächster Schritt: Stellen Sie den Dienst so ein/m);
    expect(r.stdout).not.toMatch(/Verdict:|Next step:|Is a process listening\?/);

    const nlRun = run(['--lang', 'nl', 'diagnose', String(port), '--loopback-only', '-w', '500']);
    expect(nlRun.stdout).toMatch(/^Oordeel: alleen deze computer: Poort \d+\/tcp luistert alleen op loopback/m);
    expect(nlRun.stdout).toContain(engineCatalogs.nl['engine.diagnose.reachability.name']);

    const json = JSON.parse(run(['diagnose', String(port), '--loopback-only', '-w', '500', '--json'], { LANG: 'de_DE.UTF-8' }).stdout) as {
      summary: string;
      summaryText: { key: string };
      steps: Array<{ message: string; messageKey: string }>;
    };
    expect(json.summary).toBe(`Port ${port}/tcp listens on loopback only: this machine can connect, other machines cannot.`);
    expect(json.summaryText.key).toBe('engine.diagnose.verdict.localOnly.summary');
    expect(json.steps[0]!.messageKey).toBe('engine.diagnose.listening.open');
  });

  it('probes in the language: attempts, statistics and verdict', () => {
    const r = run(['probe', `127.0.0.1:${port}`, '-c', '2', '-i', '0'], { LANG: 'de_DE.UTF-8' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Prüfe 127.0.0.1:${port}/tcp: 2 Versuche, alle 0 ms, Zeitlimit 3000 ms`);
    expect(r.stdout).toMatch(new RegExp(`Mit 127\\.0\\.0\\.1:${port} in \\d+,\\d\\d ms verbunden: Der Port ist offen\\.`));
    expect(r.stdout).toMatch(/^2 gesendet, 2 verbunden, 0\s%\sfehlgeschlagen; rtt min\/avg\/max = \d+,\d{3}\/\d+,\d{3}\/\d+,\d{3} ms$/m);
    expect(r.stdout).toContain(`Ergebnis: 127.0.0.1:${port} ist erreichbar: Der Port ist offen.`);
  });
});

describe('report format refusals', () => {
  it.each([
    ['de', ['-f', 'pdf'], 'unbekanntes Berichtsformat „pdf“: möglich sind json, csv, html, md'],
    ['de', ['-o', '/tmp/x.foo'], 'unbekanntes Berichtsformat „.foo“'],
    ['nl', ['-f', 'csv', '-o', '/tmp/a.html'], '--format csv past niet bij de bestandsnaam a.html (een .html-bestand)'],
    ['nl', ['-o', '/tmp/x.pdf'], 'PDF maakt de desktop-app'],
  ] as const)('%s %j: in the language, not in English', (lang, args, said) => {
    const r = run(['--lang', lang, 'report', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(said);
    expect(r.stderr).not.toMatch(/unknown report format|does not match|is made by the desktop app/);
  });
});
