/**
 * Port packages for scans, after seed 004's "port scan packages": Basic, Web (Basic plus web
 * hosting and infrastructure ports), Games and Malicious. Facts only: numbers and short labels.
 */
export interface PortPreset {
  id: string;
  label: string;
  ports: Array<{ port: number; label: string }>;
}

const BASIC: PortPreset['ports'] = [
  { port: 21, label: 'FTP' },
  { port: 22, label: 'SSH / SFTP' },
  { port: 25, label: 'SMTP' },
  { port: 26, label: 'W32.Netsky (threat)' },
  { port: 80, label: 'HTTP' },
  { port: 110, label: 'POP3' },
  { port: 143, label: 'IMAP' },
  { port: 443, label: 'HTTPS' },
  { port: 587, label: 'SMTP submission' },
  { port: 993, label: 'IMAPS' },
  { port: 995, label: 'POP3S' },
  { port: 2525, label: 'SMTP alternate; also remote access trojans' },
  { port: 3306, label: 'MySQL' },
];

const WEB_EXTRA: PortPreset['ports'] = [
  { port: 23, label: 'Telnet (cleartext)' },
  { port: 43, label: 'WHOIS' },
  { port: 53, label: 'DNS' },
  { port: 67, label: 'DHCP / BOOTP server' },
  { port: 68, label: 'DHCP / BOOTP client' },
  { port: 69, label: 'TFTP' },
  { port: 123, label: 'NTP' },
  { port: 137, label: 'NetBIOS name service' },
  { port: 138, label: 'NetBIOS datagram service' },
  { port: 139, label: 'NetBIOS session service' },
  { port: 161, label: 'SNMP' },
  { port: 162, label: 'SNMP trap' },
  { port: 389, label: 'LDAP' },
  { port: 636, label: 'LDAPS' },
  { port: 989, label: 'FTPS data' },
  { port: 990, label: 'FTPS control' },
  { port: 2077, label: 'TrelliSoft agent' },
  { port: 2078, label: 'TrelliSoft server' },
  { port: 2082, label: 'cPanel' },
  { port: 2083, label: 'radsec / cPanel SSL' },
  { port: 2086, label: 'WebHost Manager' },
  { port: 2087, label: 'WebHost Manager SSL' },
  { port: 2095, label: 'cPanel webmail' },
  { port: 2096, label: 'cPanel webmail SSL' },
];

const GAMES: PortPreset['ports'] = [
  { port: 1725, label: 'Valve Steam client' },
  { port: 2302, label: 'ArmA / Halo' },
  { port: 3074, label: 'Xbox Live' },
  { port: 3724, label: 'World of Warcraft' },
  { port: 6112, label: 'Battle.net' },
  { port: 6500, label: 'GameSpy Arcade' },
  { port: 12035, label: 'Second Life viewer' },
  { port: 12036, label: 'Second Life' },
  { port: 14567, label: 'Battlefield 1942' },
  { port: 25565, label: 'Minecraft server' },
  { port: 27015, label: 'Source engine server' },
  { port: 28960, label: 'Call of Duty' },
];

export const MALWARE_PORTS: PortPreset['ports'] = [
  { port: 1080, label: 'W32.Beagle, WinHole, Deadhat and other backdoors' },
  { port: 2745, label: 'Bagle backdoor' },
  { port: 3127, label: 'W32.Mockbot and others' },
  { port: 4444, label: "Metasploit's default listener" },
  { port: 5554, label: 'W32.Dabber, W32.Sasser' },
  { port: 8866, label: 'W32.Beagle' },
  { port: 9898, label: 'CrashCool, W32.Dabber' },
  { port: 9988, label: 'many trojans and worms' },
  { port: 12345, label: 'many trojans and worms (NetBus)' },
  { port: 27374, label: 'many trojans (SubSeven)' },
  { port: 31337, label: 'many trojans and worms (Back Orifice)' },
];

export const PORT_PRESETS: readonly PortPreset[] = [
  { id: 'basic', label: 'Basic', ports: BASIC },
  { id: 'web', label: 'Web', ports: [...BASIC, ...WEB_EXTRA].sort((a, b) => a.port - b.port) },
  { id: 'games', label: 'Games', ports: GAMES },
  { id: 'malicious', label: 'Malicious', ports: MALWARE_PORTS },
];

const MALWARE_BY_PORT = new Map(MALWARE_PORTS.map((p) => [p.port, p.label]));

export function malwareNote(port: number): string | null {
  return MALWARE_BY_PORT.get(port) ?? null;
}
