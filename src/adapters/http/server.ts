import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Logger } from '../../config/logger.js';

/** What the HTTP layer needs from the rest of the program. */
export interface HttpDeps {
  logger: Logger;
  /** True when the database answers. */
  isReady: () => Promise<boolean>;
  trustProxy: boolean;
  version: string;
}

/** Builds the Express app: health checks now; the console, API and webhooks mount here. */
export function createHttpApp(deps: HttpDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  if (deps.trustProxy) app.set('trust proxy', 1);
  app.use(helmet());

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', version: deps.version, uptimeSeconds: Math.round(process.uptime()) });
  });

  app.get('/readyz', async (_req, res) => {
    const database = await deps.isReady();
    res
      .status(database ? 200 : 503)
      .json({ status: database ? 'ready' : 'not_ready', database: database ? 'up' : 'down' });
  });

  app.use((_req, res) => {
    res.status(404).json({ error: { code: 'not_found', message: 'Halaman tidak ditemukan / not found' } });
  });

  return app;
}
