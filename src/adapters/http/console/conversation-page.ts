import { attachTargets, type AttachTarget } from '../../../app/officer/attach-handoff-file.js';
import { cannedRepliesFor } from '../../../app/officer/canned-replies.js';
import { handoffContext, type HandoffContext } from '../../../app/officer/handoff-context.js';
import type { OfficerActor } from '../../../app/officer/officer-actor.js';
import { requirementText, serviceChoices } from '../../../app/officer/service-texts.js';
import { transferChoices, type TransferChoices } from '../../../app/officer/transfer-choices.js';
import type { HandoffTicket } from '../../../ports/handoff-repository.js';
import type { ConsoleLang } from '../console-i18n.js';
import type { OfficerHttpDeps } from '../officer-http-deps.js';
import type { ServiceRequirement } from '../views/requirement-picker.js';

/** What the conversation page shows beside the transcript. */
export interface ConversationPageData {
  context: HandoffContext;
  canned: string[];
  requirements: ServiceRequirement[];
  choices: TransferChoices;
  fileTargets: AttachTarget[];
}

/**
 * The conversation page's context, canned replies (the officer's office list), requirement
 * texts, transfer choices and where a file may be added, read together for one ticket the
 * officer may see. The citizen's applications are read once, for the context and the file picker.
 */
export async function conversationPageData(
  deps: OfficerHttpDeps,
  officer: OfficerActor,
  ticket: HandoffTicket,
  lang: ConsoleLang,
): Promise<ConversationPageData> {
  const apps = await deps.applications.listByContact({ channel: ticket.channel, chatId: ticket.chatId });
  const [context, canned, choices] = await Promise.all([
    handoffContext(deps, ticket, lang, apps),
    cannedRepliesFor(deps, officer),
    transferChoices(deps, officer, ticket),
  ]);
  const fileTargets = deps.intake
    ? attachTargets(deps.intake.catalog, deps.intake.uploadMaxBytes, apps, lang, deps.now())
    : [];
  const catalog = deps.catalog;
  const requirements = catalog
    ? serviceChoices(catalog, lang).map(([id, name]) => ({
        id,
        name,
        text: requirementText(catalog, lang, id) ?? '',
      }))
    : [];
  return { context, canned, requirements, choices, fileTargets };
}
