import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Runs when docker-compose is installed (CI installs it): no Docker engine
// runs here, but `config` parses and validates the file against the Compose
// specification, with the same variable interpolation a district's server does.
const composeFile = resolve(import.meta.dirname, '../../../infra/docker-compose.yml');

function compose(args: string[], env: Record<string, string>) {
  const { PATH, HOME } = process.env;
  return spawnSync('docker-compose', ['-p', 'union-report', '-f', composeFile, ...args], { encoding: 'utf8', env: { PATH, HOME, ...env } });
}

describe('[deployment] infra/docker-compose.yml', () => {
  const settings = { POSTGRES_PASSWORD: 'a-long-secret', SITE_DOMAIN: 'nianbao.example.edu.cn' };

  it('is a valid Compose file with PostgreSQL, the server, the proxy and the backup job', () => {
    const check = compose(['--profile', 'tools', 'config', '-q'], settings);
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    const services = compose(['--profile', 'tools', 'config', '--services'], settings);
    expect(services.stdout.trim().split('\n').sort()).toEqual(['backup', 'postgres', 'proxy', 'server']);
  });

  it('configures the server only by environment: the database URL with the password, HTTPS cookies behind the proxy', () => {
    const config = compose(['config'], settings).stdout;
    expect(config).toContain('DATABASE_URL: postgres://union_report:a-long-secret@postgres:5432/union_report');
    expect(config).toContain('COOKIE_SECURE: "true"');
    expect(config).toContain('TRUST_PROXY: "true"');
    expect(config).toContain('SITE_DOMAIN: nianbao.example.edu.cn');
  });

  it('refuses to start without a database password', () => {
    const missing = compose(['config', '-q'], { SITE_DOMAIN: 'nianbao.example.edu.cn' });
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('set POSTGRES_PASSWORD');
  });
});
