import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import { citizenLang } from '../../app/citizen-lang.js';
import type { HandleInbound } from '../../app/inbound.js';
import type { Logger } from '../../config/logger.js';
import type { Lang } from '../../dialogue/types.js';
import type { ChannelSender } from '../../ports/channel-sender.js';
import type { ConversationStore } from '../../ports/conversation-store.js';
import type { LeaseRepository } from '../../ports/lease.js';
import type { WhatsAppAuthStore } from '../../ports/whatsapp-auth-store.js';
import type { WhatsAppSession } from '../../ports/whatsapp-session.js';
import { createChatRateLimiter } from './chat-rate-limit.js';
import { createConnection, type ReconnectPolicy } from './connection.js';
import { downloadMedia } from './download.js';
import { makeInboundHandler } from './inbound.js';
import { RecentMessages } from './recent-messages.js';
import { createSendQueue, type SendClock, type SendQueue } from './send-queue.js';
import { createWhatsAppSender, makeComposing, makeSendFile, makeSendReplies } from './sender.js';
import { baileysSocketFactory, type SocketFactory } from './socket.js';

/** Everything the WhatsApp channel needs; the composition root fills it from the config. */
export interface WhatsAppChannelOptions {
  handleInbound: HandleInbound;
  logger: Logger;
  store: WhatsAppAuthStore;
  /** The conversations, for the language of the adapter's own texts; without it, Indonesian. */
  conversations?: Pick<ConversationStore, 'read'>;
  leases: LeaseRepository;
  /** One name per number, e.g. "default"; the lease is `whatsapp:<session>`. */
  session?: string;
  /** Baileys' makeWASocket in production; a fake in tests. */
  socketFactory?: SocketFactory;
  /** Ask for a pairing code for this number (instead of scanning the QR). */
  pairingNumber?: string;
  leaseTtlMs?: number;
  /** Identifies this process in the lease (default host:pid:random). */
  holder?: string;
  reconnect?: Partial<ReconnectPolicy>;
  /** Smallest gap between two outgoing messages of the number, plus random jitter. */
  sendIntervalMs?: number;
  sendJitterMs?: number;
  /** The clock the send gaps are kept on (tests). */
  sendClock?: SendClock;
  /** Per-chat flood limit: messages per window. */
  chatRateLimit?: { limit: number; windowMs: number };
  downloadTimeoutMs?: number;
  /** Pauses before handling a failed message again (the citizen is asked to resend after the last). */
  retryDelaysMs?: number[];
  /**
   * How old a message the server kept while Loket was offline (Baileys' `append`) may be and
   * still be answered (default a day); older ones are chat history.
   */
  backlogMaxAgeMs?: number;
  /** Shows the QR in the terminal (default: stdout); tests pass a recorder. */
  printQr?: (qr: string) => void;
}

/** The running WhatsApp channel. */
export interface WhatsAppChannel {
  sender: ChannelSender;
  /** Health and pairing for the admin console. */
  session: WhatsAppSession;
  /** Takes the number's lease (or stands by) and connects. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves when every message received so far is handled (tests). */
  idle(): Promise<void>;
  queue: SendQueue;
}

/** The QR as block characters for a terminal, printed once per new code. */
function printQrToTerminal(qr: string): void {
  QRCode.toString(qr, { type: 'terminal', small: true }).then(
    (art) =>
      process.stdout.write(
        `\nWhatsApp: pindai kode QR ini (Perangkat tertaut > Tautkan perangkat):\n${art}\n`,
      ),
    () => undefined,
  );
}

/** The chat's conversation language for the adapter's own texts; Indonesian when unknown or unreadable. */
function languageOf(opts: WhatsAppChannelOptions): (chatId: string) => Promise<Lang> {
  const conversations = opts.conversations;
  if (!conversations) return () => Promise.resolve('id');
  return (chatId) =>
    citizenLang(conversations, { channel: 'whatsapp', chatId }, (err) =>
      opts.logger.warn({ err }, 'whatsapp conversation language not read; answering in Indonesian'),
    );
}

/**
 * Builds the WhatsApp channel on Baileys: the connection manager (lease, login in the
 * database, reconnects by disconnect code), the inbound path to the use case (private chats
 * only, flood limit, read receipts, "typing…"), and one paced send queue for every outgoing
 * message, replies and status pushes alike.
 */
export function createWhatsAppChannel(opts: WhatsAppChannelOptions): WhatsAppChannel {
  const logger = opts.logger;
  const recent = new RecentMessages();
  const queue = createSendQueue({
    minIntervalMs: opts.sendIntervalMs ?? 1000,
    jitterMs: opts.sendJitterMs ?? 500,
    ...(opts.sendClock ? { clock: opts.sendClock } : {}),
  });
  const limiter = createChatRateLimiter(opts.chatRateLimit ?? { limit: 20, windowMs: 60_000 });
  const socketRef: { open: () => ReturnType<typeof connection.openSocket> } = {
    open: () => undefined,
  };
  const send = makeSendReplies({ socket: () => socketRef.open(), queue, recent });
  const downloadTimeoutMs = opts.downloadTimeoutMs ?? 60_000;
  const inbound = makeInboundHandler({
    handleInbound: opts.handleInbound,
    logger,
    limiter,
    socket: () => socketRef.open(),
    send,
    download: (m, maxBytes) => {
      const sock = socketRef.open();
      return downloadMedia(m, maxBytes, {
        reuploadRequest: (msg) =>
          sock ? sock.updateMediaMessage(msg) : Promise.reject(new Error('whatsapp is not connected')),
        logger,
        timeoutMs: downloadTimeoutMs,
      });
    },
    onUndecryptable: (error) => connection.noteUndecryptable(error),
    // About 100 s in all: a short database outage or restart is outlasted before the citizen is
    // asked to send the message again (WhatsApp never delivers it twice).
    retryDelaysMs: opts.retryDelaysMs ?? [2000, 10_000, 30_000, 60_000],
    backlogMaxAgeMs: opts.backlogMaxAgeMs ?? 24 * 60 * 60_000,
    langOf: languageOf(opts),
  });
  const session = opts.session ?? 'default';
  const connection = createConnection({
    store: opts.store,
    leases: opts.leases,
    leaseName: `whatsapp:${session}`,
    holder: opts.holder ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
    leaseTtlMs: opts.leaseTtlMs ?? 30_000,
    socketFactory: opts.socketFactory ?? baileysSocketFactory(),
    logger,
    recent,
    reconnect: { baseMs: 2000, maxMs: 120_000, maxAttempts: 12, ...opts.reconnect },
    ...(opts.pairingNumber ? { pairingNumber: opts.pairingNumber } : {}),
    printQr: opts.printQr ?? printQrToTerminal,
    onSocket: (sock) => {
      const onUpsert = (u: Parameters<typeof inbound.onUpsert>[0]) => inbound.onUpsert(u);
      sock.ev.on('messages.upsert', onUpsert);
      return () => sock.ev.off('messages.upsert', onUpsert);
    },
  });
  socketRef.open = () => connection.openSocket();

  return {
    sender: createWhatsAppSender(
      send,
      logger,
      () => connection.openSocket() !== undefined,
      makeComposing(() => socketRef.open()),
      makeSendFile({ socket: () => socketRef.open(), queue, recent }),
    ),
    session: connection,
    start: () => connection.start(),
    async stop() {
      // Let replies in flight go out first, but never hang a shutdown on a stuck message.
      await Promise.race([inbound.idle(), new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
      await connection.stop();
    },
    idle: () => inbound.idle(),
    queue,
  };
}
