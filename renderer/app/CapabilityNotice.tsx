import { useT } from '../i18n/useT';
import { useHello } from './useHello';

/**
 * What this OS does not let the engine see here ("run as administrator to see ..."), so that
 * unknown owners are explained rather than looking like a fault. Silent when nothing is missing.
 */
export function CapabilityNotice() {
  const t = useT();
  const capabilities = useHello()?.capabilities;
  if (!capabilities) return null;
  // Traffic too: without it every Sent/Received cell is "—", and the note says what to do.
  const missing = [capabilities.socketOwners, capabilities.processDetails, capabilities.trafficCounters].filter((c) => !c.available && c.note);
  if (missing.length === 0) return null;
  return (
    <div className="banner banner-info capability-notice" role="note" aria-label={t('ui.app.capabilities.label')}>
      {missing
        .map((c) => t.engine({ ...c, message: c.note ?? '' }))
        .map((note) => `${note.charAt(0).toUpperCase()}${note.slice(1)}${/[.!?]$/.test(note) ? '' : '.'}`)
        .join(' ')}
    </div>
  );
}
