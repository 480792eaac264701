import type { CommandRunner } from '../platform/types';
import { readDarwinFirewall } from './firewall-darwin';
import { readWindowsFirewall } from './firewall-windows';

export interface FirewallFinding {
  /** Where the rules came from: `nftables`, `iptables`, or null when none could be read. */
  source: 'nftables' | 'iptables' | 'windows-firewall' | 'macos-firewall' | 'pf' | null;
  /** The OS's name for its firewall, for messages ("Windows Firewall"); absent on Linux. */
  tool?: string;
  /** The next step in the OS's own tools when the firewall blocks the port or cannot be read. */
  advice?: string;
  /** What else was (not) read, for the details list. */
  notes?: string[];
  /** Rules that name this port, with their verdict. */
  matches: Array<{ rule: string; action: 'accept' | 'drop' | 'reject' | 'other'; chain: string | null }>;
  /** Input chains whose default is to drop: a port without an accept rule is blocked there. */
  dropPolicies: string[];
  /** Why the rules could not be read, when they could not. */
  unreadable: string | null;
}

/** Does a `dport` expression (`22`, `{ 22, 80 }`, `8000-9000`, `{ 80, 8000-8100 }`) cover the port? */
export function portExpressionCovers(expr: string, port: number): boolean {
  for (const item of expr.replace(/[{}]/g, ' ').split(/[\s,]+/).filter(Boolean)) {
    const range = /^(\d+)[-:](\d+)$/.exec(item);
    if (range && port >= Number(range[1]) && port <= Number(range[2])) return true;
    if (/^\d+$/.test(item) && Number(item) === port) return true;
  }
  return false;
}

function actionOf(rule: string): 'accept' | 'drop' | 'reject' | 'other' {
  if (/\b(accept|ACCEPT)\b/.test(rule)) return 'accept';
  if (/\b(drop|DROP)\b/.test(rule)) return 'drop';
  if (/\b(reject|REJECT)\b/.test(rule)) return 'reject';
  return 'other';
}

/** `nft list ruleset` text: rules in chains, `dport` matches, chain policies. */
export function parseNftRuleset(text: string, port: number, protocol: 'tcp' | 'udp'): Omit<FirewallFinding, 'source' | 'unreadable'> {
  const matches: FirewallFinding['matches'] = [];
  const dropPolicies: string[] = [];
  let chain: string | null = null;
  let table = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const t = /^table\s+(\S+)\s+(\S+)/.exec(line);
    if (t) table = `${t[1]} ${t[2]}`;
    const c = /^chain\s+(\S+)/.exec(line);
    if (c) {
      chain = `${table} ${c[1]}`;
      continue;
    }
    const hook = /type\s+filter\s+hook\s+(\w+).*policy\s+(\w+)/.exec(line);
    if (hook) {
      if (hook[1] === 'input' && hook[2] === 'drop') dropPolicies.push(chain ?? table);
      continue;
    }
    const m = /\b(tcp|udp|th)\s+dport\s+(\{[^}]*\}|\S+)/.exec(line);
    if (m && (m[1] === protocol || m[1] === 'th') && portExpressionCovers(m[2]!, port)) {
      matches.push({ rule: line, action: actionOf(line), chain });
    }
  }
  return { matches, dropPolicies };
}

/** `iptables-save` text: `-A CHAIN ... -p tcp --dport 22 -j ACCEPT` and `:INPUT DROP` policies. */
export function parseIptablesSave(text: string, port: number, protocol: 'tcp' | 'udp'): Omit<FirewallFinding, 'source' | 'unreadable'> {
  const matches: FirewallFinding['matches'] = [];
  const dropPolicies: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const policy = /^:INPUT\s+DROP\b/.exec(line);
    if (policy) dropPolicies.push('INPUT');
    const rule = /^-A\s+(\S+)(.*)$/.exec(line);
    if (!rule) continue;
    if (!new RegExp(`-p\\s+${protocol}\\b`).test(line)) continue;
    const dport = /--dports?\s+(\S+)/.exec(line);
    if (dport && portExpressionCovers(dport[1]!.replace(/,/g, ' '), port)) matches.push({ rule: line, action: actionOf(line), chain: rule[1]! });
  }
  return { matches, dropPolicies };
}

/**
 * Reads the firewall of this OS through the runner (Linux: nftables, then iptables; Windows and
 * macOS: their own readers); says why when it cannot. `programs` are the listeners' process
 * names, for rules that name a program (Windows) or the per-program macOS application firewall.
 */
export async function readFirewall(
  run: CommandRunner,
  port: number,
  protocol: 'tcp' | 'udp',
  options: { platform?: NodeJS.Platform; programs?: readonly string[] } = {},
): Promise<FirewallFinding> {
  const platform = options.platform ?? process.platform;
  if (platform === 'win32') return readWindowsFirewall(run, port, protocol, options.programs);
  if (platform === 'darwin') return readDarwinFirewall(run, port, protocol, options.programs);
  const reasons: string[] = [];
  try {
    const nft = await run('nft', ['list', 'ruleset'], { timeoutMs: 5000 });
    if (nft.code === 0) return { source: 'nftables', ...parseNftRuleset(nft.stdout, port, protocol), unreadable: null };
    reasons.push(`nft: ${/Operation not permitted|Permission denied/i.test(nft.stderr) ? 'permission denied (needs root)' : nft.stderr.trim().split('\n')[0] || `exit ${nft.code}`}`);
  } catch (err) {
    reasons.push(`nft: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'not installed' : String((err as Error).message)}`);
  }
  try {
    const ipt = await run('iptables-save', [], { timeoutMs: 5000 });
    if (ipt.code === 0) return { source: 'iptables', ...parseIptablesSave(ipt.stdout, port, protocol), unreadable: null };
    reasons.push(`iptables-save: ${ipt.stderr.trim().split('\n')[0] || `exit ${ipt.code}`}`);
  } catch (err) {
    reasons.push(`iptables-save: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'not installed' : String((err as Error).message)}`);
  }
  return { source: null, matches: [], dropPolicies: [], unreadable: reasons.join('; ') };
}
