import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../shared/contract';
import { engineCatalogs } from '../../shared/i18n/catalogs/engine';
import { createTranslator } from '../../shared/i18n/translate';
import { Engine } from '../../electron/engine/service';
import { tempDataDir } from './support';

/**
 * A recording failure reaches every front end as monitor.error and in history.status: the
 * English as before, and the key that words it, so German and Dutch readers see their language
 * around the error's own text (the database's, data).
 */
describe('recording failures are keyed', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    for (const c of cleanups.splice(0)) c();
  });

  it('a data folder that cannot hold a database: "history is off", in English on the wire and German or Dutch by its key', async () => {
    const tmp = tempDataDir();
    cleanups.push(tmp.remove);
    // A file where the folder should be: the store cannot open.
    const dataDir = path.join(tmp.dir, 'not-a-folder');
    writeFileSync(dataDir, 'x');
    const engine = new Engine({ transport: 'cli', intervalMs: 60_000, history: { dataDir } });
    cleanups.push(() => engine.dispose());
    const errors: Array<EventPayload<'monitor.error'>> = [];
    engine.on('monitor.error', (e) => errors.push(e));
    const recorder = await engine.startRecording();
    cleanups.push(() => recorder.stop());

    const opened = errors.find((e) => e.values?.stage === 'open')!;
    expect(opened.messageKey).toBe('engine.history.failed');
    expect(opened.message).toMatch(/^history is off: /);
    const error = String(opened.values!.error);
    expect(opened.message).toBe(`history is off: ${error}`);
    const de = createTranslator('de', engineCatalogs).maybe(opened.messageKey, opened.values, opened.message);
    expect(de).toBe(`Verlauf ist aus: ${error}`);
    const nl = createTranslator('nl', engineCatalogs).maybe(opened.messageKey, opened.values, opened.message);
    expect(nl).toBe(`Geschiedenis staat uit: ${error}`);
    expect(recorder.lastErrorText).toMatchObject({ messageKey: 'engine.history.failed' });
    expect(recorder.lastError).toBe(recorder.lastErrorText!.message);
  });
});
