import { useId, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { ReportsStore } from '../../features/reports/store';
import { useT } from '../../i18n/useT';

/** Open a saved JSON report, an nmap `-oX` file or a capture (netstat, ss, lsof…): a file picker, or a drop onto the panel. */
export function OpenPanel({ store }: { store: ReportsStore }) {
  const t = useT();
  const opening = useStore(store, (s) => s.opening);
  const opened = useStore(store, (s) => s.opened);
  const error = useStore(store, (s) => s.openError);
  const [dragging, setDragging] = useState(false);
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);

  const open = (files: FileList | null) => {
    const file = files?.[0];
    if (file) void store.getState().openFile(file);
    // The same file can be picked again (after it changed on disk).
    if (input.current) input.current.value = '';
  };

  return (
    <section className="panel" aria-labelledby={`${inputId}-h`}>
      <header className="panel-head">
        <h2 id={`${inputId}-h`}>{t('ui.reports.open.title')}</h2>
        {opened ? (
          <button type="button" onClick={() => store.getState().close()}>
            {opened.kind === 'report' ? (opened.capture ? t('ui.reports.open.closeCapture') : t('ui.reports.open.closeReport')) : t('ui.reports.open.closeScan')}
          </button>
        ) : null}
      </header>
      <div
        className={`drop-zone ${dragging ? 'dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          open(e.dataTransfer.files);
        }}
      >
        <label htmlFor={inputId}>{t('ui.reports.open.label')}</label>
        <br />
        {/* The browser words its own file button in its UI language ("Choose File"), not the page's:
            the input stays (labelled, for drops and assistive tech) but the button is ours. */}
        <input ref={input} id={inputId} type="file" className="sr-only" tabIndex={-1} onChange={(e) => open(e.target.files)} disabled={opening} />
        <button type="button" className="choose-file" onClick={() => input.current?.click()} disabled={opening}>
          {t('ui.reports.open.choose')}
        </button>
        <p className="muted">{t('ui.reports.open.drop')}</p>
      </div>
      <div className="report-status">
        {opening ? (
          <p role="status" className="loading">
            {t('ui.reports.open.opening')}
          </p>
        ) : null}
        {error ? (
          <p role="alert" className="error-text">
            {t('ui.reports.open.failed', { error })}
          </p>
        ) : null}
      </div>
    </section>
  );
}
