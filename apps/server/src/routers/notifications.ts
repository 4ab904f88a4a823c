import { z } from 'zod';
import { int4CountSchema, reportingYearSchema, safeText, zodMessage, type Localized } from '@union/domain';
import { writeAudit } from '../audit/audit-log';
import { channelKinds, groupChannels, loadChannels, publicView, smtpSecurityModes } from '../notifications/channel-settings';
import { loadPreferences, remindPreview, savePreferences, saveChannel, sendTestMessage, recentDeliveries } from '../notifications/settings-service';
import { adminProcedure, authedProcedure, router } from '../trpc/trpc';

// Messages in the caller's language (zod runs them when a value is checked).
const m = (zh: string, en: string) => zodMessage(() => ({ zh, en }));
const both = (zh: string, en: string): Localized => ({ zh, en });

const emailAddress = safeText({ max: 254, maxMessage: both('邮箱最多 254 个字符', 'at most 254 characters') }).refine((s) => s === '' || /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/.test(s), {
  error: m('邮箱格式不正确，例如 name@school.edu.cn', 'not an e-mail address, e.g. name@school.edu.cn'),
});

/** A webhook URL: http(s) only; '' keeps the stored one. */
const webhookUrl = safeText({ max: 1000, maxMessage: both('Webhook 地址最多 1000 个字符', 'at most 1000 characters') }).refine((s) => s === '' || (URL.canParse(s) && /^https?:$/.test(new URL(s).protocol)), {
  error: m('Webhook 地址应以 https:// 开头，例如 https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…', 'should start with https://, e.g. https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…'),
});

const portRange = m('端口应在 1 至 65535 之间', 'a port from 1 to 65535');
const invalidChannel = m('渠道无效', 'unknown channel');

const emailChannelInput = z.object({
  channel: z.literal('email'),
  enabled: z.boolean(),
  host: safeText({ max: 253, maxMessage: both('邮件服务器地址最多 253 个字符', 'at most 253 characters') }).refine((s) => s === '' || /^[A-Za-z0-9.-]+$|^\[[0-9A-Fa-f:.]+\]$/.test(s), {
    error: m('邮件服务器地址只能包含字母、数字、点和连字符，例如 smtp.exmail.qq.com', 'only letters, digits, dots and hyphens, e.g. smtp.exmail.qq.com'),
  }),
  port: z.number({ error: m('端口必须是数字', 'must be a number') }).int({ error: m('端口必须是整数', 'must be a whole number') }).min(1, { error: portRange }).max(65535, { error: portRange }),
  security: z.enum(smtpSecurityModes, { error: m('请选择加密方式', 'choose the encryption') }),
  user: safeText({ max: 254, maxMessage: both('登录用户名最多 254 个字符', 'at most 254 characters') }),
  from: safeText({ max: 300, maxMessage: both('发件人最多 300 个字符', 'at most 300 characters') }),
  /** '' keeps the stored password. */
  password: safeText({ max: 500, asTyped: true, maxMessage: both('密码最多 500 个字符', 'at most 500 characters') }).default(''),
  clearPassword: z.boolean().default(false),
});

const groupChannelInput = z.object({
  channel: z.enum(groupChannels, { error: invalidChannel }),
  enabled: z.boolean(),
  url: webhookUrl.default(''),
  /** '' keeps the stored secret. */
  secret: safeText({ max: 500, maxMessage: both('签名密钥最多 500 个字符', 'at most 500 characters') }).default(''),
  clearSecret: z.boolean().default(false),
});

export const notificationsRouter = router({
  /** Channel settings for the admin's page; secrets only as 「已设置」 flags. */
  channels: adminProcedure.query(async ({ ctx }) => {
    const channels = await loadChannels(ctx.db);
    return channelKinds.map((k) => publicView(channels.get(k)!));
  }),

  saveChannel: adminProcedure.input(z.discriminatedUnion('channel', [emailChannelInput, groupChannelInput], { error: invalidChannel })).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (trx) => {
      const view = await saveChannel(trx, ctx.actor.userId, input);
      // The audit names what changed, never a value of a secret.
      await writeAudit(trx, ctx, {
        action: 'notification_channel_changed',
        entityType: 'notification',
        entityId: input.channel,
        details: { channel: input.channel, enabled: input.enabled, ...(input.channel === 'email' ? { host: input.host, port: input.port, passwordChanged: Boolean(input.password) || input.clearPassword } : { urlChanged: Boolean(input.url), secretChanged: Boolean(input.secret) || input.clearSecret }) },
      });
      return view;
    });
  }),

  /** 「发送测试消息」 through one channel's saved settings, now (not through the outbox). */
  testChannel: adminProcedure
    .input(z.object({ channel: z.enum(channelKinds, { error: invalidChannel }), to: emailAddress.default('') }))
    .mutation(({ ctx, input }) => sendTestMessage(ctx.db, ctx.actor, input.channel, input.to)),

  /** The latest outbox messages with their delivery state (发送记录). */
  deliveries: adminProcedure.input(z.object({ limit: int4CountSchema.min(1, { error: m('至少 1 条', 'at least 1') }).max(200, { error: m('最多 200 条', 'at most 200') }).default(50) })).query(({ ctx, input }) => recentDeliveries(ctx.db, input.limit)),

  /** 一键催报 preview: who gets what, through which channel, before anything is sent. */
  remindPreview: adminProcedure
    .input(z.object({ year: reportingYearSchema, message: safeText({ min: 2, max: 500, minMessage: both('请填写提醒内容', 'write the reminder'), maxMessage: both('提醒内容最多 500 字', 'at most 500 characters') }) }))
    .query(({ ctx, input }) => remindPreview(ctx.db, ctx.actor, input.year, input.message)),

  /** The caller's own channel choices. */
  myPreferences: authedProcedure.query(({ ctx }) => loadPreferences(ctx.db, ctx.actor.userId)),

  /** Changes only the caller's own preferences (there is no user id in the input). */
  savePreferences: authedProcedure
    .input(z.object({ email: emailAddress, emailEnabled: z.boolean() }).refine((p) => !p.emailEnabled || p.email !== '', { error: m('选择通过邮件接收时请填写邮箱', 'enter an e-mail address to receive notifications by e-mail'), path: ['email'] }))
    .mutation(({ ctx, input }) => savePreferences(ctx.db, ctx.actor.userId, input)),
});
