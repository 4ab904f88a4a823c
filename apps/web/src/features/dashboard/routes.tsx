import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { staffRoles } from '../../app/access';
import { lazyPage } from '../../app/lazy-page';

// Each page is its own chunk, loaded by the router before the route shows
// (route `lazy`; the app router shows the loading state on a first visit).
// ECharts comes with the charts, after the page has asked for its data: the
// rest of the app (the schools list, the report form) never downloads it.

/** A dashboard page from its own chunk; district staff only when `districtOnly`. */
const page = <M,>(load: () => Promise<M>, pick: (module: M) => ComponentType, districtOnly = false) => lazyPage(load, pick, districtOnly ? staffRoles : undefined);

/**
 * The dashboards. District staff see all of them; a chair reaches the year
 * overview (with the school's own standing) and the own school's profile
 * (the server answers "not found" for any other school).
 */
export const dashboardRoutes: RouteObject[] = [
  {
    path: 'dashboard',
    children: [
      { index: true, lazy: page(() => import('./pages/OverviewPage'), (m) => m.OverviewPage) },
      // 各区对比: the city's districts side by side (district staff see their own one row).
      { path: 'districts', lazy: page(() => import('./pages/DistrictComparisonPage'), (m) => m.DistrictComparisonPage, true) },
      { path: 'compare', lazy: page(() => import('./pages/ComparePage'), (m) => m.ComparePage, true) },
      { path: 'trends', lazy: page(() => import('./pages/TrendsPage'), (m) => m.TrendsPage, true) },
      { path: 'print', lazy: page(() => import('./pages/PrintSummaryPage'), (m) => m.PrintSummaryPage, true) },
      { path: 'schools/:schoolId', lazy: page(() => import('./pages/SchoolProfilePage'), (m) => m.SchoolProfilePage) },
    ],
  },
];
