import type { AttachTarget } from '../../../app/officer/attach-handoff-file.js';
import type { Application } from '../../../domain/application.js';
import { describeStatus } from '../../../domain/status.js';
import type { HandoffTicket } from '../../../ports/handoff-repository.js';
import { t, type ConsoleLang } from '../console-i18n.js';
import { maskChat } from '../json-views.js';
import { fmtUtc } from './console-time.js';
import { CsrfField } from './csrf-field.js';
import { SendFileForm, TranscriptFile } from './handoff-file.js';

/** What the conversation page needs. */
export interface ConversationProps {
  lang: ConsoleLang;
  csrf: string;
  ticket: HandoffTicket;
  /** The citizen's applications, found by their chat address. */
  apps: readonly Application[];
  /** Ready answers for the reply box (CANNED_REPLIES). */
  canned: readonly string[];
  /** Where a file of the transcript may be added: the citizen's open applications' document steps. */
  fileTargets?: readonly AttachTarget[];
}

/**
 * A claimed conversation: the transcript, the reply box with canned replies, release and close,
 * then the citizen's applications. A closed one shows its transcript and no actions.
 */
export function Conversation({ lang, csrf, ticket: tk, apps, canned, fileTargets = [] }: ConversationProps) {
  return (
    <>
      <p>{`${tk.citizenName ?? maskChat(tk.chatId)} · ${tk.channel} · ${t(lang, tk.reason)}`}</p>
      <ol class="transcript" id="transcript">
        {tk.transcript.map((l) => (
          <li class={`from-${l.from}`}>
            <small>{`${fmtUtc(l.at)} · ${l.from}`}</small>
            <br />
            {l.text}
            {l.attachment ? (
              <TranscriptFile
                lang={lang}
                csrf={csrf}
                ticketId={tk.id}
                file={l.attachment}
                targets={fileTargets}
              />
            ) : null}
          </li>
        ))}
      </ol>
      {tk.status === 'closed' ? (
        <p>{t(lang, 'closed')}</p>
      ) : (
        <>
          <Actions lang={lang} csrf={csrf} id={tk.id} canned={canned} />
          <SendFileForm lang={lang} csrf={csrf} ticketId={tk.id} />
        </>
      )}
      <h2>{t(lang, 'citizenApps')}</h2>
      <ul>
        {apps.length === 0 ? (
          <li>{t(lang, 'none')}</li>
        ) : (
          apps.map((a) => (
            <li>
              <a href={`/console/applications/${a.id}`}>{a.trackingNumber}</a>
              {` ${describeStatus(a.status, lang)}`}
            </li>
          ))
        )}
      </ul>
    </>
  );
}

/** console.js copies a canned reply's `data-text` into `#reply-text` when it is tapped. */
function Actions(p: { lang: ConsoleLang; csrf: string; id: string; canned: readonly string[] }) {
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
                  {c.slice(0, 40)}
                </button>
              </>
            ))}
          </span>
        </label>
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
