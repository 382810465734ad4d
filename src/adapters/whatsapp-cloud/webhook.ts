import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { Logger } from '../../config/logger.js';

/** A webhook request as Express hands it over: the body left raw (a Buffer), so its signature can be checked. */
export interface CloudRequest {
  headers: IncomingHttpHeaders;
  body?: unknown;
  query?: Record<string, unknown>;
}

/** A webhook route: answers the request itself. */
export type CloudHandler = (req: CloudRequest, res: ServerResponse) => Promise<void>;

/**
 * Meta's check of the webhook URL: `hub.mode=subscribe` and the verify token we chose (compared
 * in constant time) are answered with `hub.challenge`; anything else with 403.
 */
export function makeVerifyHandler(verifyToken: string, logger: Logger): CloudHandler {
  return (req, res) => {
    const q = req.query ?? {};
    const challenge = typeof q['hub.challenge'] === 'string' ? q['hub.challenge'] : '';
    if (q['hub.mode'] === 'subscribe' && sameSecret(q['hub.verify_token'], verifyToken) && challenge !== '') {
      res.statusCode = 200;
      res.setHeader('content-type', 'text/plain');
      res.end(challenge);
    } else {
      logger.warn({ mode: q['hub.mode'] }, 'whatsapp cloud webhook verification refused');
      res.statusCode = 403;
      res.end();
    }
    return Promise.resolve();
  };
}

/**
 * Checks `X-Hub-Signature-256` (`sha256=` and the hex HMAC-SHA256 of the raw body under the app
 * secret) in constant time; answers the parsed body, or undefined after answering 401 (nothing
 * is read or stored) or 400.
 */
export function verifiedBody(
  req: CloudRequest,
  res: ServerResponse,
  appSecret: string,
  logger: Logger,
): unknown {
  const raw = Buffer.isBuffer(req.body) ? req.body : undefined;
  const header = req.headers['x-hub-signature-256'];
  const given = typeof header === 'string' && header.startsWith('sha256=') ? header.slice(7) : '';
  const expected = raw ? createHmac('sha256', appSecret).update(raw).digest('hex') : '';
  if (!raw || !sameSecret(given, expected)) {
    logger.warn({ withHeader: header !== undefined }, 'whatsapp cloud webhook refused: bad signature');
    answer(res, 401, { ok: false, error: 'unauthorized' });
    return undefined;
  }
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    answer(res, 400, { ok: false, error: 'bad body' });
    return undefined;
  }
}

/** Constant-time comparison of a secret someone sent with ours. */
function sameSecret(given: unknown, expected: string): boolean {
  if (typeof given !== 'string' || expected === '') return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A JSON answer. */
export function answer(res: ServerResponse, status: number, body: object): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
}
