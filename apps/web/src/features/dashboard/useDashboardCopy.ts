import { useI18n } from '../../i18n';
import { dashboardEn, dashboardZh, type DashboardMessages } from './messages';

/** The dashboards' copy in the current language, plus the app's i18n helpers. */
export function useDashboardCopy(): ReturnType<typeof useI18n> & { c: DashboardMessages } {
  const i18n = useI18n();
  return { ...i18n, c: i18n.language === 'en' ? dashboardEn : dashboardZh };
}
