/**
 * What a 考评组 member (role `inspector`) may call: their own account, the
 * year's rubric, the evidence and inspection sheets of the reports assigned
 * to them (scoped in SQL by readableReportIds). Everything else — lists of
 * schools, dashboards, reports' other views — is refused before it runs, so
 * a procedure added later is closed to inspectors until it is listed here.
 */
export const inspectorProcedures: ReadonlySet<string> = new Set([
  'auth.login',
  'auth.logout',
  'auth.me',
  'auth.changePassword',
  'catalogue.list',
  'reports.years',
  'rubric.get',
  'rubric.definition',
  'evidence.list',
  'reminders.mine',
  'notifications.myPreferences',
  'notifications.savePreferences',
  'inspection.mine',
  'inspection.sheet',
  'inspection.save',
  'inspection.submit',
]);
