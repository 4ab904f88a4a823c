import type { Kysely } from 'kysely';
import type { Database } from '@union/db';
import type { Logger } from 'pino';
import { allSecrets, isUsable, loadChannels, redact } from './channel-settings';
import { deliver, DeliveryError } from './delivery';
import { claimDue, markFailed, markSent, type ClaimedMessage } from './outbox';
import { scheduleDeadlineReminders, scheduleWeeklyDigest } from './schedule';

export interface RetryPolicy {
  /** Delay after the first failed attempt; doubles after each further one. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Attempts in all; after the last failure the message is marked failed. */
  maxAttempts: number;
}

/** Retries after 30 s, 1, 2, 4, 8, 16, 32 min, then hourly: 10 attempts over about 3 hours. */
export const defaultRetryPolicy: RetryPolicy = { baseDelayMs: 30_000, maxDelayMs: 60 * 60_000, maxAttempts: 10 };

/** When the next attempt is due after `attempts` failed ones, or null to give up. */
export function nextAttemptAt(policy: RetryPolicy, attempts: number, now = new Date()): Date | null {
  if (attempts >= policy.maxAttempts) return null;
  const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  return new Date(now.getTime() + delay);
}

export interface WorkerOptions {
  db: Kysely<Database>;
  /** Put in front of the app paths in messages, e.g. https://nianbao.example.cn */
  publicUrl: string;
  logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
  retry?: RetryPolicy;
  /** How long a claim holds before another worker may take the message over. */
  leaseMs?: number;
  /** Messages claimed per round. */
  batchSize?: number;
  pollIntervalMs?: number;
  /** Deadline reminders and the digest are checked at most this often. */
  scheduleIntervalMs?: number;
}

/**
 * Sends the outbox: claims due messages, delivers them one by one, marks each
 * sent only after the peer accepted it, otherwise schedules a retry with
 * exponential backoff. Nothing is kept in memory between rounds, so a restart
 * (or a second replica) continues where the last one stopped.
 */
export class NotificationWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private lastSchedule = 0;
  readonly retry: RetryPolicy;
  readonly leaseMs: number;

  constructor(private readonly options: WorkerOptions) {
    this.retry = options.retry ?? defaultRetryPolicy;
    this.leaseMs = options.leaseMs ?? 120_000;
  }

  /** Polls until stop(). */
  start(): void {
    this.stopped = false;
    const tick = () => {
      if (this.stopped) return;
      this.running = this.runOnce()
        .then(() => undefined, (error: unknown) => this.options.logger?.error({ err: { message: String((error as Error)?.message ?? error) } }, 'notification worker round failed'))
        .finally(() => {
          this.running = null;
          if (!this.stopped) this.timer = setTimeout(tick, this.options.pollIntervalMs ?? 5_000);
        });
    };
    tick();
  }

  /** Stops polling and waits for the round in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One round: the schedule (when due), then every message due now. Returns how many were sent. */
  async runOnce(now = new Date()): Promise<{ sent: number; failed: number }> {
    const { db } = this.options;
    if (now.getTime() - this.lastSchedule >= (this.options.scheduleIntervalMs ?? 60_000)) {
      this.lastSchedule = now.getTime();
      await scheduleDeadlineReminders(db, now);
      await scheduleWeeklyDigest(db, now);
    }
    let sent = 0;
    let failed = 0;
    // Only what was due when the round began: a message that failed just now waits for its next attempt.
    for (;;) {
      const claimed = await claimDue(db, { limit: this.options.batchSize ?? 20, leaseMs: this.leaseMs, now });
      if (claimed.length === 0) break;
      const channels = await loadChannels(db);
      const secrets = allSecrets(channels.values());
      for (const message of claimed) {
        if (await this.send(message, channels, secrets)) sent++;
        else failed++;
      }
      if (this.stopped) break;
    }
    return { sent, failed };
  }

  private async send(message: ClaimedMessage, channels: Awaited<ReturnType<typeof loadChannels>>, secrets: string[]): Promise<boolean> {
    const { db, logger } = this.options;
    const config = message.channel === 'in_app' ? undefined : channels.get(message.channel);
    try {
      if (!config || !isUsable(config)) throw new DeliveryError('该渠道已停用或尚未配置');
      await deliver(config, {
        idempotencyKey: message.idempotency_key,
        recipient: message.recipient,
        subject: message.subject,
        body: message.body,
        link: message.link ? `${this.options.publicUrl}${message.link}` : '',
      });
    } catch (error) {
      // Only our own Chinese descriptions are stored; anything else may carry a URL or a password.
      const reason = redact(error instanceof DeliveryError ? error.message : '发送时出现内部错误', secrets);
      const retryAt = nextAttemptAt(this.retry, message.attempts);
      await markFailed(db, message, reason, retryAt);
      logger?.warn({ outboxId: message.id, channel: message.channel, attempts: message.attempts, error: reason, retryAt }, retryAt ? 'notification not delivered; will retry' : 'notification not delivered; giving up');
      return false;
    }
    await markSent(db, message);
    logger?.info({ outboxId: message.id, channel: message.channel, attempts: message.attempts }, 'notification delivered');
    return true;
  }
}
