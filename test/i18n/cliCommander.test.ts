/**
 * Commander's own words in German and Dutch: its parse errors (unknown option or command, a
 * missing argument or option value, too many arguments, a missing required option) and its help
 * furniture (placeholders such as <file>, "(default: "x")"). Each case fails when commander's
 * English shows through.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN } from '../support/cli';

function run(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['LANG', 'LANGUAGE', 'LC_ALL', 'LC_MESSAGES']) delete env[name];
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 20_000, env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Commander's English, as it words its errors and help. */
const COMMANDER_ENGLISH = /\berror:|unknown option|unknown command|missing required argument|argument missing|too many arguments|Did you mean|did you mean|one of |not specified|Expected \d|\bdefault: |choices: |Usage:|Options:|Commands:|Arguments:|display help/;

const errors = {
  de: [
    { args: ['list', '--bogus'], want: 'portscope: unbekannte Option „--bogus“\n' },
    { args: ['list', '--prot'], want: 'portscope: unbekannte Option „--prot“ (meinten Sie --port?)\n' },
    { args: ['lst'], want: 'portscope: unbekannter Befehl „lst“ (meinten Sie list oder ls?)\n' },
    { args: ['who'], want: 'portscope: das Argument „Port“ fehlt\n' },
    { args: ['probe'], want: 'portscope: das Argument „Ziel“ fehlt\n' },
    { args: ['import'], want: 'portscope: das Argument „Datei“ fehlt\n' },
    { args: ['list', '--port'], want: 'portscope: der Option „-p, --port <Port>“ fehlt der Wert\n' },
    { args: ['who', '1', '2'], want: 'portscope: zu viele Argumente für „who“: erwartet wird 1 Argument, angegeben wurden 2: 1, 2.\n' },
    { args: ['agent', '--scan', 'x'], want: /^portscope: --scan "x": die Pflichtoption „-p, --ports <Ports>“ fehlt \(so schreiben:/ },
  ],
  nl: [
    { args: ['list', '--bogus'], want: 'portscope: onbekende optie ‘--bogus’\n' },
    { args: ['list', '--prot'], want: 'portscope: onbekende optie ‘--prot’ (bedoelde je --port?)\n' },
    { args: ['lst'], want: 'portscope: onbekende opdracht ‘lst’ (bedoelde je list of ls?)\n' },
    { args: ['who'], want: 'portscope: het verplichte argument ‘poort’ ontbreekt\n' },
    { args: ['probe'], want: 'portscope: het verplichte argument ‘doel’ ontbreekt\n' },
    { args: ['import'], want: 'portscope: het verplichte argument ‘bestand’ ontbreekt\n' },
    { args: ['list', '--port'], want: 'portscope: de optie ‘-p, --port <poort>’ mist een waarde\n' },
    { args: ['who', '1', '2'], want: 'portscope: te veel argumenten voor ‘who’: 1 argument verwacht, 2 gekregen: 1, 2.\n' },
    { args: ['agent', '--scan', 'x'], want: /^portscope: --scan "x": de verplichte optie ‘-p, --ports <poorten>’ ontbreekt \(schrijf het als/ },
  ],
} as const;

describe("commander's errors", () => {
  for (const [lang, cases] of Object.entries(errors)) {
    for (const c of cases) {
      it(`${lang}: ${c.args.join(' ')}`, () => {
        const r = run(['--lang', lang, ...c.args]);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        if (typeof c.want === 'string') expect(r.stderr).toBe(c.want);
        else expect(r.stderr).toMatch(c.want);
        expect(r.stderr).not.toMatch(COMMANDER_ENGLISH);
      });
    }
  }

  it('stay in English in English', () => {
    expect(run(['who']).stderr).toBe("portscope: missing required argument 'port'\n");
    expect(run(['lst']).stderr).toBe("portscope: unknown command 'lst' (did you mean list or ls?)\n");
  });
});

describe("commander's help furniture", () => {
  const commands = ['', 'list', 'watch', 'probe', 'scan', 'report', 'import', 'close', 'history', 'serve', 'agent'];
  for (const lang of ['de', 'nl'] as const) {
    it(`names placeholders and defaults in ${lang}`, () => {
      for (const command of commands) {
        const r = run(['--lang', lang, ...(command ? [command] : []), '--help']);
        expect(r.code, command).toBe(0);
        expect(r.stdout, command).not.toMatch(COMMANDER_ENGLISH);
        // English placeholder names (the code's), and JSON-quoted defaults and choices.
        expect(r.stdout, command).not.toMatch(/<(?:file|target|targets|local|remote|lang|time|dir|state|name|text|when|address|format|table|spec|profile|duration|order)>|\[(?:options|command|targets\.\.\.)\]/);
        expect(r.stdout, command).not.toMatch(/(?:Standard|standaard): "|"\w+", "/);
      }
      const report = run(['--lang', lang, 'report', '--help']).stdout.replace(/\s+/g, ' ');
      expect(report).toContain(lang === 'de' ? '-o, --output <Datei>' : '-o, --output <bestand>');
      expect(report).toContain(lang === 'de' ? '(Auswahl: listeners, connections, all; Standard: listeners)' : '(keuzes: listeners, connections, all; standaard: listeners)');
    });
  }

  it('lists the commands in one fixed order, whatever order their modules load in', () => {
    const names = (s: string) => [...s.matchAll(/^ {2}([a-z]+)[| ]/gm)].map((m) => m[1]);
    const first = names(run(['--help']).stdout);
    expect(first.slice(0, 6)).toEqual(['list', 'who', 'watch', 'diagnose', 'probe', 'scan']);
    for (let i = 0; i < 3; i++) expect(names(run(['--lang', 'nl', '--help']).stdout)).toEqual(first);
  });
});
