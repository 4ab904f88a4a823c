// The school chair's home page: UI copy, zh-CN (default) and English.
import { useI18n } from '../../i18n';

export const homeZh = {
  title: '首页',
  greeting: (name: string) => `${name}，您好`,
  yearCard: (y: number) => `${y} 年度年报`,
  noOpenYear: '目前没有开放填报的年度。',
  status: '状态：',
  deadline: (d: string) => `截止日期：${d}`,
  daysLeft: (n: number) => `还剩 ${n} 天`,
  dueToday: '今天截止',
  overdue: (n: number) => `已逾期 ${n} 天`,
  fill: '填写年报',
  continueFill: '继续填写年报',
  fixReturned: '按意见修改年报',
  viewReport: '查看年报',
  hint: {
    not_started: '本年度年报尚未开始填写。填写过程中会自动保存，可以分几次完成。',
    draft: '年报正在填写中（草稿），填完后请提交给区教育工会审核。',
    submitted: '年报已提交，正在等待区教育工会审核。',
    returned: '区教育工会已退回年报，请按意见修改后重新提交。',
    approved: '年报已审核通过。',
  } as Record<string, string>,
  commentsTitle: '区教育工会的意见',
  fieldComments: (n: number) => `另有 ${n} 条针对具体项目的意见，打开年报后显示在对应项目旁。`,
  remindersTitle: '提醒',
  remindersEmpty: '没有新的提醒。',
  markRead: '标为已读',
  markReadFor: (date: string) => `将 ${date} 的提醒标为已读`,
  read: '已读',
  linksTitle: '常用功能',
  history: '历年年报',
  exportHistory: '导出本校历年数据（Excel）',
  exporting: '正在导出…',
  noSchool: '您的账号没有关联学校，请联系区教育工会管理员。',
};

export type HomeMessages = typeof homeZh;

export const homeEn: HomeMessages = {
  title: 'Home',
  greeting: (name) => `Hello, ${name}`,
  yearCard: (y) => `${y} report`,
  noOpenYear: 'No reporting year is open at the moment.',
  status: 'Status: ',
  deadline: (d) => `Deadline: ${d}`,
  daysLeft: (n) => `${n} day(s) left`,
  dueToday: 'Due today',
  overdue: (n) => `${n} day(s) overdue`,
  fill: 'Fill in the report',
  continueFill: 'Continue the report',
  fixReturned: 'Revise the report',
  viewReport: 'View the report',
  hint: {
    not_started: 'This year’s report has not been started. It saves automatically, so you can finish it in several sittings.',
    draft: 'The report is a draft. Submit it to the district union for review when it is complete.',
    submitted: 'The report has been submitted and is waiting for review.',
    returned: 'The district union returned the report. Please revise it as requested and submit again.',
    approved: 'The report has been approved.',
  },
  commentsTitle: 'Comments from the district',
  fieldComments: (n) => `${n} more comment(s) on single fields are shown beside them in the report.`,
  remindersTitle: 'Reminders',
  remindersEmpty: 'No new reminders.',
  markRead: 'Mark as read',
  markReadFor: (date) => `Mark the reminder of ${date} as read`,
  read: 'Read',
  linksTitle: 'Quick links',
  history: 'Reports of earlier years',
  exportHistory: 'Export our school’s history (Excel)',
  exporting: 'Exporting…',
  noSchool: 'Your account is not linked to a school. Please contact the district admin.',
};

export function useHomeCopy() {
  const i18n = useI18n();
  return { ...i18n, c: i18n.language === 'en' ? homeEn : homeZh };
}
