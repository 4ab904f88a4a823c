import { z } from 'zod';
import { indicatorCodeSchema } from '../catalogue/indicator';
import { narrativeSections } from '../report/report';

const offset = z.number().int().min(0);

export const evidenceSchema = z
  .object({
    /** Offsets into the text the chair pasted (not the normalised text): the figure's sentence. */
    start: offset,
    end: offset,
    /** The sentence as the chair wrote it (original characters). */
    sentence: z.string(),
    /** The figure itself with its unit ("14.2万元"), offsets into the pasted text. */
    figure: z.object({ start: offset, end: offset }),
  })
  .refine((e) => e.start <= e.end && e.figure.start <= e.figure.end, { error: '证据位置无效' });
export type Evidence = z.infer<typeof evidenceSchema>;

export const suggestionSchema = z.object({
  indicatorCode: indicatorCodeSchema,
  /** In the indicator's catalogue unit: money in 元 (14.2万元 → 142000), percent as 15 for 15%. */
  value: z.number(),
  /** The catalogue unit of the indicator. */
  unit: z.string().min(1).max(10),
  /** 多/余/近/约/左右 …: the value is the stated base. */
  approx: z.boolean(),
  /** Planned (计划投资十万元, or in the plans section), not done. */
  isPlan: z.boolean(),
  evidence: evidenceSchema,
  confidence: z.number().min(0).max(1),
  /**
   * 'confident': pre-filled and ticked; 'possible': the reading is weaker (confidence
   * below the calibrated threshold), shown unticked under 「可能相关」.
   */
  tier: z.enum(['confident', 'possible']),
});
export type Suggestion = z.infer<typeof suggestionSchema>;

export const sectionSpanSchema = z.object({
  section: z.enum(narrativeSections),
  start: offset,
  end: offset,
});

export const narrativeSectionsSchema = z.object({
  achievements: z.string(),
  shortcomings: z.string(),
  plans: z.string(),
  spans: z.array(sectionSpanSchema),
});

export const extractionResultSchema = z.object({
  suggestions: z.array(suggestionSchema),
  sections: narrativeSectionsSchema,
});
export type ExtractionResult = z.infer<typeof extractionResultSchema>;
