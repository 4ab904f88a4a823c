import { z } from 'zod';
import { zodMessage as m, type MessageText } from '../i18n/locale';
import type { ReportStatus } from '../report/report';
import { safeText } from '../validation/safe-input';

export const roles = ['district_admin', 'district_viewer', 'cluster_reviewer', 'school_chair', 'city_admin', 'city_viewer', 'inspector'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const roleLabels: Record<Role, { zh: string; en: string }> = {
  district_admin: { zh: '区教育工会管理员', en: 'District admin' },
  district_viewer: { zh: '区工会工作人员', en: 'District staff (read-only)' },
  cluster_reviewer: { zh: '片区审核员', en: 'Cluster reviewer' },
  school_chair: { zh: '学校工会主席', en: 'School union chair' },
  city_admin: { zh: '市教育工会管理员', en: 'City union admin' },
  city_viewer: { zh: '市教育工会工作人员', en: 'City union staff (read-only)' },
  inspector: { zh: '考评组成员', en: 'Inspector' },
};

export const isDistrictRole = (role: Role): boolean => role === 'district_admin' || role === 'district_viewer';

/** City union staff: they sit on the city org unit and read every district below it. */
export const isCityRole = (role: Role): boolean => role === 'city_admin' || role === 'city_viewer';

/** District or city staff: who reads dashboards, completeness and narratives of a whole org unit. */
export const isStaffRole = (role: Role): boolean => isDistrictRole(role) || isCityRole(role);

/**
 * Who reads only handed-in reports: viewers, cluster reviewers and city staff
 * (the city oversees districts; drafts stay between a school and its district).
 */
export const readsOnlyHandedIn = (role: Role): boolean => role === 'district_viewer' || role === 'cluster_reviewer' || isCityRole(role);

/**
 * District viewers read reports once a school has handed them in; drafts
 * (and returned reports being reworked) stay between the school and the admin.
 */
export function viewerMayReadReport(status: ReportStatus): boolean {
  return status === 'submitted' || status === 'cluster_approved' || status === 'approved';
}

/** Who reviews reports: the district admin (every step) and cluster reviewers (first step, their cluster). */
export const isReviewerRole = (role: Role): boolean => role === 'district_admin' || role === 'cluster_reviewer';

export const usernameSchema = safeText({
  min: 3,
  max: 40,
  minMessage: { zh: '用户名至少 3 个字符', en: 'A user name has at least 3 characters' },
  maxMessage: { zh: '用户名最多 40 个字符', en: 'A user name has at most 40 characters' },
})
  .regex(/^[a-zA-Z0-9._-]+$/, { error: m(() => ({ zh: '用户名只能包含字母、数字、点、下划线和短横线', en: 'A user name has only letters, digits, dots, underscores and hyphens' })) })
  .transform((s) => s.toLowerCase());

const passwordTooLong = { zh: '密码最多 128 个字符', en: 'A password has at most 128 characters' };

/** At least 8 characters with a letter and a digit: simple rules a chair can follow. */
export const newPasswordSchema = safeText({
  asTyped: true,
  min: 8,
  max: 128,
  minMessage: { zh: '密码至少 8 个字符', en: 'A password has at least 8 characters' },
  maxMessage: passwordTooLong,
})
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), { error: m(() => ({ zh: '密码须同时包含字母和数字', en: 'A password needs both letters and digits' })) });

export const displayNameSchema = safeText({
  min: 1,
  max: 60,
  minMessage: { zh: '请填写姓名', en: 'Enter the name' },
  maxMessage: { zh: '姓名最多 60 个字符', en: 'A name has at most 60 characters' },
});

/** A password as typed at login or as the current password: never trimmed or normalised, only refused if it cannot be a password. */
export const enteredPasswordSchema = (emptyMessage: MessageText) => safeText({ asTyped: true, min: 1, max: 128, minMessage: emptyMessage, maxMessage: passwordTooLong });
