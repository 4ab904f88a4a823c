// The Chinese texts of every notification. Links are app paths; the worker
// puts PUBLIC_URL in front when it sends (so a changed address applies to
// messages still waiting).

export interface MessageText {
  subject: string;
  body: string;
  /** An app path such as /schools/3/reports/2026, or ''. */
  link: string;
}

export const reportLink = (schoolId: number, year: number) => `/schools/${schoolId}/reports/${year}`;
export const completenessLink = '/review/completeness';

export function yearOpenedText(year: number, deadline: string): MessageText {
  return {
    subject: `${year} 年度工会工作年报开始填报`,
    body: `区教育工会已开启 ${year} 年度工会工作年报填报，截止日期 ${deadline}。请登录年报平台填写并提交本校年报。`,
    link: '/home',
  };
}

export function deadlineSchoolText(year: number, deadline: string, days: number, schoolId: number): MessageText {
  return {
    subject: `${year} 年度年报还有 ${days} 天截止`,
    body: `${year} 年度工会工作年报将于 ${deadline} 截止（还有 ${days} 天），贵校尚未提交，请尽快填写并提交。`,
    link: reportLink(schoolId, year),
  };
}

export function deadlineGroupText(year: number, deadline: string, days: number, pendingSchools: string[]): MessageText {
  return {
    subject: `${year} 年度年报还有 ${days} 天截止`,
    body: `${year} 年度工会工作年报将于 ${deadline} 截止（还有 ${days} 天）。尚有 ${pendingSchools.length} 所学校未提交：${listNames(pendingSchools)}。`,
    link: completenessLink,
  };
}

export function decisionText(action: 'return' | 'approve' | 'reopen', year: number, schoolId: number, comment: string): MessageText {
  const link = reportLink(schoolId, year);
  switch (action) {
    case 'return':
      return {
        subject: `${year} 年度年报被退回修改`,
        body: `区教育工会退回了贵校 ${year} 年度工会工作年报，请按意见修改后重新提交。${comment ? `\n审核意见：${comment}` : ''}`,
        link,
      };
    case 'approve':
      return { subject: `${year} 年度年报已审核通过`, body: `贵校 ${year} 年度工会工作年报已审核通过，感谢您的辛勤工作。`, link };
    case 'reopen':
      return {
        subject: `${year} 年度年报已重新打开`,
        body: `区教育工会重新打开了贵校已通过的 ${year} 年度年报，请修改后重新提交。${comment ? `\n原因：${comment}` : ''}`,
        link,
      };
  }
}

/** 一键催报: the admin's own words to each school; the group gets them with the list of schools. */
export function remindSchoolText(year: number, message: string, schoolId: number): MessageText {
  return { subject: `请尽快提交 ${year} 年度年报`, body: message, link: reportLink(schoolId, year) };
}

export function remindGroupText(year: number, message: string, pendingSchools: string[]): MessageText {
  return { subject: `催报：${year} 年度年报`, body: `${message}\n未提交的学校（${pendingSchools.length} 所）：${listNames(pendingSchools)}`, link: completenessLink };
}

export interface DigestYear {
  year: number;
  deadline: string;
  total: number;
  handedIn: number;
  /** Schools not handed in after the deadline. */
  overdue: string[];
  /** Not handed in, deadline not yet reached. */
  pending: number;
}

export function digestText(weekOf: string, years: DigestYear[]): MessageText {
  const lines = years.map((y) => {
    const pct = y.total ? Math.round((y.handedIn / y.total) * 100) : 0;
    const overdue = y.overdue.length ? `逾期未交 ${y.overdue.length} 所：${listNames(y.overdue)}` : '无逾期';
    return `${y.year} 年度（截止 ${y.deadline}）：已提交 ${y.handedIn}/${y.total} 所（${pct}%），未到截止日期未交 ${y.pending} 所，${overdue}。`;
  });
  return {
    subject: `年报填报周报（${weekOf} 当周）`,
    body: lines.length ? lines.join('\n') : '目前没有正在填报的年度。',
    link: completenessLink,
  };
}

export function testText(channelLabel: string): MessageText {
  return { subject: '测试消息', body: `这是工会年报平台发送的测试消息（${channelLabel}）。收到即表示配置正确。`, link: '/' };
}

/** Up to 30 names, then 「等 N 所」. */
function listNames(names: string[]): string {
  const shown = names.slice(0, 30).join('、');
  return names.length > 30 ? `${shown} 等 ${names.length} 所` : shown || '无';
}
