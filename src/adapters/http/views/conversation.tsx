import type { HandoffContext } from '../../../app/officer/handoff-context.js';
import type { AttachTarget } from '../../../app/officer/attach-handoff-file.js';
import type { HandoffTicket } from '../../../ports/handoff-repository.js';
import { channelName, t, type ConsoleLang } from '../console-i18n.js';
import { maskChat } from '../json-views.js';
import { CsrfField } from './csrf-field.js';
import type { TransferChoices } from '../../../app/officer/transfer-choices.js';
import { CloseForm, HandBackForm, NotesSection, TransferForm } from './conversation-flow.js';
import { Transcript } from './transcript.js';
import { HandoffContextView } from './handoff-context.js';
import { RequirementPicker, type ServiceRequirement } from './requirement-picker.js';
import { SendFileForm } from './handoff-file.js';

/** What the conversation page needs. */
export interface ConversationProps {
  lang: ConsoleLang;
  csrf: string;
  ticket: HandoffTicket;
  /** What the officer should know: the bot conversation before, the draft, applications, handoffs. */
  context: HandoffContext;
  /** Ready answers for the reply box: the office's list, or CANNED_REPLIES. */
  canned: readonly string[];
  /** Transfer targets and officer names for the workspace (notes, transfer, hand back). */
  choices: TransferChoices;
  /** The catalog's requirement text per service, to insert in a reply. */
  requirements: readonly ServiceRequirement[];
  /** Where a file of the transcript may be added: the citizen's open applications' document steps. */
  fileTargets?: readonly AttachTarget[];
}

/**
 * A claimed conversation: the transcript, the reply box with canned replies, release and close,
 * then the citizen's context (handoff-context.tsx). A closed one shows its transcript and no actions.
 */
export function Conversation(p: ConversationProps) {
  const { lang, csrf, ticket: tk, context, canned, requirements, choices, fileTargets = [] } = p;
  return (
    <>
      <p>{`${tk.citizenName ?? maskChat(tk.chatId)} · ${channelName(lang, tk.channel)} · ${t(lang, tk.reason)}`}</p>
      <Transcript lang={lang} csrf={csrf} ticket={tk} fileTargets={fileTargets} />
      {tk.status === 'closed' ? (
        <p>{t(lang, 'closed')}</p>
      ) : (
        <Actions
          lang={lang}
          csrf={csrf}
          id={tk.id}
          canned={canned}
          requirements={requirements}
          claimed={tk.status === 'claimed'}
        />
      )}
      {tk.status === 'closed' ? null : <SendFileForm lang={lang} csrf={csrf} ticketId={tk.id} />}
      {tk.status === 'claimed' ? (
        <TransferForm lang={lang} csrf={csrf} ticket={tk} choices={choices} />
      ) : null}
      <NotesSection lang={lang} csrf={csrf} ticket={tk} choices={choices} />
      <HandoffContextView lang={lang} ticketId={tk.id} context={context} />
    </>
  );
}

/** console.js copies a canned reply's `data-text` into `#reply-text` when it is tapped. */
function Actions(p: {
  lang: ConsoleLang;
  csrf: string;
  id: string;
  canned: readonly string[];
  claimed: boolean;
  requirements: readonly ServiceRequirement[];
}) {
  const { lang, csrf, id } = p;
  return (
    <>
      <form method="post" action={`/console/handoffs/${id}/reply`} class="card" id="reply-form" data-live>
        <CsrfField token={csrf} />
        <label>
          {t(lang, 'canned')}
          <span class="canned">
            {p.canned.map((c, i) => (
              <>
                {i > 0 ? ' ' : null}
                <button type="button" class="canned-reply" data-text={c}>
                  {c}
                </button>
              </>
            ))}
          </span>
        </label>
        <RequirementPicker lang={lang} services={p.requirements} />
        <textarea name="text" id="reply-text" rows={3} required maxlength={4000} />
        <button type="submit">{t(lang, 'reply')}</button>
      </form>
      <form method="post" action={`/console/handoffs/${id}/release`} class="inline" data-live>
        <CsrfField token={csrf} />
        <button>{t(lang, 'release')}</button>
      </form>
      {/* Inline forms: the space keeps the buttons apart. */}{' '}
      {/* Only a conversation someone holds can be handed back. */}
      {p.claimed ? <HandBackForm lang={lang} csrf={csrf} id={id} /> : null}{' '}
      <CloseForm lang={lang} csrf={csrf} id={id} label={t(lang, 'close')} />
    </>
  );
}
