import { useEffect, useId, useRef, useState } from 'react';
import { useServices } from '../../app/services';
import type { Column } from '../../components/table/types';
import { useT } from '../../i18n/useT';
import type { TableId } from '../../stores/ui';

/** TCPView's "Select columns": a checkbox per column, remembered per table. One column always stays. */
export function ColumnChooser<T>({ table, title, columns, hidden }: { table: TableId; title: string; columns: readonly Column<T>[]; hidden: readonly string[] }) {
  const { ui } = useServices();
  const t = useT();
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLFieldSetElement>(null);
  const shown = columns.filter((c) => !hidden.includes(c.id)).length;

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
    <span className="column-chooser">
      <button ref={button} type="button" aria-expanded={open} aria-controls={id} aria-label={t('ui.dashboard.columns.of', { table: title })} onClick={() => setOpen((o) => !o)}>
        {t('ui.dashboard.columns.button')}
      </button>
      {open ? (
        <fieldset
          ref={box}
          id={id}
          className="popover"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setOpen(false);
              button.current?.focus();
            }
          }}
        >
          <legend>{t('ui.dashboard.columns.of', { table: title })}</legend>
          {columns.map((c) => {
            const visible = !hidden.includes(c.id);
            return (
              <label key={c.id} className="check">
                <input
                  type="checkbox"
                  checked={visible}
                  disabled={visible && shown === 1}
                  onChange={(e) => ui.getState().setColumnHidden(table, c.id, !e.target.checked)}
                />
                {c.label}
              </label>
            );
          })}
          <button type="button" onClick={() => columns.forEach((c) => ui.getState().setColumnWidth(table, c.id, null))}>
            {t('ui.dashboard.columns.fit')}
          </button>
        </fieldset>
      ) : null}
    </span>
  );
}
