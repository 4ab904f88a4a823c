import type { Role } from '@union/domain';

// Who may open what, in one place: the routes and the pages ask these instead
// of spelling out role lists (the server checks the same on every call).

/** District staff: the admin and the read-only viewer. */
export const districtRoles = ['district_admin', 'district_viewer'] as const satisfies readonly Role[];
/** The review area: district staff and cluster reviewers (each scoped to its own schools by the server). */
export const reviewRoles = ['district_admin', 'district_viewer', 'cluster_reviewer'] as const satisfies readonly Role[];
/** Set-up pages: the district admin only. */
export const adminRoles = ['district_admin'] as const satisfies readonly Role[];

export const isDistrict = (role: Role): boolean => (districtRoles as readonly Role[]).includes(role);
export const isAdmin = (role: Role): boolean => role === 'district_admin';
