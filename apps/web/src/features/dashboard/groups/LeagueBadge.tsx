import { leagueArrows, leagueLegend, leagueMovements, type LeagueMovement } from '@union/domain';
import { useGroupsCopy } from './useGroupsCopy';

/** ▲2 / ▼1 / — / 新 beside a rank, with the full wording for screen readers and on hover. */
export function LeagueBadge({ movement, change, previousRank, inherited }: { movement: LeagueMovement | null; change: number | null; previousRank: number | null; inherited: boolean }) {
  const { g, labelKey } = useGroupsCopy();
  if (!movement) return null;
  const places = Math.abs(change ?? 0);
  const words =
    movement === 'up' ? g.up(places) : movement === 'down' ? g.down(places) : movement === 'same' ? g.same : g.isNew;
  const spoken = `${words}${previousRank !== null ? `${labelKey === 'en' ? ', ' : '，'}${g.previous(previousRank)}` : ''}${inherited && previousRank !== null ? g.inherited(previousRank) : ''}`;
  const shown = movement === 'up' || movement === 'down' ? `${leagueArrows[movement]}${places}` : movement === 'new' ? (labelKey === 'en' ? 'New' : leagueArrows.new) : leagueArrows.same;
  return (
    <span className={`league league--${movement}${inherited ? ' league--inherited' : ''}`} title={spoken} data-movement={movement}>
      <span aria-hidden="true">
        {shown}
        {inherited ? '*' : ''}
      </span>
      <span className="visually-hidden">{spoken}</span>
    </span>
  );
}

/** The legend every league table carries. */
export function LeagueLegend() {
  const { g, label } = useGroupsCopy();
  return (
    <div className="league-legend" aria-label={g.legendTitle} role="note">
      <span className="league-legend__title">{g.legendTitle}</span>
      <ul>
        {leagueMovements.map((m) => (
          <li key={m}>{label(leagueLegend[m])}</li>
        ))}
      </ul>
    </div>
  );
}
