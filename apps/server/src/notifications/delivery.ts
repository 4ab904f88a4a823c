import { createHash } from 'node:crypto';
import type { ChannelConfig } from './channel-settings';
import { sendEmail } from './email';
import { sendToGroupRobot } from './group-robots';

/** One message as a channel sends it. */
export interface OutgoingMessage {
  /** Unique per message and recipient; goes to the peer where it supports one (Message-ID). */
  idempotencyKey: string;
  /** E-mail address; '' for group robots. */
  recipient: string;
  subject: string;
  body: string;
  /** Absolute link into the app, or '' (PUBLIC_URL + the stored path). */
  link: string;
}

/** A delivery the peer did not accept, with a Chinese reason for the admin (never a secret). */
export class DeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** Sends through one external channel; resolves only once the peer has accepted the message. */
export async function deliver(config: ChannelConfig, message: OutgoingMessage): Promise<void> {
  if (config.kind === 'email') return sendEmail(config.settings, config.secrets, message);
  return sendToGroupRobot(config.kind, config.secrets, message);
}

/** A stable Message-ID for an idempotency key, so a re-sent copy is recognisably the same e-mail. */
export function messageIdFor(idempotencyKey: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'union-report.invalid';
  return `<${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 40)}@${domain}>`;
}

/** A network failure in words an admin understands (host and port only, never a URL's token). */
export function describeNetworkError(error: unknown, where: string): string {
  const code = findCode(error);
  switch (code) {
    case 'ECONNREFUSED':
      return `无法连接到 ${where}（连接被拒绝）`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `找不到服务器 ${where}（域名无法解析）`;
    case 'ETIMEDOUT':
    case 'ETIMEOUT':
    case 'ESOCKET':
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'TimeoutError':
      return `连接 ${where} 超时`;
    case 'ECONNRESET':
      return `与 ${where} 的连接被对方断开`;
    case 'EAUTH':
      return `邮件服务器拒绝登录（用户名或密码错误）`;
    default:
      return `发送到 ${where} 失败${code ? `（${code}）` : ''}`;
  }
}

function findCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const candidate = e as { code?: unknown; name?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string') return candidate.code;
    if (candidate.name === 'TimeoutError') return 'TimeoutError';
    e = candidate.cause;
  }
  return undefined;
}
