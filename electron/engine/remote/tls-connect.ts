import { isIP } from 'node:net';
import tls from 'node:tls';
import { ContractError } from '../../../shared/contract';
import { formatAgentAddress, type AgentAddress } from './address';

/**
 * Connects to an agent's TLS port without sending anything and reads its certificate's
 * fingerprint: what "Add machine" shows the user to compare with what the agent printed.
 */
export async function presentedFingerprint(address: AgentAddress, timeoutMs = 10_000): Promise<string> {
  const socket = await tlsConnect(address, timeoutMs);
  const fingerprint = socket.getPeerX509Certificate()?.fingerprint256;
  socket.destroy();
  if (!fingerprint) throw new ContractError('unavailable', `${formatAgentAddress(address)} presented no certificate.`);
  return fingerprint;
}

export function tlsConnect(address: AgentAddress, timeoutMs: number): Promise<tls.TLSSocket> {
  const where = formatAgentAddress(address);
  return new Promise((resolve, reject) => {
    // Not verified against a CA: the agent's certificate is trusted by its pinned fingerprint,
    // checked by the caller before a single byte is written.
    const socket = tls.connect({
      host: address.host,
      port: address.port,
      servername: isIP(address.host) ? undefined : address.host,
      rejectUnauthorized: false,
      ALPNProtocols: ['http/1.1'],
    });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new ContractError('unavailable', `${where} did not answer within ${Math.round(timeoutMs / 1000)} s.`));
    }, timeoutMs);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(socket);
    });
    socket.once('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      socket.destroy();
      reject(new ContractError('unavailable', describeNetError(where, err)));
    });
  });
}

export function describeNetError(where: string, err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'ECONNREFUSED':
      return `${where} refused the connection: is \`portscope agent --listen\` running there, on that port?`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${where} is unreachable from here (${err.code}).`;
    case 'ETIMEDOUT':
      return `${where} did not answer (timed out).`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `${where}: no such host name.`;
    case 'ECONNRESET':
      return `${where} closed the connection during the TLS handshake.`;
    default:
      // OpenSSL's wording ("wrong version number") means the other side does not speak TLS.
      return /ssl|tls|wrong version|packet length/i.test(err.message)
        ? `${where} does not speak TLS (${err.message.slice(0, 120)}): is it a Portscope agent started with --listen?`
        : `${where}: ${err.message.slice(0, 200)}`;
  }
}
