/** Everything the audit trail records, with the names the admin's log page shows. */
export const auditActionLabels = {
  login: { zh: '登录', en: 'Logged in' },
  login_failed: { zh: '登录失败', en: 'Failed login' },
  logout: { zh: '退出登录', en: 'Logged out' },
  password_changed: { zh: '修改密码', en: 'Changed password' },
  user_created: { zh: '创建用户', en: 'Created user' },
  user_updated: { zh: '修改用户', en: 'Updated user' },
  password_reset: { zh: '重置密码', en: 'Reset password' },
  user_disabled: { zh: '停用账号', en: 'Disabled account' },
  user_enabled: { zh: '启用账号', en: 'Enabled account' },
  school_created: { zh: '新增学校', en: 'Created school' },
  school_updated: { zh: '修改学校', en: 'Updated school' },
  school_merged: { zh: '记录学校并入', en: 'Recorded school merger' },
  report_saved: { zh: '保存年报', en: 'Saved report' },
  report_submitted: { zh: '提交年报', en: 'Submitted report' },
  report_returned: { zh: '退回年报', en: 'Returned report' },
  report_cluster_approved: { zh: '片区初审通过', en: 'Approved report (cluster step)' },
  report_approved: { zh: '审核通过', en: 'Approved report' },
  report_reopened: { zh: '重新打开年报', en: 'Reopened report' },
  report_field_unlocked: { zh: '解锁年报字段', en: 'Unlocked a report field' },
  report_resubmitted_after_unlock: { zh: '解锁后重新提交', en: 'Resubmitted after unlock' },
  reminder_sent: { zh: '发送提醒', en: 'Sent reminders' },
  year_created: { zh: '新建填报年度', en: 'Opened reporting year' },
  year_updated: { zh: '修改填报年度', en: 'Updated reporting year' },
  catalogue_changed: { zh: '修改指标目录', en: 'Changed catalogue' },
  rubric_changed: { zh: '修改考核评估表', en: 'Changed rubric' },
  rubric_rated: { zh: '考核评分', en: 'Rated against the rubric' },
  notification_channel_changed: { zh: '修改通知渠道', en: 'Changed notification channel' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type AuditAction = keyof typeof auditActionLabels;
export const auditActions = Object.keys(auditActionLabels) as AuditAction[];
