import { execFile } from 'node:child_process';

/** Runs the real nmap, loopback only, and returns its XML; null (with the reason) when nmap is missing. */
export async function runNmap(args: string[]): Promise<{ xml: string } | { skip: string }> {
  const target = args[args.length - 1]!;
  if (target !== '127.0.0.1' && target !== '::1') throw new Error(`tests scan loopback only, not ${target}`);
  return new Promise((resolve, reject) => {
    execFile('nmap', args, { timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout) => {
      if (err && (err as NodeJS.ErrnoException).code === 'ENOENT') resolve({ skip: 'nmap is not installed (apt-get install nmap)' });
      else if (err) reject(err);
      else resolve({ xml: stdout });
    });
  });
}

/** A loopback port nothing listens on: bound by the kernel's choice, then released. */
export async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}
