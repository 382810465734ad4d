import type { LocalHoliday } from '../../../../domain/office.js';
import type { ConsoleLang } from '../../console-i18n.js';
import { to } from '../../office-i18n.js';
import { CsrfField } from '../csrf-field.js';

function FieldError({ text }: { text: string | undefined }) {
  return text ? <span class="error">{text}</span> : null;
}

/**
 * Admin-added holidays with a remove button each (admins only), and the form to add one.
 * `action` is the list's URL: adding posts to it, removing to `action/<date>/delete`.
 */
export function HolidayList({
  lang,
  csrf,
  holidays,
  action,
  canEdit,
  values = {},
  errors = {},
}: {
  lang: ConsoleLang;
  csrf: string;
  holidays: readonly LocalHoliday[];
  action: string;
  canEdit: boolean;
  values?: Readonly<Record<string, string>>;
  errors?: Readonly<Record<string, string>>;
}) {
  return (
    <>
      {holidays.length === 0 ? <p>{to(lang, 'none')}</p> : null}
      <ul class="holidays">
        {holidays.map((h) => (
          <li>
            <time dateTime={h.date}>{h.date}</time> {h.name}
            {canEdit ? (
              <form method="post" action={`${action}/${h.date}/delete`} class="inline">
                <CsrfField token={csrf} />
                <button type="submit">{to(lang, 'remove')}</button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit ? (
        <form method="post" action={action} class="card holiday-add">
          <CsrfField token={csrf} />
          <label>
            {to(lang, 'date')}
            <input name="date" type="date" required value={values.date} />
          </label>
          <FieldError text={errors.date} />
          <label>
            {to(lang, 'holidayName')}
            <input name="name" required value={values.name} />
          </label>
          <FieldError text={errors.name} />
          <button type="submit">{to(lang, 'add')}</button>
        </form>
      ) : null}
    </>
  );
}
