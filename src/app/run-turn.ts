import type {
  ConversationState,
  Effect,
  Input,
  Reply,
  SystemEvent,
  Understanding,
} from '../dialogue/types.js';
import type { Engine } from '../dialogue/engine.js';
import type { HandleResult, InboundMessage } from './inbound.js';
import {
  CONFIRM_VERSION_AFTER_MS,
  type ConversationStore,
  type DraftMarks,
  type TurnOutbound,
} from '../ports/conversation-store.js';
import type { ClaimResult } from '../ports/inbound-log.js';
import { ConcurrencyError } from '../ports/errors.js';
import type { NewOutboxItem, OutboxOrigin } from '../ports/outbox.js';
import { turnRows } from './outbound/turn-rows.js';

/** Runs one engine effect; returns what the citizen must hear of its outcome (fed back to the engine). */
export interface EffectRunner {
  run(effect: Effect, ctx: { msg: InboundMessage; state: ConversationState }): Promise<SystemEvent[]>;
}

/** What running a turn needs. */
export interface TurnDeps {
  engine: Engine;
  understand: (text: string) => Understanding;
  conversations: ConversationStore;
  effects: EffectRunner;
  /** The wall clock (tests move it); never the message's own date. */
  now?: () => Date;
}

/**
 * A turn's outcome and the outbox rows of what it said: saved with its version, to be recorded
 * and sent. A duplicate carries the rows of the turn that handled it, recorded again in case the
 * process that saved it died before recording them.
 */
export type TurnResult = HandleResult & { rows: NewOutboxItem[] };

const MAX_EVENT_ROUNDS = 4;
const MAX_CONFLICT_RETRIES = 3;

/** How many handled inbound message ids a conversation version keeps, for redeliveries. */
export const HANDLED_KEPT = 20;

/** Re-runs a turn that lost an optimistic-concurrency race (another message of the chat saved first). */
export async function withConflictRetry<T>(turn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await turn();
    } catch (err) {
      if (!(err instanceof ConcurrencyError) || attempt >= MAX_CONFLICT_RETRIES) throw err;
    }
  }
}

/** A redelivered or concurrently handled message: answered without replies. */
export function unclaimed(result: Exclude<ClaimResult, 'claimed'>): TurnResult {
  return result === 'done'
    ? { status: 'duplicate', replies: [], rows: [] }
    : { status: 'busy', replies: [], rows: [] };
}

/**
 * One turn of a conversation: load, step the engine, run effects (feeding results back), save.
 * The save carries what the turn says to the citizen (`TurnOutbound`), so the decision and the
 * messages are one write. With `claim` (an inbound message) the turn is idempotent at two round
 * trips when it has no effect: a message the stored version lists as handled is a duplicate, and
 * of two deliveries saving from the same version only one wins (the other retries and finds it
 * handled). A turn with effects claims the message before running them, so they run in one
 * process at a time, and first checks that the version it read is still the latest when the read
 * may be stale (`readForTurn`). A pushed event has no `claim` and is never listed.
 */
export function makeRunTurn(
  deps: TurnDeps,
): (
  msg: InboundMessage,
  input: Input,
  claim?: () => Promise<ClaimResult>,
  origin?: OutboxOrigin,
) => Promise<TurnResult> {
  const now = deps.now ?? (() => new Date());
  return async function runTurn(msg, input, claim, origin) {
    // From before the read: the version may have been superseded while it was being read.
    let checkedAt = now().getTime();
    const stored = await deps.conversations.readForTurn(msg.channel, msg.chatId);
    if (claim && stored?.handled.includes(msg.messageId)) return duplicateOf(msg, stored);
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
    const outbound: TurnOutbound = { at: now(), replies, ...(origin ? { origin } : {}) };
    await deps.conversations.write(
      msg.channel,
      msg.chatId,
      state,
      stored?.version ?? null,
      msg.messageId,
      handled,
      outbound,
      draftMarks(state, msg.at),
    );
    return { status: 'processed', replies, rows: turnRows(msg.channel, msg.chatId, msg.messageId, outbound) };
  };
}

/**
 * The draft's marks the version carries beside its state, from what the dialogue keeps in it
 * (`flow.touchedAt`, `flow.remindedAt`); none without a draft. A draft the dialogue has not dated
 * counts as touched now.
 */
export function draftMarks(state: ConversationState, at: Date): DraftMarks | undefined {
  const flow = state.flow;
  if (!flow) return undefined;
  const date = (iso: string | undefined) =>
    iso && !Number.isNaN(Date.parse(iso)) ? new Date(iso) : undefined;
  const remindedAt = date(flow.remindedAt);
  return { touchedAt: date(flow.touchedAt) ?? at, ...(remindedAt ? { remindedAt } : {}) };
}

/** A message the latest version lists as handled; when that version is its turn, its rows again. */
function duplicateOf(
  msg: InboundMessage,
  stored: { messageId?: string; outbound?: TurnOutbound },
): TurnResult {
  const rows =
    stored.messageId === msg.messageId && stored.outbound
      ? turnRows(msg.channel, msg.chatId, msg.messageId, stored.outbound)
      : [];
  return { status: 'duplicate', replies: [], rows };
}
