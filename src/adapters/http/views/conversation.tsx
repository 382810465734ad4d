import type { HandoffContext } from '../../../app/officer/handoff-context.js';
import type { HandoffTicket } from '../../../ports/handoff-repository.js';
import { t, type ConsoleLang } from '../console-i18n.js';
import { maskChat } from '../json-views.js';
import { fmtUtc } from './console-time.js';
import { CsrfField } from './csrf-field.js';
import { HandoffContextView } from './handoff-context.js';
import { RequirementPicker, type ServiceRequirement } from './requirement-picker.js';

/** What the conversation page needs. */
export interface ConversationProps {
  lang: ConsoleLang;
  csrf: string;
  ticket: HandoffTicket;
  /** What the officer should know: the bot conversation before, the draft, applications, handoffs. */
  context: HandoffContext;
  /** Ready answers for the reply box: the office's list, or CANNED_REPLIES. */
  canned: readonly string[];
  /** The catalog's requirement text per service, to insert in a reply. */
  requirements: readonly ServiceRequirement[];
}

/**
 * A claimed conversation: the transcript, the reply box with canned replies, release and close,
 * then the citizen's context (handoff-context.tsx). A closed one shows its transcript and no actions.
 */
export function Conversation({ lang, csrf, ticket: tk, context, canned, requirements }: ConversationProps) {
  return (
    <>
      <p>{`${tk.citizenName ?? maskChat(tk.chatId)} · ${tk.channel} · ${t(lang, tk.reason)}`}</p>
      <ol class="transcript" id="transcript">
        {tk.transcript
          .filter((l) => !l.beforeHandoff)
          .map((l) => (
            <li class={`from-${l.from}`}>
              <small>{`${fmtUtc(l.at)} · ${l.from}`}</small>
              <br />
              {l.text}
            </li>
          ))}
      </ol>
      {tk.status === 'closed' ? (
        <p>{t(lang, 'closed')}</p>
      ) : (
        <Actions lang={lang} csrf={csrf} id={tk.id} canned={canned} requirements={requirements} />
      )}
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
  requirements: readonly ServiceRequirement[];
}) {
  const { lang, csrf, id } = p;
  return (
    <>
      <form method="post" action={`/console/handoffs/${id}/reply`} class="card" id="reply-form">
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
      <form method="post" action={`/console/handoffs/${id}/release`} class="inline">
        <CsrfField token={csrf} />
        <button>{t(lang, 'release')}</button>
      </form>
      {/* Inline forms: the space keeps the two buttons apart. */}{' '}
      <form method="post" action={`/console/handoffs/${id}/close`} class="inline">
        <CsrfField token={csrf} />
        <button>{t(lang, 'close')}</button>
      </form>
    </>
  );
}
