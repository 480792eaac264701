import type { en } from './en';

export const de: Record<keyof typeof en, string> = {
  'platform.linux.readFailed': '{file} konnte nicht gelesen werden: {code}',
  'platform.linux.malformed': '{file}: {count, plural, one {# fehlerhafte Zeile} other {# fehlerhafte Zeilen}} übersprungen',
  'platform.linux.netlinkUnavailable': 'sock_diag-Netlink nicht verfügbar ({code}); stattdessen wird /proc/net gelesen',
  'platform.linux.dualStackExited': 'Dual-Stack-Prüfung: ss wurde mit Exit-Code {code} beendet: {stderr}',
  'platform.linux.dualStackUnavailable': 'Dual-Stack-Prüfung nicht möglich ({reason}); ob IPv6-Sockets auf allen Adressen auch IPv4-Verbindungen annehmen, bleibt unbekannt',
  'platform.ownersDenied':
    '{count, plural, one {# Prozess konnte} other {# Prozesse konnten}} nicht untersucht werden (Zugriff verweigert): als root ausführen, um alle Besitzer zu sehen',
  'platform.unsupported.none': 'Portscope kann unter {platform} keine Sockets lesen',
  'platform.unsupported.failed': 'Der Socket-Leser für {platform} konnte nicht starten: {error}',
  'platform.unsupported.emptyNone':
    'Portscope kann unter {platform} keine Sockets lesen: Die Socket-Tabelle bleibt leer; Scan, Test und Berichte funktionieren trotzdem',
  'platform.unsupported.emptyFailed':
    'Der Socket-Leser für {platform} konnte nicht starten ({error}): Die Socket-Tabelle bleibt leer; Scan, Test und Berichte funktionieren trotzdem',
  'platform.unsupported.noFirewall': 'Unter {platform} kann Portscope keine Firewall-Regeln lesen',
  'platform.toolFailed':
    '{context, select, processDetails {Prozessdetails nicht verfügbar: } processNames {Prozessnamen nicht verfügbar: } socketTable {keine Socket-Tabelle: } other {}}{how, select, signal {{command} wurde durch ein Signal beendet} spawn {{command} konnte nicht gestartet werden} empty {{command} hat keinen Prozess aufgelistet} other {{command} wurde mit Exit-Code {code} beendet}}{hasDetail, select, yes {: {detail}} other {}}',
  'platform.darwin.lsofOwnOnly': 'mit lsof gelesen, das ohne sudo nur die Sockets des aktuellen Benutzers auflistet',
  'platform.windows.tableFailed': 'GetExtended{table}Table (IPv{family}) fehlgeschlagen: Windows-Fehler {status}',
  'platform.windows.tableGrowing': 'Die {protocol}-IPv{family}-Tabelle ist beim Lesen immer weiter gewachsen',
  'platform.windows.estatsFailed':
    'Abruf der Verbindungsstatistik (GetPerTcpConnectionEStats) für {count, plural, one {# Verbindung} other {# Verbindungen}} fehlgeschlagen: Windows-Fehler {status}',
  'platform.windows.fallback': 'Statt der IP-Helper-API werden netstat -ano und tasklist ausgewertet ({reason})',
};
