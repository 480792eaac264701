import { engineText } from '../localizedText';
import type { CommandRunner } from '../platform/types';
import { failedReason, keyed, reasonEnglish, reasonValues, spawnReason, type FirewallFinding, type KeyedText, type MatchTexts, type UnreadableReason } from './firewall';

/** Where macOS keeps the application firewall's command-line tool. */
export const SOCKETFILTERFW = '/usr/libexec/ApplicationFirewall/socketfilterfw';
export const DARWIN_FIREWALL_TOOL = 'macOS firewall';

export interface AlfState {
  /** 0 off, 1 on, 2 "Block all incoming connections" (essential services only). */
  state: number | null;
  blockAll: boolean;
  apps: Array<{ path: string; allow: boolean }>;
}

/**
 * `socketfilterfw --getglobalstate` ("Firewall is enabled. (State = 1)"), `--getblockall`
 * ("Firewall has block all state set to enabled.", older: "Block all ENABLED!") and `--listapps`:
 * a numbered list of paths, each followed by "( Allow incoming connections )" or "( Block … )".
 */
export function parseSocketfilterfw(globalState: string, blockAll: string, listApps: string): AlfState {
  const m = /State\s*=\s*(\d)/.exec(globalState);
  const state = m ? Number(m[1]) : /enabled/i.test(globalState) ? 1 : /disabled/i.test(globalState) ? 0 : null;
  const blocked = /block all[^\n]*(enabled|set to enabled)|block all enabled/i.test(blockAll) && !/disabled/i.test(blockAll);
  const apps: AlfState['apps'] = [];
  let pending: string | null = null;
  for (const raw of listApps.split('\n')) {
    const line = raw.trim();
    const entry = /^\d+\s*:\s*(.+?)\s*$/.exec(line);
    if (entry) {
      pending = entry[1]!;
      continue;
    }
    const verdict = /^\(\s*(Allow|Block) incoming connections\s*\)$/i.exec(line);
    if (verdict && pending !== null) {
      apps.push({ path: pending, allow: verdict[1]!.toLowerCase() === 'allow' });
      pending = null;
    }
  }
  return { state, blockAll: blocked || state === 2, apps };
}

/** `/Applications/Google Chrome.app` or `/usr/local/bin/node` names this process? */
function appMatches(path: string, programs: readonly string[]): boolean {
  const base = path.replace(/\/+$/, '').split('/').pop()!.replace(/\.app$/i, '').toLowerCase();
  return programs.some((p) => p.toLowerCase() === base || path.toLowerCase().includes(`/${p.toLowerCase()}.app/`));
}

export interface PfRule {
  text: string;
  action: 'pass' | 'block';
  quick: boolean;
}

/** Does a pf port expression (`= 80`, `80`, `{ 22, 80 }`, `8000:8100`, `>= 1024`, `!= 22`) cover the port? */
function pfPortCovers(expr: string, port: number): boolean {
  const list = /^\{(.*)\}$/.exec(expr.trim());
  const items = list ? list[1]!.split(/[\s,]+/).filter(Boolean) : [expr.trim()];
  for (const item0 of items) {
    const item = item0.replace(/\s+/g, '');
    let m: RegExpExecArray | null;
    if ((m = /^(\d+):(\d+)$/.exec(item)) && port >= Number(m[1]) && port <= Number(m[2])) return true;
    if ((m = /^(\d+)><(\d+)$/.exec(item)) && port > Number(m[1]) && port < Number(m[2])) return true;
    if ((m = /^(=)?(\d+)$/.exec(item)) && port === Number(m[2])) return true;
    if ((m = /^(>=|<=|>|<|!=)(\d+)$/.exec(item))) {
      const n = Number(m[2]);
      const ok = { '>=': port >= n, '<=': port <= n, '>': port > n, '<': port < n, '!=': port !== n }[m[1] as '>=' | '<=' | '>' | '<' | '!='];
      if (ok) return true;
    }
  }
  return false;
}

/**
 * `pfctl -sr`: the loaded filter rules. A packet takes the last matching rule, or the first
 * matching `quick` one (pf.conf(5)). Inbound rules (`in`, or no direction) for this protocol (or
 * none) whose destination port covers the port (or names none) are kept, in order; rules on lo0
 * are left out.
 */
export function parsePfRules(text: string, port: number, protocol: 'tcp' | 'udp'): PfRule[] {
  const out: PfRule[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const m = /^(pass|block)\b(.*)$/.exec(line);
    if (!m) continue; // scrub, anchor, nat/rdr, table lines
    const rest = m[2]!;
    if (/\bout\b/.test(rest) && !/\bin\b/.test(rest)) continue;
    // Rules on the loopback interface never see other machines' connections, which diagnose is about.
    if (/\bon\s+lo\d*\b/.test(rest)) continue;
    const proto = /\bproto\s+(\{[^}]*\}|\S+)/.exec(rest);
    if (proto && !new RegExp(`\\b${protocol}\\b`).test(proto[1]!)) continue;
    // The destination port: the `port` after `to` (a `port` before `to` is the source port).
    const to = rest.split(/\bto\b/)[1];
    const dport = to ? /\bport\s+(\{[^}]*\}|(?:[<>!=]=?|><)?\s*\S+(?:\s*(?::|><)\s*\S+)?)/.exec(to) : null;
    if (dport && !pfPortCovers(dport[1]!.replace(/\s*:\s*/, ':'), port)) continue;
    if (!to && /\bport\b/.test(rest)) continue;
    out.push({ text: line, action: m[1] as 'pass' | 'block', quick: /\bquick\b/.test(rest) });
  }
  return out;
}

/** The rule pf applies to an inbound packet for the port: the first quick match, else the last match. */
export function pfDecision(rules: readonly PfRule[]): PfRule | null {
  for (const r of rules) if (r.quick) return r;
  return rules.length ? rules[rules.length - 1]! : null;
}

export function darwinFirewallAdvice(port: number, protocol: 'tcp' | 'udp', app: string | null): KeyedText {
  return keyed('engine.diagnose.firewall.darwinAdvice', { app: app ?? 'none', tool: SOCKETFILTERFW, port: String(port), protocol });
}

/** A command's failure as a reason: root-only (pfctl without sudo), or its first stderr line. */
class CommandFailed extends Error {
  constructor(readonly reason: UnreadableReason) {
    super(reasonEnglish(reason));
  }
}

/**
 * The application firewall (per program, through socketfilterfw, readable without root) and pf
 * (per port, `pfctl -s info` and `-sr`, root only), combined: either can block the port.
 */
export async function readDarwinFirewall(run: CommandRunner, port: number, protocol: 'tcp' | 'udp', programs: readonly string[] = []): Promise<FirewallFinding> {
  const tool = DARWIN_FIREWALL_TOOL;
  const adviceText = darwinFirewallAdvice(port, protocol, programs[0] ?? null);
  const advice = engineText('engine.diagnose.firewall.darwinAdvice', adviceText.values);
  const matches: FirewallFinding['matches'] = [];
  const dropPolicies: string[] = [];
  const dropPolicyTexts: KeyedText[] = [];
  let dropPolicySummary: KeyedText | undefined;
  const reasons: UnreadableReason[] = [];
  let alfRead = false;
  let pfRead = false;
  const out = async (cmd: string, args: string[]) => {
    const r = await run(cmd, args, { timeoutMs: 5000 });
    const command = cmd.split('/').pop()!;
    if (r.code !== 0) throw new CommandFailed(/Permission denied|Operation not permitted/i.test(r.stderr) ? { command, why: 'denied' } : failedReason(command, r.stderr, r.code));
    return r.stdout;
  };
  const failed = (command: string, err: unknown): UnreadableReason => (err instanceof CommandFailed ? err.reason : spawnReason(command, err, 'notFound'));
  try {
    const alf = parseSocketfilterfw(await out(SOCKETFILTERFW, ['--getglobalstate']), await out(SOCKETFILTERFW, ['--getblockall']), await out(SOCKETFILTERFW, ['--listapps']));
    alfRead = true;
    if (alf.state !== 0) {
      if (alf.blockAll) {
        const texts: MatchTexts = { rule: 'engine.diagnose.firewall.alfBlockAll', line: 'engine.diagnose.firewall.alfBlockAllLine', blocks: 'engine.diagnose.firewall.alfBlocksAll' };
        matches.push({ rule: engineText(texts.rule), action: 'drop', chain: 'application firewall', texts });
      }
      const listed = alf.apps.filter((a) => appMatches(a.path, programs));
      for (const a of listed) {
        const texts: MatchTexts = {
          rule: 'engine.diagnose.firewall.alfApp',
          line: 'engine.diagnose.firewall.alfAppLine',
          blocks: 'engine.diagnose.firewall.alfBlocksApp',
          values: { path: a.path, allow: a.allow ? 'yes' : 'no' },
        };
        matches.push({ rule: engineText(texts.rule, texts.values), action: a.allow ? 'accept' : 'drop', chain: 'application firewall', texts });
      }
      if (listed.length === 0 && !alf.blockAll) {
        const values = { app: programs[0] ?? 'none' };
        dropPolicies.push(engineText('engine.diagnose.firewall.alfUnlisted', values));
        dropPolicyTexts.push(keyed('engine.diagnose.firewall.alfUnlisted', values));
        dropPolicySummary = keyed('engine.diagnose.firewall.alfDropPolicy', values);
      }
    }
  } catch (err) {
    reasons.push(failed('socketfilterfw', err));
  }
  try {
    const info = await out('pfctl', ['-s', 'info']);
    pfRead = true;
    if (/Status:\s*Enabled/i.test(info)) {
      const decision = pfDecision(parsePfRules(await out('pfctl', ['-s', 'rules']), port, protocol));
      if (decision) matches.push({ rule: decision.text, action: decision.action === 'pass' ? 'accept' : 'drop', chain: 'pf' });
    }
  } catch (err) {
    reasons.push(failed('pfctl', err));
  }
  if (!alfRead && !pfRead) return { source: null, matches: [], dropPolicies: [], unreadable: reasons.map(reasonEnglish).join('; '), unreadableReasons: reasons, tool, advice, adviceText };
  // Either one can block: put blocks first so the check reports them.
  matches.sort((a, b) => (a.action === 'drop' ? 0 : 1) - (b.action === 'drop' ? 0 : 1));
  const noteTexts = reasons.map((r) => keyed('engine.diagnose.firewall.notRead', reasonValues(r, '')));
  return {
    source: alfRead ? 'macos-firewall' : 'pf',
    matches,
    dropPolicies,
    ...(dropPolicyTexts.length > 0 ? { dropPolicyTexts } : {}),
    ...(dropPolicySummary ? { dropPolicySummary } : {}),
    unreadable: null,
    tool,
    advice,
    adviceText,
    notes: reasons.map((r) => `not read: ${reasonEnglish(r)}`),
    noteTexts,
  };
}
