import { honourKindLabels, honourLevelLabels, type Honour } from '@union/domain';
import { useI18n } from '../i18n';

/** A report's honours, read-only: the report page and the district's review page show the same table. */
export function HonoursTable({ honours, emptyText }: { honours: readonly Honour[]; emptyText: string }) {
  const { t, label } = useI18n();
  if (honours.length === 0) return <p className="unfilled">{emptyText}</p>;
  return (
    <table className="data-table honours-table">
      <thead>
        <tr>
          <th scope="col">{t('report.honourTitle')}</th>
          <th scope="col">{t('report.honourLevel')}</th>
          <th scope="col">{t('report.honourKind')}</th>
          <th scope="col">{t('report.honourRecipient')}</th>
        </tr>
      </thead>
      <tbody>
        {honours.map((h, i) => (
          <tr key={i}>
            <th scope="row" lang="zh-CN" data-user-content>
              {h.title}
            </th>
            <td data-label={t('report.honourLevel')}>{label(honourLevelLabels[h.level])}</td>
            <td data-label={t('report.honourKind')}>{label(honourKindLabels[h.kind])}</td>
            <td data-label={t('report.honourRecipient')} lang="zh-CN" data-user-content>
              {h.recipient || t('common.noValue')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
