import type { HandoffTicket } from '../../../ports/handoff-repository.js';
import { channelName, t, type ConsoleLang } from '../console-i18n.js';
import { maskChat } from '../json-views.js';
import { CsrfField } from './csrf-field.js';

/** What one queue row needs. */
export interface QueueRowProps {
  lang: ConsoleLang;
  csrf: string;
  ticket: HandoffTicket;
  now: Date;
}

function minutesSince(at: Date, now: Date): number {
  return Math.max(0, Math.round((now.getTime() - at.getTime()) / 60_000));
}

/** Who the citizen is, the channel and why they asked: the first cells of both lists. */
function TicketCells({ lang, ticket: tk }: { lang: ConsoleLang; ticket: HandoffTicket }) {
  return (
    <>
      <td>{tk.citizenName ?? maskChat(tk.chatId)}</td>
      <td>{channelName(lang, tk.channel)}</td>
      <td>
        {tk.priority ? (
          <>
            <strong>{t(lang, 'priority')}</strong>{' '}
          </>
        ) : null}
        {t(lang, tk.reason)}
      </td>
    </>
  );
}

/**
 * One waiting citizen in the live queue. The page and the event stream both send rows rendered
 * by this view, so console.js needs no template of its own; it finds rows by `data-id`.
 */
export function QueueRow({ lang, csrf, ticket: tk, now }: QueueRowProps) {
  return (
    <tr data-id={tk.id} class={tk.priority ? 'priority' : undefined}>
      <TicketCells lang={lang} ticket={tk} />
      <td>{`${minutesSince(tk.createdAt, now)} ${t(lang, 'minutes')}`}</td>
      <td>
        <form method="post" action={`/console/handoffs/${tk.id}/claim`}>
          <CsrfField token={csrf} />
          <button>{t(lang, 'claim')}</button>
        </form>
      </td>
    </tr>
  );
}

/** One conversation the officer holds, with the way back into it. */
export function HeldRow({ lang, ticket: tk, now }: Omit<QueueRowProps, 'csrf'>) {
  return (
    <tr data-id={tk.id} class={tk.priority ? 'priority' : undefined}>
      <TicketCells lang={lang} ticket={tk} />
      <td>{`${minutesSince(tk.claimedAt ?? tk.createdAt, now)} ${t(lang, 'minutes')}`}</td>
      <td>
        <a href={`/console/handoffs/${tk.id}`}>{t(lang, 'openConversation')}</a>
      </td>
    </tr>
  );
}
