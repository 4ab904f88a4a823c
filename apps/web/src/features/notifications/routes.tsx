import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import type { Role } from '@union/domain';
import { RequireRole } from '../auth/me';

const admin = ['district_admin'] as const;

/** A page from its own chunk, shown only to `roles` when given. */
function page<M>(load: () => Promise<M>, pick: (module: M) => ComponentType, roles?: readonly Role[]): RouteObject['lazy'] {
  return async () => {
    const Page = pick(await load());
    return { element: roles ? <RequireRole roles={roles}><Page /></RequireRole> : <Page /> };
  };
}

/** Channel settings (admin) and everyone's own notification settings. */
export const notificationRoutes: RouteObject[] = [
  { path: 'admin/notifications', lazy: page(() => import('./ChannelSettingsPage'), (m) => m.ChannelSettingsPage, admin) },
  { path: 'account/notifications', lazy: page(() => import('./MyNotificationsPage'), (m) => m.MyNotificationsPage) },
];
