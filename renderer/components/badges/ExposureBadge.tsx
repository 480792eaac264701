import type { SocketRow } from '../../../shared/contract';
import { exposureLabel } from '../../format/socket';
import { useT } from '../../i18n/useT';

const TITLE = {
  loopback: 'ui.common.exposureWhy.loopback',
  all: 'ui.common.exposureWhy.all',
  specific: 'ui.common.exposureWhy.specific',
} as const satisfies Record<SocketRow['exposure'], string>;

export function ExposureBadge({ exposure }: { exposure: SocketRow['exposure'] }) {
  const t = useT();
  return (
    <span className={`badge exposure-${exposure}`} title={t(TITLE[exposure])}>
      {exposureLabel(t, exposure)}
    </span>
  );
}
