import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bridgeErrorMessage, fromBridgeError } from '../../shared/contract/bridgeError';
import { ContractError, toWireError } from '../../shared/contract/errors';
import { engineCatalogs } from '../../shared/i18n/catalogs/engine';
import { createTranslator } from '../../shared/i18n/translate';
import { saveReportFile } from '../../electron/engine/report/saveFile';

/**
 * The Save dialog's refusals reach the page through the Electron bridge: the English as before,
 * and the key, so the page shows them in German or Dutch. Nothing is written in either case.
 */
async function refusal(file: string, format: Parameters<typeof saveReportFile>[1]): Promise<ContractError> {
  const err = await saveReportFile(file, format, 'x').then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ContractError);
  // As the page gets it: through the preload's message and back.
  const crossed = fromBridgeError(new Error(bridgeErrorMessage(toWireError(err)))) as ContractError;
  expect(crossed.message).toBe((err as Error).message);
  return crossed;
}

const shown = (lang: 'en' | 'de' | 'nl', e: ContractError) => createTranslator(lang, engineCatalogs).maybe(e.messageKey, e.values, e.message);

describe('saving a report: refusals are keyed', () => {
  it('a relative path', async () => {
    const e = await refusal('reports/today.html', 'html');
    expect(e.code).toBe('bad-request');
    expect(e.message).toBe("the report path must be absolute, not 'reports/today.html'");
    expect(shown('en', e)).toBe(e.message);
    expect(shown('de', e)).toBe("der Pfad des Berichts muss absolut sein, nicht 'reports/today.html'");
    expect(shown('nl', e)).toBe("het pad van het rapport moet absoluut zijn, niet 'reports/today.html'");
  });

  it('an extension that does not match the format', async () => {
    const file = path.join(os.tmpdir(), 'portscope-never-written.csv');
    const pdf = await refusal(file, 'pdf');
    expect(pdf.message).toBe('a PDF report must be saved as a .pdf file, not portscope-never-written.csv');
    expect(shown('en', pdf)).toBe(pdf.message);
    expect(shown('de', pdf)).toBe('ein PDF-Bericht muss als .pdf-Datei gespeichert werden, nicht als portscope-never-written.csv');
    const md = await refusal(file, 'md');
    expect(shown('nl', md)).toMatch(/^een MD-rapport moet als \.md-bestand worden opgeslagen, niet als portscope-never-written\.csv$/);
    expect(shown('de', md)).not.toMatch(/report|must be saved/);
  });
});
