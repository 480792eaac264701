// @vitest-environment jsdom
import './dom';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/app/App';
import { createServices } from '../../renderer/app/createServices';
import { ServicesProvider } from '../../renderer/app/services';
import { createLanguageStore, LANGUAGE_STORAGE_KEY, systemLanguages } from '../../renderer/i18n/language';
import { FakeClient, makeProcess, makeRow, makeSnapshot } from './fixtures';

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.items.set(k, v);
  }
}

afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe('choosing the language', () => {
  it('takes the first system language Portscope has, English when there is none', () => {
    expect(createLanguageStore(['fr-FR', 'nl-BE', 'de'], null).getState().lang).toBe('nl');
    expect(createLanguageStore(['de-AT'], null).getState().lang).toBe('de');
    expect(createLanguageStore(['fr-FR', 'ja'], null).getState().lang).toBe('en');
    expect(createLanguageStore([], null).getState().lang).toBe('en');
  });

  it('remembers a choice, and ignores a stored value it does not know', () => {
    const storage = new MemoryStorage();
    const store = createLanguageStore(['de-DE'], storage);
    store.getState().setChoice('nl');
    expect(storage.items.get(LANGUAGE_STORAGE_KEY)).toBe('nl');
    expect(createLanguageStore(['de-DE'], storage).getState()).toMatchObject({ choice: 'nl', lang: 'nl' });
    store.getState().setChoice('system');
    expect(createLanguageStore(['de-DE'], storage).getState()).toMatchObject({ choice: 'system', lang: 'de' });
    storage.setItem(LANGUAGE_STORAGE_KEY, 'klingon');
    expect(createLanguageStore(['de-DE'], storage).getState()).toMatchObject({ choice: 'system', lang: 'de' });
  });

  it("reads the Electron glue's list from the URL before the browser's", () => {
    const nav = { languages: ['en-US'], language: 'en-US' } as unknown as Navigator;
    expect(systemLanguages({ location: { search: '?langs=nl-NL%2Cde-DE' } as Location, navigator: nav })).toEqual(['nl-NL', 'de-DE']);
    expect(systemLanguages({ location: { search: '' } as Location, navigator: nav })).toEqual(['en-US']);
  });
});

describe('the app in German and Dutch', () => {
  function setup() {
    const client = new FakeClient();
    const row = makeRow({ localPort: 23, service: 'telnet', exposure: 'all', localAddress: '0.0.0.0' });
    row.risks = [{ code: 'cleartext', severity: 'warning', message: 'Telnet sends passwords and data unencrypted.', messageKey: 'engine.risk.cleartext', values: { protocol: 'Telnet' } }];
    client.handle('sockets.snapshot', () => makeSnapshot([row], 1, [makeProcess()]));
    client.handle('monitor.configure', (r) => ({ intervalMs: 1000, paused: r.paused ?? false }));
    const services = createServices(client);
    render(
      <ServicesProvider services={services}>
        <App />
      </ServicesProvider>,
    );
    return { services, client };
  }

  it('shows a recording failure the engine keyed in the language, the error itself as it came', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'de');
    const { client } = setup();
    await act(async () => {});
    const error = 'database is locked';
    act(() => client.emit('monitor.error', { at: new Date().toISOString(), message: `writing the change log: ${error}`, messageKey: 'engine.history.failed', values: { stage: 'log', error } }));
    const banner = screen.getByRole('status');
    expect(banner.textContent).toContain(`Beim Schreiben des Änderungsprotokolls: ${error}`);
    expect(banner.textContent).not.toContain('writing the change log');
  });

  it('speaks the chosen language everywhere, engine texts included, and sets <html lang>', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'de');
    setup();
    await act(async () => {});
    expect(document.documentElement.lang).toBe('de');
    expect(screen.getByRole('navigation', { name: 'Seiten' })).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Lauschende Ports' });
    expect(within(table).getByRole('columnheader', { name: /Dienst/ })).toBeTruthy();
    expect(table.textContent).toContain('alle Schnittstellen');
    // The risk note arrived with its catalog key: shown in German, not as the engine's English.
    expect(table.textContent).toContain('Telnet überträgt Passwörter und Daten unverschlüsselt.');
    expect(table.textContent).not.toContain('sends passwords');
  });

  it('switches in the settings, and the switch is remembered', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'de');
    setup();
    await act(async () => {});
    fireEvent.click(screen.getByRole('button', { name: 'Einstellungen' }));
    fireEvent.change(screen.getByLabelText('Sprache'), { target: { value: 'nl' } });
    expect(screen.getByRole('table', { name: 'Luisterende poorten' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('nl');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('nl');
    fireEvent.change(screen.getByLabelText('Taal'), { target: { value: 'en' } });
    expect(screen.getByRole('table', { name: 'Listening ports' })).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Listening ports' }).textContent).toContain('Telnet sends passwords and data unencrypted.');
  });
});
