import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fingerprintOf, generateSelfSigned } from './self-signed';

export interface AgentTls {
  cert: Buffer;
  key: Buffer;
  fingerprint: string;
  /** Where it came from: the administrator's files, or the agent's own (created now or earlier). */
  source: 'given' | 'generated' | 'kept';
  certFile: string;
}

export const AGENT_TLS_DIR = 'agent-tls';

/**
 * The agent's TLS identity: the certificate and key the administrator gave, or the self-signed
 * pair kept in `<data dir>/agent-tls/`, made on first start. Kept, so the fingerprint the app
 * pinned stays valid across restarts; the key is readable by its owner only (0600, folder 0700).
 */
export function agentTls(dataDir: string, given?: { certFile: string; keyFile: string }): AgentTls {
  if (given) {
    const cert = fs.readFileSync(given.certFile);
    return { cert, key: fs.readFileSync(given.keyFile), fingerprint: fingerprintOf(cert), source: 'given', certFile: given.certFile };
  }
  const dir = path.join(dataDir, AGENT_TLS_DIR);
  const certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  if (fs.existsSync(certFile) && fs.existsSync(keyFile)) {
    const cert = fs.readFileSync(certFile);
    return { cert, key: fs.readFileSync(keyFile), fingerprint: fingerprintOf(cert), source: 'kept', certFile };
  }
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const made = generateSelfSigned(os.hostname());
  // The key first, each written whole under a temporary name: a crash leaves no half pair.
  writeAtomically(keyFile, made.keyPem, 0o600);
  writeAtomically(certFile, made.certPem, 0o644);
  return { cert: Buffer.from(made.certPem), key: Buffer.from(made.keyPem), fingerprint: made.fingerprint, source: 'generated', certFile };
}

export function writeAtomically(file: string, text: string, mode: number): void {
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, text, { mode });
  fs.chmodSync(temp, mode); // the umask may have narrowed or (for 0600) nothing else: be exact
  fs.renameSync(temp, file);
}
