import type { ContractMessageValues } from '../../../shared/contract/localized';
import type { EngineKey } from '../../../shared/i18n/catalogs/engine';
import type { CommandRunner } from '../platform/types';
import { readDarwinFirewall } from './firewall-darwin';
import { readWindowsFirewall } from './firewall-windows';

/**
 * Why one command could not be read, as a code the catalogs word (`engine.diagnose.firewall.reason`
 * and the messages that inline it) plus the English the findings have always carried. `text` is
 * the tool's own stderr line or error message: data, shown as it is.
 */
export interface UnreadableReason {
  command: string;
  why: 'denied' | 'admin' | 'missing' | 'notFound' | 'exit' | 'other';
  /** The exit code (`exit`) or the tool's own words (`other`). */
  text?: string;
}

const REASON_ENGLISH: Record<Exclude<UnreadableReason['why'], 'exit' | 'other'>, string> = {
  denied: 'permission denied (needs root)',
  admin: 'access denied (run as administrator)',
  missing: 'not installed',
  notFound: 'not found',
};

/** `nft: not installed`, `iptables-save: exit 1`: the English of a reason, as the findings carry it. */
export function reasonEnglish(r: UnreadableReason): string {
  const why = r.why === 'exit' ? `exit ${r.text ?? ''}` : r.why === 'other' ? (r.text ?? '') : REASON_ENGLISH[r.why];
  return `${r.command}: ${why}`;
}

/** A reason's placeholders, numbered (`command1`, `why1`, `text1`) for messages that list several. */
export function reasonValues(r: UnreadableReason, n: number | ''): Record<string, string> {
  return { [`command${n}`]: r.command, [`why${n}`]: r.why, [`text${n}`]: r.text ?? '' };
}

/** The first line of a tool's stderr, or its exit code, as a reason. */
export function failedReason(command: string, stderr: string, code: number | null): UnreadableReason {
  const line = stderr.trim().split('\n')[0];
  return line ? { command, why: 'other', text: line } : { command, why: 'exit', text: String(code) };
}

/** A text by its engine key: what `localizedText` puts on the wire, typed so the checks can reuse the key. */
export interface KeyedText {
  key: EngineKey;
  values?: ContractMessageValues;
}

export function keyed(key: EngineKey, values?: ContractMessageValues): KeyedText {
  return values ? { key, values } : { key };
}

/**
 * A rule Portscope put into words (a Windows rule's fields, a macOS app firewall entry), by key:
 * the rule itself, its line in the details (`chain: rule`), and the step's message when it blocks.
 * One set of values serves all three.
 */
export interface MatchTexts {
  rule: EngineKey;
  line: EngineKey;
  blocks: EngineKey;
  values?: ContractMessageValues;
}

/** A rule that matched, with its verdict; `texts` where the engine worded it (absent: the OS's own rule text, data). */
export interface FirewallMatch {
  rule: string;
  action: 'accept' | 'drop' | 'reject' | 'other';
  chain: string | null;
  texts?: MatchTexts;
}

export interface FirewallFinding {
  /** Where the rules came from: `nftables`, `iptables`, or null when none could be read. */
  source: 'nftables' | 'iptables' | 'windows-firewall' | 'macos-firewall' | 'pf' | null;
  /** The OS's name for its firewall, for messages ("Windows Firewall"); absent on Linux. */
  tool?: string;
  /** The next step in the OS's own tools when the firewall blocks the port or cannot be read. */
  advice?: string;
  adviceText?: KeyedText;
  /** What else was (not) read, for the details list. */
  notes?: string[];
  /** `notes` by key, line for line. */
  noteTexts?: KeyedText[];
  /** Rules that name this port, with their verdict. */
  matches: FirewallMatch[];
  /** Input chains whose default is to drop: a port without an accept rule is blocked there. */
  dropPolicies: string[];
  /** `dropPolicies` by key, line for line (null: a chain name, data). */
  dropPolicyTexts?: Array<KeyedText | null>;
  /**
   * The drop policies as one key for the step's message (Windows: the set of profiles; macOS: the
   * unlisted program), where `dropPolicies` are lines Portscope wrote.
   */
  dropPolicySummary?: KeyedText;
  /** Why the rules could not be read, when they could not. */
  unreadable: string | null;
  /** `unreadable`, one reason per command tried. */
  unreadableReasons?: UnreadableReason[];
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
  const reasons: UnreadableReason[] = [];
  try {
    const nft = await run('nft', ['list', 'ruleset'], { timeoutMs: 5000 });
    if (nft.code === 0) return { source: 'nftables', ...parseNftRuleset(nft.stdout, port, protocol), unreadable: null };
    reasons.push(/Operation not permitted|Permission denied/i.test(nft.stderr) ? { command: 'nft', why: 'denied' } : failedReason('nft', nft.stderr, nft.code));
  } catch (err) {
    reasons.push(spawnReason('nft', err, 'missing'));
  }
  try {
    const ipt = await run('iptables-save', [], { timeoutMs: 5000 });
    if (ipt.code === 0) return { source: 'iptables', ...parseIptablesSave(ipt.stdout, port, protocol), unreadable: null };
    reasons.push(failedReason('iptables-save', ipt.stderr, ipt.code));
  } catch (err) {
    reasons.push(spawnReason('iptables-save', err, 'missing'));
  }
  return { source: null, matches: [], dropPolicies: [], unreadable: reasons.map(reasonEnglish).join('; '), unreadableReasons: reasons };
}

/** A command that did not start: not there (ENOENT), or the error's own message. */
export function spawnReason(command: string, err: unknown, absent: 'missing' | 'notFound'): UnreadableReason {
  return (err as NodeJS.ErrnoException).code === 'ENOENT' ? { command, why: absent } : { command, why: 'other', text: String((err as Error).message) };
}
