import { z } from 'zod';
import type { ReportStatus } from '../report/report';

export const roles = ['district_admin', 'district_viewer', 'school_chair'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const roleLabels: Record<Role, { zh: string; en: string }> = {
  district_admin: { zh: '区教育工会管理员', en: 'District admin' },
  district_viewer: { zh: '区工会工作人员', en: 'District staff (read-only)' },
  school_chair: { zh: '学校工会主席', en: 'School union chair' },
};

export const isDistrictRole = (role: Role): boolean => role === 'district_admin' || role === 'district_viewer';

/**
 * District viewers read reports once a school has handed them in; drafts
 * (and returned reports being reworked) stay between the school and the admin.
 */
export function viewerMayReadReport(status: ReportStatus): boolean {
  return status === 'submitted' || status === 'approved';
}

export const usernameSchema = z
  .string()
  .trim()
  .min(3, { error: '用户名至少 3 个字符' })
  .max(40, { error: '用户名最多 40 个字符' })
  .regex(/^[a-zA-Z0-9._-]+$/, { error: '用户名只能包含字母、数字、点、下划线和短横线' })
  .transform((s) => s.toLowerCase());

/** At least 8 characters with a letter and a digit: simple rules a chair can follow. */
export const newPasswordSchema = z
  .string()
  .min(8, { error: '密码至少 8 个字符' })
  .max(128, { error: '密码最多 128 个字符' })
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), { error: '密码须同时包含字母和数字' });

export const displayNameSchema = z.string().trim().min(1, { error: '请填写姓名' }).max(60, { error: '姓名最多 60 个字符' });
