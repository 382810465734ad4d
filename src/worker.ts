import { pathToFileURL } from 'node:url';
import { ConfigError, loadConfig, type Config } from './config/config.js';
import { createLogger, type Logger } from './config/logger.js';
import { startBackground } from './main/background.js';
import { wireTelegram } from './main/channels.js';
import { createLoket, type Loket } from './main/loket.js';
import { wireWhatsAppCloud } from './main/whatsapp-cloud.js';
import { runCommandLine } from './main/run-command-line.js';
import type { TelegramChannel } from './adapters/telegram/channel.js';

/** A running worker: the parts tests and the signal handlers need to reach. */
export interface RunningWorker {
  loket: Loket;
  telegram?: TelegramChannel;
  /** Whether this process runs the notification worker (not with WhatsApp on: the server does). */
  deliversNotifications: boolean;
  stop(): Promise<void>;
}

/**
 * `npm run worker`: the Telegram bot (long polling) and the notification worker without the
 * HTTP console, for deployments that run them apart (the server then has TELEGRAM_MODE=worker,
 * so only this process polls the bot). Same core and wiring as `start()`; without
 * MONGODB_URI it shares the server's embedded database when that is already running.
 */
export async function startWorker(
  config: Config = loadConfig(),
  logger: Logger = createLogger(config.LOG_LEVEL),
): Promise<RunningWorker> {
  if (config.TELEGRAM_WEBHOOK_URL) {
    // Webhooks arrive over HTTP: the server takes them, a worker would never see one.
    throw new ConfigError([
      'TELEGRAM_WEBHOOK_URL: the worker only polls; empty it (long polling) or let the server take the webhook',
    ]);
  }
  const loket = await createLoket(config, logger, { shareEmbeddedDb: true });
  const telegram = wireTelegram(loket);
  // Sending on the Cloud API needs no connection: the worker delivers its notices too.
  wireWhatsAppCloud(loket);
  if (!telegram) logger.warn('TELEGRAM_BOT_TOKEN not set: the worker only delivers notifications');
  // A WhatsApp row claimed here would find no WhatsApp sender (the server owns the number) and
  // be marked unreachable: with WhatsApp on, the server delivers every notification.
  const deliversNotifications = !config.WHATSAPP_ENABLED;
  if (!deliversNotifications)
    logger.info('WHATSAPP_ENABLED: notifications are delivered by the server, not by this worker');
  let background;
  try {
    background = await startBackground(loket, telegram, 'polling', { notifications: deliversNotifications });
  } catch (err) {
    await loket.stop();
    throw err;
  }
  logger.info({ startup: loket.startup }, 'Loket worker siap (Telegram + notifikasi, tanpa konsol HTTP)');
  let stopping: Promise<void> | undefined;
  return {
    loket,
    ...(telegram ? { telegram } : {}),
    deliversNotifications,
    stop: () =>
      (stopping ??= (async () => {
        logger.info('worker shutting down');
        await background.stop();
        await loket.stop();
        logger.info('worker stopped');
      })()),
  };
}

/** What `npm run worker -- --help` prints; like the server, the worker takes its settings from the environment. */
const TOOL = {
  name: 'worker',
  usage:
    'Pemakaian / usage: npm run worker  (tanpa argumen; pengaturan lewat .env / no arguments; settings in .env)',
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runCommandLine({ tool: TOOL, start: startWorker });
}
