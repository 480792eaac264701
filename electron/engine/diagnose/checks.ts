import os from 'node:os';
import type { DiagnoseStep, StepStatus } from '../../../shared/contract/scan';
import type { ProcessInfo, Snapshot, SocketRow } from '../../../shared/contract/sockets';
import { isAnyAddress, isLoopbackAddress } from '../../../shared/net/ports';
import type { CommandRunner } from '../platform/types';
import { runCommand } from '../system/runner';
import { tcpAttempt, udpAttempt, type AttemptResult } from '../probe/attempt';
import { readFirewall, reasonValues, type FirewallFinding } from './firewall';
import type { LocalizedText } from '../../../shared/contract/localized';
import type { EngineKey } from '../../../shared/i18n/catalogs/engine';
import { localizedMessage, localizedText, outcomeSelector } from '../localizedText';

/** What a diagnosis reads from the engine: the socket table and process details. */
export interface DiagnoseDeps {
  readonly monitor: { snapshot(): Promise<Snapshot> };
  readonly snapshotter: { processInfo(pid: number): ProcessInfo | null };
}

/** The machine around it, passed in so tests can choose the interfaces and the rule reader. */
export interface DiagnoseEnv {
  interfaces?: () => NodeJS.Dict<os.NetworkInterfaceInfo[]>;
  run?: CommandRunner;
  /** Whose firewall to read (default: this OS); tests drive the Windows and macOS readers here. */
  platform?: NodeJS.Platform;
}

/** Facts the checks share, filled in as they run (later checks build on earlier ones). */
export interface DiagnoseContext {
  port: number;
  protocol: 'tcp' | 'udp';
  timeoutMs: number;
  /** Try loopback only, never the machine's other addresses (for people who do not want that). */
  loopbackOnly: boolean;
  /** The addresses the reachability step connects to, chosen (and named) by the step before it. */
  targets: LocalAddress[];
  listeners: SocketRow[];
  reach: Array<{ address: string; result: AttemptResult }>;
  firewall: FirewallFinding | null;
}

export interface CheckOutcome {
  status: StepStatus;
  message: string;
  details: string[];
  /** The message's catalog key and values, for front ends that translate (see shared/contract/localized.ts). */
  messageKey?: EngineKey;
  values?: Record<string, string | number>;
  /** Per line of `details`: its key where the line is a sentence, null where it is data. */
  detailTexts?: Array<LocalizedText | null>;
}

/** One item of the checklist: a name and a run that returns its outcome. */
export interface Check {
  id: string;
  name: string;
  nameKey: EngineKey;
  run(ctx: DiagnoseContext): Promise<CheckOutcome>;
}

/** A step's outcome whose message comes from the engine catalog. */
function said(status: StepStatus, key: EngineKey, values: Record<string, string | number> | undefined, details: string[], detailTexts?: Array<LocalizedText | null>): CheckOutcome {
  return { status, ...localizedMessage(key, values), details, ...(detailTexts ? { detailTexts } : {}) };
}

/** Lines that are all sentences of one key, with their values. */
function sentences(key: EngineKey, valuesList: Array<Record<string, string | number>>): { details: string[]; detailTexts: LocalizedText[] } {
  return { details: valuesList.map((v) => localizedMessage(key, v).message), detailTexts: valuesList.map((v) => localizedText(key, v)) };
}

function endpoint(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

function isListening(r: SocketRow, port: number, protocol: 'tcp' | 'udp'): boolean {
  return r.protocol === protocol && r.localPort === port && (protocol === 'tcp' ? r.state === 'LISTEN' : r.state === 'UNCONN' || r.remotePort === 0);
}

export function listeningCheck(deps: DiagnoseDeps): Check {
  return {
    id: 'listening',
    name: 'Is a process listening?',
    nameKey: 'engine.diagnose.listening.name',
    async run(ctx) {
      const snap = await deps.monitor.snapshot();
      ctx.listeners = snap.rows.filter((r) => isListening(r, ctx.port, ctx.protocol));
      const label = `${ctx.port}/${ctx.protocol}`;
      if (ctx.listeners.length === 0) {
        const otherProtocol = ctx.protocol === 'tcp' ? 'udp' : 'tcp';
        const other = snap.rows.some((r) => isListening(r, ctx.port, otherProtocol));
        return other
          ? said('fail', 'engine.diagnose.listening.noneOtherProtocol', { label, other: `${ctx.port}/${otherProtocol}` }, snap.warnings)
          : said('fail', 'engine.diagnose.listening.none', { label }, snap.warnings);
      }
      return said(
        'ok',
        'engine.diagnose.listening.open',
        { label, count: ctx.listeners.length },
        ctx.listeners.map((r) => `${r.protocol}${r.family === 6 ? '6' : ''} ${endpoint(r.localAddress, r.localPort)} ${r.state}`),
      );
    },
  };
}

export function processCheck(deps: DiagnoseDeps): Check {
  return {
    id: 'process',
    name: 'Which process, since when?',
    nameKey: 'engine.diagnose.process.name',
    async run(ctx) {
      if (ctx.listeners.length === 0) return said('skip', 'engine.diagnose.process.noListener', undefined, []);
      const pids = [...new Set(ctx.listeners.flatMap((r) => r.pids))];
      if (pids.length === 0) {
        const denied = ctx.listeners.some((r) => r.ownerStatus === 'permission-denied');
        return said('warn', denied ? 'engine.diagnose.process.hidden' : 'engine.diagnose.process.noOwner', undefined, []);
      }
      const details: string[] = [];
      const detailTexts: Array<LocalizedText | null> = [];
      const names: string[] = [];
      // The same list without English words, for the translated message: name, pid, user, start.
      const neutral: string[] = [];
      for (const pid of pids) {
        const p = deps.snapshotter.processInfo(pid);
        if (!p) {
          details.push(`pid ${pid}: exited meanwhile`);
          detailTexts.push(localizedText('engine.diagnose.process.exitedMeanwhile', { pid: String(pid) }));
          continue;
        }
        names.push(`${p.name} (pid ${p.pid}${p.user ? `, user ${p.user}` : ''}${p.startTime ? `, running since ${p.startTime}` : ''})`);
        neutral.push(`${p.name} (pid ${p.pid}${p.user ? `, ${p.user}` : ''}${p.startTime ? `, ${p.startTime}` : ''})`);
        details.push(`pid ${p.pid}: ${p.commandLine || p.name}`);
        detailTexts.push(null);
        if (p.unit) {
          details.push(`pid ${p.pid}: systemd unit ${p.unit}`);
          detailTexts.push(null);
        }
        if (p.container) {
          details.push(`pid ${p.pid}: container ${p.container}`);
          detailTexts.push(null);
        }
      }
      if (names.length === 0) return said('warn', 'engine.diagnose.process.exited', undefined, details, detailTexts);
      // The English keeps its words ("user", "running since"); the key's values carry the neutral list.
      return { status: 'ok', message: `Held by ${names.join('; ')}.`, messageKey: 'engine.diagnose.process.heldBy', values: { processes: neutral.join('; ') }, details, detailTexts };
    },
  };
}

export function addressesCheck(): Check {
  return {
    id: 'addresses',
    name: 'On which addresses?',
    nameKey: 'engine.diagnose.addresses.name',
    async run(ctx) {
      if (ctx.listeners.length === 0) return said('skip', 'engine.diagnose.addresses.noListener', undefined, []);
      const addrs = ctx.listeners.map((r) => ({ address: r.localAddress, family: r.family, dual: r.dualStack }));
      const details = addrs.map((a) => `${a.address}${a.dual ? ' (IPv4 and IPv6)' : ''}`);
      const detailTexts = addrs.map((a) => (a.dual ? localizedText('engine.diagnose.addresses.dualStack', { address: a.address }) : null));
      const outcome = (status: StepStatus, key: EngineKey, values?: Record<string, string | number>) => said(status, key, values, details, detailTexts);
      if (addrs.every((a) => isLoopbackAddress(a.address))) return outcome('warn', 'engine.diagnose.addresses.loopbackOnly');
      const anyV4 = addrs.some((a) => a.address === '0.0.0.0' || (a.address === '::' && a.dual));
      const anyV6 = addrs.some((a) => a.address === '::');
      if (anyV4 && anyV6) return outcome('ok', 'engine.diagnose.addresses.every');
      if (anyV4) return outcome('ok', 'engine.diagnose.addresses.everyV4');
      if (anyV6) return outcome('warn', 'engine.diagnose.addresses.v6Only');
      const specific = addrs.filter((a) => !isAnyAddress(a.address) && !isLoopbackAddress(a.address)).map((a) => a.address);
      return outcome('ok', 'engine.diagnose.addresses.specific', { addresses: specific.join(', '), count: specific.length });
    },
  };
}

export interface LocalAddress {
  address: string;
  /** The interface it belongs to (`lo`, `eth0`). */
  iface: string;
  loopback: boolean;
}

/** This machine's own addresses, loopback first (link-local IPv6 needs a scope and is left out). */
export function localAddresses(interfaces: () => NodeJS.Dict<os.NetworkInterfaceInfo[]> = os.networkInterfaces): LocalAddress[] {
  const out = new Map<string, LocalAddress>([
    ['127.0.0.1', { address: '127.0.0.1', iface: 'lo', loopback: true }],
    ['::1', { address: '::1', iface: 'lo', loopback: true }],
  ]);
  for (const [iface, list] of Object.entries(interfaces())) {
    for (const i of list ?? []) {
      if (i.family === 'IPv6' && i.address.toLowerCase().startsWith('fe80')) continue;
      if (!out.has(i.address)) out.set(i.address, { address: i.address, iface, loopback: i.internal || isLoopbackAddress(i.address) });
    }
  }
  return [...out.values()];
}

const named = (a: LocalAddress) => (a.loopback ? a.address : `${a.address} (${a.iface})`);

/**
 * Says which addresses the next step will connect to, before it does: connecting to the
 * machine's own LAN or public addresses is the point of the check, but nobody should be surprised
 * by it. With loopback-only, the other addresses are named as left out.
 */
export function targetsCheck(env: DiagnoseEnv): Check {
  return {
    id: 'targets',
    name: 'Which addresses will be tried?',
    nameKey: 'engine.diagnose.targets.name',
    async run(ctx) {
      const all = localAddresses(env.interfaces);
      const others = all.filter((a) => !a.loopback);
      ctx.targets = ctx.loopbackOnly ? all.filter((a) => a.loopback) : all;
      const targets = ctx.targets.map(named).join(', ');
      if (ctx.loopbackOnly) {
        const { details, detailTexts } = sentences('engine.diagnose.targets.notTried', others.map((a) => ({ address: named(a) })));
        return others.length > 0
          ? said('ok', 'engine.diagnose.targets.loopbackOthers', { targets, others: others.map(named).join(', ') }, details, detailTexts)
          : said('ok', 'engine.diagnose.targets.loopbackAlone', { targets }, details, detailTexts);
      }
      const { details, detailTexts } = sentences('engine.diagnose.targets.onInterface', ctx.targets.map((a) => ({ address: a.address, iface: a.iface })));
      const port = String(ctx.port);
      return others.length > 0
        ? said('ok', 'engine.diagnose.targets.own', { port, targets }, details, detailTexts)
        : said('ok', 'engine.diagnose.targets.alone', { port, targets }, details, detailTexts);
    },
  };
}

export function reachabilityCheck(env: DiagnoseEnv): Check {
  return {
    id: 'reachability',
    name: 'Reachable on each local address?',
    nameKey: 'engine.diagnose.reachability.name',
    async run(ctx) {
      const addresses = (ctx.targets.length > 0 ? ctx.targets : localAddresses(env.interfaces).filter((a) => !ctx.loopbackOnly || a.loopback)).map((a) => a.address);
      ctx.reach = await Promise.all(
        addresses.map(async (address) => ({
          address,
          result: ctx.protocol === 'udp' ? await udpAttempt(address, ctx.port, ctx.timeoutMs) : await tcpAttempt(address, ctx.port, ctx.timeoutMs, false),
        })),
      );
      const good = ctx.reach.filter((r) => r.result.outcome === 'connected' || r.result.outcome === 'reply');
      const details = ctx.reach.map((r) => `${endpoint(r.address, ctx.port)}: ${r.result.outcome}${r.result.rttMs !== null ? ` (${r.result.rttMs.toFixed(2)} ms)` : ''}`);
      // The same lines by key: the outcome in words, the round trip in the reader's digits.
      const detailTexts = ctx.reach.map((r) =>
        r.result.rttMs !== null
          ? localizedText('engine.diagnose.reachability.detailRtt', { endpoint: endpoint(r.address, ctx.port), outcome: outcomeSelector(r.result.outcome), rtt: r.result.rttMs })
          : localizedText('engine.diagnose.reachability.detail', { endpoint: endpoint(r.address, ctx.port), outcome: outcomeSelector(r.result.outcome) }),
      );
      if (good.length === ctx.reach.length) return said('ok', 'engine.diagnose.reachability.all', { count: good.length }, details, detailTexts);
      if (good.length > 0) {
        const bad = ctx.reach.filter((r) => !good.includes(r));
        return said('warn', 'engine.diagnose.reachability.some', { good: good.map((g) => g.address).join(', '), bad: bad.map((r) => r.address).join(', ') }, details, detailTexts);
      }
      const outcomes = new Set(ctx.reach.map((r) => r.result.outcome));
      if (ctx.protocol === 'udp' && outcomes.size === 1 && outcomes.has('no-reply')) return said('warn', 'engine.diagnose.reachability.udpNoReply', undefined, details, detailTexts);
      const reason = outcomes.has('timeout') ? 'timeout' : outcomes.has('refused') ? 'refused' : 'other';
      return said('fail', 'engine.diagnose.reachability.none', { reason, outcomes: [...outcomes].join(', ') }, details, detailTexts);
    },
  };
}

export function firewallCheck(env: DiagnoseEnv): Check {
  return {
    id: 'firewall',
    name: 'Does a local firewall rule affect it?',
    nameKey: 'engine.diagnose.firewall.name',
    async run(ctx) {
      const programs = [...new Set(ctx.listeners.map((r) => r.processName).filter((n): n is string => Boolean(n)))];
      const fw = await readFirewall(env.run ?? runCommand, ctx.port, ctx.protocol, { platform: env.platform, programs });
      ctx.firewall = fw;
      if (fw.source === null) return unreadableOutcome(fw);
      const { details, detailTexts } = firewallDetails(fw);
      if (fw.tool) return osFirewallOutcome(fw, fw.tool, ctx.port, ctx.protocol, details, detailTexts);
      const blocking = fw.matches.find((m) => m.action === 'drop' || m.action === 'reject');
      const accepting = fw.matches.find((m) => m.action === 'accept');
      const source = fw.source;
      const label = `${ctx.port}/${ctx.protocol}`;
      if (blocking && (!accepting || fw.matches.indexOf(blocking) < fw.matches.indexOf(accepting))) {
        return said('fail', 'engine.diagnose.firewall.blocks', { source, action: blocking.action === 'drop' ? 'drop' : 'reject', label, rule: blocking.rule }, details, detailTexts);
      }
      if (accepting) return said('ok', 'engine.diagnose.firewall.accepts', { source, label }, details, detailTexts);
      if (fw.dropPolicies.length > 0) return said('warn', 'engine.diagnose.firewall.dropPolicy', { source, port: String(ctx.port) }, details, detailTexts);
      return said('ok', 'engine.diagnose.firewall.noRule', { source, label }, details, detailTexts);
    },
  };
}

/**
 * "Could not read the rules (nft: not installed; iptables-save: …)": each reason by its code, so
 * the words around the tools' own output are translated; one key per number of commands tried.
 */
function unreadableOutcome(fw: FirewallFinding): CheckOutcome {
  const tool = fw.tool ?? 'none';
  const reasons = fw.unreadableReasons ?? [];
  if (reasons.length === 1) return said('skip', 'engine.diagnose.firewall.unreadableOne', { tool, ...reasonValues(reasons[0]!, 1) }, []);
  if (reasons.length === 2) return said('skip', 'engine.diagnose.firewall.unreadableTwo', { tool, ...reasonValues(reasons[0]!, 1), ...reasonValues(reasons[1]!, 2) }, []);
  return said('skip', 'engine.diagnose.firewall.unreadable', { tool, reason: String(fw.unreadable) }, []);
}

/** The rules found, the drop policies and the notes, each line with its key where Portscope wrote it. */
function firewallDetails(fw: FirewallFinding): { details: string[]; detailTexts: Array<LocalizedText | null> } {
  const details: string[] = [];
  const detailTexts: Array<LocalizedText | null> = [];
  for (const m of fw.matches) {
    details.push(`${m.chain ?? ''}: ${m.rule}`);
    detailTexts.push(m.texts ? localizedText(m.texts.line, m.texts.values) : null);
  }
  fw.dropPolicies.forEach((p, i) => {
    // Linux: a chain's name and nft's own keywords, data; Windows and macOS: lines Portscope wrote.
    details.push(fw.tool ? p : `${p}: policy drop`);
    detailTexts.push(fw.dropPolicyTexts?.[i] ?? null);
  });
  (fw.notes ?? []).forEach((n, i) => {
    details.push(n);
    detailTexts.push(fw.noteTexts?.[i] ?? null);
  });
  return { details, detailTexts };
}

/** Windows and macOS: the same verdicts, worded with the OS's firewall name. */
function osFirewallOutcome(fw: FirewallFinding, tool: string, port: number, protocol: string, details: string[], detailTexts: Array<LocalizedText | null>): CheckOutcome {
  const blocking = fw.matches.find((m) => m.action === 'drop' || m.action === 'reject');
  const label = `${port}/${protocol}`;
  if (blocking?.texts) return said('fail', blocking.texts.blocks, { ...blocking.texts.values, tool, label }, details, detailTexts);
  if (blocking) return said('fail', 'engine.diagnose.firewall.osBlocks', { tool, label, rule: blocking.rule }, details, detailTexts);
  if (fw.matches.some((m) => m.action === 'accept')) return said('ok', 'engine.diagnose.firewall.osAllows', { tool, label }, details, detailTexts);
  if (fw.dropPolicySummary) return said('warn', fw.dropPolicySummary.key, { ...fw.dropPolicySummary.values, tool, label }, details, detailTexts);
  if (fw.dropPolicies.length > 0) return said('warn', 'engine.diagnose.firewall.osDropPolicy', { tool, label, policies: fw.dropPolicies.join('; ') }, details, detailTexts);
  return said('ok', 'engine.diagnose.firewall.osNoRule', { tool, label }, details, detailTexts);
}

export function toStep(check: Check, outcome: CheckOutcome, durationMs: number): DiagnoseStep {
  const step: DiagnoseStep = { id: check.id, name: check.name, status: outcome.status, message: outcome.message, details: outcome.details, durationMs, nameKey: check.nameKey };
  if (outcome.messageKey) step.messageKey = outcome.messageKey;
  if (outcome.values) step.values = outcome.values;
  if (outcome.detailTexts) step.detailTexts = outcome.detailTexts;
  return step;
}
