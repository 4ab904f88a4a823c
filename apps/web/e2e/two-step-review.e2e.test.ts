// Two-step review in a real browser against the demo district (2026 is reviewed in two steps):
// the 城东片区 reviewer approves a submitted report (first step), the district accepts it;
// the district then approves several reports at once after a summary of what gets locked;
// and, with the year closed, unlocks one field of an approved report, which the chair edits and resubmits.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiMutation, apiQuery, screenshotDir, useBrowserSuite, type PageOptions } from './browser';

const YEAR = 2026;
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true } satisfies PageOptions;
const DESKTOP = { viewport: { width: 1366, height: 800 } } satisfies PageOptions;
const suite = useBrowserSuite();

interface QueueRow {
  reportId: number;
  schoolId: number;
  schoolName: string;
  status: string;
  mine: boolean;
  waitingFor: string;
}

describe('[chromium] two-step review', () => {
  it('[chromium] the cluster reviewer approves, then the district accepts', async () => {
    const reviewer = await suite.loggedIn('reviewer_east', { path: `/review?year=${YEAR}`, ...DESKTOP });
    await reviewer.waitForURL('**/review?year=*');
    await reviewer.getByText('您是片区审核员').waitFor();
    const queue = await apiQuery<QueueRow[]>(reviewer, 'review.queue', { year: YEAR });
    const target = queue.find((r) => r.mine && r.status === 'submitted');
    expect(target, 'a 城东片区 report waiting for its first step').toBeDefined();
    await reviewer.getByRole('row', { name: new RegExp(target!.schoolName) }).getByText('待城东片区初审').waitFor();
    // Only 城东片区's schools are listed.
    expect(await reviewer.locator('.review-queue tbody tr').count()).toBe(queue.length);
    await reviewer.screenshot({ path: join(screenshotDir, 'two-step-queue-reviewer.png'), fullPage: true });

    await reviewer.getByRole('link', { name: `审核 ${target!.schoolName}` }).click();
    await reviewer.waitForURL(`**/review/${YEAR}/${target!.schoolId}`);
    await reviewer.getByRole('button', { name: '初审通过' }).click();
    const dialog = reviewer.getByRole('dialog');
    await dialog.getByText('初审通过后年报交区教育工会确认').waitFor();
    await dialog.getByRole('button', { name: '初审通过' }).click();
    await reviewer.getByText('已初审通过，等待区教育工会确认。').waitFor();
    await reviewer.locator('.badge--cluster_approved').first().waitFor();

    const admin = await suite.loggedIn('admin', { path: `/review?year=${YEAR}`, ...DESKTOP });
    await admin.getByText('本年度为两级审核').waitFor();
    const row = admin.getByRole('row', { name: new RegExp(target!.schoolName) });
    await row.getByText('待区教育工会确认').waitFor();
    await admin.screenshot({ path: join(screenshotDir, 'two-step-queue-district.png'), fullPage: true });
    await row.getByRole('link', { name: `审核 ${target!.schoolName}` }).click();
    await admin.waitForURL(`**/review/${YEAR}/${target!.schoolId}`);
    await admin.getByRole('button', { name: '确认通过' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: '确认通过' }).click();
    await admin.getByText('已审核通过。').waitFor();
    await admin.locator('.status-line .badge--approved').waitFor();
    await admin.screenshot({ path: join(screenshotDir, 'two-step-accepted.png'), fullPage: true });
  });

  it('[chromium] bulk approval shows what will be locked, then the results (phone, 390 px)', async () => {
    const admin = await suite.loggedIn('admin', { path: `/review?year=${YEAR}`, ...PHONE });
    const queue = await apiQuery<QueueRow[]>(admin, 'review.queue', { year: YEAR });
    const mine = queue.filter((r) => r.mine);
    expect(mine.length).toBeGreaterThanOrEqual(2);
    await admin.getByRole('checkbox', { name: '全选（我可审核的）' }).check();
    await admin.getByText(`已选 ${mine.length} 份`).waitFor();
    await admin.screenshot({ path: join(screenshotDir, 'two-step-bulk-phone.png'), fullPage: true });
    await admin.getByRole('button', { name: '批量通过' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByText(`将通过以下 ${mine.length} 份年报：`).waitFor();
    for (const r of mine) await dialog.getByTestId('bulk-preview').getByText(r.schoolName, { exact: true }).waitFor();
    await admin.screenshot({ path: join(screenshotDir, 'two-step-bulk-confirm-phone.png') });
    await dialog.getByRole('button', { name: `确认通过 ${mine.length} 份` }).click();
    await dialog.getByText(`已通过 ${mine.length} 份。`).waitFor();
    await admin.screenshot({ path: join(screenshotDir, 'two-step-bulk-done-phone.png') });
    await dialog.getByRole('button', { name: '确定' }).click();
    const after = await apiQuery<QueueRow[]>(admin, 'review.queue', { year: YEAR });
    expect(after.filter((r) => r.mine)).toEqual([]);
  });

  // Defect 3: a report unlocked in a closed year used to be stranded (年度已停止填报).
  it('[chromium] with the year closed, the admin unlocks one field; the chair changes it and resubmits; the diff is shown', async () => {
    const admin = await suite.loggedIn('admin', { path: '/review', ...DESKTOP });
    const school = (await apiQuery<{ schools: { id: number; code: string }[] }>(admin, 'schools.list', { year: YEAR })).schools.find((x) => x.code === 'S01')!;
    const before = (await apiQuery<{ report: { values: Record<string, number | null> } }>(admin, 'reports.get', { schoolId: school.id, year: YEAR })).report;
    const oldValue = before.values.union_groups ?? 0;
    await apiMutation(admin, 'years.update', { year: YEAR, deadline: '2027-01-15', isOpen: false, publishedToChairs: false });

    await admin.goto(`/review/${YEAR}/${school.id}`);
    await admin.locator('#review-reason').fill('工会小组数填错，请更正');
    await admin.getByLabel('解锁范围').selectOption('values.union_groups');
    await admin.getByRole('button', { name: '重新打开' }).click();
    await admin.getByText('已重新打开，年报已退回学校。').waitFor();

    const chair = await suite.loggedIn('chair01', { path: `/schools/${school.id}/reports/${YEAR}`, ...DESKTOP });
    await chair.getByText('区教育工会已解锁「工会小组数」').waitFor();
    const field = chair.locator('#rf-values-union_groups');
    await field.fill(String(oldValue + 1));
    await chair.waitForFunction(() => document.querySelector('.rf-bar__state')?.getAttribute('data-save-state') === 'saved', undefined, { timeout: 15_000 });
    await chair.getByRole('button', { name: '提交年报' }).click();
    await chair.getByRole('dialog').getByRole('button', { name: '确认提交' }).click();
    await chair.getByText('年报已提交，等待区教育工会审核。').waitFor();

    await admin.goto(`/review/${YEAR}/${school.id}`);
    const edits = admin.getByTestId('post-approval-edits');
    await edits.getByText('通过后共修改 1 处').waitFor();
    await edits.getByRole('row', { name: /工会小组数/ }).waitFor();
    await edits.scrollIntoViewIfNeeded();
    await admin.screenshot({ path: join(screenshotDir, 'unlock-edits-diff.png') });
  });
});
