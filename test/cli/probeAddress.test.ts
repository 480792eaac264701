import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { portscope } from '../support/cli';

/** A loopback port nothing listens on (bound by the kernel's choice, then released). */
async function closedPort(host: string): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, host, resolve));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

describe('portscope probe writes endpoints as people do', () => {
  it('puts an IPv6 address in brackets: [::1]:port, in every line', async () => {
    const port = await closedPort('::1');
    const r = portscope(['probe', '::1', String(port), '-c', '1', '--timeout', '500']);
    expect(r.stdout).toContain(`Probing [::1]:${port}/tcp:`);
    expect(r.stdout).toContain(`--- [::1]:${port} probe statistics ---`);
    expect(r.stdout).toContain(`Verdict: [::1]:${port} is closed`);
    expect(r.stdout).not.toContain(`::1:${port}`);
    const v4 = portscope(['probe', '127.0.0.1', String(port), '-c', '1', '--timeout', '500']);
    expect(v4.stdout).toContain(`--- 127.0.0.1:${port} probe statistics ---`);
  });
});
