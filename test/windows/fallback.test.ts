// The Windows fallback (no koffi): `netstat -ano` and `tasklist /fo csv /nh` through the command
// runner, answered with real captures from Windows machines (../shared/corpus) as the console
// wrote them: UTF-16 with BOM as redirected by PowerShell, or re-encoded to the OEM code page.
import { describe, expect, it } from 'vitest';
import { encodeCapture } from '../../electron/engine/platform/windows/decode';
import { createWindowsAdapter } from '../../electron/engine/platform/windows/adapter';
import type { CommandRunner } from '../../electron/engine/platform/types';
import { SocketSnapshotter } from '../../electron/engine/sockets/snapshotter';
import { corpusBytes, corpusPresent, corpusText, countLines } from '../capture/corpus';

/** Answers like a Windows console: raw bytes, handed over as latin1 (one char per byte) as asked. */
function consoleRunner(answers: Record<string, Buffer>): CommandRunner {
  return async (command, _args, options) => {
    expect(options?.encoding).toBe('latin1');
    const bytes = answers[command];
    return bytes ? { code: 0, stdout: bytes.toString('latin1'), stderr: '' } : { code: 1, stdout: '', stderr: 'not found' };
  };
}

const NETSTAT = 'windows-netstat/de-DE-netstat-ano-utf16le-bom-full.txt';
const TASKLIST = 'windows-powershell/tasklist-fo-csv-utf16le-bom.csv';

describe.skipIf(!corpusPresent)('Windows adapter without koffi: netstat -ano + tasklist', () => {
  async function snapshot(netstat: Buffer, tasklist?: Buffer) {
    const adapter = createWindowsAdapter({ run: consoleRunner({ netstat, ...(tasklist ? { tasklist } : {}) }), api: null });
    return { adapter, snap: await new SocketSnapshotter(adapter).take() };
  }

  it('reads a German console (UTF-16): every row, states translated, listeners told by the remote address', async () => {
    const text = corpusText(NETSTAT);
    const { adapter, snap } = await snapshot(corpusBytes(NETSTAT), corpusBytes(TASKLIST));
    expect(snap.rows).toHaveLength(countLines(text, /^\s*(TCP|UDP)\s/));
    expect(snap.warnings[0]).toMatch(/reading netstat -ano and tasklist instead of the IP Helper API/);
    expect(snap.rows.filter((r) => r.protocol === 'tcp' && r.state === 'LISTEN')).toHaveLength(countLines(text, /^\s*TCP\s+\S+\s+(0\.0\.0\.0:0|\[::\]:0)\s/));
    expect(snap.rows.some((r) => r.state === 'ESTABLISHED')).toBe(true);
    // pid 4 is the kernel's http.sys / SMB listeners, and says so.
    const system = snap.rows.filter((r) => r.pid === 4);
    expect(system.length).toBeGreaterThan(0);
    expect(system.every((r) => r.processName === 'System (http.sys, SMB)')).toBe(true);
    expect(snap.processes.get(4)?.commandLine).toMatch(/http\.sys.*SMB/);
    // A pid the (other machine's) tasklist does not list is not given a name it does not have.
    for (const r of snap.rows) if (r.pid === null) expect(['time-wait', 'not-found', 'process-exited']).toContain(r.ownerStatus);
    expect(adapter.capabilities().processDetails.available).toBe(false);
  });

  it('reads the same capture in the OEM code page (cp850) the console uses by default', async () => {
    const utf16 = await snapshot(corpusBytes(NETSTAT));
    const oem = await snapshot(encodeCapture(corpusText(NETSTAT), 'cp850'));
    const shape = (rows: typeof utf16.snap.rows) => rows.map((r) => [r.protocol, r.localAddress, r.localPort, r.remoteAddress, r.remotePort, r.state, r.pid]);
    expect(shape(oem.snap.rows)).toEqual(shape(utf16.snap.rows));
    // tasklist failed here: the pids netstat named stay, with the name marked unavailable.
    expect(oem.snap.warnings).toContain('process names unavailable: tasklist exited 1');
    const owned = oem.snap.rows.find((r) => r.pid !== null && r.pid !== 4)!;
    expect(owned.processName).toBe(`pid ${owned.pid}`);
    expect(oem.snap.processes.get(owned.pid!)?.unavailable[0]).toEqual({ field: 'name', reason: 'tasklist could not run' });
  });
});
