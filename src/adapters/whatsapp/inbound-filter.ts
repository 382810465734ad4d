import { toNumber, type BaileysEventMap, type WAMessage } from '@whiskeysockets/baileys';
import type { Logger } from '../../config/logger.js';
import { parseMessage, type ParsedMessage } from './parse-message.js';

/** What choosing the messages to answer needs. */
export interface InboundFilterOptions {
  logger: Logger;
  /**
   * How old a message delivered as `append` may be and still be answered. Baileys delivers what
   * the server kept while we were offline as `append`; an older one is a chat's history, which
   * a citizen does not expect an answer to any more.
   */
  backlogMaxAgeMs: number;
  /** How many answered message ids are remembered against a second delivery. */
  remember?: number;
  now?: () => Date;
}

/** A citizen's message to answer: Baileys' message and what it means to the channel. */
export interface CitizenMessage {
  raw: WAMessage;
  msg: ParsedMessage;
}

/** Picks the messages of one `messages.upsert` to answer; lazy, so each is queued as soon as it is read. */
export type InboundFilter = (upsert: BaileysEventMap['messages.upsert']) => Generator<CitizenMessage>;

/**
 * The messages a citizen sent in a private chat (groups, status, channels and our own are
 * skipped), live (`notify`) or kept by the server while Loket was offline (`append`, within the
 * backlog age), each once: a message Baileys delivers again (as `append` and then `notify`, or
 * twice) is recognised by its id. An undecryptable message is not remembered, because Baileys
 * delivers it again under the same id once the sender's phone has sent it anew. Across
 * restarts the use case's inbound log recognises a message handled before.
 */
export function createInboundFilter(opts: InboundFilterOptions): InboundFilter {
  const seen = new SeenIds(opts.remember ?? 5000);
  const now = opts.now ?? (() => new Date());
  return function* citizenMessages({ messages, type }) {
    for (const raw of messages) {
      const parsed = parseMessage(raw);
      if ('ignore' in parsed) {
        opts.logger.debug({ reason: parsed.ignore }, 'whatsapp message ignored');
        continue;
      }
      if (type === 'append' && !withinBacklog(raw, now(), opts.backlogMaxAgeMs)) {
        opts.logger.debug({ messageId: parsed.messageId }, 'whatsapp history message not answered');
        continue;
      }
      const kind = parsed.content.kind;
      if (kind !== 'undecryptable' && kind !== 'silent') {
        if (seen.has(parsed.messageId)) {
          opts.logger.debug({ messageId: parsed.messageId, type }, 'whatsapp message delivered again');
          continue;
        }
        seen.add(parsed.messageId);
      }
      yield { raw, msg: parsed };
    }
  };
}

/** Whether a message's own timestamp lies within the backlog age; one without is history. */
function withinBacklog(raw: WAMessage, now: Date, maxAgeMs: number): boolean {
  const seconds = raw.messageTimestamp ? toNumber(raw.messageTimestamp) : 0;
  return seconds > 0 && now.getTime() - seconds * 1000 <= maxAgeMs;
}

/** A bounded set of message ids: the oldest are forgotten first. */
class SeenIds {
  private readonly ids = new Set<string>();
  constructor(private readonly max: number) {}

  has(id: string): boolean {
    return this.ids.has(id);
  }

  add(id: string): void {
    this.ids.add(id);
    for (const oldest of this.ids) {
      if (this.ids.size <= this.max) break;
      this.ids.delete(oldest);
    }
  }
}
