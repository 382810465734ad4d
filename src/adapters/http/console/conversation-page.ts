import { cannedRepliesFor } from '../../../app/officer/canned-replies.js';
import { handoffContext, type HandoffContext } from '../../../app/officer/handoff-context.js';
import type { OfficerActor } from '../../../app/officer/officer-actor.js';
import { requirementText, serviceChoices } from '../../../app/officer/service-texts.js';
import type { HandoffTicket } from '../../../ports/handoff-repository.js';
import type { ConsoleLang } from '../console-i18n.js';
import type { OfficerHttpDeps } from '../officer-http-deps.js';
import type { ServiceRequirement } from '../views/requirement-picker.js';

/** What the conversation page shows beside the transcript. */
export interface ConversationPageData {
  context: HandoffContext;
  canned: string[];
  requirements: ServiceRequirement[];
}

/**
 * The conversation page's context, canned replies (the officer's office list) and requirement
 * texts, read together for one ticket the officer may see.
 */
export async function conversationPageData(
  deps: OfficerHttpDeps,
  officer: OfficerActor,
  ticket: HandoffTicket,
  lang: ConsoleLang,
): Promise<ConversationPageData> {
  const [context, canned] = await Promise.all([
    handoffContext(deps, ticket, lang),
    cannedRepliesFor(deps, officer),
  ]);
  const catalog = deps.catalog;
  const requirements = catalog
    ? serviceChoices(catalog, lang).map(([id, name]) => ({
        id,
        name,
        text: requirementText(catalog, lang, id) ?? '',
      }))
    : [];
  return { context, canned, requirements };
}
