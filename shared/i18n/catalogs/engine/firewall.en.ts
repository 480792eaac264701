/**
 * The firewall readers' own words (engine area, spread into en.ts): Windows rules and profiles,
 * the macOS application firewall, why rules could not be read, and the next step in each OS's
 * tools. Rule text the OS printed (nft, pf) travels as data; the words Portscope puts around it
 * are here. The fragments are repeated inside each message because ICU cannot nest one message
 * in another; every language keeps the same select options (catalog check).
 */
const reason = (n: '' | '1' | '2') =>
  `{command${n}}: {why${n}, select, denied {permission denied (needs root)} admin {access denied (run as administrator)} missing {not installed} notFound {not found} exit {exit {text${n}}} other {{text${n}}}}`;

/** Windows profile names as the cmdlets print them; `profileSelector` picks the option. */
const profiles =
  '{profiles, select, any {Any} domain {Domain} private {Private} public {Public} domain_private {Domain, Private} domain_public {Domain, Public} private_public {Private, Public} domain_private_public {Domain, Private, Public} other {{profiles}}}';
const profilesAnd =
  '{profiles, select, any {Any} domain {Domain} private {Private} public {Public} domain_private {Domain and Private} domain_public {Domain and Public} private_public {Private and Public} domain_private_public {Domain, Private and Public} other {{profiles}}}';
const profileLabel = `profile ${profiles}`;
const windowsRule = `"{name}" ({action, select, Allow {Allow} Block {Block} other {{action}}}, {protocol, select, Any {Any} other {{protocol}}} port {ports, select, Any {Any} other {{ports}}}{program, select, any {} other {, program {program}}}, profiles ${profiles})`;

const alfBlockAll = 'the application firewall blocks all incoming connections (Block all incoming connections is on)';
const alfApp = '{path}: {allow, select, yes {Allow incoming connections} other {Block incoming connections}}';
const alfUnlisted =
  'application firewall is on and {app, select, none {the program} other {{app}}} is not in its list (macOS asks on its first incoming connection, or allows signed software)';

export const firewallEn = {
  'engine.diagnose.firewall.unreadableOne': `{tool, select, none {Could not read the firewall rules (${reason('1')}).} other {Could not read the {tool} rules (${reason('1')}).}}`,
  'engine.diagnose.firewall.unreadableTwo': `{tool, select, none {Could not read the firewall rules (${reason('1')}; ${reason('2')}).} other {Could not read the {tool} rules (${reason('1')}; ${reason('2')}).}}`,
  'engine.diagnose.firewall.notRead': `not read: ${reason('')}`,

  'engine.diagnose.firewall.windowsRule': windowsRule,
  'engine.diagnose.firewall.windowsRuleLine': `${profileLabel}: ${windowsRule}`,
  'engine.diagnose.firewall.windowsBlocks': `A {tool} rule blocks port {label}: ${windowsRule}`,
  'engine.diagnose.firewall.windowsDefaultBlock': `${profiles} profile (default inbound: block)`,
  'engine.diagnose.firewall.windowsDropPolicy': `No {tool} rule allows port {label}, and {count, plural, one {the ${profilesAnd} profile blocks} other {the ${profilesAnd} profiles block}} incoming connections by default: other machines are probably blocked.`,
  'engine.diagnose.firewall.windowsAdvice':
    'In "Windows Defender Firewall with Advanced Security" (wf.msc) → Inbound Rules, disable the block rule or add an allow rule, or as administrator: netsh advfirewall firewall add rule name="Portscope {port}/{protocol}" dir=in action=allow protocol={protocolUpper} localport={port}',

  'engine.diagnose.firewall.alfBlockAll': alfBlockAll,
  'engine.diagnose.firewall.alfBlockAllLine': `application firewall: ${alfBlockAll}`,
  'engine.diagnose.firewall.alfBlocksAll': `A {tool} rule blocks port {label}: ${alfBlockAll}`,
  'engine.diagnose.firewall.alfApp': alfApp,
  'engine.diagnose.firewall.alfAppLine': `application firewall: ${alfApp}`,
  'engine.diagnose.firewall.alfBlocksApp': `A {tool} rule blocks port {label}: ${alfApp}`,
  'engine.diagnose.firewall.alfUnlisted': alfUnlisted,
  'engine.diagnose.firewall.alfDropPolicy': `No {tool} rule allows port {label}, and ${alfUnlisted}: other machines are probably blocked.`,
  'engine.diagnose.firewall.darwinAdvice':
    'In System Settings → Network → Firewall → Options, allow incoming connections for {app, select, none {the program} other {{app}}} (or: sudo {tool} --unblockapp <path to the program>); for a pf rule, edit /etc/pf.conf (or the anchor that holds it) so port {port}/{protocol} passes, then sudo pfctl -f /etc/pf.conf',
};
