import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../../i18n/useT';
import { QUALIFIERS } from '../../stores/sockets/search';

const HELP_ICON = '?';
const EXCLUDE_EXAMPLE = '-proc:chromium';

/** The "?" next to the search box: what it understands, with an example of each qualifier. */
export function SearchHelp() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      const t = e.target as Node;
      if (!box.current?.contains(t) && !button.current?.contains(t)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  return (
    <span className="search-help">
      <button
        ref={button}
        type="button"
        className="icon"
        aria-label={t('ui.dashboard.searchHelp.button')}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        {HELP_ICON}
      </button>
      {open ? (
        <div
          ref={box}
          id={id}
          role="region"
          aria-label={t('ui.dashboard.searchHelp.title')}
          className="popover"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setOpen(false);
              button.current?.focus();
            }
          }}
        >
          <p>{t.rich('ui.dashboard.searchHelp.intro', { code: (chunks) => <code>{chunks}</code> })}</p>
          <table className="mini-table">
            <tbody>
              {QUALIFIERS.map((q) => (
                <tr key={q.key}>
                  <td>
                    <code>{q.example}</code>
                  </td>
                  <td>{t(q.means)}</td>
                </tr>
              ))}
              <tr>
                <td>
                  <code>{EXCLUDE_EXAMPLE}</code>
                </td>
                <td>{t('ui.dashboard.searchHelp.exclude')}</td>
              </tr>
            </tbody>
          </table>
          <p className="muted">{t.rich('ui.dashboard.searchHelp.keys', { kbd: (chunks) => <kbd>{chunks}</kbd> })}</p>
        </div>
      ) : null}
    </span>
  );
}
