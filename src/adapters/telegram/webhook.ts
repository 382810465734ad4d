import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from '../../config/logger.js';
import type { RunUpdate } from './attempt-gate.js';

/** A request as Express hands it over (`body` parsed by express.json()) or a bare node one. */
export type WebhookRequest = IncomingMessage & { body?: unknown };

const MAX_BODY_BYTES = 1_000_000;

/** What each outcome answers Telegram: only a handled or parked update is 200. */
const STATUS = { done: 200, busy: 503, unhealthy: 503, strike: 500, parked: 200 } as const;

/**
 * The webhook endpoint: checks Telegram's X-Telegram-Bot-Api-Secret-Token (a request without
 * it, or with a wrong one, is refused with 401 and logged, and changes nothing), then handles
 * the update. 200 when the update was handled or parked as poison (`run`); 503 while the
 * database is away or another process holds it, 500 for a failure that counts towards
 * parking, so Telegram delivers it again (the use case's idempotency log answers a repeat as
 * a duplicate).
 */
export function makeWebhookHandler(
  bot: Bot,
  secretToken: string,
  logger: Logger,
  run: RunUpdate = async (_update, handle) => {
    await handle();
    return 'done';
  },
): (req: WebhookRequest, res: ServerResponse) => Promise<void> {
  const expected = Buffer.from(secretToken, 'utf8');
  return async function webhookHandler(req, res) {
    const header = req.headers['x-telegram-bot-api-secret-token'];
    const given = Buffer.from(typeof header === 'string' ? header : '', 'utf8');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      logger.warn(
        { ip: req.socket.remoteAddress, withHeader: header !== undefined },
        'telegram webhook refused: bad secret token',
      );
      return send(res, 401, { ok: false, error: 'unauthorized' });
    }
    let update: Update;
    try {
      update = parseUpdate(req.body !== undefined ? req.body : JSON.parse(await readBody(req)));
    } catch {
      return send(res, 400, { ok: false, error: 'bad update' });
    }
    // A parked update keeps its recorded tries: if Telegram missed the 200 and sends it again,
    // it is parked again at once (the dead letter is kept once, the citizen told once).
    const outcome = await run(update, () => bot.handleUpdate(update)).catch(() => 'unhealthy' as const);
    const ok = outcome === 'done' || outcome === 'parked';
    send(res, STATUS[outcome], ok ? { ok: true } : { ok: false, error: 'not processed' });
  };
}

function parseUpdate(body: unknown): Update {
  if (
    typeof body !== 'object' ||
    body === null ||
    typeof (body as { update_id?: unknown }).update_id !== 'number'
  )
    throw new Error('not an update');
  return body as Update;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req) {
    const b = chunk as Buffer;
    total += b.length;
    if (total > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: object): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
}
