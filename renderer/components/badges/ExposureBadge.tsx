import type { SocketRow } from '../../../shared/contract';
import { EXPOSURE_LABEL } from '../../format/socket';

const TITLE: Record<SocketRow['exposure'], string> = {
  loopback: 'Bound to loopback: only programs on this machine can connect.',
  all: 'Bound to every interface: reachable from the network unless a firewall blocks it.',
  specific: 'Bound to one address: reachable by whoever can reach that address.',
};

export function ExposureBadge({ exposure }: { exposure: SocketRow['exposure'] }) {
  return (
    <span className={`badge exposure-${exposure}`} title={TITLE[exposure]}>
      {EXPOSURE_LABEL[exposure]}
    </span>
  );
}
