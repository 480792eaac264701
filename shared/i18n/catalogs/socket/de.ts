import type { en } from './en';

export const de: Record<keyof typeof en, string> = {
  'socket.column.proto': 'Proto',
  'socket.column.local': 'Lokale Adresse',
  'socket.column.remote': 'Remote-Adresse',
  'socket.column.state': 'Status',
  'socket.column.service': 'Dienst',
  'socket.column.exposure': 'Erreichbarkeit',
  'socket.column.process': 'PID/Prozess',
  'socket.column.user': 'Benutzer',
  'socket.column.notes': 'Hinweise',
  'socket.exposure.all': 'alle ({families})',
  'socket.exposure.loopback': 'Loopback',
  'socket.exposure.specific': 'eine Adresse',
  'socket.owner.kernel': '- (Kernel)',
  'socket.owner.denied': '? (verweigert)',
  'socket.owner.exited': '- (beendet)',
  'socket.owner.unknown': '- (unbekannt)',
  'socket.risk.cleartext': 'unverschlüsselt',
  'socket.risk.remoteAdmin': 'Fernwartung offen',
  'socket.risk.malwarePort': 'Malware-Port',
  'socket.risk.database': 'Datenbank offen',
};
