import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import type { Role } from '@union/domain';
import { RequireRole } from '../features/auth/me';

/**
 * A route's page from its own chunk (route `lazy`: the router loads it before
 * the route shows), shown only to `roles` when given — one helper for every
 * feature's routes.
 */
export function lazyPage<M>(load: () => Promise<M>, pick: (module: M) => ComponentType, roles?: readonly Role[]): RouteObject['lazy'] {
  return async () => {
    const Page = pick(await load());
    return {
      element: roles ? (
        <RequireRole roles={roles}>
          <Page />
        </RequireRole>
      ) : (
        <Page />
      ),
    };
  };
}
