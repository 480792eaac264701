import { useState } from 'react';
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
  const [checked, setChecked] = useState(false);
  return (
    <Dialog
      title={kind === 'large' ? 'Large scan: start it?' : 'Public target: are you allowed to do this?'}
      onCancel={onCancel}
      actions={
        <>
          <button type="button" data-autofocus onClick={onCancel}>
            Cancel
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
          <p>It keeps running until it is done or you cancel it.</p>
          <label className="check">
            <input type="checkbox" checked={checked} onChange={(e) => setChecked(e.target.checked)} /> I mean to run a scan this large.
          </label>
        </>
      ) : (
        <>
          <p>
            Some targets are outside loopback and private networks. Scanning hosts without their owner&apos;s permission can be illegal and is often treated as
            an attack.
          </p>
          <label className="check">
            <input type="checkbox" checked={checked} onChange={(e) => setChecked(e.target.checked)} /> I own these hosts or have written permission to test them.
          </label>
        </>
      )}
    </Dialog>
  );
}
