import type { en } from './en';

export const nl: Record<keyof typeof en, string> = {
  'socket.column.proto': 'Proto',
  'socket.column.local': 'Lokaal adres',
  'socket.column.remote': 'Extern adres',
  'socket.column.state': 'Status',
  'socket.column.service': 'Dienst',
  'socket.column.exposure': 'Bereikbaarheid',
  'socket.column.process': 'PID/Proces',
  'socket.column.user': 'Gebruiker',
  'socket.column.notes': 'Opmerkingen',
  'socket.exposure.all': 'alle ({families})',
  'socket.exposure.loopback': 'loopback',
  'socket.exposure.specific': 'één adres',
  'socket.owner.kernel': '- (kernel)',
  'socket.owner.denied': '? (geweigerd)',
  'socket.owner.exited': '- (gestopt)',
  'socket.owner.unknown': '- (onbekend)',
  'socket.risk.cleartext': 'onversleuteld',
  'socket.risk.remoteAdmin': 'beheer op afstand open',
  'socket.risk.malwarePort': 'malwarepoort',
  'socket.risk.database': 'database open',
};
