/** `127.0.0.1:80`, `[::1]:80`, `[fe80::1%eth0]:22`: how people write endpoints. */
export function formatEndpoint(address: string, port: number | '*', scopeId: string | null = null): string {
  const host = scopeId ? `${address}%${scopeId}` : address;
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
