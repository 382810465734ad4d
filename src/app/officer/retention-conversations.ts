import { runUnderLease, type LeaseRunDeps } from '../lease-run.js';
import type { ConversationStore } from '../../ports/conversation-store.js';
import type { RetentionStore } from '../../ports/retention-store.js';

/** The lease that keeps two processes from forgetting conversations at once. */
export const CONVERSATION_RETENTION_LEASE = 'job:conversation-retention';

const DAY_MS = 86_400_000;
const LEASE_TTL_MS = 10 * 60_000;

/** What forgetting idle conversations needs. */
export interface ConversationRetentionDeps extends LeaseRunDeps {
  retention: Pick<RetentionStore, 'listIdleConversations' | 'forgetConversation'>;
  conversations: Pick<ConversationStore, 'read'>;
  /** RETENTION_DAYS: days without a message before a conversation is forgotten. */
  retentionDays: number;
  batchSize?: number;
  /** At most this many conversations per run; the next run goes on. */
  maxPerRun?: number;
}

/** What one run did; `ran` is false when another process held the lease. */
export interface ConversationRetentionReport {
  ran: boolean;
  forgotten: number;
}

/**
 * Forgets conversations nobody wrote to for RETENTION_DAYS: the chat id (a phone number on
 * WhatsApp), the language and consent, the last lines kept for an officer. A draft is gone long
 * before (DRAFT_DAYS); one an officer still has (a handoff left open) is kept until it closes.
 * A citizen who writes again starts afresh (and is asked for consent again). Status notices
 * still reach the chat: they go to the application's contact. Under its lease.
 */
export async function forgetIdleConversations(
  deps: ConversationRetentionDeps,
): Promise<ConversationRetentionReport> {
  const before = new Date(deps.now().getTime() - deps.retentionDays * DAY_MS);
  const batchSize = deps.batchSize ?? 200;
  const maxPerRun = deps.maxPerRun ?? 5_000;
  const report = await runUnderLease(deps, CONVERSATION_RETENTION_LEASE, LEASE_TTL_MS, async (renew) => {
    let forgotten = 0;
    let looked = 0;
    const kept = new Set<string>();
    while (looked < maxPerRun) {
      const idle = (await deps.retention.listIdleConversations(before, batchSize + kept.size)).filter(
        (c) => !kept.has(`${c.channel}:${c.chatId}`),
      );
      if (idle.length === 0) break;
      for (const c of idle) {
        looked++;
        const current = await deps.conversations.read(c.channel, c.chatId);
        if (current?.state.mode === 'handoff') {
          kept.add(`${c.channel}:${c.chatId}`);
          continue;
        }
        await deps.retention.forgetConversation(c);
        forgotten++;
      }
      if (!(await renew())) break;
    }
    return { ran: true, forgotten };
  });
  return report ?? { ran: false, forgotten: 0 };
}
