// 一键催报's preview (who gets what before sending): UI copy, zh-CN (default) and English.
import { useI18n } from '../../i18n';

export const remindPreviewZh = {
  previewTitle: '发送预览',
  previewLoading: '正在生成预览…',
  previewSummary: (schools: number, emails: number, groups: number) => `将发送给 ${schools} 所学校：站内提醒 ${schools} 条、邮件 ${emails} 封、群消息 ${groups} 条。`,
  previewNone: '没有需要提醒的学校：所有学校都已提交。',
  previewCaption: '收到提醒的学校和送达方式',
  colSchool: '学校',
  colStatus: '状态',
  colChannels: '送达方式',
  inApp: '站内提醒',
  noEmail: '（未填写邮箱）',
  groupsTitle: '群消息',
  groupNames: { wecom: '企业微信', dingtalk: '钉钉', feishu: '飞书' } as Record<string, string>,
  noGroups: '未启用群机器人。',
  emailOff: '邮件通知未启用，只发送站内提醒和群消息。',
  sampleTitle: '学校收到的内容',
  linkNote: (url: string) => `消息中的链接指向 ${url}`,
};

type Copy = typeof remindPreviewZh;

export const remindPreviewEn: Copy = {
  previewTitle: 'Preview',
  previewLoading: 'Preparing the preview…',
  previewSummary: (schools, emails, groups) => `Goes to ${schools} school(s): ${schools} in-app reminder(s), ${emails} e-mail(s), ${groups} group message(s).`,
  previewNone: 'No school needs a reminder: every school has submitted.',
  previewCaption: 'Schools reminded and how',
  colSchool: 'School',
  colStatus: 'Status',
  colChannels: 'Delivered by',
  inApp: 'In-app',
  noEmail: '(no e-mail address)',
  groupsTitle: 'Group messages',
  groupNames: { wecom: 'WeCom', dingtalk: 'DingTalk', feishu: 'Feishu' },
  noGroups: 'No group robot is switched on.',
  emailOff: 'E-mail is not switched on: only in-app reminders and group messages go out.',
  sampleTitle: 'What schools receive',
  linkNote: (url) => `Links in the messages point to ${url}`,
};

export function useRemindPreviewCopy() {
  const i18n = useI18n();
  return { ...i18n, p: i18n.language === 'en' ? remindPreviewEn : remindPreviewZh };
}
