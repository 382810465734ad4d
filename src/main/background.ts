import type { TelegramChannel } from '../adapters/telegram/channel.js';
import { receiveTelegram, type TelegramReceive } from './channels.js';
import { startLongWaitNotices, startNotifications } from './jobs.js';
import type { Loket } from './loket.js';

/** The background work of a process: receiving Telegram updates and delivering the outbox. */
export interface Background {
  stop(): Promise<void>;
}

/**
 * Starts what the server and the worker share: the command menu and update receiving for
 * Telegram, then the notification worker (outbox rows are leased, so several processes may
 * run it) and the long-wait notices. `stop` stops receiving first, then waits for the work in
 * flight.
 */
export async function startBackground(
  loket: Loket,
  telegram: TelegramChannel | undefined,
  receive: TelegramReceive,
  opts: { notifications?: boolean } = {},
): Promise<Background> {
  if (telegram) await receiveTelegram(loket, telegram, receive);
  const notifications = (opts.notifications ?? true) ? startNotifications(loket) : undefined;
  const longWaits = startLongWaitNotices(loket);
  return {
    async stop() {
      if (telegram) await telegram.stop();
      await longWaits.stop();
      await notifications?.stop();
    },
  };
}
