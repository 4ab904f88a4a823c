import { createContext, useContext, type ReactNode } from 'react';
import { Navigate } from 'react-router';
import type { Role } from '@union/domain';
import type { Me } from '../../app/trpc';
import { ForbiddenPage } from '../../ui/ForbiddenPage';

const MeContext = createContext<Me | null>(null);

export function MeProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <MeContext.Provider value={me}>{children}</MeContext.Provider>;
}

/** The logged-in user; only inside the auth gate. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe() outside the auth gate');
  return me;
}

export { isDistrict, isStaff } from '../../app/access';

/** District or city staff: who reads dashboards and lists of a whole org unit. */

/** Where a user starts: a chair at their own school's report, a cluster reviewer at the review queue, district staff at the school list. */
export function homePath(me: Pick<Me, 'role' | 'schoolId'>): string {
  if (me.role === 'school_chair') return me.schoolId ? `/schools/${me.schoolId}` : '/forbidden';
  if (me.role === 'cluster_reviewer') return '/review';
  if (me.role === 'city_admin' || me.role === 'city_viewer') return '/dashboard/districts';
  if (me.role === 'inspector') return '/inspection';
  return '/schools';
}

export function HomeRedirect() {
  const me = useMe();
  if (me.role === 'school_chair' && !me.schoolId) return <ForbiddenPage />;
  return <Navigate to={homePath(me)} replace />;
}

/** Shows the page only to the given roles; others get "无权访问" (the server refuses them anyway). */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const me = useMe();
  return roles.includes(me.role) ? children : <ForbiddenPage />;
}

/** A same-site path to return to after login, or null. */
export function safeNextPath(value: string | null): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (value === '/login' || value.startsWith('/login?') || value.startsWith('/login/')) return null;
  return value;
}
