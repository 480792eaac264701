import { useServices, useSockets } from '../../app/services';
import { useT } from '../../i18n/useT';

/** What an empty table says: still loading, failed (with a retry), or truly empty (`what`: the empty sentence). */
export function TableState({ what }: { what: string }) {
  const { feed } = useServices();
  const t = useT();
  const status = useSockets((s) => s.status);
  const error = useSockets((s) => s.error);
  if (status === 'loading')
    return (
      <span className="loading" role="status">
        {t('ui.dashboard.table.loading')}
      </span>
    );
  if (status === 'error')
    return (
      <span role="alert" className="error-text">
        {t('ui.dashboard.table.failed', { error })}{' '}
        <button type="button" onClick={() => void feed.resync()}>
          {t('ui.common.tryAgain')}
        </button>
      </span>
    );
  return <span>{what}</span>;
}
