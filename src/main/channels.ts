import { pingDatabase } from '../adapters/mongo/connection.js';
import { createMongoWhatsAppAuthStore } from '../adapters/mongo/whatsapp-auth-store.js';
import { terminalMessage } from '../adapters/terminal/inbound.js';
import { formatPlain, saveTerminalFile } from '../adapters/terminal/format.js';
import { createTelegramChannel, type TelegramChannel } from '../adapters/telegram/channel.js';
import { createWhatsAppChannel, type WhatsAppChannel } from '../adapters/whatsapp/channel.js';
import type { SocketFactory } from '../adapters/whatsapp/socket.js';
import type { Loket } from './loket.js';

/** How long a failed update waits for the database's ping before it counts the database away. */
const DB_PROBE_TIMEOUT_MS = 1500;

/**
 * The Telegram channel from the config (none without a token), its sender registered in
 * `loket.senders` so officer replies and notifications reach Telegram citizens. Receiving
 * updates is a separate step (`receiveTelegram`), so a process can send without polling.
 */
export function wireTelegram(loket: Loket): TelegramChannel | undefined {
  const { config, logger } = loket;
  if (!config.TELEGRAM_BOT_TOKEN) {
    logger.info('Telegram: off (TELEGRAM_BOT_TOKEN is empty; see README "Connect Telegram")');
    return undefined;
  }
  const telegram = createTelegramChannel({
    token: config.TELEGRAM_BOT_TOKEN,
    ...(config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {}),
    handleInbound: loket.handleInbound,
    logger: logger.child({ channel: 'telegram' }),
    uploadMaxBytes: config.UPLOAD_MAX_BYTES,
    downloadTimeoutMs: config.TELEGRAM_DOWNLOAD_TIMEOUT_MS,
    ...(config.TELEGRAM_WEBHOOK_SECRET ? { webhook: { secretToken: config.TELEGRAM_WEBHOOK_SECRET } } : {}),
    poison: {
      databaseHealthy: () => pingDatabase(loket.conn, DB_PROBE_TIMEOUT_MS),
      deadLetters: loket.repos.deadLetters,
      attempts: loket.repos.inboundAttempts,
      maxAttempts: config.TELEGRAM_POISON_ATTEMPTS,
      now: loket.runtime.now,
    },
  });
  loket.senders.set('telegram', telegram.sender);
  return telegram;
}

/**
 * How a process takes Telegram updates: long polling, the webhook (the HTTP server mounts the
 * handler), or not at all (the server while `npm run worker` polls: one bot, one poller).
 */
export type TelegramReceive = 'polling' | 'webhook' | 'none';

/** How the server takes Telegram updates, from TELEGRAM_MODE and TELEGRAM_WEBHOOK_URL. */
export function serverTelegramReceive(config: Loket['config']): TelegramReceive {
  if (config.TELEGRAM_MODE === 'worker') return 'none';
  return config.TELEGRAM_WEBHOOK_URL ? 'webhook' : 'polling';
}

/**
 * Starts taking Telegram updates as `receive` says: registers the command menu, then sets the
 * webhook or starts long polling. With 'none' the bot only sends.
 */
export async function receiveTelegram(
  loket: Loket,
  telegram: TelegramChannel,
  receive: TelegramReceive,
): Promise<void> {
  const { config, logger } = loket;
  if (receive === 'none') {
    logger.info('Telegram: TELEGRAM_MODE=worker, updates are received by npm run worker; sending only');
    return;
  }
  await telegram.registerCommands();
  if (receive === 'webhook' && config.TELEGRAM_WEBHOOK_URL) {
    await telegram.bot.init(); // getMe: polling does this itself, a webhook-only bot must ask
    await telegram.bot.api.setWebhook(config.TELEGRAM_WEBHOOK_URL, {
      ...(config.TELEGRAM_WEBHOOK_SECRET ? { secret_token: config.TELEGRAM_WEBHOOK_SECRET } : {}),
      allowed_updates: ['message', 'callback_query'],
    });
    logger.info({ path: new URL(config.TELEGRAM_WEBHOOK_URL).pathname }, 'Telegram: webhook set');
    return;
  }
  await telegram.start();
  logger.info('Telegram: long polling');
}

/**
 * The WhatsApp channel when WHATSAPP_ENABLED (README "Connect WhatsApp"): login in the database,
 * the number owned through the runtime's lease under its holder id, its sender registered in
 * `loket.senders` so status pushes and officer replies reach WhatsApp citizens. Connecting is
 * `start()`, after the HTTP server.
 */
export async function wireWhatsApp(
  loket: Loket,
  socketFactory?: SocketFactory,
): Promise<WhatsAppChannel | undefined> {
  const { config, logger, runtime } = loket;
  if (!config.WHATSAPP_ENABLED) return undefined;
  const store = createMongoWhatsAppAuthStore(loket.conn, config.WHATSAPP_SESSION);
  await store.ensureIndexes();
  const whatsapp = createWhatsAppChannel({
    handleInbound: loket.handleInbound,
    logger: logger.child({ channel: 'whatsapp' }),
    conversations: loket.repos.conversations,
    store,
    leases: runtime.leases,
    holder: runtime.holder,
    session: config.WHATSAPP_SESSION,
    ...(socketFactory ? { socketFactory } : {}),
    ...(config.WHATSAPP_PAIRING_NUMBER ? { pairingNumber: config.WHATSAPP_PAIRING_NUMBER } : {}),
    leaseTtlMs: config.WHATSAPP_LEASE_TTL_MS,
    reconnect: { maxAttempts: config.WHATSAPP_MAX_RECONNECTS },
    sendIntervalMs: config.WHATSAPP_SEND_INTERVAL_MS,
    sendJitterMs: Math.round(config.WHATSAPP_SEND_INTERVAL_MS / 2),
    chatRateLimit: { limit: config.WHATSAPP_CHAT_RATE_LIMIT, windowMs: config.WHATSAPP_CHAT_RATE_WINDOW_MS },
    downloadTimeoutMs: config.WHATSAPP_DOWNLOAD_TIMEOUT_MS,
  });
  loket.senders.set('whatsapp', whatsapp.sender);
  return whatsapp;
}

/** One citizen's turn in the terminal: what they typed (or the file they named) in, the replies out as plain text. */
export type TerminalSay = (user: string, text: string | undefined, file?: string) => Promise<string[]>;

/**
 * The terminal channel (`npm run chat`): the same use case as Telegram and WhatsApp, replies
 * rendered as plain text with numbered menus, in `lang` when given (else the conversation's own).
 */
export function wireTerminal(loket: Loket, lang?: 'id' | 'en'): TerminalSay {
  // The terminal's sender is this process's screen: what the outbound path sends to a user here
  // (the turn's replies, and any notice waiting for them) is what `say` prints.
  const heard = new Map<string, string[]>();
  const hear = (chatId: string, lines: string[]) =>
    heard.set(chatId, [...(heard.get(chatId) ?? []), ...lines]);
  loket.senders.set('terminal', {
    channel: 'terminal',
    send: (chatId, replies) => {
      hear(chatId, replies.map(formatPlain));
      return Promise.resolve({ ok: true });
    },
    // A file for the citizen (their "data saya" export) is saved on this machine and named.
    sendFile: async (chatId, file) => {
      hear(chatId, [`📎 ${await saveTerminalFile(chatId, file)}`]);
      return { ok: true };
    },
  });
  return async (user, text, file) => {
    heard.set(user, []);
    await loket.handleInbound({ ...terminalMessage(user, text, file), ...(lang ? { lang } : {}) });
    await loket.outbound.flush({ channel: 'terminal', chatId: user });
    const said = heard.get(user) ?? [];
    heard.delete(user);
    return said;
  };
}
