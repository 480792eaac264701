import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiagnoseResult, DiagnoseStep } from '../../shared/contract/scan';
import { engineCatalogs } from '../../shared/i18n/catalogs/engine';
import type { Lang } from '../../shared/i18n/locale';
import { createTranslator } from '../../shared/i18n/translate';
import { diagnosePort } from '../../electron/engine/diagnose/diagnose';
import { SOCKETFILTERFW } from '../../electron/engine/diagnose/firewall-darwin';
import type { CommandRunner } from '../../electron/engine/platform/types';
import { Engine } from '../../electron/engine/service';

/**
 * The firewall step and the verdict as a German or Dutch front end shows them: every line the
 * engine worded has a key, the key renders the engine's English exactly (so the two cannot
 * drift), and the translation keeps none of the English words Portscope put around the OS's data.
 */

const t = (lang: Lang) => createTranslator(lang, engineCatalogs);

/** The step as a front end renders it: message and details by key, data lines as they are. */
function shown(lang: Lang, s: DiagnoseStep): string[] {
  const tr = t(lang);
  return [tr.maybe(s.messageKey, s.values, s.message), ...s.details.map((d, i) => (s.detailTexts?.[i] ? tr.maybe(s.detailTexts[i]!.key, s.detailTexts[i]!.values, d) : d))];
}

function verdictShown(lang: Lang, r: DiagnoseResult): string[] {
  const tr = t(lang);
  return [tr.maybe(r.summaryText?.key, r.summaryText?.values, r.summary), tr.maybe(r.nextStepText?.key, r.nextStepText?.values, r.nextStep)];
}

/** The engine's English, and what its keys render in English, are the same text. */
function expectKeysMatchEnglish(s: DiagnoseStep, r: DiagnoseResult) {
  expect(shown('en', s)).toEqual([s.message, ...s.details]);
  expect(verdictShown('en', r)).toEqual([r.summary, r.nextStep]);
}

// Words Portscope itself wrote in English around the firewalls' data.
const ENGLISH = /\b(rule|rules|profiles?|program|Allow|Block|Any|incoming|Inbound|disable|Could not|not installed|not found|permission denied|access denied|not read|needs root|default inbound|System Settings|passes|firewall is on)\b/;

const loopbackOnly = () => ({
  lo: [{ address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4' as const, mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' }],
});
const enoent = (cmd: string) => Promise.reject(Object.assign(new Error(`spawn ${cmd} ENOENT`), { code: 'ENOENT' }));

describe('firewall steps and next steps in German and Dutch', () => {
  const engine = new Engine({ transport: 'cli' });
  let server: net.Server;
  let port = 0;
  beforeAll(async () => {
    server = net.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(async () => {
    engine.dispose();
    await new Promise((r) => server.close(r));
  });
  const diagnose = (run: CommandRunner, platform: NodeJS.Platform) => diagnosePort(engine, { port, protocol: 'tcp', timeoutMs: 500 }, () => {}, { interfaces: loopbackOnly, run, platform });
  const firewallOf = (r: DiagnoseResult) => r.steps.find((s) => s.id === 'firewall')!;

  it('Windows: a block rule, its fields and profiles, and the wf.msc / netsh next step', async () => {
    const json = JSON.stringify({
      rules: [{ Id: 'x', DisplayName: 'Testport sperren', Action: 'Block', Profile: 'Domain, Public' }],
      ports: [{ Id: 'x', Protocol: 'Any', LocalPort: 'Any' }],
      apps: [],
      profiles: [{ Name: 'Private', Enabled: 'True', DefaultInboundAction: 'Block' }],
    });
    const r = await diagnose(async (cmd) => (cmd === 'powershell.exe' ? { code: 0, stdout: json, stderr: '' } : enoent(cmd)), 'win32');
    const fw = firewallOf(r);
    expect(fw.messageKey).toBe('engine.diagnose.firewall.windowsBlocks');
    expect(fw.message).toBe(`A Windows Firewall rule blocks port ${port}/tcp: "Testport sperren" (Block, Any port Any, profiles Domain, Public)`);
    expect(r.nextStepText?.key).toBe('engine.diagnose.firewall.windowsAdvice');
    expectKeysMatchEnglish(fw, r);

    const de = [...shown('de', fw), ...verdictShown('de', r)];
    expect(de[0]).toBe(`Eine Regel der Windows Firewall blockiert Port ${port}/tcp: „Testport sperren“ (Blockieren, alle Protokolle, Port beliebig, Profile Domäne, Öffentlich)`);
    expect(de).toContain('Profil Privat: eingehende Verbindungen standardmäßig blockiert');
    expect(de.at(-1)).toMatch(/^Deaktivieren Sie in „Windows Defender Firewall mit erweiterter Sicherheit“ \(wf\.msc\) → Eingehende Regeln/);
    const nl = [...shown('nl', fw), ...verdictShown('nl', r)];
    expect(nl[0]).toContain('(Blokkeren, alle protocollen, poort alle, profielen Domein, Openbaar)');
    expect(nl).toContain('profiel Privé: binnenkomende verbindingen standaard geblokkeerd');
    // The rule's name, the netsh command and the tool's name are data and commands: the rest is translated.
    const strip = (s: string) => s.replace(/„?"?Testport sperren"?“?/, '').replace(/netsh advfirewall.*$/, '').replace(/Windows (Defender )?Firewall/g, '');
    for (const line of [...de, ...nl]) expect(strip(line)).not.toMatch(ENGLISH);
  });

  it('Windows: no rule, profiles blocking by default; and PowerShell refused', async () => {
    const json = JSON.stringify({ rules: [], ports: [], apps: [], profiles: [{ Name: 'Domain', Enabled: 'True', DefaultInboundAction: 'NotConfigured' }, { Name: 'Private', Enabled: 'True', DefaultInboundAction: 'Block' }] });
    const r = await diagnose(async () => ({ code: 0, stdout: json, stderr: '' }), 'win32');
    const fw = firewallOf(r);
    expect(fw.status).toBe('warn');
    expect(fw.message).toBe(`No Windows Firewall rule allows port ${port}/tcp, and the Domain and Private profiles block incoming connections by default: other machines are probably blocked.`);
    expectKeysMatchEnglish(fw, r);
    expect(shown('de', fw)[0]).toBe(`Keine Regel der Windows Firewall lässt Port ${port}/tcp zu, und die Profile Domäne und Privat blockieren eingehende Verbindungen standardmäßig: Andere Rechner werden wahrscheinlich blockiert.`);
    expect(shown('nl', fw)[0]).toContain('de profielen Domein en Privé blokkeren binnenkomende verbindingen standaard');

    const denied = await diagnose(async () => ({ code: 1, stdout: '', stderr: 'Get-NetFirewallRule : Access is denied.' }), 'win32');
    const skip = firewallOf(denied);
    expect(skip.message).toBe('Could not read the Windows Firewall rules (Get-NetFirewallRule: access denied (run as administrator)).');
    expectKeysMatchEnglish(skip, denied);
    expect(shown('de', skip)[0]).toBe('Die Regeln der Windows Firewall konnten nicht gelesen werden (Get-NetFirewallRule: Zugriff verweigert (als Administrator ausführen)).');
    expect(shown('nl', skip)[0]).toBe('De regels van Windows Firewall konden niet worden gelezen (Get-NetFirewallRule: toegang geweigerd (voer dit uit als administrator)).');
  });

  it('Linux: rules that cannot be read, each reason in the language; the tool output stays as it is', async () => {
    const run: CommandRunner = async (cmd) => (cmd === 'nft' ? { code: 1, stdout: '', stderr: 'Error: Operation not permitted' } : { code: 1, stdout: '', stderr: 'iptables-save v1.8.9: Cannot initialize: Permission denied (you must be root)' });
    const r = await diagnose(run, 'linux');
    const fw = firewallOf(r);
    expect(fw.message).toBe('Could not read the firewall rules (nft: permission denied (needs root); iptables-save: iptables-save v1.8.9: Cannot initialize: Permission denied (you must be root)).');
    expectKeysMatchEnglish(fw, r);
    expect(shown('de', fw)[0]).toBe('Die Firewall-Regeln konnten nicht gelesen werden (nft: Zugriff verweigert (braucht root); iptables-save: iptables-save v1.8.9: Cannot initialize: Permission denied (you must be root)).');
    const missing = firewallOf(await diagnose(async (cmd) => enoent(cmd), 'linux'));
    expect(shown('nl', missing)[0]).toBe('De firewallregels konden niet worden gelezen (nft: niet geïnstalleerd; iptables-save: niet geïnstalleerd).');
    expect(shown('de', missing)[0]).not.toMatch(ENGLISH);
  });

  it('macOS: a blocked app, an unlisted one, pf unreadable without root, and the System Settings next step', async () => {
    const mac = (listapps: string): CommandRunner => async (cmd, args) => {
      const line = [cmd, ...args].join(' ');
      if (line === `${SOCKETFILTERFW} --getglobalstate`) return { code: 0, stdout: 'Firewall is enabled. (State = 1)\n', stderr: '' };
      if (line === `${SOCKETFILTERFW} --getblockall`) return { code: 0, stdout: 'Firewall has block all state set to disabled.\n', stderr: '' };
      if (line === `${SOCKETFILTERFW} --listapps`) return { code: 0, stdout: listapps, stderr: '' };
      if (cmd === 'pfctl') return { code: 1, stdout: '', stderr: 'pfctl: /dev/pf: Permission denied' };
      return enoent(cmd);
    };
    const blocked = await diagnose(mac('ALF: total number of apps = 1\n\n1 :  /usr/local/bin/node\n \t ( Block incoming connections )\n'), 'darwin');
    const fw = firewallOf(blocked);
    expect(fw.message).toBe(`A macOS firewall rule blocks port ${port}/tcp: /usr/local/bin/node: Block incoming connections`);
    expectKeysMatchEnglish(fw, blocked);
    const de = [...shown('de', fw), ...verdictShown('de', blocked)];
    expect(de).toEqual([
      `Eine Regel der macOS firewall blockiert Port ${port}/tcp: /usr/local/bin/node: Eingehende Verbindungen blockieren`,
      'Programm-Firewall: /usr/local/bin/node: Eingehende Verbindungen blockieren',
      'nicht gelesen: pfctl: Zugriff verweigert (braucht root)',
      expect.stringContaining('Regel der lokalen Firewall blockiert'),
      expect.stringMatching(/^Erlauben Sie unter Systemeinstellungen → Netzwerk → Firewall → Optionen eingehende Verbindungen für node /),
    ]);
    const nl = [...shown('nl', fw), ...verdictShown('nl', blocked)];
    expect(nl[2]).toBe('niet gelezen: pfctl: toegang geweigerd (vereist root)');
    expect(nl.at(-1)).toMatch(/^Sta in Systeeminstellingen → Netwerk → Firewall → Opties inkomende verbindingen toe voor node /);
    const strip = (s: string) => s.replace(/macOS firewall/, '').replace(/\(of?d?e?r?: sudo .*$/, '');
    for (const line of [...de, ...nl]) expect(strip(line)).not.toMatch(ENGLISH);

    const unlisted = firewallOf(await diagnose(mac('ALF: total number of apps = 0\n'), 'darwin'));
    expect(unlisted.status).toBe('warn');
    expectKeysMatchEnglish(unlisted, blocked);
    expect(shown('de', unlisted)[1]).toBe('die Programm-Firewall ist eingeschaltet, und node steht nicht in ihrer Liste (macOS fragt bei der ersten eingehenden Verbindung nach oder lässt signierte Software zu)');
    for (const line of shown('nl', unlisted)) expect(strip(line)).not.toMatch(ENGLISH);
  });
});
