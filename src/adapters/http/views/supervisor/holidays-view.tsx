import type { Holiday } from '../../../../domain/holidays.js';
import type { LocalHoliday } from '../../../../domain/office.js';
import type { ConsoleLang } from '../../console-i18n.js';
import { to } from '../../office-i18n.js';
import { DataTable } from '../data-table.js';
import { HolidayList } from './holiday-list.js';

/**
 * The holidays every office is closed on: the admins' additions (editable by admins) and the
 * shipped national list with its estimates marked.
 */
export function HolidaysView({
  lang,
  csrf,
  national,
  added,
  canEdit,
  form,
}: {
  lang: ConsoleLang;
  csrf: string;
  national: readonly Holiday[];
  added: readonly LocalHoliday[];
  canEdit: boolean;
  form?: { values: Readonly<Record<string, string>>; errors: Readonly<Record<string, string>> };
}) {
  return (
    <>
      <h2>{to(lang, 'added')}</h2>
      <HolidayList
        lang={lang}
        csrf={csrf}
        holidays={added}
        action="/console/holidays"
        canEdit={canEdit}
        {...(form ?? {})}
      />
      <h2>{to(lang, 'national')}</h2>
      <p>
        <small>{to(lang, 'nationalHelp')}</small>
      </p>
      <DataTable
        id="national-holidays"
        headers={[to(lang, 'date'), to(lang, 'holidayName'), to(lang, 'kind')]}
        empty={to(lang, 'none')}
      >
        {national.map((h) => (
          <tr class={h.tentative ? 'tentative' : undefined}>
            <td>
              <time dateTime={h.date}>{h.date}</time>
            </td>
            <td>{h.name}</td>
            <td>{to(lang, `kind_${h.kind}`)}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
