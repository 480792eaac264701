import type { CallHandlers, EventName, EventPayload } from '../../../shared/contract';
import type { scanCalls } from '../../../shared/contract/scan';
import { diagnosePort } from '../diagnose/diagnose';
import type { DiagnoseDeps, DiagnoseEnv } from '../diagnose/checks';
import { ProbeRunner } from '../probe/probe';
import { Scanner, type ScannerOptions } from './scanner';

/** What the scan, probe and diagnose handlers need from the engine. */
export interface ScanHost extends DiagnoseDeps {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
}

/**
 * The calls of shared/contract/scan.ts, bound to one engine: its event stream carries progress,
 * found ports, probe attempts and diagnosis steps.
 */
export function scanHandlers(host: ScanHost, options: ScannerOptions & { diagnose?: DiagnoseEnv } = {}): Pick<CallHandlers, keyof typeof scanCalls> {
  const scanner = new Scanner(
    {
      progress: (p) => host.emit('scan.progress', p),
      found: (f) => host.emit('scan.found', f),
      done: (scanId, result, error) => host.emit('scan.done', { scanId, result, error }),
    },
    options,
  );
  const probes = new ProbeRunner({
    attempt: (a) => host.emit('probe.attempt', a),
    done: (r) => host.emit('probe.done', { probeId: r.probeId, result: r }),
  });
  return {
    'scan.start': (req) => scanner.start(req),
    'scan.cancel': async ({ scanId }) => ({ cancelled: scanner.cancel(scanId) }),
    'scan.result': async ({ scanId }) => scanner.result(scanId),
    'probe.start': async (req) => ({ probeId: (await probes.start(req)).probeId }),
    'probe.run': async (req) => (await probes.start(req)).done,
    'probe.cancel': async ({ probeId }) => ({ cancelled: probes.cancel(probeId) }),
    'diagnose.run': (req) => diagnosePort(host, req, (index, step) => host.emit('diagnose.step', { port: req.port, protocol: req.protocol, index, step }), options.diagnose),
  };
}
