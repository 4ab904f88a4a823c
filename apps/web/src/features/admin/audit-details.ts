import { defaultCatalogue, narrativeSectionLabels, type NarrativeSection } from '@union/domain';

export type Lang = 'zh' | 'en';

// Names of the keys audit entries carry (apps/server writeAudit calls); an unknown key shows as it is.
const keyLabels: Record<string, { zh: string; en: string }> = {
  year: { zh: '年度', en: 'Year' },
  version: { zh: '版本', en: 'Version' },
  changes: { zh: '修改', en: 'Changes' },
  comment: { zh: '意见', en: 'Remarks' },
  reason: { zh: '原因', en: 'Reason' },
  fieldComments: { zh: '字段批注数', en: 'Field comments' },
  field: { zh: '字段', en: 'Field' },
  from: { zh: '原状态', en: 'From' },
  step: { zh: '审核环节', en: 'Review step' },
  schools: { zh: '学校数', en: 'Schools' },
  source: { zh: '来源', en: 'Source' },
  deadline: { zh: '截止日期', en: 'Deadline' },
  items: { zh: '评分项数', en: 'Items' },
  rescored: { zh: '重新计分的年报', en: 'Reports rescored' },
  rater: { zh: '评分人', en: 'Rater' },
  username: { zh: '用户名', en: 'User name' },
  role: { zh: '角色', en: 'Role' },
  orgUnitId: { zh: '所属单位编号', en: 'Unit id' },
  name: { zh: '名称', en: 'Name' },
  openedYear: { zh: '开办年度', en: 'Opening year' },
  closedYear: { zh: '停办年度', en: 'Closing year' },
  successorId: { zh: '并入学校编号', en: 'Merged into (id)' },
  channel: { zh: '渠道', en: 'Channel' },
  enabled: { zh: '启用', en: 'Enabled' },
  host: { zh: '邮件服务器', en: 'Mail server' },
  port: { zh: '端口', en: 'Port' },
  passwordChanged: { zh: '密码已修改', en: 'Password changed' },
  urlChanged: { zh: '地址已修改', en: 'URL changed' },
  secretChanged: { zh: '密钥已修改', en: 'Secret changed' },
};

const sourceLabels: Record<string, { zh: string; en: string }> = { excel_import: { zh: 'Excel 导入', en: 'Excel import' } };
const indicators = new Map(defaultCatalogue.map((i) => [i.code, i]));

/** `sick_visits` or `values.sick_visits` → the indicator's name; `narrative.plans` → the section's. */
export function fieldName(path: string, lang: Lang): string {
  const code = path.replace(/^values\./, '');
  const indicator = indicators.get(code);
  if (indicator) return lang === 'en' ? indicator.nameEn : indicator.nameZh;
  const section = /^narrative\.(\w+)$/.exec(path)?.[1] as NarrativeSection | undefined;
  if (section && narrativeSectionLabels[section]) return narrativeSectionLabels[section][lang];
  if (path === 'honours') return lang === 'en' ? 'Honours' : '荣誉';
  return path;
}

function plain(value: unknown, lang: Lang, empty: string): string {
  if (value === null || value === undefined || value === '') return empty;
  if (typeof value === 'boolean') return value ? (lang === 'en' ? 'yes' : '是') : lang === 'en' ? 'no' : '否';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

interface Change {
  code?: string;
  fieldPath?: string;
  from?: unknown;
  to?: unknown;
}
const isChangeList = (v: unknown): v is Change[] => Array.isArray(v) && v.every((c) => c && typeof c === 'object' && ('from' in c || 'to' in c));

export interface AuditDetailLine {
  key: string;
  label: string;
  /** A list of changes (「指标：旧 → 新」), or one value. */
  changes?: { field: string; from: string; to: string }[];
  text?: string;
}

/** An audit entry's details as labelled lines, in the page's language. */
export function describeAuditDetails(details: Record<string, unknown>, lang: Lang, empty: string): AuditDetailLine[] {
  return Object.entries(details).map(([key, value]) => {
    const label = keyLabels[key]?.[lang] ?? key;
    if (isChangeList(value)) {
      return { key, label, changes: value.map((c) => ({ field: fieldName(c.code ?? c.fieldPath ?? '', lang), from: plain(c.from, lang, empty), to: plain(c.to, lang, empty) })) };
    }
    if (key === 'field' && typeof value === 'string') return { key, label, text: fieldName(value, lang) };
    if (key === 'source' && typeof value === 'string') return { key, label, text: sourceLabels[value]?.[lang] ?? value };
    return { key, label, text: plain(value, lang, empty) };
  });
}
