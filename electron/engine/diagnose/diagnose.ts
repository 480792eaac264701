import type { DiagnoseResult, DiagnoseStep } from '../../../shared/contract/scan';
import {
  addressesCheck,
  firewallCheck,
  listeningCheck,
  processCheck,
  reachabilityCheck,
  targetsCheck,
  toStep,
  type Check,
  type DiagnoseContext,
  type DiagnoseDeps,
  type DiagnoseEnv,
} from './checks';

/**
 * Seed 002's checklist for "clients cannot reach my server", run on this machine: is the daemon
 * running and listening, on which addresses, can it be reached, does the firewall interfere.
 * Each check becomes a step (name, status, message, duration); a verdict and next step close it.
 */
export async function diagnosePort(
  deps: DiagnoseDeps,
  request: { port: number; protocol: 'tcp' | 'udp'; timeoutMs: number; loopbackOnly?: boolean },
  onStep: (index: number, step: DiagnoseStep) => void = () => {},
  env: DiagnoseEnv = {},
): Promise<DiagnoseResult> {
  const started = performance.now();
  const ctx: DiagnoseContext = {
    port: request.port,
    protocol: request.protocol,
    timeoutMs: request.timeoutMs,
    loopbackOnly: request.loopbackOnly ?? false,
    targets: [],
    listeners: [],
    reach: [],
    firewall: null,
  };
  const checks: Check[] = [listeningCheck(deps), processCheck(deps), addressesCheck(), targetsCheck(env), reachabilityCheck(env), firewallCheck(env)];
  const steps: DiagnoseStep[] = [];
  for (const check of checks) {
    const t = performance.now();
    let step: DiagnoseStep;
    try {
      step = toStep(check, await check.run(ctx), performance.now() - t);
    } catch (err) {
      step = toStep(check, { status: 'skip', message: `This check failed to run: ${err instanceof Error ? err.message : String(err)}`, details: [] }, performance.now() - t);
    }
    steps.push(step);
    onStep(steps.length - 1, step);
  }
  return { port: request.port, protocol: request.protocol, steps, ...verdict(ctx, steps), durationMs: performance.now() - started };
}

function verdict(ctx: DiagnoseContext, steps: DiagnoseStep[]): Pick<DiagnoseResult, 'verdict' | 'summary' | 'nextStep'> {
  const label = `${ctx.port}/${ctx.protocol}`;
  const status = (id: string) => steps.find((s) => s.id === id)?.status;
  const firewall = steps.find((s) => s.id === 'firewall');
  if (ctx.listeners.length === 0) {
    return {
      verdict: 'not-listening',
      summary: `No program listens on port ${label}, so every client is refused.`,
      nextStep: 'Start the service, and check its configuration for the port it should listen on (then run this again).',
    };
  }
  if (firewall?.status === 'fail') {
    return {
      verdict: 'blocked',
      summary: `A program listens on ${label}, but a local firewall rule blocks it.`,
      nextStep: ctx.firewall?.advice ?? `Change or remove the rule (${firewall.message.replace(/^.*?: /, '')}), or add an accept rule for port ${ctx.port} before it.`,
    };
  }
  const reachable = ctx.reach.filter((r) => r.result.outcome === 'connected' || r.result.outcome === 'reply');
  if (status('reachability') === 'fail') {
    return {
      verdict: 'blocked',
      summary: `A program listens on ${label}, but connections to it fail on every local address.`,
      nextStep:
        firewall?.status === 'skip'
          ? ctx.firewall?.tool === 'Windows Firewall'
            ? 'The Windows Firewall rules could not be read: run this in a terminal opened as administrator, or look in wf.msc → Inbound Rules; and check the service\'s own access rules.'
            : 'The firewall rules could not be read: run this as root (sudo portscope diagnose …) to check them, and check the service\'s own access rules.'
          : 'Check the service\'s own access rules (allow/deny lists, bind settings) and any filter in front of it.',
    };
  }
  if (ctx.listeners.every((r) => r.exposure === 'loopback')) {
    return {
      verdict: 'local-only',
      summary: `Port ${label} listens on loopback only: this machine can connect, other machines cannot.`,
      nextStep: 'Configure the service to listen on 0.0.0.0 (or ::, or the LAN address) instead of 127.0.0.1, then restart it.',
    };
  }
  if (reachable.length === 0 && ctx.protocol === 'udp') {
    return {
      verdict: 'unknown',
      summary: `A program listens on ${label}, but it did not answer a test datagram.`,
      nextStep: 'Test with a real client of that protocol; UDP services often ignore datagrams they do not understand.',
    };
  }
  return {
    verdict: 'ok',
    summary: ctx.loopbackOnly
      ? `Port ${label} is listening and reachable on loopback (this machine's other addresses were not tried, as asked).`
      : `Port ${label} is listening and reachable on this machine's addresses.`,
    nextStep:
      'If clients elsewhere still cannot connect, look between them and this machine: a router or cloud firewall, port forwarding (NAT), or the client using the wrong address. ' +
      `Try from a client: portscope probe <this-address>:${ctx.port}`,
  };
}
