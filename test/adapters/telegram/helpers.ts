import type { Bot } from 'grammy';
import {
  createTelegramChannel,
  type TelegramChannel,
  type TelegramChannelOptions,
} from '../../../src/adapters/telegram/channel.js';
import type { Message, Update, UserFromGetMe } from 'grammy/types';
import type { HandleInbound, HandleResult, InboundMessage } from '../../../src/app/inbound.js';
import type { Reply } from '../../../src/dialogue/types.js';
import { createLogger } from '../../../src/config/logger.js';

/** The bot as getMe would describe it, so tests need no network. */
export const BOT_INFO: UserFromGetMe = {
  id: 4242,
  is_bot: true,
  first_name: 'Loket',
  username: 'loket_test_bot',
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;

export const TOKEN = '123456:TEST-token-for-loket-tests';
export const silentLogger = createLogger('silent');

/** One outgoing Bot API call as the transformer saw it. */
export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
}

type Result = { ok: true; result: unknown } | { ok: false; error_code: number; description: string };

/**
 * Captures every outgoing call of `bot.api` (and the per-update APIs, which copy its
 * transformers) and answers with fake results; `override` answers chosen methods differently.
 */
export function captureApi(
  bot: Bot,
  override: Record<string, (payload: Record<string, unknown>) => Result> = {},
) {
  const calls: ApiCall[] = [];
  let nextMessageId = 1000;
  bot.api.config.use((_prev, method, payload) => {
    const p = (payload ?? {}) as Record<string, unknown>;
    calls.push({ method, payload: p });
    const custom = override[method];
    if (custom) return Promise.resolve(custom(p) as never);
    const result =
      method === 'sendMessage' || method === 'editMessageText'
        ? {
            message_id: nextMessageId++,
            date: 0,
            chat: { id: Number(p.chat_id ?? 1), type: 'private' },
            text: p.text,
          }
        : method === 'getFile'
          ? { file_id: p.file_id, file_unique_id: 'u', file_path: `files/${String(p.file_id)}` }
          : true;
    return Promise.resolve({ ok: true, result } as never);
  });
  return {
    calls,
    sent: () => calls.filter((c) => c.method === 'sendMessage'),
    texts: () => calls.filter((c) => c.method === 'sendMessage').map((c) => String(c.payload.text)),
    of: (method: string) => calls.filter((c) => c.method === method),
  };
}

const USER = { id: 777, is_bot: false, first_name: 'Siti', last_name: 'Aminah', language_code: 'id' };
const CHAT = { id: 777, type: 'private' as const, first_name: 'Siti' };

function message(extra: Record<string, unknown>, from: Record<string, unknown> = {}): Message {
  return {
    message_id: 1,
    date: 1_760_000_000,
    chat: CHAT,
    from: { ...USER, ...from },
    ...extra,
  };
}

/** Updates as Telegram sends them (commands carry their bot_command entity). */
export const updates = {
  text(id: number, text: string, from: Record<string, unknown> = {}): Update {
    const command = /^\/\S+/.exec(text);
    const entities = command ? [{ type: 'bot_command', offset: 0, length: command[0].length }] : undefined;
    return { update_id: id, message: message({ text, ...(entities ? { entities } : {}) }, from) } as Update;
  },
  callback(id: number, data: string | undefined, menu?: Message): Update {
    return {
      update_id: id,
      callback_query: {
        id: `cb${id}`,
        from: USER,
        chat_instance: 'ci',
        ...(data !== undefined ? { data } : {}),
        message: menu ?? message({ text: 'Pilih layanan' }),
      },
    };
  },
  photo(id: number, caption?: string): Update {
    const sizes = [
      { file_id: 'small', file_unique_id: 's', width: 90, height: 90, file_size: 1000 },
      { file_id: 'big', file_unique_id: 'b', width: 1280, height: 960, file_size: 120_000 },
      { file_id: 'mid', file_unique_id: 'm', width: 320, height: 240, file_size: 10_000 },
    ];
    return { update_id: id, message: message({ photo: sizes, ...(caption ? { caption } : {}) }) } as Update;
  },
  document(id: number, fileName: string, size: number, fileId = 'doc1'): Update {
    const document = {
      file_id: fileId,
      file_unique_id: 'd',
      file_name: fileName,
      mime_type: 'application/pdf',
      file_size: size,
    };
    return { update_id: id, message: message({ document }) } as Update;
  },
  sticker(id: number): Update {
    return {
      update_id: id,
      message: message({
        sticker: {
          file_id: 'st',
          file_unique_id: 'st',
          type: 'regular',
          width: 1,
          height: 1,
          is_animated: false,
          is_video: false,
        },
      }),
    } as Update;
  },
  group(id: number, text: string): Update {
    return {
      update_id: id,
      message: {
        ...message({ text }),
        chat: { id: -100, type: 'group', title: 'Warga' },
      } as unknown as Message,
    } as Update;
  },
};

/**
 * A small scripted use case: records each message, answers from `answer`, and for a file reads
 * its bytes through `fetch` like the real use case (refusing an announced size over the limit).
 */
export function scriptedInbound(
  answer: (msg: InboundMessage, bytes?: Buffer) => Reply[] | HandleResult | Error,
  maxBytes = 1_000_000,
) {
  const received: InboundMessage[] = [];
  const bytes: Buffer[] = [];
  const handle: HandleInbound = async (msg) => {
    received.push(msg);
    let file: Buffer | undefined;
    if (msg.content.kind === 'file') {
      const f = msg.content.file;
      if (f.announcedSize !== undefined && f.announcedSize > maxBytes)
        return { status: 'processed', replies: [{ kind: 'text', text: 'File terlalu besar.' }] };
      file = await f.fetch(maxBytes);
      bytes.push(file);
    }
    const out = answer(msg, file);
    if (out instanceof Error) throw out;
    return Array.isArray(out) ? { status: 'processed', replies: out } : out;
  };
  return { handle, received, bytes };
}

/**
 * A channel on the test bot with small limits and a use case that answers nothing, for tests of
 * one part of it (the sender, the webhook, a download); `overrides` sets what that part needs.
 * Its Bot API is what the test gives it: captured (`captureApi(channel.bot)`) or a local
 * FakeBotApi (`apiRoot`).
 */
export function testChannel(overrides: Partial<TelegramChannelOptions> = {}): TelegramChannel {
  const channel: TelegramChannel = createTelegramChannel({
    token: TOKEN,
    botInfo: BOT_INFO,
    logger: silentLogger,
    uploadMaxBytes: 1000,
    downloadTimeoutMs: 1000,
    ...overrides,
    handleInbound: sendingReplies(overrides.handleInbound ?? scriptedInbound(() => []).handle, () => channel),
  });
  return channel;
}

/**
 * A scripted use case that sends its replies through the channel's own sender, as the outbound
 * path of the composition root does after the turn is saved.
 */
export function sendingReplies(
  handle: HandleInbound,
  channel: () => { sender: TelegramChannel['sender'] },
): HandleInbound {
  return async (msg) => {
    const result = await handle(msg);
    if (result.status === 'processed' && result.replies.length > 0)
      await channel().sender.send(msg.chatId, result.replies);
    return result;
  };
}

/** A fetch that serves bytes per URL path ending and records what was asked. */
export function fakeFetch(files: Record<string, Buffer | Error>) {
  const urls: string[] = [];
  const fn = (url: string): Promise<Response> => {
    urls.push(url);
    const key = Object.keys(files).find((k) => url.endsWith(k));
    const body = key !== undefined ? files[key] : undefined;
    if (body instanceof Error) return Promise.reject(body);
    if (body === undefined) return Promise.resolve(new Response('not found', { status: 404 }));
    return Promise.resolve(new Response(new Uint8Array(body)));
  };
  return { fn, urls };
}
