import { describe, expect, it } from 'vitest';
import { newPasswordSchema, usernameSchema, viewerMayReadReport } from './roles';

describe('account rules', () => {
  it('normalises usernames to lower case and refuses odd characters', () => {
    expect(usernameSchema.parse(' Chair01 ')).toBe('chair01');
    expect(usernameSchema.safeParse('张三丰').error?.issues[0]?.message).toBe('用户名只能包含字母、数字、点、下划线和短横线');
    expect(usernameSchema.safeParse('ab').error?.issues[0]?.message).toBe('用户名至少 3 个字符');
  });

  it('asks for 8+ characters with letters and digits', () => {
    expect(newPasswordSchema.safeParse('Demo@2026').success).toBe(true);
    expect(newPasswordSchema.safeParse('short1').error?.issues[0]?.message).toBe('密码至少 8 个字符');
    expect(newPasswordSchema.safeParse('onlyletters').error?.issues[0]?.message).toBe('密码须同时包含字母和数字');
    expect(newPasswordSchema.safeParse('12345678').error?.issues[0]?.message).toBe('密码须同时包含字母和数字');
  });

  it('lets district viewers read only handed-in reports', () => {
    expect(viewerMayReadReport('submitted')).toBe(true);
    expect(viewerMayReadReport('approved')).toBe(true);
    expect(viewerMayReadReport('draft')).toBe(false);
    expect(viewerMayReadReport('returned')).toBe(false);
  });
});
