import type { firewallEn } from './firewall.en';

// Windows' and macOS' own German wording: Domäne/Privat/Öffentlich, Zulassen/Blockieren, „Eingehende Regeln“, Systemeinstellungen.
const reason = (n: '' | '1' | '2') =>
  `{command${n}}: {why${n}, select, denied {Zugriff verweigert (braucht root)} admin {Zugriff verweigert (als Administrator ausführen)} missing {nicht installiert} notFound {nicht gefunden} exit {Exit-Code {text${n}}} other {{text${n}}}}`;

const profilesAnd =
  '{profiles, select, any {Alle} domain {Domäne} private {Privat} public {Öffentlich} domain_private {Domäne und Privat} domain_public {Domäne und Öffentlich} private_public {Privat und Öffentlich} domain_private_public {Domäne, Privat und Öffentlich} other {{profiles}}}';
const profileLabel =
  '{profiles, select, any {alle Profile} domain {Profil Domäne} private {Profil Privat} public {Profil Öffentlich} domain_private {Profile Domäne, Privat} domain_public {Profile Domäne, Öffentlich} private_public {Profile Privat, Öffentlich} domain_private_public {Profile Domäne, Privat, Öffentlich} other {Profil {profiles}}}';
const windowsRule = `„{name}“ ({action, select, Allow {Zulassen} Block {Blockieren} other {{action}}}, {protocol, select, Any {alle Protokolle} other {{protocol}}}, Port {ports, select, Any {beliebig} other {{ports}}}{program, select, any {} other {, Programm {program}}}, ${profileLabel})`;

const alfBlockAll = 'die Programm-Firewall blockiert alle eingehenden Verbindungen („Alle eingehenden Verbindungen blockieren“ ist eingeschaltet)';
const alfApp = '{path}: {allow, select, yes {Eingehende Verbindungen erlauben} other {Eingehende Verbindungen blockieren}}';
const alfUnlisted =
  'die Programm-Firewall ist eingeschaltet, und {app, select, none {das Programm} other {{app}}} steht nicht in ihrer Liste (macOS fragt bei der ersten eingehenden Verbindung nach oder lässt signierte Software zu)';

export const firewallDe: Record<keyof typeof firewallEn, string> = {
  'engine.diagnose.firewall.unreadableOne': `{tool, select, none {Die Firewall-Regeln konnten nicht gelesen werden (${reason('1')}).} other {Die Regeln der {tool} konnten nicht gelesen werden (${reason('1')}).}}`,
  'engine.diagnose.firewall.unreadableTwo': `{tool, select, none {Die Firewall-Regeln konnten nicht gelesen werden (${reason('1')}; ${reason('2')}).} other {Die Regeln der {tool} konnten nicht gelesen werden (${reason('1')}; ${reason('2')}).}}`,
  'engine.diagnose.firewall.notRead': `nicht gelesen: ${reason('')}`,

  'engine.diagnose.firewall.windowsRule': windowsRule,
  'engine.diagnose.firewall.windowsRuleLine': `${profileLabel}: ${windowsRule}`,
  'engine.diagnose.firewall.windowsBlocks': `Eine Regel der {tool} blockiert Port {label}: ${windowsRule}`,
  'engine.diagnose.firewall.windowsDefaultBlock': `${profileLabel}: eingehende Verbindungen standardmäßig blockiert`,
  'engine.diagnose.firewall.windowsDropPolicy': `Keine Regel der {tool} lässt Port {label} zu, und {count, plural, one {das Profil ${profilesAnd} blockiert} other {die Profile ${profilesAnd} blockieren}} eingehende Verbindungen standardmäßig: Andere Rechner werden wahrscheinlich blockiert.`,
  'engine.diagnose.firewall.windowsAdvice':
    'Deaktivieren Sie in „Windows Defender Firewall mit erweiterter Sicherheit“ (wf.msc) → Eingehende Regeln die blockierende Regel oder fügen Sie eine zulassende Regel hinzu, oder als Administrator: netsh advfirewall firewall add rule name="Portscope {port}/{protocol}" dir=in action=allow protocol={protocolUpper} localport={port}',

  'engine.diagnose.firewall.alfBlockAll': alfBlockAll,
  'engine.diagnose.firewall.alfBlockAllLine': `Programm-Firewall: ${alfBlockAll}`,
  'engine.diagnose.firewall.alfBlocksAll': `Eine Regel der {tool} blockiert Port {label}: ${alfBlockAll}`,
  'engine.diagnose.firewall.alfApp': alfApp,
  'engine.diagnose.firewall.alfAppLine': `Programm-Firewall: ${alfApp}`,
  'engine.diagnose.firewall.alfBlocksApp': `Eine Regel der {tool} blockiert Port {label}: ${alfApp}`,
  'engine.diagnose.firewall.alfUnlisted': alfUnlisted,
  'engine.diagnose.firewall.alfDropPolicy': `Keine Regel der {tool} lässt Port {label} zu, und ${alfUnlisted}: Andere Rechner werden wahrscheinlich blockiert.`,
  'engine.diagnose.firewall.darwinAdvice':
    'Erlauben Sie unter Systemeinstellungen → Netzwerk → Firewall → Optionen eingehende Verbindungen für {app, select, none {das Programm} other {{app}}} (oder: sudo {tool} --unblockapp <Pfad zum Programm>); bei einer pf-Regel bearbeiten Sie /etc/pf.conf (oder den Anker, der sie enthält), sodass Port {port}/{protocol} durchgelassen wird, und laden die Regeln dann mit sudo pfctl -f /etc/pf.conf neu',
};
