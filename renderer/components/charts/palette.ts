import type { SocketState } from '../../../shared/contract';

/** Mid-tone colours that read on both the light and the dark theme. */
export const STATE_COLORS: Record<SocketState, string> = {
  ESTABLISHED: '#2f9e44',
  LISTEN: '#1c7ed6',
  UNCONN: '#4dabf7',
  TIME_WAIT: '#f59f00',
  CLOSE_WAIT: '#e8590c',
  SYN_SENT: '#ae3ec9',
  SYN_RECV: '#cc5de8',
  NEW_SYN_RECV: '#da77f2',
  FIN_WAIT1: '#e64980',
  FIN_WAIT2: '#f06595',
  LAST_ACK: '#c92a2a',
  CLOSING: '#fa5252',
  CLOSE: '#868e96',
};

export const SERIES = ['#1c7ed6', '#2f9e44', '#f59f00', '#e8590c', '#ae3ec9', '#0ca678', '#e64980', '#868e96', '#5c7cfa', '#74b816'];
