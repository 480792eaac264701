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
import type { EngineKey } from '../../../shared/i18n/catalogs/engine';
import { engineText, localizedMessage, localizedText } from '../localizedText';

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
      step = toStep(check, { status: 'skip', ...localizedMessage('engine.diagnose.checkFailed', { error: err instanceof Error ? err.message : String(err) }), details: [] }, performance.now() - t);
    }
    steps.push(step);
    onStep(steps.length - 1, step);
  }
  return { port: request.port, protocol: request.protocol, steps, ...verdict(ctx, steps), durationMs: performance.now() - started };
}

type Verdict = Pick<DiagnoseResult, 'verdict' | 'summary' | 'nextStep' | 'summaryText' | 'nextStepText'>;
type Values = Record<string, string | number>;

/** A verdict whose summary and next step come from the engine catalog (English on the wire, keys beside). */
function conclude(verdict: DiagnoseResult['verdict'], summary: [EngineKey, Values?], next: [EngineKey, Values?]): Verdict {
  return { verdict, summary: engineText(...summary), summaryText: localizedText(...summary), nextStep: engineText(...next), nextStepText: localizedText(...next) };
}

function verdict(ctx: DiagnoseContext, steps: DiagnoseStep[]): Verdict {
  const label = `${ctx.port}/${ctx.protocol}`;
  const port = String(ctx.port);
  const status = (id: string) => steps.find((s) => s.id === id)?.status;
  const firewall = steps.find((s) => s.id === 'firewall');
  if (ctx.listeners.length === 0) {
    return conclude('not-listening', ['engine.diagnose.verdict.notListening.summary', { label }], ['engine.diagnose.verdict.notListening.next']);
  }
  if (firewall?.status === 'fail') {
    return conclude(
      'blocked',
      ['engine.diagnose.verdict.blocked.summary', { label }],
      // The OS reader's advice (its own tools, by key), else: change the rule the step named.
      ctx.firewall?.adviceText
        ? [ctx.firewall.adviceText.key, ctx.firewall.adviceText.values]
        : ['engine.diagnose.verdict.blocked.next', { rule: firewall.message.replace(/^.*?: /, ''), port }],
    );
  }
  const reachable = ctx.reach.filter((r) => r.result.outcome === 'connected' || r.result.outcome === 'reply');
  if (status('reachability') === 'fail') {
    const next: EngineKey =
      firewall?.status === 'skip'
        ? ctx.firewall?.tool === 'Windows Firewall'
          ? 'engine.diagnose.verdict.unreachable.nextWindows'
          : 'engine.diagnose.verdict.unreachable.nextRoot'
        : 'engine.diagnose.verdict.unreachable.next';
    return conclude('blocked', ['engine.diagnose.verdict.unreachable.summary', { label }], [next]);
  }
  if (ctx.listeners.every((r) => r.exposure === 'loopback')) {
    return conclude('local-only', ['engine.diagnose.verdict.localOnly.summary', { label }], ['engine.diagnose.verdict.localOnly.next']);
  }
  if (reachable.length === 0 && ctx.protocol === 'udp') {
    return conclude('unknown', ['engine.diagnose.verdict.udpUnknown.summary', { label }], ['engine.diagnose.verdict.udpUnknown.next']);
  }
  return conclude(
    'ok',
    [ctx.loopbackOnly ? 'engine.diagnose.verdict.ok.summaryLoopback' : 'engine.diagnose.verdict.ok.summary', { label }],
    ['engine.diagnose.verdict.ok.next', { port }],
  );
}
