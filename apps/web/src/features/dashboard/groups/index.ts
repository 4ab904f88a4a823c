// School groups and the league table inside the dashboards.
import './groups.css';
export { GroupControls, useGroupName, useDistrictGroups } from './GroupControls';
export { GroupSummaryTable } from './GroupSummaryTable';
export { LeagueBadge, LeagueLegend } from './LeagueBadge';
export { useGroupParams, parseGroupParam, groupParamOf } from './useGroupParams';
export { useGroupsCopy } from './useGroupsCopy';
export { RankHistory } from './RankHistory';
