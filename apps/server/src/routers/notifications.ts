import { z } from 'zod';
import { int4CountSchema, reportingYearSchema, safeText } from '@union/domain';
import { writeAudit } from '../audit/audit-log';
import { channelKinds, groupChannels, loadChannels, publicView, smtpSecurityModes } from '../notifications/channel-settings';
import { loadPreferences, remindPreview, savePreferences, saveChannel, sendTestMessage, recentDeliveries } from '../notifications/settings-service';
import { adminProcedure, authedProcedure, router } from '../trpc/trpc';

const emailAddress = safeText({ max: 254, maxMessage: '邮箱最多 254 个字符' }).refine((s) => s === '' || /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/.test(s), {
  error: '邮箱格式不正确，例如 name@school.edu.cn',
});

/** A webhook URL: http(s) only; '' keeps the stored one. */
const webhookUrl = safeText({ max: 1000, maxMessage: 'Webhook 地址最多 1000 个字符' }).refine((s) => s === '' || (URL.canParse(s) && /^https?:$/.test(new URL(s).protocol)), {
  error: 'Webhook 地址应以 https:// 开头，例如 https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…',
});

const emailChannelInput = z.object({
  channel: z.literal('email'),
  enabled: z.boolean(),
  host: safeText({ max: 253, maxMessage: '邮件服务器地址最多 253 个字符' }).refine((s) => s === '' || /^[A-Za-z0-9.-]+$|^\[[0-9A-Fa-f:.]+\]$/.test(s), { error: '邮件服务器地址只能包含字母、数字、点和连字符，例如 smtp.exmail.qq.com' }),
  port: z.number({ error: '端口必须是数字' }).int({ error: '端口必须是整数' }).min(1, { error: '端口应在 1 至 65535 之间' }).max(65535, { error: '端口应在 1 至 65535 之间' }),
  security: z.enum(smtpSecurityModes, { error: '请选择加密方式' }),
  user: safeText({ max: 254, maxMessage: '登录用户名最多 254 个字符' }),
  from: safeText({ max: 300, maxMessage: '发件人最多 300 个字符' }),
  /** '' keeps the stored password. */
  password: safeText({ max: 500, asTyped: true, maxMessage: '密码最多 500 个字符' }).default(''),
  clearPassword: z.boolean().default(false),
});

const groupChannelInput = z.object({
  channel: z.enum(groupChannels, { error: '渠道无效' }),
  enabled: z.boolean(),
  url: webhookUrl.default(''),
  /** '' keeps the stored secret. */
  secret: safeText({ max: 500, maxMessage: '签名密钥最多 500 个字符' }).default(''),
  clearSecret: z.boolean().default(false),
});

export const notificationsRouter = router({
  /** Channel settings for the admin's page; secrets only as 「已设置」 flags. */
  channels: adminProcedure.query(async ({ ctx }) => {
    const channels = await loadChannels(ctx.db);
    return channelKinds.map((k) => publicView(channels.get(k)!));
  }),

  saveChannel: adminProcedure.input(z.discriminatedUnion('channel', [emailChannelInput, groupChannelInput], { error: '渠道无效' })).mutation(async ({ ctx, input }) => {
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
    .input(z.object({ channel: z.enum(channelKinds, { error: '渠道无效' }), to: emailAddress.default('') }))
    .mutation(({ ctx, input }) => sendTestMessage(ctx.db, ctx.actor, input.channel, input.to)),

  /** The latest outbox messages with their delivery state (发送记录). */
  deliveries: adminProcedure.input(z.object({ limit: int4CountSchema.min(1, { error: '至少 1 条' }).max(200, { error: '最多 200 条' }).default(50) })).query(({ ctx, input }) => recentDeliveries(ctx.db, input.limit)),

  /** 一键催报 preview: who gets what, through which channel, before anything is sent. */
  remindPreview: adminProcedure
    .input(z.object({ year: reportingYearSchema, message: safeText({ min: 2, max: 500, minMessage: '请填写提醒内容', maxMessage: '提醒内容最多 500 字' }) }))
    .query(({ ctx, input }) => remindPreview(ctx.db, ctx.actor, input.year, input.message)),

  /** The caller's own channel choices. */
  myPreferences: authedProcedure.query(({ ctx }) => loadPreferences(ctx.db, ctx.actor.userId)),

  /** Changes only the caller's own preferences (there is no user id in the input). */
  savePreferences: authedProcedure
    .input(z.object({ email: emailAddress, emailEnabled: z.boolean() }).refine((p) => !p.emailEnabled || p.email !== '', { error: '选择通过邮件接收时请填写邮箱', path: ['email'] }))
    .mutation(({ ctx, input }) => savePreferences(ctx.db, ctx.actor.userId, input)),
});
