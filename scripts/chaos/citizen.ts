/**
 * A simulated citizen on the fake Telegram Bot API: sends each turn once, waits for the reply
 * that asks the next question, and records what it sent and when. It never sends a message
 * again because a reply is late (Telegram's own retry notice says not to); only a reply asking
 * it to try again makes it send the same answer again, as a person would.
 */
import { FakeChat, plain } from '../support/fake-chat.js';
import type { FakeBotApi } from '../support/fake-bot-api.js';
import { SEND_AGAIN, TRACKING, domisiliTurns, type CitizenData, type Input, type Turn } from './script.js';

/** One message a citizen sent: which turn, and how many replies its chat had before it. */
export interface Sent {
  turn: number;
  repliesBefore: number;
  /** When it was sent (ms since the epoch). */
  at: number;
}

/** What one citizen did and got, for the checks. */
export interface CitizenRecord {
  index: number;
  channel: 'telegram' | 'terminal';
  chatId: string;
  data: CitizenData;
  sent: Sent[];
  /** The bot's texts to this chat, in order (Telegram: filled from the fake's record at the end). */
  replies: string[];
  /** The turn whose reply never came in time: the citizen gave up there. */
  stuckAt?: number;
  tracking?: string;
}

/** The fake's sendMessage calls, indexed by chat as they come (a scan of all calls per wait would be quadratic). */
export class Mailbox {
  private seen = 0;
  private readonly byChat = new Map<string, string[]>();
  private readonly arrivals = new Map<string, number[]>();
  constructor(private readonly api: FakeBotApi) {}

  /** When each text to `chatId` was first seen here (as exact as the calls to `of`: tick often). */
  arrivalsOf(chatId: string): number[] {
    this.of(chatId);
    return this.arrivals.get(chatId) ?? [];
  }

  /** The texts sent to `chatId` so far (HTML removed). */
  of(chatId: string): string[] {
    const calls = this.api.calls;
    for (; this.seen < calls.length; this.seen++) {
      const c = calls[this.seen]!;
      if (c.method !== 'sendMessage') continue;
      const id = String(c.params.chat_id);
      const list = this.byChat.get(id) ?? [];
      list.push(plain(c.params.text));
      this.byChat.set(id, list);
      this.arrivals.set(id, [...(this.arrivals.get(id) ?? []), Date.now()]);
    }
    return this.byChat.get(chatId) ?? [];
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Something a citizen's turn loop can send and wait on, whatever the channel. */
export interface Conversation {
  /** Sends the input; resolves with the replies it brought, or undefined after `timeoutMs`. */
  send(input: Input, expect: RegExp, timeoutMs: number): Promise<string[] | undefined>;
  /** Replies so far. */
  replyCount(): number;
}

/**
 * Plays every turn in order with think time between. A turn that got no matching reply within
 * the timeout leaves the citizen stuck there (recorded); "try again" replies are answered by
 * sending the same input again, up to three times.
 */
export async function playTurns(
  record: CitizenRecord,
  conv: Conversation,
  think: () => number,
  timeoutMs: number,
): Promise<void> {
  const turns: Turn[] = domisiliTurns(record.data);
  for (let i = 0; i < turns.length; i++) {
    const turn = turns[i]!;
    let got: string[] | undefined;
    for (let attempt = 0; attempt < 4; attempt++) {
      await sleep(think());
      record.sent.push({ turn: i, repliesBefore: conv.replyCount(), at: Date.now() });
      got = await conv.send(turn.input, turn.expect, timeoutMs);
      if (!got || got.some((t) => turn.expect.test(t)) || !got.some((t) => SEND_AGAIN.test(t))) break;
    }
    if (!got || !got.some((t) => turn.expect.test(t))) {
      record.stuckAt = i;
      return;
    }
    const tracking = got.map((t) => TRACKING.exec(t)?.[0]).find(Boolean);
    if (i === turns.length - 1 && tracking) record.tracking = tracking;
  }
}

/** A Telegram private chat on the fake Bot API. */
export class TelegramConversation implements Conversation {
  private readonly chat: FakeChat;
  constructor(
    private readonly api: FakeBotApi,
    private readonly mailbox: Mailbox,
    private readonly chatId: number,
  ) {
    this.chat = new FakeChat(api, chatId);
  }

  replyCount(): number {
    return this.mailbox.of(String(this.chatId)).length;
  }

  async send(input: Input, expect: RegExp, timeoutMs: number): Promise<string[] | undefined> {
    const since = this.replyCount();
    if (input.kind === 'text') this.chat.say(input.text);
    else if (input.kind === 'photo') this.chat.photo(input.bytes);
    else this.chat.document(input.bytes, input.name, input.mime);
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const got = this.mailbox.of(String(this.chatId)).slice(since);
      if (got.some((t) => expect.test(t) || SEND_AGAIN.test(t))) {
        // Replies of one turn come as several messages: give the rest a moment.
        await sleep(300);
        return this.mailbox.of(String(this.chatId)).slice(since);
      }
      await sleep(100);
    }
    return undefined;
  }
}
