import type { HandoffTicket } from '../../../ports/handoff-repository.js';
import { t, type ConsoleLang } from '../console-i18n.js';
import { maskChat } from '../json-views.js';
import { CsrfField } from './csrf-field.js';

/** What one queue row needs. */
export interface QueueRowProps {
  lang: ConsoleLang;
  csrf: string;
  ticket: HandoffTicket;
  now: Date;
}

/**
 * One waiting citizen in the live queue. The page and the event stream both send rows rendered
 * by this view, so console.js needs no template of its own; it finds rows by `data-id`.
 */
export function QueueRow({ lang, csrf, ticket: tk, now }: QueueRowProps) {
  const minutes = Math.max(0, Math.round((now.getTime() - tk.createdAt.getTime()) / 60_000));
  return (
    <tr data-id={tk.id} class={tk.priority ? 'priority' : undefined}>
      <td>{tk.citizenName ?? maskChat(tk.chatId)}</td>
      <td>{tk.channel}</td>
      <td>
        {tk.priority ? (
          <>
            <strong>{t(lang, 'priority')}</strong>{' '}
          </>
        ) : null}
        {t(lang, tk.reason)}
      </td>
      <td>{`${minutes} ${t(lang, 'minutes')}`}</td>
      <td>
        <form method="post" action={`/console/handoffs/${tk.id}/claim`}>
          <CsrfField token={csrf} />
          <button>{t(lang, 'claim')}</button>
        </form>
      </td>
    </tr>
  );
}
