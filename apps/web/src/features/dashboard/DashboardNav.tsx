import { NavLink, useLocation } from 'react-router';
import { isStaff } from '../../app/access';
import { useMe } from '../auth/me';
import { useDistrictsCopy } from './districts/useDistrictsCopy';
import { useDashboardCopy } from './useDashboardCopy';
import './dashboard.css';

/** Tabs between the dashboard pages; the year (?year=) travels along. District staff only. */
export function DashboardNav() {
  const { c } = useDashboardCopy();
  const districts = useDistrictsCopy();
  const me = useMe();
  const { search } = useLocation();
  if (!isStaff(me.role)) return null;
  const params = new URLSearchParams(search);
  const year = params.get('year');
  // A city user's drill-down (?district=) travels along with the year.
  const district = params.get('district');
  const kept = new URLSearchParams();
  if (district) kept.set('district', district);
  if (year) kept.set('year', year);
  const keep = kept.size ? `?${kept.toString()}` : '';
  const city = me.role === 'city_admin' || me.role === 'city_viewer';
  const items = [
    ...(city ? [{ to: '/dashboard/districts', label: districts.navLabel, end: false }] : []),
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
            <NavLink to={item.to === '/dashboard/districts' ? (year ? `${item.to}?year=${year}` : item.to) : item.to + keep} end={item.end}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
