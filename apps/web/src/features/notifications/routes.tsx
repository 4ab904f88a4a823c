import type { RouteObject } from 'react-router';
import { adminRoles as admin } from '../../app/access';
import { lazyPage as page } from '../../app/lazy-page';

/** Channel settings (admin) and everyone's own notification settings. */
export const notificationRoutes: RouteObject[] = [
  { path: 'admin/notifications', lazy: page(() => import('./ChannelSettingsPage'), (m) => m.ChannelSettingsPage, admin) },
  { path: 'account/notifications', lazy: page(() => import('./MyNotificationsPage'), (m) => m.MyNotificationsPage) },
];
