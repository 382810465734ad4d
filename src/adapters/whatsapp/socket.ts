import {
  Browsers,
  fetchLatestBaileysVersion,
  makeCacheableSignalKeyStore,
  makeWASocket,
  type AuthenticationState,
  type BaileysEventEmitter,
  type WAMessage,
  type WAMessageKey,
  type WAPresence,
  type proto,
} from '@whiskeysockets/baileys';
import type { Logger } from '../../config/logger.js';

/**
 * The part of Baileys' socket the channel uses. Baileys' socket has hundreds of members; the
 * channel sees these few, so a test drives a fake with a real `ev` and records the calls.
 */
export interface WhatsAppSocket {
  ev: BaileysEventEmitter;
  /** `options.messageId` names the message instead of a random id (retries of one record). */
  sendMessage(
    jid: string,
    content: WhatsAppContent,
    options?: { messageId?: string },
  ): Promise<WAMessage | undefined>;
  sendPresenceUpdate(type: WAPresence, jid?: string): Promise<void>;
  readMessages(keys: WAMessageKey[]): Promise<void>;
  requestPairingCode(phone: string): Promise<string>;
  /** Asks the sender's phone to upload media again when its link expired (Baileys' re-upload). */
  updateMediaMessage(message: WAMessage): Promise<WAMessage>;
  /** Unlinks this device from the number. */
  logout(): Promise<void>;
  /** Closes the connection (a `connection.update` with `close` follows). */
  end(error: Error | undefined): void | Promise<void>;
}

/**
 * What the channel sends: a text, or a file (an officer's form or photo) as Baileys takes it, an
 * image shown inline and anything else as a named document.
 */
export type WhatsAppContent =
  | { text: string }
  | { image: Buffer; mimetype: string; caption?: string }
  | { document: Buffer; mimetype: string; fileName: string; caption?: string };

/** What the channel gives the factory for each connection attempt. */
export interface SocketOptions {
  auth: AuthenticationState;
  logger: Logger;
  /** Our recently sent messages, for Baileys' resend when a recipient could not decrypt one. */
  getMessage(key: WAMessageKey): Promise<proto.IMessage | undefined>;
}

/** Opens one connection; production uses Baileys' `makeWASocket`, tests a fake. */
export type SocketFactory = (opts: SocketOptions) => Promise<WhatsAppSocket>;

/**
 * The production factory: Baileys' socket with the Signal keys cached in memory in front of the
 * database, no full history sync (the bot needs none), and not marked online, so the phone still
 * gets notifications. The WhatsApp Web version is looked up once (Baileys' own default otherwise).
 */
export function baileysSocketFactory(
  overrides: {
    /** Where WhatsApp Web listens (a local server in tests). */
    waWebSocketUrl?: string;
    /** A known WhatsApp Web version: skips the lookup. */
    version?: [number, number, number];
  } = {},
): SocketFactory {
  let version: Promise<[number, number, number] | undefined> | undefined = overrides.version
    ? Promise.resolve(overrides.version)
    : undefined;
  return async (opts) => {
    const { auth, logger } = opts;
    version ??= fetchLatestBaileysVersion({ signal: AbortSignal.timeout(10_000) })
      .then((v) => (v.error ? undefined : v.version))
      .catch(() => undefined);
    const v = await version;
    const baileysLogger = logger.child(
      { lib: 'baileys' },
      { level: logger.level === 'silent' ? 'silent' : 'warn' },
    );
    return makeWASocket({
      auth: { creds: auth.creds, keys: makeCacheableSignalKeyStore(auth.keys, baileysLogger) },
      logger: baileysLogger,
      browser: Browsers.ubuntu('Loket'),
      markOnlineOnConnect: false,
      syncFullHistory: false,
      getMessage: (key) => opts.getMessage(key),
      ...(v ? { version: v } : {}),
      ...(overrides.waWebSocketUrl ? { waWebSocketUrl: overrides.waWebSocketUrl } : {}),
    });
  };
}
