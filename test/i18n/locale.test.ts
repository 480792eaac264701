/** Choosing the language (BCP 47 lists, POSIX locale variables, --lang) and formatting through Intl. */
import { describe, expect, it } from 'vitest';
import { createFormat } from '../../shared/i18n/format';
import { langFromEnv, negotiateLang, parseAcceptLanguage, parseLangOption, UnsupportedLangError } from '../../shared/i18n/locale';
import { createTranslator } from '../../shared/i18n/translate';
import { engineCatalogs } from '../../shared/i18n/catalogs/engine';

describe('negotiateLang', () => {
  it('takes the first language Portscope has, by primary subtag', () => {
    expect(negotiateLang(['de-AT'])).toBe('de');
    expect(negotiateLang(['nl-BE', 'de'])).toBe('nl');
    expect(negotiateLang(['en-GB', 'de'])).toBe('en');
    expect(negotiateLang(['fr-FR', 'it', 'nl'])).toBe('nl');
    expect(negotiateLang(['fr-FR', 'ja'])).toBe('en');
    expect(negotiateLang([])).toBe('en');
    expect(negotiateLang(['', 'x-klingon', 'DE-ch'])).toBe('de');
  });

  it('reads an Accept-Language header by weight', () => {
    expect(parseAcceptLanguage('fr;q=0.9, nl-NL;q=0.95, de;q=0.1')).toEqual(['nl-NL', 'fr', 'de']);
    expect(negotiateLang(parseAcceptLanguage('fr-CH, fr;q=0.9, de;q=0.8, *;q=0.5'))).toBe('de');
    expect(parseAcceptLanguage('de;q=0, nl')).toEqual(['nl']);
    expect(parseAcceptLanguage(undefined)).toEqual([]);
  });
});

describe('langFromEnv', () => {
  it('uses LC_ALL, then LC_MESSAGES, then LANG', () => {
    expect(langFromEnv({ LANG: 'de_DE.UTF-8' })).toBe('de');
    expect(langFromEnv({ LANG: 'de_DE.UTF-8', LC_MESSAGES: 'nl_NL.UTF-8' })).toBe('nl');
    expect(langFromEnv({ LANG: 'de_DE.UTF-8', LC_MESSAGES: 'nl_NL.UTF-8', LC_ALL: 'en_US.UTF-8' })).toBe('en');
    expect(langFromEnv({ LANG: 'nl_BE@euro', LC_ALL: '' })).toBe('nl');
  });

  it('falls back to English for C, POSIX, nothing set, or a language Portscope lacks', () => {
    expect(langFromEnv({})).toBe('en');
    expect(langFromEnv({ LANG: 'C' })).toBe('en');
    expect(langFromEnv({ LANG: 'C.UTF-8' })).toBe('en');
    expect(langFromEnv({ LC_ALL: 'POSIX', LANG: 'de_DE.UTF-8' })).toBe('en');
    expect(langFromEnv({ LANG: 'fr_FR.UTF-8' })).toBe('en');
  });

  it('honours GNU LANGUAGE before the locale, except under C', () => {
    expect(langFromEnv({ LANG: 'en_US.UTF-8', LANGUAGE: 'nl:de' })).toBe('nl');
    expect(langFromEnv({ LANG: 'fr_FR.UTF-8', LANGUAGE: 'fr:de' })).toBe('de');
    expect(langFromEnv({ LANG: 'de_DE.UTF-8', LANGUAGE: 'fr' })).toBe('de');
    expect(langFromEnv({ LANG: 'C', LANGUAGE: 'de' })).toBe('en');
  });
});

describe('parseLangOption', () => {
  it('accepts en, de and nl in any case, and names the choices otherwise', () => {
    expect(parseLangOption('de')).toBe('de');
    expect(parseLangOption(' NL ')).toBe('nl');
    expect(() => parseLangOption('fr')).toThrow(UnsupportedLangError);
    expect(() => parseLangOption('de-DE')).toThrow(/use one of en, de, nl/);
  });
});

describe('createFormat', () => {
  const at = Date.UTC(2026, 11, 2, 6, 45, 22);
  it('formats numbers, sizes and rates for the language', () => {
    const [en, de, nl] = (['en', 'de', 'nl'] as const).map((l) => createFormat(l, { timeZone: 'UTC' }));
    expect(en!.number(1234.5)).toBe('1,234.5');
    expect(de!.number(1234.5)).toBe('1.234,5');
    expect(nl!.number(1234.5)).toBe('1.234,5');
    expect(de!.bytes(1_258_291)).toBe('1,20 MiB');
    expect(en!.bytes(1536)).toBe('1.50 KiB');
    expect(nl!.bytes(512)).toBe('512 B');
    expect(de!.byteRate(15_360)).toBe('15,0 KiB/s');
    expect(de!.percent(0.25)).toMatch(/^25\s%$/);
    expect(en!.percent(0.25)).toBe('25%');
  });

  it('formats dates, times and relative times through Intl', () => {
    const de = createFormat('de', { timeZone: 'UTC' });
    const nl = createFormat('nl', { timeZone: 'UTC' });
    const en = createFormat('en', { timeZone: 'UTC' });
    expect(de.dateTime(at)).toBe('02.12.2026, 06:45:22');
    expect(en.time(at)).toBe('06:45:22');
    expect(nl.date(at)).toBe('2 dec 2026');
    expect(de.relative(at - 4000, at)).toBe('vor 4 Sekunden');
    expect(nl.relative(at - 4000, at)).toBe('4 seconden geleden');
    expect(en.relative(at - 3 * 60_000, at)).toBe('3 minutes ago');
    expect(de.list(['TCP', 'UDP'])).toBe('TCP und UDP');
  });

  it('formats durations with SI symbols', () => {
    const de = createFormat('de');
    expect(de.duration(850)).toBe('850\u00a0ms');
    expect(de.duration(1234)).toBe('1,2\u00a0s');
    expect(de.duration(184_000)).toBe('3\u00a0min 4\u00a0s');
    expect(createFormat('nl').duration(3 * 86_400_000)).toBe('3 dagen');
  });
});

describe('createTranslator', () => {
  it('uses real plural rules and falls back to English for a missing key', () => {
    const catalogs = {
      en: { 'x.n': '{n, plural, one {# port} other {# ports}}', 'x.only': 'English only' },
      de: { 'x.n': '{n, plural, one {# Port} other {# Ports}}' },
      nl: { 'x.n': '{n, plural, one {# poort} other {# poorten}}' },
    } as unknown as Parameters<typeof createTranslator<'x.n' | 'x.only'>>[1];
    const de = createTranslator('de', catalogs);
    expect(de('x.n', { n: 1 })).toBe('1 Port');
    expect(de('x.n', { n: 1234 })).toBe('1.234 Ports');
    expect(de('x.only')).toBe('English only');
    expect(createTranslator('nl', catalogs)('x.n', { n: 2 })).toBe('2 poorten');
  });

  it('translates a key that arrived as data, and keeps the sender’s English for one it does not know', () => {
    const t = createTranslator('de', engineCatalogs);
    expect(t.maybe('engine.diagnose.listening.none', { label: '8080/tcp' }, 'Nothing listens on port 8080/tcp.')).toBe('Auf Port 8080/tcp lauscht nichts.');
    expect(t.maybe('engine.from.a.newer.peer', {}, 'Some English.')).toBe('Some English.');
    expect(t.maybe(undefined, undefined, 'No key at all.')).toBe('No key at all.');
  });
});
