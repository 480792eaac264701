import { describe, expect, it } from 'vitest';
import { createReportsStore } from '../../../renderer/features/reports/store';
import { createReportSaver } from '../../../renderer/features/reports/saver';
import { FakeClient } from '../fixtures';
import { makeReport } from './support';

// "  TCP    0.0.0.0:135    0.0.0.0:0    ABHÖREN    1288" as cmd.exe writes it in code page 850
// (Ö is 0x99), and as PowerShell writes it (UTF-16LE with a BOM). Neither is UTF-8. The engine's
// side (decoding these bytes) is tested in test/capture/import.test.ts.
const line = '  TCP    0.0.0.0:135    0.0.0.0:0    ABH\u00d6REN    1288\r\n';
const cp850 = Uint8Array.from([...line].map((c) => (c === '\u00d6' ? 0x99 : c.charCodeAt(0))));
const utf16 = Uint8Array.from([0xff, 0xfe, ...[...line].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
const CAPTURE = { format: 'windows-netstat', label: 'Windows netstat -ano', encoding: 'cp850', stoppedAt: null };

function setup() {
  const client = new FakeClient();
  const seen: Array<{ text: string; base64?: string }> = [];
  client.handle('report.import', (req) => {
    seen.push(req);
    return { kind: 'report', report: makeReport(), diff: null, capture: CAPTURE };
  });
  return { store: createReportsStore(client, { saver: createReportSaver(client, undefined) }), seen };
}

const asFile = (name: string, bytes: Uint8Array) => ({
  name,
  size: bytes.length,
  text: () => Promise.resolve('decoded wrongly as UTF-8'),
  arrayBuffer: () => Promise.resolve(bytes.slice().buffer),
});

describe('Open: capture bytes reach the engine undecoded', () => {
  it.each([
    ['cp850', cp850],
    ['utf-16le', utf16],
  ] as const)('%s bytes travel as base64, and the view knows it is a capture', async (_name, bytes) => {
    const { store, seen } = setup();
    await store.getState().openFile(asFile('netstat.txt', bytes));
    expect(store.getState().openError).toBeNull();
    expect(seen[0]!.text).toBe('');
    expect(Uint8Array.from(atob(seen[0]!.base64!), (c) => c.charCodeAt(0))).toEqual(bytes);
    const opened = store.getState().opened;
    expect(opened).toMatchObject({ kind: 'report', fileName: 'netstat.txt', capture: CAPTURE });
    // A capture is another machine: "compare again" with the live table does nothing.
    await store.getState().compareAgain();
    expect(seen).toHaveLength(1);
  });

  it('UTF-8 files still travel as text', async () => {
    const { store, seen } = setup();
    const bytes = new TextEncoder().encode(line);
    await store.getState().openFile(asFile('n.txt', bytes));
    expect(seen[0]).toEqual({ text: line, fileName: 'n.txt' });
  });
});
