import type { SocketRow } from '../../../shared/contract';
import { ownerExplanation, processLabel } from '../../format/socket';
import { useT } from '../../i18n/useT';
import { isUnidentified } from '../../stores/sockets/search';
import { VisibleText } from '../text/VisibleText';
import { ProcessIcon } from './ProcessIcon';

const UNKNOWN_ICON = '?';

/**
 * The process column: the program's icon and name. A socket no visible process holds is marked
 * (CurrPorts' "unidentified applications"), with the reason in its tooltip.
 */
export function ProcessCell({ row }: { row: SocketRow }) {
  const t = useT();
  if (isUnidentified(row)) {
    return (
      <span className="owner-unidentified" title={ownerExplanation(t, row.ownerStatus)}>
        <span aria-hidden="true" className="proc-icon proc-icon-unknown">
          {UNKNOWN_ICON}
        </span>
        {processLabel(row, t)}
      </span>
    );
  }
  return (
    <span className="proc-cell">
      {row.pid !== null ? <ProcessIcon pid={row.pid} /> : <span aria-hidden="true" className="proc-icon proc-icon-none" />}
      {/* Process names are hostile text: hidden characters are shown, the name is bidi-isolated. */}
      <VisibleText text={processLabel(row, t)} />
    </span>
  );
}
