import type { UndeliveredNotice } from '../../../../app/officer/list-undelivered.js';
import type { OutboxItem } from '../../../../ports/outbox.js';
import { channelName, t, type ConsoleLang } from '../../console-i18n.js';
import { maskChat } from '../../json-views.js';
import { ts } from '../../supervisor-i18n.js';
import { fmtWib } from '../audit-table.js';
import { DataTable } from '../data-table.js';
import { OptionList } from '../option-list.js';
import { Pager, type Paging } from './pager.js';

/** How much of a notice's text the table shows; the rest is in the application's history. */
const TEXT_SHOWN = 120;

/** A message's text, cut short, or the file a file row sends (its name; the export by what it is). */
function whatWasSent(lang: ConsoleLang, item: OutboxItem): string {
  if (!item.file) return item.reply.text.slice(0, TEXT_SHOWN);
  return `📎 ${item.file.kind === 'document' ? item.file.filename : ts(lang, 'exportFile')}`;
}

function DeliveryRow({
  lang,
  notice: { item, application: a },
}: {
  lang: ConsoleLang;
  notice: UndeliveredNotice;
}) {
  const unreachable = item.status === 'unreachable';
  return (
    <tr class={unreachable ? 'late' : undefined}>
      <td>{fmtWib(item.createdAt)}</td>
      <td>{a ? <a href={`/console/applications/${a.id}`}>{a.trackingNumber}</a> : '-'}</td>
      <td>
        {a ? a.applicant.name : ''}
        {a?.applicant.phone ? (
          <>
            <br />
            <small>{a.applicant.phone}</small>
          </>
        ) : null}
      </td>
      <td>{`${channelName(lang, item.channel)} ${maskChat(item.chatId)}`}</td>
      <td>{ts(lang, unreachable ? 'st_unreachable' : 'st_failed')}</td>
      <td>{item.attempts}</td>
      <td>
        <small>{item.lastError ?? ''}</small>
      </td>
      <td>
        <small>{whatWasSent(lang, item)}</small>
      </td>
    </tr>
  );
}

/** The deliveries page: who did not get their update, so staff can call them. */
export function DeliveriesView({
  lang,
  query: q,
  result,
  paging,
}: {
  lang: ConsoleLang;
  /** The filters as the form sent them. */
  query: Readonly<Record<string, string>>;
  result: { items: readonly UndeliveredNotice[]; total: number };
  paging: Paging;
}) {
  return (
    <>
      <p>{ts(lang, 'deliveriesHelp')}</p>
      <form method="get" action="/console/deliveries" class="filters">
        <label>
          {ts(lang, 'deliveryStatus')}
          <select name="status">
            <OptionList
              options={[
                ['', t(lang, 'all')],
                ['unreachable', ts(lang, 'st_unreachable')],
                ['failed', ts(lang, 'st_failed')],
              ]}
              current={q.status ?? ''}
            />
          </select>
        </label>
        <button>{t(lang, 'filter')}</button>
      </form>
      <DataTable
        id="deliveries"
        headers={[
          ts(lang, 'when'),
          t(lang, 'tracking'),
          t(lang, 'applicant'),
          t(lang, 'channel'),
          ts(lang, 'deliveryStatus'),
          ts(lang, 'attempts'),
          ts(lang, 'error'),
          ts(lang, 'message'),
        ]}
        empty={t(lang, 'none')}
      >
        {result.items.map((n) => (
          <DeliveryRow lang={lang} notice={n} />
        ))}
      </DataTable>
      <Pager lang={lang} path="/console/deliveries" query={q} paging={paging} total={result.total} />
    </>
  );
}
