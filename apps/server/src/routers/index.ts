import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { router } from '../trpc/trpc';
import { catalogueRouter } from './catalogue';
import { reportsRouter } from './reports';
import { schoolsRouter } from './schools';

export const appRouter = router({
  schools: schoolsRouter,
  catalogue: catalogueRouter,
  reports: reportsRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
