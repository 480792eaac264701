import { firewallEn } from './firewall.en';
/**
 * Texts the engine sends to every front end: diagnose steps, verdicts and next steps, what this
 * OS allows (capability notes), risk notes and contract errors. The engine renders the English
 * from here (so `message` and `messageKey` cannot disagree); front ends translate the key.
 * Ports, pids and addresses are passed as strings (a number would be grouped: "8,080").
 */
export const en = {
  ...firewallEn,
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
  'engine.capability.unix.endProcess': 'End sends SIGTERM (the process may clean up and exit); Force end sends SIGKILL.',
  'engine.capability.linux.endProcessUser': "End sends SIGTERM (the process may clean up and exit); Force end sends SIGKILL. Other users' processes need root.",
  'engine.capability.linux.closeConnection': 'the kernel aborts the connection (SOCK_DESTROY, as `ss -K`); it needs CONFIG_INET_DIAG_DESTROY',
  'engine.capability.linux.closeConnectionUser': 'run as root (sudo) to close connections: the kernel lets only CAP_NET_ADMIN abort a socket',
  'engine.capability.windows.socketOwnersWine': 'Wine does not name the owners of TCP sockets (only of its own UDP sockets): they show as unknown',
  'engine.capability.windows.socketOwnersNetstat': 'read from `netstat -ano` and `tasklist`: the IP Helper API could not be loaded',
  'engine.capability.windows.processDetailsNetstat': 'only process names are known: the IP Helper API (koffi) could not be loaded, so netstat and tasklist were read',
  'engine.capability.windows.processDetails': "run as administrator to see the path, command line and account of other users' processes",
  'engine.capability.windows.firewallRules': 'Windows Firewall rules are read with PowerShell Get-NetFirewallRule',
  'engine.capability.windows.endProcess':
    'Windows has no SIGTERM: End and Force end both call TerminateProcess, which stops the process at once without letting it clean up.',
  'engine.capability.windows.endProcessUser':
    "Windows has no SIGTERM: End and Force end both call TerminateProcess, which stops the process at once without letting it clean up. Other users' processes need administrator.",
  'engine.capability.darwin.socketOwners': 'read from `netstat -anv`; the lsof fallback sees only your own processes without sudo',
  'engine.capability.darwin.processDetails': "run with sudo to see the command lines of other users' processes",
  'engine.capability.darwin.firewallRules': 'run with sudo to read the pf rules; the application firewall state needs no root',
  'engine.capability.darwin.endProcessUser': "End sends SIGTERM (the process may clean up and exit); Force end sends SIGKILL. Other users' processes need sudo.",
  'engine.capability.darwin.closeConnection': "macOS offers no way to abort another process's TCP connection",

  'engine.risk.cleartext': '{protocol} sends passwords and data unencrypted.',
  'engine.risk.remoteAdminExposed':
    '{service} is reachable from other hosts ({exposure, select, all {all interfaces} other {a non-loopback address}}): make sure a firewall or strong authentication guards it.',
  'engine.risk.databaseExposed': '{database} listens on all interfaces; databases usually belong on loopback or a private network.',
  'engine.risk.malwarePort': 'Port {port} is known from malware ({malware}); check which program uses it.',
  'engine.probe.refused': 'Connection refused: the host answered, but nothing listens on {where} (port closed).',
  'engine.probe.udpUnreachable': 'ICMP port unreachable: nothing listens on {where}/udp (port closed).',
  'engine.probe.noRoute': 'No route to host {address}: it is down, not on this network, or a firewall answers for it.',
  'engine.probe.netUnreachable': 'Network unreachable: this machine has no route to {address}.',
  'engine.probe.prohibited': 'Blocked by a firewall (administratively prohibited) on the way to {where}.',
  'engine.probe.reset': 'Connection reset by {where}.',
  'engine.probe.failed': 'Failed with {code} on {where}.',
  'engine.probe.connected': 'Connected to {where} in {rtt, number, ::.00} ms: the port is open.',
  'engine.probe.cancelled': 'Cancelled.',
  'engine.probe.timeout': 'No answer from {where} within {timeout} ms: a firewall drops the packets, or the host is down.',
  'engine.probe.noReply': 'No reply from {where}/udp within {timeout} ms: open but silent, or filtered (UDP cannot tell).',
  'engine.probe.reply': 'Reply of {bytes, plural, one {# byte} other {# bytes}} from {where}/udp in {rtt, number, ::.00} ms: the port is open.',
  'engine.probe.verdict.none': 'No attempt was made to {target}.',
  'engine.probe.verdict.udpOpen': '{target} answers: the port is open.',
  'engine.probe.verdict.open': '{target} is reachable: the port is open.',
  'engine.probe.verdict.unreliable': '{target} is reachable, but {failed} of {total} attempts failed: the connection is unreliable.',
  'engine.probe.verdict.closed': '{target} is closed: the host answers, but nothing listens on that port.',
  'engine.probe.verdict.timeout': '{target} did not answer: filtered by a firewall that drops packets, or the host is down.',
  'engine.probe.verdict.silent': '{target} stayed silent: open|filtered (an open UDP service may ignore unknown datagrams).',
  'engine.probe.verdict.noRoute': '{host} cannot be reached: no route to the host or its network.',
  'engine.probe.verdict.prohibited': '{target} is blocked by a firewall that says so (administratively prohibited).',
  'engine.probe.verdict.unresolved': '{host} could not be resolved: check the name or your DNS settings.',
  'engine.probe.verdict.unreachable': '{target} is not reachable ({outcomes}).',
  'engine.probe.verdict.cancelledPrefix': 'Cancelled after {sent} of {count, plural, one {# attempt} other {# attempts}}.',
  'engine.close.notAddresses': '{what}: both ends must be IP addresses as the socket table shows them.',
  'engine.close.notOpen': 'No TCP connection {what} is open now.',
  'engine.close.notEstablished': 'TCP {what} is {states}: only established connections are closed, never a listener.',
  'engine.close.unsupported': '{note, select, none {Cannot close connections here.} other {Cannot close connections here: {note}}}',
  'engine.close.closedMeanwhile': 'TCP {what} closed on its own before Portscope could close it.',
  'engine.close.denied':
    'Not allowed to close TCP {what} of {owner, select, known {{process} (pid {pid})} other {a process Portscope cannot see}}: run as root (sudo); the kernel lets only CAP_NET_ADMIN abort a socket.',
  'engine.close.kernelCannot': 'This kernel cannot close connections (it needs CONFIG_INET_DIAG_DESTROY): TCP {what} is still open.',
  'engine.close.stillOpen': 'The kernel accepted the close, but TCP {what} is still established.',
  'engine.close.closed': 'Closed TCP {what} of {owner, select, known {{process} (pid {pid})} other {a process Portscope cannot see}}: both ends see the connection aborted.',
  'engine.ports.notPort': "''{item}'' is not a port, range or preset (presets: {presets})",
  'engine.ports.range': 'port {port} is out of range: ports go from 1 to 65535',
  'engine.ports.none': 'no ports given (--ports is empty): use e.g. 22,80,443, 8000-8100, - (all) or a preset',
  'engine.ports.emptyItem': "empty item in port list ''{spec}''",
  'engine.ports.backwards': 'port range {item} runs backwards: write {fix}',
  'engine.targets.ipv4': "''{spec}'' is not a valid IPv4 address",
  'engine.targets.octet': "''{spec}'' is not a valid IPv4 address: {octet} is more than 255",
  'engine.targets.scoped': "''{spec}'': scoped IPv6 addresses (%interface) are not supported in scans",
  'engine.targets.ipv6': "''{spec}'' is not a valid IPv6 address",
  'engine.targets.prefixNotNumber': "''{spec}'': prefix length ''{prefix}'' is not a number",
  'engine.targets.prefixTooLong': "''{spec}'': prefix length {prefix} is more than {max}",
  'engine.targets.blockTooLarge': "''{spec}'' holds 2^{bits} addresses; scan at most {max} hosts at a time (use {prefix} or longer)",
  'engine.targets.rangeOctet': "''{spec}'': {octet} is more than 255",
  'engine.targets.backwards': "address range ''{spec}'' runs backwards",
  'engine.targets.rangeTooLarge': "''{spec}'' holds {count} addresses; scan at most {max} at a time",
  'engine.targets.empty': 'empty target: give an address, a name, a CIDR block or a range',
  'engine.targets.unknown': "''{spec}'' is neither an IP address, a CIDR block, a range nor a host name",
  'engine.targets.none': 'no targets given',
  'engine.targets.unresolved': "cannot resolve ''{name}'' ({reason, select, none {no such name} other {{reason}}})",
  'engine.targets.noAddresses': "cannot resolve ''{name}'' (no addresses)",
  'engine.scan.unauthorized':
    '{list}{more, plural, =0 {} other { and # more}} {count, plural, one {is} other {are}} outside your local networks. Scanning hosts you do not administer may be illegal where you live and is often against the rules of your provider. Only targets on loopback, private (RFC 1918) and unique-local networks are scanned without confirmation; link-local ones (169.254.0.0/16, fe80::/10, cloud metadata services) need it too. Confirm you are allowed to scan them (--i-am-authorized).',
  'engine.probe.unauthorized': '{target} is outside your local networks. Scanning hosts you do not administer may be illegal where you live and is often against the rules of your provider. Only targets on loopback, private (RFC 1918) and unique-local networks are scanned without confirmation; link-local ones (169.254.0.0/16, fe80::/10, cloud metadata services) need it too. Confirm you are allowed to probe it (--i-am-authorized).',
  'engine.capability.linux.trafficCounters':
    'TCP byte counters and RTT come from the kernel (tcp_info, as `ss -ti`); the kernel keeps no byte counts for UDP sockets',
  'engine.capability.linux.trafficCountersNative':
    'byte counters need the native sock_diag reader (it was not built or netlink is unavailable); /proc/net has none',
  'engine.capability.windows.trafficCountersNoHelper':
    'per-connection byte counters need the IP Helper API, which could not be loaded (koffi)',
  'engine.capability.windows.trafficCountersMissing':
    'this iphlpapi has no {missing}{wine, select, yes { (Wine does not implement them)} other {}}: connections show no bytes or RTT',
  'engine.capability.windows.trafficCountersRefused':
    'Windows refused to switch on per-connection statistics here (SetPerTcpConnectionEStats: not supported): connections show no bytes or RTT',
  'engine.capability.windows.trafficCountersElevation':
    "run as administrator to see each connection's bytes and RTT: only an elevated administrator may switch on Windows' per-connection statistics (SetPerTcpConnectionEStats)",
  'engine.capability.windows.trafficCounters':
    "bytes and RTT of established connections from Windows' per-connection statistics (GetPerTcpConnectionEStats). Windows keeps none until they are switched on for a connection, which Portscope does when it first sees it: counts start then, at 0, not when the connection opened.",
  'engine.capability.windows.closeConnectionNoHelper':
    'closing connections needs the IP Helper API, which could not be loaded (koffi)',
  'engine.capability.windows.closeConnectionWine':
    "Wine's SetTcpEntry is a stub that answers success without closing anything, so Portscope does not call it under Wine",
  'engine.capability.windows.closeConnection':
    'Windows deletes the connection (SetTcpEntry with MIB_TCP_STATE_DELETE_TCB, as TCPView does): both ends see it reset. IPv4 only: Windows has no such call for IPv6 connections.',
  'engine.capability.windows.closeConnectionUser':
    'run as administrator to close connections (SetTcpEntry needs elevation); IPv6 connections cannot be closed on Windows at all',
  'engine.capability.darwin.trafficCountersLsof':
    'per-socket byte counters come from netstat, which could not be read (lsof has none)',
  'engine.capability.darwin.trafficCountersNoColumns':
    'this netstat printed no rxbytes/txbytes columns: sockets show no bytes',
  'engine.capability.darwin.trafficCounters':
    "bytes in and out of every TCP and UDP socket, the kernel's own counts from `netstat -anvb` (rxbytes/txbytes), for every user without sudo; macOS gives no RTT there",
  'engine.close.deniedReason':
    'Not allowed to close TCP {what} of {owner, select, known {{process} (pid {pid})} other {a process Portscope cannot see}}: {reason}.',
  'engine.close.unsupportedReason': 'Cannot close TCP {what}: {reason}. It is still open.',
  'engine.history.none': 'no history has been recorded in {dir} yet (start `portscope agent`, `portscope serve` or the app)',
  'engine.history.noBaseline': 'no baseline has been saved yet (Mark all as known, or `portscope baseline save`)',
  'engine.probe.outcome': '{outcome, select, connected {connected} refused {refused} timeout {timeout} no_route {no route} prohibited {prohibited} reply {reply} no_reply {no reply} unresolved {unresolved} other {error}}',
  'engine.diagnose.reachability.detail': '{endpoint}: {outcome, select, connected {connected} refused {refused} timeout {timeout} no_route {no route} prohibited {prohibited} reply {reply} no_reply {no reply} unresolved {unresolved} other {error}}',
  'engine.diagnose.reachability.detailRtt': '{endpoint}: {outcome, select, connected {connected} refused {refused} timeout {timeout} no_route {no route} prohibited {prohibited} reply {reply} no_reply {no reply} unresolved {unresolved} other {error}} ({rtt, number, ::.00} ms)',
  'engine.scan.large':
    'Large scan: {probes, number} probes to {hosts, plural, one {# host} other {# hosts}} would take {silent, select, same {about {fastUnit, select, s {{fast, number} s} min {{fast, number} min} h {{fast, number} h} other {{fast, plural, one {# day} other {# days}}}}} other {about {fastUnit, select, s {{fast, number} s} min {{fast, number} min} h {{fast, number} h} other {{fast, plural, one {# day} other {# days}}}} if the hosts answer, up to {slowUnit, select, s {{slow, number} s} min {{slow, number} min} h {{slow, number} h} other {{slow, plural, one {# day} other {# days}}}} if they stay silent}}. Scans of more than {maxHosts, number} hosts or {maxProbes, number} probes need confirmation: narrow it, or confirm it (--force on the command line).',
  'engine.history.failed':
    '{stage, select, open {history is off} close {closing the history} baseline {reading the baseline} lease {taking the writer lease} tick {recording a tick} log {writing the change log} traffic {recording traffic} heartbeat {history heartbeat} retention {applying retention} other {{stage}}}: {error}',
  'engine.report.pathNotAbsolute': "the report path must be absolute, not ''{file}''",
  'engine.report.wrongExtension': 'a {format} report must be saved as a {extension} file, not {file}',
  'engine.history.unknownOwnerLane': '(unknown owner)',
  'engine.history.since': '{since, select, hour {an hour ago} yesterday {this time yesterday} boot {boot} baseline {the baseline of {time}} other {{time}}}',
  'engine.history.cannotOpen': 'cannot open the history in {dir}: {error}',
  'engine.history.timelineRange': 'the timeline needs since < until, as ISO times',
  'engine.history.notATime': 'not a time: {time}',
  'engine.report.unknownFormat': "unknown report format ''{format}'': use one of {formats}",
  'engine.report.formatMismatch': '--format {format} does not match the file name {file} (a {extension} file)',
  'engine.report.sayFormat': 'say which format to write with --format ({formats})',
  'engine.report.pdfInApp': 'PDF is made by the desktop app (Export as PDF); here, write .html and print it from a browser',
  'engine.report.unknownExtension': "unknown report format ''{extension}'': name the file .json, .csv, .html or .md, or pass --format",
  'engine.report.noExtension': "cannot tell the format of ''{file}'': name it .json, .csv, .html or .md, or pass --format",
  'engine.history.noSqlite': 'this Node.js has no node:sqlite (history needs Node 22.13 or newer)',
} as const;
