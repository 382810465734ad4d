import type { Draft } from '../../dialogue/types.js';
import type { Application, ChatAddress } from '../../domain/application.js';
import { isFinal } from '../../domain/status.js';
import type { ApplicationRepository } from '../../ports/application-repository.js';
import type { DeletionRequest, DeletionRequestRepository } from '../../ports/deletion-request-repository.js';
import type { HandoffRepository, HandoffTicket } from '../../ports/handoff-repository.js';
import type { SatisfactionAnswer, SatisfactionRepository } from '../../ports/satisfaction-repository.js';

/** Days an abandoned draft is kept when DRAFT_DAYS is not given. */
export const DEFAULT_DRAFT_DAYS = 30;

/** Most officer conversations of one chat read at once (the port's own cap). */
const HANDOFFS_READ = 100;

/** What reading a chat's data needs: the stores that name a chat. */
export interface ChatDataDeps {
  applications: Pick<ApplicationRepository, 'listByContact'>;
  handoffs: Pick<HandoffRepository, 'listByChat'>;
  satisfaction: Pick<SatisfactionRepository, 'listByTickets'>;
  deletionRequests: Pick<DeletionRequestRepository, 'findPendingByChat'>;
}

/**
 * Everything Loket holds about one chat (UU 27/2022's right of access): the applications it
 * filed or was given as contact for, the conversations with officers, the satisfaction answers
 * about them, the draft in progress and a pending deletion request.
 */
export interface ChatData {
  applications: Application[];
  handoffs: HandoffTicket[];
  satisfaction: SatisfactionAnswer[];
  draft?: Draft;
  pendingDeletion?: DeletionRequest;
}

/** Reads what Loket holds about `chat`; the draft comes from the conversation state the caller has. */
export async function readChatData(deps: ChatDataDeps, chat: ChatAddress, draft?: Draft): Promise<ChatData> {
  const [applications, handoffs, pendingDeletion] = await Promise.all([
    deps.applications.listByContact(chat),
    deps.handoffs.listByChat(chat.channel, chat.chatId, HANDOFFS_READ),
    deps.deletionRequests.findPendingByChat(chat.channel, chat.chatId),
  ]);
  const satisfaction = await deps.satisfaction.listByTickets(handoffs.map((h) => h.id));
  return {
    applications,
    handoffs,
    satisfaction,
    ...(draft ? { draft } : {}),
    ...(pendingDeletion ? { pendingDeletion } : {}),
  };
}

/** Applications still being processed: their data is needed until they finish. */
export function inProgress(applications: readonly Application[]): Application[] {
  return applications.filter((a) => !isFinal(a.status));
}

/** Finished applications whose personal data is still there: what a deletion erases now. */
export function erasable(applications: readonly Application[]): Application[] {
  return applications.filter((a) => isFinal(a.status) && !a.erasedAt);
}
