import type { en } from './en';
import { firewallNl } from './firewall.nl';

export const nl: Record<keyof typeof en, string> = {
  ...firewallNl,
  'engine.diagnose.listening.name': 'Luistert er een proces?',
  'engine.diagnose.process.name': 'Welk proces, sinds wanneer?',
  'engine.diagnose.addresses.name': 'Op welke adressen?',
  'engine.diagnose.targets.name': 'Welke adressen worden geprobeerd?',
  'engine.diagnose.reachability.name': 'Bereikbaar op elk lokaal adres?',
  'engine.diagnose.firewall.name': 'Speelt een regel van de lokale firewall mee?',

  'engine.diagnose.listening.none': 'Er luistert niets op poort {label}.',
  'engine.diagnose.listening.noneOtherProtocol': 'Er luistert niets op poort {label}. (Op {other} luistert wel iets: verkeerd protocol?)',
  'engine.diagnose.listening.open': 'Poort {label} neemt verbindingen aan ({count, plural, one {# luisterende socket} other {# luisterende sockets}}).',

  'engine.diagnose.process.noListener': 'Er luistert niets, dus er is geen proces om te tonen.',
  'engine.diagnose.process.hidden': 'Het proces achter de socket is verborgen: het hoort bij een andere gebruiker (voer dit als root uit om het te zien).',
  'engine.diagnose.process.noOwner': 'Geen zichtbaar proces is eigenaar van de socket (een andere container of de kernel).',
  'engine.diagnose.process.heldBy': 'In gebruik door {processes}.',
  'engine.diagnose.process.exited': 'Het proces achter de socket is inmiddels gestopt.',
  'engine.diagnose.process.exitedMeanwhile': 'pid {pid}: inmiddels gestopt',

  'engine.diagnose.addresses.noListener': 'Er luistert niets op de poort.',
  'engine.diagnose.addresses.loopbackOnly': 'Alleen op loopback: alleen vanaf deze computer bereikbaar, niet vanaf andere computers.',
  'engine.diagnose.addresses.every': 'Op elk adres, IPv4 en IPv6.',
  'engine.diagnose.addresses.everyV4': 'Op elk IPv4-adres (IPv6-clients kunnen geen verbinding maken).',
  'engine.diagnose.addresses.v6Only': 'Op alle IPv6-adressen, niet op IPv4 (socket alleen voor IPv6): IPv4-clients kunnen geen verbinding maken.',
  'engine.diagnose.addresses.specific':
    'Alleen op bepaalde adressen: {addresses}. Clients moeten {count, plural, one {dit adres} other {een van deze adressen}} gebruiken.',
  'engine.diagnose.addresses.dualStack': '{address} (IPv4 en IPv6)',

  'engine.diagnose.targets.loopbackOthers': 'Alleen loopback, zoals gevraagd: verbinding met {targets}; niet met de andere adressen van deze computer ({others}).',
  'engine.diagnose.targets.loopbackAlone': 'Alleen loopback, zoals gevraagd: verbinding met {targets} (deze computer heeft geen ander adres).',
  'engine.diagnose.targets.own':
    'Verbinding met poort {port} op de eigen adressen van deze computer: {targets}. (Met --loopback-only, of ‘Alleen loopback’ in de app, worden alleen 127.0.0.1 en ::1 geprobeerd.)',
  'engine.diagnose.targets.alone': 'Verbinding met poort {port} op {targets} (deze computer heeft geen ander adres).',
  'engine.diagnose.targets.notTried': 'niet geprobeerd: {address}',
  'engine.diagnose.targets.onInterface': '{address} op {iface}',

  'engine.diagnose.reachability.all': '{count, plural, one {Bereikbaar op het enige lokale adres.} other {Bereikbaar op alle # lokale adressen.}}',
  'engine.diagnose.reachability.some': 'Bereikbaar op {good}; niet op {bad}.',
  'engine.diagnose.reachability.udpNoReply':
    'Op geen enkel lokaal adres een UDP-antwoord: de dienst negeert misschien onbekende datagrammen, of een firewall gooit ze weg.',
  'engine.diagnose.reachability.none':
    'Op geen enkel lokaal adres bereikbaar: {reason, select, timeout {verbindingen verlopen zonder antwoord (gooit een firewall ze weg?)} refused {verbindingen worden geweigerd} other {{outcomes}}}.',

  'engine.diagnose.firewall.unreadable':
    '{tool, select, none {De firewallregels konden niet worden gelezen ({reason}).} other {De regels van {tool} konden niet worden gelezen ({reason}).}}',
  'engine.diagnose.firewall.blocks':
    '{action, select, drop {Een {source}-regel gooit verkeer naar poort {label} weg: {rule}} other {Een {source}-regel weigert verkeer naar poort {label}: {rule}}}',
  'engine.diagnose.firewall.accepts': 'Een {source}-regel laat poort {label} door.',
  'engine.diagnose.firewall.dropPolicy':
    'Het standaardbeleid van de input-chain is ‘drop’ en geen enkele {source}-regel noemt poort {port}: andere computers worden waarschijnlijk geblokkeerd.',
  'engine.diagnose.firewall.noRule': 'Geen enkele {source}-regel noemt poort {label}.',
  'engine.diagnose.firewall.osBlocks': 'Een regel van {tool} blokkeert poort {label}: {rule}',
  'engine.diagnose.firewall.osAllows': 'Een regel van {tool} laat poort {label} door.',
  'engine.diagnose.firewall.osDropPolicy': 'Geen regel van {tool} laat poort {label} door, en {policies}: andere computers worden waarschijnlijk geblokkeerd.',
  'engine.diagnose.firewall.osNoRule': 'Geen regel van {tool} heeft invloed op poort {label}.',
  'engine.diagnose.checkFailed': 'Deze controle kon niet worden uitgevoerd: {error}',

  'engine.diagnose.verdict.notListening.summary': 'Geen enkel programma luistert op poort {label}, dus elke client wordt geweigerd.',
  'engine.diagnose.verdict.notListening.next':
    'Start de dienst en controleer in de configuratie op welke poort hij moet luisteren (en voer deze controle daarna opnieuw uit).',
  'engine.diagnose.verdict.blocked.summary': 'Er luistert een programma op {label}, maar een regel van de lokale firewall blokkeert het.',
  'engine.diagnose.verdict.blocked.next': 'Pas de regel aan of verwijder hem ({rule}), of zet ervóór een regel die poort {port} toelaat.',
  'engine.diagnose.verdict.unreachable.summary': 'Er luistert een programma op {label}, maar verbindingen ermee mislukken op elk lokaal adres.',
  'engine.diagnose.verdict.unreachable.nextWindows':
    'De regels van Windows Firewall konden niet worden gelezen: voer dit uit in een terminal die als administrator is geopend, of kijk in wf.msc → Regels voor binnenkomende verbindingen; en controleer de toegangsregels van de dienst zelf.',
  'engine.diagnose.verdict.unreachable.nextRoot':
    'De firewallregels konden niet worden gelezen: voer dit als root uit (sudo portscope diagnose …) om ze te controleren, en controleer de toegangsregels van de dienst zelf.',
  'engine.diagnose.verdict.unreachable.next':
    'Controleer de toegangsregels van de dienst zelf (allow/deny-lijsten, bind-instellingen) en elk filter dat ervoor zit.',
  'engine.diagnose.verdict.localOnly.summary': 'Poort {label} luistert alleen op loopback: deze computer kan verbinding maken, andere computers niet.',
  'engine.diagnose.verdict.localOnly.next':
    'Stel de dienst zo in dat hij op 0.0.0.0 (of ::, of het LAN-adres) luistert in plaats van op 127.0.0.1, en herstart hem.',
  'engine.diagnose.verdict.udpUnknown.summary': 'Er luistert een programma op {label}, maar het gaf geen antwoord op een testdatagram.',
  'engine.diagnose.verdict.udpUnknown.next':
    'Test met een echte client van dat protocol; UDP-diensten negeren vaak datagrammen die ze niet begrijpen.',
  'engine.diagnose.verdict.ok.summaryLoopback':
    'Poort {label} luistert en is bereikbaar via loopback (de andere adressen van deze computer zijn, zoals gevraagd, niet geprobeerd).',
  'engine.diagnose.verdict.ok.summary': 'Poort {label} luistert en is bereikbaar op de adressen van deze computer.',
  'engine.diagnose.verdict.ok.next':
    'Kunnen clients elders nog steeds geen verbinding maken, zoek dan tussen hen en deze computer: een router- of cloudfirewall, port forwarding (NAT), of een client die het verkeerde adres gebruikt. Probeer het vanaf een client: portscope probe <dit-adres>:{port}',

  'engine.capability.linux.socketOwners': 'voer dit als root (sudo) uit om de eigenaars van sockets van andere gebruikers te zien',
  'engine.capability.linux.processDetails': 'voer dit als root (sudo) uit om programmabestanden en opdrachtregels van andere gebruikers te zien',
  'engine.capability.linux.firewallRules': 'voer dit als root (sudo) uit om de nftables/iptables-regels te lezen',
  'engine.capability.unix.endProcess': '‘Beëindigen’ stuurt SIGTERM (het proces kan opruimen en stoppen); ‘Geforceerd stoppen’ stuurt SIGKILL.',
  'engine.capability.linux.endProcessUser':
    '‘Beëindigen’ stuurt SIGTERM (het proces kan opruimen en stoppen); ‘Geforceerd stoppen’ stuurt SIGKILL. Voor processen van andere gebruikers is root nodig.',
  'engine.capability.linux.closeConnection': 'de kernel breekt de verbinding af (SOCK_DESTROY, zoals `ss -K`); daarvoor is CONFIG_INET_DIAG_DESTROY nodig',
  'engine.capability.linux.closeConnectionUser':
    'voer dit als root (sudo) uit om verbindingen te verbreken: de kernel laat alleen CAP_NET_ADMIN een socket afbreken',
  'engine.capability.windows.socketOwnersWine':
    'Wine noemt de eigenaars van TCP-sockets niet (alleen die van zijn eigen UDP-sockets): ze staan er als onbekend',
  'engine.capability.windows.socketOwnersNetstat': 'gelezen uit `netstat -ano` en `tasklist`: de IP Helper-API kon niet worden geladen',
  'engine.capability.windows.processDetailsNetstat':
    'alleen de procesnamen zijn bekend: de IP Helper-API (koffi) kon niet worden geladen, dus zijn netstat en tasklist gelezen',
  'engine.capability.windows.processDetails':
    'voer dit als administrator uit om pad, opdrachtregel en account van processen van andere gebruikers te zien',
  'engine.capability.windows.firewallRules': 'de regels van Windows Firewall worden gelezen met PowerShell Get-NetFirewallRule',
  'engine.capability.windows.endProcess':
    'Windows kent geen SIGTERM: ‘Beëindigen’ en ‘Geforceerd stoppen’ roepen allebei TerminateProcess aan, dat het proces meteen stopt zonder het te laten opruimen.',
  'engine.capability.windows.endProcessUser':
    'Windows kent geen SIGTERM: ‘Beëindigen’ en ‘Geforceerd stoppen’ roepen allebei TerminateProcess aan, dat het proces meteen stopt zonder het te laten opruimen. Voor processen van andere gebruikers zijn administratorrechten nodig.',
  'engine.capability.darwin.socketOwners': 'gelezen uit `netstat -anv`; de terugvaloptie lsof ziet zonder sudo alleen je eigen processen',
  'engine.capability.darwin.processDetails': 'voer dit uit met sudo om de opdrachtregels van processen van andere gebruikers te zien',
  'engine.capability.darwin.firewallRules': 'voer dit uit met sudo om de pf-regels te lezen; de status van de programmafirewall is ook zonder root te zien',
  'engine.capability.darwin.endProcessUser':
    '‘Beëindigen’ stuurt SIGTERM (het proces kan opruimen en stoppen); ‘Geforceerd stoppen’ stuurt SIGKILL. Voor processen van andere gebruikers is sudo nodig.',
  'engine.capability.darwin.closeConnection': 'macOS biedt geen manier om de TCP-verbinding van een ander proces af te breken',

  'engine.risk.cleartext': '{protocol} verstuurt wachtwoorden en gegevens onversleuteld.',
  'engine.risk.remoteAdminExposed':
    '{service} is bereikbaar vanaf andere computers ({exposure, select, all {op alle interfaces} other {via een niet-loopbackadres}}): zorg dat een firewall of sterke authenticatie de toegang bewaakt.',
  'engine.risk.databaseExposed': '{database} luistert op alle interfaces; databases horen meestal op loopback of in een privénetwerk.',
  'engine.risk.malwarePort': 'Poort {port} is een bekende malwarepoort ({malware}); controleer welk programma hem gebruikt.',
  'engine.probe.refused': 'Verbinding geweigerd: de host antwoordt, maar er luistert niets op {where} (poort gesloten).',
  'engine.probe.udpUnreachable': 'ICMP ‘port unreachable’: er luistert niets op {where}/udp (poort gesloten).',
  'engine.probe.noRoute': 'Geen route naar host {address}: hij staat uit, zit niet in dit netwerk, of een firewall antwoordt namens hem.',
  'engine.probe.netUnreachable': 'Netwerk onbereikbaar: deze computer heeft geen route naar {address}.',
  'engine.probe.prohibited': 'Onderweg naar {where} geblokkeerd door een firewall (administratively prohibited).',
  'engine.probe.reset': 'Verbinding verbroken door {where}.',
  'engine.probe.failed': 'Mislukt met {code} op {where}.',
  'engine.probe.connected': 'Verbonden met {where} in {rtt, number, ::.00} ms: de poort is open.',
  'engine.probe.cancelled': 'Geannuleerd.',
  'engine.probe.timeout': 'Geen antwoord van {where} binnen {timeout} ms: een firewall gooit de pakketten weg, of de host staat uit.',
  'engine.probe.noReply': 'Geen antwoord van {where}/udp binnen {timeout} ms: open maar stil, of gefilterd (bij UDP niet te onderscheiden).',
  'engine.probe.reply': 'Antwoord van {bytes, plural, one {# byte} other {# bytes}} van {where}/udp in {rtt, number, ::.00} ms: de poort is open.',
  'engine.probe.verdict.none': 'Er is geen poging gedaan naar {target}.',
  'engine.probe.verdict.udpOpen': '{target} antwoordt: de poort is open.',
  'engine.probe.verdict.open': '{target} is bereikbaar: de poort is open.',
  'engine.probe.verdict.unreliable': '{target} is bereikbaar, maar {failed} van de {total} pogingen mislukten: de verbinding is onbetrouwbaar.',
  'engine.probe.verdict.closed': '{target} is gesloten: de host antwoordt, maar er luistert niets op die poort.',
  'engine.probe.verdict.timeout': '{target} gaf geen antwoord: gefilterd door een firewall die pakketten weggooit, of de host staat uit.',
  'engine.probe.verdict.silent': '{target} bleef stil: open|filtered (een open UDP-dienst negeert misschien onbekende datagrammen).',
  'engine.probe.verdict.noRoute': '{host} is niet bereikbaar: geen route naar de host of zijn netwerk.',
  'engine.probe.verdict.prohibited': '{target} wordt geblokkeerd door een firewall die dat ook meldt (administratively prohibited).',
  'engine.probe.verdict.unresolved': '{host} kon niet worden opgezocht: controleer de naam of je DNS-instellingen.',
  'engine.probe.verdict.unreachable': '{target} is niet bereikbaar ({outcomes}).',
  'engine.probe.verdict.cancelledPrefix': 'Geannuleerd na {sent} van {count, plural, one {# poging} other {# pogingen}}.',
  'engine.close.notAddresses': '{what}: beide kanten moeten IP-adressen zijn, zoals de sockettabel ze toont.',
  'engine.close.notOpen': 'Er is nu geen TCP-verbinding {what} open.',
  'engine.close.notEstablished': 'TCP {what} is {states}: alleen tot stand gebrachte verbindingen worden verbroken, nooit een luisterende poort.',
  'engine.close.unsupported': '{note, select, none {Verbindingen verbreken kan hier niet.} other {Verbindingen verbreken kan hier niet: {note}}}',
  'engine.close.closedMeanwhile': 'TCP {what} werd vanzelf gesloten voordat Portscope de verbinding kon verbreken.',
  'engine.close.denied':
    'Geen toestemming om TCP {what} van {owner, select, known {{process} (pid {pid})} other {een proces dat Portscope niet kan zien}} te verbreken: voer dit als root (sudo) uit; de kernel laat alleen CAP_NET_ADMIN een socket afbreken.',
  'engine.close.kernelCannot': 'Deze kernel kan geen verbindingen verbreken (daarvoor is CONFIG_INET_DIAG_DESTROY nodig): TCP {what} is nog open.',
  'engine.close.stillOpen': 'De kernel heeft het verbreken aangenomen, maar TCP {what} staat nog steeds op ESTABLISHED.',
  'engine.close.closed':
    'TCP {what} van {owner, select, known {{process} (pid {pid})} other {een proces dat Portscope niet kan zien}} verbroken: voor beide kanten is de verbinding afgebroken.',
  'engine.ports.notPort': '‘{item}’ is geen poort, bereik of voorinstelling (voorinstellingen: {presets})',
  'engine.ports.range': 'poort {port} valt buiten het bereik: poorten lopen van 1 tot en met 65535',
  'engine.ports.none': 'geen poorten opgegeven (--ports is leeg): gebruik bijv. 22,80,443, 8000-8100, - (alle) of een voorinstelling',
  'engine.ports.emptyItem': 'leeg onderdeel in de poortlijst ‘{spec}’',
  'engine.ports.backwards': 'het poortbereik {item} loopt achterstevoren: schrijf {fix}',
  'engine.targets.ipv4': '‘{spec}’ is geen geldig IPv4-adres',
  'engine.targets.octet': '‘{spec}’ is geen geldig IPv4-adres: {octet} is groter dan 255',
  'engine.targets.scoped': '‘{spec}’: IPv6-adressen met een zone (%interface) worden bij scans niet ondersteund',
  'engine.targets.ipv6': '‘{spec}’ is geen geldig IPv6-adres',
  'engine.targets.prefixNotNumber': '‘{spec}’: de prefixlengte ‘{prefix}’ is geen getal',
  'engine.targets.prefixTooLong': '‘{spec}’: de prefixlengte {prefix} is groter dan {max}',
  'engine.targets.blockTooLarge': '‘{spec}’ bevat 2^{bits} adressen; scan hoogstens {max} hosts tegelijk (gebruik {prefix} of langer)',
  'engine.targets.rangeOctet': '‘{spec}’: {octet} is groter dan 255',
  'engine.targets.backwards': 'het adresbereik ‘{spec}’ loopt achterstevoren',
  'engine.targets.rangeTooLarge': '‘{spec}’ bevat {count} adressen; scan hoogstens {max} tegelijk',
  'engine.targets.empty': 'leeg doel: geef een adres, een naam, een CIDR-blok of een bereik op',
  'engine.targets.unknown': '‘{spec}’ is geen IP-adres, CIDR-blok, bereik of hostnaam',
  'engine.targets.none': 'geen doelen opgegeven',
  'engine.targets.unresolved': '‘{name}’ kan niet worden opgezocht ({reason, select, none {deze naam bestaat niet} other {{reason}}})',
  'engine.targets.noAddresses': '‘{name}’ kan niet worden opgezocht (geen adressen)',
  'engine.scan.unauthorized':
    '{list}{more, plural, =0 {} other { en nog #}} {count, plural, one {ligt} other {liggen}} buiten je lokale netwerken. Hosts scannen die je niet zelf beheert, kan verboden zijn waar je woont en is vaak in strijd met de regels van je provider. Zonder bevestiging worden alleen doelen op loopback, in privénetwerken (RFC 1918) en in unique-local-netwerken gescand; link-local-doelen (169.254.0.0/16, fe80::/10, metadatadiensten in de cloud) hebben die bevestiging ook nodig. Bevestig dat je {count, plural, one {dit doel} other {deze doelen}} mag scannen (--i-am-authorized).',
  'engine.probe.unauthorized': '{target} ligt buiten je lokale netwerken. Hosts scannen die je niet zelf beheert, kan verboden zijn waar je woont en is vaak in strijd met de regels van je provider. Zonder bevestiging worden alleen doelen op loopback, in privénetwerken (RFC 1918) en in unique-local-netwerken gescand; link-local-doelen (169.254.0.0/16, fe80::/10, metadatadiensten in de cloud) hebben die bevestiging ook nodig. Bevestig dat je dit doel mag testen (--i-am-authorized).',
  'engine.capability.linux.trafficCounters':
    'TCP-bytetellers en RTT komen van de kernel (tcp_info, zoals bij `ss -ti`); voor UDP-sockets telt de kernel geen bytes',
  'engine.capability.linux.trafficCountersNative':
    'bytetellers hebben de eigen sock_diag-lezer nodig (die is niet gebouwd, of netlink is niet beschikbaar); /proc/net heeft ze niet',
  'engine.capability.windows.trafficCountersNoHelper':
    'bytetellers per verbinding hebben de IP Helper-API nodig, die niet kon worden geladen (koffi)',
  'engine.capability.windows.trafficCountersMissing':
    'deze iphlpapi mist {missing}{wine, select, yes { (Wine heeft ze niet)} other {}}: verbindingen tonen geen bytes of RTT',
  'engine.capability.windows.trafficCountersRefused':
    'Windows weigerde hier de statistieken per verbinding aan te zetten (SetPerTcpConnectionEStats: niet ondersteund): verbindingen tonen geen bytes of RTT',
  'engine.capability.windows.trafficCountersElevation':
    'voer dit als administrator uit om de bytes en RTT van elke verbinding te zien: alleen een administrator met verhoogde rechten mag de Windows-statistieken per verbinding aanzetten (SetPerTcpConnectionEStats)',
  'engine.capability.windows.trafficCounters':
    'bytes en RTT van tot stand gebrachte verbindingen uit de Windows-statistieken per verbinding (GetPerTcpConnectionEStats). Windows telt pas als ze voor een verbinding aanstaan, en Portscope zet ze aan zodra het de verbinding ziet: het tellen begint dan bij 0, niet bij het openen van de verbinding.',
  'engine.capability.windows.closeConnectionNoHelper':
    'verbindingen verbreken heeft de IP Helper-API nodig, die niet kon worden geladen (koffi)',
  'engine.capability.windows.closeConnectionWine':
    'SetTcpEntry is onder Wine een lege functie die succes meldt zonder iets te verbreken, dus Portscope roept hem onder Wine niet aan',
  'engine.capability.windows.closeConnection':
    'Windows verwijdert de verbinding (SetTcpEntry met MIB_TCP_STATE_DELETE_TCB, zoals TCPView): voor beide kanten wordt hij verbroken (reset). Alleen IPv4: voor IPv6-verbindingen heeft Windows zo’n aanroep niet.',
  'engine.capability.windows.closeConnectionUser':
    'voer dit als administrator uit om verbindingen te verbreken (SetTcpEntry vraagt om verhoogde rechten); IPv6-verbindingen kunnen op Windows helemaal niet worden verbroken',
  'engine.capability.darwin.trafficCountersLsof':
    'bytetellers per socket komen van netstat, dat niet kon worden gelezen (lsof heeft ze niet)',
  'engine.capability.darwin.trafficCountersNoColumns':
    'deze netstat toonde geen kolommen rxbytes/txbytes: sockets tonen geen bytes',
  'engine.capability.darwin.trafficCounters':
    'bytes in en uit voor elke TCP- en UDP-socket, de eigen tellingen van de kernel uit `netstat -anvb` (rxbytes/txbytes), voor alle gebruikers zonder sudo; macOS geeft daar geen RTT',
  'engine.close.deniedReason':
    'Geen toestemming om TCP {what} van {owner, select, known {{process} (pid {pid})} other {een proces dat Portscope niet kan zien}} te verbreken: {reason}.',
  'engine.close.unsupportedReason': 'TCP {what} kan niet worden verbroken: {reason}. De verbinding is nog open.',
  'engine.history.none': 'in {dir} is nog geen geschiedenis vastgelegd (start `portscope agent`, `portscope serve` of de app)',
  'engine.history.noBaseline': 'er is nog geen nulmeting opgeslagen (‘Alles als bekend markeren’, of `portscope baseline save`)',
  'engine.probe.outcome': '{outcome, select, connected {verbonden} refused {geweigerd} timeout {time-out} no_route {geen route} prohibited {geblokkeerd} reply {antwoord} no_reply {geen antwoord} unresolved {niet gevonden} other {fout}}',
  'engine.diagnose.reachability.detail': '{endpoint}: {outcome, select, connected {verbonden} refused {geweigerd} timeout {time-out} no_route {geen route} prohibited {geblokkeerd} reply {antwoord} no_reply {geen antwoord} unresolved {niet gevonden} other {fout}}',
  'engine.diagnose.reachability.detailRtt': '{endpoint}: {outcome, select, connected {verbonden} refused {geweigerd} timeout {time-out} no_route {geen route} prohibited {geblokkeerd} reply {antwoord} no_reply {geen antwoord} unresolved {niet gevonden} other {fout}} ({rtt, number, ::.00} ms)',
  'engine.scan.large':
    'Grote scan: {probes, number} tests naar {hosts, plural, one {# host} other {# hosts}} duren {silent, select, same {ongeveer {fastUnit, select, s {{fast, number} s} min {{fast, number} min} h {{fast, number} uur} other {{fast, plural, one {# dag} other {# dagen}}}}} other {ongeveer {fastUnit, select, s {{fast, number} s} min {{fast, number} min} h {{fast, number} uur} other {{fast, plural, one {# dag} other {# dagen}}}} als de hosts antwoorden, en tot {slowUnit, select, s {{slow, number} s} min {{slow, number} min} h {{slow, number} uur} other {{slow, plural, one {# dag} other {# dagen}}}} als ze zwijgen}}. Scans van meer dan {maxHosts, number} hosts of {maxProbes, number} tests moeten worden bevestigd: maak de scan kleiner, of bevestig hem (--force op de opdrachtregel).',
  'engine.history.failed':
    '{stage, select, open {Geschiedenis staat uit} close {Bij het sluiten van de geschiedenis} baseline {Bij het lezen van de nulmeting} lease {Bij het overnemen van het schrijfrecht} tick {Bij het vastleggen van een meting} log {Bij het schrijven van het wijzigingslogboek} traffic {Bij het vastleggen van het verkeer} heartbeat {Levensteken van de geschiedenis} retention {Bij het opruimen van oude gegevens} other {{stage}}}: {error}',
  'engine.report.pathNotAbsolute': "het pad van het rapport moet absoluut zijn, niet ''{file}''",
  'engine.report.wrongExtension': 'een {format}-rapport moet als {extension}-bestand worden opgeslagen, niet als {file}',
  'engine.history.unknownOwnerLane': '(eigenaar onbekend)',
  'engine.history.since': '{since, select, hour {een uur geleden} yesterday {gisteren rond deze tijd} boot {het opstarten} baseline {de nulmeting van {time}} other {{time}}}',
  'engine.history.cannotOpen': 'de geschiedenis in {dir} kan niet worden geopend: {error}',
  'engine.history.timelineRange': 'de tijdlijn heeft since < until nodig, als ISO-tijden',
  'engine.history.notATime': 'geen geldige tijd: {time}',
  'engine.report.unknownFormat': "onbekend rapportformaat ‘{format}’: kies uit {formats}",
  'engine.report.formatMismatch': '--format {format} past niet bij de bestandsnaam {file} (een {extension}-bestand)',
  'engine.report.sayFormat': 'geef met --format aan welk formaat je wilt ({formats})',
  'engine.report.pdfInApp': 'PDF maakt de desktop-app (Exporteren als PDF); schrijf hier .html en druk dat af vanuit een browser',
  'engine.report.unknownExtension': "onbekend rapportformaat ‘{extension}’: geef het bestand de extensie .json, .csv, .html of .md, of gebruik --format",
  'engine.report.noExtension': "het formaat van ‘{file}’ is niet te bepalen: geef het de extensie .json, .csv, .html of .md, of gebruik --format",
  'engine.history.noSqlite': 'deze Node.js heeft geen node:sqlite (de geschiedenis vereist Node 22.13 of nieuwer)',
};
