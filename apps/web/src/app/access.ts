import type { Role } from '@union/domain';

// Who may open what, in one place: the routes and the pages ask these instead
// of spelling out role lists (the server checks the same on every call).

/** District staff: the admin and the read-only viewer. */
export const districtRoles = ['district_admin', 'district_viewer'] as const satisfies readonly Role[];
/** The review area: district staff and cluster reviewers (each scoped to its own schools by the server). */
export const reviewRoles = ['district_admin', 'district_viewer', 'cluster_reviewer'] as const satisfies readonly Role[];
/** Readers of a whole org unit: district staff and city staff (市教育工会, every district). */
export const staffRoles = ['district_admin', 'district_viewer', 'city_admin', 'city_viewer'] as const satisfies readonly Role[];
/** Completeness: the review area plus city staff (read-only). */
export const completenessRoles = [...reviewRoles, 'city_admin', 'city_viewer'] as const satisfies readonly Role[];
/** What is common to a subtree (accounts, audit log, years, catalogue, rubric): the district admin and the city admin. */
export const orgAdminRoles = ['district_admin', 'city_admin'] as const satisfies readonly Role[];
/** Set-up pages: the district admin only. */
export const adminRoles = ['district_admin'] as const satisfies readonly Role[];

export const isDistrict = (role: Role): boolean => (districtRoles as readonly Role[]).includes(role);
export const isAdmin = (role: Role): boolean => role === 'district_admin';
export const isStaff = (role: Role): boolean => (staffRoles as readonly Role[]).includes(role);
