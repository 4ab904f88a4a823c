import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { Database, NotificationChannelKind } from '@union/db';

/** Group robots: one chat (a district group in 企业微信, 钉钉 or 飞书) per channel. */
export const groupChannels = ['wecom', 'dingtalk', 'feishu'] as const satisfies NotificationChannelKind[];
export type GroupChannel = (typeof groupChannels)[number];
export const channelKinds = ['email', ...groupChannels] as const satisfies NotificationChannelKind[];

export const channelLabels: Record<NotificationChannelKind | 'in_app', string> = {
  in_app: '站内提醒',
  email: '电子邮件',
  wecom: '企业微信群机器人',
  dingtalk: '钉钉群机器人',
  feishu: '飞书群机器人',
};
export const channelLabelsEn: Record<NotificationChannelKind | 'in_app', string> = {
  in_app: 'In-app reminders',
  email: 'E-mail',
  wecom: 'WeCom group robot',
  dingtalk: 'DingTalk group robot',
  feishu: 'Feishu group robot',
};

/** How the SMTP connection is protected: TLS from the start (465), STARTTLS (587), or none (a local relay). */
export const smtpSecurityModes = ['tls', 'starttls', 'none'] as const;
export type SmtpSecurity = (typeof smtpSecurityModes)[number];

export interface EmailSettings {
  host: string;
  port: number;
  security: SmtpSecurity;
  user: string;
  from: string;
}
export interface EmailSecrets {
  password?: string;
}
export interface WebhookSecrets {
  /** The robot's URL; its token (key / access_token / hook id) is the credential. */
  url?: string;
  /** 钉钉 加签 / 飞书 签名校验 secret. */
  secret?: string;
}

export type ChannelConfig =
  | { kind: 'email'; enabled: boolean; settings: EmailSettings; secrets: EmailSecrets }
  | { kind: GroupChannel; enabled: boolean; settings: Record<string, never>; secrets: WebhookSecrets };

const emailSettingsSchema = z.object({
  host: z.string().default(''),
  port: z.number().int().default(587),
  security: z.enum(smtpSecurityModes).default('starttls'),
  user: z.string().default(''),
  from: z.string().default(''),
});
const stringRecord = z.record(z.string(), z.string()).catch({});

const emptyEmail = (): EmailSettings => emailSettingsSchema.parse({});

/** Every channel's stored configuration (defaults for those never saved). */
export async function loadChannels(db: Kysely<Database> | Transaction<Database>): Promise<Map<NotificationChannelKind, ChannelConfig>> {
  const rows = await db.selectFrom('notification_channels').selectAll().execute();
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  const result = new Map<NotificationChannelKind, ChannelConfig>();
  for (const kind of channelKinds) {
    const row = byKind.get(kind);
    const secrets = stringRecord.parse(row?.secrets ?? {});
    if (kind === 'email') {
      const parsed = emailSettingsSchema.safeParse(row?.settings ?? {});
      result.set(kind, { kind, enabled: row?.enabled ?? false, settings: parsed.success ? parsed.data : emptyEmail(), secrets: { password: secrets.password } });
    } else {
      result.set(kind, { kind, enabled: row?.enabled ?? false, settings: {}, secrets: { url: secrets.url, secret: secrets.secret } });
    }
  }
  return result;
}

/** Ready to send: switched on and with what it needs to reach the peer. */
export function isUsable(config: ChannelConfig): boolean {
  if (!config.enabled) return false;
  if (config.kind === 'email') return Boolean(config.settings.host && config.settings.from);
  return Boolean(config.secrets.url);
}

/** Every secret of every channel, for scrubbing error texts before they are stored or logged. */
export function allSecrets(channels: Iterable<ChannelConfig>): string[] {
  const out: string[] = [];
  for (const c of channels) {
    for (const value of Object.values(c.secrets)) {
      if (!value) continue;
      out.push(value);
      // A webhook URL's query (the token) and path may show up on their own.
      if (URL.canParse(value)) {
        const u = new URL(value);
        if (u.search.length > 1) out.push(u.search.slice(1), ...u.searchParams.values());
        if (u.pathname.length > 8) out.push(u.pathname);
      }
    }
  }
  return out.filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
}

/** Replaces every secret in a text with ***. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) out = out.split(s).join('***');
  return out;
}

/** What the admin's page shows: settings, and for each secret only whether it is set (「已设置」). */
export function publicView(config: ChannelConfig) {
  if (config.kind === 'email') {
    return { kind: config.kind, enabled: config.enabled, email: config.settings, passwordSet: Boolean(config.secrets.password), urlSet: false, urlHost: '', secretSet: false };
  }
  const url = config.secrets.url;
  return {
    kind: config.kind,
    enabled: config.enabled,
    email: null,
    passwordSet: false,
    urlSet: Boolean(url),
    // The host alone tells which robot service it is without revealing the token.
    urlHost: url && URL.canParse(url) ? new URL(url).host : '',
    secretSet: Boolean(config.secrets.secret),
  };
}
export type ChannelView = ReturnType<typeof publicView>;
