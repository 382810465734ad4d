import type { Server } from 'node:http';
import type { DbConnection } from '../adapters/mongo/connection.js';
import type { TelegramChannel } from '../adapters/telegram/channel.js';
import type { WhatsAppChannel } from '../adapters/whatsapp/channel.js';
import type { SocketFactory } from '../adapters/whatsapp/socket.js';
import { loadConfig, type Config } from '../config/config.js';
import { createLogger, type Logger } from '../config/logger.js';
import type { Channel } from '../domain/application.js';
import type { ChannelSender } from '../ports/channel-sender.js';
import { startBackground } from './background.js';
import { serverTelegramReceive, wireTelegram, wireWhatsApp } from './channels.js';
import { announceFirstRun } from './first-run.js';
import { startHttp } from './http.js';
import { startLeasedJobs } from './jobs.js';
import { newNumberNotice, wireWhatsAppCloud } from './whatsapp-cloud.js';
import { withCloudFailover } from './whatsapp-failover.js';
import { createLoket, type Loket } from './loket.js';
import type { RuntimeOptions } from './runtime.js';

/** A running Loket with its HTTP server: the parts tests and the signal handlers need to reach. */
export interface Running {
  loket: Loket;
  /** How each channel reaches a citizen: status pushes and officer replies go through these. */
  senders: Map<Channel, ChannelSender>;
  telegram?: TelegramChannel;
  /** The WhatsApp channel when WHATSAPP_ENABLED. */
  whatsapp?: WhatsAppChannel;
  config: Config;
  logger: Logger;
  conn: DbConnection;
  server: Server;
  port: number;
  stop(): Promise<void>;
}

/** What a test may swap in `start` (production passes nothing). */
export interface StartOptions {
  /** A fake WhatsApp socket instead of Baileys' makeWASocket (offline tests). */
  whatsappSocketFactory?: SocketFactory;
  /** A fixed clock or holder id (tests that let time pass, such as the WhatsApp failover). */
  runtime?: RuntimeOptions;
}

/**
 * Starts everything: the core, the channels, the HTTP server (health checks, console, API,
 * webhooks), then the background work and the leased jobs; WhatsApp connects last. `stop` undoes
 * it in reverse: no new work first, then what is in flight finishes.
 */
export async function start(
  config: Config = loadConfig(),
  logger: Logger = createLogger(config.LOG_LEVEL),
  startOptions: StartOptions = {},
): Promise<Running> {
  const loket = await createLoket(
    config,
    logger,
    startOptions.runtime ? { runtime: startOptions.runtime } : {},
  );
  const telegram = wireTelegram(loket);
  // Registered before the notification worker starts: it reads the senders once.
  const whatsapp = await wireWhatsApp(loket, startOptions.whatsappSocketFactory);
  const cloud = wireWhatsAppCloud(loket);
  if (whatsapp && cloud && config.WHATSAPP_FAILOVER_MINUTES > 0)
    loket.senders.set(
      'whatsapp',
      withCloudFailover(
        whatsapp.sender,
        whatsapp.session,
        cloud.sender,
        config.WHATSAPP_FAILOVER_MINUTES * 60_000,
        loket.runtime.now,
        newNumberNotice(loket, cloud.sender, loket.repos.cloudChats),
      ),
    );
  const http = await startHttp(loket, { telegram, whatsapp, cloud });
  const background = await startBackground(loket, telegram, serverTelegramReceive(config));
  const leasedJobs = startLeasedJobs(loket);
  if (whatsapp) await whatsapp.start();
  logger.info({ port: http.port, startup: loket.startup }, `Loket siap di http://localhost:${http.port}`);
  await announceFirstRun(loket, http.port);
  // The national village list is built once, on first use: build it now, while nobody waits,
  // rather than in the reply to the first citizen from outside the area.
  setImmediate(() => loket.catalog.kelurahan.elsewhere?.('', 1));

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      logger.info('shutting down: no new work, finishing what is in flight');
      if (whatsapp) await whatsapp.stop();
      await background.stop();
      await leasedJobs.stop();
      await http.close();
      await cloud?.stop();
      await loket.stop();
      logger.info('stopped');
    })());
  return {
    loket,
    senders: loket.senders,
    ...(telegram ? { telegram } : {}),
    ...(whatsapp ? { whatsapp } : {}),
    config,
    logger,
    conn: loket.conn,
    server: http.server,
    port: http.port,
    stop,
  };
}
