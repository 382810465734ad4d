import { afterAll, beforeAll } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/config/logger.js';
import { createLoket, type CreateLoketOptions, type Loket } from '../../src/main.js';

/**
 * A whole Loket (engine, repositories, outbound path) on its own throw-away database for one
 * test file: made before its tests, dropped and stopped after them. `env` adds configuration.
 */
export function useLoket(
  name: string,
  env: Record<string, string> = {},
  options?: CreateLoketOptions,
): () => Loket {
  let loket: Loket | undefined;
  beforeAll(async () => {
    const db = `t_${name}_${randomBytes(4).toString('hex')}`;
    loket = await createLoket(
      loadConfig({ MONGODB_URI: `${process.env.MONGODB_URI}${db}`, LOG_LEVEL: 'silent', ...env }),
      createLogger('silent'),
      options,
    );
  });
  afterAll(async () => {
    await loket?.conn.dropDatabase().catch(() => undefined);
    await loket?.stop();
  });
  return () => {
    if (!loket) throw new Error('useLoket: the Loket is made in beforeAll');
    return loket;
  };
}
