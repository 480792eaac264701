import { useEffect, useId, useRef, useState } from 'react';
import { QUALIFIERS } from '../../stores/sockets/search';

/** The "?" next to the search box: what it understands, with an example of each qualifier. */
export function SearchHelp() {
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
        aria-label="Search help"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        ?
      </button>
      {open ? (
        <div
          ref={box}
          id={id}
          role="region"
          aria-label="How to search"
          className="popover"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setOpen(false);
              button.current?.focus();
            }
          }}
        >
          <p>
            Words match what the tables show (<code>this machine</code>, <code>TCPv6</code>, <code>PostgreSQL</code>), the owner’s command line and user.
            A number is a port or a pid. All words must match; <code>-</code> in front excludes.
          </p>
          <table className="mini-table">
            <tbody>
              {QUALIFIERS.map((q) => (
                <tr key={q.key}>
                  <td>
                    <code>{q.example}</code>
                  </td>
                  <td>{q.means}</td>
                </tr>
              ))}
              <tr>
                <td>
                  <code>-proc:chromium</code>
                </td>
                <td>excludes: every socket except Chromium’s</td>
              </tr>
            </tbody>
          </table>
          <p className="muted">
            <kbd>/</kbd> or <kbd>Ctrl</kbd>+<kbd>F</kbd> jumps here; <kbd>Esc</kbd> clears the search.
          </p>
        </div>
      ) : null}
    </span>
  );
}
