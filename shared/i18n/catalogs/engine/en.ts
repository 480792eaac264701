/**
 * Texts the engine sends to every front end: diagnose steps, verdicts and next steps, what this
 * OS allows (capability notes), risk notes and contract errors. The engine renders the English
 * from here (so `message` and `messageKey` cannot disagree); front ends translate the key.
 * Ports, pids and addresses are passed as strings (a number would be grouped: "8,080").
 */
export const en = {
  'engine.diagnose.listening.name': 'Is a process listening?',
  'engine.diagnose.process.name': 'Which process, since when?',
  'engine.diagnose.addresses.name': 'On which addresses?',
  'engine.diagnose.targets.name': 'Which addresses will be tried?',
  'engine.diagnose.reachability.name': 'Reachable on each local address?',
  'engine.diagnose.firewall.name': 'Does a local firewall rule affect it?',

  'engine.diagnose.listening.none': 'Nothing listens on port {label}.',
  'engine.diagnose.listening.noneOtherProtocol': 'Nothing listens on port {label}. (Something does listen on {other}: wrong protocol?)',
  'engine.diagnose.listening.open': 'Port {label} is open for connections ({count, plural, one {# listening socket} other {# listening sockets}}).',

  'engine.diagnose.process.noListener': 'No listener, so no process to show.',
  'engine.diagnose.process.hidden': 'The owning process is hidden: it belongs to another user (run as root to see it).',
  'engine.diagnose.process.noOwner': 'No visible process owns the socket (another container or the kernel).',
  'engine.diagnose.process.heldBy': 'Held by {processes}.',
  'engine.diagnose.process.exited': 'The owning process exited.',
  'engine.diagnose.process.exitedMeanwhile': 'pid {pid}: exited meanwhile',

  'engine.diagnose.addresses.noListener': 'No listener.',
  'engine.diagnose.addresses.loopbackOnly': 'Only on loopback: reachable from this machine alone, not from other machines.',
  'engine.diagnose.addresses.every': 'On every address, IPv4 and IPv6.',
  'engine.diagnose.addresses.everyV4': 'On every IPv4 address (IPv6 clients cannot connect).',
  'engine.diagnose.addresses.v6Only': 'On every IPv6 address only (IPv6-only socket): IPv4 clients cannot connect.',
  'engine.diagnose.addresses.specific': 'On specific addresses only: {addresses}. Clients must use {count, plural, one {this one} other {one of these}}.',
  'engine.diagnose.addresses.dualStack': '{address} (IPv4 and IPv6)',

  'engine.diagnose.targets.loopbackOthers': "Loopback only, as asked: connecting to {targets}; not to this machine's other addresses {others}.",
  'engine.diagnose.targets.loopbackAlone': 'Loopback only, as asked: connecting to {targets} (this machine has no other address).',
  'engine.diagnose.targets.own': 'Connecting to port {port} on this machine\'s own addresses: {targets}. (--loopback-only, or "Loopback only" in the app, tries 127.0.0.1 and ::1 alone.)',
  'engine.diagnose.targets.alone': 'Connecting to port {port} on {targets} (this machine has no other address).',
  'engine.diagnose.targets.notTried': 'not tried: {address}',
  'engine.diagnose.targets.onInterface': '{address} on {iface}',

  'engine.diagnose.reachability.all': '{count, plural, one {Reachable on the one local address.} other {Reachable on all # local addresses.}}',
  'engine.diagnose.reachability.some': 'Reachable on {good}; not on {bad}.',
  'engine.diagnose.reachability.udpNoReply': 'No UDP reply on any local address: the service may ignore unknown datagrams, or a firewall drops them.',
  'engine.diagnose.reachability.none':
    'Not reachable on any local address: {reason, select, timeout {connections time out (a firewall drops them?)} refused {connections are refused} other {{outcomes}}}.',

  'engine.diagnose.firewall.unreadable': '{tool, select, none {Could not read the firewall rules ({reason}).} other {Could not read the {tool} rules ({reason}).}}',
  'engine.diagnose.firewall.blocks': 'A {source} rule {action, select, drop {drops} other {rejects}} traffic to port {label}: {rule}',
  'engine.diagnose.firewall.accepts': 'A {source} rule accepts port {label}.',
  'engine.diagnose.firewall.dropPolicy': 'The input policy is drop and no {source} rule names port {port}: other machines are probably blocked.',
  'engine.diagnose.firewall.noRule': 'No {source} rule names port {label}.',
  'engine.diagnose.firewall.osBlocks': 'A {tool} rule blocks port {label}: {rule}',
  'engine.diagnose.firewall.osAllows': 'A {tool} rule allows port {label}.',
  'engine.diagnose.firewall.osDropPolicy': 'No {tool} rule allows port {label}, and {policies}: other machines are probably blocked.',
  'engine.diagnose.firewall.osNoRule': 'No {tool} rule affects port {label}.',
  'engine.diagnose.checkFailed': 'This check failed to run: {error}',

  'engine.diagnose.verdict.notListening.summary': 'No program listens on port {label}, so every client is refused.',
  'engine.diagnose.verdict.notListening.next': 'Start the service, and check its configuration for the port it should listen on (then run this again).',
  'engine.diagnose.verdict.blocked.summary': 'A program listens on {label}, but a local firewall rule blocks it.',
  'engine.diagnose.verdict.blocked.next': 'Change or remove the rule ({rule}), or add an accept rule for port {port} before it.',
  'engine.diagnose.verdict.unreachable.summary': 'A program listens on {label}, but connections to it fail on every local address.',
  'engine.diagnose.verdict.unreachable.nextWindows':
    "The Windows Firewall rules could not be read: run this in a terminal opened as administrator, or look in wf.msc → Inbound Rules; and check the service's own access rules.",
  'engine.diagnose.verdict.unreachable.nextRoot':
    "The firewall rules could not be read: run this as root (sudo portscope diagnose …) to check them, and check the service's own access rules.",
  'engine.diagnose.verdict.unreachable.next': "Check the service's own access rules (allow/deny lists, bind settings) and any filter in front of it.",
  'engine.diagnose.verdict.localOnly.summary': 'Port {label} listens on loopback only: this machine can connect, other machines cannot.',
  'engine.diagnose.verdict.localOnly.next': 'Configure the service to listen on 0.0.0.0 (or ::, or the LAN address) instead of 127.0.0.1, then restart it.',
  'engine.diagnose.verdict.udpUnknown.summary': 'A program listens on {label}, but it did not answer a test datagram.',
  'engine.diagnose.verdict.udpUnknown.next': 'Test with a real client of that protocol; UDP services often ignore datagrams they do not understand.',
  'engine.diagnose.verdict.ok.summaryLoopback': "Port {label} is listening and reachable on loopback (this machine's other addresses were not tried, as asked).",
  'engine.diagnose.verdict.ok.summary': "Port {label} is listening and reachable on this machine's addresses.",
  'engine.diagnose.verdict.ok.next':
    'If clients elsewhere still cannot connect, look between them and this machine: a router or cloud firewall, port forwarding (NAT), or the client using the wrong address. Try from a client: portscope probe <this-address>:{port}',

  'engine.capability.linux.socketOwners': "run as root (sudo) to see the owners of other users' sockets",
  'engine.capability.linux.processDetails': "run as root (sudo) to see other users' executables and command lines",
  'engine.capability.linux.firewallRules': 'run as root (sudo) to read the nftables/iptables rules',
  'engine.capability.linux.trafficCounters': 'per-socket byte counters are not read on Linux yet',
  'engine.capability.unix.endProcess': 'End sends SIGTERM (the process may clean up and exit); Force end sends SIGKILL.',
  'engine.capability.linux.endProcessUser': "End sends SIGTERM (the process may clean up and exit); Force end sends SIGKILL. Other users' processes need root.",
  'engine.capability.linux.closeConnection': 'the kernel aborts the connection (SOCK_DESTROY, as `ss -K`); it needs CONFIG_INET_DIAG_DESTROY',
  'engine.capability.linux.closeConnectionUser': 'run as root (sudo) to close connections: the kernel lets only CAP_NET_ADMIN abort a socket',
  'engine.capability.windows.socketOwnersWine': 'Wine does not name the owners of TCP sockets (only of its own UDP sockets): they show as unknown',
  'engine.capability.windows.socketOwnersNetstat': 'read from `netstat -ano` and `tasklist`: the IP Helper API could not be loaded',
  'engine.capability.windows.processDetailsNetstat': 'only process names are known: the IP Helper API (koffi) could not be loaded, so netstat and tasklist were read',
  'engine.capability.windows.processDetails': "run as administrator to see the path, command line and account of other users' processes",
  'engine.capability.windows.firewallRules': 'Windows Firewall rules are read with PowerShell Get-NetFirewallRule',
  'engine.capability.windows.trafficCounters': 'per-connection byte counters (GetPerTcpConnectionEStats) are not read yet',
  'engine.capability.windows.endProcess':
    'Windows has no SIGTERM: End and Force end both call TerminateProcess, which stops the process at once without letting it clean up.',
  'engine.capability.windows.endProcessUser':
    "Windows has no SIGTERM: End and Force end both call TerminateProcess, which stops the process at once without letting it clean up. Other users' processes need administrator.",
  'engine.capability.windows.closeConnection': 'closing connections on Windows (SetTcpEntry with MIB_TCP_STATE_DELETE_TCB, as administrator) is not built yet',
  'engine.capability.darwin.socketOwners': 'read from `netstat -anv`; the lsof fallback sees only your own processes without sudo',
  'engine.capability.darwin.processDetails': "run with sudo to see the command lines of other users' processes",
  'engine.capability.darwin.firewallRules': 'run with sudo to read the pf rules; the application firewall state needs no root',
  'engine.capability.darwin.trafficCounters': 'per-socket byte counters are not read on macOS yet',
  'engine.capability.darwin.endProcessUser': "End sends SIGTERM (the process may clean up and exit); Force end sends SIGKILL. Other users' processes need sudo.",
  'engine.capability.darwin.closeConnection': "macOS offers no way to abort another process's TCP connection",

  'engine.risk.cleartext': '{protocol} sends passwords and data unencrypted.',
  'engine.risk.remoteAdminExposed':
    '{service} is reachable from other hosts ({exposure, select, all {all interfaces} other {a non-loopback address}}): make sure a firewall or strong authentication guards it.',
  'engine.risk.databaseExposed': '{database} listens on all interfaces; databases usually belong on loopback or a private network.',
  'engine.risk.malwarePort': 'Port {port} is known from malware ({malware}); check which program uses it.',
} as const;
