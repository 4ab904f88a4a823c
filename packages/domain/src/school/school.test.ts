import { describe, expect, it } from 'vitest';
import { schoolSchema, sizeBandOf } from './school';

describe('school', () => {
  it('bands schools by staff count for like-with-like comparison', () => {
    expect(sizeBandOf(0)).toBe('small');
    expect(sizeBandOf(49)).toBe('small');
    expect(sizeBandOf(50)).toBe('medium');
    expect(sizeBandOf(119)).toBe('medium');
    expect(sizeBandOf(120)).toBe('large');
  });

  it('refuses more union members than staff, naming the field', () => {
    const result = schoolSchema.safeParse({
      id: 1, code: 'S01', name: '城东第一小学', schoolType: 'primary', staffCount: 80, memberCount: 81, clusterId: null, districtId: 1,
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['memberCount']);
    expect(result.error!.issues[0]!.message).toBe('工会会员数不能超过教职工总数');
  });
});
