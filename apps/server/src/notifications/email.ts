import { createTransport } from 'nodemailer';
import type { EmailSecrets, EmailSettings } from './channel-settings';
import { DeliveryError, describeNetworkError, messageIdFor, type OutgoingMessage } from './delivery';

/**
 * One e-mail over SMTP (nodemailer). The peer has accepted it when the server
 * answers 250 to DATA; nodemailer resolves only then. The Message-ID is derived
 * from the idempotency key, so a copy sent again after a crash is the same mail.
 */
export async function sendEmail(settings: EmailSettings, secrets: EmailSecrets, message: OutgoingMessage): Promise<void> {
  if (!settings.host || !settings.from) throw new DeliveryError('邮件服务器尚未配置（需要服务器地址和发件人）');
  if (!message.recipient) throw new DeliveryError('没有收件人邮箱');
  const transport = createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    auth: settings.user ? { user: settings.user, pass: secrets.password ?? '' } : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
    logger: false,
    debug: false,
  });
  try {
    await transport.sendMail({
      from: settings.from,
      to: message.recipient,
      subject: message.subject,
      text: message.link ? `${message.body}\n\n打开年报平台：${message.link}\n` : `${message.body}\n`,
      messageId: messageIdFor(message.idempotencyKey, settings.from),
      headers: { 'X-Idempotency-Key': message.idempotencyKey },
    });
  } catch (error) {
    const smtp = error as { responseCode?: number; code?: string };
    if (smtp.code === 'EAUTH') throw new DeliveryError('邮件服务器拒绝登录（用户名或密码错误）');
    if (typeof smtp.responseCode === 'number') throw new DeliveryError(`邮件服务器拒收（SMTP ${smtp.responseCode}）`);
    throw new DeliveryError(describeNetworkError(error, `${settings.host}:${settings.port}`));
  } finally {
    transport.close();
  }
}
