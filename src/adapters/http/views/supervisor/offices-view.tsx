import type { Office } from '../../../../ports/office-repository.js';
import { t, type ConsoleLang } from '../../console-i18n.js';
import { ts } from '../../supervisor-i18n.js';
import { Pager, type Paging } from './pager.js';

/** Opening hours on one line: "mon 08:00-12:00,13:00-16:00; tue ...". */
function hoursText(o: Office): string {
  return Object.entries(o.hours)
    .map(([day, ranges]) => `${day} ${(ranges ?? []).map((r) => `${r.open}-${r.close}`).join(',')}`)
    .join('; ');
}

/** The offices of the admin's subtree, read-only (they come from the area data import). */
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
      <form method="get" action="/console/admin/offices" class="filters">
        <input name="q" placeholder={ts(lang, 'searchOffice')} value={q.q} />
        <button>{t(lang, 'filter')}</button>
      </form>
      <div class="scroll">
        <table id="offices">
          <thead>
            <tr>
              <th>{ts(lang, 'code')}</th>
              <th>{ts(lang, 'name')}</th>
              <th>{ts(lang, 'level')}</th>
              <th>{ts(lang, 'hours')}</th>
            </tr>
          </thead>
          <tbody>
            {result.items.length === 0 ? (
              <tr>
                <td colspan={4}>{t(lang, 'none')}</td>
              </tr>
            ) : (
              result.items.map((o) => (
                <tr>
                  <td>{o.id}</td>
                  <td>{o.name}</td>
                  <td>{o.level}</td>
                  <td>
                    <small>{hoursText(o)}</small>
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <Pager lang={lang} path="/console/admin/offices" query={q} paging={paging} total={result.total} />
    </>
  );
}
