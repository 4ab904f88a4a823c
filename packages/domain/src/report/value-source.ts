import { z } from 'zod';
import { indicatorCodeSchema } from '../catalogue/indicator';
import { maxIndicatorValue } from '../validation/indicator-value';
import { safeRecord, safeText } from '../validation/safe-input';

/** The longest sentence kept as a value's source (the extractor's sentences are far shorter). */
export const MAX_SOURCE_SENTENCE = 500;
/** A value added up from several figures keeps at most this many sentences. */
export const MAX_SOURCE_EXCERPTS = 10;

const position = z.number({ error: '位置必须是数字' }).int({ error: '位置必须是整数' }).min(0, { error: '位置无效' }).max(MAX_SOURCE_SENTENCE, { error: '位置无效' });

/** One sentence of the chair's summary a value was read from, with the figure's place in it. */
export const sourceExcerptSchema = z
  .object({
    sentence: safeText({ min: 1, max: MAX_SOURCE_SENTENCE, maxMessage: `来源句子最多 ${MAX_SOURCE_SENTENCE} 个字` }),
    /** The figure ("14.2万元") as offsets into `sentence`. */
    figureStart: position,
    figureEnd: position,
  })
  .refine((e) => e.figureStart <= e.figureEnd && e.figureEnd <= e.sentence.length, { error: '来源中数字的位置无效' });
export type SourceExcerpt = z.infer<typeof sourceExcerptSchema>;

/**
 * Where an imported value came from, as the form sends it with a save. `value`
 * is the value it was imported as: a source is kept only while the saved value
 * is still that one, so a figure the chair retyped loses it (on the server too).
 */
export const valueSourceInputSchema = z.object({
  value: z.number({ error: '必须是数字' }).finite({ error: '必须是有限的数字' }).min(0).max(maxIndicatorValue),
  /** The uploaded file's name, or '' for pasted text. */
  document: safeText({ max: 200, maxMessage: '文件名最多 200 个字' }),
  excerpts: z.array(sourceExcerptSchema).min(1, { error: '来源至少要有一句' }).max(MAX_SOURCE_EXCERPTS, { error: `来源最多 ${MAX_SOURCE_EXCERPTS} 句` }),
});
export type ValueSourceInput = z.infer<typeof valueSourceInputSchema>;

/** Sources by indicator code, in a save request. */
export const valueSourcesSchema = safeRecord(indicatorCodeSchema, valueSourceInputSchema);
export type ValueSources = z.infer<typeof valueSourcesSchema>;

/** A stored source: who accepted the figure into the draft, and when (the first save that carried it). */
export interface ValueSource extends ValueSourceInput {
  acceptedBy: string | null;
  acceptedAt: string;
}

/** Whether two sources say the same (ignoring who/when): a re-sent source keeps its first acceptance. */
export function sameSource(a: ValueSourceInput, b: ValueSourceInput): boolean {
  return (
    a.value === b.value &&
    a.document === b.document &&
    a.excerpts.length === b.excerpts.length &&
    a.excerpts.every((e, i) => e.sentence === b.excerpts[i]!.sentence && e.figureStart === b.excerpts[i]!.figureStart && e.figureEnd === b.excerpts[i]!.figureEnd)
  );
}

/** The sources still true for these values: one whose value differs from the value now held is dropped. */
export function sourcesForValues<S extends ValueSourceInput>(sources: Readonly<Record<string, S>>, values: Readonly<Record<string, number | null | undefined>>): Record<string, S> {
  const kept: Record<string, S> = {};
  for (const [code, source] of Object.entries(sources)) if (values[code] != null && values[code] === source.value) kept[code] = source;
  return kept;
}
