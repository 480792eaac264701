import { PORT_PRESETS } from '../../../shared/catalog/presets';
import { ContractError } from '../../../shared/contract/errors';
import type { Protocol } from '../../../shared/contract/sockets';
import type { EngineKey } from '../../../shared/i18n/catalogs/engine';
import { localizedMessage } from '../localizedText';

/**
 * nmap's 100 most frequently open TCP ports (its `-F` list), from its port-frequency data.
 * Facts, not code: port numbers only.
 */
const TOP100_TCP = [
  7, 9, 13, 21, 22, 23, 25, 26, 37, 53, 79, 80, 81, 88, 106, 110, 111, 113, 119, 135, 139, 143, 144, 179, 199, 389, 427, 443, 444, 445, 465,
  513, 514, 515, 543, 544, 548, 554, 587, 631, 646, 873, 990, 993, 995, 1025, 1026, 1027, 1028, 1029, 1110, 1433, 1720, 1723, 1755, 1900, 2000,
  2001, 2049, 2121, 2717, 3000, 3128, 3306, 3389, 3986, 4899, 5000, 5009, 5051, 5060, 5101, 5190, 5357, 5432, 5631, 5666, 5800, 5900, 6000,
  6001, 6646, 7070, 8000, 8008, 8009, 8080, 8081, 8443, 8888, 9100, 9999, 10000, 32768, 49152, 49153, 49154, 49155, 49156, 49157,
];

/** The UDP counterpart: services that answer datagrams (DNS, NTP, SNMP, NetBIOS, IKE, syslog, …). */
const TOP100_UDP = [
  7, 9, 17, 19, 49, 53, 67, 68, 69, 80, 88, 111, 120, 123, 135, 136, 137, 138, 139, 158, 161, 162, 177, 427, 443, 445, 497, 500, 514, 515, 518,
  520, 593, 623, 626, 631, 996, 997, 998, 999, 1022, 1023, 1025, 1026, 1027, 1028, 1029, 1030, 1433, 1434, 1645, 1646, 1701, 1718, 1719, 1812,
  1813, 1900, 2000, 2048, 2049, 2222, 2223, 3283, 3456, 3703, 4444, 4500, 5000, 5060, 5353, 5632, 9200, 10000, 17185, 20031, 30718, 31337,
  32768, 32769, 32771, 32815, 33281, 49152, 49153, 49154, 49156, 49181, 49182, 49185, 49186, 49188, 49190, 49191, 49192, 49193, 49194, 49200,
  49201, 65024,
];

export const PORT_PRESET_NAMES = ['well-known', ...PORT_PRESETS.map((p) => p.id), 'top100'] as const;

function presetPorts(name: string, protocol: Protocol): number[] | null {
  const key = name.toLowerCase();
  if (key === 'well-known' || key === 'wellknown') return range(1, 1023);
  if (key === 'top100' || key === 'top') return protocol === 'udp' ? TOP100_UDP : TOP100_TCP;
  if (key === 'all') return range(1, 65535);
  const preset = PORT_PRESETS.find((p) => p.id === key);
  return preset ? preset.ports.map((p) => p.port) : null;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let p = from; p <= to; p++) out.push(p);
  return out;
}

/** A bad-request error whose message comes from the engine catalog (English on the wire, the key beside it). */
function bad(key: EngineKey, values?: Record<string, string | number>): ContractError {
  const { message, ...text } = localizedMessage(key, values);
  return new ContractError('bad-request', message, text);
}

function portNumber(text: string, whole: string): number {
  if (!/^\d+$/.test(text)) {
    throw bad('engine.ports.notPort', { item: whole, presets: PORT_PRESET_NAMES.join(', ') });
  }
  const port = Number(text);
  if (port < 1 || port > 65535) throw bad('engine.ports.range', { port: text });
  return port;
}

/**
 * `22,80,443,8000-8100`, `-` (all), `1024-`, `-1023`, preset names, in any mix. Returns sorted,
 * de-duplicated ports; every mistake is a `bad-request` error that quotes the culprit.
 */
export function parsePortSpec(spec: string, protocol: Protocol = 'tcp'): number[] {
  const text = spec.trim();
  if (text === '') throw bad('engine.ports.none');
  const seen = new Uint8Array(65536);
  for (const raw of text.split(',')) {
    const item = raw.trim();
    if (item === '') throw bad('engine.ports.emptyItem', { spec });
    const preset = presetPorts(item, protocol);
    if (preset) {
      for (const p of preset) seen[p] = 1;
      continue;
    }
    if (item === '-') {
      seen.fill(1, 1);
      continue;
    }
    const m = /^(\d*)-(\d*)$/.exec(item);
    if (m) {
      const from = m[1] === '' ? 1 : portNumber(m[1]!, item);
      const to = m[2] === '' ? 65535 : portNumber(m[2]!, item);
      if (to < from) throw bad('engine.ports.backwards', { item, fix: `${to}-${from}` });
      seen.fill(1, from, to + 1);
      continue;
    }
    seen[portNumber(item, item)] = 1;
  }
  const ports: number[] = [];
  for (let p = 1; p < 65536; p++) if (seen[p]) ports.push(p);
  return ports;
}
