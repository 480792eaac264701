import { useState } from 'react';
import type { MachineInfo } from '../../../shared/contract';
import type { RendererClient } from '../../contract/types';
import { Dialog } from '../Dialog';

type Step = { step: 'form' } | { step: 'busy' } | { step: 'confirm'; presented: string };

/**
 * "Add machine": the agent's address and token, then its certificate fingerprint, compared by
 * the user as Syncthing has device IDs compared: the agent printed it (`portscope agent
 * --show-fingerprint` prints it again); this dialog shows what the agent presents now. Pasting
 * the printed one up front lets the host compare instead. Nothing is saved before the two agree
 * and the token has been accepted.
 */
export function AddMachineDialog({ home, onAdded, onCancel }: { home: RendererClient; onAdded: (machine: MachineInfo) => void; onCancel: () => void }) {
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
      setError(err instanceof Error ? err.message : String(err));
      setState({ step: 'form' });
    }
  };

  const busy = state.step === 'busy';
  const ready = address.trim() !== '' && token.trim().length >= 16;
  return (
    <Dialog
      title="Add machine"
      onCancel={onCancel}
      actions={
        state.step === 'confirm' ? (
          <>
            <button type="button" onClick={() => setState({ step: 'form' })}>
              Back
            </button>
            <button type="button" className="primary" data-autofocus onClick={() => void add(state.presented)}>
              The fingerprints match: add it
            </button>
          </>
        ) : (
          <>
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
            <button type="button" className="primary" disabled={!ready || busy} onClick={() => void add(expected.trim() || undefined)}>
              {busy ? 'Connecting…' : 'Connect'}
            </button>
          </>
        )
      }
    >
      {state.step === 'confirm' ? (
        <div className="machine-confirm">
          <p>The agent at {address.trim()} presents this certificate fingerprint (SHA-256):</p>
          <p className="fingerprint" aria-label="Presented fingerprint">
            {state.presented}
          </p>
          <p className="muted">
            Compare it with the fingerprint the agent printed when it started (<code>portscope agent --show-fingerprint</code> on that machine prints it
            again). Add the machine only if they are the same: Portscope then pins it and refuses any other certificate from this address.
          </p>
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
            Address
            <input data-autofocus value={address} onChange={(e) => setAddress(e.target.value)} placeholder="server.lan:9480" autoComplete="off" spellCheck={false} />
          </label>
          <label>
            Token
            <input type="password" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" spellCheck={false} />
          </label>
          <label>
            Name <span className="muted">(optional)</span>
            <input value={label} onChange={(e) => setLabel(e.target.value)} autoComplete="off" />
          </label>
          <label>
            Fingerprint <span className="muted">(optional: the one the agent printed; otherwise it is shown for you to compare)</span>
            <input value={expected} onChange={(e) => setExpected(e.target.value)} autoComplete="off" spellCheck={false} placeholder="AB:CD:…" />
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
