// Worker-thread entry of the extraction pool. Expected refusals come back as
// values (an Error's class does not survive the thread boundary); anything
// else is thrown and logged by the server as a crash.
import { TextFileError, type Indicator, type Locale } from '@union/domain';
import { inLocale } from '../i18n/request-locale';
import { UploadRefusedError } from '../services/zip-guard';
import { extractNarrative, type NarrativeSource } from './read-narrative';

export interface ExtractionTask {
  source: NarrativeSource;
  catalogue: readonly Indicator[];
  /** The request's locale: refusals are built in the worker thread, outside the request's context. */
  locale: Locale;
}

export type ExtractionOutcome = { ok: true; result: Awaited<ReturnType<typeof extractNarrative>> } | { ok: false; message: string };

export default async function runExtractionTask({ source, catalogue, locale }: ExtractionTask): Promise<ExtractionOutcome> {
  try {
    return { ok: true, result: await inLocale(locale, () => extractNarrative(source, catalogue)) };
  } catch (error) {
    if (error instanceof UploadRefusedError || error instanceof TextFileError) return { ok: false, message: error.message };
    throw error;
  }
}
