import { encryptedStream, type proto, type WAMessage } from '@whiskeysockets/baileys';
import { readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileTypeFromBuffer } from 'file-type';
import { createWhatsAppChannel, type WhatsAppChannel } from '../../../src/adapters/whatsapp/channel.js';
import type { Loket } from '../../../src/main.js';
import {
  MemoryAuthStore,
  MemoryLeases,
  fakeSockets,
  incoming,
  silentLogger,
  type FakeSocket,
} from './helpers.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** Shared test files (photos, a PDF, a program renamed .jpg). */
export const FILES_DIR = path.join(HERE, '..', '..', 'fixtures', 'files');

/**
 * The real Loket (engine, NLU, database) behind the real WhatsApp channel: messages go in as
 * `proto.WebMessageInfo` on a Baileys event emitter (the fake socket), every message the bot
 * sends is recorded by that socket, and media is downloaded and decrypted by Baileys from a
 * local media server serving files encrypted with Baileys' own `encryptedStream`.
 */
export interface WhatsAppHarness {
  channel: WhatsAppChannel;
  sock: FakeSocket;
  /** URLs the channel downloaded media from, in order. */
  downloads: string[];
  /** The pinned clock: message timestamps use it. */
  clock: { now: Date };
  /** Serves `bytes` encrypted as WhatsApp media of `type`; returns the fields a media message carries. */
  upload(bytes: Buffer, type: 'image' | 'document' | 'audio'): Promise<MediaFields>;
  stop(): Promise<void>;
}

/** What a WhatsApp media message carries to find and decrypt its bytes (no `directPath`: the url is used). */
export interface MediaFields {
  url: string;
  mediaKey: Uint8Array;
  fileSha256: Uint8Array;
  fileEncSha256: Uint8Array;
  fileLength: number;
}

/** Builds the channel on `loket`, registers its sender there, opens the (fake) connection. */
export async function whatsappHarness(loket: Loket, opts: { start: Date }): Promise<WhatsAppHarness> {
  const served = new Map<string, Buffer>();
  const downloads: string[] = [];
  const media: Server = createServer((req, res) => {
    downloads.push(req.url ?? '');
    const body = served.get(req.url ?? '');
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((resolve) => media.listen(0, '127.0.0.1', () => resolve()));
  const address = media.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const sockets = fakeSockets();
  const channel = createWhatsAppChannel({
    handleInbound: loket.handleInbound,
    logger: silentLogger,
    conversations: loket.repos.conversations,
    store: new MemoryAuthStore(),
    leases: new MemoryLeases(),
    socketFactory: sockets.factory,
    sendIntervalMs: 0,
    sendJitterMs: 0,
    // Every transcript is one fast typist: the flood limit is not what these tests are about.
    chatRateLimit: { limit: 100_000, windowMs: 60_000 },
    retryDelaysMs: [20],
    downloadTimeoutMs: 5000,
    printQr: () => undefined,
  });
  await channel.start();
  const sock = sockets.last();
  sock.open();
  loket.senders.set('whatsapp', channel.sender);

  let seq = 0;
  return {
    channel,
    sock,
    downloads,
    clock: { now: opts.start },
    async upload(bytes, type) {
      const enc = await encryptedStream(bytes, type);
      const urlPath = `/m/${++seq}.enc`;
      served.set(urlPath, await readFile(enc.encFilePath));
      await rm(enc.encFilePath, { force: true });
      return {
        url: `${base}${urlPath}`,
        mediaKey: enc.mediaKey,
        fileSha256: enc.fileSha256,
        fileEncSha256: enc.fileEncSha256,
        fileLength: enc.fileLength,
      };
    },
    async stop() {
      await channel.stop();
      media.closeAllConnections();
      await new Promise<void>((resolve) => media.close(() => resolve()));
    },
  };
}

/** What the citizen reads on WhatsApp: `*bold*` shows as bold text without the asterisks. */
export function asRead(text: string): string {
  return text.replace(/\*([^\s*](?:[^*\n]*[^\s*])?)\*/g, '$1');
}

/** What one message made the bot do. */
export interface WhatsAppTurn {
  /** The texts sent to this chat, joined, as the citizen reads them (`*bold*` markers gone). */
  said: string;
  /** The raw texts sent, as Baileys was asked to send them. */
  texts: string[];
  /** How the input went in: typed text, a menu option typed as its number, an image, a document. */
  as: 'text' | 'choice' | 'image' | 'document' | 'voice';
}

/** A numbered menu line as the WhatsApp renderer writes it: `*2.* Kartu Keluarga`. */
const MENU_LINE = /^\*(\d+)\.\* (.+)$/;

/**
 * One citizen in a private WhatsApp chat, doing what a WhatsApp user can: typing, answering a
 * numbered menu by typing the number, sending photos and documents.
 */
export class WhatsAppCitizen {
  /** The options of the last numbered menu the bot sent: number to label. */
  private menu = new Map<string, string>();

  constructor(
    private readonly h: WhatsAppHarness,
    readonly jid: string,
  ) {}

  /** The options of the last numbered menu, in order (empty when the last answer had none). */
  options(): string[] {
    return [...this.menu.values()];
  }

  /** Delivers one message on the socket as WhatsApp would, and collects what the bot sent back. */
  async send(message: proto.IMessage, as: WhatsAppTurn['as']): Promise<WhatsAppTurn> {
    const m: WAMessage = incoming(message, { jid: this.jid });
    m.messageTimestamp = Math.floor(this.h.clock.now.getTime() / 1000);
    const before = this.h.sock.sent.length;
    this.h.sock.deliver(m);
    await this.h.channel.idle();
    const texts = this.h.sock.sent
      .slice(before)
      .filter((s) => s.jid === this.jid)
      .map((s) => s.text);
    const menus = texts
      .map((t) => t.split('\n').map((l) => MENU_LINE.exec(l)))
      .filter((lines) => lines.some((l) => l !== null));
    const last = menus[menus.length - 1];
    this.menu = new Map(
      (last ?? []).filter((l): l is RegExpExecArray => l !== null).map((l) => [l[1]!, l[2]!]),
    );
    return { said: texts.map(asRead).join('\n\n'), texts, as };
  }

  /** Types a message. */
  type(text: string): Promise<WhatsAppTurn> {
    return this.send({ conversation: text }, 'text');
  }

  /**
   * The number a typed answer stands for on the last numbered menu: the number itself, or the
   * number of the option whose label is exactly the answer; undefined means it is free text.
   */
  numberFor(text: string): string | undefined {
    const said = text.trim().toLowerCase();
    if (this.menu.has(said)) return said;
    return [...this.menu].find(([, label]) => label.toLowerCase() === said)?.[0];
  }

  /** Says `text` the way a WhatsApp user answers a numbered menu: its number when it is an option. */
  async answer(text: string): Promise<WhatsAppTurn> {
    const n = this.numberFor(text);
    if (n === undefined) return this.type(text);
    return { ...(await this.type(n)), as: 'choice' };
  }

  /** Sends bytes as a photo from the gallery. */
  async image(bytes: Buffer, mimetype: string, caption?: string): Promise<WhatsAppTurn> {
    const media = await this.h.upload(bytes, 'image');
    return this.send({ imageMessage: { ...media, mimetype, ...(caption ? { caption } : {}) } }, 'image');
  }

  /** Sends bytes as a document ("Document" in the attach menu), with its name and a MIME type. */
  async document(bytes: Buffer, fileName: string, mimetype: string): Promise<WhatsAppTurn> {
    const media = await this.h.upload(bytes, 'document');
    return this.send({ documentMessage: { ...media, fileName, mimetype } }, 'document');
  }

  /** Sends bytes as a voice note (held-down microphone: Opus in Ogg, `ptt`). */
  async voice(bytes: Buffer): Promise<WhatsAppTurn> {
    const media = await this.h.upload(bytes, 'audio');
    return this.send(
      { audioMessage: { ...media, mimetype: 'audio/ogg; codecs=opus', ptt: true, seconds: 2 } },
      'voice',
    );
  }

  /**
   * Sends a test file the way a phone would: a real JPEG as a photo, an .ogg as a voice note,
   * anything else as a document whose MIME type the phone guesses from the name (so a program
   * renamed .jpg arrives claiming image/jpeg).
   */
  async file(name: string): Promise<WhatsAppTurn> {
    const bytes = await readFile(path.join(FILES_DIR, name));
    if (name.endsWith('.ogg')) return this.voice(bytes);
    const sniffed = await fileTypeFromBuffer(bytes);
    if (sniffed?.mime === 'image/jpeg') return this.image(bytes, 'image/jpeg');
    const ext = path.extname(name).toLowerCase();
    const guessed =
      ext === '.pdf'
        ? 'application/pdf'
        : ext === '.png'
          ? 'image/png'
          : ext === '.jpg' || ext === '.jpeg'
            ? 'image/jpeg'
            : 'application/octet-stream';
    return this.document(bytes, name, guessed);
  }
}
