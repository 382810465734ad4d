import type { Model } from 'mongoose';
import { CHANNELS, type Channel } from '../../domain/application.js';
import type { DeadLetter, DeadLetterStore } from '../../ports/dead-letter-store.js';
import type { FieldCipher } from '../../ports/field-cipher.js';
import type { Page, PageResult } from '../../ports/page.js';
import type { DeadLetterRecord } from './dead-letter-model.js';
import { compact, pageBounds } from './mongo-utils.js';
import { openText, sealText } from './sealed-fields.js';

/** The longest error message kept: enough to recognise the failure, too short to carry a payload. */
const ERROR_CHARS = 300;

const keyOf = (channel: Channel, messageId: string) => `${channel}:${messageId}`;

function toDomain(cipher: FieldCipher, r: DeadLetterRecord): DeadLetter {
  const channel = (CHANNELS as readonly string[]).includes(r.channel) ? (r.channel as Channel) : 'telegram';
  return compact<DeadLetter>({
    channel,
    messageId: r.messageId,
    chatId: openText(cipher, r.chatId),
    kind: r.kind,
    error: cipher.open(r.error),
    attempts: r.attempts,
    parkedAt: r.parkedAt,
    notifiedAt: r.notifiedAt,
  });
}

/**
 * Parked messages on MongoDB (or FerretDB), one record per channel and message id. The chat
 * (a WhatsApp chat id is a phone number) and the error (an exception may quote the message) are
 * sealed; nothing queries them.
 */
export class MongoDeadLetterStore implements DeadLetterStore {
  constructor(
    private readonly model: Model<DeadLetterRecord>,
    private readonly cipher: FieldCipher,
  ) {}

  async park(letter: Omit<DeadLetter, 'notifiedAt'>): Promise<DeadLetter> {
    const _id = keyOf(letter.channel, letter.messageId);
    const fields = compact({
      ...letter,
      chatId: sealText(this.cipher, letter.chatId),
      error: this.cipher.seal(letter.error.slice(0, ERROR_CHARS)),
    });
    // $setOnInsert: a second parking (a redelivery after a restart) keeps the first record.
    await this.model.updateOne({ _id }, { $setOnInsert: fields }, { upsert: true }).exec();
    const stored = await this.model.findById(_id).lean<DeadLetterRecord>().exec();
    if (!stored) throw new Error(`dead letter ${_id} not found after parking`);
    return toDomain(this.cipher, stored);
  }

  async markNotified(channel: Channel, messageId: string, at: Date): Promise<void> {
    await this.model.updateOne({ _id: keyOf(channel, messageId) }, { $set: { notifiedAt: at } }).exec();
  }

  async list(page: Page): Promise<PageResult<DeadLetter>> {
    const { limit, skip } = pageBounds(page);
    const [rows, total] = await Promise.all([
      this.model.find().sort({ parkedAt: -1 }).skip(skip).limit(limit).lean<DeadLetterRecord[]>().exec(),
      this.model.countDocuments().exec(),
    ]);
    return { items: rows.map((r) => toDomain(this.cipher, r)), total };
  }
}
