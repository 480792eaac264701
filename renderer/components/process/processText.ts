import type { ProcessInfo, SocketRow } from '../../../shared/contract';
import { localEndpoint, protocolLabel, remoteEndpoint } from '../../format/socket';

/** The panel as plain text, for the Copy button (pasted into tickets and chats). */
export function processAsText(process: ProcessInfo | null, row: SocketRow, sockets: readonly SocketRow[]): string {
  const lines: string[] = [];
  if (process) {
    lines.push(`Process ${process.name} (pid ${process.pid})`);
    lines.push(`  executable: ${process.exe ?? '—'}`);
    lines.push(`  command line: ${process.commandLine || '—'}`);
    lines.push(`  user: ${process.user ?? '—'}${process.uid !== null ? ` (uid ${process.uid})` : ''}`);
    lines.push(`  started: ${process.startTime ?? '—'}`);
    lines.push(`  parent pid: ${process.ppid ?? '—'}`);
    if (process.unit) lines.push(`  unit: ${process.unit}`);
    if (process.container) lines.push(`  container: ${process.container}`);
  } else {
    lines.push(`Socket without a known process (${row.ownerStatus})`);
  }
  lines.push('Sockets:');
  for (const s of sockets.length > 0 ? sockets : [row]) {
    lines.push(`  ${protocolLabel(s)} ${localEndpoint(s)} -> ${remoteEndpoint(s)} ${s.state}${s.service ? ` (${s.service})` : ''}`);
  }
  return lines.join('\n');
}
