import { useState } from 'react';
import { useT } from '../i18n/useT';
import { Dialog } from './Dialog';

/**
 * Scanning or probing hosts one does not own can be illegal. The engine refuses public targets
 * until the user says they may; this dialog asks, in words that leave no doubt.
 */
export function AuthorizationDialog({
  what,
  message,
  onConfirm,
  onCancel,
  kind = 'public',
}: {
  what: string;
  message: string | null;
  onConfirm: () => void;
  onCancel: () => void;
  /** `large`: the engine asks to confirm a scan's size (with its estimate), not its targets. */
  kind?: 'public' | 'large';
}) {
  const t = useT();
  const [checked, setChecked] = useState(false);
  return (
    <Dialog
      title={kind === 'large' ? t('ui.common.auth.largeTitle') : t('ui.common.auth.publicTitle')}
      onCancel={onCancel}
      actions={
        <>
          <button type="button" data-autofocus onClick={onCancel}>
            {t('ui.common.cancel')}
          </button>
          <button type="button" className="danger" disabled={!checked} onClick={onConfirm}>
            {what}
          </button>
        </>
      }
    >
      {message ? <p>{message}</p> : null}
      {kind === 'large' ? (
        <>
          <p>{t('ui.common.auth.largeBody')}</p>
          <label className="check">
            <input type="checkbox" checked={checked} onChange={(e) => setChecked(e.target.checked)} /> {t('ui.common.auth.largeCheck')}
          </label>
        </>
      ) : (
        <>
          <p>{t('ui.common.auth.publicBody')}</p>
          <label className="check">
            <input type="checkbox" checked={checked} onChange={(e) => setChecked(e.target.checked)} /> {t('ui.common.auth.publicCheck')}
          </label>
        </>
      )}
    </Dialog>
  );
}
