import type { Alert, AlertReason } from '../../../shared/contract/history';
import type { Exposure, Protocol } from '../../../shared/contract/sockets';
import { withoutOwnerStatus, type AlertDraft } from './alerts';
import { alertMessage } from './alertText';
import type { Database } from './sqlite';

type Row = Record<string, unknown>;

export function insertAlerts(db: Database, drafts: readonly AlertDraft[]): Alert[] {
  const put = db.prepare(
    'INSERT INTO alerts (at, reason, severity, message, protocol, local_address, local_port, exposure, pid, process_name, owner_status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  return drafts.map((d) => {
    const id = Number(put.run(Date.parse(d.at), d.reasons.join(','), d.severity, d.message, d.protocol, d.localAddress, d.localPort, d.exposure, d.pid, d.processName, d.ownerStatus).lastInsertRowid);
    return { id, ...withoutOwnerStatus(d) };
  });
}

export function listAlerts(db: Database, limit: number): Alert[] {
  const rows = db.prepare('SELECT * FROM alerts ORDER BY id DESC LIMIT ?').all(limit) as Row[];
  return rows.map((r) => {
    const fields = {
      reasons: String(r.reason).split(',') as AlertReason[],
      protocol: r.protocol as Protocol,
      localAddress: String(r.local_address),
      localPort: Number(r.local_port),
      exposure: r.exposure as Exposure,
      pid: r.pid === null ? null : Number(r.pid),
      processName: r.process_name === null ? null : String(r.process_name),
    };
    // The key and values are remade from the row's data (alerts stored before keys existed too);
    // the message stays the English recorded at the time.
    const { messageKey, values } = alertMessage({ ...fields, ownerStatus: typeof r.owner_status === 'string' ? r.owner_status : null });
    return { id: Number(r.id), at: new Date(Number(r.at)).toISOString(), severity: r.severity as Alert['severity'], message: String(r.message), messageKey, values, ...fields };
  });
}
