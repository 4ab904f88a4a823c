import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import type { Role } from '@union/domain';
import { RequireRole } from '../auth/me';

/** The review area: district staff and cluster reviewers (the server scopes each to its own schools). */
const district = ['district_admin', 'district_viewer', 'cluster_reviewer'] as const;
/** Completeness also for city staff (read-only, every district). */
const completeness = [...district, 'city_admin', 'city_viewer'] as const;
const admin = ['district_admin'] as const;
/** Years are common to every district: the city admin sets them too. */
const yearsAdmin = ['district_admin', 'city_admin'] as const;

/** A page from its own chunk, loaded by the router before the route shows (route `lazy`), shown only to `roles` when given. */
function page<M>(load: () => Promise<M>, pick: (module: M) => ComponentType, roles?: readonly Role[]): RouteObject['lazy'] {
  return async () => {
    const Page = pick(await load());
    return {
      element: roles ? (
        <RequireRole roles={roles}>
          <Page />
        </RequireRole>
      ) : (
        <Page />
      ),
    };
  };
}

/** The reporting workflow's pages: chair home, district review and completeness, years and import (admin). */
export const reportingRoutes: RouteObject[] = [
  { path: 'home', lazy: page(() => import('../home/ChairHomePage'), (m) => m.ChairHomePage) },
  { path: 'review', lazy: page(() => import('./ReviewQueuePage'), (m) => m.ReviewQueuePage, district) },
  { path: 'review/completeness', lazy: page(() => import('./CompletenessPage'), (m) => m.CompletenessPage, completeness) },
  { path: 'review/:year/:schoolId', lazy: page(() => import('./ReviewReportPage'), (m) => m.ReviewReportPage, district) },
  { path: 'admin/years', lazy: page(() => import('../years/YearsAdminPage'), (m) => m.YearsAdminPage, yearsAdmin) },
  { path: 'admin/import', lazy: page(() => import('../years/ImportPage'), (m) => m.ImportPage, admin) },
];
