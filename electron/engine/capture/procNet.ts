import type { Family, Protocol } from '../../../shared/contract/sockets';
import { AddressDecoder, parseProcNet } from '../platform/linux/procNet';
import type { CaptureParse, CapturedSocket } from './types';
import { splitLines } from './text';

/** The header every /proc/net/{tcp,udp}{,6} table starts with. */
export const PROC_NET_HEADER = /^\s*sl\s+local_address\s+rem(ote)?_address\s+st\b/;

/** TCP-only kernel states in the `st` column: a table holding them is a TCP table. */
function hasTcpOnlyStates(body: string): boolean {
  return /^\s*\d+:\s+\S+\s+\S+\s+(0[2-689A-Fa-f]|0A|0a)\s/m.test(body);
}

/**
 * Text of /proc/net/tcp, tcp6, udp or udp6, alone or several concatenated (`cat /proc/net/tcp*`),
 * through the engine's own procfs parser. The family follows from the address width. TCP or UDP
 * is not printed: TCP-only states decide, else the file name (`…udp6…`), else the `drops`
 * column only UDP tables have. Addresses are read as a little-endian machine prints them (x86,
 * arm64), which nearly every capture is.
 */
export function parseProcNetCapture(text: string, fileName = ''): CaptureParse {
  const warnings: string[] = [];
  const sockets: CapturedSocket[] = [];
  const decoder = new AddressDecoder(true);
  const lines = splitLines(text);
  const tables: Array<{ header: string; body: string[]; at: number }> = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (PROC_NET_HEADER.test(line)) tables.push({ header: line, body: [], at: i });
    else if (tables.length > 0 && line.trim() !== '') tables[tables.length - 1]!.body.push(line);
  }
  const lowerName = fileName.toLowerCase();
  const nameSays: Protocol | null = /udp/.test(lowerName) ? 'udp' : /tcp/.test(lowerName) ? 'tcp' : null;
  let stoppedAt: CaptureParse['stoppedAt'];
  for (const t of tables) {
    const body = t.body.join('\n');
    const first = /^\s*\d+:\s+([0-9A-Fa-f]+):/m.exec(body);
    const family: Family = first && first[1]!.length === 32 ? 6 : 4;
    let protocol: Protocol;
    if (hasTcpOnlyStates(body)) {
      protocol = 'tcp';
      if (nameSays === 'udp') warnings.push(`the file name says UDP but its rows hold TCP-only states; read as /proc/net/tcp${family === 6 ? '6' : ''}`);
    } else if (nameSays) protocol = nameSays;
    else if (/\bdrops\b/.test(t.header)) protocol = 'udp';
    else {
      protocol = 'tcp';
      if (t.body.length > 0) warnings.push('could not tell TCP from UDP (no TCP-only states, no file name): read as TCP');
    }
    const parsed = parseProcNet(`${t.header}\n${body}`, protocol, family, decoder);
    for (const s of parsed.sockets) {
      const row: CapturedSocket = {
        protocol: s.protocol,
        family: s.family,
        localAddress: s.localAddress,
        localPort: s.localPort,
        remoteAddress: s.remoteAddress,
        remotePort: s.remotePort,
        state: s.state,
        scopeId: null,
        pid: null,
        processName: null,
        inode: s.inode,
      };
      if (s.uid !== null) row.uid = s.uid;
      sockets.push(row);
    }
    if (parsed.malformed > 0) {
      const lastBad = t.body.length > 0 && parseProcNet(`${t.header}\n${t.body[t.body.length - 1]}`, protocol, family, decoder).malformed > 0;
      if (lastBad && parsed.malformed === 1) stoppedAt = { line: t.at + t.body.length + 1, reason: 'the last row is cut off' };
      else warnings.push(`${parsed.malformed} row(s) of the ${protocol}${family === 6 ? '6' : ''} table could not be read (too few fields or a state ${protocol.toUpperCase()} does not have)`);
    }
  }
  warnings.push('/proc/net holds no process names or pids: owners are unknown (uids and inodes are kept)');
  const out: CaptureParse = { sockets, warnings };
  if (stoppedAt) out.stoppedAt = stoppedAt;
  return out;
}
