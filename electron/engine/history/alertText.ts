import type { Alert } from '../../../shared/contract/history';
import type { ContractMessageValues } from '../../../shared/contract/localized';
import { localizedMessage } from '../localizedText';

/** What an alert's sentence is made from: the alert's own fields, and why its owner is unknown. */
export type AlertTextFields = Pick<Alert, 'reasons' | 'protocol' | 'localAddress' | 'localPort' | 'exposure' | 'pid' | 'processName'> & {
  /** Null for alerts recorded before the owner status was kept (the sentence then leaves it out). */
  ownerStatus: string | null;
};

/**
 * An alert's English sentence with its catalog key and values (catalogs/alert), so each front end
 * shows it in its reader's language. Made from the alert's data, when the alert is raised and
 * again when it is read back from the history file, so stored alerts translate as well.
 */
export function alertMessage(a: AlertTextFields): Pick<Alert, 'message' | 'messageKey' | 'values'> {
  // An IPv6 address in brackets before the port, as everywhere else ("[::]:22").
  const addr = a.localAddress.includes(':') ? `[${a.localAddress}]` : a.localAddress;
  const values: ContractMessageValues = {
    where: `${a.protocol.toUpperCase()} ${addr}:${a.localPort}`,
    owner: a.pid === null ? 'unknown' : 'known',
    name: a.processName ?? 'pid',
    pid: a.pid === null ? '' : String(a.pid),
    status: (a.ownerStatus ?? 'none').replace(/-/g, '_'),
  };
  if (a.reasons.includes('service-down')) return localizedMessage('alert.serviceDown', values);
  const exposed = a.reasons.includes('exposed') ? (a.exposure === 'all' ? 'all' : 'address') : '';
  const risky = a.reasons.includes('risky-port');
  values.detail = exposed && risky ? `${exposed}_risky` : exposed || (risky ? 'risky' : 'none');
  values.address = a.localAddress;
  return localizedMessage('alert.newListener', values);
}
