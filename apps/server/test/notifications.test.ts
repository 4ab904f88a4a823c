import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedDemoDistrict } from '@union/db/seed';
import { openTestDatabase, testEngines, type TestDatabase } from '@union/db/testing';
import { messageIdFor } from '../src/notifications/delivery';
import { scheduleDeadlineReminders, scheduleWeeklyDigest } from '../src/notifications/schedule';
import { NotificationWorker } from '../src/notifications/worker';
import { appRouter } from '../src/routers/index';
import { createDirectContext } from '../src/trpc/context';
import { createCallerFactory } from '../src/trpc/trpc';
import { actorFor } from './actors';
import { startSmtpPeer, startWebhookPeer, type SmtpPeer, type WebhookPeer } from './notification-peers';
import { errorOf } from './trpc-errors';

const createCaller = createCallerFactory(appRouter);
type Caller = ReturnType<typeof createCaller>;

const PUBLIC_URL = 'https://nianbao.example.cn';
const SMTP_USER = 'notify@union.example.cn';
const SMTP_PASSWORD = 'Smtp-Pass-7f3c9e';
const DING_SECRET = 'SECding0a1b2c3d4e5f';
const FEISHU_SECRET = 'feishu-secret-9z8y7x';
const WECOM_TOKEN = 'wecom-key-11112222';
const DING_TOKEN = 'ding-token-33334444';
const FEISHU_HOOK = 'feishu-hook-55556666';
const secrets = [SMTP_PASSWORD, DING_SECRET, FEISHU_SECRET, WECOM_TOKEN, DING_TOKEN, FEISHU_HOOK];
const fastRetry = { baseDelayMs: 20, maxDelayMs: 200, maxAttempts: 5 };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(testEngines())('[%s] notifications', (engine) => {
  let t: TestDatabase;
  let smtp: SmtpPeer;
  let robots: WebhookPeer;
  let admin: Caller;
  let chairA: Caller;
  let chairB: Caller;
  let schoolA: number;
  let logLines: string[];
  const year = 2026;

  const worker = (extra: Partial<ConstructorParameters<typeof NotificationWorker>[0]> = {}) =>
    new NotificationWorker({
      db: t.db,
      publicUrl: PUBLIC_URL,
      retry: fastRetry,
      scheduleIntervalMs: Number.POSITIVE_INFINITY,
      logger: pino({ level: 'info' }, new Writable({ write: (chunk, _e, done) => (logLines.push(String(chunk)), done()) })),
      ...extra,
    });

  /** Runs rounds until nothing is pending or sending any more (no time limit beyond the test's). */
  async function drain(w = worker()) {
    for (let i = 0; i < 500; i++) {
      await w.runOnce();
      const open = await t.db.selectFrom('notification_outbox').select('id').where('status', 'in', ['pending', 'sending']).execute();
      if (open.length === 0) return;
      await sleep(30);
    }
    throw new Error('outbox did not drain');
  }

  const outbox = () => t.db.selectFrom('notification_outbox').selectAll().orderBy('id').execute();

  async function configureChannels(enabled: { email?: boolean; wecom?: boolean; dingtalk?: boolean; feishu?: boolean }) {
    await admin.notifications.saveChannel({ channel: 'email', enabled: enabled.email ?? false, host: '127.0.0.1', port: smtp.port, security: 'none', user: SMTP_USER, from: '区教育工会 <notify@union.example.cn>', password: SMTP_PASSWORD });
    await admin.notifications.saveChannel({ channel: 'wecom', enabled: enabled.wecom ?? false, url: `${robots.url}/wecom?key=${WECOM_TOKEN}` });
    await admin.notifications.saveChannel({ channel: 'dingtalk', enabled: enabled.dingtalk ?? false, url: `${robots.url}/dingtalk?access_token=${DING_TOKEN}`, secret: DING_SECRET });
    await admin.notifications.saveChannel({ channel: 'feishu', enabled: enabled.feishu ?? false, url: `${robots.url}/feishu/${FEISHU_HOOK}`, secret: FEISHU_SECRET });
  }

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemoDistrict(t.db);
    smtp = await startSmtpPeer({ user: SMTP_USER, password: SMTP_PASSWORD });
    robots = await startWebhookPeer({ dingtalk: DING_SECRET, feishu: FEISHU_SECRET });
    const a = await actorFor(t.db, 'chair01');
    schoolA = a.schoolId!;
    admin = createCaller(createDirectContext(t.db, await actorFor(t.db, 'admin')));
    chairA = createCaller(createDirectContext(t.db, a));
    chairB = createCaller(createDirectContext(t.db, await actorFor(t.db, 'chair02')));
  });
  afterAll(async () => {
    await smtp?.close();
    await robots?.close();
    await t?.close();
  });
  beforeEach(async () => {
    await t.db.deleteFrom('notification_outbox').execute();
    smtp.accepted.length = 0;
    robots.requests.length = 0;
    robots.accepted.length = 0;
    logLines = [];
    await configureChannels({ email: true, wecom: true, dingtalk: true, feishu: true });
  });

  it('shows the admin which secrets are set, never their values', async () => {
    const channels = await admin.notifications.channels();
    const text = JSON.stringify(channels);
    for (const s of secrets) expect(text).not.toContain(s);
    const email = channels.find((c) => c.kind === 'email')!;
    expect(email).toMatchObject({ enabled: true, passwordSet: true, email: { host: '127.0.0.1', user: SMTP_USER } });
    expect(channels.find((c) => c.kind === 'dingtalk')).toMatchObject({ urlSet: true, secretSet: true, urlHost: new URL(robots.url).host });
    // Saving again without the secrets keeps them.
    await admin.notifications.saveChannel({ channel: 'dingtalk', enabled: true });
    expect((await admin.notifications.channels()).find((c) => c.kind === 'dingtalk')).toMatchObject({ urlSet: true, secretSet: true });
    const audit = await t.db.selectFrom('audit_log').select('details').where('action', '=', 'notification_channel_changed').execute();
    expect(audit.length).toBeGreaterThan(0);
    for (const s of secrets) expect(JSON.stringify(audit)).not.toContain(s);
  });

  it('refuses switching on a channel that cannot send, in Chinese, and changes nothing', async () => {
    await t.db.deleteFrom('notification_channels').where('kind', '=', 'feishu').execute();
    const error = await errorOf(admin.notifications.saveChannel({ channel: 'feishu', enabled: true }));
    expect(error.message).toContain('Webhook 地址');
    expect(await t.db.selectFrom('notification_channels').select('kind').where('kind', '=', 'feishu').execute()).toEqual([]);
    const bad = await errorOf(admin.notifications.saveChannel({ channel: 'wecom', enabled: true, url: 'ftp://example.cn/x' }));
    expect(bad.message).toContain('Webhook 地址');
  });

  it('a returned report reaches its chair in-app and by e-mail: Chinese, with a link, Message-ID from the idempotency key', async () => {
    await chairA.notifications.savePreferences({ email: 'chair01@school.example.cn', emailEnabled: true });
    const report = await t.db.selectFrom('reports').select(['id', 'version', 'status']).where('school_id', '=', schoolA).where('year', '=', year).executeTakeFirstOrThrow();
    await t.db.updateTable('reports').set({ status: 'submitted', submitted_at: new Date() }).where('id', '=', report.id).execute();
    // A refused decision (stale version) commits nothing, so it queues nothing either.
    await errorOf(admin.review.return({ reportId: report.id, version: report.version + 5, comment: '请核实' }));
    expect(await outbox()).toEqual([]);

    await admin.review.return({ reportId: report.id, version: report.version, comment: '请核实慰问人次' });
    const queued = await outbox();
    expect(queued.map((r) => [r.channel, r.status])).toEqual([
      ['in_app', 'sent'],
      ['email', 'pending'],
    ]);
    // The in-app reminder is there at once, in the same transaction.
    const mine = await chairA.reminders.mine();
    expect(mine[0]!.message).toContain('请核实慰问人次');

    await drain();
    expect(smtp.accepted).toHaveLength(1);
    const mail = smtp.accepted[0]!;
    expect(mail.to).toEqual(['chair01@school.example.cn']);
    expect(mail.authUser).toBe(SMTP_USER);
    expect(mail.subject).toBe('2026 年度年报被退回修改');
    expect(mail.text).toContain('审核意见：请核实慰问人次');
    expect(mail.text).toContain(`${PUBLIC_URL}/schools/${schoolA}/reports/2026`);
    expect(mail.messageId).toBe(messageIdFor(queued[1]!.idempotency_key, 'notify@union.example.cn>'));
    for (const s of secrets) expect(mail.raw).not.toContain(s);
    const sent = (await outbox())[1]!;
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    // A second round sends nothing again.
    await worker().runOnce();
    expect(smtp.accepted).toHaveLength(1);
    // Group robots never carry a school's review comments.
    expect(robots.requests).toHaveLength(0);
    await t.db.updateTable('reports').set({ status: report.status, version: report.version }).where('id', '=', report.id).execute();
  });

  it('一键催报: the preview lists who gets what; sending reaches every pending school and each robot, correctly signed', async () => {
    await chairA.notifications.savePreferences({ email: 'chair01@school.example.cn', emailEnabled: true });
    await t.db.updateTable('reports').set({ status: 'draft' }).where('school_id', '=', schoolA).where('year', '=', year).execute();
    const message = '请于 1 月 15 日前提交 2026 年度年报。';
    const preview = await admin.notifications.remindPreview({ year, message });
    const completeness = await admin.review.completeness({ year });
    const pendingCount = completeness.counts.not_started + completeness.counts.draft + completeness.counts.returned;
    expect(preview.schools).toHaveLength(pendingCount);
    expect(preview.schools.find((s) => s.schoolId === schoolA)?.emails).toEqual(['chair01@school.example.cn']);
    expect(preview.groups).toEqual(['wecom', 'dingtalk', 'feishu']);
    expect(preview.groupMessage?.body).toContain(message);
    // A preview sends nothing.
    expect(await outbox()).toEqual([]);

    const sent = await admin.review.remind({ year, message });
    expect(sent.schools).toBe(pendingCount);
    await drain();
    expect(smtp.accepted.map((m) => m.to[0])).toEqual(['chair01@school.example.cn']);
    expect(smtp.accepted[0]!.text).toContain(message);
    expect(robots.accepted.map((r) => r.path).sort()).toEqual(['/dingtalk', '/feishu/' + FEISHU_HOOK, '/wecom'].sort());
    const wecom = robots.accepted.find((r) => r.path === '/wecom')!;
    expect(wecom.query.get('key')).toBe(WECOM_TOKEN);
    expect(wecom.body).toMatchObject({ msgtype: 'markdown' });
    const wecomText = (wecom.body.markdown as { content: string }).content;
    expect(wecomText).toContain(message);
    expect(wecomText).toContain(`(${PUBLIC_URL}/review/completeness)`);
    expect(wecomText).toContain(preview.schools[0]!.schoolName);
    const ding = robots.accepted.find((r) => r.path === '/dingtalk')!;
    expect(ding.query.get('access_token')).toBe(DING_TOKEN);
    expect(ding.query.get('sign')).toBeTruthy();
    expect(ding.body).toMatchObject({ msgtype: 'markdown', markdown: { title: '催报：2026 年度年报' } });
    const feishu = robots.accepted.find((r) => r.path.startsWith('/feishu'))!;
    expect(feishu.body).toMatchObject({ msg_type: 'text' });
    expect(feishu.body.sign).toBeTruthy();
    expect((feishu.body.content as { text: string }).text).toContain(`${PUBLIC_URL}/review/completeness`);
    for (const r of robots.requests) for (const s of [SMTP_PASSWORD, DING_SECRET, FEISHU_SECRET]) expect(JSON.stringify(r.body)).not.toContain(s);
    // Each pending school got its in-app reminder.
    const reminders = await t.db.selectFrom('reminders').select('school_id').where('message', '=', message).execute();
    expect(reminders).toHaveLength(pendingCount);
  });

  it('retries after the receiver fails: 500 twice then 200 → delivered once, attempts = 3', async () => {
    await configureChannels({ wecom: true });
    robots.failNext(500, 500);
    await admin.review.remind({ year, message: '请尽快提交年报' });
    const w = worker();
    await w.runOnce();
    const afterFirst = (await outbox()).find((r) => r.channel === 'wecom')!;
    expect(afterFirst).toMatchObject({ status: 'pending', attempts: 1 });
    expect(afterFirst.last_error).toBe(`${new URL(robots.url).host} 返回 HTTP 500`);
    expect(afterFirst.next_attempt_at.getTime()).toBeGreaterThan(Date.now() - 1000);
    await drain(w);
    expect(robots.requests.filter((r) => r.path === '/wecom')).toHaveLength(3);
    expect(robots.accepted.filter((r) => r.path === '/wecom')).toHaveLength(1);
    expect((await outbox()).find((r) => r.channel === 'wecom')).toMatchObject({ status: 'sent', attempts: 3, last_error: null });
  });

  it('retries a refusing SMTP server (451) and gives up after the last attempt', async () => {
    await configureChannels({ email: true, feishu: true });
    await chairA.notifications.savePreferences({ email: 'chair01@school.example.cn', emailEnabled: true });
    await t.db.updateTable('reports').set({ status: 'draft' }).where('school_id', '=', schoolA).where('year', '=', year).execute();
    smtp.refuseNext(1);
    robots.failNext(503, 503, 503);
    await admin.review.remind({ year, message: '请尽快提交年报' });
    await drain(worker({ retry: { baseDelayMs: 10, maxDelayMs: 50, maxAttempts: 3 } }));
    const rows = await outbox();
    expect(rows.find((r) => r.channel === 'email')).toMatchObject({ status: 'sent', attempts: 2 });
    expect(smtp.accepted).toHaveLength(1);
    expect(rows.find((r) => r.channel === 'feishu')).toMatchObject({ status: 'failed', attempts: 3 });
    expect(robots.accepted).toHaveLength(0);
  });

  it('two workers at once and re-runs of a scheduled event deliver each message once', async () => {
    for (const [who, caller] of [['chair01', chairA], ['chair02', chairB]] as const) await caller.notifications.savePreferences({ email: `${who}@school.example.cn`, emailEnabled: true });
    await t.db.updateTable('reports').set({ status: 'draft' }).where('school_id', 'in', [schoolA, (await actorFor(t.db, 'chair02')).schoolId!]).where('year', '=', year).execute();
    // Three days before the 2027-01-15 deadline, China time, twice (two replicas, or a restart that day).
    const threeDaysBefore = new Date('2027-01-12T09:00:00+08:00');
    const first = await scheduleDeadlineReminders(t.db, threeDaysBefore);
    expect(first).toBeGreaterThan(0);
    expect(await scheduleDeadlineReminders(t.db, new Date('2027-01-12T20:00:00+08:00'))).toBe(0);
    expect(await scheduleDeadlineReminders(t.db, new Date('2027-01-11T09:00:00+08:00'))).toBe(0); // 4 days: none
    const rows = await outbox();
    const external = rows.filter((r) => r.channel !== 'in_app');
    const inApp = await t.db.selectFrom('reminders').select('id').where('message', 'like', '%还有 3 天%').execute();
    expect(inApp).toHaveLength(rows.filter((r) => r.channel === 'in_app').length);

    const [w1, w2] = [worker(), worker()];
    for (let i = 0; i < 50 && (await t.db.selectFrom('notification_outbox').select('id').where('status', '<>', 'sent').execute()).length; i++) {
      await Promise.all([w1.runOnce(), w2.runOnce()]);
    }
    const emails = external.filter((r) => r.channel === 'email');
    expect(emails.map((r) => r.recipient).sort()).toEqual(['chair01@school.example.cn', 'chair02@school.example.cn']);
    expect(smtp.accepted.map((m) => m.to[0]).sort()).toEqual(['chair01@school.example.cn', 'chair02@school.example.cn']);
    expect(smtp.accepted[0]!.subject).toBe('2026 年度年报还有 3 天截止');
    expect(robots.accepted).toHaveLength(3);
    expect((await outbox()).every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('the weekly digest goes out once a week to staff who chose e-mail and to the robots', async () => {
    await admin.notifications.savePreferences({ email: 'admin@union.example.cn', emailEnabled: true });
    expect(await scheduleWeeklyDigest(t.db, new Date('2027-01-18T07:00:00+08:00'))).toBe(0); // Monday before 08:00
    expect(await scheduleWeeklyDigest(t.db, new Date('2027-01-18T09:00:00+08:00'))).toBe(4);
    expect(await scheduleWeeklyDigest(t.db, new Date('2027-01-20T09:00:00+08:00'))).toBe(0); // same week
    await drain();
    expect(smtp.accepted.map((m) => m.to[0])).toEqual(['admin@union.example.cn']);
    expect(smtp.accepted[0]!.subject).toBe('年报填报周报（2027-01-18 当周）');
    expect(smtp.accepted[0]!.text).toMatch(/2026 年度（截止 2027-01-15）：已提交 \d+\/28 所（\d+%），未到截止日期未交 0 所，逾期未交 \d+ 所：/);
    expect(robots.accepted).toHaveLength(3);
  });

  it('a new year is announced to every school in-app and to the robots', async () => {
    await configureChannels({ wecom: true });
    await admin.years.create({ year: 2031, deadline: '2032-01-15' });
    const rows = await outbox();
    const schools = await t.db.selectFrom('schools').select('id').where('active', '=', true).execute();
    expect(rows.filter((r) => r.channel === 'in_app')).toHaveLength(schools.length);
    expect(rows.filter((r) => r.channel === 'wecom')).toHaveLength(1);
    await drain();
    expect((robots.accepted[0]!.body.markdown as { content: string }).content).toContain('2031 年度工会工作年报开始填报');
  });

  it('「发送测试消息」 answers in Chinese; failures name the cause and no secret, in the answer and in the logs', async () => {
    expect(await admin.notifications.testChannel({ channel: 'wecom' })).toEqual({ ok: true, message: '测试消息已发送，请在企业微信群机器人所在的群里查看' });
    expect(await admin.notifications.testChannel({ channel: 'email', to: 'admin@union.example.cn' })).toEqual({ ok: true, message: '测试邮件已发送到 admin@union.example.cn，请查收' });
    expect(smtp.accepted[0]!.subject).toBe('测试消息');
    // A wrong password, a closed port, a robot that answers 500.
    await admin.notifications.saveChannel({ channel: 'email', enabled: true, host: '127.0.0.1', port: smtp.port, security: 'none', user: SMTP_USER, from: 'notify@union.example.cn', password: 'Wrong-Pass-000' });
    expect(await admin.notifications.testChannel({ channel: 'email', to: 'admin@union.example.cn' })).toEqual({ ok: false, message: '发送失败：邮件服务器拒绝登录（用户名或密码错误）' });
    const closed = await startWebhookPeer();
    await closed.close();
    await admin.notifications.saveChannel({ channel: 'feishu', enabled: true, url: `${closed.url}/feishu/${FEISHU_HOOK}` });
    expect(await admin.notifications.testChannel({ channel: 'feishu' })).toEqual({ ok: false, message: `发送失败：无法连接到 ${new URL(closed.url).host}（连接被拒绝）` });
    robots.failNext(500, 500);
    expect((await admin.notifications.testChannel({ channel: 'dingtalk' })).message).toBe(`发送失败：${new URL(robots.url).host} 返回 HTTP 500`);

    // The worker's log lines for failed sends carry no secret either.
    await admin.review.remind({ year, message: '请尽快提交年报' });
    await worker().runOnce();
    const logs = logLines.join('\n');
    expect(logs).toContain('will retry');
    for (const s of [...secrets, 'Wrong-Pass-000']) expect(logs).not.toContain(s);
    for (const row of await outbox()) for (const s of secrets) expect(row.last_error ?? '').not.toContain(s);
    const deliveries = await admin.notifications.deliveries({});
    for (const s of secrets) expect(JSON.stringify(deliveries)).not.toContain(s);
  });

  it('each user changes only their own preferences; a bad address is refused naming the field', async () => {
    await chairA.notifications.savePreferences({ email: 'a@school.example.cn', emailEnabled: true });
    await chairB.notifications.savePreferences({ email: 'b@school.example.cn', emailEnabled: false });
    expect(await chairA.notifications.myPreferences()).toMatchObject({ email: 'a@school.example.cn', emailEnabled: true, emailChannelActive: true });
    expect(await chairB.notifications.myPreferences()).toMatchObject({ email: 'b@school.example.cn', emailEnabled: false });
    const bad = await errorOf(chairA.notifications.savePreferences({ email: 'not an address', emailEnabled: true }));
    expect(bad.message).toContain('邮箱');
    const missing = await errorOf(chairA.notifications.savePreferences({ email: '', emailEnabled: true }));
    expect(missing.message).toContain('邮箱');
    expect(await chairA.notifications.myPreferences()).toMatchObject({ email: 'a@school.example.cn' });
  });
});
