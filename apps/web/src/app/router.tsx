import { createBrowserRouter } from 'react-router';
import { AuditLogPage } from '../features/admin/AuditLogPage';
import { SchoolsAdminPage } from '../features/admin/SchoolsAdminPage';
import { UsersPage } from '../features/admin/UsersPage';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage';
import { LoginPage } from '../features/auth/LoginPage';
import { HomeRedirect, RequireRole } from '../features/auth/me';
import { RequireAuth } from '../features/auth/RequireAuth';
import { SchoolReportPage, SchoolRedirect } from '../features/reports/SchoolReportPage';
import { SchoolsPage } from '../features/schools/SchoolsPage';
import { ForbiddenPage } from '../ui/ForbiddenPage';
import { NotFoundPage } from '../ui/NotFoundPage';

const district = ['district_admin', 'district_viewer'] as const;
const admin = ['district_admin'] as const;

export const router = createBrowserRouter([
  { path: 'login', element: <LoginPage /> },
  {
    element: <RequireAuth />,
    children: [
      { index: true, element: <HomeRedirect /> },
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
      {
        path: 'admin/audit',
        element: (
          <RequireRole roles={admin}>
            <AuditLogPage />
          </RequireRole>
        ),
      },
      { path: 'forbidden', element: <ForbiddenPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
