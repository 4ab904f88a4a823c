import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@union/db';
import { localize } from '@union/domain';
import type { Actor } from '../auth/actor';
import { countedSchoolIds } from '../services/open-schools';
import { allSecrets, channelLabels, channelLabelsEn, loadChannels, publicView, redact, type ChannelConfig, type ChannelView, type SmtpSecurity } from './channel-settings';
import { deliver, DeliveryError } from './delivery';
import { activeChannels, chairEmails } from './events';
import { remindGroupText, remindSchoolText, testText } from './messages';
import { publicUrl } from './public-url';
import { userError } from '../trpc/error-messages';

type EmailInput = { channel: 'email'; enabled: boolean; host: string; port: number; security: SmtpSecurity; user: string; from: string; password: string; clearPassword: boolean };
type GroupInput = { channel: 'wecom' | 'dingtalk' | 'feishu'; enabled: boolean; url: string; secret: string; clearSecret: boolean };

/** Stores one channel; empty secret fields keep what is stored. Refuses switching on a channel that cannot send. */
export async function saveChannel(trx: Transaction<Database>, userId: number, input: EmailInput | GroupInput): Promise<ChannelView> {
  const current = (await loadChannels(trx)).get(input.channel)!;
  // The view is built from what is written: no second read of the settings.
  let saved: ChannelConfig;
  if (input.channel === 'email') {
    const password = input.clearPassword ? '' : input.password || ((current.secrets as { password?: string }).password ?? '');
    if (input.enabled && (!input.host || !input.from)) {
      throw userError('BAD_REQUEST', { zh: '启用电子邮件前请填写邮件服务器地址和发件人', en: 'Enter the mail server and the sender before switching e-mail on' });
    }
    saved = { kind: 'email', enabled: input.enabled, settings: { host: input.host, port: input.port, security: input.security, user: input.user, from: input.from }, secrets: password ? { password } : {} };
  } else {
    const stored = current.secrets as { url?: string; secret?: string };
    const url = input.url || stored.url || '';
    const secret = input.clearSecret ? '' : input.secret || stored.secret || '';
    if (input.enabled && !url) throw userError('BAD_REQUEST', { zh: `启用${channelLabels[input.channel]}前请填写 Webhook 地址`, en: `Enter the webhook URL before switching the ${channelLabelsEn[input.channel]} on` });
    saved = { kind: input.channel, enabled: input.enabled, settings: {}, secrets: { ...(url ? { url } : {}), ...(secret ? { secret } : {}) } };
  }
  const row = { enabled: saved.enabled, settings: JSON.stringify(saved.settings), secrets: JSON.stringify(saved.secrets), updated_by: userId, updated_at: new Date() };
  await trx
    .insertInto('notification_channels')
    .values({ kind: input.channel, ...row })
    .onConflict((oc) => oc.column('kind').doUpdateSet(row))
    .execute();
  return publicView(saved);
}

/**
 * Sends a test message through a channel's saved settings at once and tells
 * the admin in Chinese what happened. E-mail goes to `to`, else to the
 * admin's own address from their preferences.
 */
export async function sendTestMessage(db: Kysely<Database>, actor: Actor, channel: 'email' | 'wecom' | 'dingtalk' | 'feishu', to: string): Promise<{ ok: boolean; message: string }> {
  const channels = await loadChannels(db);
  const config = channels.get(channel)!;
  const label = channelLabels[channel];
  let recipient = '';
  if (channel === 'email') {
    recipient = to || (await loadPreferences(db, actor.userId)).email;
    if (!recipient) {
      return { ok: false, message: localize({ zh: '请填写测试收件人邮箱，或先在「我的通知设置」中填写自己的邮箱', en: 'Enter a recipient for the test, or your own address under My notifications first' }) };
    }
  }
  const text = testText(label);
  try {
    await deliver(config, { idempotencyKey: `test:${Date.now()}:${actor.userId}`, recipient, subject: text.subject, body: text.body, link: `${publicUrl()}${text.link}` });
  } catch (error) {
    // The peer's reason (stored in the outbox log as written) stays as the delivery code words it.
    const reason = redact(error instanceof DeliveryError ? error.message : localize({ zh: '发送时出现内部错误', en: 'internal error while sending' }), allSecrets(channels.values()));
    return { ok: false, message: localize({ zh: `发送失败：${reason}`, en: `Sending failed: ${reason}` }) };
  }
  return {
    ok: true,
    message: localize(
      channel === 'email'
        ? { zh: `测试邮件已发送到 ${recipient}，请查收`, en: `Test e-mail sent to ${recipient}` }
        : { zh: `测试消息已发送，请在${label}所在的群里查看`, en: `Test message sent: look in the ${channelLabelsEn[channel]}'s group chat` },
    ),
  };
}

export async function recentDeliveries(db: Kysely<Database>, limit: number) {
  const rows = await db
    .selectFrom('notification_outbox as o')
    .leftJoin('org_units as ou', 'ou.id', 'o.school_id')
    .select(['o.id', 'o.event', 'o.channel', 'o.recipient', 'ou.name as school_name', 'o.subject', 'o.status', 'o.attempts', 'o.next_attempt_at', 'o.last_error', 'o.created_at', 'o.sent_at'])
    .where('o.channel', '<>', 'in_app')
    .orderBy('o.created_at', 'desc')
    .orderBy('o.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    event: r.event,
    channel: r.channel,
    recipient: r.recipient,
    schoolName: r.school_name,
    subject: r.subject,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.status === 'pending' ? r.next_attempt_at : null,
    lastError: r.last_error,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  }));
}

/** 一键催报 preview: the schools in scope not handed in, and per school what goes out where. */
export async function remindPreview(db: Kysely<Database>, actor: Actor, year: number, message: string) {
  const pending = await pendingSchoolsInScope(db, actor, year);
  const { email, groups } = await activeChannels(db);
  const emails = email ? await chairEmails(db, pending.map((p) => p.id)) : new Map();
  return {
    year,
    emailActive: email,
    schools: pending.map((p) => ({
      schoolId: p.id,
      schoolName: p.name,
      status: p.status ?? ('not_started' as const),
      emails: (emails.get(p.id) ?? []).map((c: { email: string }) => c.email),
    })),
    groups,
    schoolMessage: pending[0] ? remindSchoolText(year, message, pending[0].id) : null,
    groupMessage: pending.length ? remindGroupText(year, message, pending.map((p) => p.name)) : null,
    publicUrl: publicUrl(),
  };
}

/** Schools in the actor's scope that have not handed in the year's report (the ones 一键催报 reaches). */
export function pendingSchoolsInScope(db: Kysely<Database> | Transaction<Database>, actor: Actor, year: number) {
  return db
    .selectFrom('schools as s')
    .innerJoin('org_units as ou', 'ou.id', 's.id')
    .leftJoin('reports as r', (join) => join.onRef('r.school_id', '=', 's.id').on('r.year', '=', year))
    .select(['s.id', 'ou.name', 'r.status'])
    .where('s.id', 'in', countedSchoolIds(db, actor, year))
    .where((eb) => eb.or([eb('r.status', 'is', null), eb('r.status', 'in', ['draft', 'returned'])]))
    .orderBy('ou.code')
    .execute();
}

export async function loadPreferences(db: Kysely<Database>, userId: number) {
  const row = await db.selectFrom('notification_preferences').select(['email', 'email_enabled']).where('user_id', '=', userId).executeTakeFirst();
  const { email } = await activeChannels(db);
  return { email: row?.email ?? '', emailEnabled: row?.email_enabled ?? false, emailChannelActive: email };
}

export async function savePreferences(db: Kysely<Database>, userId: number, input: { email: string; emailEnabled: boolean }) {
  await db
    .insertInto('notification_preferences')
    .values({ user_id: userId, email: input.email, email_enabled: input.emailEnabled, updated_at: new Date() })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ email: input.email, email_enabled: input.emailEnabled, updated_at: new Date() }))
    .execute();
  return loadPreferences(db, userId);
}
