import { narrativeSectionLabels, type Indicator, type NarrativeSection } from '@union/domain';
import { useReviewCopy } from './messages';

/** The name a field path (`values.<code>`, `narrative.<section>`, `honours`, '' = whole report) shows to the user. */
export function useFieldName(catalogue: readonly Indicator[]) {
  const { c, label, labelKey } = useReviewCopy();
  return (path: string) => {
    if (!path) return c.wholeReport;
    const [kind, key] = path.split('.', 2) as [string, string | undefined];
    if (kind === 'values') {
      const i = catalogue.find((x) => x.code === key);
      return i ? (labelKey === 'en' ? i.nameEn : i.nameZh) : path;
    }
    if (kind === 'narrative' && key) return label(narrativeSectionLabels[key as NarrativeSection]);
    return c.honoursTitle;
  };
}
