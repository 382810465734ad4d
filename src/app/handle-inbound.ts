import type { Logger } from '../config/logger.js';
import type {
  ConversationState,
  Effect,
  Input,
  Reply,
  SystemEvent,
  Understanding,
  UploadedFile,
} from '../dialogue/types.js';
import type { Engine } from '../dialogue/engine.js';
import type { HandleInbound, HandleResult, InboundFile, InboundMessage } from './inbound.js';
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

  /**
   * Our own claims that failed and could not be released (the database went away mid-turn), by
   * `channel:messageId`: released when the message comes again, so it is handled as soon as the
   * database is back rather than answered "busy" until the lease lapses.
   */
  const unreleased = new Map<string, Date>();

  return async function handleInbound(msg: InboundMessage): Promise<HandleResult> {
    const key = `${msg.channel}:${msg.messageId}`;
    const stale = unreleased.get(key);
    if (stale) {
      await deps.inbound.release(msg.channel, msg.messageId, stale);
      unreleased.delete(key);
    }
    // The lease runs on the wall clock: a redelivery carries the same message date, so a lease
    // measured from it would never lapse and a message claimed by a crashed process would stay
    // "busy" for ever.
    const claimedAt = now();
    let claimed = false;
    /** Claims the message once, when its turn is about to do something beyond saving its state. */
    const claim = async (): Promise<ClaimResult> => {
      if (claimed) return 'claimed';
      const result = await deps.inbound.claim(msg.channel, msg.messageId, leaseMs, claimedAt, msg.chatId);
      claimed = result === 'claimed';
      return result;
    };
    try {
      // A file is stored before its turn runs: claimed first, so two deliveries never store it at once.
      if (msg.content.kind === 'file') {
        const result = await claim();
        if (result !== 'claimed') return unclaimed(result);
      }
      const input = await toCitizenInput(msg);
      // Saving the turn's conversation version records the message as handled: no completion write.
      const outcome = await withConflictRetry(() => runTurn(msg, input, claim));
      if (outcome.status !== 'processed') return outcome;
      // Never the text: it may hold a NIK. The chat id of WhatsApp is a phone number: its tail only.
      deps.logger.debug(
        {
          channel: msg.channel,
          chat: `…${msg.chatId.slice(-4)}`,
          input: msg.content.kind,
          replies: outcome.replies.length,
        },
        'inbound handled',
      );
      return outcome;
    } catch (err) {
      if (claimed)
        await deps.inbound.release(msg.channel, msg.messageId, claimedAt).catch((e: unknown) => {
          deps.logger.error({ err: e }, 'could not release inbound claim; released on its next delivery');
          unreleased.set(key, claimedAt);
          if (unreleased.size > MAX_UNRELEASED) unreleased.delete(unreleased.keys().next().value!);
        });
      throw err;
    }
  };

  async function toCitizenInput(msg: InboundMessage): Promise<Input> {
    const at = msg.at.toISOString();
    const c = msg.content;
    if (c.kind !== 'file') return { ...c, at };
    const file = await storeUpload(msg, c.file);
    return { kind: 'file', file, ...(c.file.caption ? { caption: c.file.caption } : {}), at };
  }

  /**
   * Stores the upload as pending (the engine decides whether the step takes it). A file refused
   * by size or type is not stored: the engine still hears of it (empty id) and explains why.
   */
  async function storeUpload(msg: InboundMessage, f: InboundFile): Promise<UploadedFile> {
    const refused = (contentType: string, size: number, problem?: UploadedFile['problem']): UploadedFile => ({
      documentId: '',
      filename: f.filename,
      contentType,
      size,
      sha256: '',
      ...(problem ? { problem } : {}),
    });
    if (f.announcedSize !== undefined && f.announcedSize > deps.uploadMaxBytes)
      return refused('application/octet-stream', f.announcedSize);
    let bytes: Buffer;
    try {
      bytes = await f.fetch(deps.uploadMaxBytes);
    } catch (err) {
      if ((err as { code?: string }).code === 'TOO_BIG')
        return refused('application/octet-stream', deps.uploadMaxBytes + 1);
      throw err;
    }
    const put = await deps.documents.put({
      bytes,
      filename: f.filename,
      owner: { channel: msg.channel, chatId: msg.chatId },
      maxBytes: deps.uploadMaxBytes,
      allowedTypes: deps.allowedTypes,
      // A redelivery of this message gets the file stored the first time, never a second copy.
      key: `${msg.channel}:${msg.messageId}`,
    });
    if (!put.ok) {
      const problem = put.reason === 'too_big' || put.reason === 'type_not_allowed' ? undefined : put.reason;
      return refused(put.detectedType ?? 'application/octet-stream', bytes.length, problem);
    }
    return put.file;
  }
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
    if (!sender) throw new Error(`no sender for channel ${address.channel}`);
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
      throw new Error(`not delivered: ${sent.reason}`);
    }
  };
}
