import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portscope } from '../support/cli';
import { portOf, SocketBag } from '../support/sockets';

// Every run here is --loopback-only: tests connect to loopback alone, never to the machine's
// other addresses (which is also what the flag is for).
const bag = new SocketBag();
let port: number;
beforeAll(async () => {
  port = portOf(await bag.listen('127.0.0.1'));
});
afterAll(() => bag.closeAll());

/** This machine's own addresses that are not loopback, as the diagnosis names them. */
function otherAddresses(): string[] {
  return Object.entries(os.networkInterfaces()).flatMap(([iface, list]) =>
    (list ?? []).filter((i) => !i.internal && !(i.family === 'IPv6' && i.address.startsWith('fe80'))).map((i) => `${i.address} (${iface})`),
  );
}

describe('portscope diagnose', () => {
  it('ends its output with a line break, so the shell prompt starts on its own line', () => {
    const r = portscope(['diagnose', String(port), '--loopback-only', '--timeout', '300']);
    expect(r.status, r.stderr).toBe(1); // local-only: a finding, not an error
    expect(r.stdout.endsWith('\n')).toBe(true);
    expect(r.stdout.endsWith('\n\n')).toBe(false);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^Next step: /);
    const json = portscope(['diagnose', String(port), '--loopback-only', '--json', '--timeout', '300']);
    expect(json.stdout.endsWith('}\n')).toBe(true);
  });

  it('--loopback-only connects to 127.0.0.1 and ::1 only, and names the addresses it leaves out', () => {
    const r = portscope(['diagnose', String(port), '--loopback-only', '--json', '--timeout', '300']);
    const result = JSON.parse(r.stdout) as { steps: Array<{ id: string; message: string; details: string[] }> };
    const ids = result.steps.map((s) => s.id);
    expect(ids.indexOf('targets')).toBe(ids.indexOf('reachability') - 1);
    const targets = result.steps.find((s) => s.id === 'targets')!;
    const others = otherAddresses();
    if (others.length > 0) {
      expect(targets.message).toBe(`Loopback only, as asked: connecting to 127.0.0.1, ::1; not to this machine's other addresses ${others.join(', ')}.`);
      expect(targets.details).toEqual(others.map((a) => `not tried: ${a}`));
    } else {
      expect(targets.message).toMatch(/this machine has no other address/);
    }
    const reach = result.steps.find((s) => s.id === 'reachability')!;
    expect(reach.details.map((d) => d.replace(/:\d+: .*/, ''))).toEqual(['127.0.0.1', '[::1]']);
  });

  it('prints the address step before the connection step, in the text output too', () => {
    const r = portscope(['diagnose', String(port), '--loopback-only', '--timeout', '300']);
    expect(r.stdout).toMatch(/4\. \[ ok \] Which addresses will be tried\?.*\n.*Loopback only, as asked: connecting to 127\.0\.0\.1, ::1[;(]/);
    expect(r.stdout).toMatch(/5\. \[warn\] Reachable on each local address\?/);
  });
});
