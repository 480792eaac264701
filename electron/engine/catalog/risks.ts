import type { Exposure, Protocol, RiskNote, SocketState } from '../../../shared/contract/sockets';
import { malwareNote } from '../../../shared/catalog/presets';
import { localizedMessage } from '../localizedText';

/** Protocols that send passwords and data unencrypted. */
const CLEARTEXT: Record<number, string> = {
  21: 'FTP',
  23: 'Telnet',
  69: 'TFTP',
  110: 'POP3',
  143: 'IMAP',
  512: 'rexec',
  513: 'rlogin',
  514: 'rsh',
};

/** Ways to take control of this machine from elsewhere. */
const REMOTE_ADMIN: Record<number, string> = {
  22: 'SSH',
  23: 'Telnet',
  3389: 'RDP (Remote Desktop)',
  5900: 'VNC',
  5901: 'VNC',
  5902: 'VNC',
  5903: 'VNC',
  5985: 'WinRM',
  5986: 'WinRM over TLS',
};

const DATABASES: Record<number, string> = {
  3306: 'MySQL',
  5432: 'PostgreSQL',
  6379: 'Redis',
  9200: 'Elasticsearch',
  11211: 'memcached',
  27017: 'MongoDB',
};

export interface RiskInput {
  protocol: Protocol;
  state: SocketState;
  servicePort: number;
  exposure: Exposure;
}

export function riskNotes(input: RiskInput): RiskNote[] {
  const notes: RiskNote[] = [];
  const listening = input.state === 'LISTEN' || (input.protocol === 'udp' && input.state === 'UNCONN');
  const beyondLoopback = input.exposure !== 'loopback';
  const port = input.servicePort;
  const cleartext = CLEARTEXT[port];
  if (cleartext && input.protocol === 'tcp') {
    notes.push({
      code: 'cleartext',
      severity: listening && beyondLoopback ? 'warning' : 'info',
      ...localizedMessage('engine.risk.cleartext', { protocol: cleartext }),
    });
  }
  const admin = REMOTE_ADMIN[port];
  if (admin && listening && beyondLoopback && input.protocol === 'tcp') {
    notes.push({
      code: 'remote-admin-exposed',
      severity: 'warning',
      ...localizedMessage('engine.risk.remoteAdminExposed', { service: admin, exposure: input.exposure === 'all' ? 'all' : 'other' }),
    });
  }
  const db = DATABASES[port];
  if (db && listening && input.exposure === 'all') {
    notes.push({ code: 'database-exposed', severity: 'warning', ...localizedMessage('engine.risk.databaseExposed', { database: db }) });
  }
  const malware = malwareNote(port);
  if (malware) {
    notes.push({
      code: 'malware-port',
      severity: listening ? 'danger' : 'warning',
      ...localizedMessage('engine.risk.malwarePort', { port: String(port), malware }),
    });
  }
  return notes;
}
