import type { OpeningHours, Weekday } from '../../../../domain/office.js';
import type { Office } from '../../../../ports/office-repository.js';
import { t, type ConsoleLang } from '../../console-i18n.js';
import { to } from '../../office-i18n.js';
import { ts } from '../../supervisor-i18n.js';
import { DataTable } from '../data-table.js';
import { Pager, type Paging } from './pager.js';

/** The week as the office's visitors count it, Monday first. */
const MONDAY_FIRST: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * Opening hours on one line in the console's language, Monday first, closed days left out, and
 * days in a row with the same hours joined: "Senin–Kamis 08:00–15:00; Jumat 08:00–11:30, 13:00–15:00".
 */
export function hoursText(lang: ConsoleLang, hours: OpeningHours): string {
  const open = MONDAY_FIRST.flatMap((day) => {
    const ranges = hours[day] ?? [];
    return ranges.length ? [{ day, text: ranges.map((r) => `${r.open}–${r.close}`).join(', ') }] : [];
  });
  const runs: Array<{ first: Weekday; last: Weekday; text: string }> = [];
  for (const d of open) {
    const prev = runs.at(-1);
    const next = prev && MONDAY_FIRST[MONDAY_FIRST.indexOf(prev.last) + 1];
    if (prev && next === d.day && prev.text === d.text) prev.last = d.day;
    else runs.push({ first: d.day, last: d.day, text: d.text });
  }
  const dayName = (d: Weekday) => to(lang, `day_${d}`);
  return runs
    .map((r) => `${dayName(r.first)}${r.last === r.first ? '' : `–${dayName(r.last)}`} ${r.text}`)
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
            <td>{to(lang, `level_${o.level}`)}</td>
            <td>
              <small>{hoursText(lang, o.hours)}</small>
            </td>
          </tr>
        ))}
      </DataTable>
      <Pager lang={lang} path="/console/admin/offices" query={q} paging={paging} total={result.total} />
    </>
  );
}
