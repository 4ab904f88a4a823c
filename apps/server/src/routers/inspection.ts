import { z } from 'zod';
import { idSchema, inspectionTeamInputSchema, raterColumnSchema, reportingYearSchema } from '@union/domain';
import { deleteTeam, listTeams, mySchools, saveTeam } from '../services/inspection-teams';
import {
  confirmInspection,
  inspectionFeedback,
  inspectionSheet,
  publishInspection,
  reopenInspection,
  saveInspection,
  submitInspection,
} from '../services/inspection-reviews';
import { adminProcedure, authedProcedure, router } from '../trpc/trpc';
import { userError } from '../trpc/error-messages';

const report = z.object({ reportId: idSchema });

/** Only inspectors: the list of their own assigned schools. */
const inspectorProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.actor.role !== 'inspector') throw userError('FORBIDDEN', { zh: '只有考评组成员可以执行此操作', en: 'Only inspection team members can do this' });
  return next();
});

/**
 * 验收 by 考评组: the district's teams and their schools, the inspector's
 * sheet (items, 自评, evidence) and scores, the district's confirmation and
 * publication, and the chair's per-item feedback once published.
 */
export const inspectionRouter = router({
  /** The district's teams of a year, with the inspectors and schools it may choose from. */
  teams: adminProcedure.input(z.object({ year: reportingYearSchema })).query(({ ctx, input }) => listTeams(ctx.db, ctx.actor, input.year)),
  saveTeam: adminProcedure.input(inspectionTeamInputSchema).mutation(({ ctx, input }) => saveTeam(ctx.db, ctx, input)),
  deleteTeam: adminProcedure.input(z.object({ id: idSchema })).mutation(({ ctx, input }) => deleteTeam(ctx.db, ctx, input.id)),

  /** An inspector's teams and schools (optionally of one year). */
  mine: inspectorProcedure.input(z.object({ year: reportingYearSchema.optional() })).query(({ ctx, input }) => mySchools(ctx.db, ctx.actor, input.year)),

  /** A report's items with 自评, 考评 score and note, and the evidence per item: its inspector and the district admin. */
  sheet: authedProcedure.input(report).query(({ ctx, input }) => inspectionSheet(ctx.db, ctx.actor, input.reportId)),
  save: authedProcedure.input(report.extend({ ratings: raterColumnSchema })).mutation(({ ctx, input }) => saveInspection(ctx.db, ctx, input)),
  submit: authedProcedure.input(report).mutation(({ ctx, input }) => submitInspection(ctx.db, ctx, input.reportId)),

  confirm: adminProcedure.input(report).mutation(({ ctx, input }) => confirmInspection(ctx.db, ctx, input.reportId)),
  publish: adminProcedure.input(report).mutation(({ ctx, input }) => publishInspection(ctx.db, ctx, input.reportId)),
  reopen: adminProcedure.input(report).mutation(({ ctx, input }) => reopenInspection(ctx.db, ctx, input.reportId)),

  /** The published per-item feedback, for whoever may read the report (nothing before publication). */
  feedback: authedProcedure.input(report).query(({ ctx, input }) => inspectionFeedback(ctx.db, ctx.actor, input.reportId)),
});
