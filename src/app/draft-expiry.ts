import type { ChatAddress } from '../domain/application.js';
import type { ConversationStore } from '../ports/conversation-store.js';
import type { IdleDraft, RetentionStore } from '../ports/retention-store.js';
import { runUnderLease, type LeaseRunDeps } from './lease-run.js';
import { NotDeliveredError, type PushConversationEvent } from './officer/push-conversation-event.js';

/** The lease that keeps two processes from reminding or removing drafts at once. */
export const DRAFT_EXPIRY_LEASE = 'job:draft-expiry';

/** Days between the reminder and the removal: what the reminder promises. */
export const DRAFT_NOTICE_DAYS = 3;

const DAY_MS = 86_400_000;
const LEASE_TTL_MS = 10 * 60_000;

/** What the draft expiry needs. */
export interface DraftExpiryDeps extends LeaseRunDeps {
  retention: Pick<RetentionStore, 'listIdleDrafts'>;
  conversations: Pick<ConversationStore, 'read'>;
  /** The event into the citizen's conversation, its replies on the one outbound path. */
  push: PushConversationEvent;
  /** DRAFT_DAYS: days untouched before a draft is removed (reminded DRAFT_NOTICE_DAYS before). */
  draftDays: number;
  /** Drafts looked at per run and kind; the next run goes on. */
  batchSize?: number;
}

/** What one run did; `ran` is false when another process held the lease. */
export interface DraftExpiryReport {
  ran: boolean;
  reminded: number;
  removed: number;
}

/**
 * Abandoned drafts (a flow in progress nobody touched for DRAFT_DAYS) hold answers and uploads a
 * citizen may never send: the citizen is reminded once, DRAFT_NOTICE_DAYS before, and the draft
 * is removed when the time is up, with one message saying so and how to start again. Both are
 * events pushed into the conversation (a turn: the state changes and the message goes out on the
 * one outbound path), keyed by the draft's last touch, so a run repeated after a crash says
 * nothing twice. The removal needs a reminder given DRAFT_NOTICE_DAYS before, however late it
 * came; a draft touched since either counts again from then. Nothing while an officer has the
 * conversation. Under its lease.
 */
export async function expireDrafts(deps: DraftExpiryDeps): Promise<DraftExpiryReport> {
  const now = deps.now().getTime();
  const limit = deps.batchSize ?? 200;
  const report = await runUnderLease(deps, DRAFT_EXPIRY_LEASE, LEASE_TTL_MS, async (renew) => {
    const r: DraftExpiryReport = { ran: true, reminded: 0, removed: 0 };
    const due = await deps.retention.listIdleDrafts(
      {
        touchedBefore: new Date(now - deps.draftDays * DAY_MS),
        remindedBefore: new Date(now - DRAFT_NOTICE_DAYS * DAY_MS),
      },
      limit,
    );
    for (const draft of due) if (await pushFor(deps, draft, 'draft_expired')) r.removed++;
    if (!(await renew())) return r;
    const idle = await deps.retention.listIdleDrafts(
      { touchedBefore: new Date(now - (deps.draftDays - DRAFT_NOTICE_DAYS) * DAY_MS) },
      limit,
    );
    for (const draft of idle) if (await pushFor(deps, draft, 'draft_expiring')) r.reminded++;
    return r;
  });
  return report ?? { ran: false, reminded: 0, removed: 0 };
}

async function pushFor(
  deps: DraftExpiryDeps,
  draft: IdleDraft,
  kind: 'draft_expiring' | 'draft_expired',
): Promise<boolean> {
  const address: ChatAddress = { channel: draft.channel, chatId: draft.chatId };
  // An officer has the conversation: the draft waits until it is the bot's again.
  const current = await deps.conversations.read(address.channel, address.chatId);
  if (!current?.state.flow || current.state.mode === 'handoff') return false;
  const days = kind === 'draft_expiring' ? DRAFT_NOTICE_DAYS : deps.draftDays;
  const messageId = `${kind}:${draft.touchedAt.getTime()}`;
  try {
    await deps.push(address, { kind, days }, { messageId });
  } catch (err) {
    // Recorded in the outbox and retried there; the conversation has changed already.
    if (!(err instanceof NotDeliveredError)) throw err;
  }
  return true;
}
