import type { Logger } from '../config/logger.js';
import type { Understanding } from '../dialogue/types.js';
import type { Engine } from '../dialogue/engine.js';
import type { HandleInbound, HandleResult, InboundMessage } from './inbound.js';
import { toCitizenInput } from './inbound-input.js';
import type { ConversationStore } from '../ports/conversation-store.js';
import type { ClaimResult, InboundLog } from '../ports/inbound-log.js';
import type { DocumentStore } from '../ports/document-store.js';
import type { Outbound } from './outbound/outbound.js';
import { makeRunTurn, unclaimed, withConflictRetry, type EffectRunner, type TurnResult } from './run-turn.js';

export { HANDLED_KEPT, type EffectRunner } from './run-turn.js';

/** What handling one inbound message needs. */
export interface HandleInboundDeps {
  engine: Engine;
  understand: (text: string) => Understanding;
  conversations: ConversationStore;
  inbound: InboundLog;
  documents: DocumentStore;
  effects: EffectRunner;
  /** Where the turn's replies go: recorded and sent in order (src/app/outbound). */
  outbound: Outbound;
  logger: Logger;
  uploadMaxBytes: number;
  allowedTypes: string[];
  /** How long a claimed message stays ours before another process may retry it. */
  leaseMs?: number;
  /** The wall clock the claim lease runs on (tests move it); never the message's own date. */
  now?: () => Date;
}

/** Claims whose release failed, remembered for their next delivery (bounded: the oldest go). */
const MAX_UNRELEASED = 10_000;

/**
 * The one path every channel uses for a citizen's message: load state, (for an upload: claim
 * the message and store the file), run the pure engine, claim the message if the turn has
 * effects and run them (feeding results back), save state with an optimistic version check (the
 * saved version names the message, lists it as handled, which marks it done, and carries the
 * replies), then record the replies in the outbox and send them. A failure before the save
 * releases the claim so a redelivery can succeed; nothing is marked processed that was not. A
 * failure after it loses nothing: the replies are recorded again by a redelivery or the
 * reconciler, so the message still counts as handled.
 */
export function makeHandleInbound(deps: HandleInboundDeps): HandleInbound {
  const leaseMs = deps.leaseMs ?? 60_000;
  const now = deps.now ?? (() => new Date());
  const runTurn = makeRunTurn(deps);
  const unreleased = makeUnreleasedClaims(deps);

  return async function handleInbound(msg: InboundMessage): Promise<HandleResult> {
    await unreleased.releaseOnRedelivery(msg);
    // The lease runs on the wall clock: a redelivery carries the same message date, so a lease
    // measured from it would never lapse and a message claimed by a crashed process would stay
    // "busy" for ever.
    const claim = claimOnce(deps.inbound, msg, leaseMs, now());
    let outcome: TurnResult;
    try {
      // A file is stored before its turn runs: claimed first, so two deliveries never store it at once.
      if (msg.content.kind === 'file') {
        const result = await claim.take();
        if (result !== 'claimed') return stripRows(unclaimed(result));
      }
      const input = await toCitizenInput(deps, msg);
      // Saving the turn's conversation version records the message as handled: no completion write.
      outcome = await withConflictRetry(() => runTurn(msg, input, claim.take));
    } catch (err) {
      if (claim.held()) await unreleased.release(msg, claim.at);
      throw err;
    }
    await deps.outbound.deliver(outcome.rows).catch((err: unknown) => {
      deps.logger.error(
        { err, channel: msg.channel },
        'replies saved but not yet recorded; reconciled later',
      );
    });
    if (outcome.status === 'processed') logHandled(deps.logger, msg, outcome.replies.length);
    return stripRows(outcome);
  };
}

/** One delivery's claim on its message: taken at most once, and released if the turn fails. */
interface MessageClaim {
  /** Claims the message once, when its turn is about to do something beyond saving its state. */
  take: () => Promise<ClaimResult>;
  /** Whether this delivery holds the claim, so a failure must give it back. */
  held: () => boolean;
  /** The wall-clock time the lease is measured from; the release names it. */
  at: Date;
}

/** The claim of one delivery, measured from `at`. */
function claimOnce(inbound: InboundLog, msg: InboundMessage, leaseMs: number, at: Date): MessageClaim {
  let held = false;
  return {
    at,
    held: () => held,
    take: async () => {
      if (held) return 'claimed';
      const result = await inbound.claim(msg.channel, msg.messageId, leaseMs, at, msg.chatId);
      held = result === 'claimed';
      return result;
    },
  };
}

/**
 * Our own claims that failed and could not be released (the database went away mid-turn), by
 * `channel:messageId`: released when the message comes again, so it is handled as soon as the
 * database is back rather than answered "busy" until the lease lapses.
 */
function makeUnreleasedClaims(deps: Pick<HandleInboundDeps, 'inbound' | 'logger'>) {
  const unreleased = new Map<string, Date>();
  const keyOf = (msg: InboundMessage) => `${msg.channel}:${msg.messageId}`;
  return {
    /** Gives back a claim this process kept from an earlier delivery of the message. */
    async releaseOnRedelivery(msg: InboundMessage): Promise<void> {
      const stale = unreleased.get(keyOf(msg));
      if (!stale) return;
      await deps.inbound.release(msg.channel, msg.messageId, stale);
      unreleased.delete(keyOf(msg));
    },
    /** Releases a failed turn's claim; when that fails too, remembers it for the next delivery. */
    async release(msg: InboundMessage, claimedAt: Date): Promise<void> {
      await deps.inbound.release(msg.channel, msg.messageId, claimedAt).catch((e: unknown) => {
        deps.logger.error({ err: e }, 'could not release inbound claim; released on its next delivery');
        unreleased.set(keyOf(msg), claimedAt);
        if (unreleased.size > MAX_UNRELEASED) unreleased.delete(unreleased.keys().next().value!);
      });
    },
  };
}

/** Never the text: it may hold a NIK. The chat id of WhatsApp is a phone number: its tail only. */
function logHandled(logger: Logger, msg: InboundMessage, replies: number): void {
  logger.debug(
    { channel: msg.channel, chat: `…${msg.chatId.slice(-4)}`, input: msg.content.kind, replies },
    'inbound handled',
  );
}

/** The outcome as the channel sees it: the rows are the outbound path's business. */
function stripRows(outcome: TurnResult): HandleResult {
  const { rows: _rows, ...result } = outcome;
  return result;
}
