import { createHmac } from 'node:crypto';
import type { GroupChannel, WebhookSecrets } from './channel-settings';
import { DeliveryError, describeNetworkError, type OutgoingMessage } from './delivery';

/** 企业微信 limits markdown content to 4096 bytes; the others allow more, one cap keeps it simple. */
const MAX_BODY_CHARS = 1200;

const clip = (text: string) => (text.length > MAX_BODY_CHARS ? `${text.slice(0, MAX_BODY_CHARS)}…` : text);

/** 钉钉 custom robot 加签: base64(HMAC-SHA256(key = secret, timestamp + "\n" + secret)), as query parameters. */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
}

/** 飞书 custom bot 签名校验: base64(HMAC-SHA256(key = timestamp + "\n" + secret, empty message)), in the body. */
export function feishuSign(secret: string, timestampSeconds: number): string {
  return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');
}

/** The request each platform documents for its group robot. */
export function robotRequest(kind: GroupChannel, secrets: WebhookSecrets, message: OutgoingMessage, now = Date.now()): { url: string; body: unknown } {
  const url = new URL(secrets.url ?? '');
  const body = clip(message.body);
  switch (kind) {
    case 'wecom':
      // 企业微信群机器人: msgtype markdown (bold title, link syntax supported).
      return { url: url.toString(), body: { msgtype: 'markdown', markdown: { content: `**${message.subject}**\n${body}${message.link ? `\n[打开年报平台](${message.link})` : ''}` } } };
    case 'dingtalk':
      if (secrets.secret) {
        url.searchParams.set('timestamp', String(now));
        url.searchParams.set('sign', dingtalkSign(secrets.secret, now));
      }
      return {
        url: url.toString(),
        body: { msgtype: 'markdown', markdown: { title: message.subject, text: `#### ${message.subject}\n\n${body.replace(/\n/g, '\n\n')}${message.link ? `\n\n[打开年报平台](${message.link})` : ''}` } },
      };
    case 'feishu': {
      const text = `${message.subject}\n${body}${message.link ? `\n打开年报平台：${message.link}` : ''}`;
      if (!secrets.secret) return { url: url.toString(), body: { msg_type: 'text', content: { text } } };
      const timestamp = Math.floor(now / 1000);
      return { url: url.toString(), body: { timestamp: String(timestamp), sign: feishuSign(secrets.secret, timestamp), msg_type: 'text', content: { text } } };
    }
  }
}

/**
 * Posts to the robot; accepted only on HTTP 2xx with the platform's success
 * code in the answer (企业微信/钉钉 `errcode: 0`, 飞书 `code: 0`) — they answer
 * 200 with an error code for a bad signature or an unknown token.
 */
export async function sendToGroupRobot(kind: GroupChannel, secrets: WebhookSecrets, message: OutgoingMessage): Promise<void> {
  if (!secrets.url || !URL.canParse(secrets.url)) throw new DeliveryError('尚未设置机器人 Webhook 地址');
  const request = robotRequest(kind, secrets, message);
  const where = new URL(secrets.url).host;
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'x-idempotency-key': message.idempotencyKey },
      body: JSON.stringify(request.body),
      signal: AbortSignal.timeout(15_000),
      redirect: 'error',
    });
  } catch (error) {
    throw new DeliveryError(describeNetworkError(error, where));
  }
  const text = await response.text().catch(() => '');
  if (!response.ok) throw new DeliveryError(`${where} 返回 HTTP ${response.status}`);
  let answer: { errcode?: unknown; errmsg?: unknown; code?: unknown; msg?: unknown; StatusCode?: unknown } = {};
  try {
    answer = JSON.parse(text) as typeof answer;
  } catch {
    throw new DeliveryError(`${where} 的答复不是 JSON，消息可能未送达`);
  }
  const code = kind === 'feishu' ? (answer.code ?? answer.StatusCode) : answer.errcode;
  if (code !== 0) {
    const reason = String((kind === 'feishu' ? answer.msg : answer.errmsg) ?? '').slice(0, 120);
    throw new DeliveryError(`机器人拒绝了消息（错误码 ${String(code)}${reason ? `：${reason}` : ''}）`);
  }
}
