import { describe, expect, it } from 'vitest';
import { robotRequest } from '../src/notifications/group-robots';
import { defaultRetryPolicy, nextAttemptAt } from '../src/notifications/worker';

describe('notification retry schedule', () => {
  it('waits 30 s after the first failure, doubles each time up to an hour, and gives up after 10 attempts', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    const delays = Array.from({ length: 10 }, (_, i) => nextAttemptAt(defaultRetryPolicy, i + 1, now)).map((d) => (d ? (d.getTime() - now.getTime()) / 1000 : null));
    expect(delays).toEqual([30, 60, 120, 240, 480, 960, 1920, 3600, 3600, null]);
  });
});

describe('group robot requests', () => {
  const message = { idempotencyKey: 'k', recipient: '', subject: '催报', body: '请提交', link: 'https://nianbao.example.cn/review/completeness' };
  it('钉钉 signs only when a secret is set and keeps the access token', () => {
    const plain = robotRequest('dingtalk', { url: 'https://oapi.dingtalk.com/robot/send?access_token=abc' }, message, 1_700_000_000_000);
    expect(plain.url).toBe('https://oapi.dingtalk.com/robot/send?access_token=abc');
    const signed = new URL(robotRequest('dingtalk', { url: 'https://oapi.dingtalk.com/robot/send?access_token=abc', secret: 'SECx' }, message, 1_700_000_000_000).url);
    expect(signed.searchParams.get('access_token')).toBe('abc');
    expect(signed.searchParams.get('timestamp')).toBe('1700000000000');
    expect(signed.searchParams.get('sign')).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });
  it('飞书 puts the timestamp in seconds and the sign in the body', () => {
    const { body } = robotRequest('feishu', { url: 'https://open.feishu.cn/open-apis/bot/v2/hook/x', secret: 's' }, message, 1_700_000_000_999) as { body: Record<string, unknown> };
    expect(body).toMatchObject({ timestamp: '1700000000', msg_type: 'text', content: { text: '催报\n请提交\n打开年报平台：https://nianbao.example.cn/review/completeness' } });
  });
});
