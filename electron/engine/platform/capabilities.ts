import type { Capabilities, Capability } from '../../../shared/contract/calls';

const yes = (note: string | null = null): Capability => ({ available: true, note });
const no = (note: string): Capability => ({ available: false, note });

/**
 * What each OS lets Portscope see and do, by whether it runs elevated. The notes are what the UI
 * and CLI show, so they name the OS's own way to elevate.
 */
export function linuxCapabilities(elevated = process.getuid?.() === 0): Capabilities {
  return {
    socketOwners: elevated ? yes() : no("run as root (sudo) to see the owners of other users' sockets"),
    processDetails: elevated ? yes() : no("run as root (sudo) to see other users' executables and command lines"),
    firewallRules: elevated ? yes() : no('run as root (sudo) to read the nftables/iptables rules'),
    trafficCounters: no('per-socket byte counters are not read on Linux yet'),
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

export function windowsCapabilities(elevated: boolean, tables: 'ip-helper' | 'wine' | 'netstat'): Capabilities {
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
    trafficCounters: no('per-connection byte counters (GetPerTcpConnectionEStats) are not read yet'),
    endProcess: yes(
      "Windows has no SIGTERM: End and Force end both call TerminateProcess, which stops the process at once without letting it clean up." +
        (elevated ? '' : " Other users' processes need administrator."),
    ),
    closeConnection: no('closing connections on Windows (SetTcpEntry with MIB_TCP_STATE_DELETE_TCB, as administrator) is not built yet'),
  };
}

export function darwinCapabilities(elevated = process.getuid?.() === 0): Capabilities {
  return {
    // netstat -anv names the owner pid of every socket without root; ps lists every process.
    socketOwners: yes(elevated ? null : 'read from `netstat -anv`; the lsof fallback sees only your own processes without sudo'),
    // ps lists every process, but the kernel hands other users' arguments (KERN_PROCARGS2) to root only.
    processDetails: elevated ? yes() : no("run with sudo to see the command lines of other users' processes"),
    firewallRules: elevated ? yes() : no('run with sudo to read the pf rules; the application firewall state needs no root'),
    trafficCounters: no('per-socket byte counters are not read on macOS yet'),
    endProcess: yes(
      'End sends SIGTERM (the process may clean up and exit); Force end sends SIGKILL.' + (elevated ? '' : " Other users' processes need sudo."),
    ),
    closeConnection: no("macOS offers no way to abort another process's TCP connection"),
  };
}
