/**
 * Kernel TCP states, named as the kernel (and `ss`) names them; UDP uses UNCONN / ESTABLISHED.
 * Kept apart from the schemas so the CLI can parse `--state` without building them.
 */
export const SOCKET_STATES = [
  'ESTABLISHED',
  'SYN_SENT',
  'SYN_RECV',
  'FIN_WAIT1',
  'FIN_WAIT2',
  'TIME_WAIT',
  'CLOSE',
  'CLOSE_WAIT',
  'LAST_ACK',
  'LISTEN',
  'CLOSING',
  'NEW_SYN_RECV',
  'UNCONN',
] as const;
