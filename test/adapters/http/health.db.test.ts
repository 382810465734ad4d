import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../../src/config/config.js';
import { createLogger } from '../../../src/config/logger.js';
import { start, type Running } from '../../../src/main.js';
import { serverEnv } from '../../support/db.js';

describe('HTTP health', () => {
  let running: Running;
  beforeAll(async () => {
    const config = loadConfig(serverEnv('health'));
    running = await start(config, createLogger('silent'));
  });
  afterAll(async () => {
    await running.stop();
  });

  it('should answer /healthz while the process is up', async () => {
    const res = await fetch(`http://127.0.0.1:${running.port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  it('should answer /readyz with the database up', async () => {
    const res = await fetch(`http://127.0.0.1:${running.port}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', database: 'up' });
  });

  it('should answer 404 as JSON in Indonesian first', async () => {
    const res = await fetch(`http://127.0.0.1:${running.port}/nope`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/tidak ditemukan/);
  });
});
