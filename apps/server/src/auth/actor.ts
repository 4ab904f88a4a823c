import type { Role } from '@union/domain';

/** The logged-in user a request acts for. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  /** The org unit the user acts within: a school for chairs, a cluster for cluster reviewers, the district for district staff. */
  orgUnitId: number;
  /** Set for chairs only: the one school they may see and change. */
  schoolId: number | null;
  mustChangePassword: boolean;
}
