// Runs inside Windows Node under Wine (bundled by test/windows/traffic.test.ts): reads the socket
// table with the Windows adapter through the engine, asks it to close the connections named on the
// command line, and records what Wine's own iphlpapi answers to the calls behind traffic and close.
import { writeFileSync } from 'node:fs';
import { createWindowsAdapter } from '../../electron/engine/platform/windows/adapter';
import { deleteTcbRow } from '../../electron/engine/platform/windows/closeTcp';
import { loadWin32Api } from '../../electron/engine/platform/windows/ffi';
import { Engine } from '../../electron/engine/service';
import { runCommand } from '../../electron/engine/system/runner';

interface Connection {
  localAddress: string;
  localPort: number;
  remoteAddress: string;
  remotePort: number;
}
const [outFile, connectionsJson] = process.argv.slice(2);
const { v4, v6 } = JSON.parse(connectionsJson!) as { v4: Connection; v6: Connection };

const { api, error } = loadWin32Api();
if (!api) throw new Error(`koffi: ${error}`);
const adapter = createWindowsAdapter({ run: runCommand, api });
const engine = new Engine({ adapter });
const first = await engine.handlers['sockets.snapshot']({});
const hello = await engine.handlers['contract.hello']({ version: '1.0.0' });
const close4 = await engine.handlers['connection.close']({ protocol: 'tcp', ...v4 });
const close6 = await engine.handlers['connection.close']({ protocol: 'tcp', ...v6 });

// What Wine answers when asked directly: SetPerTcpConnectionEStats (exported, a stub) and
// SetTcpEntry with DELETE_TCB (a stub claiming success), then whether the connection is still there.
const iphlpapi = api.koffi.load('iphlpapi.dll');
const setEstats = iphlpapi.func('uint32_t __stdcall SetPerTcpConnectionEStats(void *row, int type, void *rw, uint32_t rwVersion, uint32_t rwSize, uint32_t offset)') as (
  ...args: unknown[]
) => number;
const row = deleteTcbRow(v4);
row.writeUInt32LE(5, 0); // the connection as the table names it: ESTABLISHED
const setEstatsAnswer = setEstats(row, 1, Buffer.from([1]), 0, 1, 0);
const setTcpEntryAnswer = api.SetTcpEntry(deleteTcbRow(v4));
const after = await engine.handlers['sockets.snapshot']({});
const stillEstablished = after.rows.some((r) => r.protocol === 'tcp' && r.localPort === v4.localPort && r.remotePort === v4.remotePort && r.state === 'ESTABLISHED');

writeFileSync(
  outFile!,
  JSON.stringify({
    wineVersion: api.wineVersion,
    estatsBound: api.estats !== null,
    estatsMissing: api.estatsMissing,
    capabilities: hello.capabilities,
    rows: first.rows,
    traffic: first.traffic,
    warnings: first.warnings,
    close4,
    close6,
    setEstatsAnswer,
    setTcpEntryAnswer,
    stillEstablished,
  }),
);
engine.dispose();
process.exit(0);
