import type { Flow } from '../../catalog/flow-schema.js';
import type { Actor, Application, ChatAddress } from '../../domain/application.js';
import type { ApplicationRepository } from '../../ports/application-repository.js';
import type { DocumentStore } from '../../ports/document-store.js';
import type { EventLog } from '../../ports/event-log.js';
import type { HandoffRepository } from '../../ports/handoff-repository.js';
import type { SatisfactionRepository } from '../../ports/satisfaction-repository.js';
import { eraseFinishedApplication } from '../officer/retention.js';
import { erasable, inProgress } from './chat-data.js';
import { eraseHandoff } from './erase-handoff.js';
import type { ErasureCause } from './erasure-cause.js';

/** Saves lost to a concurrent change before an application is left for retention to erase. */
const SAVE_TRIES = 3;

/** What erasing a chat's data needs. */
export interface EraseChatDeps {
  applications: ApplicationRepository;
  handoffs: Pick<HandoffRepository, 'listErasableByChat' | 'erase'>;
  satisfaction: Pick<SatisfactionRepository, 'dropComments'>;
  documents: DocumentStore;
  events: EventLog;
  /** The flows, to tell identifying answers from plain choices (as retention does). */
  flows: ReadonlyMap<string, Flow>;
}

/** What the erasure did, for the audit log and the citizen's notice. */
export interface ChatErasure {
  applicationsErased: number;
  /** Tracking numbers of the applications still in progress: kept until they finish. */
  kept: string[];
  handoffsErased: number;
  documentsDeleted: number;
}

/**
 * Erases what Loket holds about one chat now (an approved deletion request): finished
 * applications by the one application erasure retention uses (`eraseFinishedApplication`), the
 * closed officer conversations by the one handoff erasure retention uses (`eraseHandoff`), each
 * audited with the deciding officer and the request. Applications in progress are kept:
 * processing them needs the data, and retention erases them after they finish. The conversation
 * itself is reset by the decision's push.
 */
export async function eraseChatData(
  deps: EraseChatDeps,
  chat: ChatAddress,
  by: { actor: Actor; requestId: string; at: Date },
): Promise<ChatErasure> {
  const cause: ErasureCause = { actor: by.actor, at: by.at, why: { deletionRequestId: by.requestId } };
  const applications = await deps.applications.listByContact(chat);
  let applicationsErased = 0;
  let documentsDeleted = 0;
  for (const app of erasable(applications)) {
    const erased = await eraseApplication(deps, app, cause);
    if (erased === undefined) continue;
    applicationsErased++;
    documentsDeleted += erased;
  }
  let handoffsErased = 0;
  for (const handoff of await deps.handoffs.listErasableByChat(chat.channel, chat.chatId)) {
    const erased = await eraseHandoff(deps, handoff, cause);
    if (!erased) continue;
    handoffsErased++;
    documentsDeleted += erased.documentsDeleted;
  }
  return {
    applicationsErased,
    kept: inProgress(applications).map((a) => a.trackingNumber),
    handoffsErased,
    documentsDeleted,
  };
}

/**
 * One finished application erased as retention erases it, read again after a save lost to a
 * concurrent change; the number of its files, or undefined when it kept changing.
 */
async function eraseApplication(
  deps: EraseChatDeps,
  first: Application,
  cause: ErasureCause,
): Promise<number | undefined> {
  let app: Application | undefined = first;
  for (let tries = 0; app && erasable([app]).length > 0 && tries < SAVE_TRIES; tries++) {
    const deleted = await eraseFinishedApplication(deps, app, cause);
    if (deleted !== undefined) return deleted;
    app = await deps.applications.findById(first.id);
  }
  return undefined;
}
