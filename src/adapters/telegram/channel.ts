import type { ServerResponse } from 'node:http';
import { autoRetry } from '@grammyjs/auto-retry';
import { sequentialize } from '@grammyjs/runner';
import { apiThrottler } from '@grammyjs/transformer-throttler';
import { Bot, type Transformer } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { HandleInbound } from '../../app/inbound.js';
import type { Logger } from '../../config/logger.js';
import type { ChannelSender } from '../../ports/channel-sender.js';
import { registerCommands } from './commands.js';
import { makeDeliver } from './deliver.js';
import type { FetchFn } from './download.js';
import { choiceFeature } from './features/choice.js';
import { commandFeature } from './features/command.js';
import { textFeature } from './features/text.js';
import { unsupportedFeature } from './features/unsupported.js';
import { uploadFeature } from './features/upload.js';
import { makeRunUpdate } from './attempt-gate.js';
import { startPolling, type Polling, type PollingOptions } from './polling.js';
import type { PoisonOptions } from './poison.js';
import { createTelegramSender } from './sender.js';
import { makeWebhookHandler, type WebhookRequest } from './webhook.js';

/** Everything the Telegram channel needs; the composition root fills it from the config. */
export interface TelegramChannelOptions {
  token: string;
  /** A self-hosted Bot API server (files up to 2 GB) or the test's fake; no trailing slash. */
  apiRoot?: string;
  /** Known bot info, so tests need no getMe. */
  botInfo?: UserFromGetMe;
  handleInbound: HandleInbound;
  logger: Logger;
  uploadMaxBytes: number;
  downloadTimeoutMs: number;
  fetch?: FetchFn;
  webhook?: { secretToken: string };
  /** Minimum gap between two messages to one chat (Telegram asks for about 1 s). */
  perChatMinTimeMs?: number;
  /** Long-polling tuning (tests). */
  polling?: PollingOptions;
  /**
   * The database health probe, the recorded tries and the dead letters: an update is retried
   * for as long as the database is away, and parked once its recorded tries (failed with the
   * database healthy, or never finished) reach the limit. Absent (adapter tests), every failure
   * is retried.
   */
  poison?: PoisonOptions;
  /** The clock for inputs without a date of their own (button presses); tests pin it. */
  now?: () => Date;
}

/** The running Telegram channel. */
export interface TelegramChannel {
  bot: Bot;
  sender: ChannelSender;
  /** Starts long polling (deletes any webhook first). */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** For the Express adapter to mount at the webhook path; 401 without the right secret header. */
  webhookHandler(req: WebhookRequest, res: ServerResponse): Promise<void>;
  /** setMyCommands in Indonesian (default) and English. */
  registerCommands(): Promise<void>;
}

const DEFAULT_API_ROOT = 'https://api.telegram.org';

/**
 * Builds the Telegram channel on grammY: one composer per feature (commands, inline-keyboard
 * choices, uploads, text, anything else), all handing inputs to the one inbound use case;
 * flood limits by @grammyjs/auto-retry and the throttler; per-chat order by sequentialize.
 */
export function createTelegramChannel(opts: TelegramChannelOptions): TelegramChannel {
  const apiRoot = (opts.apiRoot ?? DEFAULT_API_ROOT).replace(/\/+$/, '');
  const bot = new Bot(opts.token, {
    client: { apiRoot },
    ...(opts.botInfo ? { botInfo: opts.botInfo } : {}),
  });
  // Installed first, so it runs inside auto-retry: a retried call waits its turn again.
  bot.api.config.use(throttleMessages(opts.perChatMinTimeMs ?? 1000));
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 }));

  const deliver = makeDeliver({
    handleInbound: opts.handleInbound,
    logger: opts.logger,
    ...(opts.now ? { now: opts.now } : {}),
  });
  bot.use(sequentialize((ctx) => (ctx.chat?.id ?? ctx.from?.id)?.toString()));
  const privateOnly = bot.filter(
    (ctx) => ctx.chat?.type === 'private' || (ctx.chat === undefined && ctx.callbackQuery !== undefined),
  );
  privateOnly.use(commandFeature(deliver));
  privateOnly.use(choiceFeature(deliver, opts.logger));
  privateOnly.use(
    uploadFeature(deliver, {
      token: opts.token,
      apiRoot,
      fetch: opts.fetch ?? ((url, init) => fetch(url, init)),
      timeoutMs: opts.downloadTimeoutMs,
    }),
  );
  privateOnly.use(textFeature(deliver));
  privateOnly.use(unsupportedFeature());
  // Groups and channels: the bot serves citizens one to one; a stray button press is still answered.
  bot.on('callback_query', (ctx) => ctx.answerCallbackQuery().catch(() => undefined));

  const run = makeRunUpdate(bot.api, opts.logger, opts.poison);
  const webhookHandler = opts.webhook
    ? makeWebhookHandler(bot, opts.webhook.secretToken, opts.logger, run)
    : async (_req: WebhookRequest, res: ServerResponse) => {
        opts.logger.warn('telegram webhook called but no secret token is configured');
        res.statusCode = 404;
        res.end();
        await Promise.resolve();
      };

  let polling: Polling | undefined;
  return {
    bot,
    sender: createTelegramSender(bot.api, opts.logger),
    async start() {
      if (polling) return;
      polling = await startPolling(bot, opts.logger, opts.polling, run);
    },
    async stop() {
      const p = polling;
      polling = undefined;
      await p?.stop();
    },
    webhookHandler,
    registerCommands: () => registerCommands(bot.api),
  };
}

/**
 * The throttler for messages only: chat actions are not messages and must not queue behind
 * them ("typing" would show after the answer).
 */
function throttleMessages(minTimeMs: number): Transformer {
  const throttle = apiThrottler({ out: { maxConcurrent: 1, minTime: minTimeMs } });
  return (prev, method, payload, signal) =>
    method === 'sendChatAction' ? prev(method, payload, signal) : throttle(prev, method, payload, signal);
}
