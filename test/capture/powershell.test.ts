import { describe, expect, it } from 'vitest';
import { parseNetTcpConnectionCsv, parseNetTcpConnectionJson } from '../../electron/engine/capture/netTcpConnection';

// No Get-NetTCPConnection export is in the corpus. These inputs follow what PowerShell writes for
// MSFT_NetTCPConnection objects: ConvertTo-Csv quotes every value and (Windows PowerShell 5.1)
// starts with a #TYPE line; ConvertTo-Json writes State as the enum's number. Values are made up.
const CSV = [
  '#TYPE Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetTCPConnection',
  '"State","AppliedSetting","OwningProcess","CreationTime","OffloadState","LocalAddress","LocalPort","RemoteAddress","RemotePort","Caption"',
  '"Listen",,"1234","12/1/2025 9:00:01 AM","InHost","0.0.0.0","135","0.0.0.0","0",',
  '"Established","Internet","5678","12/1/2025 9:10:00 AM","InHost","192.168.1.20","50412","140.82.112.26","443",',
  '"TimeWait",,"0",,"InHost","::1","50500","::1","8080",',
  '"Bound",,"4",,"InHost","fe80::1%12","49700","::","0",',
].join('\r\n');

describe('Get-NetTCPConnection exports', () => {
  it('ConvertTo-Csv: by column name, states translated, pid 0 means no owner, pid 4 is System', () => {
    const r = parseNetTcpConnectionCsv(CSV);
    expect(r.sockets.map((s) => [s.localAddress, s.localPort, s.remoteAddress, s.remotePort, s.state, s.pid])).toEqual([
      ['0.0.0.0', 135, '0.0.0.0', 0, 'LISTEN', 1234],
      ['192.168.1.20', 50412, '140.82.112.26', 443, 'ESTABLISHED', 5678],
      ['::1', 50500, '::1', 8080, 'TIME_WAIT', null],
      ['fe80::1', 49700, '::', 0, 'CLOSE', 4],
    ]);
    expect(r.sockets[3]).toMatchObject({ scopeId: '12', family: 6, processName: 'System' });
  });

  it('ConvertTo-Json: an array with numeric states, one object alone, Get-NetUDPEndpoint objects', () => {
    const arr = JSON.stringify([
      { LocalAddress: '0.0.0.0', LocalPort: 445, RemoteAddress: '0.0.0.0', RemotePort: 0, State: 2, OwningProcess: 4, CimClass: { CimClassName: 'MSFT_NetTCPConnection' } },
      { LocalAddress: '10.0.0.5', LocalPort: 51000, RemoteAddress: '10.0.0.9', RemotePort: 3389, State: 5, OwningProcess: 900 },
      { LocalAddress: '10.0.0.5', LocalPort: 51001, RemoteAddress: '10.0.0.9', RemotePort: 3389, State: 11, OwningProcess: 0 },
    ]);
    expect(parseNetTcpConnectionJson(arr).sockets.map((s) => s.state)).toEqual(['LISTEN', 'ESTABLISHED', 'TIME_WAIT']);
    const single = parseNetTcpConnectionJson(JSON.stringify({ LocalAddress: '::', LocalPort: 80, RemoteAddress: '::', RemotePort: 0, State: 'Listen', OwningProcess: 77 }));
    expect(single.sockets[0]).toMatchObject({ family: 6, state: 'LISTEN', pid: 77 });
    const udp = parseNetTcpConnectionJson(JSON.stringify([{ LocalAddress: '0.0.0.0', LocalPort: 5353, OwningProcess: 2000 }]));
    expect(udp.sockets[0]).toMatchObject({ protocol: 'udp', state: 'UNCONN', pid: 2000 });
  });

  it('cut-off JSON says where it stopped; a cut-off CSV keeps the rows before', () => {
    expect(parseNetTcpConnectionJson('[{"LocalAddress":"0.0.0.0","LocalPort":1').stoppedAt?.reason).toMatch(/incomplete or broken/);
    const cut = parseNetTcpConnectionCsv(CSV.slice(0, CSV.indexOf('"TimeWait"') + 12));
    expect(cut.sockets).toHaveLength(2);
    expect(cut.stoppedAt?.line).toBe(5);
  });
});
