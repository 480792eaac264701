import type { en } from './en';

export const nl: Record<keyof typeof en, string> = {
  'platform.linux.readFailed': 'kon {file} niet lezen: {code}',
  'platform.linux.malformed': '{file}: {count, plural, one {# ongeldige regel} other {# ongeldige regels}} overgeslagen',
  'platform.linux.netlinkUnavailable': 'sock_diag-netlink niet beschikbaar ({code}); in plaats daarvan wordt /proc/net gelezen',
  'platform.linux.dualStackExited': 'dual-stack-controle: ss stopte met exitcode {code}: {stderr}',
  'platform.linux.dualStackUnavailable': 'dual-stack-controle niet mogelijk ({reason}); of IPv6-sockets op alle adressen ook IPv4-verbindingen accepteren, blijft onbekend',
  'platform.ownersDenied':
    '{count, plural, one {# proces kon} other {# processen konden}} niet worden bekeken (toegang geweigerd): voer dit als root uit om alle eigenaars te zien',
  'platform.unsupported.none': 'Portscope kan op {platform} geen sockets lezen',
  'platform.unsupported.failed': 'de socketlezer voor {platform} kon niet starten: {error}',
  'platform.unsupported.emptyNone':
    'Portscope kan op {platform} geen sockets lezen: de sockettabel blijft leeg; scannen, testen en rapporten werken wel',
  'platform.unsupported.emptyFailed':
    'de socketlezer voor {platform} kon niet starten ({error}): de sockettabel blijft leeg; scannen, testen en rapporten werken wel',
  'platform.unsupported.noFirewall': 'op {platform} kan Portscope geen firewallregels lezen',
  'platform.toolFailed':
    '{context, select, processDetails {procesgegevens niet beschikbaar: } processNames {procesnamen niet beschikbaar: } socketTable {geen sockettabel: } other {}}{how, select, signal {{command} werd door een signaal gestopt} spawn {{command} kon niet starten} empty {{command} toonde geen enkel proces} other {{command} stopte met exitcode {code}}}{hasDetail, select, yes {: {detail}} other {}}',
  'platform.darwin.lsofOwnOnly': 'gelezen met lsof, dat zonder sudo alleen de sockets van de huidige gebruiker toont',
  'platform.windows.tableFailed': 'GetExtended{table}Table (IPv{family}) mislukt: Windows-fout {status}',
  'platform.windows.tableGrowing': 'de {protocol}-IPv{family}-tabel bleef groeien tijdens het lezen',
  'platform.windows.estatsFailed':
    'ophalen van verbindingsstatistieken (GetPerTcpConnectionEStats) mislukt voor {count, plural, one {# verbinding} other {# verbindingen}}: Windows-fout {status}',
  'platform.windows.fallback': 'netstat -ano en tasklist worden gelezen in plaats van de IP Helper-API ({reason})',
};
