import express, { type Express, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { Logger } from '../../config/logger.js';
import { createApiRouter } from './api-router.js';
import { createConsoleRouter } from './console-router.js';
import { createIntakeApiRouter } from './intake-api-router.js';
import { createIntakeRouter } from './intake-router.js';
import type { OfficerHttpDeps } from './officer-http-deps.js';

/** What the HTTP layer needs from the rest of the program. */
export interface HttpDeps {
  logger: Logger;
  /** True when the database answers. */
  isReady: () => Promise<boolean>;
  trustProxy: boolean;
  version: string;
  /**
   * Channel webhooks (Telegram), mounted before any session or CSRF middleware: each checks its
   * own secret and answers 5xx when the message could not be processed, so the sender retries.
   */
  webhooks?: Array<{
    path: string;
    handler: (req: Request, res: Response) => Promise<void>;
    /** The body left as bytes (a Buffer): the sender signs the raw body (WhatsApp Cloud API). */
    raw?: boolean;
    /** A GET on the same path: the sender's check of the URL (Meta's hub.challenge). */
    verify?: (req: Request, res: Response) => Promise<void>;
  }>;
  /** The officer console and API; absent, only health checks are served (e.g. a bot-only process). */
  officer?: OfficerHttpDeps;
}

/** Every asset comes from this origin: office networks block CDNs and officer pages must not leak. */
const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  mediaSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Builds the Express app: health checks, the officer console and API; webhooks mount here too. */
export function createHttpApp(deps: HttpDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  if (deps.trustProxy) app.set('trust proxy', 1);
  app.use(helmet({ contentSecurityPolicy: { directives: CSP_DIRECTIVES } }));
  // One debug line per request: the path without its query string (searches may hold a NIK or a
  // name), never headers (cookies, tokens) or bodies.
  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    const path = req.originalUrl.split('?')[0];
    res.on('finish', () => {
      deps.logger.debug(
        {
          method: req.method,
          path,
          status: res.statusCode,
          ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        },
        'http',
      );
    });
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', version: deps.version, uptimeSeconds: Math.round(process.uptime()) });
  });

  app.get('/readyz', async (_req, res) => {
    const database = await deps.isReady();
    res
      .status(database ? 200 : 503)
      .json({ status: database ? 'ready' : 'not_ready', database: database ? 'up' : 'down' });
  });

  for (const hook of deps.webhooks ?? []) {
    const body = hook.raw ? express.raw({ type: () => true, limit: '1mb' }) : express.json({ limit: '1mb' });
    app.post(hook.path, body, (req, res, next) => {
      hook.handler(req, res).catch(next);
    });
    const verify = hook.verify;
    if (verify) app.get(hook.path, (req, res, next) => void verify(req, res).catch(next));
  }

  if (deps.officer) {
    const { intake } = deps.officer;
    if (intake) {
      // Before the API and console routers: uploads need larger bodies, read before the CSRF check.
      app.use('/api', createIntakeApiRouter({ ...deps.officer, intake }));
      app.use('/console/intake', createIntakeRouter({ ...deps.officer, intake }));
    }
    app.use('/api', createApiRouter(deps.officer));
    app.use('/console', createConsoleRouter(deps.officer));
    app.get('/', (_req, res) => res.redirect('/console'));
  }

  app.use((_req, res) => {
    res.status(404).json({ error: { code: 'not_found', message: 'Halaman tidak ditemukan / not found' } });
  });

  return app;
}
