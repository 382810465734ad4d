import type { Logger } from '../config/logger.js';
import type {
  ConversationState,
  Effect,
  Input,
  Reply,
  SystemEvent,
  Understanding,
} from '../dialogue/types.js';
import type { Engine } from '../dialogue/engine.js';
import type { HandleInbound, HandleResult, InboundMessage } from './inbound.js';
import { toCitizenInput } from './inbound-input.js';
import { NotDeliveredError } from './officer/push-conversation-event.js';
import type { ChatAddress } from '../domain/application.js';
import type { ChannelSender } from '../ports/channel-sender.js';
import { CONFIRM_VERSION_AFTER_MS, type ConversationStore } from '../ports/conversation-store.js';
import type { ClaimResult, InboundLog } from '../ports/inbound-log.js';
import type { DocumentStore } from '../ports/document-store.js';
import { ConcurrencyError } from '../ports/errors.js';

/** Runs one engine effect; returns what the citizen must hear of its outcome (fed back to the engine). */
export interface EffectRunner {
  run(effect: Effect, ctx: { msg: InboundMessage; state: ConversationState }): Promise<SystemEvent[]>;
}

/** What handling one inbound message needs. */
export interface HandleInboundDeps {
  engine: Engine;
  understand: (text: string) => Understanding;
  conversations: ConversationStore;
  inbound: InboundLog;
  documents: DocumentStore;
  effects: EffectRunner;
  logger: Logger;
  uploadMaxBytes: number;
  allowedTypes: string[];
  /** How long a claimed message stays ours before another process may retry it. */
  leaseMs?: number;
  /** The wall clock the claim lease runs on (tests move it); never the message's own date. */
  now?: () => Date;
}

const MAX_EVENT_ROUNDS = 4;
/** Claims whose release failed, remembered for their next delivery (bounded: the oldest go). */
const MAX_UNRELEASED = 10_000;
const MAX_CONFLICT_RETRIES = 3;

/**
 * The one path every channel uses for a citizen's message: load state, (for an upload: claim
 * the message and store the file), run the pure engine, claim the message if the turn has
 * effects and run them (feeding results back), save state with an optimistic version check (the
 * saved version names the message and lists it as handled, which marks it done). A plain text
 * answer is two round trips: the read and the write. A failure releases the claim so a
 * redelivery can succeed; nothing is marked processed that was not.
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
    try {
      // A file is stored before its turn runs: claimed first, so two deliveries never store it at once.
      if (msg.content.kind === 'file') {
        const result = await claim.take();
        if (result !== 'claimed') return unclaimed(result);
      }
      const input = await toCitizenInput(deps, msg);
      // Saving the turn's conversation version records the message as handled: no completion write.
      const outcome = await withConflictRetry(() => runTurn(msg, input, claim.take));
      if (outcome.status === 'processed') logHandled(deps.logger, msg, outcome.replies.length);
      return outcome;
    } catch (err) {
      if (claim.held()) await unreleased.release(msg, claim.at);
      throw err;
    }
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

/** Re-runs a turn that lost an optimistic-concurrency race (another message of the chat saved first). */
async function withConflictRetry<T>(turn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await turn();
    } catch (err) {
      if (!(err instanceof ConcurrencyError) || attempt >= MAX_CONFLICT_RETRIES) throw err;
    }
  }
}

type TurnDeps = Pick<HandleInboundDeps, 'engine' | 'understand' | 'conversations' | 'effects' | 'now'>;

/** A redelivered or concurrently handled message: answered without replies. */
function unclaimed(result: Exclude<ClaimResult, 'claimed'>): HandleResult {
  return result === 'done' ? { status: 'duplicate', replies: [] } : { status: 'busy', replies: [] };
}

/** How many handled inbound message ids a conversation version keeps, for redeliveries. */
export const HANDLED_KEPT = 20;

/**
 * One turn of a conversation: load, step the engine, run effects (feeding results back), save.
 * With `claim` (an inbound message) the turn is idempotent at two round trips when it has no
 * effect: a message the stored version lists as handled is a duplicate, and of two deliveries
 * saving from the same version only one wins (the other retries and finds it handled). A turn
 * with effects claims the message before running them, so they run in one process at a time,
 * and first checks that the version it read is still the latest when the read may be stale
 * (`readForTurn`). A pushed event has no `claim` and is never listed.
 */
function makeRunTurn(
  deps: TurnDeps,
): (msg: InboundMessage, input: Input, claim?: () => Promise<ClaimResult>) => Promise<HandleResult> {
  const now = deps.now ?? (() => new Date());
  return async function runTurn(msg, input, claim) {
    // From before the read: the version may have been superseded while it was being read.
    let checkedAt = now().getTime();
    const stored = await deps.conversations.readForTurn(msg.channel, msg.chatId);
    if (claim && stored?.handled.includes(msg.messageId)) return { status: 'duplicate', replies: [] };
    /** Throws ConcurrencyError (the turn is retried) unless the version read is still the latest. */
    const confirm = async (): Promise<void> => {
      const at = now().getTime();
      const latest = await deps.conversations.read(msg.channel, msg.chatId);
      if (latest?.version !== stored?.version)
        throw new ConcurrencyError('conversation', `${msg.channel}:${msg.chatId}`, stored?.version ?? null);
      checkedAt = at;
    };
    let state: ConversationState = stored?.state ?? deps.engine.initialState(msg.lang);
    let confirmed = false;
    const replies: Reply[] = [];
    let pending: Input[] = [input];
    for (let round = 0; pending.length > 0 && round < MAX_EVENT_ROUNDS; round++) {
      const next: Input[] = [];
      for (const inp of pending) {
        const out = deps.engine.step(state, inp, deps.understand);
        state = out.state;
        replies.push(...out.replies);
        for (const effect of out.effects) {
          const claimed = claim ? await claim() : 'claimed';
          if (claimed !== 'claimed') return unclaimed(claimed);
          // Effects act on the world: never from a version another process has superseded.
          if (stored?.unconfirmed && !confirmed) {
            await confirm();
            confirmed = true;
          }
          const events: SystemEvent[] = await deps.effects.run(effect, { msg, state });
          next.push(...events.map((e): Input => ({ ...e, at: input.at })));
        }
      }
      pending = next;
    }
    // A slow turn's version may be gone from the store soon (CONFIRM_VERSION_AFTER_MS).
    if (now().getTime() - checkedAt > CONFIRM_VERSION_AFTER_MS) await confirm();
    const before = stored?.handled ?? [];
    const handled = claim ? [...before, msg.messageId].slice(-HANDLED_KEPT) : before;
    await deps.conversations.write(
      msg.channel,
      msg.chatId,
      state,
      stored?.version ?? null,
      msg.messageId,
      handled,
    );
    return { status: 'processed', replies };
  };
}

/** What pushing an officer-side event into a conversation needs. */
export interface PushDeps extends TurnDeps {
  senders: ReadonlyMap<string, ChannelSender>;
  logger: Logger;
  now?: () => Date;
}

/**
 * Runs an event from the officer side (officer joined, officer message, handoff closed, revision
 * requested) through the citizen's conversation, saves the new state, and sends the replies to
 * the citizen's channel. Throws when the channel has no sender or the send fails, so the caller
 * can show that the message did not reach the citizen.
 */
export function makePushConversationEvent(
  deps: PushDeps,
): (address: ChatAddress, event: SystemEvent) => Promise<void> {
  const runTurn = makeRunTurn(deps);
  let seq = 0;
  return async function push(address, event) {
    const sender = deps.senders.get(address.channel);
    if (!sender) throw new NotDeliveredError('retry', `no sender for channel ${address.channel}`);
    const at = (deps.now ?? (() => new Date()))();
    const msg: InboundMessage = {
      ...address,
      // Effects key idempotency on the message id; a pushed event is never redelivered.
      messageId: `push:${at.getTime()}:${process.pid}:${++seq}`,
      at,
      content: { kind: 'command', command: 'menu' },
    };
    const { replies } = await withConflictRetry(() => runTurn(msg, { ...event, at: at.toISOString() }));
    if (replies.length === 0) return;
    const sent = await sender.send(address.chatId, replies);
    if (!sent.ok) {
      deps.logger.warn({ channel: address.channel, reason: sent.reason }, 'push not delivered');
      throw new NotDeliveredError(sent.reason, sent.error);
    }
  };
}
