import { createBrowserRouter } from 'react-router';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage';
import { LoginPage } from '../features/auth/LoginPage';
import { RequireAuth } from '../features/auth/RequireAuth';
import { dashboardRoutes } from '../features/dashboard/routes';
import { inspectionRoutes } from '../features/inspection';
import { LandingRedirect } from '../features/home/LandingRedirect';
import { notificationRoutes } from '../features/notifications/routes';
import { reportingRoutes } from '../features/review/routes';
import { ForbiddenPage } from '../ui/ForbiddenPage';
import { NotFoundPage } from '../ui/NotFoundPage';
import { LoadingState } from '../ui/states';
import { adminRoles, orgAdminRoles, staffRoles } from './access';
import { lazyPage } from './lazy-page';

// Every page is its own chunk, loaded by the router when its route is first
// opened (route `lazy`): a page (the dashboards above all) downloads only the
// shell and its own code, not the report form, the admin pages or the rubric
// editor. The router loads the chunk before it shows the route, so a link
// keeps the current page until the next one is ready; on a first visit the
// auth gate runs meanwhile and the page area shows the loading state. The
// login page, the landing redirect and the password form stay in the shell:
// the first two are where a visit starts, the auth gate shows the third itself.

const page = lazyPage;
/** Readers of a whole org unit: district staff and city staff (市教育工会). */
const district = staffRoles;
const admin = adminRoles;
/** Accounts and the audit log of a subtree: the district admin and the city admin. */
const orgAdmin = orgAdminRoles;

export const router = createBrowserRouter([
  { path: 'login', element: <LoginPage /> },
  {
    element: <RequireAuth />,
    children: [
      {
        // While a first visit's page chunk loads (the app shell is already there).
        hydrateFallbackElement: <LoadingState />,
        children: [
          // Chairs land on /home; district staff as before.
          { index: true, element: <LandingRedirect /> },
          { path: 'schools', lazy: page(() => import('../features/schools/SchoolsPage'), (m) => m.SchoolsPage, district) },
          // Every role: the server returns only schools in the caller's scope.
          { path: 'schools/:schoolId', lazy: page(() => import('../features/reports/SchoolReportPage'), (m) => m.SchoolRedirect) },
          { path: 'schools/:schoolId/reports/:year', lazy: page(() => import('../features/reports/SchoolReportPage'), (m) => m.SchoolReportPage) },
          // 核验签字盖章版 (the QR code's link); every role, scope applied by the server.
          { path: 'verify', lazy: page(() => import('../features/documents/VerifyPage'), (m) => m.VerifyPage) },
          { path: 'search', lazy: page(() => import('../features/search/SearchPage'), (m) => m.SearchPage, district) },
          { path: 'account/password', element: <ChangePasswordPage /> },
          { path: 'admin/users', lazy: page(() => import('../features/admin/UsersPage'), (m) => m.UsersPage, orgAdmin) },
          { path: 'admin/schools', lazy: page(() => import('../features/admin/SchoolsAdminPage'), (m) => m.SchoolsAdminPage, admin) },
          // 考核评估表: admins edit, viewers read.
          { path: 'admin/rubric', lazy: page(() => import('../features/rubric/RubricPage'), (m) => m.RubricPage, district) },
          { path: 'admin/audit', lazy: page(() => import('../features/admin/AuditLogPage'), (m) => m.AuditLogPage, orgAdmin) },
          // 数据看板 (with ECharts; roles checked per page inside).
          ...dashboardRoutes,
          // 年报流程: chair home, review, completeness, years, Excel import.
          ...reportingRoutes,
          // 通知渠道 (admin) and 我的通知设置 (everyone).
          ...notificationRoutes,
          // 验收: 考评组, the inspector's sheet, the chair's 自评 and feedback.
          ...inspectionRoutes,
          { path: 'forbidden', element: <ForbiddenPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
