import { useServices, useSockets } from '../../app/services';

/** What an empty table says: still loading, failed (with a retry), or truly empty. */
export function TableState({ what }: { what: string }) {
  const { feed } = useServices();
  const status = useSockets((s) => s.status);
  const error = useSockets((s) => s.error);
  if (status === 'loading')
    return (
      <span className="loading" role="status">
        Reading the socket table…
      </span>
    );
  if (status === 'error')
    return (
      <span role="alert" className="error-text">
        Could not read the socket table: {error}{' '}
        <button type="button" onClick={() => void feed.resync()}>
          Try again
        </button>
      </span>
    );
  return <span>No {what}.</span>;
}
