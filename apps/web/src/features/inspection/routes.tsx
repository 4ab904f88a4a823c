import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import type { Role } from '@union/domain';
import { RequireRole } from '../auth/me';

/** A page from its own chunk, shown only to `roles`. */
function page<M>(load: () => Promise<M>, pick: (module: M) => ComponentType, roles: readonly Role[]): RouteObject['lazy'] {
  return async () => {
    const Page = pick(await load());
    return {
      element: (
        <RequireRole roles={roles}>
          <Page />
        </RequireRole>
      ),
    };
  };
}

/** 验收: the inspector's list and sheet (the admin confirms on the same sheet), the admin's teams, the chair's 自评. */
export const inspectionRoutes: RouteObject[] = [
  { path: 'inspection', lazy: page(() => import('./InspectionListPage'), (m) => m.InspectionListPage, ['inspector']) },
  { path: 'inspection/:reportId', lazy: page(() => import('./InspectionSheetPage'), (m) => m.InspectionSheetPage, ['inspector', 'district_admin']) },
  { path: 'admin/inspection-teams', lazy: page(() => import('./TeamsAdminPage'), (m) => m.TeamsAdminPage, ['district_admin']) },
  { path: 'assessment', lazy: page(() => import('./AssessmentPage'), (m) => m.OwnAssessmentRedirect, ['school_chair']) },
  { path: 'assessment/:reportId', lazy: page(() => import('./AssessmentPage'), (m) => m.AssessmentPage, ['school_chair']) },
];
