import { createBrowserRouter, Navigate } from 'react-router';
import { SchoolReportPage, SchoolRedirect } from '../features/reports/SchoolReportPage';
import { SchoolsPage } from '../features/schools/SchoolsPage';
import { NotFoundPage } from '../ui/NotFoundPage';
import { AppShell } from './AppShell';

export const router = createBrowserRouter([
  {
    element: <AppShell />,
    children: [
      { index: true, element: <Navigate to="/schools" replace /> },
      { path: 'schools', element: <SchoolsPage /> },
      { path: 'schools/:schoolId', element: <SchoolRedirect /> },
      { path: 'schools/:schoolId/reports/:year', element: <SchoolReportPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
