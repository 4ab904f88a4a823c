import { describe, expect, it } from 'vitest';
import { fieldErrorMap } from './form';

describe('fieldErrorMap', () => {
  it('keys server field errors by the last path segment, without the field-name prefix', () => {
    const map = fieldErrorMap({
      message: '输入有误',
      fieldErrors: [
        { path: 'school.memberCount', message: '工会会员数不能超过教职工总数' },
        { path: 'username', message: '用户名：用户名至少 3 个字符' },
      ],
    });
    expect(map).toEqual({ memberCount: '工会会员数不能超过教职工总数', username: '用户名至少 3 个字符' });
    expect(fieldErrorMap(null)).toEqual({});
  });
});
