import { z } from 'zod';

/**
 * Why a row has no byte counters. 'udp-not-counted': the Linux and Windows kernels keep no
 * per-socket UDP byte counts (macOS does: its UDP rows carry bytes from netstat);
 * 'listener': a listening socket moves no payload itself; 'time-wait': the kernel keeps only a
 * stub of the closed connection; 'needs-elevation': the OS gives them to administrators only
 * (Windows); 'not-collected': this reader cannot get them here (procfs fallback, collection off);
 * 'not-supported': the source has no such columns (captured imports, older OS releases).
 */
export const TrafficUnavailableSchema = z.enum(['udp-not-counted', 'listener', 'time-wait', 'needs-elevation', 'not-collected', 'not-supported']);
export type TrafficUnavailable = z.infer<typeof TrafficUnavailableSchema>;

/** The rest of the kernel's tcp_info for a connection, where the OS gives it (Linux). */
export const TcpInfoSchema = z.object({
  bytesRetrans: z.number().nonnegative(),
  segsIn: z.number().nonnegative(),
  segsOut: z.number().nonnegative(),
  rttVarMs: z.number().nonnegative(),
  cwnd: z.number().nonnegative(),
  /** Bytes per second, the kernel's estimate of the delivery rate. */
  deliveryRate: z.number().nonnegative(),
});
export type TcpInfo = z.infer<typeof TcpInfoSchema>;

/**
 * The traffic fields every SocketRow carries. Required in the output type; a saved report from
 * before these fields (or an older peer) parses with them null.
 */
export const rowTrafficFields = {
  /**
   * Cumulative payload bytes delivered to the peer (Linux: tcpi_bytes_acked less the SYN's 1;
   * Windows: ThruBytesAcked, counted from when statistics were switched on; macOS: the socket's
   * txbytes as `netstat -b` prints them).
   */
  bytesSent: z.number().nonnegative().nullable().default(null),
  /** Cumulative payload bytes received (Linux: tcpi_bytes_received; Windows: ThruBytesReceived; macOS: rxbytes). */
  bytesReceived: z.number().nonnegative().nullable().default(null),
  /** Bytes per second between the previous refresh and this one; null on a socket's first sight. */
  sendRate: z.number().nonnegative().nullable().default(null),
  receiveRate: z.number().nonnegative().nullable().default(null),
  /** Smoothed round-trip time in milliseconds. */
  rttMs: z.number().nonnegative().nullable().default(null),
  tcpInfo: TcpInfoSchema.nullable().default(null),
  /** Why the counters are null; null when they are present. */
  trafficUnavailable: TrafficUnavailableSchema.nullable().default(null),
};

export const TrafficTotalsSchema = z.object({
  bytesSent: z.number().nonnegative(),
  bytesReceived: z.number().nonnegative(),
  /** Bytes per second over the sockets whose rate is known. */
  sendRate: z.number().nonnegative(),
  receiveRate: z.number().nonnegative(),
});
export type TrafficTotals = z.infer<typeof TrafficTotalsSchema>;

export const ProcessTrafficSchema = TrafficTotalsSchema.extend({
  pid: z.number().int().positive(),
  name: z.string(),
  /** Counted sockets of this process (the ones that carry counters: TCP; on macOS UDP too). */
  connections: z.number().int().nonnegative(),
});
export type ProcessTraffic = z.infer<typeof ProcessTrafficSchema>;

/** Sent on every snapshot and delta: the machine's and each process's totals over counted sockets. */
export const TrafficSummarySchema = z.object({
  machine: TrafficTotalsSchema,
  /** Processes with at least one counted socket, busiest (send + receive rate) first. */
  processes: z.array(ProcessTrafficSchema),
});
export type TrafficSummary = z.infer<typeof TrafficSummarySchema>;
