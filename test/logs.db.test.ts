import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createOfficer } from '../src/app/officer/create-officer.js';
import { loadConfig } from '../src/config/config.js';
import { createLogger } from '../src/config/logger.js';
import { start, type Running } from '../src/main.js';
import { Client } from './adapters/http/http-fixture.js';
import { serverEnv } from './support/db.js';
import { FakeBotApi } from '../scripts/support/fake-bot-api.js';

/**
 * The whole server at LOG_LEVEL=trace while a citizen applies (NIK, KK number, phone), an officer
 * logs in (wrongly first) and uses an API token: no log line holds a full NIK, a password, the bot
 * token, the webhook secret, an API token or the session secret.
 */
const TOKEN = '987654:LOGS-bot-token-never-logged-AAAAAAAAAAA';
const SECRET = 'webhook-secret-never-logged-1234567890';
const SESSION_SECRET = 'session-secret-never-logged-'.padEnd(48, 'x');
const PASSWORD = 'Sandi-Rahasia-Petugas-2026';
const WRONG_PASSWORD = 'Sandi-Salah-Ketik-2026';
const NIK = '3171014708900003';
const KK = '3171010101900002';
const CITIZEN = { id: 4242, is_bot: false, first_name: 'Siti', language_code: 'id' };
const CHAT = { id: 4242, type: 'private', first_name: 'Siti' };

describe('logs', () => {
  const lines: string[] = [];
  const api = new FakeBotApi(TOKEN);
  let running: Running;
  let updateId = 1;

  beforeAll(async () => {
    const apiRoot = await api.listen();
    const env = serverEnv('logs', {
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: apiRoot,
      TELEGRAM_WEBHOOK_URL: 'https://loket.example.go.id/webhooks/telegram',
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      LOG_LEVEL: 'trace',
    });
    env.SESSION_SECRET = SESSION_SECRET;
    running = await start(
      loadConfig(env),
      createLogger('trace', { write: (line: string) => void lines.push(line) }),
    );
  });
  afterAll(async () => {
    await running.conn.dropDatabase().catch(() => undefined);
    await running.stop();
    await api.close();
  });

  async function say(text: string): Promise<number> {
    const res = await fetch(`http://127.0.0.1:${running.port}/webhooks/telegram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify({
        update_id: updateId++,
        message: {
          message_id: updateId,
          date: Math.floor(Date.now() / 1000),
          chat: CHAT,
          from: CITIZEN,
          text,
        },
      }),
    });
    return res.status;
  }

  it('should keep every secret and every full NIK out of the log', async () => {
    // The citizen: a KTP application up to the KK photo, with the NIK typed in several shapes.
    for (const text of [
      'halo',
      'gmn cara bikin ktp',
      '1',
      'ya',
      'baru',
      'Siti Rahmawati',
      `nik sy ${NIK.slice(0, 6)} ${NIK.slice(6, 12)} ${NIK.slice(12)}`,
      NIK,
      '0812 3456 7890',
      'gambir',
      KK,
      `status ${NIK}`,
    ]) {
      expect(await say(text)).toBe(200);
    }
    expect(
      JSON.stringify(await running.loket.repos.conversations.read('telegram', String(CHAT.id))),
    ).toContain('Siti Rahmawati');

    // The officer: a wrong password, the right one, a new API token used on the API.
    await createOfficer(
      { ...running.loket.repos, now: () => new Date() },
      {
        username: 'rina',
        displayName: 'Rina',
        password: PASSWORD,
        role: 'officer',
        officeId: '31.71.01.1001',
      },
      { kind: 'system', id: 'test' },
    );
    const base = `http://127.0.0.1:${running.port}`;
    const c = new Client(base);
    expect((await c.login('rina', WRONG_PASSWORD)).status).toBe(401);
    expect((await c.login('rina', PASSWORD)).status).toBe(303);
    const issued = (await (await c.json('POST', '/api/me/tokens', {})).json()) as { token: string };
    expect(issued.token.length).toBeGreaterThan(20);
    const me = await fetch(`${base}/api/applications?q=${NIK}`, {
      headers: { authorization: `Bearer ${issued.token}` },
    });
    expect(me.status).toBe(200);
    await fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${issued.token}x` } });

    const log = lines.join('');
    // The log did see all of it: one line per citizen message and per request.
    expect(lines.filter((l) => l.includes('"inbound handled"'))).toHaveLength(12);
    expect(log).toContain('"path":"/api/applications"');
    for (const [what, secret] of [
      ['NIK', NIK],
      ['KK number', KK],
      ['password', PASSWORD],
      ['wrong password', WRONG_PASSWORD],
      ['bot token', TOKEN],
      ['bot token secret part', TOKEN.split(':')[1]!],
      ['webhook secret', SECRET],
      ['session secret', SESSION_SECRET],
      ['API token', issued.token],
    ] as const) {
      expect([what, log.includes(secret)]).toEqual([what, false]);
    }
    // A NIK split by spaces or dots is still a NIK.
    expect(log.replace(/[\s.-]/g, '')).not.toContain(NIK);
  });
});
