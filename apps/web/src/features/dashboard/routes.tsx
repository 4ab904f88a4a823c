import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { RequireRole } from '../auth/me';

// Each page is its own chunk, loaded by the router before the route shows
// (route `lazy`; the app router shows the loading state on a first visit).
// ECharts comes with the charts, after the page has asked for its data: the
// rest of the app (the schools list, the report form) never downloads it.

const district = ['district_admin', 'district_viewer', 'city_admin', 'city_viewer'] as const;

/** A dashboard page from its own chunk; district staff only when `districtOnly`. */
function page<M>(load: () => Promise<M>, pick: (module: M) => ComponentType, districtOnly = false): RouteObject['lazy'] {
  return async () => {
    const Page = pick(await load());
    return {
      element: districtOnly ? (
        <RequireRole roles={district}>
          <Page />
        </RequireRole>
      ) : (
        <Page />
      ),
    };
  };
}

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
