import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

// Real peers on 127.0.0.1 for the notification tests: an SMTP server (the
// smtp-server library) and an HTTP receiver standing in for the group robots.
// Both record what they accepted; both can be told to refuse or stall.

export interface ReceivedMail {
  from: string;
  to: string[];
  authUser: string | undefined;
  subject: string;
  messageId: string;
  text: string;
  raw: string;
}

export interface SmtpPeer {
  port: number;
  /** Mails whose DATA was answered 250. */
  accepted: ReceivedMail[];
  /** Answer the next n DATA commands with 451 (a temporary refusal). */
  refuseNext(n: number): void;
  /** Never answer the next DATA (a peer that hangs mid-send). */
  stallNext(): void;
  /** How many DATA commands were left unanswered so far. */
  stalled(): number;
  close(): Promise<void>;
}

export async function startSmtpPeer(options: { user?: string; password?: string } = {}): Promise<SmtpPeer> {
  const accepted: ReceivedMail[] = [];
  let refuse = 0;
  let stall = false;
  let stalledCount = 0;
  const server = new SMTPServer({
    // A local test peer: no TLS, so login over plain text must be allowed.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: !options.user,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === options.user && auth.password === options.password) callback(null, { user: auth.username });
      else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (stall) {
          stall = false;
          stalledCount++;
          return; // never answers
        }
        if (refuse > 0) {
          refuse--;
          callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        accepted.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          authUser: session.user as string | undefined,
          ...parseMail(raw),
          raw,
        });
        callback(null, 'queued');
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    accepted,
    refuseNext: (n) => void (refuse = n),
    stallNext: () => void (stall = true),
    stalled: () => stalledCount,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Just enough MIME for our own mails: encoded-word subject, a quoted-printable or base64 text part. */
export function parseMail(raw: string): { subject: string; messageId: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const bodyRaw = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';
  const subject = header('Subject').replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, enc: string, data: string) =>
    enc.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')),
  );
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text = encoding === 'base64' ? Buffer.from(bodyRaw.replace(/\s+/g, ''), 'base64').toString('utf8') : encoding === 'quoted-printable' ? decodeQuotedPrintable(bodyRaw) : bodyRaw;
  return { subject, messageId: header('Message-ID'), text: text.replace(/\r\n/g, '\n') };
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const s = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '=' && /^[0-9A-F]{2}$/i.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(s[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

export interface ReceivedPost {
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
}

export interface WebhookPeer {
  url: string;
  /** Every POST, whatever was answered. */
  requests: ReceivedPost[];
  /** Those answered with success. */
  accepted: ReceivedPost[];
  /** Answer the next posts with these HTTP statuses (then success again). */
  failNext(...statuses: number[]): void;
  close(): Promise<void>;
}

/**
 * One receiver for all three robots: the path says which (/wecom, /dingtalk,
 * /feishu), the answer is that platform's success body. With `secrets`, it
 * checks the signature as the platform would and answers its error code if wrong.
 */
export async function startWebhookPeer(secrets: { dingtalk?: string; feishu?: string } = {}): Promise<WebhookPeer> {
  const requests: ReceivedPost[] = [];
  const accepted: ReceivedPost[] = [];
  const statuses: number[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        /* recorded as empty */
      }
      const post: ReceivedPost = { path: url.pathname, query: url.searchParams, headers: req.headers, body };
      requests.push(post);
      const status = statuses.shift();
      if (status) {
        res.writeHead(status, { 'content-type': 'text/plain' }).end('temporarily unavailable');
        return;
      }
      const feishu = url.pathname.startsWith('/feishu');
      if (!signatureOk(url, body, secrets)) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(feishu ? { code: 19021, msg: 'sign match fail or timestamp is not within one hour from current time' } : { errcode: 310000, errmsg: 'sign not match' }));
        return;
      }
      accepted.push(post);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(feishu ? { code: 0, msg: 'success', data: {} } : { errcode: 0, errmsg: 'ok' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    accepted,
    failNext: (...s) => void statuses.push(...s),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function signatureOk(url: URL, body: Record<string, unknown>, secrets: { dingtalk?: string; feishu?: string }): boolean {
  if (url.pathname.startsWith('/dingtalk') && secrets.dingtalk) {
    const timestamp = url.searchParams.get('timestamp') ?? '';
    const expected = createHmac('sha256', secrets.dingtalk).update(`${timestamp}\n${secrets.dingtalk}`).digest('base64');
    return url.searchParams.get('sign') === expected && Math.abs(Date.now() - Number(timestamp)) < 3_600_000;
  }
  if (url.pathname.startsWith('/feishu') && secrets.feishu) {
    const timestamp = String(body.timestamp ?? '');
    const expected = createHmac('sha256', `${timestamp}\n${secrets.feishu}`).update('').digest('base64');
    return body.sign === expected && Math.abs(Date.now() / 1000 - Number(timestamp)) < 3600;
  }
  return true;
}
