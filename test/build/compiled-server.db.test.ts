import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { serverEnv } from '../support/db.js';
import { FakeBotApi } from '../../scripts/support/fake-bot-api.js';
import { PROJECT_ROOT } from '../../src/config/project-root.js';
import { LoketProcess, TOKEN } from '../../scripts/support/processes.js';
import { FakeChat } from '../../scripts/support/fake-chat.js';

const run = promisify(execFile);

beforeAll(async () => {
  await run('npm', ['run', '--silent', 'build'], { cwd: PROJECT_ROOT, timeout: 150_000 });
}, 180_000);

/**
 * What the image runs: `npm run build`, then `node dist/src/main.js` (no tsx). The compiled
 * server finds flows, intents and locales above dist/, serves the console's assets (copied by the
 * build, which tsc alone would not), trains or loads its NLU, and answers a citizen.
 */
describe('the compiled server (npm run build; node dist/src/main.js)', () => {
  const api = new FakeBotApi(TOKEN);
  const chat = new FakeChat(api, 7101);
  let server: LoketProcess | undefined;
  let base: string;

  beforeAll(async () => {
    server = LoketProcess.spawn(
      serverEnv('compiled', { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: await api.listen() }),
      ['--enable-source-maps', 'dist/src/main.js'],
    );
    base = `http://127.0.0.1:${await server.ready()}`;
  }, 240_000);

  afterAll(async () => {
    await server?.stop();
    await api.close();
  });

  it('should be ready, serve the console assets and answer a citizen in Indonesian', async () => {
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const css = await fetch(`${base}/console/assets/console.css`);
    expect(css.status).toBe(200);
    expect(await css.text()).toMatch(/\{[^}]*\}/);
    await chat.turn('gmn cara bikin ktp', /KTP/);
  });
});

/**
 * The image sets NODE_ENV=production and `docker compose up` gives no secrets: the first start
 * generates the console's signing secrets into DATA_DIR (the data volume), and every later start
 * reads the same ones, so officers stay logged in.
 */
describe('the compiled server in production without SESSION_SECRET or CSRF_SECRET', () => {
  it('should start, keep generated secrets in DATA_DIR (mode 600), and read the same ones after a restart', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'loket-prod-'));
    const {
      SESSION_SECRET: _s,
      CSRF_SECRET: _c,
      ...env
    } = serverEnv('production', {
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
      LOKET_DATA_KEY: randomBytes(32).toString('base64'),
    });
    const file = path.join(dataDir, 'secrets.json');
    const startOnce = async (): Promise<{ secrets: string; log: string }> => {
      const p = LoketProcess.spawn(env, ['--enable-source-maps', 'dist/src/main.js']);
      try {
        const port = await p.ready();
        expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
        return { secrets: await readFile(file, 'utf8'), log: p.log };
      } finally {
        await p.stop();
      }
    };
    const first = await startOnce();
    const kept = JSON.parse(first.secrets) as { sessionSecret: string; csrfSecret: string };
    expect(kept.sessionSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(kept.csrfSecret).toMatch(/^[0-9a-f]{64}$/);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(first.log).toContain('SESSION_SECRET/CSRF_SECRET not set');
    expect(first.log).not.toContain(kept.sessionSecret);

    const second = await startOnce();
    expect(second.secrets).toBe(first.secrets);
  }, 120_000);
});
