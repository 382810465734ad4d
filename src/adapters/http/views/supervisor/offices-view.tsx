import type { Office } from '../../../../ports/office-repository.js';
import { t, type ConsoleLang } from '../../console-i18n.js';
import { to } from '../../office-i18n.js';
import { ts } from '../../supervisor-i18n.js';
import { DataTable } from '../data-table.js';
import { Pager, type Paging } from './pager.js';

/** Opening hours on one line: "mon 08:00-12:00,13:00-16:00; tue ...". */
function hoursText(o: Office): string {
  return Object.entries(o.hours)
    .map(([day, ranges]) => `${day} ${(ranges ?? []).map((r) => `${r.open}-${r.close}`).join(',')}`)
    .join('; ');
}

/** The offices of the admin's subtree; each name opens the office's edit page. */
export function OfficesView({
  lang,
  query: q,
  result,
  paging,
}: {
  lang: ConsoleLang;
  /** The search as the form sent it. */
  query: Readonly<Record<string, string>>;
  result: { items: readonly Office[]; total: number };
  paging: Paging;
}) {
  return (
    <>
      <p>
        <a href="/console/holidays">{to(lang, 'holidays')}</a>
      </p>
      <form method="get" action="/console/admin/offices" class="filters">
        <input name="q" placeholder={ts(lang, 'searchOffice')} value={q.q} />
        <button>{t(lang, 'filter')}</button>
      </form>
      <DataTable
        id="offices"
        headers={[ts(lang, 'code'), ts(lang, 'name'), ts(lang, 'level'), ts(lang, 'hours')]}
        empty={t(lang, 'none')}
      >
        {result.items.map((o) => (
          <tr>
            <td>{o.id}</td>
            <td>
              <a href={`/console/offices/${o.id}`}>{o.name}</a>
            </td>
            <td>{o.level}</td>
            <td>
              <small>{hoursText(o)}</small>
            </td>
          </tr>
        ))}
      </DataTable>
      <Pager lang={lang} path="/console/admin/offices" query={q} paging={paging} total={result.total} />
    </>
  );
}
