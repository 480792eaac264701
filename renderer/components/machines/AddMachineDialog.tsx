import { useState } from 'react';
import type { MachineInfo } from '../../../shared/contract';
import type { RendererClient } from '../../contract/types';
import { Dialog } from '../Dialog';
import { errorMessage } from '../../format/errors';
import { useT } from '../../i18n/useT';

/** Examples are data: the same in every language. */
const ADDRESS_EXAMPLE = 'server.lan:9480';
const FINGERPRINT_EXAMPLE = 'AB:CD:…';

type Step = { step: 'form' } | { step: 'busy' } | { step: 'confirm'; presented: string };

/**
 * "Add machine": the agent's address and token, then its certificate fingerprint, compared by
 * the user as Syncthing has device IDs compared: the agent printed it (`portscope agent
 * --show-fingerprint` prints it again); this dialog shows what the agent presents now. Pasting
 * the printed one up front lets the host compare instead. Nothing is saved before the two agree
 * and the token has been accepted.
 */
export function AddMachineDialog({ home, onAdded, onCancel }: { home: RendererClient; onAdded: (machine: MachineInfo) => void; onCancel: () => void }) {
  const t = useT();
  const [address, setAddress] = useState('');
  const [token, setToken] = useState('');
  const [label, setLabel] = useState('');
  const [expected, setExpected] = useState('');
  const [state, setState] = useState<Step>({ step: 'form' });
  const [error, setError] = useState<string | null>(null);

  const add = async (fingerprint: string | undefined) => {
    setError(null);
    setState({ step: 'busy' });
    try {
      const result = await home.call('machines.add', { address: address.trim(), token: token.trim(), label: label.trim() || undefined, fingerprint });
      if (result.added) onAdded(result.machine);
      else setState({ step: 'confirm', presented: result.presentedFingerprint });
    } catch (err) {
      setError(errorMessage(err));
      setState({ step: 'form' });
    }
  };

  const busy = state.step === 'busy';
  const ready = address.trim() !== '' && token.trim().length >= 16;
  return (
    <Dialog
      title={t('ui.machines.add.title')}
      onCancel={onCancel}
      actions={
        state.step === 'confirm' ? (
          <>
            <button type="button" onClick={() => setState({ step: 'form' })}>
              {t('ui.machines.add.back')}
            </button>
            <button type="button" className="primary" data-autofocus onClick={() => void add(state.presented)}>
              {t('ui.machines.add.match')}
            </button>
          </>
        ) : (
          <>
            <button type="button" onClick={onCancel}>
              {t('ui.common.cancel')}
            </button>
            <button type="button" className="primary" disabled={!ready || busy} onClick={() => void add(expected.trim() || undefined)}>
              {busy ? t('ui.machines.connecting') : t('ui.machines.add.connect')}
            </button>
          </>
        )
      }
    >
      {state.step === 'confirm' ? (
        <div className="machine-confirm">
          <p>{t('ui.machines.add.presents', { address: address.trim() })}</p>
          <p className="fingerprint" aria-label={t('ui.machines.add.presented')}>
            {state.presented}
          </p>
          <p className="muted">{t.rich('ui.machines.add.compare', { code: (chunks) => <code>{chunks}</code> })}</p>
        </div>
      ) : (
        <form
          className="machine-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (ready && !busy) void add(expected.trim() || undefined);
          }}
        >
          <label>
            {t('ui.dashboard.col.address')}
            <input data-autofocus value={address} onChange={(e) => setAddress(e.target.value)} placeholder={ADDRESS_EXAMPLE} autoComplete="off" spellCheck={false} />
          </label>
          <label>
            {t('ui.machines.add.token')}
            <input type="password" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" spellCheck={false} />
          </label>
          <label>
            {t('ui.machines.add.name')} <span className="muted">{t('ui.machines.add.optional')}</span>
            <input value={label} onChange={(e) => setLabel(e.target.value)} autoComplete="off" />
          </label>
          <label>
            {t('ui.machines.add.fingerprint')} <span className="muted">{t('ui.machines.add.fingerprintHelp')}</span>
            <input value={expected} onChange={(e) => setExpected(e.target.value)} autoComplete="off" spellCheck={false} placeholder={FINGERPRINT_EXAMPLE} />
          </label>
          {/* Submitting with Enter. */}
          <button type="submit" hidden />
          {error ? (
            <p className="error-text" role="alert">
              {error}
            </p>
          ) : null}
        </form>
      )}
    </Dialog>
  );
}
