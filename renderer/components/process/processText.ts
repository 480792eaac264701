import type { ProcessInfo, SocketRow } from '../../../shared/contract';
import { localEndpoint, protocolLabel, remoteEndpoint } from '../../format/socket';
import type { Tr } from '../../i18n/plain';

const NONE = '—';

/** The panel as plain text, for the Copy button (pasted into tickets and chats), in the reader's language. */
export function processAsText(t: Tr, process: ProcessInfo | null, row: SocketRow, sockets: readonly SocketRow[]): string {
  const lines: string[] = [];
  if (process) {
    lines.push(t('ui.process.text.process', { name: process.name, pid: process.pid }));
    lines.push(t('ui.process.text.exe', { value: process.exe ?? NONE }));
    lines.push(t('ui.process.text.commandLine', { value: process.commandLine || NONE }));
    lines.push(process.uid !== null ? t('ui.process.text.userUid', { value: process.user ?? NONE, uid: process.uid }) : t('ui.process.text.user', { value: process.user ?? NONE }));
    lines.push(t('ui.process.text.started', { value: process.startTime ?? NONE }));
    lines.push(t('ui.process.text.parent', { value: process.ppid ?? NONE }));
    if (process.unit) lines.push(t('ui.process.text.unit', { value: process.unit }));
    if (process.container) lines.push(t('ui.process.text.container', { value: process.container }));
  } else {
    lines.push(t('ui.process.text.noProcess', { status: row.ownerStatus }));
  }
  lines.push(t('ui.process.text.sockets'));
  for (const s of sockets.length > 0 ? sockets : [row]) {
    lines.push(`  ${protocolLabel(s)} ${localEndpoint(s)} -> ${remoteEndpoint(s)} ${s.state}${s.service ? ` (${s.service})` : ''}`);
  }
  return lines.join('\n');
}
