import { useContext } from 'react';
import { useI18n } from '../../i18n';
import { dashboardEn, dashboardZh, type DashboardMessages } from './messages';
import { ScoreKindContext } from './scoreKindContext';

/** The dashboards' copy in the current language, plus the app's i18n helpers. Under a 综评分 year, 「得分」 reads 「综评分」. */
export function useDashboardCopy(): ReturnType<typeof useI18n> & { c: DashboardMessages } {
  const i18n = useI18n();
  const base = i18n.language === 'en' ? dashboardEn : dashboardZh;
  const combined = useContext(ScoreKindContext) === 'combined';
  return { ...i18n, c: combined ? { ...base, common: { ...base.common, score: base.common.combinedScore } } : base };
}
