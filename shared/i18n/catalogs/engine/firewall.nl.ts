import type { firewallEn } from './firewall.en';

// Windows' and macOS' own Dutch wording: Domein/Privé/Openbaar, Toestaan/Blokkeren, "Regels voor binnenkomende verbindingen", Systeeminstellingen.
const reason = (n: '' | '1' | '2') =>
  `{command${n}}: {why${n}, select, denied {toegang geweigerd (vereist root)} admin {toegang geweigerd (voer dit uit als administrator)} missing {niet geïnstalleerd} notFound {niet gevonden} exit {afsluitcode {text${n}}} other {{text${n}}}}`;

const profilesAnd =
  '{profiles, select, any {Alle} domain {Domein} private {Privé} public {Openbaar} domain_private {Domein en Privé} domain_public {Domein en Openbaar} private_public {Privé en Openbaar} domain_private_public {Domein, Privé en Openbaar} other {{profiles}}}';
const profileLabel =
  '{profiles, select, any {alle profielen} domain {profiel Domein} private {profiel Privé} public {profiel Openbaar} domain_private {profielen Domein, Privé} domain_public {profielen Domein, Openbaar} private_public {profielen Privé, Openbaar} domain_private_public {profielen Domein, Privé, Openbaar} other {profiel {profiles}}}';
const windowsRule = `"{name}" ({action, select, Allow {Toestaan} Block {Blokkeren} other {{action}}}, {protocol, select, Any {alle protocollen} other {{protocol}}}, poort {ports, select, Any {alle} other {{ports}}}{program, select, any {} other {, programma {program}}}, ${profileLabel})`;

const alfBlockAll = 'de programmafirewall blokkeert alle inkomende verbindingen ("Blokkeer alle inkomende verbindingen" staat aan)';
const alfApp = '{path}: {allow, select, yes {Sta inkomende verbindingen toe} other {Blokkeer inkomende verbindingen}}';
const alfUnlisted =
  'de programmafirewall staat aan en {app, select, none {het programma} other {{app}}} staat niet in de lijst (macOS vraagt het bij de eerste inkomende verbinding, of laat ondertekende software toe)';

export const firewallNl: Record<keyof typeof firewallEn, string> = {
  'engine.diagnose.firewall.unreadableOne': `{tool, select, none {De firewallregels konden niet worden gelezen (${reason('1')}).} other {De regels van {tool} konden niet worden gelezen (${reason('1')}).}}`,
  'engine.diagnose.firewall.unreadableTwo': `{tool, select, none {De firewallregels konden niet worden gelezen (${reason('1')}; ${reason('2')}).} other {De regels van {tool} konden niet worden gelezen (${reason('1')}; ${reason('2')}).}}`,
  'engine.diagnose.firewall.notRead': `niet gelezen: ${reason('')}`,

  'engine.diagnose.firewall.windowsRule': windowsRule,
  'engine.diagnose.firewall.windowsRuleLine': `${profileLabel}: ${windowsRule}`,
  'engine.diagnose.firewall.windowsBlocks': `Een regel van {tool} blokkeert poort {label}: ${windowsRule}`,
  'engine.diagnose.firewall.windowsDefaultBlock': `${profileLabel}: binnenkomende verbindingen standaard geblokkeerd`,
  'engine.diagnose.firewall.windowsDropPolicy': `Geen regel van {tool} laat poort {label} door, en {count, plural, one {het profiel ${profilesAnd} blokkeert} other {de profielen ${profilesAnd} blokkeren}} binnenkomende verbindingen standaard: andere computers worden waarschijnlijk geblokkeerd.`,
  'engine.diagnose.firewall.windowsAdvice':
    'Schakel in "Windows Defender Firewall met geavanceerde beveiliging" (wf.msc) → Regels voor binnenkomende verbindingen de blokkerende regel uit of voeg een regel toe die de verbinding toestaat, of als administrator: netsh advfirewall firewall add rule name="Portscope {port}/{protocol}" dir=in action=allow protocol={protocolUpper} localport={port}',

  'engine.diagnose.firewall.alfBlockAll': alfBlockAll,
  'engine.diagnose.firewall.alfBlockAllLine': `programmafirewall: ${alfBlockAll}`,
  'engine.diagnose.firewall.alfBlocksAll': `Een regel van {tool} blokkeert poort {label}: ${alfBlockAll}`,
  'engine.diagnose.firewall.alfApp': alfApp,
  'engine.diagnose.firewall.alfAppLine': `programmafirewall: ${alfApp}`,
  'engine.diagnose.firewall.alfBlocksApp': `Een regel van {tool} blokkeert poort {label}: ${alfApp}`,
  'engine.diagnose.firewall.alfUnlisted': alfUnlisted,
  'engine.diagnose.firewall.alfDropPolicy': `Geen regel van {tool} laat poort {label} door, en ${alfUnlisted}: andere computers worden waarschijnlijk geblokkeerd.`,
  'engine.diagnose.firewall.darwinAdvice':
    'Sta in Systeeminstellingen → Netwerk → Firewall → Opties inkomende verbindingen toe voor {app, select, none {het programma} other {{app}}} (of: sudo {tool} --unblockapp <pad naar het programma>); bij een pf-regel: pas /etc/pf.conf aan (of het anker waarin de regel staat) zodat poort {port}/{protocol} wordt doorgelaten, en voer daarna sudo pfctl -f /etc/pf.conf uit',
};
