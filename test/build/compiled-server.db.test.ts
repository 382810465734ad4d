import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { serverEnv } from '../support/db.js';
import { FakeBotApi } from '../support/fake-bot-api.js';
import { PROJECT_ROOT } from '../../src/config/project-root.js';
import { FakeChat, LoketProcess, TOKEN } from '../fault/support.js';

const run = promisify(execFile);

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
    await run('npm', ['run', '--silent', 'build'], { cwd: PROJECT_ROOT, timeout: 150_000 });
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
