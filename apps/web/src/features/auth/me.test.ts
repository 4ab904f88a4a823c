import { describe, expect, it } from 'vitest';
import { homePath, safeNextPath } from './me';

describe('login redirects', () => {
  it('accepts only same-site paths other than the login page', () => {
    expect(safeNextPath('/schools?q=1')).toBe('/schools?q=1');
    expect(safeNextPath('//evil.example/x')).toBeNull();
    expect(safeNextPath('/\\evil.example')).toBeNull();
    expect(safeNextPath('https://evil.example')).toBeNull();
    expect(safeNextPath('/login?next=/x')).toBeNull();
    expect(safeNextPath(null)).toBeNull();
  });

  it('sends a chair to their own school and district staff to the list', () => {
    expect(homePath({ role: 'school_chair', schoolId: 7 })).toBe('/schools/7');
    expect(homePath({ role: 'district_viewer', schoolId: null })).toBe('/schools');
    expect(homePath({ role: 'district_admin', schoolId: null })).toBe('/schools');
  });
});
