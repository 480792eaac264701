import type { SocketRow } from '../../../shared/contract';
import { OWNER_EXPLANATION, processLabel } from '../../format/socket';
import { isUnidentified } from '../../stores/sockets/search';
import { VisibleText } from '../text/VisibleText';
import { ProcessIcon } from './ProcessIcon';

/**
 * The process column: the program's icon and name. A socket no visible process holds is marked
 * (CurrPorts' "unidentified applications"), with the reason in its tooltip.
 */
export function ProcessCell({ row }: { row: SocketRow }) {
  if (isUnidentified(row)) {
    return (
      <span className="owner-unidentified" title={OWNER_EXPLANATION[row.ownerStatus]}>
        <span aria-hidden="true" className="proc-icon proc-icon-unknown">
          ?
        </span>
        {processLabel(row)}
      </span>
    );
  }
  return (
    <span className="proc-cell">
      {row.pid !== null ? <ProcessIcon pid={row.pid} /> : <span aria-hidden="true" className="proc-icon proc-icon-none" />}
      {/* Process names are hostile text: hidden characters are shown, the name is bidi-isolated. */}
      <VisibleText text={processLabel(row)} />
    </span>
  );
}
