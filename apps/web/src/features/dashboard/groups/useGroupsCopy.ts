import { useI18n } from '../../../i18n';
import { groupsEn, groupsZh, type GroupsMessages } from './messages';

/** The school-group and league-table copy in the current language. */
export function useGroupsCopy(): { g: GroupsMessages } & ReturnType<typeof useI18n> {
  const i18n = useI18n();
  return { ...i18n, g: i18n.language === 'en' ? groupsEn : groupsZh };
}
