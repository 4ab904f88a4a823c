import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { router } from '../trpc/trpc';
import { auditRouter } from './audit';
import { authRouter } from './auth';
import { catalogueRouter } from './catalogue';
import { reportsRouter } from './reports';
import { schoolsRouter } from './schools';
import { usersRouter } from './users';

export const appRouter = router({
  auth: authRouter,
  schools: schoolsRouter,
  catalogue: catalogueRouter,
  reports: reportsRouter,
  users: usersRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
