import type { en } from './en';
import { firewallDe } from './firewall.de';

export const de: Record<keyof typeof en, string> = {
  ...firewallDe,
  'engine.diagnose.listening.name': 'Lauscht ein Prozess auf dem Port?',
  'engine.diagnose.process.name': 'Welcher Prozess, seit wann?',
  'engine.diagnose.addresses.name': 'Auf welchen Adressen?',
  'engine.diagnose.targets.name': 'Welche Adressen werden geprüft?',
  'engine.diagnose.reachability.name': 'Auf jeder lokalen Adresse erreichbar?',
  'engine.diagnose.firewall.name': 'Greift eine Regel der lokalen Firewall?',

  'engine.diagnose.listening.none': 'Auf Port {label} lauscht nichts.',
  'engine.diagnose.listening.noneOtherProtocol': 'Auf Port {label} lauscht nichts. (Auf {other} lauscht aber etwas: falsches Protokoll?)',
  'engine.diagnose.listening.open': 'Port {label} nimmt Verbindungen an ({count, plural, one {# lauschender Socket} other {# lauschende Sockets}}).',

  'engine.diagnose.process.noListener': 'Nichts lauscht auf dem Port, also gibt es keinen Prozess anzuzeigen.',
  'engine.diagnose.process.hidden': 'Der zugehörige Prozess ist nicht sichtbar: Er gehört einem anderen Benutzer (als root ausführen, um ihn zu sehen).',
  'engine.diagnose.process.noOwner': 'Kein sichtbarer Prozess besitzt den Socket (ein anderer Container oder der Kernel).',
  'engine.diagnose.process.heldBy': 'Gehört zu {processes}.',
  'engine.diagnose.process.exited': 'Der zugehörige Prozess wurde beendet.',
  'engine.diagnose.process.exitedMeanwhile': 'PID {pid}: inzwischen beendet',

  'engine.diagnose.addresses.noListener': 'Nichts lauscht auf dem Port.',
  'engine.diagnose.addresses.loopbackOnly': 'Nur auf Loopback: nur von diesem Rechner aus erreichbar, nicht von anderen.',
  'engine.diagnose.addresses.every': 'Auf allen Adressen, IPv4 und IPv6.',
  'engine.diagnose.addresses.everyV4': 'Auf allen IPv4-Adressen (IPv6-Clients können sich nicht verbinden).',
  'engine.diagnose.addresses.v6Only': 'Auf allen IPv6-Adressen, aber nur IPv6 (reiner IPv6-Socket): IPv4-Clients können sich nicht verbinden.',
  'engine.diagnose.addresses.specific':
    'Nur auf bestimmten Adressen: {addresses}. Clients müssen {count, plural, one {diese Adresse} other {eine dieser Adressen}} verwenden.',
  'engine.diagnose.addresses.dualStack': '{address} (IPv4 und IPv6)',

  'engine.diagnose.targets.loopbackOthers': 'Wie gewünscht nur Loopback: Verbindung zu {targets}, nicht zu den übrigen Adressen dieses Rechners ({others}).',
  'engine.diagnose.targets.loopbackAlone': 'Wie gewünscht nur Loopback: Verbindung zu {targets} (dieser Rechner hat keine weitere Adresse).',
  'engine.diagnose.targets.own':
    'Verbindung zu Port {port} auf den eigenen Adressen dieses Rechners: {targets}. (Mit --loopback-only oder „Nur Loopback“ in der App werden nur 127.0.0.1 und ::1 geprüft.)',
  'engine.diagnose.targets.alone': 'Verbindung zu Port {port} auf {targets} (dieser Rechner hat keine weitere Adresse).',
  'engine.diagnose.targets.notTried': 'nicht geprüft: {address}',
  'engine.diagnose.targets.onInterface': '{address} auf {iface}',

  'engine.diagnose.reachability.all': '{count, plural, one {Auf der einen lokalen Adresse erreichbar.} other {Auf allen # lokalen Adressen erreichbar.}}',
  'engine.diagnose.reachability.some': 'Erreichbar auf {good}, nicht auf {bad}.',
  'engine.diagnose.reachability.udpNoReply':
    'Keine UDP-Antwort auf irgendeiner lokalen Adresse: Entweder ignoriert der Dienst unbekannte Datagramme, oder eine Firewall verwirft sie.',
  'engine.diagnose.reachability.none':
    'Auf keiner lokalen Adresse erreichbar: {reason, select, timeout {Zeitüberschreitung beim Verbindungsaufbau (verwirft eine Firewall die Pakete?)} refused {die Verbindungen werden abgewiesen} other {{outcomes}}}.',

  'engine.diagnose.firewall.unreadable':
    '{tool, select, none {Die Firewall-Regeln konnten nicht gelesen werden ({reason}).} other {Die Regeln der {tool} konnten nicht gelesen werden ({reason}).}}',
  'engine.diagnose.firewall.blocks':
    '{action, select, drop {Eine {source}-Regel verwirft Verkehr zu Port {label}: {rule}} other {Eine {source}-Regel weist Verkehr zu Port {label} ab: {rule}}}',
  'engine.diagnose.firewall.accepts': 'Eine {source}-Regel lässt Port {label} zu.',
  'engine.diagnose.firewall.dropPolicy':
    'Die Input-Policy ist „drop“ und keine {source}-Regel nennt Port {port}: Andere Rechner werden wahrscheinlich blockiert.',
  'engine.diagnose.firewall.noRule': 'Keine {source}-Regel nennt Port {label}.',
  'engine.diagnose.firewall.osBlocks': 'Eine Regel der {tool} blockiert Port {label}: {rule}',
  'engine.diagnose.firewall.osAllows': 'Eine Regel der {tool} lässt Port {label} zu.',
  'engine.diagnose.firewall.osDropPolicy': 'Keine Regel der {tool} lässt Port {label} zu, und {policies}: Andere Rechner werden wahrscheinlich blockiert.',
  'engine.diagnose.firewall.osNoRule': 'Keine Regel der {tool} betrifft Port {label}.',
  'engine.diagnose.checkFailed': 'Diese Prüfung ließ sich nicht ausführen: {error}',

  'engine.diagnose.verdict.notListening.summary': 'Kein Programm lauscht auf Port {label}, daher wird jeder Client abgewiesen.',
  'engine.diagnose.verdict.notListening.next':
    'Starten Sie den Dienst und prüfen Sie in seiner Konfiguration, auf welchem Port er lauschen soll (danach diese Prüfung wiederholen).',
  'engine.diagnose.verdict.blocked.summary': 'Ein Programm lauscht auf {label}, aber eine Regel der lokalen Firewall blockiert es.',
  'engine.diagnose.verdict.blocked.next': 'Ändern oder entfernen Sie die Regel ({rule}) oder fügen Sie davor eine Regel ein, die Port {port} zulässt.',
  'engine.diagnose.verdict.unreachable.summary': 'Ein Programm lauscht auf {label}, aber Verbindungen dorthin scheitern auf jeder lokalen Adresse.',
  'engine.diagnose.verdict.unreachable.nextWindows':
    'Die Regeln der Windows-Firewall konnten nicht gelesen werden: Führen Sie dies in einem Terminal aus, das als Administrator geöffnet wurde, oder sehen Sie in wf.msc → Eingehende Regeln nach; prüfen Sie außerdem die Zugriffsregeln des Dienstes selbst.',
  'engine.diagnose.verdict.unreachable.nextRoot':
    'Die Firewall-Regeln konnten nicht gelesen werden: Führen Sie dies als root aus (sudo portscope diagnose …), um sie zu prüfen, und prüfen Sie die Zugriffsregeln des Dienstes selbst.',
  'engine.diagnose.verdict.unreachable.next':
    'Prüfen Sie die Zugriffsregeln des Dienstes selbst (Allow-/Deny-Listen, Bind-Einstellungen) und jeden Filter, der davor sitzt.',
  'engine.diagnose.verdict.localOnly.summary': 'Port {label} lauscht nur auf Loopback: Dieser Rechner kann sich verbinden, andere Rechner nicht.',
  'engine.diagnose.verdict.localOnly.next':
    'Stellen Sie den Dienst so ein, dass er auf 0.0.0.0 (oder ::, oder der LAN-Adresse) statt auf 127.0.0.1 lauscht, und starten Sie ihn neu.',
  'engine.diagnose.verdict.udpUnknown.summary': 'Ein Programm lauscht auf {label}, hat aber auf ein Test-Datagramm nicht geantwortet.',
  'engine.diagnose.verdict.udpUnknown.next':
    'Testen Sie mit einem echten Client dieses Protokolls; UDP-Dienste ignorieren oft Datagramme, die sie nicht verstehen.',
  'engine.diagnose.verdict.ok.summaryLoopback':
    'Port {label} lauscht und ist über Loopback erreichbar (die übrigen Adressen dieses Rechners wurden wie gewünscht nicht geprüft).',
  'engine.diagnose.verdict.ok.summary': 'Port {label} lauscht und ist auf den Adressen dieses Rechners erreichbar.',
  'engine.diagnose.verdict.ok.next':
    'Wenn sich Clients anderswo trotzdem nicht verbinden können, liegt es zwischen ihnen und diesem Rechner: an einem Router oder einer Cloud-Firewall, an der Portweiterleitung (NAT) oder daran, dass der Client die falsche Adresse verwendet. Testen Sie von einem Client aus: portscope probe <diese-Adresse>:{port}',

  'engine.capability.linux.socketOwners': 'als root (sudo) ausführen, um die Besitzer der Sockets anderer Benutzer zu sehen',
  'engine.capability.linux.processDetails': 'als root (sudo) ausführen, um Programmdateien und Befehlszeilen anderer Benutzer zu sehen',
  'engine.capability.linux.firewallRules': 'als root (sudo) ausführen, um die nftables-/iptables-Regeln zu lesen',
  'engine.capability.unix.endProcess': '„Beenden“ sendet SIGTERM (der Prozess kann aufräumen und sich beenden); „Sofort beenden“ sendet SIGKILL.',
  'engine.capability.linux.endProcessUser':
    '„Beenden“ sendet SIGTERM (der Prozess kann aufräumen und sich beenden); „Sofort beenden“ sendet SIGKILL. Für Prozesse anderer Benutzer braucht es root.',
  'engine.capability.linux.closeConnection': 'der Kernel bricht die Verbindung ab (SOCK_DESTROY, wie `ss -K`); dafür ist CONFIG_INET_DIAG_DESTROY nötig',
  'engine.capability.linux.closeConnectionUser':
    'als root (sudo) ausführen, um Verbindungen zu trennen: Der Kernel erlaubt das Abbrechen eines Sockets nur mit CAP_NET_ADMIN',
  'engine.capability.windows.socketOwnersWine': 'Wine nennt die Besitzer von TCP-Sockets nicht (nur die seiner eigenen UDP-Sockets): Sie erscheinen als unbekannt',
  'engine.capability.windows.socketOwnersNetstat': 'aus `netstat -ano` und `tasklist` gelesen: Die IP-Helper-API ließ sich nicht laden',
  'engine.capability.windows.processDetailsNetstat':
    'nur die Prozessnamen sind bekannt: Die IP-Helper-API (koffi) ließ sich nicht laden, daher wurden netstat und tasklist ausgewertet',
  'engine.capability.windows.processDetails': 'als Administrator ausführen, um Pfad, Befehlszeile und Konto der Prozesse anderer Benutzer zu sehen',
  'engine.capability.windows.firewallRules': 'die Regeln der Windows-Firewall werden mit PowerShell Get-NetFirewallRule gelesen',
  'engine.capability.windows.endProcess':
    'Windows kennt kein SIGTERM: „Beenden“ und „Sofort beenden“ rufen beide TerminateProcess auf, das den Prozess sofort anhält, ohne ihn aufräumen zu lassen.',
  'engine.capability.windows.endProcessUser':
    'Windows kennt kein SIGTERM: „Beenden“ und „Sofort beenden“ rufen beide TerminateProcess auf, das den Prozess sofort anhält, ohne ihn aufräumen zu lassen. Für Prozesse anderer Benutzer braucht es Administratorrechte.',
  'engine.capability.darwin.socketOwners': 'aus `netstat -anv` gelesen; ersatzweise sieht lsof ohne sudo nur Ihre eigenen Prozesse',
  'engine.capability.darwin.processDetails': 'mit sudo ausführen, um die Befehlszeilen der Prozesse anderer Benutzer zu sehen',
  'engine.capability.darwin.firewallRules': 'mit sudo ausführen, um die pf-Regeln zu lesen; der Zustand der Programm-Firewall lässt sich auch ohne root lesen',
  'engine.capability.darwin.endProcessUser':
    '„Beenden“ sendet SIGTERM (der Prozess kann aufräumen und sich beenden); „Sofort beenden“ sendet SIGKILL. Für Prozesse anderer Benutzer braucht es sudo.',
  'engine.capability.darwin.closeConnection': 'macOS bietet keinen Weg, die TCP-Verbindung eines anderen Prozesses abzubrechen',

  'engine.risk.cleartext': '{protocol} überträgt Passwörter und Daten unverschlüsselt.',
  'engine.risk.remoteAdminExposed':
    '{service} ist von anderen Rechnern aus erreichbar ({exposure, select, all {auf allen Schnittstellen} other {über eine Adresse außer Loopback}}): Sorgen Sie dafür, dass eine Firewall oder eine starke Authentifizierung den Zugang schützt.',
  'engine.risk.databaseExposed': '{database} lauscht auf allen Schnittstellen; Datenbanken gehören in der Regel auf Loopback oder in ein privates Netz.',
  'engine.risk.malwarePort': 'Port {port} ist von Schadsoftware bekannt ({malware}); prüfen Sie, welches Programm ihn verwendet.',
  'engine.probe.refused': 'Verbindung abgewiesen: Der Host antwortet, aber auf {where} lauscht nichts (Port geschlossen).',
  'engine.probe.udpUnreachable': 'ICMP „Port unreachable“: Auf {where}/udp lauscht nichts (Port geschlossen).',
  'engine.probe.noRoute': 'Keine Route zum Host {address}: Er ist ausgeschaltet, nicht in diesem Netz, oder eine Firewall antwortet für ihn.',
  'engine.probe.netUnreachable': 'Netz nicht erreichbar: Dieser Rechner hat keine Route zu {address}.',
  'engine.probe.prohibited': 'Auf dem Weg zu {where} von einer Firewall blockiert (administratively prohibited).',
  'engine.probe.reset': 'Verbindung von {where} zurückgesetzt.',
  'engine.probe.failed': 'Fehlgeschlagen mit {code} bei {where}.',
  'engine.probe.connected': 'Mit {where} in {rtt, number, ::.00} ms verbunden: Der Port ist offen.',
  'engine.probe.cancelled': 'Abgebrochen.',
  'engine.probe.timeout': 'Keine Antwort von {where} innerhalb von {timeout} ms: Eine Firewall verwirft die Pakete, oder der Host ist ausgeschaltet.',
  'engine.probe.noReply': 'Keine Antwort von {where}/udp innerhalb von {timeout} ms: offen, aber stumm, oder gefiltert (bei UDP nicht zu unterscheiden).',
  'engine.probe.reply': 'Antwort mit {bytes, plural, one {# Byte} other {# Byte}} von {where}/udp in {rtt, number, ::.00} ms: Der Port ist offen.',
  'engine.probe.verdict.none': 'Es wurde kein Versuch zu {target} unternommen.',
  'engine.probe.verdict.udpOpen': '{target} antwortet: Der Port ist offen.',
  'engine.probe.verdict.open': '{target} ist erreichbar: Der Port ist offen.',
  'engine.probe.verdict.unreliable': '{target} ist erreichbar, aber {failed} von {total} Versuchen schlugen fehl: Die Verbindung ist unzuverlässig.',
  'engine.probe.verdict.closed': '{target} ist geschlossen: Der Host antwortet, aber auf diesem Port lauscht nichts.',
  'engine.probe.verdict.timeout': '{target} hat nicht geantwortet: gefiltert von einer Firewall, die Pakete verwirft, oder der Host ist ausgeschaltet.',
  'engine.probe.verdict.silent': '{target} blieb stumm: offen|gefiltert (ein offener UDP-Dienst ignoriert unbekannte Datagramme womöglich).',
  'engine.probe.verdict.noRoute': '{host} ist nicht erreichbar: keine Route zum Host oder zu seinem Netz.',
  'engine.probe.verdict.prohibited': '{target} wird von einer Firewall blockiert, die das auch meldet (administratively prohibited).',
  'engine.probe.verdict.unresolved': '{host} ließ sich nicht auflösen: Prüfen Sie den Namen oder Ihre DNS-Einstellungen.',
  'engine.probe.verdict.unreachable': '{target} ist nicht erreichbar ({outcomes}).',
  'engine.probe.verdict.cancelledPrefix': 'Abgebrochen nach {sent} von {count, plural, one {# Versuch} other {# Versuchen}}.',
  'engine.close.notAddresses': '{what}: Beide Enden müssen IP-Adressen sein, wie die Socket-Tabelle sie zeigt.',
  'engine.close.notOpen': 'Keine TCP-Verbindung {what} ist derzeit offen.',
  'engine.close.notEstablished': 'TCP {what} ist {states}: Getrennt werden nur aufgebaute Verbindungen, nie ein lauschender Port.',
  'engine.close.unsupported': '{note, select, none {Verbindungen lassen sich hier nicht trennen.} other {Verbindungen lassen sich hier nicht trennen: {note}}}',
  'engine.close.closedMeanwhile': 'TCP {what} wurde von selbst geschlossen, bevor Portscope sie trennen konnte.',
  'engine.close.denied':
    'Keine Berechtigung, TCP {what} von {owner, select, known {{process} (PID {pid})} other {einem für Portscope unsichtbaren Prozess}} zu trennen: Als root (sudo) ausführen; der Kernel erlaubt das Abbrechen eines Sockets nur mit CAP_NET_ADMIN.',
  'engine.close.kernelCannot': 'Dieser Kernel kann keine Verbindungen trennen (dafür ist CONFIG_INET_DIAG_DESTROY nötig): TCP {what} ist weiterhin offen.',
  'engine.close.stillOpen': 'Der Kernel hat das Trennen angenommen, aber TCP {what} ist weiterhin aufgebaut.',
  'engine.close.closed':
    'TCP {what} von {owner, select, known {{process} (PID {pid})} other {einem für Portscope unsichtbaren Prozess}} getrennt: Die Verbindung ist für beide Seiten abgebrochen.',
  'engine.ports.notPort': '„{item}“ ist weder ein Port noch ein Bereich noch eine Vorlage (Vorlagen: {presets})',
  'engine.ports.range': 'Port {port} gibt es nicht: gültige Ports sind 1 bis 65535',
  'engine.ports.none': 'keine Ports angegeben (--ports ist leer): z. B. 22,80,443, 8000-8100, - (alle) oder eine Vorlage verwenden',
  'engine.ports.emptyItem': 'leerer Eintrag in der Portliste „{spec}“',
  'engine.ports.backwards': 'im Portbereich {item} ist der Anfang größer als das Ende: {fix} schreiben',
  'engine.targets.ipv4': '„{spec}“ ist keine gültige IPv4-Adresse',
  'engine.targets.octet': '„{spec}“ ist keine gültige IPv4-Adresse: {octet} ist größer als 255',
  'engine.targets.scoped': '„{spec}“: IPv6-Adressen mit Zone (%Schnittstelle) werden beim Scannen nicht unterstützt',
  'engine.targets.ipv6': '„{spec}“ ist keine gültige IPv6-Adresse',
  'engine.targets.prefixNotNumber': '„{spec}“: die Präfixlänge „{prefix}“ ist keine Zahl',
  'engine.targets.prefixTooLong': '„{spec}“: die Präfixlänge {prefix} ist größer als {max}',
  'engine.targets.blockTooLarge': '„{spec}“ umfasst 2^{bits} Adressen; höchstens {max} Hosts auf einmal scannen ({prefix} oder länger verwenden)',
  'engine.targets.rangeOctet': '„{spec}“: {octet} ist größer als 255',
  'engine.targets.backwards': 'im Adressbereich „{spec}“ ist der Anfang größer als das Ende',
  'engine.targets.rangeTooLarge': '„{spec}“ umfasst {count} Adressen; höchstens {max} auf einmal scannen',
  'engine.targets.empty': 'leeres Ziel: eine Adresse, einen Namen, einen CIDR-Block oder einen Bereich angeben',
  'engine.targets.unknown': '„{spec}“ ist weder eine IP-Adresse noch ein CIDR-Block, ein Bereich oder ein Hostname',
  'engine.targets.none': 'keine Ziele angegeben',
  'engine.targets.unresolved': '„{name}“ lässt sich nicht auflösen ({reason, select, none {diesen Namen gibt es nicht} other {{reason}}})',
  'engine.targets.noAddresses': '„{name}“ lässt sich nicht auflösen (keine Adressen)',
  'engine.scan.unauthorized':
    '{list}{more, plural, =0 {} other { und # weitere}} {count, plural, one {liegt} other {liegen}} außerhalb Ihrer lokalen Netze. Hosts zu scannen, die Sie nicht selbst verwalten, kann dort, wo Sie leben, verboten sein und verstößt oft gegen die Regeln Ihres Providers. Ohne Bestätigung werden nur Ziele auf Loopback, in privaten Netzen (RFC 1918) und in Unique-Local-Netzen gescannt; Link-Local-Ziele (169.254.0.0/16, fe80::/10, Cloud-Metadatendienste) brauchen sie ebenfalls. Bestätigen Sie, dass Sie {count, plural, one {dieses Ziel} other {diese Ziele}} scannen dürfen (--i-am-authorized).',
  'engine.probe.unauthorized': '{target} liegt außerhalb Ihrer lokalen Netze. Hosts zu scannen, die Sie nicht selbst verwalten, kann dort, wo Sie leben, verboten sein und verstößt oft gegen die Regeln Ihres Providers. Ohne Bestätigung werden nur Ziele auf Loopback, in privaten Netzen (RFC 1918) und in Unique-Local-Netzen gescannt; Link-Local-Ziele (169.254.0.0/16, fe80::/10, Cloud-Metadatendienste) brauchen sie ebenfalls. Bestätigen Sie, dass Sie dieses Ziel testen dürfen (--i-am-authorized).',
  'engine.capability.linux.trafficCounters':
    'TCP-Byte-Zähler und RTT kommen vom Kernel (tcp_info, wie bei `ss -ti`); für UDP-Sockets zählt der Kernel keine Bytes',
  'engine.capability.linux.trafficCountersNative':
    'Byte-Zähler brauchen den nativen sock_diag-Leser (er wurde nicht gebaut, oder Netlink ist nicht verfügbar); /proc/net hat keine',
  'engine.capability.windows.trafficCountersNoHelper':
    'Byte-Zähler pro Verbindung brauchen die IP-Helper-API, die sich nicht laden ließ (koffi)',
  'engine.capability.windows.trafficCountersMissing':
    'dieser iphlpapi fehlt {missing}{wine, select, yes { (Wine setzt sie nicht um)} other {}}: Verbindungen zeigen weder Bytes noch RTT',
  'engine.capability.windows.trafficCountersRefused':
    'Windows hat es abgelehnt, hier die Statistik pro Verbindung einzuschalten (SetPerTcpConnectionEStats: nicht unterstützt): Verbindungen zeigen weder Bytes noch RTT',
  'engine.capability.windows.trafficCountersElevation':
    'als Administrator ausführen, um Bytes und RTT jeder Verbindung zu sehen: Nur ein Administrator mit erhöhten Rechten darf die Windows-Statistik pro Verbindung einschalten (SetPerTcpConnectionEStats)',
  'engine.capability.windows.trafficCounters':
    'Bytes und RTT aufgebauter Verbindungen aus der Windows-Statistik pro Verbindung (GetPerTcpConnectionEStats). Windows zählt erst, wenn sie für eine Verbindung eingeschaltet ist, und Portscope schaltet sie ein, sobald es die Verbindung sieht: Die Zählung beginnt dann bei 0, nicht beim Öffnen der Verbindung.',
  'engine.capability.windows.closeConnectionNoHelper':
    'zum Trennen von Verbindungen ist die IP-Helper-API nötig, die sich nicht laden ließ (koffi)',
  'engine.capability.windows.closeConnectionWine':
    'SetTcpEntry ist unter Wine nur ein Platzhalter, der Erfolg meldet, ohne etwas zu trennen; deshalb ruft Portscope es unter Wine nicht auf',
  'engine.capability.windows.closeConnection':
    'Windows löscht die Verbindung (SetTcpEntry mit MIB_TCP_STATE_DELETE_TCB, wie TCPView): Beide Seiten erhalten einen Reset. Nur IPv4: Für IPv6-Verbindungen hat Windows keinen solchen Aufruf.',
  'engine.capability.windows.closeConnectionUser':
    'als Administrator ausführen, um Verbindungen zu trennen (SetTcpEntry braucht erhöhte Rechte); IPv6-Verbindungen lassen sich unter Windows gar nicht trennen',
  'engine.capability.darwin.trafficCountersLsof':
    'Byte-Zähler pro Socket kommen von netstat, das sich nicht lesen ließ (lsof hat keine)',
  'engine.capability.darwin.trafficCountersNoColumns':
    'dieses netstat gab keine Spalten rxbytes/txbytes aus: Sockets zeigen keine Bytes',
  'engine.capability.darwin.trafficCounters':
    'ein- und ausgehende Bytes jedes TCP- und UDP-Sockets, die Zählung des Kernels aus `netstat -anvb` (rxbytes/txbytes), für alle Benutzer ohne sudo; eine RTT liefert macOS dort nicht',
  'engine.close.deniedReason':
    'Keine Berechtigung, TCP {what} von {owner, select, known {{process} (PID {pid})} other {einem für Portscope unsichtbaren Prozess}} zu trennen: {reason}.',
  'engine.close.unsupportedReason': 'TCP {what} lässt sich nicht trennen: {reason}. Die Verbindung ist weiterhin offen.',
  'engine.history.none': 'in {dir} wurde noch kein Verlauf aufgezeichnet (`portscope agent`, `portscope serve` oder die App starten)',
  'engine.history.noBaseline': 'es wurde noch keine Baseline gespeichert („Alle als bekannt markieren“ oder `portscope baseline save`)',
  'engine.probe.outcome': '{outcome, select, connected {verbunden} refused {abgewiesen} timeout {Zeitüberschreitung} no_route {keine Route} prohibited {blockiert} reply {Antwort} no_reply {keine Antwort} unresolved {nicht aufgelöst} other {Fehler}}',
  'engine.diagnose.reachability.detail': '{endpoint}: {outcome, select, connected {verbunden} refused {abgewiesen} timeout {Zeitüberschreitung} no_route {keine Route} prohibited {blockiert} reply {Antwort} no_reply {keine Antwort} unresolved {nicht aufgelöst} other {Fehler}}',
  'engine.diagnose.reachability.detailRtt': '{endpoint}: {outcome, select, connected {verbunden} refused {abgewiesen} timeout {Zeitüberschreitung} no_route {keine Route} prohibited {blockiert} reply {Antwort} no_reply {keine Antwort} unresolved {nicht aufgelöst} other {Fehler}} ({rtt, number, ::.00} ms)',
  'engine.scan.large':
    'Großer Scan: {probes, number} Anfragen an {hosts, plural, one {# Host} other {# Hosts}} dauern {silent, select, same {etwa {fastUnit, select, s {{fast, number} s} min {{fast, number} min} h {{fast, number} h} other {{fast, plural, one {# Tag} other {# Tage}}}}} other {etwa {fastUnit, select, s {{fast, number} s} min {{fast, number} min} h {{fast, number} h} other {{fast, plural, one {# Tag} other {# Tage}}}}, wenn die Hosts antworten, und bis zu {slowUnit, select, s {{slow, number} s} min {{slow, number} min} h {{slow, number} h} other {{slow, plural, one {# Tag} other {# Tage}}}}, wenn sie schweigen}}. Scans über mehr als {maxHosts, number} Hosts oder {maxProbes, number} Anfragen müssen bestätigt werden: Grenzen Sie den Scan ein oder bestätigen Sie ihn (--force auf der Befehlszeile).',
  'engine.history.failed':
    '{stage, select, open {Verlauf ist aus} close {Beim Schließen des Verlaufs} baseline {Beim Lesen der Baseline} lease {Beim Übernehmen der Schreibberechtigung} tick {Beim Aufzeichnen einer Messung} log {Beim Schreiben des Änderungsprotokolls} traffic {Beim Aufzeichnen des Datenverkehrs} heartbeat {Lebenszeichen des Verlaufs} retention {Beim Aufräumen alter Einträge} other {{stage}}}: {error}',
  'engine.report.pathNotAbsolute': "der Pfad des Berichts muss absolut sein, nicht ''{file}''",
  'engine.report.wrongExtension': 'ein {format}-Bericht muss als {extension}-Datei gespeichert werden, nicht als {file}',
  'engine.history.unknownOwnerLane': '(Besitzer unbekannt)',
  'engine.history.since': '{since, select, hour {vor einer Stunde} yesterday {gestern um diese Zeit} boot {Systemstart} baseline {Baseline vom {time}} other {{time}}}',
  'engine.history.cannotOpen': 'der Verlauf in {dir} lässt sich nicht öffnen: {error}',
  'engine.history.timelineRange': 'die Zeitleiste braucht since < until, als ISO-Zeiten',
  'engine.history.notATime': 'keine gültige Zeit: {time}',
  'engine.report.unknownFormat': "unbekanntes Berichtsformat „{format}“: möglich sind {formats}",
  'engine.report.formatMismatch': '--format {format} passt nicht zum Dateinamen {file} (eine {extension}-Datei)',
  'engine.report.sayFormat': 'geben Sie das Format mit --format an ({formats})',
  'engine.report.pdfInApp': 'PDF erstellt die Desktop-App (Als PDF exportieren); schreiben Sie hier .html und drucken Sie die Datei aus einem Browser',
  'engine.report.unknownExtension': "unbekanntes Berichtsformat „{extension}“: nennen Sie die Datei .json, .csv, .html oder .md, oder geben Sie --format an",
  'engine.report.noExtension': "das Format von „{file}“ ist nicht erkennbar: nennen Sie die Datei .json, .csv, .html oder .md, oder geben Sie --format an",
  'engine.history.noSqlite': 'diesem Node.js fehlt node:sqlite (der Verlauf braucht Node 22.13 oder neuer)',
};
