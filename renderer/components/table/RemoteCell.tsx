import type { SocketRow } from '../../../shared/contract';
import { useNames } from '../../app/services';
import { remoteEndpoint } from '../../format/socket';
import { nameLabel } from '../../stores/names';
import { VisibleText } from '../text/VisibleText';
import { useT } from '../../i18n/useT';

/** `:443` after a name: the port, as an endpoint writes it. */
const portSuffix = (port: number) => `:${port}`;

/**
 * The remote endpoint, with its name once one is known and "Resolve addresses" is on. Each cell
 * reads its own address from the names store, so a name arriving re-renders that cell only; the
 * address stays as the tooltip. Names are hostile text (DNS answers): VisibleText.
 */
export function RemoteCell({ row }: { row: SocketRow }) {
  const t = useT();
  const label = useNames((s) => (s.enabled ? nameLabel(s.names.get(row.remoteAddress), t) : null));
  const endpoint = remoteEndpoint(row);
  if (!label || endpoint === '*') return <>{endpoint}</>;
  return (
    <span className="named-endpoint" title={endpoint}>
      <VisibleText text={label} />
      <span className="muted">{portSuffix(row.remotePort)}</span>
    </span>
  );
}

