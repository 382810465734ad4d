import type { DeletionRow } from '../../../../app/officer/deletion-requests.js';
import { channelName, type ConsoleLang } from '../../console-i18n.js';
import { tdr } from '../../data-request-i18n.js';
import { maskChat } from '../../json-views.js';
import { fmtWib } from '../audit-table.js';
import { CsrfField } from '../csrf-field.js';
import { DataTable } from '../data-table.js';

/** A refusal that came back for a fix: which request, what was typed, what is wrong. */
export interface RefuseForm {
  id: string;
  values: Readonly<Record<string, string>>;
  errors: Readonly<Record<string, string>>;
}

function Deletes({ lang, row }: { lang: ConsoleLang; row: DeletionRow }) {
  if (row.request.status !== 'pending') return <td>-</td>;
  const parts = [
    tdr(lang, 'finalApplications', { count: row.finalApplications }),
    tdr(lang, 'handoffs', { count: row.handoffs }),
    ...(row.draft ? [tdr(lang, 'draft')] : []),
  ];
  return (
    <td>
      {parts.join(', ')}
      {row.inProgress.length > 0 ? (
        <>
          <br />
          <small>{tdr(lang, 'inProgress', { list: row.inProgress.join(', ') })}</small>
        </>
      ) : null}
    </td>
  );
}

function Decide({
  lang,
  csrf,
  row,
  form,
}: {
  lang: ConsoleLang;
  csrf: string;
  row: DeletionRow;
  form?: RefuseForm;
}) {
  const r = row.request;
  if (r.status !== 'pending') {
    return (
      <td>
        {r.decidedAt ? fmtWib(r.decidedAt) : ''} {r.reason ? <small>{r.reason}</small> : null}
      </td>
    );
  }
  const mine = form?.id === r.id ? form : undefined;
  return (
    <td>
      <form method="post" action={`/console/data-requests/${r.id}/approve`} class="inline">
        <CsrfField token={csrf} />
        <button type="submit">{tdr(lang, 'approve')}</button>
      </form>
      <form method="post" action={`/console/data-requests/${r.id}/refuse`} class="inline refuse">
        <CsrfField token={csrf} />
        <label>
          {tdr(lang, 'reason')}
          <input name="reason" value={mine?.values.reason} maxLength={1000} />
        </label>
        {mine?.errors.reason ? <span class="error">{mine.errors.reason}</span> : null}
        <button type="submit">{tdr(lang, 'refuse')}</button>
      </form>
    </td>
  );
}

/** The deletion requests: pending first with their deadline (red once late), then the decided ones. */
export function DataRequestsView({
  lang,
  csrf,
  rows,
  form,
}: {
  lang: ConsoleLang;
  csrf: string;
  rows: readonly DeletionRow[];
  form?: RefuseForm;
}) {
  return (
    <>
      <p>{tdr(lang, 'help')}</p>
      <DataTable
        id="data-requests"
        headers={[
          tdr(lang, 'requested'),
          tdr(lang, 'due'),
          tdr(lang, 'chat'),
          tdr(lang, 'status'),
          tdr(lang, 'deletes'),
          tdr(lang, 'decision'),
        ]}
        empty={tdr(lang, 'none')}
      >
        {rows.map((row) => (
          <tr data-request={row.request.id} class={row.overdue ? 'overdue' : undefined}>
            <td>{fmtWib(row.request.createdAt)}</td>
            <td>
              {fmtWib(row.request.dueAt)}
              {row.overdue ? <strong class="error"> {tdr(lang, 'overdue')}</strong> : null}
            </td>
            <td>{`${channelName(lang, row.request.channel)} ${maskChat(row.request.chatId)}`}</td>
            <td>{tdr(lang, row.request.status)}</td>
            <Deletes lang={lang} row={row} />
            <Decide lang={lang} csrf={csrf} row={row} {...(form ? { form } : {})} />
          </tr>
        ))}
      </DataTable>
    </>
  );
}
