import { useI18n } from '../../i18n';
import { describeAuditDetails } from './audit-details';

/** An audit entry's details as labelled lines, changes as 「指标：旧 → 新」, instead of raw JSON. */
export function AuditDetails({ details }: { details: Record<string, unknown> }) {
  const { language, t } = useI18n();
  const lang = language === 'en' ? 'en' : 'zh';
  const colon = lang === 'en' ? ': ' : '：';
  return (
    <dl className="audit-details-list">
      {describeAuditDetails(details, lang, t('common.noValue')).map((line) => (
        <div key={line.key}>
          <dt>{line.label}</dt>
          <dd data-user-content>
            {line.changes ? (
              <ul>
                {line.changes.map((c, i) => (
                  <li key={i}>
                    {c.field}
                    {colon}
                    {c.from} → {c.to}
                  </li>
                ))}
              </ul>
            ) : (
              line.text
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
