import { z } from 'zod';
import { assignCatalogueToYear } from '@union/db';
import { isoDateSchema, reportingYearSchema, zodMessage } from '@union/domain';
import { writeAudit } from '../audit/audit-log';
import { notifyYearOpened } from '../notifications/events';
import { orgAdminProcedure, router } from '../trpc/trpc';
import { userError } from '../trpc/error-messages';

export const yearsRouter = router({
  /**
   * Opens a new reporting year with a deadline; it starts with the previous year's indicators.
   * Years (and so each year's catalogue) are common to every district: the city admin may open and
   * set them too.
   */
  create: orgAdminProcedure.input(z.object({ year: reportingYearSchema, deadline: isoDateSchema })).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (trx) => {
      const exists = await trx.selectFrom('reporting_years').select('year').where('year', '=', input.year).executeTakeFirst();
      if (exists) throw userError('CONFLICT', { zh: `${input.year} 年度已存在`, en: `Reporting year ${input.year} already exists` });
      await trx.insertInto('reporting_years').values({ year: input.year, deadline: input.deadline, is_open: true }).execute();
      await assignCatalogueToYear(trx, input.year);
      await writeAudit(trx, ctx, { action: 'year_created', entityType: 'year', entityId: input.year, details: { deadline: input.deadline } });
      await notifyYearOpened(trx, { year: input.year, deadline: input.deadline, createdBy: ctx.actor.userId });
      return { year: input.year };
    });
  }),

  update: orgAdminProcedure
    .input(
      z.object({
        year: reportingYearSchema,
        deadline: isoDateSchema,
        isOpen: z.boolean(),
        publishedToChairs: z.boolean(),
        /** 1: the district approves; 2: cluster reviewers approve first, the district accepts. Unchanged when left out. */
        reviewSteps: z.union([z.literal(1), z.literal(2)], { error: zodMessage(() => ({ zh: '审核级数只能是 1（区审核）或 2（片区初审 + 区确认）', en: 'review steps are 1 (the district) or 2 (cluster first, then the district)' })) }).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('reporting_years')
          .set({
            deadline: input.deadline,
            is_open: input.isOpen,
            published_to_chairs: input.publishedToChairs,
            ...(input.reviewSteps ? { review_steps: input.reviewSteps } : {}),
          })
          .where('year', '=', input.year)
          .returning('year')
          .executeTakeFirst();
        if (!updated) throw userError('NOT_FOUND', { zh: `没有 ${input.year} 年度`, en: `There is no reporting year ${input.year}` });
        await writeAudit(trx, ctx, { action: 'year_updated', entityType: 'year', entityId: input.year, details: { ...input } });
        return { year: input.year };
      });
    }),
});
