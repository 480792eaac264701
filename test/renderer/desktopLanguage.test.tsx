// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Lang } from '../../shared/i18n';
import { I18nProvider } from '../../renderer/i18n/I18nProvider';
import { createLanguageStore } from '../../renderer/i18n/language';

afterEach(() => {
  cleanup();
  delete window.portscopeDesktop;
});

/**
 * The page tells the desktop shell its language (the preload's window.portscopeDesktop), so the
 * menu and tray follow the settings' switch. The main side is tested in test/app/desktop-language.test.ts.
 */
describe('the page tells the desktop shell its language', () => {
  it('on first render and on every switch', () => {
    const told: Lang[] = [];
    window.portscopeDesktop = { setLanguage: (lang) => void told.push(lang) };
    // A remembered choice (German) on an English system: the shell follows the page, not the system.
    const language = createLanguageStore(['en-US'], { getItem: () => 'de', setItem: () => {} });
    render(<I18nProvider language={language}>{null}</I18nProvider>);
    expect(told).toEqual(['de']);
    act(() => language.getState().setChoice('nl'));
    act(() => language.getState().setChoice('nl'));
    act(() => language.getState().setChoice('system'));
    expect(told).toEqual(['de', 'nl', 'en']);
  });

  it('in a browser (no bridge) the provider renders as before', () => {
    const language = createLanguageStore(['nl-NL'], null);
    expect(() => render(<I18nProvider language={language}>{null}</I18nProvider>)).not.toThrow();
    expect(document.documentElement.lang).toBe('nl');
  });
});
