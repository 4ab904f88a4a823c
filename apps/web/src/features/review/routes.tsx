import type { RouteObject } from 'react-router';
import { adminRoles, completenessRoles, orgAdminRoles, reviewRoles } from '../../app/access';
import { lazyPage as page } from '../../app/lazy-page';

/** The review area: district staff and cluster reviewers (the server scopes each to its own schools). */
const district = reviewRoles;
/** Completeness also for city staff (read-only, every district). */
const completeness = completenessRoles;
const admin = adminRoles;
/** Years are common to every district: the city admin sets them too. */
const yearsAdmin = orgAdminRoles;

/** The reporting workflow's pages: chair home, district review and completeness, years and import (admin). */
export const reportingRoutes: RouteObject[] = [
  { path: 'home', lazy: page(() => import('../home/ChairHomePage'), (m) => m.ChairHomePage) },
  { path: 'review', lazy: page(() => import('./ReviewQueuePage'), (m) => m.ReviewQueuePage, district) },
  { path: 'review/completeness', lazy: page(() => import('./CompletenessPage'), (m) => m.CompletenessPage, completeness) },
  { path: 'review/:year/:schoolId', lazy: page(() => import('./ReviewReportPage'), (m) => m.ReviewReportPage, district) },
  { path: 'admin/years', lazy: page(() => import('../years/YearsAdminPage'), (m) => m.YearsAdminPage, yearsAdmin) },
  { path: 'admin/import', lazy: page(() => import('../years/ImportPage'), (m) => m.ImportPage, admin) },
];
