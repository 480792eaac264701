import { describe, expect, it } from 'vitest';
import { couldNotRun, ranWith, toolFailed } from '../../electron/engine/platform/toolFailure';
import { engineCatalogs } from '../../shared/i18n/catalogs/engine';
import { createTranslator } from '../../shared/i18n/translate';

/** The warning an adapter gives when ps, lsof, netstat or tasklist fails: one keyed message, the tool's own words kept. */
describe('a failed tool as a keyed warning', () => {
  const german = createTranslator('de', engineCatalogs);

  it('keeps the first stderr line as the tool printed it, even when it is just "none"', () => {
    const w = toolFailed('processNames', ranWith('tasklist', 1, 'none\nsecond line\n'));
    expect(w.message).toBe('process names unavailable: tasklist exited 1: none');
    expect(w.messageKey).toBe('platform.toolFailed');
    expect(german('platform.toolFailed', w.values)).toBe('Prozessnamen nicht verfügbar: tasklist wurde mit Exit-Code 1 beendet: none');
  });

  it('says nothing after the command when stderr was empty', () => {
    const w = toolFailed('none', ranWith('lsof', 1, '  \n'));
    expect(w.message).toBe('lsof exited 1');
    expect(german('platform.toolFailed', w.values)).toBe('lsof wurde mit Exit-Code 1 beendet');
  });

  it('words a spawn failure and a signal', () => {
    expect(toolFailed('socketTable', couldNotRun('netstat', new Error('spawn netstat ENOENT'))).message).toBe('no socket table: netstat could not run: spawn netstat ENOENT');
    expect(toolFailed('none', ranWith('ps', null, '')).message).toBe('ps exited on a signal');
  });
});
