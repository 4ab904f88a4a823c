import { Navigate } from 'react-router';
import { HomeRedirect, useMe } from '../auth/me';

/** Where `/` leads: a school chair to their home page (/home), district staff as before. */
export function LandingRedirect() {
  const me = useMe();
  if (me.role === 'school_chair' && me.schoolId) return <Navigate to="/home" replace />;
  return <HomeRedirect />;
}
