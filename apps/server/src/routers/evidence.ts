import { z } from 'zod';
import { evidenceTargetSchema, evidenceUploadSchema, idSchema } from '@union/domain';
import { deleteEvidence, listEvidence, uploadEvidence } from '../services/evidence-files';
import { authedProcedure, router } from '../trpc/trpc';

/**
 * Evidence (佐证材料) on a report's sections and rubric items. Uploads travel
 * base64 in JSON like the Excel and 总结 uploads, so they pass the same CSRF
 * rules (JSON-only POSTs, Origin check) and input tests as every mutation;
 * downloads are plain GETs (src/http/evidence-download.ts).
 */
export const evidenceRouter = router({
  /** A report's files (of one target when given), for whoever may read the report. */
  list: authedProcedure
    .input(z.object({ reportId: idSchema, target: evidenceTargetSchema.optional() }))
    .query(({ ctx, input }) => listEvidence(ctx.db, ctx.actor, input.reportId, input.target)),

  /** The chair adds a photo or document to their own editable report. */
  upload: authedProcedure.input(evidenceUploadSchema).mutation(({ ctx, input }) => uploadEvidence(ctx, input)),

  /** The chair removes a file of their own editable report. */
  delete: authedProcedure.input(z.object({ fileId: idSchema })).mutation(({ ctx, input }) => deleteEvidence(ctx, input.fileId)),
});
