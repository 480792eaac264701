import { isIP } from 'node:net';
import { DEFAULT_AGENT_PORT } from '../../../shared/contract/machines';

export interface AgentAddress {
  host: string;
  port: number;
}

/** `host:port`, `[v6]:port`, a bare IPv6 address, or a host alone (the agent's default port). */
export function parseAgentAddress(value: string): AgentAddress {
  const text = value.trim();
  const bracketed = /^\[([0-9A-Fa-f:.]+)\](?::(\d{1,5}))?$/.exec(text);
  const m = bracketed ?? (isIP(text) === 6 ? [text, text, undefined] : /^([A-Za-z0-9._-]+)(?::(\d{1,5}))?$/.exec(text));
  if (!m || !m[1]) throw new Error(`'${value.slice(0, 80)}' is not an address: write host:port, [IPv6]:port, or a host name.`);
  const port = m[2] === undefined ? DEFAULT_AGENT_PORT : Number(m[2]);
  if (port < 1 || port > 65535) throw new Error(`Port ${port} is out of range: 1 to 65535.`);
  return { host: m[1], port };
}

export function formatAgentAddress({ host, port }: AgentAddress): string {
  return `${isIP(host) === 6 ? `[${host}]` : host}:${port}`;
}

/** Fingerprints compare by their hex digits alone (what people paste may lack colons or be lower case). */
export function sameFingerprint(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/[\s:]/g, '').toUpperCase();
  return norm(a) === norm(b) && norm(a).length === 64;
}
