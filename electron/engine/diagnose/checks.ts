import os from 'node:os';
import type { DiagnoseStep, StepStatus } from '../../../shared/contract/scan';
import type { ProcessInfo, Snapshot, SocketRow } from '../../../shared/contract/sockets';
import { isAnyAddress, isLoopbackAddress } from '../../../shared/net/ports';
import type { CommandRunner } from '../platform/types';
import { runCommand } from '../system/runner';
import { tcpAttempt, udpAttempt, type AttemptResult } from '../probe/attempt';
import { readFirewall, type FirewallFinding } from './firewall';

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
}

/** One item of the checklist: a name and a run that returns its outcome. */
export interface Check {
  id: string;
  name: string;
  run(ctx: DiagnoseContext): Promise<CheckOutcome>;
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
    async run(ctx) {
      const snap = await deps.monitor.snapshot();
      ctx.listeners = snap.rows.filter((r) => isListening(r, ctx.port, ctx.protocol));
      const label = `${ctx.port}/${ctx.protocol}`;
      if (ctx.listeners.length === 0) {
        const other = snap.rows.some((r) => isListening(r, ctx.port, ctx.protocol === 'tcp' ? 'udp' : 'tcp'));
        return {
          status: 'fail',
          message: `Nothing listens on port ${label}.${other ? ` (Something does listen on ${ctx.port}/${ctx.protocol === 'tcp' ? 'udp' : 'tcp'}: wrong protocol?)` : ''}`,
          details: snap.warnings,
        };
      }
      return {
        status: 'ok',
        message: `Port ${label} is open for connections (${ctx.listeners.length} listening socket${ctx.listeners.length > 1 ? 's' : ''}).`,
        details: ctx.listeners.map((r) => `${r.protocol}${r.family === 6 ? '6' : ''} ${endpoint(r.localAddress, r.localPort)} ${r.state}`),
      };
    },
  };
}

export function processCheck(deps: DiagnoseDeps): Check {
  return {
    id: 'process',
    name: 'Which process, since when?',
    async run(ctx) {
      if (ctx.listeners.length === 0) return { status: 'skip', message: 'No listener, so no process to show.', details: [] };
      const pids = [...new Set(ctx.listeners.flatMap((r) => r.pids))];
      if (pids.length === 0) {
        const denied = ctx.listeners.some((r) => r.ownerStatus === 'permission-denied');
        return {
          status: 'warn',
          message: denied ? 'The owning process is hidden: it belongs to another user (run as root to see it).' : 'No visible process owns the socket (another container or the kernel).',
          details: [],
        };
      }
      const details: string[] = [];
      const names: string[] = [];
      for (const pid of pids) {
        const p = deps.snapshotter.processInfo(pid);
        if (!p) {
          details.push(`pid ${pid}: exited meanwhile`);
          continue;
        }
        names.push(`${p.name} (pid ${p.pid}${p.user ? `, user ${p.user}` : ''}${p.startTime ? `, running since ${p.startTime}` : ''})`);
        details.push(`pid ${p.pid}: ${p.commandLine || p.name}`);
        if (p.unit) details.push(`pid ${p.pid}: systemd unit ${p.unit}`);
        if (p.container) details.push(`pid ${p.pid}: container ${p.container}`);
      }
      return { status: names.length ? 'ok' : 'warn', message: names.length ? `Held by ${names.join('; ')}.` : 'The owning process exited.', details };
    },
  };
}

export function addressesCheck(): Check {
  return {
    id: 'addresses',
    name: 'On which addresses?',
    async run(ctx) {
      if (ctx.listeners.length === 0) return { status: 'skip', message: 'No listener.', details: [] };
      const addrs = ctx.listeners.map((r) => ({ address: r.localAddress, family: r.family, dual: r.dualStack }));
      const details = addrs.map((a) => `${a.address}${a.dual ? ' (IPv4 and IPv6)' : ''}`);
      if (addrs.every((a) => isLoopbackAddress(a.address))) {
        return { status: 'warn', message: 'Only on loopback: reachable from this machine alone, not from other machines.', details };
      }
      const anyV4 = addrs.some((a) => a.address === '0.0.0.0' || (a.address === '::' && a.dual));
      const anyV6 = addrs.some((a) => a.address === '::');
      if (anyV4 && anyV6) return { status: 'ok', message: 'On every address, IPv4 and IPv6.', details };
      if (anyV4) return { status: 'ok', message: 'On every IPv4 address (IPv6 clients cannot connect).', details };
      if (anyV6) return { status: 'warn', message: 'On every IPv6 address only (IPv6-only socket): IPv4 clients cannot connect.', details };
      const specific = addrs.filter((a) => !isAnyAddress(a.address) && !isLoopbackAddress(a.address)).map((a) => a.address);
      return { status: 'ok', message: `On specific addresses only: ${specific.join(', ')}. Clients must use ${specific.length > 1 ? 'one of these' : 'this one'}.`, details };
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
    async run(ctx) {
      const all = localAddresses(env.interfaces);
      const others = all.filter((a) => !a.loopback);
      ctx.targets = ctx.loopbackOnly ? all.filter((a) => a.loopback) : all;
      const list = ctx.targets.map(named).join(', ');
      if (ctx.loopbackOnly) {
        return {
          status: 'ok',
          message:
            others.length > 0
              ? `Loopback only, as asked: connecting to ${list}; not to this machine's other addresses ${others.map(named).join(', ')}.`
              : `Loopback only, as asked: connecting to ${list} (this machine has no other address).`,
          details: others.map((a) => `not tried: ${named(a)}`),
        };
      }
      return {
        status: 'ok',
        message:
          others.length > 0
            ? `Connecting to port ${ctx.port} on this machine's own addresses: ${list}. (--loopback-only, or "Loopback only" in the app, tries 127.0.0.1 and ::1 alone.)`
            : `Connecting to port ${ctx.port} on ${list} (this machine has no other address).`,
        details: ctx.targets.map((a) => `${a.address} on ${a.iface}`),
      };
    },
  };
}

export function reachabilityCheck(env: DiagnoseEnv): Check {
  return {
    id: 'reachability',
    name: 'Reachable on each local address?',
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
      if (good.length === ctx.reach.length) return { status: 'ok', message: `Reachable on all ${good.length} local addresses.`, details };
      if (good.length > 0) {
        return { status: 'warn', message: `Reachable on ${good.map((g) => g.address).join(', ')}; not on ${ctx.reach.filter((r) => !good.includes(r)).map((r) => r.address).join(', ')}.`, details };
      }
      const outcomes = new Set(ctx.reach.map((r) => r.result.outcome));
      const why = outcomes.has('timeout') ? 'connections time out (a firewall drops them?)' : outcomes.has('refused') ? 'connections are refused' : [...outcomes].join(', ');
      if (ctx.protocol === 'udp' && outcomes.size === 1 && outcomes.has('no-reply')) {
        return { status: 'warn', message: 'No UDP reply on any local address: the service may ignore unknown datagrams, or a firewall drops them.', details };
      }
      return { status: 'fail', message: `Not reachable on any local address: ${why}.`, details };
    },
  };
}

export function firewallCheck(env: DiagnoseEnv): Check {
  return {
    id: 'firewall',
    name: 'Does a local firewall rule affect it?',
    async run(ctx) {
      const programs = [...new Set(ctx.listeners.map((r) => r.processName).filter((n): n is string => Boolean(n)))];
      const fw = await readFirewall(env.run ?? runCommand, ctx.port, ctx.protocol, { platform: env.platform, programs });
      ctx.firewall = fw;
      if (fw.source === null) return { status: 'skip', message: `Could not read the ${fw.tool ?? 'firewall'} rules (${fw.unreadable}).`, details: [] };
      const details = [...fw.matches.map((m) => `${m.chain ?? ''}: ${m.rule}`), ...fw.dropPolicies.map((p) => (fw.tool ? p : `${p}: policy drop`)), ...(fw.notes ?? [])];
      if (fw.tool) return osFirewallOutcome(fw, fw.tool, ctx.port, ctx.protocol, details);
      const blocking = fw.matches.find((m) => m.action === 'drop' || m.action === 'reject');
      const accepting = fw.matches.find((m) => m.action === 'accept');
      if (blocking && (!accepting || fw.matches.indexOf(blocking) < fw.matches.indexOf(accepting))) {
        return { status: 'fail', message: `A ${fw.source} rule ${blocking.action === 'drop' ? 'drops' : 'rejects'} traffic to port ${ctx.port}/${ctx.protocol}: ${blocking.rule}`, details };
      }
      if (accepting) return { status: 'ok', message: `A ${fw.source} rule accepts port ${ctx.port}/${ctx.protocol}.`, details };
      if (fw.dropPolicies.length > 0) {
        return { status: 'warn', message: `The input policy is drop and no ${fw.source} rule names port ${ctx.port}: other machines are probably blocked.`, details };
      }
      return { status: 'ok', message: `No ${fw.source} rule names port ${ctx.port}/${ctx.protocol}.`, details };
    },
  };
}

/** Windows and macOS: the same verdicts, worded with the OS's firewall name. */
function osFirewallOutcome(fw: FirewallFinding, tool: string, port: number, protocol: string, details: string[]): CheckOutcome {
  const blocking = fw.matches.find((m) => m.action === 'drop' || m.action === 'reject');
  if (blocking) return { status: 'fail', message: `A ${tool} rule blocks port ${port}/${protocol}: ${blocking.rule}`, details };
  if (fw.matches.some((m) => m.action === 'accept')) return { status: 'ok', message: `A ${tool} rule allows port ${port}/${protocol}.`, details };
  if (fw.dropPolicies.length > 0) return { status: 'warn', message: `No ${tool} rule allows port ${port}/${protocol}, and ${fw.dropPolicies.join('; ')}: other machines are probably blocked.`, details };
  return { status: 'ok', message: `No ${tool} rule affects port ${port}/${protocol}.`, details };
}

export function toStep(check: Check, outcome: CheckOutcome, durationMs: number): DiagnoseStep {
  return { id: check.id, name: check.name, status: outcome.status, message: outcome.message, details: outcome.details, durationMs };
}
