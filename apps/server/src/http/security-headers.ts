import type { ServerResponse } from 'node:http';

// The built app has no inline script (checked in the e2e suite, which fails on a
// CSP violation). Styles need 'unsafe-inline': ECharts' tooltips carry style attributes.
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const commonHeaders: Record<string, string> = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/** Sets the security headers every answer carries (pages, API, probes); HSTS only on an HTTPS site. */
export function setSecurityHeaders(res: ServerResponse, { https }: { https: boolean }): void {
  for (const [name, value] of Object.entries(commonHeaders)) res.setHeader(name, value);
  if (https) res.setHeader('strict-transport-security', 'max-age=31536000');
}
