import type { Capabilities, Capability } from '../../../shared/contract/calls';
import type { TrafficUnavailable } from '../../../shared/contract/traffic';
import { WINE_CLOSE_REASON } from './windows/closeTcp';

const yes = (note: string | null = null): Capability => ({ available: true, note });
const no = (note: string): Capability => ({ available: false, note });

/**
 * What each OS lets Portscope see and do, by whether it runs elevated. The notes are what the UI
 * and CLI show, so they name the OS's own way to elevate.
 */
export function linuxCapabilities(elevated = process.getuid?.() === 0, counters = true): Capabilities {
  return {
    socketOwners: elevated ? yes() : no("run as root (sudo) to see the owners of other users' sockets"),
    processDetails: elevated ? yes() : no("run as root (sudo) to see other users' executables and command lines"),
    firewallRules: elevated ? yes() : no('run as root (sudo) to read the nftables/iptables rules'),
    // tcp_info comes with the sock_diag dump (no extra rights); the /proc/net fallback has none.
    trafficCounters: counters
      ? yes('TCP byte counters and RTT come from the kernel (tcp_info, as `ss -ti`); the kernel keeps no byte counts for UDP sockets')
      : no('byte counters need the native sock_diag reader (it was not built or netlink is unavailable); /proc/net has none'),
    endProcess: yes(
      elevated
        ? 'End sends SIGTERM (the process may clean up and exit); Force end sends SIGKILL.'
        : "End sends SIGTERM (the process may clean up and exit); Force end sends SIGKILL. Other users' processes need root.",
    ),
    closeConnection: elevated
      ? yes('the kernel aborts the connection (SOCK_DESTROY, as `ss -K`); it needs CONFIG_INET_DIAG_DESTROY')
      : no('run as root (sudo) to close connections: the kernel lets only CAP_NET_ADMIN abort a socket'),
  };
}

/** What the Windows adapter found out about traffic counters (EstatsReader). */
export interface WindowsTraffic {
  /** Why per-connection statistics cannot be read here, null when they are. */
  unavailable: TrafficUnavailable | null;
  /** The estats calls this iphlpapi does not export. */
  missing: readonly string[];
}

function windowsTrafficCounters(tables: 'ip-helper' | 'wine' | 'netstat', traffic: WindowsTraffic | undefined): Capability {
  if (tables === 'netstat' || !traffic) return no('per-connection byte counters need the IP Helper API, which could not be loaded (koffi)');
  if (traffic.unavailable === 'not-supported') {
    return no(
      traffic.missing.length > 0
        ? `this iphlpapi has no ${traffic.missing.join(', ')}${tables === 'wine' ? ' (Wine does not implement them)' : ''}: connections show no bytes or RTT`
        : 'Windows refused to switch on per-connection statistics here (SetPerTcpConnectionEStats: not supported): connections show no bytes or RTT',
    );
  }
  if (traffic.unavailable === 'needs-elevation') {
    return no("run as administrator to see each connection's bytes and RTT: only an elevated administrator may switch on Windows' per-connection statistics (SetPerTcpConnectionEStats)");
  }
  return yes(
    "bytes and RTT of established connections from Windows' per-connection statistics (GetPerTcpConnectionEStats). Windows keeps none until they are switched on for a connection, which Portscope does when it first sees it: counts start then, at 0, not when the connection opened.",
  );
}

function windowsCloseConnection(elevated: boolean, tables: 'ip-helper' | 'wine' | 'netstat'): Capability {
  if (tables === 'netstat') return no('closing connections needs the IP Helper API, which could not be loaded (koffi)');
  if (tables === 'wine') return no(WINE_CLOSE_REASON);
  return elevated
    ? yes('Windows deletes the connection (SetTcpEntry with MIB_TCP_STATE_DELETE_TCB, as TCPView does): both ends see it reset. IPv4 only: Windows has no such call for IPv6 connections.')
    : no('run as administrator to close connections (SetTcpEntry needs elevation); IPv6 connections cannot be closed on Windows at all');
}

export function windowsCapabilities(elevated: boolean, tables: 'ip-helper' | 'wine' | 'netstat', traffic?: WindowsTraffic): Capabilities {
  return {
    // The owner-pid tables name every socket's owner pid for any user; names come from the
    // process snapshot, which also lists every process.
    socketOwners:
      tables === 'ip-helper'
        ? yes()
        : tables === 'wine'
          ? no('Wine does not name the owners of TCP sockets (only of its own UDP sockets): they show as unknown')
          : yes('read from `netstat -ano` and `tasklist`: the IP Helper API could not be loaded'),
    processDetails:
      tables === 'netstat'
        ? no('only process names are known: the IP Helper API (koffi) could not be loaded, so netstat and tasklist were read')
        : elevated
      ? yes()
      : no("run as administrator to see the path, command line and account of other users' processes"),
    firewallRules: yes('Windows Firewall rules are read with PowerShell Get-NetFirewallRule'),
    trafficCounters: windowsTrafficCounters(tables, traffic),
    endProcess: yes(
      "Windows has no SIGTERM: End and Force end both call TerminateProcess, which stops the process at once without letting it clean up." +
        (elevated ? '' : " Other users' processes need administrator."),
    ),
    closeConnection: windowsCloseConnection(elevated, tables),
  };
}

function darwinTrafficCounters(traffic: 'netstat' | 'no-columns' | 'lsof'): Capability {
  if (traffic === 'lsof') return no('per-socket byte counters come from netstat, which could not be read (lsof has none)');
  if (traffic === 'no-columns') return no('this netstat printed no rxbytes/txbytes columns: sockets show no bytes');
  return yes("bytes in and out of every TCP and UDP socket, the kernel's own counts from `netstat -anvb` (rxbytes/txbytes), for every user without sudo; macOS gives no RTT there");
}

export function darwinCapabilities(elevated = process.getuid?.() === 0, traffic: 'netstat' | 'no-columns' | 'lsof' = 'netstat'): Capabilities {
  return {
    // netstat -anv names the owner pid of every socket without root; ps lists every process.
    socketOwners: yes(elevated ? null : 'read from `netstat -anv`; the lsof fallback sees only your own processes without sudo'),
    // ps lists every process, but the kernel hands other users' arguments (KERN_PROCARGS2) to root only.
    processDetails: elevated ? yes() : no("run with sudo to see the command lines of other users' processes"),
    firewallRules: elevated ? yes() : no('run with sudo to read the pf rules; the application firewall state needs no root'),
    trafficCounters: darwinTrafficCounters(traffic),
    endProcess: yes(
      'End sends SIGTERM (the process may clean up and exit); Force end sends SIGKILL.' + (elevated ? '' : " Other users' processes need sudo."),
    ),
    closeConnection: no("macOS offers no way to abort another process's TCP connection"),
  };
}
