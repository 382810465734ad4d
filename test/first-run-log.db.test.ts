import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../src/config/config.js';
import { createLogger } from '../src/config/logger.js';
import { start, type Running } from '../src/main.js';
import { Client } from './adapters/http/http-fixture.js';
import { serverEnv } from './support/db.js';

/**
 * The whole server started on an empty database: the log says how to begin and prints the setup
 * link once; using the link (page, form, login) never logs the token again.
 */
describe('first-run log', () => {
  const lines: string[] = [];
  let running: Running;

  beforeAll(async () => {
    running = await start(
      loadConfig(serverEnv('first_run_log', { LOG_LEVEL: 'trace' })),
      createLogger('trace', { write: (line: string) => void lines.push(line) }),
    );
  }, 120_000);
  afterAll(async () => {
    await running.conn.dropDatabase().catch(() => undefined);
    await running.stop();
  });

  it('should print the setup link in exactly one line, and never the token again', async () => {
    const linkLines = lines.filter((l) => l.includes('/console/setup?token='));
    expect(linkLines).toHaveLength(1);
    const line = JSON.parse(linkLines[0]!) as { msg: string };
    expect(line.msg).toMatch(/^Belum ada akun petugas\..* \/ No officer yet/);
    const m = /(http:\/\/127\.0\.0\.1:(\d+))\/console\/setup\?token=([A-Za-z0-9_-]{43})/.exec(line.msg);
    expect(m?.[2]).toBe(String(running.port));
    const [, base, , token] = m!;

    const c = new Client(base!);
    expect((await c.page(`/console/setup?token=${token}`)).res.status).toBe(200);
    const offices = await running.loket.repos.offices.all();
    const res = await c.form('/console/setup', {
      token: token!,
      username: 'admin',
      displayName: 'Admin Pertama',
      password: 'pohon-mangga-di-balai-desa',
      password2: 'pohon-mangga-di-balai-desa',
      officeId: offices[0]!.id,
    });
    expect(res.status).toBe(303);
    expect((await c.page('/console/queue')).res.status).toBe(200);
    expect((await c.page(`/console/setup?token=${token}`)).res.status).toBe(410);

    expect(lines.filter((l) => l.includes(token!))).toHaveLength(1);
    expect(lines.join('\n')).not.toContain('pohon-mangga');
  });
});

describe('first-run log behind a proxy', () => {
  const lines: string[] = [];
  let running: Running;
  beforeAll(async () => {
    running = await start(
      loadConfig(serverEnv('first_run_public', { PUBLIC_URL: 'https://loket.desa-contoh.id/' })),
      createLogger('info', { write: (line: string) => void lines.push(line) }),
    );
  }, 120_000);
  afterAll(async () => {
    await running.conn.dropDatabase().catch(() => undefined);
    await running.stop();
  });

  it('should name the public address in the setup link', () => {
    const link = lines.find((l) => l.includes('/console/setup?token='));
    expect(link).toMatch(/https:\/\/loket\.desa-contoh\.id\/console\/setup\?token=[A-Za-z0-9_-]{43}/);
  });
});
