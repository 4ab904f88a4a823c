import { NavLink, useLocation } from 'react-router';
import { isDistrict } from '../../app/access';
import { useMe } from '../auth/me';
import { useDashboardCopy } from './useDashboardCopy';
import './dashboard.css';

/** Tabs between the dashboard pages; the year (?year=) travels along. District staff only. */
export function DashboardNav() {
  const { c } = useDashboardCopy();
  const me = useMe();
  const { search } = useLocation();
  if (!isDistrict(me.role)) return null;
  const year = new URLSearchParams(search).get('year');
  const keep = year ? `?year=${year}` : '';
  const items = [
    { to: '/dashboard', label: c.nav.overview, end: true },
    { to: '/dashboard/compare', label: c.nav.compare, end: false },
    { to: '/dashboard/trends', label: c.nav.trends, end: false },
    { to: '/dashboard/print', label: c.nav.print, end: false },
  ];
  return (
    <nav className="dashboard-nav no-print" aria-label={c.nav.label}>
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to + keep} end={item.end}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
