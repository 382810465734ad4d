import { pingDatabase } from '../../src/adapters/mongo/connection.js';
import { createTelegramChannel, type TelegramChannel } from '../../src/adapters/telegram/channel.js';
import type { PollingOptions } from '../../src/adapters/telegram/polling.js';
import type { HandleInbound } from '../../src/app/inbound.js';
import { createLogger } from '../../src/config/logger.js';
import type { Loket } from '../../src/main.js';
import { TOKEN } from '../../scripts/support/processes.js';

/** Tries a poisoned update gets before it is parked. */
export const ATTEMPTS = 3;
/** What the citizen is told, once, when their update is parked. */
export const PARKED = /tidak dapat kami proses.*petugas/s;

/** The message that poisons the handler, and what the handler does with it instead of a turn. */
export interface Poison {
  text: string;
  /** Throws (a failure with the database healthy) or never settles (a hang). */
  run: () => Promise<never>;
}

/**
 * The polling Telegram channel of `loket` on the fake Bot API at `apiRoot`, its handler poisoned
 * by `poison.text` and Loket's own for every other message, with the poison guard on the
 * database parking after ATTEMPTS tries; set as Loket's Telegram sender, not yet started.
 */
export function poisonedTelegram(
  loket: Loket,
  apiRoot: string,
  poison: Poison,
  polling: PollingOptions = {},
): TelegramChannel {
  const real = loket.handleInbound;
  const handleInbound: HandleInbound = (msg) =>
    msg.content.kind === 'text' && msg.content.text === poison.text ? poison.run() : real(msg);
  const telegram = createTelegramChannel({
    token: TOKEN,
    apiRoot,
    handleInbound,
    logger: createLogger('silent'),
    uploadMaxBytes: 1_000_000,
    downloadTimeoutMs: 5000,
    perChatMinTimeMs: 0,
    polling: { retryDelaysMs: [20, 40], pollTimeoutSeconds: 1, idleWaitMs: 20, ...polling },
    poison: {
      databaseHealthy: () => pingDatabase(loket.conn, 1000),
      deadLetters: loket.repos.deadLetters,
      attempts: loket.repos.inboundAttempts,
      maxAttempts: ATTEMPTS,
    },
  });
  loket.senders.set('telegram', telegram.sender);
  return telegram;
}
