import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, appEntryUrl, isAppUrl } from '../../electron/app/policy';

describe('the app URL carries the system languages', () => {
  it('lists them best first, as one query parameter the renderer reads', () => {
    const url = new URL(appEntryUrl(['de-AT', 'en-US']));
    expect(url.searchParams.get('langs')).toBe('de-AT,en-US');
    expect(isAppUrl(url.href)).toBe(true);
  });

  it('drops what is not a language tag, and is the plain entry URL when nothing is left', () => {
    expect(new URL(appEntryUrl(['nl_NL', 'x&y=1', '', 'de'])).searchParams.get('langs')).toBe('nl_NL,de');
    expect(appEntryUrl([])).toBe(APP_ENTRY_URL);
    expect(appEntryUrl(['<script>'])).toBe(APP_ENTRY_URL);
  });
});
