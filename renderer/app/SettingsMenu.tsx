import { useEffect, useId, useRef, useState } from 'react';
import { negotiateLang, type Lang } from '../../shared/i18n';
import { LANGUAGE_CHOICES, systemLanguages, type LanguageChoice } from '../i18n/language';
import { useT } from '../i18n/useT';
import { useLanguage, useServices } from './services';

/** Each language is named in itself, so someone who cannot read the current one still finds theirs. */
const NATIVE_NAME: Record<Lang, string> = { en: 'English', de: 'Deutsch', nl: 'Nederlands' };

/** The app's settings: for now the language (English, Deutsch, Nederlands, or the system's), remembered. */
export function SettingsMenu() {
  const t = useT();
  const { language } = useServices();
  const choice = useLanguage((s) => s.choice);
  const [open, setOpen] = useState(false);
  const id = useId();
  const selectId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const systemLang = negotiateLang(systemLanguages());

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      const target = e.target as Node;
      if (!box.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const label = (c: LanguageChoice) => (c === 'system' ? t('ui.app.settings.system', { language: NATIVE_NAME[systemLang] }) : NATIVE_NAME[c]);
  return (
    <span className="settings-menu">
      <button ref={button} type="button" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {t('ui.app.settings.button')}
      </button>
      {open ? (
        <div
          ref={box}
          id={id}
          role="region"
          aria-label={t('ui.app.settings.title')}
          className="popover settings-popover"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setOpen(false);
              button.current?.focus();
            }
          }}
        >
          <div className="field">
            <label htmlFor={selectId}>{t('ui.app.settings.language')}</label>
            <select id={selectId} value={choice} onChange={(e) => language.getState().setChoice(e.target.value as LanguageChoice)}>
              {LANGUAGE_CHOICES.map((c) => (
                <option key={c} value={c} lang={c === 'system' ? undefined : c}>
                  {label(c)}
                </option>
              ))}
            </select>
          </div>
          <p className="muted">{t('ui.app.settings.languageNote')}</p>
        </div>
      ) : null}
    </span>
  );
}
