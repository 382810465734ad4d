import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileTypeFromBuffer } from 'file-type';
import type { InlineKeyboardButton, Message, Update } from 'grammy/types';
import { createTelegramChannel, type TelegramChannel } from '../../../src/adapters/telegram/channel.js';
import type { Loket } from '../../../src/main.js';
import { BOT_INFO, TOKEN, captureApi, silentLogger } from './helpers.js';

/** A message in a private chat, as `Update.message` types it. */
type PrivateMessage = NonNullable<Update['message']>;

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** Shared test files (photos, a PDF, a program renamed .jpg). */
export const FILES_DIR = path.join(HERE, '..', '..', 'fixtures', 'files');

type Result = { ok: true; result: unknown } | { ok: false; error_code: number; description: string };

/**
 * The real Loket (engine, NLU, database) behind the real grammY bot of the Telegram channel:
 * updates go in through `bot.handleUpdate`, every Bot API call is captured by a transformer,
 * files are served by an injected fetch, and the clock is pinned.
 */
export interface TelegramHarness {
  channel: TelegramChannel;
  api: ReturnType<typeof captureApi>;
  /** Bytes downloadable by file_id (getFile gives `files/<file_id>`). */
  files: Map<string, Buffer>;
  /** URLs the adapter downloaded, in order. */
  downloads: string[];
  /** The pinned clock: button presses (no date of their own) and message dates use it. */
  clock: { now: Date };
  nextUpdateId(): number;
}

/** Builds the channel on `loket`, registers its sender there, and captures its API calls. */
export function telegramHarness(
  loket: Loket,
  opts: { start: Date; override?: Record<string, (payload: Record<string, unknown>) => Result> },
): TelegramHarness {
  const files = new Map<string, Buffer>();
  const downloads: string[] = [];
  const clock = { now: opts.start };
  const channel = createTelegramChannel({
    token: TOKEN,
    apiRoot: 'http://bot-api.test',
    botInfo: BOT_INFO,
    handleInbound: loket.handleInbound,
    logger: silentLogger,
    uploadMaxBytes: loket.config.UPLOAD_MAX_BYTES,
    downloadTimeoutMs: 2000,
    now: () => clock.now,
    fetch: (url) => {
      downloads.push(url);
      const id = url.split('/files/')[1] ?? '';
      const bytes = files.get(decodeURIComponent(id));
      return Promise.resolve(
        bytes ? new Response(new Uint8Array(bytes)) : new Response('not found', { status: 404 }),
      );
    },
  });
  const api = captureApi(channel.bot, opts.override);
  loket.senders.set('telegram', channel.sender);
  let updateId = 100_000 + Math.floor(Math.random() * 1_000_000) * 100;
  return { channel, api, files, downloads, clock, nextUpdateId: () => ++updateId };
}

/** What Telegram shows for a message in HTML parse mode: tags gone, entities unescaped. */
export function unescapeHtml(text: string): string {
  return text
    .replace(/<\/?b>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** What one update made the bot do. */
export interface Turn {
  /** The sendMessage texts as the citizen reads them (HTML unescaped), joined. */
  said: string;
  /** The messages sent, with keyboards. */
  messages: Array<{ text: string; keyboard?: InlineKeyboardButton[][] }>;
  /** How the input went in: typed text, a button press, a photo, a document, a command. */
  as: 'text' | 'press' | 'photo' | 'document' | 'voice' | 'command';
}

const COMMAND_NAMES = {
  start: 'start',
  menu: 'menu',
  status: 'status',
  officer: 'petugas',
  cancel: 'batal',
  language: 'bahasa',
  help: 'bantuan',
} as const;

/**
 * One citizen in a private chat, doing what a Telegram user does: typing, pressing buttons of
 * the last menu, sending photos and documents, using slash commands.
 */
export class TelegramCitizen {
  private lastMenu: Message | undefined;
  private fileSeq = 0;

  constructor(
    private readonly h: TelegramHarness,
    readonly chatId: number,
    private readonly languageCode: 'id' | 'en' = 'id',
  ) {}

  private get user() {
    return {
      id: this.chatId,
      is_bot: false,
      first_name: 'Warga',
      last_name: String(this.chatId),
      language_code: this.languageCode,
    };
  }

  private message(extra: Record<string, unknown>): PrivateMessage {
    return {
      message_id: this.h.nextUpdateId(),
      date: Math.floor(this.h.clock.now.getTime() / 1000),
      chat: { id: this.chatId, type: 'private', first_name: 'Warga' },
      from: this.user,
      ...extra,
    };
  }

  /** The buttons of the last menu the bot sent (empty when the last answer had none). */
  buttons(): InlineKeyboardButton.CallbackButton[] {
    return (this.lastMenu?.reply_markup?.inline_keyboard.flat() ?? []).filter(
      (b): b is InlineKeyboardButton.CallbackButton => 'callback_data' in b,
    );
  }

  /** The menu message last sent, as a later callback query carries it (for stale-button tests). */
  get menuMessage(): Message | undefined {
    return this.lastMenu;
  }

  /** Feeds one update through grammY and collects what the bot sent for it. */
  async send(update: Update, as: Turn['as']): Promise<Turn> {
    const from = this.h.api.calls.length;
    await this.h.channel.bot.handleUpdate(update);
    const sent = this.h.api.calls
      .slice(from)
      .filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === this.chatId);
    const messages = sent.map((c) => {
      const markup = c.payload.reply_markup as { inline_keyboard?: InlineKeyboardButton[][] } | undefined;
      return {
        text: unescapeHtml(String(c.payload.text)),
        ...(markup?.inline_keyboard ? { keyboard: markup.inline_keyboard } : {}),
      };
    });
    const menu = [...messages].reverse().find((m) => m.keyboard);
    this.lastMenu = menu
      ? this.message({ text: menu.text, reply_markup: { inline_keyboard: menu.keyboard } })
      : undefined;
    return { said: messages.map((m) => m.text).join('\n\n'), messages, as };
  }

  /** Types a message (a leading /command gets its bot_command entity, as Telegram sends it). */
  type(text: string): Promise<Turn> {
    const command = /^\/\S+/.exec(text);
    const entities = command ? [{ type: 'bot_command', offset: 0, length: command[0].length }] : undefined;
    return this.send(
      {
        update_id: this.h.nextUpdateId(),
        message: this.message({ text, ...(entities ? { entities } : {}) }),
      },
      command ? 'command' : 'text',
    );
  }

  /** An engine command as its Telegram slash command (/petugas, /batal, ...). */
  command(name: keyof typeof COMMAND_NAMES): Promise<Turn> {
    return this.type(`/${COMMAND_NAMES[name]}`);
  }

  /** Presses a button: raw callback data, on `menu` (default: the last menu sent). */
  pressData(data: string, menu: Message | undefined = this.lastMenu): Promise<Turn> {
    return this.send(
      {
        update_id: this.h.nextUpdateId(),
        callback_query: {
          id: `cb${this.h.nextUpdateId()}`,
          from: this.user,
          chat_instance: `ci${this.chatId}`,
          data,
          ...(menu ? { message: menu } : {}),
        },
      },
      'press',
    );
  }

  /** Presses the button of the last menu whose label contains `label` (case-insensitive). */
  press(label: string): Promise<Turn> {
    const b = this.buttons().find((x) => x.text.toLowerCase().includes(label.toLowerCase()));
    if (!b) throw new Error(`no button "${label}" in ${JSON.stringify(this.buttons().map((x) => x.text))}`);
    return this.pressData(b.callback_data);
  }

  /**
   * The button a typed answer stands for on the last menu: its number ("2" is the line
   * "2. label" of the numbered text) or its exact label; undefined means it is typed.
   */
  buttonFor(text: string): InlineKeyboardButton.CallbackButton | undefined {
    const buttons = this.buttons();
    if (buttons.length === 0 || !this.lastMenu || !('text' in this.lastMenu)) return undefined;
    const said = text.trim().toLowerCase();
    if (/^\d+$/.test(said)) {
      const line = (this.lastMenu.text ?? '').split('\n').find((l) => l.startsWith(`${said}. `));
      const label = line?.slice(said.length + 2);
      return label === undefined ? undefined : buttons.find((b) => b.text === label);
    }
    return buttons.find((b) => b.text.toLowerCase() === said);
  }

  /** Says `text` the way a Telegram user would: a press when the last menu has that button, else typing. */
  answer(text: string): Promise<Turn> {
    const b = this.buttonFor(text);
    return b ? this.pressData(b.callback_data) : this.type(text);
  }

  /** Sends bytes as a compressed photo (largest size first in nothing: Telegram lists smallest first). */
  photo(bytes: Buffer, caption?: string): Promise<Turn> {
    const id = `photo-${this.chatId}-${++this.fileSeq}`;
    this.h.files.set(id, bytes);
    const sizes = [
      { file_id: `${id}-thumb`, file_unique_id: `${id}t`, width: 90, height: 68, file_size: 900 },
      { file_id: id, file_unique_id: `${id}u`, width: 1280, height: 960, file_size: bytes.length },
    ];
    return this.send(
      {
        update_id: this.h.nextUpdateId(),
        message: this.message({ photo: sizes, ...(caption ? { caption } : {}) }),
      },
      'photo',
    );
  }

  /** Sends bytes as a file ("send as file"), with the name and the MIME type Telegram would guess. */
  document(bytes: Buffer, fileName: string, mimeType: string, announcedSize = bytes.length): Promise<Turn> {
    const id = `doc-${this.chatId}-${++this.fileSeq}`;
    this.h.files.set(id, bytes);
    const document = {
      file_id: id,
      file_unique_id: `${id}u`,
      file_name: fileName,
      mime_type: mimeType,
      file_size: announcedSize,
    };
    return this.send({ update_id: this.h.nextUpdateId(), message: this.message({ document }) }, 'document');
  }

  /** Sends bytes as a voice note (the microphone button: Opus in Ogg). */
  voice(bytes: Buffer): Promise<Turn> {
    const id = `voice-${this.chatId}-${++this.fileSeq}`;
    this.h.files.set(id, bytes);
    const voice = {
      file_id: id,
      file_unique_id: `${id}u`,
      duration: 2,
      mime_type: 'audio/ogg',
      file_size: bytes.length,
    };
    return this.send({ update_id: this.h.nextUpdateId(), message: this.message({ voice }) }, 'voice');
  }

  /**
   * Sends a test file the way a phone would: a real JPEG as a photo (Telegram compresses it),
   * an .ogg as a voice note, anything else as a document whose MIME type is guessed from the
   * name, as Telegram does (so a program renamed .jpg arrives claiming image/jpeg).
   */
  async file(name: string): Promise<Turn> {
    const bytes = await readFile(path.join(FILES_DIR, name));
    if (name.endsWith('.ogg')) return this.voice(bytes);
    const sniffed = await fileTypeFromBuffer(bytes);
    if (sniffed?.mime === 'image/jpeg') return this.photo(bytes);
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
