/**
 * What the socket readers (electron/engine/platform, sockets/snapshotter.ts) warn about when a
 * read was incomplete: a snapshot's `warningTexts`. Merged into the engine's catalogs
 * (catalogs/engine/index.ts). File names, error codes (ENOENT, Windows error 87), tool names
 * (ss, netstat, lsof, tasklist) and a tool's own stderr are data and passed as values.
 */
export const en = {
  'platform.linux.readFailed': 'could not read {file}: {code}',
  'platform.linux.malformed': '{file}: skipped {count, plural, one {# malformed line} other {# malformed lines}}',
  'platform.linux.netlinkUnavailable': 'sock_diag netlink unavailable ({code}); reading /proc/net instead',
  'platform.linux.dualStackExited': 'dual-stack check: ss exited {code}: {stderr}',
  'platform.linux.dualStackUnavailable': 'dual-stack check unavailable ({reason}); IPv6 any-address sockets show it as unknown',
  'platform.ownersDenied':
    '{count, plural, one {# process} other {# processes}} could not be inspected (permission denied): run as root to see every owner',
  'platform.unsupported.none': 'Portscope has no socket reader for {platform}',
  'platform.unsupported.failed': 'the {platform} socket reader could not start: {error}',
  'platform.unsupported.emptyNone': 'Portscope has no socket reader for {platform}: the socket table is empty; scan, probe and reports still work',
  'platform.unsupported.emptyFailed':
    'the {platform} socket reader could not start ({error}): the socket table is empty; scan, probe and reports still work',
  'platform.unsupported.noFirewall': 'no firewall reader for {platform}',
  'platform.toolFailed':
    '{context, select, processDetails {process details unavailable: } processNames {process names unavailable: } socketTable {no socket table: } other {}}{how, select, signal {{command} exited on a signal} spawn {{command} could not run} empty {{command} listed no process} other {{command} exited {code}}}{hasDetail, select, yes {: {detail}} other {}}',
  'platform.darwin.lsofOwnOnly': "read with lsof, which without sudo lists only this user's sockets",
  'platform.windows.tableFailed': 'GetExtended{table}Table (IPv{family}) failed: Windows error {status}',
  'platform.windows.tableGrowing': 'the {protocol} IPv{family} table kept growing while being read',
  'platform.windows.estatsFailed':
    'per-connection statistics (GetPerTcpConnectionEStats) failed for {count, plural, one {# connection} other {# connections}}: Windows error {status}',
  'platform.windows.fallback': 'reading netstat -ano and tasklist instead of the IP Helper API ({reason})',
} as const;
