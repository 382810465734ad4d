import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config/project-root.js';
import type { FakeBotApi } from './fake-bot-api.js';
import { waitUntil } from './processes.js';

/** The sample files a fake citizen sends (photos and PDFs of the test fixtures). */
export const FILES_DIR = path.join(PROJECT_ROOT, 'test', 'fixtures', 'files');

/** What Telegram shows for a message in HTML parse mode. */
export function plain(html: unknown): string {
  return String(html)
    .replace(/<\/?[a-z]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * One citizen in a private Telegram chat, talking through the fake Bot API to whatever process
 * polls it (or whatever the test posts to a webhook): pushes updates, reads replies.
 */
export class FakeChat {
  private seq = 0;
  constructor(
    private readonly api: FakeBotApi,
    readonly chatId: number,
  ) {}

  private message(extra: Record<string, unknown>): Record<string, unknown> {
    return {
      message_id: ++this.seq,
      date: Math.floor(Date.now() / 1000),
      chat: { id: this.chatId, type: 'private', first_name: 'Warga' },
      from: { id: this.chatId, is_bot: false, first_name: 'Warga', language_code: 'id' },
      ...extra,
    };
  }

  /** An update of this chat, not queued (for webhooks and redeliveries). */
  textUpdate(updateId: number, text: string): { update_id: number; message: Record<string, unknown> } {
    const command = /^\/\S+/.exec(text);
    const entities = command ? [{ type: 'bot_command', offset: 0, length: command[0].length }] : undefined;
    return { update_id: updateId, message: this.message({ text, ...(entities ? { entities } : {}) }) };
  }

  /** Queues a typed message; returns its update_id. */
  say(text: string): number {
    const { message } = this.textUpdate(0, text);
    return this.api.push({ message });
  }

  /** Queues a photo (file downloadable from the fake); returns its update_id. */
  photo(bytes: Buffer): number {
    const id = `photo-${this.chatId}-${this.seq + 1}`;
    this.api.addFile(id, bytes);
    return this.api.push({
      message: this.message({
        photo: [{ file_id: id, file_unique_id: `${id}u`, width: 1280, height: 960, file_size: bytes.length }],
      }),
    });
  }

  /** Queues a file sent "as a document"; returns its update_id. */
  document(bytes: Buffer, fileName: string, mimeType: string): number {
    const id = `doc-${this.chatId}-${this.seq + 1}`;
    this.api.addFile(id, bytes);
    return this.api.push({
      message: this.message({
        document: {
          file_id: id,
          file_unique_id: `${id}u`,
          file_name: fileName,
          mime_type: mimeType,
          file_size: bytes.length,
        },
      }),
    });
  }

  /** Texts the bot sent to this chat (HTML removed), oldest first. */
  replies(): string[] {
    return this.api.sent.filter((m) => Number(m.chat_id) === this.chatId).map((m) => plain(m.text));
  }

  /** Waits for a reply to this chat, after the first `since`, that matches `pattern`. */
  async reply(pattern: RegExp, since: number, timeoutMs = 30_000): Promise<string> {
    return waitUntil(
      () => `a reply matching ${String(pattern)} (got: ${JSON.stringify(this.replies().slice(since))})`,
      () =>
        this.replies()
          .slice(since)
          .find((t) => pattern.test(t)),
      timeoutMs,
    );
  }

  /** Sends `text` and waits for the reply matching `pattern`. */
  async turn(text: string, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
    const since = this.replies().length;
    this.say(text);
    return this.reply(pattern, since, timeoutMs);
  }
}
