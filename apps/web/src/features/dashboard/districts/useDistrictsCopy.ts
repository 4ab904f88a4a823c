import { useI18n } from '../../../i18n';
import { districtsEn, districtsZh, type DistrictsMessages } from './messages';

export function useDistrictsCopy(): DistrictsMessages {
  return useI18n().language === 'en' ? districtsEn : districtsZh;
}
