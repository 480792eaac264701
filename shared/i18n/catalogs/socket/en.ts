/**
 * Words for a socket row that the CLI tables and the reports share: column headings, exposure,
 * owner placeholders and short risk names. Addresses, states (LISTEN, ESTABLISHED), protocol
 * names and process names are data and stay as they are.
 */
export const en = {
  'socket.column.proto': 'Proto',
  'socket.column.local': 'Local address',
  'socket.column.remote': 'Remote address',
  'socket.column.state': 'State',
  'socket.column.service': 'Service',
  'socket.column.exposure': 'Exposure',
  'socket.column.process': 'PID/Process',
  'socket.column.user': 'User',
  'socket.column.notes': 'Notes',
  'socket.exposure.all': 'all ({families})',
  'socket.exposure.loopback': 'loopback',
  'socket.exposure.specific': 'specific',
  'socket.owner.kernel': '- (kernel)',
  'socket.owner.denied': '? (denied)',
  'socket.owner.exited': '- (exited)',
  'socket.owner.unknown': '- (unknown)',
  'socket.risk.cleartext': 'cleartext',
  'socket.risk.remoteAdmin': 'remote admin exposed',
  'socket.risk.malwarePort': 'malware port',
  'socket.risk.database': 'database exposed',
} as const;
