import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { FieldEdit, HonourKind, HonourLevel, IndicatorValueType, Locality, OrgUnitKind, Ownership, ReportContent, ReportStatus, ReviewSteps, SchoolType } from '@union/domain';

/** Timestamps are written as Date or ISO text and always read as Date. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface OrgUnitsTable {
  id: Generated<number>;
  parent_id: number | null;
  kind: OrgUnitKind;
  code: string;
  name: string;
  created_at: Timestamp;
}

export interface SchoolsTable {
  id: number;
  school_type: SchoolType;
  staff_count: number;
  member_count: number;
  /** Mirrors `closed_year is null` (kept by the server); figures use the years, never this flag. */
  active: ColumnType<boolean, boolean | undefined, boolean>;
  /** First reporting year of the school (default 2000: before any reporting year). */
  opened_year: ColumnType<number, number | undefined, number>;
  /** Last reporting year of a closed school; null while it is open. */
  closed_year: ColumnType<number | null, number | null | undefined, number | null>;
  /** 城区/乡镇/农村 (0016); null = not recorded. */
  locality: ColumnType<Locality | null, Locality | null | undefined, Locality | null>;
  /** 公办/民办 (0016). */
  ownership: ColumnType<Ownership, Ownership | undefined, Ownership>;
}

/** A group the district defines (教育集团, 新优质学校…), 0016. */
export interface SchoolGroupsTable {
  id: Generated<number>;
  district_id: number;
  name: string;
  description: ColumnType<string, string | undefined, string>;
  created_at: Generated<Date>;
}

export interface SchoolGroupMembersTable {
  group_id: number;
  school_id: number;
}

/** "predecessor was merged into successor in year" (the predecessor's last year is year − 1). */
export interface SchoolMergesTable {
  predecessor_id: number;
  successor_id: number;
  year: number;
  created_at: Generated<Date>;
}

/** View: every (school, reporting year) in which the school was open — the one counting rule. */
export interface OpenSchoolYearsView {
  school_id: number;
  year: number;
}

export interface IndicatorsTable {
  code: string;
  category: string;
  name_zh: string;
  name_en: string;
  unit: string;
  value_type: IndicatorValueType;
  description_zh: ColumnType<string, string | undefined, string>;
  min_value: number | null;
  max_value: number | null;
  sort_order: number;
  retired_at: Date | null;
}

export interface ReportingYearsTable {
  year: number;
  /** ISO date text (YYYY-MM-DD); parsed the same on both engines. */
  deadline: string;
  is_open: ColumnType<boolean, boolean | undefined, boolean>;
  published_to_chairs: ColumnType<boolean, boolean | undefined, boolean>;
  /** 1: the district approves; 2: a cluster reviewer approves, then the district accepts. */
  review_steps: ColumnType<ReviewSteps, ReviewSteps | undefined, ReviewSteps>;
  created_at: Timestamp;
}

export interface ReportsTable {
  id: Generated<number>;
  school_id: number;
  year: number;
  status: ColumnType<ReportStatus, ReportStatus | undefined, ReportStatus>;
  version: ColumnType<number, number | undefined, number>;
  narrative_achievements: ColumnType<string, string | undefined, string>;
  narrative_shortcomings: ColumnType<string, string | undefined, string>;
  narrative_plans: ColumnType<string, string | undefined, string>;
  submitted_at: Date | null;
  approved_at: Date | null;
  returned_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  review_round: ColumnType<number, number | undefined, number>;
  cluster_approved_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  cluster_approved_by: ColumnType<number | null, number | null | undefined, number | null>;
  /** Set while an approved report is unlocked by the admin (until approved again). */
  unlocked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** The one field the unlock opened; null = the whole report. */
  unlocked_field: ColumnType<string | null, string | null | undefined, string | null>;
  edits_since_approval: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One unlock of an approved report, and (once resubmitted) the diff of what the chair changed. */
export interface ReportUnlocksTable {
  id: Generated<number>;
  report_id: number;
  field_path: string | null;
  reason: string;
  unlocked_by: number | null;
  unlocked_at: Timestamp;
  before_content: ColumnType<ReportContent, string, string>;
  changes: ColumnType<FieldEdit[] | null, string | null | undefined, string | null>;
  resubmitted_by: number | null;
  resubmitted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface ReportValuesTable {
  report_id: number;
  indicator_code: string;
  value: number;
  explanation: ColumnType<string, string | undefined, string>;
  /** An imported figure's source (0011): { value, document, excerpts: [{ sentence, figureStart, figureEnd }] }. */
  source: ColumnType<StoredValueSource | null, string | null | undefined, string | null>;
  source_accepted_by: ColumnType<number | null, number | null | undefined, number | null>;
  source_accepted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** The `report_values.source` JSON. */
export interface StoredValueSource {
  /** The value it was imported as. */
  value: number;
  document: string;
  excerpts: { sentence: string; figureStart: number; figureEnd: number }[];
}

export interface ReportCommentsTable {
  id: Generated<number>;
  report_id: number;
  review_round: number;
  field_path: ColumnType<string, string | undefined, string>;
  body: string;
  author_id: number | null;
  created_at: Timestamp;
}

export interface RemindersTable {
  id: Generated<number>;
  year: number;
  school_id: number;
  message: string;
  created_by: number | null;
  created_at: Timestamp;
  read_at: Date | null;
}

export interface ReportingYearIndicatorsTable {
  year: number;
  indicator_code: string;
  sort_order: number;
}

export interface HonoursTable {
  id: Generated<number>;
  report_id: number;
  position: number;
  title: string;
  level: HonourLevel;
  kind: HonourKind;
  recipient: ColumnType<string, string | undefined, string>;
}

export type UserRole = 'district_admin' | 'district_viewer' | 'cluster_reviewer' | 'school_chair' | 'city_admin' | 'city_viewer' | 'inspector';

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: UserRole;
  org_unit_id: number;
  password_hash: string;
  disabled_at: Date | null;
  created_at: Timestamp;
  password_changed_at: Timestamp;
  must_change_password: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Date;
  revoked_at: Date | null;
  ip: ColumnType<string, string | undefined, string>;
  user_agent: ColumnType<string, string | undefined, string>;
}

export interface LoginFailuresTable {
  id: Generated<number>;
  username: string;
  ip: string;
  at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  user_id: number | null;
  username: ColumnType<string, string | undefined, string>;
  action: string;
  entity_type: string;
  entity_id: ColumnType<string, string | undefined, string>;
  school_id: number | null;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
  ip: ColumnType<string, string | undefined, string>;
}

export interface RubricsTable {
  year: number;
  /** A v1 or v2 rubric document; read it with the domain's parseRubricDefinition. */
  definition: ColumnType<unknown, string, string>;
  /** 1 for rows written before rubric v2 (migration 0012), 2 for v2 definitions. */
  schema_version: ColumnType<number, number | undefined, number>;
  updated_at: Timestamp;
  updated_by: number | null;
}

/** One rater's column of one report under a v2 rubric (inputs by item id). */
export interface RubricRatingsTable {
  report_id: number;
  rater_id: string;
  ratings: ColumnType<Record<string, unknown>, string, string>;
  updated_at: Timestamp;
  updated_by: number | null;
}

/** The stars a report keeps after 复核 by the level above. */
export interface RubricStarReviewsTable {
  report_id: number;
  stars: number;
  note: ColumnType<string, string | undefined, string>;
  reviewed_at: Timestamp;
  reviewed_by: number | null;
}

export interface ReportAssessmentsTable {
  report_id: number;
  self_score: number | null;
  self_note: ColumnType<string, string | undefined, string>;
  acceptance_score: number | null;
  acceptance_note: ColumnType<string, string | undefined, string>;
  updated_at: Timestamp;
}

export interface ReportScoresTable {
  report_id: number;
  school_id: number;
  year: number;
  total: number;
  stars: number;
  /** Earned points by category code. */
  category_scores: ColumnType<Record<string, number>, string, string>;
  /** Earned points by rubric item id. */
  item_scores: ColumnType<Record<string, number>, string, string>;
  computed_at: Timestamp;
}

/** An approved report's values, keyed (indicator, year, school) for the dashboards; follows report_scores. */
export interface ApprovedFiguresTable {
  indicator_code: string;
  year: number;
  school_id: number;
  report_id: number;
  value: number;
}

/** Counters that move when data changes (see migration 0006), keying server-side caches. */
export interface DataVersionsTable {
  name: string;
  version: number;
}

/** A verification code printed on a signed paper copy, and the approved version it was printed from (migration 0010). */
export interface PaperCopiesTable {
  code: string;
  report_id: number;
  /** SHA-256 (hex) of the report's canonical content; the code is its first bits. */
  content_hash: string;
  version: number;
  approved_at: Date;
  issued_at: Timestamp;
  issued_by: number | null;
}

/** A file attached to a report section or rubric item (bytes stored here; photos already downscaled, EXIF stripped). */
export interface EvidenceFilesTable {
  id: Generated<number>;
  report_id: number;
  target_kind: 'rubric_item' | 'section';
  target_key: string;
  original_name: string;
  mime_type: string;
  byte_size: number;
  /** Hex SHA-256 of `content`. */
  sha256: string;
  width: number | null;
  height: number | null;
  /** A Buffer on pg, a Uint8Array on PGlite. */
  content: Uint8Array;
  thumbnail: Uint8Array | null;
  thumbnail_mime: string | null;
  uploaded_by: number | null;
  uploaded_at: Timestamp;
}

/** A 考评组 of a district for one year (migration 0018). */
export interface InspectionTeamsTable {
  id: Generated<number>;
  org_unit_id: number;
  year: number;
  name: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface InspectionTeamMembersTable {
  team_id: number;
  user_id: number;
}

export interface InspectionAssignmentsTable {
  team_id: number;
  school_id: number;
}

export type InspectionReviewState = 'scoring' | 'submitted' | 'confirmed' | 'published';

/** An inspector's scores and notes of one report (a rater column), until the district publishes them. */
export interface InspectionReviewsTable {
  report_id: number;
  state: InspectionReviewState;
  ratings: ColumnType<Record<string, unknown>, string | undefined, string>;
  updated_at: Timestamp;
  updated_by: number | null;
  submitted_at: Date | null;
  submitted_by: number | null;
  confirmed_at: Date | null;
  confirmed_by: number | null;
  published_at: Date | null;
  published_by: number | null;
}

export interface Database {
  org_units: OrgUnitsTable;
  schools: SchoolsTable;
  school_merges: SchoolMergesTable;
  school_groups: SchoolGroupsTable;
  school_group_members: SchoolGroupMembersTable;
  open_school_years: OpenSchoolYearsView;
  indicators: IndicatorsTable;
  reporting_years: ReportingYearsTable;
  reports: ReportsTable;
  report_values: ReportValuesTable;
  honours: HonoursTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  audit_log: AuditLogTable;
  report_comments: ReportCommentsTable;
  reminders: RemindersTable;
  reporting_year_indicators: ReportingYearIndicatorsTable;
  rubrics: RubricsTable;
  rubric_ratings: RubricRatingsTable;
  rubric_star_reviews: RubricStarReviewsTable;
  report_assessments: ReportAssessmentsTable;
  report_scores: ReportScoresTable;
  approved_figures: ApprovedFiguresTable;
  data_versions: DataVersionsTable;
  notification_channels: NotificationChannelsTable;
  notification_preferences: NotificationPreferencesTable;
  notification_outbox: NotificationOutboxTable;
  paper_copies: PaperCopiesTable;
  report_unlocks: ReportUnlocksTable;
  evidence_files: EvidenceFilesTable;
  inspection_teams: InspectionTeamsTable;
  inspection_team_members: InspectionTeamMembersTable;
  inspection_assignments: InspectionAssignmentsTable;
  inspection_reviews: InspectionReviewsTable;
}

export type OrgUnitRow = Selectable<OrgUnitsTable>;
export type SchoolRow = Selectable<SchoolsTable>;
export type ReportRow = Selectable<ReportsTable>;
export type NewReport = Insertable<ReportsTable>;
export type ReportUpdate = Updateable<ReportsTable>;
export type UserRow = Selectable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type AuditLogRow = Selectable<AuditLogTable>;

export type NotificationChannelKind = 'email' | 'wecom' | 'dingtalk' | 'feishu';
export type NotificationDelivery = 'in_app' | NotificationChannelKind;
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface NotificationChannelsTable {
  kind: NotificationChannelKind;
  enabled: ColumnType<boolean, boolean | undefined, boolean>;
  /** Shown to the admin: SMTP host/port/user/from. */
  settings: ColumnType<Record<string, unknown>, string | undefined, string>;
  /** Never leaves the server: SMTP password, webhook URL, signing secret. */
  secrets: ColumnType<Record<string, string>, string | undefined, string>;
  updated_by: number | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface NotificationPreferencesTable {
  user_id: number;
  email: ColumnType<string, string | undefined, string>;
  email_enabled: ColumnType<boolean, boolean | undefined, boolean>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface NotificationOutboxTable {
  id: Generated<number>;
  idempotency_key: string;
  event: string;
  channel: NotificationDelivery;
  recipient: ColumnType<string, string | undefined, string>;
  recipient_user_id: number | null;
  school_id: number | null;
  year: number | null;
  subject: string;
  body: string;
  link: ColumnType<string, string | undefined, string>;
  status: ColumnType<OutboxStatus, OutboxStatus | undefined, OutboxStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: ColumnType<Date, Date | undefined, Date>;
  locked_until: Date | null;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: Date | null;
}
