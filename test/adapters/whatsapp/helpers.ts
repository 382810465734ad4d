import {
  makeEventBuffer,
  proto,
  type AuthenticationState,
  type BaileysEventEmitter,
  type WAMessage,
  type WAMessageKey,
  type WAPresence,
} from '@whiskeysockets/baileys';
import { createLogger } from '../../../src/config/logger.js';
import {
  createWhatsAppChannel,
  type WhatsAppChannel,
  type WhatsAppChannelOptions,
} from '../../../src/adapters/whatsapp/channel.js';
import type {
  SocketFactory,
  SocketOptions,
  WhatsAppContent,
  WhatsAppSocket,
} from '../../../src/adapters/whatsapp/socket.js';
import type { Lease, LeaseClaim, LeaseRepository } from '../../../src/ports/lease.js';
import type { WhatsAppAuthStore } from '../../../src/ports/whatsapp-auth-store.js';

export const silentLogger = createLogger('silent');
export const CITIZEN_JID = '6281234567890@s.whatsapp.net';

/**
 * A stand-in for Baileys' socket: a real Baileys event emitter (`makeEventBuffer`), and every
 * call the channel makes recorded.
 */
export class FakeSocket implements WhatsAppSocket {
  readonly ev: BaileysEventEmitter = makeEventBuffer(silentLogger);
  readonly sent: Array<{ jid: string; text: string }> = [];
  /** The message id each text in `sent` went out with: the one asked for, else a generated one. */
  readonly sentIds: string[] = [];
  /** Files sent (an image or a document), as Baileys was given them. */
  readonly files: Array<{ jid: string; content: Exclude<WhatsAppContent, { text: string }> }> = [];
  readonly presence: Array<{ type: WAPresence; jid: string | undefined }> = [];
  readonly reads: WAMessageKey[] = [];
  readonly pairingRequests: string[] = [];
  ended = false;
  loggedOut = false;
  failSends = 0;
  private n = 0;
  constructor(readonly opts: SocketOptions) {}

  sendMessage(
    jid: string,
    content: WhatsAppContent,
    options?: { messageId?: string },
  ): Promise<WAMessage | undefined> {
    if (this.failSends > 0) {
      this.failSends--;
      return Promise.reject(new Error('Connection Closed'));
    }
    // Baileys names the message with `options.messageId` when given, else with a fresh id.
    const id = options?.messageId ?? `OUT${++this.n}`;
    if (!('text' in content)) {
      this.files.push({ jid, content });
      return Promise.resolve({ key: { id, remoteJid: jid, fromMe: true }, message: {} });
    }
    this.sent.push({ jid, text: content.text });
    this.sentIds.push(id);
    return Promise.resolve({
      key: { id, remoteJid: jid, fromMe: true },
      message: { conversation: content.text },
    });
  }
  sendPresenceUpdate(type: WAPresence, jid?: string): Promise<void> {
    this.presence.push({ type, jid });
    return Promise.resolve();
  }
  readMessages(keys: WAMessageKey[]): Promise<void> {
    this.reads.push(...keys);
    return Promise.resolve();
  }
  requestPairingCode(phone: string): Promise<string> {
    this.pairingRequests.push(phone);
    return Promise.resolve('ABCD1234');
  }
  updateMediaMessage(message: WAMessage): Promise<WAMessage> {
    return Promise.resolve(message);
  }
  logout(): Promise<void> {
    this.loggedOut = true;
    this.close(401, 'Intentional Logout');
    return Promise.resolve();
  }
  end(): void {
    this.ended = true;
  }

  open(): void {
    this.ev.emit('connection.update', { connection: 'open' });
  }
  qr(code = 'QR-CODE-1'): void {
    this.ev.emit('connection.update', { connection: 'connecting', qr: code });
  }
  close(code: number | undefined, message = 'Connection Failure'): void {
    const error = Object.assign(
      new Error(message),
      code === undefined ? {} : { output: { statusCode: code } },
    );
    this.ev.emit('connection.update', { connection: 'close', lastDisconnect: { error, date: new Date() } });
  }
  deliver(...messages: WAMessage[]): void {
    this.ev.emit('messages.upsert', { messages, type: 'notify' });
  }
  /** What Baileys emits for messages the server kept while we were offline, on reconnect. */
  deliverOffline(...messages: WAMessage[]): void {
    this.ev.emit('messages.upsert', { messages, type: 'append' });
  }
  texts(): string[] {
    return this.sent.map((s) => s.text);
  }
}

/** A socket factory handing out FakeSockets and remembering each, with the auth it was given. */
export function fakeSockets() {
  const sockets: FakeSocket[] = [];
  const auths: AuthenticationState[] = [];
  const factory: SocketFactory = (opts) => {
    const s = new FakeSocket(opts);
    sockets.push(s);
    auths.push(opts.auth);
    return Promise.resolve(s);
  };
  return {
    factory,
    sockets,
    auths,
    last: () => {
      const s = sockets[sockets.length - 1];
      if (!s) throw new Error('no socket opened yet');
      return s;
    },
  };
}

/**
 * A channel on fake sockets with in-memory auth and leases, no pause between sends and no QR on
 * the terminal, for tests of what it does once connected; `overrides` sets what a test is about.
 * Not started: the test assigns it where its afterEach stops it, then calls `start()`.
 */
export function fakeSocketChannel(overrides: Partial<WhatsAppChannelOptions> = {}): {
  channel: WhatsAppChannel;
  sockets: ReturnType<typeof fakeSockets>;
} {
  const sockets = fakeSockets();
  const handle = overrides.handleInbound ?? (() => Promise.resolve({ status: 'processed', replies: [] }));
  const channel: WhatsAppChannel = createWhatsAppChannel({
    logger: silentLogger,
    store: new MemoryAuthStore(),
    leases: new MemoryLeases(),
    socketFactory: sockets.factory,
    sendIntervalMs: 0,
    sendJitterMs: 0,
    printQr: () => undefined,
    ...overrides,
    // A handled message's replies go out through the channel's sender, as the outbound path of
    // the composition root sends them after the turn is saved.
    handleInbound: async (msg) => {
      const result = await handle(msg);
      if (result.status === 'processed' && result.replies.length > 0)
        await channel.sender.send(msg.chatId, result.replies);
      return result;
    },
  });
  return { channel, sockets };
}

/** In-memory auth store for tests that are not about persistence. */
export class MemoryAuthStore implements WhatsAppAuthStore {
  creds: string | undefined;
  readonly keys = new Map<string, string>();
  clears = 0;
  readCreds() {
    return Promise.resolve(this.creds);
  }
  writeCreds(json: string) {
    this.creds = json;
    return Promise.resolve();
  }
  readKeys(type: string, ids: string[]) {
    const out = new Map<string, string>();
    for (const id of ids) {
      const v = this.keys.get(`${type}|${id}`);
      if (v !== undefined) out.set(id, v);
    }
    return Promise.resolve(out);
  }
  writeKeys(entries: Array<{ type: string; id: string; json: string | null }>) {
    for (const e of entries) {
      if (e.json === null) this.keys.delete(`${e.type}|${e.id}`);
      else this.keys.set(`${e.type}|${e.id}`, e.json);
    }
    return Promise.resolve();
  }
  clear() {
    this.clears++;
    this.creds = undefined;
    this.keys.clear();
    return Promise.resolve();
  }
}

/** In-memory leases (single process) for tests that are not about the lease. */
export class MemoryLeases implements LeaseRepository {
  readonly rows = new Map<string, Lease>();
  acquire(name: string, holder: string, ttlMs: number, now = new Date()): Promise<LeaseClaim> {
    const cur = this.rows.get(name);
    if (cur && cur.holder !== holder && cur.expiresAt > now)
      return Promise.resolve({ acquired: false, lease: cur });
    const lease: Lease = { name, holder, expiresAt: new Date(now.getTime() + ttlMs) };
    if (cur?.holder === holder && cur.note !== undefined) lease.note = cur.note;
    this.rows.set(name, lease);
    return Promise.resolve({ acquired: true, lease });
  }
  renew(name: string, holder: string, ttlMs: number, now = new Date(), note?: string): Promise<boolean> {
    const cur = this.rows.get(name);
    if (!cur || cur.holder !== holder) return Promise.resolve(false);
    cur.expiresAt = new Date(now.getTime() + ttlMs);
    if (note !== undefined) cur.note = note;
    return Promise.resolve(true);
  }
  release(name: string, holder: string): Promise<void> {
    const cur = this.rows.get(name);
    if (cur?.holder === holder) cur.expiresAt = new Date(0);
    return Promise.resolve();
  }
  current(name: string): Promise<Lease | undefined> {
    return Promise.resolve(this.rows.get(name));
  }
}

let seq = 0;
/** A received message as Baileys emits it (`proto.WebMessageInfo`). */
export function incoming(
  message: proto.IMessage,
  opts: { jid?: string; id?: string; fromMe?: boolean; pushName?: string } = {},
): WAMessage {
  return proto.WebMessageInfo.fromObject({
    key: {
      remoteJid: opts.jid ?? CITIZEN_JID,
      fromMe: opts.fromMe ?? false,
      id: opts.id ?? `3EB0${(++seq).toString(16).padStart(8, '0').toUpperCase()}`,
    },
    messageTimestamp: Math.floor(Date.now() / 1000),
    pushName: opts.pushName ?? 'Siti',
    message,
  }) as WAMessage;
}

/** Waits until `check` returns something, or fails after `ms`. */
export async function waitFor<T>(check: () => T | undefined | false, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > until) throw new Error('waitFor: timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
