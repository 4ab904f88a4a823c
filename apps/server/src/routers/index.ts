import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { router } from '../trpc/trpc';
import { auditRouter } from './audit';
import { authRouter } from './auth';
import { catalogueRouter } from './catalogue';
import { dashboardRouter } from './dashboard';
import { documentsRouter } from './documents';
import { evidenceRouter } from './evidence';
import { excelRouter } from './excel';
import { inspectionRouter } from './inspection';
import { narrativesRouter } from './narratives';
import { notificationsRouter } from './notifications';
import { remindersRouter } from './reminders';
import { reportsRouter } from './reports';
import { reviewRouter } from './review';
import { rubricRouter } from './rubric';
import { schoolGroupsRouter } from './school-groups';
import { schoolsRouter } from './schools';
import { usersRouter } from './users';
import { yearsRouter } from './years';

export const appRouter = router({
  auth: authRouter,
  schools: schoolsRouter,
  catalogue: catalogueRouter,
  reports: reportsRouter,
  review: reviewRouter,
  years: yearsRouter,
  reminders: remindersRouter,
  excel: excelRouter,
  dashboard: dashboardRouter,
  documents: documentsRouter,
  rubric: rubricRouter,
  narratives: narrativesRouter,
  users: usersRouter,
  audit: auditRouter,
  notifications: notificationsRouter,
  evidence: evidenceRouter,
  schoolGroups: schoolGroupsRouter,
  inspection: inspectionRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
