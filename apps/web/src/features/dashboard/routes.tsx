import { lazy, Suspense, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { LoadingState } from '../../ui/states';
import { RequireRole } from '../auth/me';

// Each page is its own chunk, and ECharts comes with them: the rest of the app
// (the schools list, the report form) never downloads the charting library.
const OverviewPage = lazy(() => import('./pages/OverviewPage').then((m) => ({ default: m.OverviewPage })));
const ComparePage = lazy(() => import('./pages/ComparePage').then((m) => ({ default: m.ComparePage })));
const TrendsPage = lazy(() => import('./pages/TrendsPage').then((m) => ({ default: m.TrendsPage })));
const SchoolProfilePage = lazy(() => import('./pages/SchoolProfilePage').then((m) => ({ default: m.SchoolProfilePage })));
const PrintSummaryPage = lazy(() => import('./pages/PrintSummaryPage').then((m) => ({ default: m.PrintSummaryPage })));

const district = ['district_admin', 'district_viewer'] as const;

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<LoadingState />}>{children}</Suspense>;
}

const districtOnly = (page: ReactNode) => (
  <RequireRole roles={district}>
    <Lazy>{page}</Lazy>
  </RequireRole>
);

/**
 * The dashboards. District staff see all of them; a chair reaches the year
 * overview (with the school's own standing) and the own school's profile
 * (the server answers "not found" for any other school).
 */
export const dashboardRoutes: RouteObject[] = [
  {
    path: 'dashboard',
    children: [
      { index: true, element: <Lazy><OverviewPage /></Lazy> },
      { path: 'compare', element: districtOnly(<ComparePage />) },
      { path: 'trends', element: districtOnly(<TrendsPage />) },
      { path: 'print', element: districtOnly(<PrintSummaryPage />) },
      { path: 'schools/:schoolId', element: <Lazy><SchoolProfilePage /></Lazy> },
    ],
  },
];
