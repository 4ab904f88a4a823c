import type { Migration } from 'kysely/migration';
import * as m0001 from './0001_initial_schema';
import * as m0002 from './0002_accounts_sessions_audit';
import * as m0003 from './0003_reporting_workflow';
import * as m0004 from './0004_rubric_and_scores';
import * as m0005 from './0005_approved_figures';
import * as m0006 from './0006_dashboard_data_version';
import * as m0007 from './0007_school_life_cycle';
import * as m0008 from './0008_two_step_review';
import * as m0009 from './0009_notification_outbox';
import * as m0010 from './0010_paper_copies';
import * as m0011 from './0011_value_provenance';
import * as m0012 from './0012_rubric_v2';
import * as m0015 from './0015_evidence_files';
import * as m0016 from './0016_school_groups';
import * as m0017 from './0017_city_roles';
import * as m0018 from './0018_inspection';

/** Static map: works under every runner (tsx, Vitest, bundlers) without file globbing. */
export const migrations: Record<string, Migration> = {
  '0001_initial_schema': m0001,
  '0002_accounts_sessions_audit': m0002,
  '0003_reporting_workflow': m0003,
  '0004_rubric_and_scores': m0004,
  '0005_approved_figures': m0005,
  '0006_dashboard_data_version': m0006,
  '0007_school_life_cycle': m0007,
  '0008_two_step_review': m0008,
  '0009_notification_outbox': m0009,
  '0010_paper_copies': m0010,
  '0011_value_provenance': m0011,
  '0012_rubric_v2': m0012,
  '0015_evidence_files': m0015,
  '0016_school_groups': m0016,
  '0017_city_roles': m0017,
  '0018_inspection': m0018,
};
