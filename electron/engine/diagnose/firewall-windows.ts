import { engineText } from '../localizedText';
import type { CommandRunner } from '../platform/types';
import { failedReason, keyed, portExpressionCovers, reasonEnglish, spawnReason, type FirewallFinding, type KeyedText, type MatchTexts, type UnreadableReason } from './firewall';

/**
 * Windows Firewall, read-only, through PowerShell's NetSecurity cmdlets rather than `netsh
 * advfirewall … verbose`: netsh prints its field names in the display language ("Regelname:",
 * "Nom de la règle :"), while the cmdlets' property names are the same everywhere. Enums are
 * turned into their names in the script (`[string]`), so the output does not depend on how a
 * PowerShell version serialises them. Three tables are joined by InstanceID: the inbound rules,
 * their port filters and their program filters; plus each profile's default inbound action.
 */
export const WINDOWS_FIREWALL_SCRIPT = [
  "$ErrorActionPreference='Stop'",
  '$r=@(Get-NetFirewallRule -Direction Inbound -Enabled True -PolicyStore ActiveStore | Select-Object @{n="Id";e={$_.InstanceID}},DisplayName,@{n="Action";e={[string]$_.Action}},@{n="Profile";e={[string]$_.Profile}})',
  '$p=@(Get-NetFirewallPortFilter -PolicyStore ActiveStore | Select-Object @{n="Id";e={$_.InstanceID}},@{n="Protocol";e={[string]$_.Protocol}},@{n="LocalPort";e={@($_.LocalPort) -join ","}})',
  '$a=@(Get-NetFirewallApplicationFilter -PolicyStore ActiveStore | Select-Object @{n="Id";e={$_.InstanceID}},Program)',
  '$f=@(Get-NetFirewallProfile -PolicyStore ActiveStore | Select-Object Name,@{n="Enabled";e={[string]$_.Enabled}},@{n="DefaultInboundAction";e={[string]$_.DefaultInboundAction}})',
  '[pscustomobject]@{rules=$r;ports=$p;apps=$a;profiles=$f} | ConvertTo-Json -Depth 4 -Compress',
].join('; ');

export const WINDOWS_FIREWALL_TOOL = 'Windows Firewall';

interface RuleRow {
  Id?: string;
  DisplayName?: string;
  Action?: string | number;
  Profile?: string | number;
}

const asList = <T>(x: T | T[] | null | undefined): T[] => (x == null ? [] : Array.isArray(x) ? x : [x]);

/** Action names, or the NetSecurity.Action numbers (Allow 2, Block 4) from an older serialisation. */
function actionOf(a: unknown): 'accept' | 'drop' | 'other' {
  const s = String(a).toLowerCase();
  if (s === 'allow' || s === '2') return 'accept';
  if (s === 'block' || s === '4') return 'drop';
  return 'other';
}

/** `Domain, Private`, `Any`, or the flag number (Domain 1, Private 2, Public 4, Any 0). */
function profilesOf(p: unknown): string {
  if (typeof p === 'number' || /^\d+$/.test(String(p))) {
    const n = Number(p);
    if (n === 0) return 'Any';
    return [n & 1 ? 'Domain' : '', n & 2 ? 'Private' : '', n & 4 ? 'Public' : ''].filter(Boolean).join(', ');
  }
  return String(p ?? 'Any');
}

const PROFILE_ORDER = ['domain', 'private', 'public'];

/**
 * Profile names as the cmdlets print them (`Domain, Private`, `Any`; always English) -> one select
 * value for the catalogs (`domain_private`, `any`), which word them as Windows does in the
 * reader's language (Domäne, Privat, Öffentlich). Names it does not know pass through as they are.
 */
export function profileSelector(profiles: string): string {
  const names = profiles.split(/\s*,\s*/).map((n) => n.toLowerCase()).filter(Boolean);
  if (names.length === 1 && names[0] === 'any') return 'any';
  if (names.length === 0 || names.some((n) => !PROFILE_ORDER.includes(n))) return profiles;
  return PROFILE_ORDER.filter((n) => names.includes(n)).join('_');
}

/** `%SystemRoot%\System32\svchost.exe` -> `svchost.exe`, for comparing with a process name. */
function programBase(program: string): string {
  return program.split(/[\\/]/).pop()!.toLowerCase();
}

function protocolCovers(rule: string, protocol: 'tcp' | 'udp'): boolean {
  const p = rule.toLowerCase();
  return p === 'any' || p === '' || p === protocol || (protocol === 'tcp' && p === '6') || (protocol === 'udp' && p === '17');
}

/** LocalPort: `Any`, `80`, `80,443`, `5000-5010`, or keywords (`RPC`, `RPCEPMap`, `IPHTTPSIn`, …) that name no fixed port. */
function localPortCovers(ports: string, port: number): boolean {
  if (ports === '' || /^any$/i.test(ports)) return true;
  return portExpressionCovers(ports.replace(/,/g, ' '), port);
}

/**
 * The JSON WINDOWS_FIREWALL_SCRIPT prints -> the inbound rules that apply to this port (and, when
 * a rule names a program, to one of these programs), block rules first: in Windows Firewall a
 * block rule wins over an allow rule whatever their order. Profiles whose default inbound action
 * is Block are listed as drop policies: there a port without an allow rule is blocked.
 */
export function parseWindowsFirewall(json: string, port: number, protocol: 'tcp' | 'udp', programs: readonly string[] = []): Omit<FirewallFinding, 'source' | 'unreadable'> {
  const data = JSON.parse(json.replace(/^\uFEFF/, '')) as { rules?: RuleRow | RuleRow[]; ports?: unknown; apps?: unknown; profiles?: unknown };
  const ports = new Map<string, { Protocol?: string; LocalPort?: string }>();
  for (const p of asList(data.ports as Array<{ Id?: string; Protocol?: string; LocalPort?: string }>)) if (p?.Id) ports.set(p.Id, p);
  const apps = new Map<string, string>();
  for (const a of asList(data.apps as Array<{ Id?: string; Program?: string }>)) if (a?.Id && a.Program) apps.set(a.Id, a.Program);
  const wanted = new Set(programs.map((p) => p.toLowerCase()));
  const matches: FirewallFinding['matches'] = [];
  for (const r of asList(data.rules)) {
    if (!r?.Id) continue;
    const pf = ports.get(r.Id);
    if (!protocolCovers(String(pf?.Protocol ?? 'Any'), protocol)) continue;
    if (!localPortCovers(String(pf?.LocalPort ?? 'Any'), port)) continue;
    const program = apps.get(r.Id) ?? 'Any';
    const anyProgram = /^any$/i.test(program);
    // A program rule applies to that program only: without knowing the listener's program, skip it.
    if (!anyProgram && !wanted.has(programBase(program)) && !wanted.has(programBase(program).replace(/\.exe$/, ''))) continue;
    const profiles = profilesOf(r.Profile);
    const protocolName = String(pf?.Protocol ?? 'Any');
    const localPort = String(pf?.LocalPort ?? 'Any');
    // The cmdlets' words (Any, Allow, profile names) are English everywhere; the keys word them as Windows does in the reader's language.
    const texts: MatchTexts = {
      rule: 'engine.diagnose.firewall.windowsRule',
      line: 'engine.diagnose.firewall.windowsRuleLine',
      blocks: 'engine.diagnose.firewall.windowsBlocks',
      values: { name: String(r.DisplayName ?? r.Id), action: String(r.Action), protocol: protocolName, ports: localPort, program: anyProgram ? 'any' : program, profiles: profileSelector(profiles) },
    };
    matches.push({
      rule: `"${r.DisplayName ?? r.Id}" (${String(r.Action)}, ${protocolName} port ${localPort}${anyProgram ? '' : `, program ${program}`}, profiles ${profiles})`,
      action: actionOf(r.Action),
      chain: `profile ${profiles}`,
      texts,
    });
  }
  matches.sort((a, b) => (a.action === 'drop' ? 0 : 1) - (b.action === 'drop' ? 0 : 1));
  const dropPolicies: string[] = [];
  const dropPolicyTexts: KeyedText[] = [];
  const blocking: string[] = [];
  for (const f of asList(data.profiles as Array<{ Name?: string; Enabled?: string | number | boolean; DefaultInboundAction?: string | number }>)) {
    const enabled = String(f?.Enabled).toLowerCase();
    const on = enabled === 'true' || enabled === '1';
    const action = String(f?.DefaultInboundAction).toLowerCase();
    // NotConfigured (0) falls back to Windows' default for inbound: Block.
    if (on && (action === 'block' || action === '4' || action === 'notconfigured' || action === '0')) {
      const name = String(f?.Name ?? '?');
      blocking.push(name);
      dropPolicies.push(`${name} profile (default inbound: block)`);
      dropPolicyTexts.push(keyed('engine.diagnose.firewall.windowsDefaultBlock', { profiles: profileSelector(name) }));
    }
  }
  if (blocking.length === 0) return { matches, dropPolicies };
  const dropPolicySummary = keyed('engine.diagnose.firewall.windowsDropPolicy', { profiles: profileSelector(blocking.join(', ')), count: blocking.length });
  return { matches, dropPolicies, dropPolicyTexts, dropPolicySummary };
}

/** What to do, in Windows' own tools. */
export function windowsFirewallAdvice(port: number, protocol: 'tcp' | 'udp'): KeyedText {
  return keyed('engine.diagnose.firewall.windowsAdvice', { port: String(port), protocol, protocolUpper: protocol.toUpperCase() });
}

export async function readWindowsFirewall(run: CommandRunner, port: number, protocol: 'tcp' | 'udp', programs: readonly string[] = []): Promise<FirewallFinding> {
  const tool = WINDOWS_FIREWALL_TOOL;
  const adviceText = windowsFirewallAdvice(port, protocol);
  const advice = engineText('engine.diagnose.firewall.windowsAdvice', adviceText.values);
  const unreadable = (reason: UnreadableReason): FirewallFinding => ({
    source: null,
    matches: [],
    dropPolicies: [],
    unreadable: reasonEnglish(reason),
    unreadableReasons: [reason],
    tool,
    advice,
    adviceText,
  });
  try {
    const r = await run('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', WINDOWS_FIREWALL_SCRIPT], { timeoutMs: 20_000 });
    if (r.code !== 0) {
      const denied = /access is denied|0x80070005|PermissionDenied/i.test(r.stderr);
      return unreadable(denied ? { command: 'Get-NetFirewallRule', why: 'admin' } : failedReason('Get-NetFirewallRule', r.stderr, r.code));
    }
    return { source: 'windows-firewall', ...parseWindowsFirewall(r.stdout, port, protocol, programs), unreadable: null, tool, advice, adviceText };
  } catch (err) {
    return unreadable(spawnReason('powershell.exe', err, 'notFound'));
  }
}
