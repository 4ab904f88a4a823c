import { createBrowserRouter } from 'react-router';
import { AuditLogPage } from '../features/admin/AuditLogPage';
import { SchoolsAdminPage } from '../features/admin/SchoolsAdminPage';
import { UsersPage } from '../features/admin/UsersPage';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage';
import { LoginPage } from '../features/auth/LoginPage';
import { RequireRole } from '../features/auth/me';
import { RequireAuth } from '../features/auth/RequireAuth';
import { dashboardRoutes } from '../features/dashboard/routes';
import { LandingRedirect } from '../features/home/LandingRedirect';
import { SchoolReportPage, SchoolRedirect } from '../features/reports/SchoolReportPage';
import { reportingRoutes } from '../features/review/routes';
import { RubricPage } from '../features/rubric/RubricPage';
import { SchoolsPage } from '../features/schools/SchoolsPage';
import { SearchPage } from '../features/search/SearchPage';
import { ForbiddenPage } from '../ui/ForbiddenPage';
import { NotFoundPage } from '../ui/NotFoundPage';

const district = ['district_admin', 'district_viewer'] as const;
const admin = ['district_admin'] as const;

export const router = createBrowserRouter([
  { path: 'login', element: <LoginPage /> },
  {
    element: <RequireAuth />,
    children: [
      // Chairs land on /home; district staff as before.
      { index: true, element: <LandingRedirect /> },
      {
        path: 'schools',
        element: (
          <RequireRole roles={district}>
            <SchoolsPage />
          </RequireRole>
        ),
      },
      // Every role: the server returns only schools in the caller's scope.
      { path: 'schools/:schoolId', element: <SchoolRedirect /> },
      { path: 'schools/:schoolId/reports/:year', element: <SchoolReportPage /> },
      {
        path: 'search',
        element: (
          <RequireRole roles={district}>
            <SearchPage />
          </RequireRole>
        ),
      },
      { path: 'account/password', element: <ChangePasswordPage /> },
      {
        path: 'admin/users',
        element: (
          <RequireRole roles={admin}>
            <UsersPage />
          </RequireRole>
        ),
      },
      {
        path: 'admin/schools',
        element: (
          <RequireRole roles={admin}>
            <SchoolsAdminPage />
          </RequireRole>
        ),
      },
      // 考核评估表: admins edit, viewers read.
      {
        path: 'admin/rubric',
        element: (
          <RequireRole roles={district}>
            <RubricPage />
          </RequireRole>
        ),
      },
      {
        path: 'admin/audit',
        element: (
          <RequireRole roles={admin}>
            <AuditLogPage />
          </RequireRole>
        ),
      },
      // 数据看板 (lazy-loaded with ECharts; roles checked per page inside).
      ...dashboardRoutes,
      // 年报流程: chair home, review, completeness, years, Excel import.
      ...reportingRoutes,
      { path: 'forbidden', element: <ForbiddenPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
