import type { RouteObject } from 'react-router';
import { RequireRole } from '../auth/me';
import { ChairHomePage } from '../home/ChairHomePage';
import { ImportPage } from '../years/ImportPage';
import { YearsAdminPage } from '../years/YearsAdminPage';
import { CompletenessPage } from './CompletenessPage';
import { ReviewQueuePage } from './ReviewQueuePage';
import { ReviewReportPage } from './ReviewReportPage';

const district = ['district_admin', 'district_viewer'] as const;
const admin = ['district_admin'] as const;

/** The reporting workflow's pages: chair home, district review and completeness, years and import (admin). */
export const reportingRoutes: RouteObject[] = [
  { path: 'home', element: <ChairHomePage /> },
  {
    path: 'review',
    element: (
      <RequireRole roles={district}>
        <ReviewQueuePage />
      </RequireRole>
    ),
  },
  {
    path: 'review/completeness',
    element: (
      <RequireRole roles={district}>
        <CompletenessPage />
      </RequireRole>
    ),
  },
  {
    path: 'review/:year/:schoolId',
    element: (
      <RequireRole roles={district}>
        <ReviewReportPage />
      </RequireRole>
    ),
  },
  {
    path: 'admin/years',
    element: (
      <RequireRole roles={admin}>
        <YearsAdminPage />
      </RequireRole>
    ),
  },
  {
    path: 'admin/import',
    element: (
      <RequireRole roles={admin}>
        <ImportPage />
      </RequireRole>
    ),
  },
];
