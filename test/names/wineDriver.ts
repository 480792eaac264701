// Runs inside Windows Node under Wine (bundled by wine.test.ts): the names resolver as the
// Windows build runs it (the Windows hosts file path, the adapters as Windows names them), with
// reverse DNS asked of the test's stub on loopback. Prints one JSON object.
import fs from 'node:fs';
import os from 'node:os';
import { defaultHostsPath, HostsFile } from '../../electron/engine/names/hostsFile';
import { NameResolver } from '../../electron/engine/names/resolver';
import type { AddressName } from '../../shared/contract/names';

const [server, ptrAddress] = process.argv.slice(2);
const resolved = new Promise<AddressName[]>((resolve) => {
  const r = new NameResolver({ dns: { servers: [server!], timeoutMs: 1000, tries: 2 }, batchMs: 50 }, (names) => {
    resolve(names);
    r.dispose();
  });
  const addresses = Object.values(os.networkInterfaces()).flatMap((list) => (list ?? []).map((a) => a.address));
  const local = r.lookup([...addresses, '127.0.0.1'], false);
  const pending = r.lookup([ptrAddress!], true);
  process.stdout.write(`${JSON.stringify({ hostsPath: defaultHostsPath(), hostsText: fs.readFileSync(defaultHostsPath(), 'utf8'), fromHosts: new HostsFile().lookup('127.0.0.1'), interfaces: os.networkInterfaces(), local, pending })}\n`);
});
const timeout = setTimeout(() => process.exit(3), 10_000);
process.stdout.write(`${JSON.stringify({ resolved: await resolved })}\n`);
clearTimeout(timeout);
